//! Where the spec comes from: the macro's path, else `CIVIS_API_SPEC`, else the cached download.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// How long a cached spec download stays fresh, as in civis-python.
const CACHE_LIFETIME: Duration = Duration::from_secs(24 * 60 * 60);

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
/// cache file of a download.
pub fn locate(given: Option<&str>) -> Result<SpecSource, String> {
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_default();
    if let Some(given) = given {
        let path = manifest_dir.join(given);
        return read(path, given);
    }
    if let Some(env_path) = std::env::var_os("CIVIS_API_SPEC").filter(|p| !p.is_empty()) {
        let path = manifest_dir.join(&env_path);
        let what = format!("{} (from CIVIS_API_SPEC)", Path::new(&env_path).display());
        return read(path, &what);
    }
    let cache = cache_path();
    let refresh = std::env::var("CIVIS_API_SPEC_REFRESH").is_ok_and(|v| v == "1");
    if let Some(cache) = cache.filter(|c| !refresh && is_fresh(c)) {
        return read(cache, "~/.civis_api_spec.json (the cached spec)");
    }
    Err(
        "civis_api! found no spec: pass its path (civis_api!(\"civis_api_spec.json\")), or set \
         CIVIS_API_SPEC to a spec file at build time (e.g. in .cargo/config.toml [env]), or save \
         the spec that GET /endpoints returns as ~/.civis_api_spec.json (downloading it at build \
         time is not supported yet)"
            .to_string(),
    )
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

/// `~/.civis_api_spec.json`, where civis-python caches the spec too.
fn cache_path() -> Option<PathBuf> {
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"))?;
    Some(PathBuf::from(home).join(".civis_api_spec.json"))
}

fn is_fresh(path: &Path) -> bool {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|modified| SystemTime::now().duration_since(modified).ok())
        .is_some_and(|age| age < CACHE_LIFETIME)
}
