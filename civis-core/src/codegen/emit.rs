//! Writing Rust source text. The generator writes the expansion as text and has rustc lex it
//! once, rather than building its half a million tokens one by one with `quote!`: cargo compiles
//! proc macros at opt-level 0, where token-by-token building cost ~400 ms of every expansion.
//! Everything spliced into the text is an identifier from
//! [`naming`](crate::model::naming), a literal
//! from [`Lit`], or fixed source written here, so the text always lexes.

use std::fmt;

/// `write!` into a `String`, which cannot fail.
macro_rules! emit {
    ($out:expr, $($format:tt)*) => {{
        let _ = ::std::fmt::Write::write_fmt($out, format_args!($($format)*));
    }};
}
pub(crate) use emit;

/// A Rust string literal holding the text: `Debug` of a `str` quotes it and escapes exactly
/// what a literal must (quotes, backslashes, control and unprintable characters).
pub struct Lit<'a>(pub &'a str);

impl fmt::Display for Lit<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

/// A raw Rust string literal holding the text (`r#"..."#` with enough `#`s): nothing to escape,
/// for the large JSON of the operation table. The text must not hold a carriage return, which
/// raw literals reject; JSON text escapes it.
pub struct RawLit<'a>(pub &'a str);

impl fmt::Display for RawLit<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // One `#` more than the longest run of them after a quote in the text.
        let mut hashes = 1;
        for (at, _) in self.0.match_indices('"') {
            let run = self.0[at + 1..].bytes().take_while(|&b| b == b'#').count();
            hashes = hashes.max(run + 1);
        }
        let fence = "#".repeat(hashes);
        write!(f, "r{fence}\"{}\"{fence}", self.0)
    }
}

/// One `#[doc = "..."]` attribute per line of `text` (rustdoc joins them as `///` lines), each
/// line after a space as `///` comments have it.
pub fn doc(out: &mut String, text: &str) {
    for line in text.lines() {
        let quoted = format!("{line:?}");
        // `quoted` opens with the quote already written, before the space.
        emit!(out, "#[doc = \" {}]\n", &quoted[1..]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_literal_lexes_back_to_its_text() {
        let text = "say \"hi\" \\ \t\u{7}\u{301} end";
        let lit: syn::LitStr = syn::parse_str(&Lit(text).to_string()).unwrap();
        assert_eq!(lit.value(), text);
    }

    #[test]
    fn a_raw_literal_lexes_back_to_its_text() {
        for text in [r#"{"a": "b"}"#, r###"quote then hash "# and "## end"###, ""] {
            let lit: syn::LitStr = syn::parse_str(&RawLit(text).to_string()).unwrap();
            assert_eq!(lit.value(), text);
        }
    }

    #[test]
    fn doc_lines_lex_back_to_their_text() {
        let mut out = String::new();
        doc(&mut out, "first \"line\"\nsecond\\");
        let item: syn::ItemStruct = syn::parse_str(&format!("{out}struct S;")).unwrap();
        let lines: Vec<String> = item
            .attrs
            .iter()
            .map(|attr| match &attr.meta {
                syn::Meta::NameValue(syn::MetaNameValue {
                    value:
                        syn::Expr::Lit(syn::ExprLit {
                            lit: syn::Lit::Str(s),
                            ..
                        }),
                    ..
                }) => s.value(),
                other => panic!("not a doc attribute: {}", quote::quote!(#other)),
            })
            .collect();
        assert_eq!(lines, [" first \"line\"", " second\\"]);
    }
}
