//! Where the Civis API spec is kept and how it is fetched: a project's `.civis/` directory,
//! `GET /endpoints` with the API key, cached in `~/.civis_api_spec.json` for 24 hours, as
//! civis-python does.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// How long a cached spec stays fresh (civis-python's lifetime outside interactive sessions).
pub const CACHE_LIFETIME: Duration = Duration::from_secs(24 * 60 * 60);

/// Where a project pins the spec it builds against, relative to a directory of the project (as
/// sqlx keeps its offline data in `.sqlx/`); `civis spec download` writes there by default.
pub const PROJECT_SPEC: &str = ".civis/civis_api_spec.json";

/// The project spec ([`PROJECT_SPEC`]) in `start` or the nearest directory above it that has
/// one.
pub fn find_project_spec(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(PROJECT_SPEC))
        .find(|candidate| candidate.is_file())
}

/// How long ago the file at `path` was written; `None` when it does not exist.
pub fn age(path: &Path) -> Option<Duration> {
    let modified = std::fs::metadata(path).ok()?.modified().ok()?;
    Some(
        SystemTime::now()
            .duration_since(modified)
            .unwrap_or_default(),
    )
}

/// An age in the largest whole unit that fits: `3 days`, `5 hours`, `12 minutes`.
pub fn describe_age(age: Duration) -> String {
    let seconds = age.as_secs();
    let (count, unit) = match seconds {
        s if s >= 2 * 86_400 => (s / 86_400, "days"),
        s if s >= 2 * 3_600 => (s / 3_600, "hours"),
        s if s >= 120 => (s / 60, "minutes"),
        s => (s, "seconds"),
    };
    format!("{count} {unit}")
}

/// The cache file: `CIVIS_API_SPEC_CACHE` when set, else `~/.civis_api_spec.json`.
pub fn default_cache_path() -> Option<PathBuf> {
    cache_path(|name| std::env::var(name).ok())
}

/// The cache file as [`default_cache_path`] finds it, with the environment read through `var`.
pub fn cache_path(var: impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    let var = |name: &str| var(name).filter(|v| !v.is_empty());
    if let Some(path) = var("CIVIS_API_SPEC_CACHE") {
        return Some(PathBuf::from(path));
    }
    let home = var("HOME").or_else(|| var("USERPROFILE"))?;
    Some(PathBuf::from(home).join(".civis_api_spec.json"))
}

/// Whether the file at `path` exists and was written less than [`CACHE_LIFETIME`] ago.
pub fn is_fresh(path: &Path) -> bool {
    age(path).is_some_and(|age| age < CACHE_LIFETIME)
}

/// Whether `CIVIS_API_SPEC_REFRESH=1` asks for a new download whatever the cache holds.
pub fn refresh_requested() -> bool {
    std::env::var("CIVIS_API_SPEC_REFRESH").is_ok_and(|v| v == "1")
}

#[cfg(feature = "client")]
mod download {
    use std::path::Path;

    use serde_json::Value;

    use crate::data::error::Error;
    use crate::transport::client::Client;
    use crate::transport::http_request::HttpRequest;

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

    /// The spec downloaded (civis-python's `get_api_spec`) with `api_key` from
    /// `CIVIS_API_ENDPOINT` (default `https://api.civisanalytics.com/`).
    pub fn download(api_key: &str) -> Result<Value, Error> {
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

    /// Downloads the spec with `api_key` and saves it, as served, at `path` (civis-python's
    /// `cache_api_spec`).
    pub fn download_to(path: impl AsRef<Path>, api_key: &str) -> Result<(), Error> {
        let bytes = Client::builder()
            .api_key(api_key)
            .build()?
            .download_api_spec()?;
        save(path.as_ref(), &bytes)
    }

    /// Downloads the spec from `endpoint` (else `CIVIS_API_ENDPOINT`, else the default) with
    /// `api_key` into `cache`, with the short timeouts and few retries of a download nobody
    /// asked to wait for: a build (`civis_api!`) or a command line starting up. A wrong or
    /// unreachable endpoint fails within seconds (5 s to connect, 20 s per read, 60 s in all,
    /// at most 2 retries within 30 s).
    pub fn download_to_cache(
        cache: &Path,
        api_key: &str,
        endpoint: Option<&str>,
    ) -> Result<(), Error> {
        let mut builder = Client::builder()
            .api_key(api_key)
            .connect_timeout(std::time::Duration::from_secs(5))
            .read_timeout(std::time::Duration::from_secs(20))
            .timeout(std::time::Duration::from_secs(60))
            .retry(crate::transport::retry::Retry {
                max_elapsed: std::time::Duration::from_secs(30),
                ..crate::transport::retry::Retry::total(2)
            });
        if let Some(endpoint) = endpoint {
            builder = builder.base_url(endpoint);
        }
        let bytes = builder.build()?.download_api_spec()?;
        save(cache, &bytes)
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
pub use download::{download, download_to, download_to_cache, save};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_read_in_their_largest_unit() {
        assert_eq!(describe_age(Duration::from_secs(59)), "59 seconds");
        assert_eq!(describe_age(Duration::from_secs(3 * 60 + 5)), "3 minutes");
        assert_eq!(describe_age(Duration::from_secs(5 * 3600)), "5 hours");
        assert_eq!(describe_age(Duration::from_secs(3 * 86_400 + 7)), "3 days");
    }

    #[test]
    fn the_project_spec_is_found_in_the_nearest_directory_above() {
        let root = std::env::temp_dir().join(format!("civis-project-{}", std::process::id()));
        let crate_dir = root.join("crates/app");
        std::fs::create_dir_all(crate_dir.join("src")).unwrap();
        assert_eq!(find_project_spec(&crate_dir), None);
        std::fs::create_dir_all(root.join(".civis")).unwrap();
        std::fs::write(root.join(PROJECT_SPEC), "{}").unwrap();
        assert_eq!(find_project_spec(&crate_dir), Some(root.join(PROJECT_SPEC)));
        std::fs::create_dir_all(crate_dir.join(".civis")).unwrap();
        std::fs::write(crate_dir.join(PROJECT_SPEC), "{}").unwrap();
        assert_eq!(
            find_project_spec(&crate_dir),
            Some(crate_dir.join(PROJECT_SPEC))
        );
        std::fs::remove_dir_all(&root).unwrap();
    }
}
