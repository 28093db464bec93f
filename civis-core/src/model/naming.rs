//! civis-python's naming rules: how paths and verbs become resource and method names, and how
//! camelCase names become snake_case, so that every generated name matches the Python client.

pub use crate::data::case::camel_to_snake;

/// Resources that `resources = "base"` keeps: a path belongs to them when its first segment
/// starts with one of these (civis-python's historical `base` set).
pub const BASE_RESOURCES: &[&str] = &[
    "aliases",
    "announcements",
    "apps",
    "civis",
    "clusters",
    "codes",
    "credentials",
    "databases",
    "endpoints",
    "enhancements",
    "exports",
    "files",
    "git_repos",
    "groups",
    "imports",
    "jobs",
    "json_values",
    "match_targets",
    "media",
    "models",
    "notebooks",
    "notifications",
    "ontology",
    "predictions",
    "projects",
    "queries",
    "remote_hosts",
    "reports",
    "results",
    "scripts",
    "search",
    "services",
    "storage_hosts",
    "tables",
    "templates",
    "users",
    "workflows",
];

/// Path prefixes civis-python never exposes (`feature_flags` would collide with a client
/// attribute).
pub const EXCLUDED_RESOURCES: &[&str] = &["feature_flags"];

/// GET paths that the spec documents as returning an object but that return an array
/// (civis-python's `GET_PATHS_WITH_ARRAY_RESPONSE`).
pub const GET_PATHS_WITH_ARRAY_RESPONSE: &[&str] = &[
    "credentials/types",
    "databases/{id}/users",
    "jobs/{id}/children",
    "jobs/{id}/parents",
    "notebooks/{id}/git/commits",
    "reports/{id}/git/commits",
    "scripts/javascript/{id}/git/commits",
    "scripts/python3/{id}/git/commits",
    "scripts/r/{id}/git/commits",
    "scripts/sql/{id}/git/commits",
    "scripts/{id}/history",
    "workflows/{id}/git/commits",
];

/// GET paths that had a `list_*` method name before civis-python fixed "list" versus "get"; they
/// keep that name as a deprecated alias next to the preferred one
/// (civis-python's `LEGACY_PATHS_WITH_LIST_NAME`).
pub const LEGACY_PATHS_WITH_LIST_NAME: &[&str] = &[
    "aliases/{id}/shares",
    "clusters/kubernetes/instance_configs/{instance_config_id}/historical_graphs",
    "clusters/kubernetes/instance_configs/{instance_config_id}/historical_metrics",
    "credentials/{id}/shares",
    "databases/{id}/advanced-settings",
    "endpoints",
    "enhancements/cass-ncoa/{id}/shares",
    "enhancements/civis-data-match/{id}/shares",
    "enhancements/geocode/{id}/shares",
    "enhancements/identity-resolution/{id}/shares",
    "files/{id}/shares",
    "git_repos/{id}/refs",
    "groups/{id}/child_groups",
    "groups/{id}/shares",
    "imports/{id}/shares",
    "jobs/{id}/shares",
    "json_values/{id}/shares",
    "match_targets/{id}/shares",
    "media/optimizations/{id}/shares",
    "media/ratecards/{id}/shares",
    "media/spot_orders/{id}/shares",
    "models/{id}/schedules",
    "models/{id}/shares",
    "notebooks/{id}/git",
    "notebooks/{id}/shares",
    "notebooks/{id}/update-links",
    "notifications",
    "permission_sets/{id}/resources/{name}/shares",
    "permission_sets/{id}/shares",
    "predictions/{id}/schedules",
    "projects/{id}/shares",
    "remote_hosts/{id}/shares",
    "reports/{id}/git",
    "reports/{id}/shares",
    "reports/services/{id}/shares",
    "reports/sql/{id}/shares",
    "scripts/containers/{id}/shares",
    "scripts/custom/{id}/shares",
    "scripts/dbt/{id}/shares",
    "scripts/javascript/{id}/git",
    "scripts/javascript/{id}/shares",
    "scripts/python3/{id}/git",
    "scripts/python3/{id}/shares",
    "scripts/r/{id}/git",
    "scripts/r/{id}/shares",
    "scripts/sql/{id}/git",
    "scripts/sql/{id}/shares",
    "search",
    "services/{id}/shares",
    "storage_hosts/{id}/shares",
    "templates/reports/{id}/shares",
    "templates/scripts/{id}/shares",
    "usage/llm/organization/{org_id}/summary",
    "users/me",
    "workflows/{id}/git",
    "workflows/{id}/shares",
];

