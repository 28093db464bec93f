//! The progress callback of the transfer builders.

use std::io::{self, Read};
use std::sync::{Arc, Mutex};

/// A progress callback: bytes done, bytes in total.
pub(crate) type ProgressFn = Arc<dyn Fn(u64, u64) + Send + Sync>;

/// The bytes done of one transfer, told to the callback after each change. Parts uploaded on
/// several threads share one; the lock makes each call see the count its change produced, so a
/// progress bar never moves back except when a failed attempt's bytes are taken back.
pub(crate) struct Progress {
    callback: Option<ProgressFn>,
    total: u64,
    done: Mutex<u64>,
}

impl Progress {
    pub(crate) fn new(callback: Option<ProgressFn>, total: u64) -> Self {
        Self {
            callback,
            total,
            done: Mutex::new(0),
        }
    }

    /// Counts `bytes` more done.
    pub(crate) fn add(&self, bytes: u64) {
        self.change(|done| done.saturating_add(bytes));
    }

    /// Takes back the bytes of an attempt that failed and will be sent again.
    pub(crate) fn take_back(&self, bytes: u64) {
        self.change(|done| done.saturating_sub(bytes));
    }

    fn change(&self, f: impl FnOnce(u64) -> u64) {
        let Some(callback) = &self.callback else {
            return;
        };
        let mut done = self.done.lock().unwrap_or_else(|e| e.into_inner());
        *done = f(*done);
        callback(*done, self.total);
    }
}

/// A reader that tells `progress` of every byte read through it, and counts them so that a
/// failed attempt can take them back.
pub(crate) struct Counted<'p, R> {
    pub(crate) inner: R,
    pub(crate) progress: &'p Progress,
    pub(crate) count: u64,
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count += n as u64;
        self.progress.add(n as u64);
        Ok(n)
    }
}
