//! Where the spec of a `civis_api!` expansion comes from (README, "Where the spec comes from"):
//! the macro's path, else `CIVIS_API_SPEC`, else the project's `.civis/civis_api_spec.json`;
//! then, only where downloads are allowed (the macro's opt-in `download` feature), the cache
//! (`~/.civis_api_spec.json`) while it is fresh, else a download with `CIVIS_API_KEY`, else an
//! older cache with a warning; last, the snapshot of the spec bundled with these crates, so that
//! a build with no key, no network and nothing pinned succeeds. `CIVIS_API_SPEC_OFFLINE=1` never
//! touches the network. The macro finds its spec here, and `civis spec which` says what it found.
//!
//! It reads files only: the download, which needs the transport, is given by the caller (the
//! workflows' `download_into_cache`, when the macro's `download` feature is on).

use std::path::{Path, PathBuf};

use crate::data::spec_files as api_spec;

/// Where a spec was found, from the first source tried to the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The path given to the macro.
    Given,
    /// The file named by `CIVIS_API_SPEC`.
    EnvVar,
    /// The project's `.civis/civis_api_spec.json`.
    Project,
    /// A cache younger than 24 hours.
    Cache,
    /// A download made for this build.
    Downloaded,
    /// A cache older than 24 hours, because no download could be made.
    StaleCache,
    /// The snapshot bundled with the crates.
    Bundled,
}

/// A spec found and read.
#[derive(Debug, Clone)]
pub struct SpecSource {
    /// Absolute path, tracked so the expansion is redone when the file changes; `None` for the
    /// bundled snapshot, which is part of the crates themselves.
    pub path: Option<PathBuf>,
    /// The file's text.
    pub text: String,
    /// How messages name it: as the user wrote it, not as resolved.
    pub display: String,
    /// Which source it came from.
    pub origin: Origin,
    /// Something the user should know about the spec in use (an old cache), shown as a
    /// compiler warning.
    pub warning: Option<String>,
}

/// What to do about a spec from `origin`, shown as `display`, that could not be read as Swagger
/// 2.0: the sentence a build error ends with. `for_civis` marks the expansion of `civis`'s own
/// ready-made `ApiClient`, whose error rustc shows inside `civis` although the spec is the
/// user's (their `CIVIS_API_SPEC` or pinned file), so it names that file first.
pub fn next_step(origin: Origin, display: &str, for_civis: bool) -> String {
    let install = "`cargo install civis-cli` installs the command";
    let step = match origin {
        Origin::Given => format!(
            "write the Swagger 2.0 spec the Civis API serves to that path with \
             `civis spec download -o <path>` ({install}), or leave the path out to build with the \
             spec bundled with civis"
        ),
        Origin::EnvVar => format!(
            "point CIVIS_API_SPEC at the Swagger 2.0 spec the Civis API serves \
             (`civis spec download -o <path>` writes it; {install}), or unset it to build with the \
             project's pinned spec or the one bundled with civis"
        ),
        Origin::Project => format!(
            "pin the spec again with `civis spec download` in your project ({install}), or \
             delete the file to build with the spec bundled with civis"
        ),
        Origin::Cache | Origin::StaleCache | Origin::Downloaded => {
            "delete the cache file: the next build downloads the spec again".to_string()
        }
        Origin::Bundled => {
            "please report it: the spec bundled with civis should always load".to_string()
        }
    };
    if for_civis && origin != Origin::Bundled {
        format!(
            "this error shows inside `civis` because its ready-made `ApiClient` is built from \
             your spec, {display}; to fix it, {step}"
        )
    } else {
        format!("to fix it, {step}")
    }
}

/// Downloads the spec into a cache file, or says why it could not: given to [`locate_with`] by
/// a caller that allows downloads.
pub type Download<'a> =
    &'a dyn Fn(Option<&Path>, &dyn Fn(&str) -> Option<String>) -> Result<PathBuf, String>;