/// Which resources a generated client exposes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Resources {
    /// The stable resources, those civis-python's library exposes.
    #[default]
    Base,
    /// Every resource, including those in development.
    All,
}

impl Resources {
    /// Parses the macro's `resources = "..."` value.
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "base" => Some(Self::Base),
            "all" => Some(Self::All),
            _ => None,
        }
    }

    /// Whether a path (without its leading `/`) belongs to the selected resources.
    pub(crate) fn includes(self, path: &str) -> bool {
        match self {
            Self::All => true,
            Self::Base => BASE_RESOURCES.iter().any(|base| path.starts_with(base)),
        }
    }
}

/// Words that cannot be raw identifiers; they get a trailing underscore instead.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Rust's strict and reserved keywords (2021 edition, and `gen` of 2024).
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// `name` as the characters of a Rust identifier: everything outside `[A-Za-z0-9_]` becomes
/// `_`, and a leading digit (or nothing at all) gets a `_` in front. Keywords are handled by
/// [`ident`].
pub fn identifier(name: &str) -> String {
    let mut out: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    out
}

/// A name as a Rust identifier, spelled as source text: [`identifier`], then raw (`r#type`)
/// for keywords, or with a trailing `_` for the few words that cannot be raw.
pub fn ident(name: &str) -> String {
    keyword_safe(identifier(name))
}

/// An identifier made raw or suffixed where it is a keyword.
fn keyword_safe(name: String) -> String {
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

/// UpperCamelCase of any name (`json_values` → `JsonValues`, `Object0.owner` → `Object0Owner`)
/// as a type name: heck's word rules over the name's letters and digits, with `Type` in front
/// when nothing or a digit would lead. The one rule for every generated type name: spec types,
/// resource structs and operation markers.
pub fn upper_camel(name: &str) -> String {
    let words: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let camel = heck::ToUpperCamelCase::to_upper_camel_case(words.as_str());
    if camel.is_empty() || camel.starts_with(|c: char| c.is_ascii_digit()) {
        format!("Type{camel}")
    } else {
        camel
    }
}

/// Hands out identifiers that are unique within one scope (a module, an impl block, a
/// parameter list): a name that comes out the same as one already given gets trailing
/// underscores.
#[derive(Debug, Default)]
pub struct Scope {
    /// Names taken before the scope opened: plain identifiers, compared as they are (a scope is
    /// opened per operation, so the list is not copied into `taken`).
    reserved: &'static [&'static str],
    taken: std::collections::HashSet<String>,
}

impl Scope {
    /// A scope where `reserved` names, plain identifiers, are already taken.
    pub fn reserving(reserved: &'static [&'static str]) -> Self {
        Self {
            reserved,
            taken: Default::default(),
        }
    }

    /// A unique identifier for `wanted`, as source text.
    pub fn ident(&mut self, wanted: &str) -> String {
        let mut name = identifier(wanted);
        loop {
            let candidate = keyword_safe(name.clone());
            if !self.reserved.contains(&candidate.as_str()) && self.taken.insert(candidate.clone())
            {
                return candidate;
            }
            name.push('_');
        }
    }
}

/// The resource a path belongs to: its first segment, lower-cased, hyphens to underscores.
pub fn resource_name(path: &str) -> String {
    path.split('/')
        .next()
        .unwrap_or_default()
        .to_lowercase()
        .replace('-', "_")
}

fn bracketed(segment: &str) -> bool {
    segment.len() >= 2 && segment.starts_with('{') && segment.ends_with('}')
}

/// Whether a GET on `path` returns an array, by its 200 schema or civis-python's list of paths
/// that are documented wrongly.
pub fn response_is_array(path: &str, schema_is_array: bool) -> bool {
    schema_is_array || GET_PATHS_WITH_ARRAY_RESPONSE.contains(&path)
}

