//! Where the spec comes from: the macro's path, else `CIVIS_API_SPEC`, else the cached download
//! (`~/.civis_api_spec.json`, fresh for 24 hours), else a new download with `CIVIS_API_KEY`.

use std::path::{Path, PathBuf};

use civis_core::api_spec;

/// A spec file found and read.
pub struct SpecSource {
    /// Absolute path, tracked so the expansion is redone when the file changes.
    pub path: PathBuf,
    /// The file's text.
    pub text: String,
    /// How error messages name it: as the user wrote it, not as resolved.
    pub display: String,
}

/// Finds the spec: `given` (relative to the invoking crate), else `CIVIS_API_SPEC`, else the
/// cache, else a download.
pub fn locate(given: Option<&str>) -> Result<SpecSource, String> {
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_default();
    if let Some(given) = given {
        return read(manifest_dir.join(given), given);
    }
    if let Some(env_path) = std::env::var_os("CIVIS_API_SPEC").filter(|p| !p.is_empty()) {
        let what = format!("{} (from CIVIS_API_SPEC)", Path::new(&env_path).display());
        return read(manifest_dir.join(&env_path), &what);
    }
    let Some(cache) = api_spec::default_cache_path() else {
        return Err(no_spec("there is no home directory for the cache"));
    };
    let display = format!("{} (the cached spec)", cache.display());
    if !api_spec::refresh_requested() && api_spec::is_fresh(&cache) {
        return read(cache, &display);
    }
    download(&cache)?;
    read(cache, &display)
}

fn no_spec(why: &str) -> String {
    format!(
        "civis_api! found no spec ({why}): pass its path (civis_api!(\"civis_api_spec.json\")), set \
         CIVIS_API_SPEC to a spec file at build time (e.g. in .cargo/config.toml [env]), or set \
         CIVIS_API_KEY so that the spec is downloaded from the API and cached"
    )
}

#[cfg(feature = "download")]
fn download(cache: &Path) -> Result<(), String> {
    let key = std::env::var("CIVIS_API_KEY")
        .ok()
        .filter(|k| !k.is_empty());
    let Some(key) = key else {
        return Err(no_spec(
            "no fresh cached spec and no CIVIS_API_KEY to download one",
        ));
    };
    let client = civis_core::Client::builder()
        .api_key(key)
        .build()
        .map_err(|e| e.to_string())?;
    let bytes = client.download_api_spec().map_err(|e| {
        format!(
            "civis_api! could not download the spec from {}endpoints: {e}",
            client.base_url()
        )
    })?;
    api_spec::save(cache, &bytes)
        .map_err(|e| format!("civis_api! could not cache the downloaded spec: {e}"))
}

#[cfg(not(feature = "download"))]
fn download(_cache: &Path) -> Result<(), String> {
    Err(no_spec(
        "no fresh cached spec, and this build has the `download` feature off",
    ))
}

fn read(path: PathBuf, display: &str) -> Result<SpecSource, String> {
    let text = std::fs::read_to_string(&path).map_err(|e| {
        format!("cannot read the spec file `{display}`: {e} (paths are relative to the crate's Cargo.toml)")
    })?;
    let path = path.canonicalize().unwrap_or(path);
    Ok(SpecSource {
        path,
        text,
        display: display.to_string(),
    })
}