/// Finds the spec for an invocation with the spec path `given` (if any), with the environment
/// read through `var` (so that tests need not change the process's), downloading with
/// `download` when it is given, and else falling back to `bundled` (the text of the bundled
/// snapshot, when the caller has one).
pub fn locate_with(
    given: Option<&str>,
    var: &dyn Fn(&str) -> Option<String>,
    download: Option<Download<'_>>,
    bundled: Option<&'static str>,
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
        return read(manifest_dir.join(given), given, Origin::Given);
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
        return read(path, &what, Origin::EnvVar);
    }
    let project = [Some(manifest_dir.as_path()), cwd]
        .into_iter()
        .flatten()
        .find_map(api_spec::find_project_spec);
    if let Some(project) = project {
        let what = format!("{} (the project's spec)", project.display());
        return read(project, &what, Origin::Project);
    }
    let why_not = match download {
        Some(download) => match from_cache_or_download(&var, download) {
            Ok(source) => return Ok(source),
            Err(why_not) => Some(why_not),
        },
        // Without downloads the cache is not read either: it is the downloads' cache, and a
        // build that cannot refresh it should not depend on how old it is.
        None => None,
    };
    let Some(text) = bundled else {
        return Err(format!(
            "civis_api! found no spec{}: run `civis spec download` in your project (it writes \
             {}, which you can commit; install the command with `cargo install civis-cli`), pass \
             a path (civis_api!(\"path/to/civis_api_spec.json\")), or set CIVIS_API_SPEC to a \
             spec file at build time (e.g. in .cargo/config.toml [env])",
            why_not.map(|why| format!(" ({why})")).unwrap_or_default(),
            api_spec::PROJECT_SPEC
        ));
    };
    // Downloads were asked for and none could be made: say so, since the bundled snapshot may
    // be older than the live API. Without the `download` feature it is the expected source and
    // nothing is said.
    let warning = why_not.map(|why| {
        format!(
            "civis_api! is using the spec bundled with civis because {why}; pin the live spec \
             with `civis spec download` (it writes {} for your project), or turn the `download` \
             feature off to use the bundled spec without this warning",
            api_spec::PROJECT_SPEC
        )
    });
    Ok(SpecSource {
        path: None,
        text: text.to_string(),
        display: "the spec bundled with civis".to_string(),
        origin: Origin::Bundled,
        warning,
    })
}

