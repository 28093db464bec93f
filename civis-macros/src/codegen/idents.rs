//! Rust identifiers from spec names, as the text the generated source spells them with: every
//! name is made a valid identifier here, so the generated source always lexes.

use std::collections::HashSet;

/// Words that cannot be raw identifiers; they get a trailing underscore instead.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// `name` with every character outside `[A-Za-z0-9_]` replaced, and a leading digit guarded.
pub fn sanitize(name: &str) -> String {
    civis_core::spec::naming::identifier(name)
}

/// A snake_case or CamelCase name as an identifier: raw (`r#type`) for keywords, with a
/// trailing `_` for the few words that cannot be raw.
pub fn ident(name: &str) -> String {
    keyword_safe(sanitize(name))
}

/// An already sanitised name, made raw or suffixed where it is a keyword.
fn keyword_safe(name: String) -> String {
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

/// Hands out identifiers that are unique within one scope (a module, an impl block, a
/// parameter list): a name that sanitises to one already given gets trailing underscores.
#[derive(Debug, Default)]
pub struct Scope {
    /// Names taken before the scope opened: plain identifiers, compared as they are (a scope is
    /// opened per operation, so the list is not copied into `taken`).
    reserved: &'static [&'static str],
    taken: HashSet<String>,
}

impl Scope {
    /// A scope where `reserved` names, plain identifiers, are already taken.
    pub fn reserving(reserved: &'static [&'static str]) -> Self {
        Self {
            reserved,
            taken: HashSet::new(),
        }
    }

    /// A unique identifier for `wanted`.
    pub fn ident(&mut self, wanted: &str) -> String {
        let mut name = sanitize(wanted);
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

/// UpperCamelCase of a snake_case name, as a valid type name.
pub fn upper_camel(snake: &str) -> String {
    let mut out = camel(&sanitize(snake), true);
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'R');
    }
    out
}

/// Underscores dropped and the letter after each upper-cased (the first too with
/// `upper_first`): serde's camelCase and PascalCase rules for field names.
pub fn camel(snake: &str, upper_first: bool) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = upper_first;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_becomes_a_valid_identifier() {
        assert_eq!(ident("type").to_string(), "r#type");
        assert_eq!(ident("self").to_string(), "self_");
        assert_eq!(ident("2fa-code").to_string(), "_2fa_code");
        assert_eq!(ident("").to_string(), "__");
        assert_eq!(ident("_").to_string(), "__");
        assert_eq!(ident("naïve").to_string(), "na_ve");
    }

    #[test]
    fn reserved_names_are_plain_identifiers() {
        let lists = [
            super::super::CLIENT_METHODS,
            super::super::resources::CALL_METHODS,
            civis_core::spec::naming::RESERVED_TYPE_NAMES,
        ];
        for name in lists.into_iter().flatten() {
            assert_eq!(&ident(name), name);
        }
    }

    #[test]
    fn a_scope_never_repeats_an_identifier() {
        let mut scope = Scope::reserving(&["send"]);
        assert_eq!(scope.ident("send").to_string(), "send_");
        assert_eq!(scope.ident("a-b").to_string(), "a_b");
        assert_eq!(scope.ident("a_b").to_string(), "a_b_");
        assert_eq!(scope.ident("type").to_string(), "r#type");
        assert_eq!(scope.ident("type").to_string(), "type_");
    }
}
