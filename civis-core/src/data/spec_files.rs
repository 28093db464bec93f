//! Where the Civis API spec is kept: a project's `.civis/` directory, the cache of downloads
//! (`~/.civis_api_spec.json`, fresh for 24 hours, as civis-python's), and the snapshot bundled
//! with these crates. Plain files, without the transport: the download (workflows) writes here,
//! and the build's search for a spec (the generator's `model::spec_source`) reads here.

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
