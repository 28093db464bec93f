//! Where the Civis API spec is kept: a project's `.civis/` directory, the cache of downloads
//! (`~/.civis_api_spec.json`, fresh for 24 hours, as civis-python's; one file per endpoint, see
//! [`cache_path`]), and the snapshot bundled with these crates. Plain files, without the transport: the download (workflows) writes here,
//! and the build's search for a spec (the generator's `model::spec_source`) reads here.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// How long a cached spec stays fresh (civis-python's lifetime outside interactive sessions).
pub const CACHE_LIFETIME: Duration = Duration::from_secs(24 * 60 * 60);

/// Where a project keeps what it pins (the spec, the tables `civis::query!` reads), relative
/// to a directory of the project, as sqlx keeps its offline data in `.sqlx/`.
pub const PROJECT_DIR: &str = ".civis";

/// Where a project pins the spec it builds against, relative to a directory of the project;
/// `civis spec download` writes there by default.
pub const PROJECT_SPEC: &str = ".civis/civis_api_spec.json";

/// The project spec ([`PROJECT_SPEC`]) in `start` or the nearest directory above it that has
/// one.
pub fn find_project_spec(start: &Path) -> Option<PathBuf> {
    nearest(start, PROJECT_SPEC, Path::is_file)
}

/// The project directory ([`PROJECT_DIR`]) in `start` or the nearest directory above it that
/// has one (a project may pin tables and not the spec).
pub fn find_project_dir(start: &Path) -> Option<PathBuf> {
    nearest(start, PROJECT_DIR, Path::is_dir)
}

/// `relative` joined to `start` or to the nearest directory above it for which `found` holds.
fn nearest(start: &Path, relative: &str, found: fn(&Path) -> bool) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(relative))
        .find(|candidate| found(candidate))
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

/// The cache file: `CIVIS_API_SPEC_CACHE` when set, else `~/.civis_api_spec.json`, for the
/// endpoint `CIVIS_API_ENDPOINT` names (see [`cache_path`]).
pub fn default_cache_path() -> Option<PathBuf> {
    cache_path(|name| std::env::var(name).ok())
}

/// The cache file as [`default_cache_path`] finds it, with the environment read through `var`.
///
/// The cache is kept per endpoint, so that the spec of one server (`civis mock serve`, a
/// staging API) never drives calls to another: for the API's own address (`CIVIS_API_ENDPOINT`
/// unset, or `https://api.civisanalytics.com/`) it is the file itself, as civis-python names
/// it; for any other endpoint, the file's name with the endpoint in it
/// (`~/.civis_api_spec.http-127.0.0.1_8080.json` for `http://127.0.0.1:8080/`).
pub fn cache_path(var: impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    let var = |name: &str| var(name).filter(|v| !v.is_empty());
    let file = match var("CIVIS_API_SPEC_CACHE") {
        Some(path) => PathBuf::from(path),
        None => {
            let home = var("HOME").or_else(|| var("USERPROFILE"))?;
            PathBuf::from(home).join(".civis_api_spec.json")
        }
    };
    let Some(key) = var("CIVIS_API_ENDPOINT").and_then(|e| endpoint_key(&e)) else {
        return Some(file);
    };
    let stem = file
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let name = match file.extension() {
        Some(extension) => format!("{stem}.{key}.{}", extension.to_string_lossy()),
        None => format!("{stem}.{key}"),
    };
    Some(file.with_file_name(name))
}

/// The API's own address, whose cache is the file civis-python names (the transport's
/// `DEFAULT_API_ENDPOINT`, which this layer cannot import).
const API_ENDPOINT: &str = "https://api.civisanalytics.com";

/// The part of a cache file's name that names `endpoint`; `None` for the API's own address.
/// Letters, digits, `.` and `-` are kept and every other character becomes `_` (a plain-HTTP
/// endpoint starts `http-`), at most 100 of them.
fn endpoint_key(endpoint: &str) -> Option<String> {
    let endpoint = endpoint.trim().trim_end_matches('/').to_ascii_lowercase();
    if endpoint == API_ENDPOINT {
        return None;
    }
    let (prefix, rest) = match endpoint.split_once("://") {
        Some(("https", rest)) => ("", rest),
        Some((scheme, rest)) => (scheme, rest),
        None => ("", endpoint.as_str()),
    };
    let mut key: String = rest
        .chars()
        .map(|c| match c {
            'a'..='z' | '0'..='9' | '.' | '-' => c,
            _ => '_',
        })
        .take(100)
        .collect();
    if !prefix.is_empty() {
        key = format!("{prefix}-{key}");
    }
    Some(key)
}

