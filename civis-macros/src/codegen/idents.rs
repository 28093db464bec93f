//! Rust identifiers from spec names. `syn::Ident::new` panics on invalid input and the macro
//! must never panic, so every identifier is made valid here first.

use proc_macro2::{Ident, Span};

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

/// A snake_case or CamelCase name as an identifier: raw (`r#type`) for keywords, with a
/// trailing `_` for the few words that cannot be raw.
pub fn ident(name: &str) -> Ident {
    let name = sanitize(name);
    if NOT_RAW.contains(&name.as_str()) {
        Ident::new(&format!("{name}_"), Span::call_site())
    } else if KEYWORDS.contains(&name.as_str()) {
        Ident::new_raw(&name, Span::call_site())
    } else {
        Ident::new(&name, Span::call_site())
    }
}

/// `name`, or `name_` (then `name__`, ...) when it is one of `taken`.
pub fn avoiding(name: &str, taken: &[&str]) -> String {
    let mut name = name.to_string();
    while taken.contains(&name.as_str()) {
        name.push('_');
    }
    name
}

/// UpperCamelCase of a snake_case name, as a valid type name.
pub fn upper_camel(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = true;
    for c in sanitize(snake).chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'R');
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
}
