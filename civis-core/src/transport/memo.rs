//! Answers remembered per client (the lookup helpers' ids), computed once per key.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use serde_json::Value;

use crate::data::error::Error;

/// Memoised answers, keyed by what was asked (the lookup helpers use their name and arguments).
/// Each key has its own slot, so that threads asking for the same name at once make one request
/// between them (the first asks, the others wait for its answer) while lookups of other names go
/// on in parallel.
#[derive(Debug, Default)]
pub(crate) struct Memo {
    slots: Mutex<HashMap<String, Arc<Mutex<Option<Value>>>>>,
}

impl Memo {
    /// The answer memoised under `key`, or `compute`'s, memoised when it succeeds (a failure is
    /// not remembered: the next lookup asks again).
    pub(crate) fn get_or_compute<T>(
        &self,
        key: String,
        compute: impl FnOnce() -> Result<T, Error>,
    ) -> Result<T, Error>
    where
        T: serde::Serialize + serde::de::DeserializeOwned,
    {
        let slot = self
            .slots
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(key)
            .or_default()
            .clone();
        let mut answer = slot.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(value) = answer
            .as_ref()
            .and_then(|a| serde_json::from_value(a.clone()).ok())
        {
            return Ok(value);
        }
        let value = compute()?;
        *answer = serde_json::to_value(&value).ok();
        Ok(value)
    }
}