/// Whether `text` is a Swagger 2.0 document (a JSON object with `"swagger": "2..."` and a
/// `paths` object), or why not: what a download must be before it is saved, and a cache
/// before it is used.
pub fn check_swagger(text: &[u8]) -> Result<(), String> {
    #[derive(serde::Deserialize)]
    struct Head {
        swagger: Option<serde_json::Value>,
        openapi: Option<serde_json::Value>,
        paths: Option<serde_json::Value>,
    }
    let head: Head = serde_json::from_slice(text).map_err(|e| {
        format!(
            "it is not a JSON object ({e}); it starts {:?}",
            String::from_utf8_lossy(&text[..text.len().min(60)])
        )
    })?;
    if let (None, Some(version)) = (&head.swagger, &head.openapi) {
        return Err(format!("it is OpenAPI {version}, not Swagger 2.0"));
    }
    match (&head.swagger, &head.paths) {
        (Some(serde_json::Value::String(version)), Some(serde_json::Value::Object(_)))
            if version.starts_with('2') =>
        {
            Ok(())
        }
        (Some(serde_json::Value::String(version)), _) if !version.starts_with('2') => {
            Err(format!("it is Swagger {version}, not 2.0"))
        }
        (Some(_), _) => Err("it has no `paths` object".into()),
        (None, _) => Err("it has no `swagger` version: it is not a Swagger 2.0 document".into()),
    }
}

/// Whether the file at `path` exists and was written less than [`CACHE_LIFETIME`] ago.
pub fn is_fresh(path: &Path) -> bool {
    age(path).is_some_and(|age| age < CACHE_LIFETIME)
}

/// Whether `CIVIS_API_SPEC_REFRESH=1` asks for a new download whatever the cache holds.
pub fn refresh_requested() -> bool {
    std::env::var("CIVIS_API_SPEC_REFRESH").is_ok_and(|v| v == "1")
}

/// The snapshot of the Civis API spec bundled with these crates (`civis-core/spec/`, copied from
/// the spec civis-python 2.10.1 ships): the last source of the spec.
#[cfg(feature = "bundled-spec")]
pub const BUNDLED_SPEC: &str = include_str!("../../spec/civis_api_spec.json");

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
    fn the_cache_is_kept_per_endpoint() {
        let env = |endpoint: Option<&'static str>| {
            move |name: &str| match name {
                "HOME" => Some("/home/u".to_string()),
                "CIVIS_API_ENDPOINT" => endpoint.map(str::to_string),
                _ => None,
            }
        };
        let home = |name: &str| Some(PathBuf::from("/home/u").join(name));
        assert_eq!(cache_path(env(None)), home(".civis_api_spec.json"));
        assert_eq!(
            cache_path(env(Some("https://api.civisanalytics.com/"))),
            home(".civis_api_spec.json")
        );
        assert_eq!(
            cache_path(env(Some("http://127.0.0.1:8080/"))),
            home(".civis_api_spec.http-127.0.0.1_8080.json")
        );
        assert_eq!(
            cache_path(env(Some("https://staging.example.com/api/"))),
            home(".civis_api_spec.staging.example.com_api.json")
        );
        let given = |name: &str| match name {
            "CIVIS_API_SPEC_CACHE" => Some("/tmp/spec.json".to_string()),
            "CIVIS_API_ENDPOINT" => Some("http://localhost:9000".to_string()),
            _ => None,
        };
        assert_eq!(
            cache_path(given),
            Some(PathBuf::from("/tmp/spec.http-localhost_9000.json"))
        );
    }

    #[test]
    fn only_a_swagger_2_document_passes_as_a_spec() {
        assert_eq!(check_swagger(br#"{"swagger": "2.0", "paths": {}}"#), Ok(()));
        for (bad, why) in [
            (
                &b"<html>Service Unavailable</html>"[..],
                "not a JSON object",
            ),
            (br#"{"error": "maintenance"}"#, "no `swagger`"),
            (br#"{"swagger": "2.0"}"#, "no `paths`"),
            (br#"{"openapi": "3.0.1", "paths": {}}"#, "OpenAPI \"3.0.1\""),
        ] {
            let error = check_swagger(bad).unwrap_err();
            assert!(error.contains(why), "{error}");
        }
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
