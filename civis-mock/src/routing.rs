//! Route tables: entries of a verb, a path pattern and a handler, and the one matcher that picks
//! a request's entry and parses its path parameters, so that a handler gets numbers and names,
//! not segments to parse.
//!
//! A pattern is the path as the API's spec writes it, segment by segment:
//!
//! - a literal segment (`runs`) matches itself;
//! - `{name}` matches a whole number (every id in the API's paths is one), which the handler
//!   reads with [`Params::number`]; any other segment there does not match;
//! - `{name:text}` matches any one segment, read with [`Params::text`];
//! - `*`, last, matches the rest of the path, none or more segments: a fallback for whatever
//!   the entries before it do not simulate.
//!
//! The verb is upper case, or `*` for any. The first entry that matches decides; an entry that
//! can match a request an earlier one also matches must be such a fallback, which the tables'
//! tests check with [`check_table`].

/// One entry of a route table.
pub(crate) struct Route<H> {
    /// Upper-case HTTP verb, or `*` for any.
    pub verb: &'static str,
    /// The path pattern (see the module's documentation).
    pub pattern: &'static str,
    /// What answers a request that matches.
    pub handler: H,
}

/// An entry of a route table: `route("GET", "/jobs/{id}/runs/{run_id}", handler)`.
pub(crate) const fn route<H>(verb: &'static str, pattern: &'static str, handler: H) -> Route<H> {
    Route {
        verb,
        pattern,
        handler,
    }
}

/// The path parameters of a matched request, by the names its pattern gives them.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Params {
    values: Vec<(&'static str, Param)>,
}

#[derive(Debug, Clone, PartialEq)]
enum Param {
    Number(i64),
    Text(String),
}

impl Params {
    /// The `{name}` parameter; `None` when the pattern has no such number parameter.
    pub(crate) fn number(&self, name: &str) -> Option<i64> {
        self.values.iter().find_map(|(n, value)| match value {
            Param::Number(number) if *n == name => Some(*number),
            _ => None,
        })
    }

    /// The `{name:text}` parameter; `None` when the pattern has no such text parameter.
    pub(crate) fn text(&self, name: &str) -> Option<&str> {
        self.values.iter().find_map(|(n, value)| match value {
            Param::Text(text) if *n == name => Some(text.as_str()),
            _ => None,
        })
    }
}

/// The segments of a path, without empty ones (`/files/` is `["files"]`, as is `//files`).
pub(crate) fn segments(path: &str) -> Vec<&str> {
    path.split('/').filter(|s| !s.is_empty()).collect()
}

/// The handler of the first entry of `table` that matches `verb` on `path`, with the path's
/// parameters; `None` when no entry matches.
pub(crate) fn find<'t, H>(
    table: &'t [Route<H>],
    verb: &str,
    path: &str,
) -> Option<(&'t H, Params)> {
    let path = segments(path);
    table.iter().find_map(|route| {
        let params = route.accepts(verb, &path)?;
        Some((&route.handler, params))
    })
}

