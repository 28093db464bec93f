//! Where the Civis API spec is kept and how it is fetched: `GET /endpoints` with the API key,
//! cached in `~/.civis_api_spec.json` for 24 hours, as civis-python does.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// How long a cached spec stays fresh (civis-python's lifetime outside interactive sessions).
pub const CACHE_LIFETIME: Duration = Duration::from_secs(24 * 60 * 60);

/// The cache file: `CIVIS_API_SPEC_CACHE` when set, else `~/.civis_api_spec.json`.
pub fn default_cache_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CIVIS_API_SPEC_CACHE").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"))?;
    Some(PathBuf::from(home).join(".civis_api_spec.json"))
}

/// Whether the file at `path` exists and was written less than [`CACHE_LIFETIME`] ago.
pub fn is_fresh(path: &Path) -> bool {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|modified| SystemTime::now().duration_since(modified).ok())
        .is_some_and(|age| age < CACHE_LIFETIME)
}

/// Whether `CIVIS_API_SPEC_REFRESH=1` asks for a new download whatever the cache holds.
pub fn refresh_requested() -> bool {
    std::env::var("CIVIS_API_SPEC_REFRESH").is_ok_and(|v| v == "1")
}

#[cfg(feature = "client")]
mod download {
    use std::path::Path;

    use serde_json::Value;

    use crate::client::Client;
    use crate::error::Error;
    use crate::request::HttpRequest;

    impl Client {
        /// Downloads the spec (`GET /endpoints`, retried like every call) and returns its bytes
        /// as served, after checking that they are JSON. Key order is kept, which matters:
        /// argument order comes from it.
        pub fn download_api_spec(&self) -> Result<Vec<u8>, Error> {
            let request = HttpRequest {
                verb: "GET",
                path_and_query: "/endpoints".into(),
                headers: Vec::new(),
                body: None,
            };
            let raw = self.execute(&request)?;
            raw.json::<serde::de::IgnoredAny>(request.verb, &request.path_and_query)?;
            Ok(raw.body)
        }
    }

    /// civis-python's `get_api_spec`: the spec downloaded with `api_key` from
    /// `CIVIS_API_ENDPOINT` (default `https://api.civisanalytics.com/`).
    pub fn get_api_spec(api_key: &str) -> Result<Value, Error> {
        let bytes = Client::builder()
            .api_key(api_key)
            .build()?
            .download_api_spec()?;
        serde_json::from_slice(&bytes).map_err(|e| Error::Decode {
            method: "GET".into(),
            path: "/endpoints".into(),
            detail: e.to_string(),
            snippet: String::new(),
        })
    }

    /// civis-python's `cache_api_spec`: downloads the spec with `api_key` and saves it, as
    /// served, at `path`.
    pub fn cache_api_spec(path: impl AsRef<Path>, api_key: &str) -> Result<(), Error> {
        let bytes = Client::builder()
            .api_key(api_key)
            .build()?
            .download_api_spec()?;
        save(path.as_ref(), &bytes)
    }

    /// Writes `bytes` to `path` through a temporary file, so a reader never sees half a spec.
    pub fn save(path: &Path, bytes: &[u8]) -> Result<(), Error> {
        let io_error = |source: std::io::Error| Error::Io {
            path: path.display().to_string(),
            source,
        };
        let mut temporary = path.as_os_str().to_owned();
        temporary.push(format!(".{}.tmp", std::process::id()));
        std::fs::write(&temporary, bytes).map_err(io_error)?;
        std::fs::rename(&temporary, path).map_err(io_error)
    }
}

#[cfg(feature = "client")]
pub use download::{cache_api_spec, get_api_spec, save};