/// civis-python's `parse_method_name`: the verb followed by the static path segments after the
/// resource (and the name of a parameter that follows another parameter), hyphens to
/// underscores.
///
/// `path` has no leading `/`. `verb` is lower case. With `legacy`, a GET whose last segment is
/// static is called `list`; otherwise a GET is called `list` only when it returns an array.
pub fn method_name(verb: &str, path: &str, legacy: bool, returns_array: bool) -> String {
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let mut parts: Vec<&str> = Vec::new();
    for (i, segment) in segments.iter().enumerate() {
        if !bracketed(segment) {
            parts.push(segment);
        } else if i > 0 && bracketed(segments[i - 1]) {
            parts.push(segments[i - 1].trim_matches(|c| c == '{' || c == '|' || c == '}'));
        }
    }
    let is_list = if legacy {
        verb == "get" && !segments.last().is_some_and(|last| bracketed(last))
    } else {
        verb == "get" && returns_array
    };
    let verb = if is_list { "list" } else { verb };
    let name = if parts.is_empty() {
        verb.to_string()
    } else {
        format!("{verb}_{}", parts.join("_"))
    };
    name.replace('-', "_")
}

/// The deprecation note of a legacy `list_*` alias (civis-python keeps these names until its
/// v3.0.0 and warns in its own terms; this says what to call in Rust).
pub fn legacy_alias_warning(resource: &str, legacy: &str, preferred: &str) -> String {
    format!(
        "use `{resource}().{preferred}()`: `{legacy}` is the legacy name of the same method, kept \
         because civis-python still offers it"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn method_names_follow_civis_python() {
        assert_eq!(method_name("get", "scripts/{id}", true, false), "get");
        assert_eq!(method_name("get", "scripts", true, true), "list");
        assert_eq!(
            method_name("get", "scripts/{id}/runs/{run_id}", true, false),
            "get_runs"
        );
        assert_eq!(
            method_name("post", "scripts/{id}/runs/{run_id}", true, false),
            "post_runs"
        );
        assert_eq!(method_name("get", "users/me", true, false), "list_me");
        assert_eq!(method_name("get", "users/me", false, false), "get_me");
        assert_eq!(
            method_name("get", "aliases/{object_type}/{alias}", true, false),
            "get_object_type"
        );
        assert_eq!(
            method_name("get", "databases/{id}/advanced-settings", false, false),
            "get_advanced_settings"
        );
    }

    #[test]
    fn every_name_becomes_a_valid_identifier() {
        assert_eq!(ident("type"), "r#type");
        assert_eq!(ident("self"), "self_");
        assert_eq!(ident("2fa-code"), "_2fa_code");
        assert_eq!(ident(""), "__");
        assert_eq!(ident("_"), "__");
        assert_eq!(ident("naïve"), "na_ve");
    }

    #[test]
    fn type_names_are_upper_camel_case_identifiers() {
        assert_eq!(upper_camel("json_values"), "JsonValues");
        assert_eq!(upper_camel("Object0.owner"), "Object0Owner");
        assert_eq!(upper_camel("call-me"), "CallMe");
        assert_eq!(upper_camel("2fa"), "Type2fa");
        assert_eq!(upper_camel(""), "Type");
    }

    #[test]
    fn a_scope_never_repeats_an_identifier() {
        let mut scope = Scope::reserving(&["send"]);
        assert_eq!(scope.ident("send"), "send_");
        assert_eq!(scope.ident("a-b"), "a_b");
        assert_eq!(scope.ident("a_b"), "a_b_");
        assert_eq!(scope.ident("type"), "r#type");
        assert_eq!(scope.ident("type"), "type_");
    }

    #[test]
    fn base_resources_match_by_prefix() {
        assert!(Resources::Base.includes("scripts/{id}"));
        assert!(!Resources::Base.includes("admin/organizations"));
        assert!(Resources::All.includes("admin/organizations"));
        assert_eq!(Resources::parse("everything"), None);
    }
}
