//! The spec's download: `GET /endpoints` with the API key, as civis-python's `get_api_spec` and
//! `cache_api_spec`, saved where the data layer keeps the spec (`data::spec_files`: the
//! project's `.civis/`, the cache `~/.civis_api_spec.json`), and the download a build makes when
//! it finds no spec (given to the generator's `model::spec_source`).

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::data::error::Error;
use crate::transport::client::Client;
use crate::transport::http_request::HttpRequest;

impl Client {
    /// Downloads the spec (`GET /endpoints`, retried like every call) and returns its bytes
    /// as served, after checking that they are a Swagger 2.0 document (a maintenance page or
    /// an error answered 200 is an error here, never saved as a spec). Key order is kept,
    /// which matters: argument order comes from it.
    pub fn download_api_spec(&self) -> Result<Vec<u8>, Error> {
        let request = HttpRequest {
            verb: "GET",
            path_and_query: "/endpoints".into(),
            headers: Vec::new(),
            body: None,
        };
        let raw = self.execute(&request)?;
        crate::data::spec_files::check_swagger(&raw.body).map_err(|why| Error::Decode {
            method: request.verb.into(),
            path: request.path_and_query.clone(),
            detail: format!("the answer is not the API's spec: {why}"),
            snippet: String::new(),
        })?;
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
pub fn download_to_cache(cache: &Path, api_key: &str, endpoint: Option<&str>) -> Result<(), Error> {
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

/// Downloads the spec into `cache` and returns the cache's path, or says why it could not: the
/// `Download` (of the generator's `model::spec_source`) of a build, with short timeouts, announced on stderr.
pub fn download_into_cache(
    cache: Option<&Path>,
    var: &dyn Fn(&str) -> Option<String>,
) -> Result<PathBuf, String> {
    let Some(cache) = cache else {
        return Err(
            "there is no home directory to cache a download in (set HOME or \
                    CIVIS_API_SPEC_CACHE)"
                .to_string(),
        );
    };
    let Some(key) = var("CIVIS_API_KEY") else {
        return Err("no fresh cached spec and no CIVIS_API_KEY to download one".to_string());
    };
    let endpoint = var("CIVIS_API_ENDPOINT");
    let from = endpoint
        .as_deref()
        .unwrap_or(crate::transport::config::DEFAULT_API_ENDPOINT);
    // Said on stderr, which cargo shows, so a build never waits on the network without a word.
    eprintln!(
        "civis_api!: downloading the Civis API spec from {from} into {} (at most a minute; \
         CIVIS_API_SPEC_OFFLINE=1 never downloads)",
        cache.display(),
    );
    download_to_cache(cache, &key, endpoint.as_deref())
        .map_err(|e| format!("the download from {from} failed: {e}"))?;
    Ok(cache.to_path_buf())
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::time::{Duration, Instant};

    use super::*;

    #[test]
    fn a_download_from_an_unreachable_endpoint_fails_within_seconds() {
        // A loopback address where nothing listens.
        let endpoint = {
            let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            format!("http://{}/", listener.local_addr().unwrap())
        };
        let cache = std::env::temp_dir().join(format!(
            "civis-download-unreachable-{}.json",
            std::process::id()
        ));
        let vars: HashMap<&str, String> = [
            ("CIVIS_API_KEY", "k".to_string()),
            ("CIVIS_API_ENDPOINT", endpoint.clone()),
        ]
        .into();
        let started = Instant::now();
        let error = download_into_cache(Some(&cache), &|name| vars.get(name).cloned())
            .err()
            .unwrap();
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "{:?}",
            started.elapsed()
        );
        assert!(
            error.contains(&format!("the download from {endpoint} failed")),
            "{error}"
        );
        assert!(!cache.exists());
    }
}
