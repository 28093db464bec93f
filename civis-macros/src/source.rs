//! Where the spec comes from (DESIGN.md, "Where the spec comes from"): the macro's path, else
//! `CIVIS_API_SPEC`, else the project's `.civis/civis_api_spec.json`, else the cache
//! (`~/.civis_api_spec.json`) while it is fresh, else a download with `CIVIS_API_KEY`; a stale
//! cache is used, with a warning, when no download can be made. `CIVIS_API_SPEC_OFFLINE=1`
//! never touches the network.

use std::path::{Path, PathBuf};

use civis_core::__private::api_spec;

/// A spec file found and read.
pub struct SpecSource {
    /// Absolute path, tracked so the expansion is redone when the file changes.
    pub path: PathBuf,
    /// The file's text.
    pub text: String,
    /// How error messages name it: as the user wrote it, not as resolved.
    pub display: String,
    /// Something the user should know about the spec in use (an old cache), shown as a
    /// compiler warning.
    pub warning: Option<String>,
}

/// Finds the spec for an invocation with the spec path `given` (if any), reading the build's
/// environment variables.
pub fn locate(given: Option<&str>) -> Result<SpecSource, String> {
    locate_with(given, &|name| std::env::var(name).ok())
}

/// [`locate`] with the environment read through `var`, so that tests need not change the
/// process's environment.
pub fn locate_with(
    given: Option<&str>,
    var: &dyn Fn(&str) -> Option<String>,
) -> Result<SpecSource, String> {
    let var = |name: &str| var(name).filter(|v| !v.is_empty());
    let manifest_dir = var("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_default();
    // Where else the user's project is: set by `civis`'s build script for the ready-made
    // client, which is expanded inside `civis` (see civis/build.rs), or by the user.
    let project_dir = var("CIVIS_PROJECT_DIR").map(PathBuf::from);
    let cwd = project_dir.as_deref();
    if let Some(given) = given {
        return read(manifest_dir.join(given), given);
    }
    if let Some(env_path) = var("CIVIS_API_SPEC") {
        let what = format!("{env_path} (from CIVIS_API_SPEC)");
        // A relative path means the invoking crate's directory, or else the workspace's.
        let path = [Some(manifest_dir.as_path()), cwd]
            .into_iter()
            .flatten()
            .map(|dir| dir.join(&env_path))
            .find(|path| path.is_file())
            .unwrap_or_else(|| manifest_dir.join(&env_path));
        return read(path, &what);
    }
    let project = [Some(manifest_dir.as_path()), cwd]
        .into_iter()
        .flatten()
        .find_map(api_spec::find_project_spec);
    if let Some(project) = project {
        let what = format!("{} (the project's spec)", project.display());
        return read(project, &what);
    }
    let offline = var("CIVIS_API_SPEC_OFFLINE").is_some_and(|v| v == "1");
    let cache = api_spec::cache_path(var);
    let cache_age = cache.as_deref().and_then(api_spec::age);
    let refresh = var("CIVIS_API_SPEC_REFRESH").is_some_and(|v| v == "1");
    if let (Some(cache), Some(age)) = (&cache, cache_age) {
        if age < api_spec::CACHE_LIFETIME && (offline || !refresh) {
            return read(
                cache.clone(),
                &format!("{} (the cached spec)", cache.display()),
            );
        }
    }
    let why_not = if offline {
        "CIVIS_API_SPEC_OFFLINE=1 forbids a download".to_string()
    } else {
        match download(cache.as_deref(), &var) {
            Ok(path) => return read(path, "the downloaded spec"),
            Err(why) => why,
        }
    };
    // No download: an old cache is better than no build.
    match (cache, cache_age) {
        (Some(cache), Some(age)) => {
            let mut source = read(
                cache.clone(),
                &format!("{} (the cached spec)", cache.display()),
            )?;
            source.warning = Some(format!(
                "civis_api! is using the cached spec at {}, which is {} old, because {why_not}; \
                 refresh it with `civis spec download` (it writes {} for your project), or with \
                 CIVIS_API_KEY set and CIVIS_API_SPEC_REFRESH=1 for one build",
                cache.display(),
                api_spec::describe_age(age),
                api_spec::PROJECT_SPEC,
            ));
            Ok(source)
        }
        _ => Err(no_spec(&why_not, var("CIVIS_API_KEY").is_none())),
    }
}

/// The error when no spec can be had, with the commands that fix it.
fn no_spec(why: &str, suggest_key: bool) -> String {
    let download = if cfg!(feature = "download") && suggest_key {
        ", or set CIVIS_API_KEY at build time so that the spec is downloaded from the API and \
         cached in ~/.civis_api_spec.json"
    } else {
        ""
    };
    format!(
        "civis_api! found no spec ({why}): run `civis spec download` in your project (it writes \
         {}, which you can commit; install the command with `cargo install civis --features \
         cli`), pass a path (civis_api!(\"path/to/civis_api_spec.json\")), or set CIVIS_API_SPEC \
         to a spec file at build time (e.g. in .cargo/config.toml [env]){download}",
        api_spec::PROJECT_SPEC
    )
}

/// Downloads the spec into `cache` and returns the cache's path, or says why it could not.
#[cfg(feature = "download")]
fn download(cache: Option<&Path>, var: &dyn Fn(&str) -> Option<String>) -> Result<PathBuf, String> {
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
        .unwrap_or(civis_core::DEFAULT_API_ENDPOINT);
    // Said on stderr, which cargo shows, so a build never waits on the network without a word.
    eprintln!(
        "civis_api!: downloading the Civis API spec from {from} into {} (at most a minute; \
         CIVIS_API_SPEC_OFFLINE=1 never downloads)",
        cache.display(),
    );
    api_spec::download_to_cache(cache, &key, endpoint.as_deref())
        .map_err(|e| format!("the download from {from} failed: {e}"))?;
    Ok(cache.to_path_buf())
}

#[cfg(not(feature = "download"))]
fn download(
    _cache: Option<&Path>,
    _var: &dyn Fn(&str) -> Option<String>,
) -> Result<PathBuf, String> {
    Err("this build has the `download` feature off".to_string())
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
        warning: None,
    })
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::time::{Duration, Instant, SystemTime};

    use super::*;

    /// A directory of its own under the system's temporary directory, removed when dropped.
    struct Scratch(PathBuf);

    impl Scratch {
        fn new(name: &str) -> Self {
            let dir =
                std::env::temp_dir().join(format!("civis-source-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(dir.join("app")).unwrap();
            Self(dir)
        }

        /// A cache file written `age` ago.
        fn cache(&self, age: Duration) -> PathBuf {
            let path = self.0.join("cache.json");
            std::fs::write(&path, "{\"cached\": true}").unwrap();
            let file = std::fs::File::options().write(true).open(&path).unwrap();
            file.set_modified(SystemTime::now() - age).unwrap();
            path
        }

        fn env(&self, extra: &[(&str, &str)]) -> HashMap<String, String> {
            let mut vars: HashMap<String, String> = [
                (
                    "CARGO_MANIFEST_DIR",
                    self.0.join("app").display().to_string(),
                ),
                (
                    "CIVIS_API_SPEC_CACHE",
                    self.0.join("cache.json").display().to_string(),
                ),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
            vars.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
            vars
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn locate_in(vars: &HashMap<String, String>) -> Result<SpecSource, String> {
        locate_with(None, &|name| vars.get(name).cloned())
    }

    /// A loopback address where nothing listens.
    fn refusing_endpoint() -> String {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/", listener.local_addr().unwrap())
    }

    #[test]
    fn the_project_spec_is_read_with_nothing_else_set() {
        let scratch = Scratch::new("project");
        std::fs::create_dir_all(scratch.0.join(".civis")).unwrap();
        std::fs::write(scratch.0.join(api_spec::PROJECT_SPEC), "{\"project\": 1}").unwrap();
        let vars: HashMap<String, String> = [(
            "CARGO_MANIFEST_DIR".to_string(),
            scratch.0.join("app").display().to_string(),
        )]
        .into();
        let source = locate_in(&vars).unwrap();
        assert_eq!(source.text, "{\"project\": 1}");
        assert!(source.warning.is_none());

        // The ready-made client, expanded inside `civis` in cargo's registry, finds it through
        // CIVIS_PROJECT_DIR.
        let elsewhere: HashMap<String, String> = [
            (
                "CARGO_MANIFEST_DIR",
                "/nonexistent/registry/civis-0.1.0".to_string(),
            ),
            ("CIVIS_PROJECT_DIR", scratch.0.display().to_string()),
        ]
        .map(|(k, v)| (k.to_string(), v))
        .into();
        let source = locate_in(&elsewhere).unwrap();
        assert_eq!(source.text, "{\"project\": 1}");
    }

    #[test]
    fn a_fresh_cache_is_read_without_a_download() {
        let scratch = Scratch::new("fresh");
        scratch.cache(Duration::from_secs(60));
        // A key and an endpoint that refuses: a download would fail.
        let endpoint = refusing_endpoint();
        let vars = scratch.env(&[("CIVIS_API_KEY", "k"), ("CIVIS_API_ENDPOINT", &endpoint)]);
        let source = locate_in(&vars).unwrap();
        assert_eq!(source.text, "{\"cached\": true}");
        assert!(source.warning.is_none());
    }

    #[test]
    fn offline_a_stale_cache_is_used_with_a_warning() {
        let scratch = Scratch::new("stale-offline");
        scratch.cache(Duration::from_secs(3 * 86_400 + 60));
        let vars = scratch.env(&[("CIVIS_API_SPEC_OFFLINE", "1"), ("CIVIS_API_KEY", "k")]);
        let source = locate_in(&vars).unwrap();
        let warning = source.warning.unwrap();
        assert!(warning.contains("3 days old"), "{warning}");
        assert!(
            warning.contains("CIVIS_API_SPEC_OFFLINE=1 forbids a download"),
            "{warning}"
        );
        assert!(warning.contains("`civis spec download`"), "{warning}");
    }

    #[test]
    fn offline_with_nothing_cached_fails_at_once_naming_the_fix() {
        let scratch = Scratch::new("offline-empty");
        let vars = scratch.env(&[("CIVIS_API_SPEC_OFFLINE", "1"), ("CIVIS_API_KEY", "k")]);
        let error = locate_in(&vars).err().unwrap();
        assert!(
            error.contains("CIVIS_API_SPEC_OFFLINE=1 forbids a download"),
            "{error}"
        );
        assert!(error.contains("run `civis spec download`"), "{error}");
        assert!(error.contains("CIVIS_API_SPEC"), "{error}");
    }

    #[cfg(feature = "download")]
    #[test]
    fn an_unreachable_endpoint_fails_within_seconds_or_falls_back_to_the_stale_cache() {
        let scratch = Scratch::new("unreachable");
        let endpoint = refusing_endpoint();
        let vars = scratch.env(&[("CIVIS_API_KEY", "k"), ("CIVIS_API_ENDPOINT", &endpoint)]);
        let started = Instant::now();
        let error = locate_in(&vars).err().unwrap();
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "{:?}",
            started.elapsed()
        );
        assert!(
            error.contains(&format!("the download from {endpoint} failed")),
            "{error}"
        );

        scratch.cache(Duration::from_secs(2 * 86_400));
        let source = locate_in(&vars).unwrap();
        let warning = source.warning.unwrap();
        assert!(
            warning.contains("2 days old") && warning.contains("download from"),
            "{warning}"
        );
        assert_eq!(source.text, "{\"cached\": true}");
    }
}
