//! The spec the command line is built from, read when it starts, as civis-python's command line
//! reads it: `--spec PATH`, else `CIVIS_API_SPEC`, else the cache (`~/.civis_api_spec.json`, or
//! `CIVIS_API_SPEC_CACHE`; one file per endpoint, so the spec of `civis mock serve` never
//! drives the real API) while younger than 24 hours, else a download with `CIVIS_API_KEY`
//! into the cache. So every resource of the API is there, those added after this program was
//! built included. When none can be had, an older cache is used with a warning, and without
//! one the operations this program was built with (`resources = "base"`). A cache that cannot
//! be read (not a spec, a file cut short) is skipped with a warning naming it, and replaced by
//! the download; a download that is not a Swagger document is never cached.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use civis::{methods::Operation, ApiClient, Error};
use civis_core::__private::spec_files as api_spec;
use civis_core::model;

/// Where the operations came from, for the warning a user should see.
pub struct Loaded {
    /// Every operation of the spec, all resources.
    pub operations: &'static [Operation],
    /// The paths (without the final `/`) that the spec writes with one, which civis-python's
    /// command line names with a final `-`.
    pub slashed_paths: HashSet<String>,
    /// A note for stderr when the operations are not from a current spec.
    pub warning: Option<String>,
}

/// The operations of the spec found as the module documentation says.
pub fn load(given: Option<&Path>) -> Result<Loaded, Error> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    if let Some(path) = given {
        return from_file(path);
    }
    if let Some(path) = var("CIVIS_API_SPEC") {
        return from_file(Path::new(&path));
    }
    let cache = api_spec::default_cache_path();
    if let Some(cache) = &cache {
        if api_spec::is_fresh(cache) && !api_spec::refresh_requested() {
            match from_file(cache) {
                Ok(loaded) => return Ok(loaded),
                Err(error) => eprintln!(
                    "civis: skipping the cached spec {}, which cannot be read ({error}); \
                     downloading it again",
                    cache.display()
                ),
            }
        }
    }
    let why_not = match (&cache, var("CIVIS_API_KEY")) {
        (None, _) => "there is no home directory for the cache".to_string(),
        (Some(_), None) => "CIVIS_API_KEY is not set".to_string(),
        (Some(cache), Some(key)) => {
            let endpoint = var("CIVIS_API_ENDPOINT");
            if let Some(refused) = crate::refused_endpoint(endpoint.as_deref()) {
                return Err(refused);
            }
            eprintln!(
                "civis: downloading the API spec from {} into {}",
                endpoint
                    .as_deref()
                    .unwrap_or(civis::config::DEFAULT_API_ENDPOINT),
                cache.display()
            );
            match api_spec::download_to_cache(cache, &key, endpoint.as_deref()) {
                Ok(()) => return from_file(cache),
                Err(error) => format!("the download failed: {error}"),
            }
        }
    };
    // An older cache, when it can be read, is better than the operations built in.
    let old_cache = cache
        .filter(|c| c.is_file())
        .and_then(|cache| from_file(&cache).ok().map(|loaded| (cache, loaded)));
    if let Some((cache, loaded)) = old_cache {
        let age = api_spec::age(&cache).map_or_else(String::new, |age| {
            format!(", {} old", api_spec::describe_age(age))
        });
        return Ok(Loaded {
            warning: Some(format!(
                "civis: using the cached spec {}{age}, because {why_not}; refresh it with \
                 CIVIS_API_KEY set and `civis spec download -o {}`",
                cache.display(),
                cache.display()
            )),
            ..loaded
        });
    }
    Ok(Loaded {
        operations: ApiClient::operations(),
        slashed_paths: HashSet::new(),
        warning: Some(format!(
            "civis: no API spec to read ({why_not}); only the operations this program was built \
             with are available. Set CIVIS_API_KEY to download the current spec, or give one \
             with --spec PATH or CIVIS_API_SPEC"
        )),
    })
}

impl Loaded {
    /// The operations this program was built with, for the commands that need no spec.
    pub fn built_in() -> Self {
        Self {
            operations: ApiClient::operations(),
            slashed_paths: HashSet::new(),
            warning: None,
        }
    }
}

/// Every operation of the spec in the file at `path`, as civis-python's command line has them:
/// all resources, and the operations whose summary says "deprecated" too.
pub fn from_file(path: &Path) -> Result<Loaded, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })?;
    let api = model::load_command_line(&text)
        .map_err(|e| Error::Config(format!("{}: {e}", path.display())))?;
    let rows = model::methods::rows(&api)
        .into_iter()
        .map(civis::__private::MethodRow::into_owned)
        .collect();
    Ok(Loaded {
        operations: civis::__private::leak_operations(rows),
        slashed_paths: slashed_paths(&text),
        warning: None,
    })
}

/// The spec's paths written with a final `/`, without it (the model drops it).
fn slashed_paths(text: &str) -> HashSet<String> {
    #[derive(serde::Deserialize)]
    struct Paths {
        #[serde(default)]
        paths: std::collections::HashMap<String, serde::de::IgnoredAny>,
    }
    serde_json::from_str::<Paths>(text)
        .map(|spec| {
            spec.paths
                .keys()
                .filter(|p| p.len() > 1 && p.ends_with('/'))
                .map(|p| p.trim_end_matches('/').to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// The value of a `--spec PATH` (or `--spec=PATH`) given before the command: the spec must be
/// read before the commands it defines can be parsed.
pub fn given(args: &[std::ffi::OsString]) -> Option<PathBuf> {
    let mut args = args.iter().skip(1);
    while let Some(arg) = args.next() {
        let text = arg.to_string_lossy();
        if !text.starts_with('-') {
            return None;
        }
        if text == "--spec" {
            return args.next().map(PathBuf::from);
        }
        if let Some(path) = text.strip_prefix("--spec=") {
            return Some(PathBuf::from(path));
        }
    }
    None
}