/// The cache while it is fresh, else a download into it, else the cache at any age with a
/// warning; or why none of them could be had. A cache that cannot be read or is not a Swagger
/// document is skipped, with a warning naming it, and downloaded again.
fn from_cache_or_download(
    var: &dyn Fn(&str) -> Option<String>,
    download: Download<'_>,
) -> Result<SpecSource, String> {
    let offline = var("CIVIS_API_SPEC_OFFLINE").is_some_and(|v| v == "1");
    let cache = api_spec::cache_path(var);
    let cache_age = cache.as_deref().and_then(api_spec::age);
    let refresh = var("CIVIS_API_SPEC_REFRESH").is_some_and(|v| v == "1");
    let mut broken = None;
    if let (Some(cache), Some(age)) = (&cache, cache_age) {
        if age < api_spec::CACHE_LIFETIME && (offline || !refresh) {
            let what = format!("{} (the cached spec)", cache.display());
            match read_spec(cache.clone(), &what, Origin::Cache) {
                Ok(source) => return Ok(source),
                Err(why) => broken = Some(why),
            }
        }
    }
    let why_not = if offline {
        "CIVIS_API_SPEC_OFFLINE=1 forbids a download".to_string()
    } else {
        match download(cache.as_deref(), var) {
            Ok(path) => {
                let mut source = read(path, "the downloaded spec", Origin::Downloaded)?;
                source.warning = broken.map(|why| {
                    format!("civis_api! skipped a cache it could not use ({why}) and downloaded the spec again")
                });
                return Ok(source);
            }
            Err(why) => why,
        }
    };
    if let Some(why) = broken {
        return Err(format!("{why_not}; and {why}"));
    }
    // No download: an old cache is better than the bundled snapshot, which is older still.
    let (Some(cache), Some(age)) = (cache, cache_age) else {
        return Err(why_not);
    };
    let what = format!("{} (the cached spec)", cache.display());
    let mut source = read_spec(cache.clone(), &what, Origin::StaleCache)
        .map_err(|why| format!("{why_not}; and {why}"))?;
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

/// [`read`], for a cache: its text must be a Swagger document, or the error names the file.
fn read_spec(path: PathBuf, display: &str, origin: Origin) -> Result<SpecSource, String> {
    let source = read(path, display, origin)?;
    api_spec::check_swagger(source.text.as_bytes()).map_err(|why| {
        format!("the cached spec `{display}` cannot be used: {why} (it is downloaded anew, or delete it)")
    })?;
    Ok(source)
}

fn read(path: PathBuf, display: &str, origin: Origin) -> Result<SpecSource, String> {
    let text = std::fs::read_to_string(&path).map_err(|e| {
        let hint = match origin {
            Origin::EnvVar => {
                "unset CIVIS_API_SPEC to build from the project's pinned spec or the bundled one, \
                 or point it at a spec file (`civis spec download -o PATH` writes one); a relative \
                 path is read from the crate's directory, then the workspace's"
            }
            Origin::Given => "paths are relative to the crate's Cargo.toml",
            _ => "remove or replace the file (`civis spec download` writes it anew)",
        };
        format!("cannot read the spec file `{display}`: {e} ({hint})")
    })?;
    let path = path.canonicalize().unwrap_or(path);
    Ok(SpecSource {
        path: Some(path),
        text,
        display: display.to_string(),
        origin,
        warning: None,
    })
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::time::{Duration, SystemTime};

    use super::*;

    /// What the tests' cache holds: a Swagger document, as a cache must be.
    const CACHED: &str = r#"{"swagger": "2.0", "paths": {}, "cached": true}"#;

    #[test]
    fn a_spec_that_does_not_load_says_what_to_do_by_where_it_came_from() {
        let pinned = next_step(Origin::Project, "/app/.civis/civis_api_spec.json", false);
        assert!(
            pinned.starts_with("to fix it, ") && pinned.contains("`civis spec download`"),
            "{pinned}"
        );
        assert!(pinned.contains("delete the file"), "{pinned}");
        let env = next_step(Origin::EnvVar, "x.json (from CIVIS_API_SPEC)", false);
        assert!(env.contains("unset it"), "{env}");
        let given = next_step(Origin::Given, "spec.json", false);
        assert!(given.contains("`civis spec download -o <path>`"), "{given}");
        // civis's own client names the user's file, since rustc shows the error inside civis.
        let inside = next_step(Origin::Project, "/app/.civis/civis_api_spec.json", true);
        assert!(
            inside.contains("inside `civis`") && inside.contains("/app/.civis/civis_api_spec.json"),
            "{inside}"
        );
    }

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
            self.cache_for(age, &self.env(&[]), CACHED)
        }

        /// The cache of the endpoint `vars` name, holding `text`, written `age` ago.
        fn cache_for(&self, age: Duration, vars: &HashMap<String, String>, text: &str) -> PathBuf {
            let path = api_spec::cache_path(|name| vars.get(name).cloned()).unwrap();
            std::fs::write(&path, text).unwrap();
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

    /// As a build with downloads allowed and no bundled snapshot finds its spec.
    fn locate_in(vars: &HashMap<String, String>) -> Result<SpecSource, String> {
        locate_with(
            None,
            &|name| vars.get(name).cloned(),
            Some(&failing_download),
            None,
        )
    }

    /// As a build without downloads, with a bundled snapshot, finds its spec.
    fn locate_bundled(
        vars: &HashMap<String, String>,
        download: Option<Download<'_>>,
    ) -> Result<SpecSource, String> {
        locate_with(
            None,
            &|name| vars.get(name).cloned(),
            download,
            Some("{\"bundled\": true}"),
        )
    }

    /// A download that fails as one from an unreachable endpoint does. The real one
    /// (`download_into_cache`) needs the transport: the workflows test that it fails within
    /// seconds.
    fn failing_download(
        _cache: Option<&Path>,
        var: &dyn Fn(&str) -> Option<String>,
    ) -> Result<PathBuf, String> {
        let from = var("CIVIS_API_ENDPOINT").unwrap_or_default();
        Err(format!(
            "the download from {from} failed: connection refused"
        ))
    }

    /// An endpoint for the failing download to name.
    const UNREACHABLE: &str = "http://127.0.0.1:9/";

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
        // A key and an endpoint that refuses: a download would fail.
        let vars = scratch.env(&[("CIVIS_API_KEY", "k"), ("CIVIS_API_ENDPOINT", UNREACHABLE)]);
        scratch.cache_for(Duration::from_secs(60), &vars, CACHED);
        let source = locate_in(&vars).unwrap();
        assert_eq!(source.text, CACHED);
        assert!(source.warning.is_none());
    }

    #[test]
    fn a_cache_of_another_endpoint_is_not_read() {
        let scratch = Scratch::new("other-endpoint");
        // The mock's spec, cached while the command line talked to it.
        let mock = scratch.env(&[("CIVIS_API_ENDPOINT", "http://127.0.0.1:8080/")]);
        scratch.cache_for(Duration::from_secs(60), &mock, CACHED);
        let vars = scratch.env(&[("CIVIS_API_SPEC_OFFLINE", "1")]);
        assert!(locate_in(&vars).is_err(), "the API's cache is empty");
    }

    #[test]
    fn a_cache_that_is_no_spec_is_skipped_naming_it_and_downloaded_again() {
        let scratch = Scratch::new("broken");
        let vars = scratch.env(&[("CIVIS_API_KEY", "k")]);
        let cache = scratch.cache_for(Duration::from_secs(60), &vars, "<html>oops</html>");
        fn download(
            path: Option<&Path>,
            _: &dyn Fn(&str) -> Option<String>,
        ) -> Result<PathBuf, String> {
            let path = path.unwrap().to_path_buf();
            std::fs::write(&path, CACHED).unwrap();
            Ok(path)
        }
        let source = locate_bundled(&vars, Some(&download)).unwrap();
        assert_eq!(
            (source.origin, source.text.as_str()),
            (Origin::Downloaded, CACHED)
        );
        let warning = source.warning.unwrap();
        assert!(warning.contains(&cache.display().to_string()), "{warning}");
        // Offline, it is not used either: the error names it.
        std::fs::write(&cache, "<html>oops</html>").unwrap();
        let offline = scratch.env(&[("CIVIS_API_SPEC_OFFLINE", "1")]);
        let error = locate_in(&offline).err().unwrap();
        assert!(error.contains(&cache.display().to_string()), "{error}");
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
        assert!(error.contains("cargo install civis-cli"), "{error}");
        assert!(error.contains("CIVIS_API_SPEC"), "{error}");
    }

    #[test]
    fn a_failed_download_fails_naming_it_or_falls_back_to_the_stale_cache() {
        let scratch = Scratch::new("unreachable");
        let vars = scratch.env(&[("CIVIS_API_KEY", "k"), ("CIVIS_API_ENDPOINT", UNREACHABLE)]);
        let error = locate_in(&vars).err().unwrap();
        assert!(
            error.contains(&format!("the download from {UNREACHABLE} failed")),
            "{error}"
        );

        scratch.cache_for(Duration::from_secs(2 * 86_400), &vars, CACHED);
        let source = locate_in(&vars).unwrap();
        let warning = source.warning.unwrap();
        assert!(
            warning.contains("2 days old") && warning.contains("download from"),
            "{warning}"
        );
        assert_eq!(source.text, CACHED);
    }

    #[test]
    fn without_downloads_the_bundled_snapshot_is_used_silently_and_the_cache_ignored() {
        let scratch = Scratch::new("bundled");
        scratch.cache(Duration::from_secs(60));
        let vars = scratch.env(&[("CIVIS_API_KEY", "k")]);
        let source = locate_bundled(&vars, None).unwrap();
        assert_eq!(source.origin, Origin::Bundled);
        assert_eq!(source.text, "{\"bundled\": true}");
        assert_eq!(source.path, None);
        assert!(source.warning.is_none(), "{:?}", source.warning);
        // A pinned spec still comes first.
        std::fs::create_dir_all(scratch.0.join(".civis")).unwrap();
        std::fs::write(scratch.0.join(api_spec::PROJECT_SPEC), "{\"project\": 1}").unwrap();
        assert_eq!(locate_bundled(&vars, None).unwrap().origin, Origin::Project);
    }

    #[test]
    fn with_downloads_that_fail_and_no_cache_the_bundled_snapshot_comes_with_a_warning() {
        let scratch = Scratch::new("bundled-offline");
        let vars = scratch.env(&[("CIVIS_API_SPEC_OFFLINE", "1")]);
        let source = locate_bundled(&vars, Some(&failing_download)).unwrap();
        assert_eq!(source.origin, Origin::Bundled);
        let warning = source.warning.unwrap();
        assert!(
            warning.contains("CIVIS_API_SPEC_OFFLINE=1 forbids a download")
                && warning.contains("`civis spec download`")
                && warning.contains("`download` feature off"),
            "{warning}"
        );
    }
}