/// One segment of a pattern.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Segment {
    Literal(&'static str),
    Number(&'static str),
    Text(&'static str),
    Rest,
}

impl Segment {
    /// The segment a pattern's text writes, or why it is not one.
    fn parse(text: &'static str) -> Result<Self, String> {
        if text == "*" {
            return Ok(Self::Rest);
        }
        let Some(inner) = text.strip_prefix('{') else {
            if text.contains(['{', '}', '*']) {
                return Err(format!("`{text}` is neither a literal nor a parameter"));
            }
            return Ok(Self::Literal(text));
        };
        let inner = inner
            .strip_suffix('}')
            .ok_or_else(|| format!("`{text}` does not close its brace"))?;
        let (name, number) = match inner.strip_suffix(":text") {
            Some(name) => (name, false),
            None => (inner, true),
        };
        let identifier = !name.is_empty()
            && !name.starts_with(|c: char| c.is_ascii_digit())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        match (identifier, number) {
            (false, _) => Err(format!("`{text}` does not name its parameter")),
            (true, true) => Ok(Self::Number(name)),
            (true, false) => Ok(Self::Text(name)),
        }
    }

    /// Whether the path segment `segment` fits here (`Rest` fits any, and the rest after it).
    #[cfg(test)]
    fn fits(self, segment: &str) -> bool {
        match self {
            Self::Literal(literal) => literal == segment,
            Self::Number(_) => segment.parse::<i64>().is_ok(),
            Self::Text(_) | Self::Rest => true,
        }
    }
}

/// The segments of a pattern; an `Err` names the first that is malformed.
fn pattern(text: &'static str) -> Result<Vec<Segment>, String> {
    segments(text).into_iter().map(Segment::parse).collect()
}

impl<H> Route<H> {
    /// The path's parameters when this entry matches `verb` on `path` (its segments).
    fn accepts(&self, verb: &str, path: &[&str]) -> Option<Params> {
        if self.verb != "*" && self.verb != verb {
            return None;
        }
        // Parsed at each match, not kept: a few dozen short patterns cost less than a cache.
        // A malformed one matches nothing; `check_table` reports it in the tables' tests.
        let pattern = pattern(self.pattern).ok()?;
        let mut params = Params::default();
        for (at, segment) in pattern.iter().enumerate() {
            if *segment == Segment::Rest {
                return Some(params);
            }
            let text = *path.get(at)?;
            let param = match *segment {
                Segment::Literal(literal) if literal == text => continue,
                Segment::Number(name) => (name, Param::Number(text.parse().ok()?)),
                Segment::Text(name) => (name, Param::Text(text.to_string())),
                Segment::Literal(_) | Segment::Rest => return None,
            };
            params.values.push(param);
        }
        (path.len() == pattern.len()).then_some(params)
    }
}

/// The verbs an entry may name.
#[cfg(test)]
const VERBS: &[&str] = &["*", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"];

/// Whether `table` is well formed: every verb known and pattern valid (a leading `/`, no empty
/// segment, parameters named once each, `*` only last), and no entry hidden behind earlier
/// ones: an entry that can match a request an earlier entry also matches must end in `*` (a
/// fallback), and must not be matched in full by the earlier one.
#[cfg(test)]
pub(crate) fn check_table<H>(table: &[Route<H>]) -> Result<(), String> {
    let mut parsed = Vec::new();
    for route in table {
        let at = format!("{} {}", route.verb, route.pattern);
        if !VERBS.contains(&route.verb) {
            return Err(format!("{at}: unknown verb"));
        }
        if !route.pattern.starts_with('/') || route.pattern[1..].split('/').any(str::is_empty) {
            return Err(format!(
                "{at}: a pattern starts with `/` and has no empty segment"
            ));
        }
        let segments = pattern(route.pattern).map_err(|why| format!("{at}: {why}"))?;
        if let Some(rest) = segments.iter().position(|s| *s == Segment::Rest) {
            if rest + 1 != segments.len() {
                return Err(format!("{at}: `*` comes last"));
            }
        }
        let mut names: Vec<&str> = segments
            .iter()
            .filter_map(|s| match s {
                Segment::Number(name) | Segment::Text(name) => Some(*name),
                _ => None,
            })
            .collect();
        let count = names.len();
        names.sort_unstable();
        names.dedup();
        if names.len() != count {
            return Err(format!("{at}: a parameter is named twice"));
        }
        parsed.push((route.verb, segments, at));
    }
    for (later, (verb, segments, at)) in parsed.iter().enumerate() {
        for (earlier_verb, earlier, earlier_at) in &parsed[..later] {
            let verbs_meet = *earlier_verb == "*" || *verb == "*" || earlier_verb == verb;
            if !verbs_meet || !overlap(earlier, segments) {
                continue;
            }
            let covered =
                (*earlier_verb == "*" || earlier_verb == verb) && covers(earlier, segments);
            if covered {
                return Err(format!(
                    "{at} is shadowed by the earlier {earlier_at}: it can never answer"
                ));
            }
            if segments.last() != Some(&Segment::Rest) {
                return Err(format!(
                    "{at} overlaps the earlier {earlier_at}: only a fallback ending in `*` may"
                ));
            }
        }
    }
    Ok(())
}

/// Whether some path matches both patterns.
#[cfg(test)]
fn overlap(a: &[Segment], b: &[Segment]) -> bool {
    match (a.split_first(), b.split_first()) {
        (Some((Segment::Rest, _)), _) | (_, Some((Segment::Rest, _))) => true,
        (None, None) => true,
        (None, Some(_)) | (Some(_), None) => false,
        (Some((x, a)), Some((y, b))) => {
            let meet = match (x, y) {
                (Segment::Literal(l), other) | (other, Segment::Literal(l)) => other.fits(l),
                _ => true,
            };
            meet && overlap(a, b)
        }
    }
}

/// Whether every path that `b` matches, `a` matches too.
#[cfg(test)]
fn covers(a: &[Segment], b: &[Segment]) -> bool {
    match (a.split_first(), b.split_first()) {
        (Some((Segment::Rest, _)), _) => true,
        (None, None) => true,
        (None, Some(_)) | (Some(_), None) => false,
        (Some((x, a)), Some((y, b))) => {
            let wider = match (x, y) {
                (_, Segment::Rest) => false,
                (Segment::Text(_), _) => true,
                (Segment::Number(_), Segment::Number(_)) => true,
                (Segment::Number(_), Segment::Literal(l)) => x.fits(l),
                (Segment::Literal(l), Segment::Literal(m)) => l == m,
                _ => false,
            };
            wider && covers(a, b)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &[Route<u8>] = &[
        route("GET", "/jobs/{id}/runs/{run_id}", 1),
        route("DELETE", "/jobs/{id}/runs/{run_id}", 2),
        route("GET", "/jobs/{id}/runs", 3),
        route(
            "GET",
            "/databases/{id}/schemas/{schema:text}/tables/{table:text}",
            4,
        ),
        route("GET", "/files/multipart", 5),
        route("GET", "/files/{id}", 6),
        route("*", "/jobs/{id}/runs/{run_id}/*", 7),
    ];

    fn matched(verb: &str, path: &str) -> Option<(u8, Params)> {
        find(TABLE, verb, path).map(|(handler, params)| (*handler, params))
    }

    #[test]
    fn patterns_give_their_parameters_parsed() {
        let (handler, params) = matched("GET", "/jobs/42/runs/9001").unwrap();
        assert_eq!(handler, 1);
        assert_eq!(params.number("id"), Some(42));
        assert_eq!(params.number("run_id"), Some(9001));
        assert_eq!(params.text("id"), None);
        assert_eq!(params.number("job_id"), None);

        let (handler, params) =
            matched("GET", "/databases/32/schemas/public/tables/users").unwrap();
        assert_eq!(handler, 4);
        assert_eq!(params.number("id"), Some(32));
        assert_eq!(params.text("schema"), Some("public"));
        assert_eq!(params.text("table"), Some("users"));
        // Empty segments do not count, as the mock reads paths.
        assert_eq!(matched("GET", "/jobs/42/runs/").map(|(h, _)| h), Some(3));
    }

    #[test]
    fn other_paths_and_other_verbs_do_not_match() {
        assert!(matched("GET", "/jobs/42").is_none());
        assert!(
            matched("GET", "/jobs/abc/runs").is_none(),
            "{{id}} is a number"
        );
        assert!(matched("GET", "/jobs/42/runs/9001/logs/2/3").is_some_and(|(h, _)| h == 7));
        assert!(matched("POST", "/jobs/42/runs").is_none(), "verb mismatch");
        assert!(matched("PUT", "/files/7").is_none(), "verb mismatch");
        // A literal is not a number: `/files/multipart` is no `/files/{id}`.
        assert_eq!(matched("GET", "/files/multipart").map(|(h, _)| h), Some(5));
        assert_eq!(matched("GET", "/files/7").map(|(h, _)| h), Some(6));
    }

    #[test]
    fn a_fallback_takes_any_verb_and_the_rest_of_the_path() {
        let (handler, params) = matched("PATCH", "/jobs/42/runs/9001").unwrap();
        assert_eq!((handler, params.number("run_id")), (7, Some(9001)));
        assert_eq!(
            matched("GET", "/jobs/42/runs/9001").map(|(h, _)| h),
            Some(1)
        );
    }

    #[test]
    fn malformed_or_shadowed_tables_are_refused() {
        assert_eq!(check_table(TABLE), Ok(()));
        let refused = |table: &[Route<u8>], why: &str| {
            let error = check_table(table).unwrap_err();
            assert!(error.contains(why), "{error}");
        };
        refused(&[route("GTE", "/jobs", 0)], "unknown verb");
        refused(&[route("GET", "jobs", 0)], "starts with `/`");
        refused(&[route("GET", "/jobs//runs", 0)], "empty segment");
        refused(&[route("GET", "/jobs/{id", 0)], "does not close");
        refused(&[route("GET", "/jobs/{}", 0)], "does not name");
        refused(&[route("GET", "/jobs/{id:int}", 0)], "does not name");
        refused(&[route("GET", "/jobs/*/runs", 0)], "`*` comes last");
        refused(&[route("GET", "/a/{id}/b/{id}", 0)], "named twice");
        refused(
            &[route("GET", "/files/{id}", 0), route("GET", "/files/7", 1)],
            "shadowed",
        );
        refused(
            &[route("*", "/jobs/*", 0), route("GET", "/jobs/{id}/*", 1)],
            "shadowed",
        );
        refused(
            &[
                route("GET", "/t/{name:text}", 0),
                route("GET", "/t/{id}", 1),
            ],
            "shadowed",
        );
        // Overlapping without a fallback: which answers depends on the order.
        refused(
            &[
                route("GET", "/t/{id}/x", 0),
                route("GET", "/t/1/{name:text}", 1),
            ],
            "overlaps",
        );
        // Different verbs, or a literal no number fits, do not overlap.
        assert_eq!(
            check_table(&[
                route("GET", "/files/{id}", 0),
                route("POST", "/files/{id}", 1),
                route("GET", "/files/multipart", 2),
            ]),
            Ok(())
        );
    }
}
