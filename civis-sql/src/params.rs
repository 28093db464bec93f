//! Civis SQL parameters, `{{name}}`: found before parsing, since sqlparser knows no such token.
//!
//! An unquoted `{{name}}` (`amount > {{min}}`) is rewritten to a positional parameter `$N`
//! padded with spaces to the same byte length, so that every offset sqlparser reports still
//! points into the user's text; the resolver types `$N` as [`Ty::Null`](crate::rules::Ty) that
//! cannot be null: like a bare `NULL`, it takes the type its context gives (`amount > $1` is a
//! comparison with a numeric, `dateadd(day, $1, d)` an integer), because the value's Rust type,
//! which the macro checks, decides at run time whether Civis sends an integer, a float or a
//! boolean. A quoted one (`'{{since}}'`) is part of its string literal and left as it is.
//! Placeholders inside comments are not parameters (sqlparser drops comments) and are skipped.

use crate::{Placeholder, SqlError};

/// The SQL as sqlparser reads it, and the placeholders found.
#[derive(Debug)]
pub(crate) struct Scanned {
    /// The SQL with each unquoted `{{name}}` replaced by `$N` and spaces (same length).
    pub sql: String,
    /// The placeholders, each name once, in order of first appearance; `$N` is the N-th.
    pub placeholders: Vec<Placeholder>,
}

impl Scanned {
    /// The placeholder `$N` stands for.
    pub fn numbered(&self, dollar: &str) -> Option<&Placeholder> {
        let n: usize = dollar.strip_prefix('$')?.parse().ok()?;
        self.placeholders.get(n.checked_sub(1)?)
    }
}

/// A parse error's text with each `$N` written back as the `{{name}}` it stands for, and a
/// note when one sits where a name goes (`from {{schema}}.orders`).
pub(crate) fn restore(mut error: SqlError, scanned: &Scanned) -> SqlError {
    let mut named = false;
    for (index, placeholder) in scanned.placeholders.iter().enumerate().rev() {
        let dollar = format!("${}", index + 1);
        if error.message.contains(&dollar) {
            error.message = error
                .message
                .replace(&dollar, &format!("{{{{{}}}}}", placeholder.name));
            named = true;
        }
    }
    if named {
        error.help = Some(
            "a Civis parameter stands for a value (a number outside quotes, a string inside them); \
             a table or column chosen at run time cannot be checked: write the name, or run the SQL \
             with `client.sql(..)`, untyped"
                .to_owned(),
        );
    }
    error
}

/// Where the scan is: what an opening quote or comment marker means depends on it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Code,
    /// In `'...'`.
    Text,
    /// In `"..."`.
    Identifier,
    /// In `-- ...` to the end of the line.
    LineComment,
    /// In `/* ... */`.
    BlockComment,
}

/// Finds the placeholders of `sql` and rewrites the unquoted ones.
pub(crate) fn scan(sql: &str) -> Result<Scanned, SqlError> {
    let bytes = sql.as_bytes();
    let mut out = String::with_capacity(sql.len());
    let mut placeholders: Vec<Placeholder> = Vec::new();
    let mut state = State::Code;
    let mut i = 0;
    // Every byte tested below is ASCII, so slicing at `i` always lands on a char boundary.
    while i < bytes.len() {
        let b = bytes[i];
        let next = bytes.get(i + 1).copied();
        match state {
            State::Code => match b {
                b'\'' => state = State::Text,
                b'"' => state = State::Identifier,
                b'-' if next == Some(b'-') => state = State::LineComment,
                b'/' if next == Some(b'*') => state = State::BlockComment,
                b'{' if next == Some(b'{') => {
                    let Some((name, len)) = placeholder_at(&sql[i..]) else {
                        return Err(SqlError::new(
                            "`{{` starts no Civis parameter",
                            Some(i),
                        )
                        .with_help(
                            "write a parameter as `{{name}}`, with a name of letters, digits and `_`",
                        ));
                    };
                    let number = record(&mut placeholders, name, false, i)?;
                    let dollar = format!("${number}");
                    out.push_str(&dollar);
                    out.push_str(&" ".repeat(len.saturating_sub(dollar.len())));
                    i += len;
                    continue;
                }
                _ => {}
            },
            State::Text => match b {
                // Redshift reads `\'` inside a string as a quote.
                // https://docs.aws.amazon.com/redshift/latest/dg/r_Literals.html
                b'\\' => {
                    if let Some(escaped) = sql.get(i..i + 2) {
                        out.push_str(escaped);
                        i += 2;
                        continue;
                    }
                }
                b'\'' if next == Some(b'\'') => {
                    out.push_str("''");
                    i += 2;
                    continue;
                }
                b'\'' => state = State::Code,
                b'{' if next == Some(b'{') => {
                    if let Some((name, len)) = placeholder_at(&sql[i..]) {
                        record(&mut placeholders, name, true, i)?;
                        out.push_str(&sql[i..i + len]);
                        i += len;
                        continue;
                    }
                }
                _ => {}
            },
            State::Identifier => {
                if b == b'"' {
                    state = State::Code;
                }
            }
            State::LineComment => {
                if b == b'\n' {
                    state = State::Code;
                }
            }
            State::BlockComment => {
                if b == b'*' && next == Some(b'/') {
                    out.push_str("*/");
                    i += 2;
                    state = State::Code;
                    continue;
                }
            }
        }
        // Copy the whole character that starts here.
        let width = sql[i..].chars().next().map_or(1, char::len_utf8);
        out.push_str(&sql[i..i + width]);
        i += width;
    }
    Ok(Scanned {
        sql: out,
        placeholders,
    })
}

/// The name and byte length of the `{{name}}` at the start of `text`.
fn placeholder_at(text: &str) -> Option<(&str, usize)> {
    let rest = text.strip_prefix("{{")?;
    let end = rest.find("}}")?;
    let name = &rest[..end];
    let mut chars = name.chars();
    let first = chars.next()?;
    let valid = (first.is_ascii_alphabetic() || first == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    valid.then_some((name, end + 4))
}

/// Records a use of `name` and returns its 1-based number. A name used both inside and
/// outside quotes is an error: its value is either a string (quoted) or a number or boolean
/// (unquoted), and the macro checks the argument against one.
fn record(
    placeholders: &mut Vec<Placeholder>,
    name: &str,
    quoted: bool,
    offset: usize,
) -> Result<usize, SqlError> {
    if let Some(at) = placeholders.iter().position(|p| p.name == name) {
        if placeholders.get(at).is_some_and(|p| p.quoted != quoted) {
            let (here, there) = if quoted {
                ("inside", "outside")
            } else {
                ("outside", "inside")
            };
            return Err(SqlError::new(
                format!("the parameter `{{{{{name}}}}}` sits {here} quotes here and {there} quotes before"),
                Some(offset),
            )
            .with_help(
                "use a parameter one way: in quotes for a string or date (`'{{since}}'`), \
                 bare for a number or boolean (`{{min}}`); give the other use its own name",
            ));
        }
        return Ok(at + 1);
    }
    placeholders.push(Placeholder {
        name: name.to_owned(),
        quoted,
        offset,
    });
    Ok(placeholders.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unquoted_placeholders_become_positional_parameters_of_the_same_length() {
        let sql = "select 1 where d >= '{{since}}' and a > {{min}} and b < {{min}}";
        let scanned = scan(sql).expect("scans");
        assert_eq!(scanned.sql.len(), sql.len());
        assert_eq!(
            scanned.sql,
            "select 1 where d >= '{{since}}' and a > $2      and b < $2     "
        );
        assert_eq!(
            scanned.placeholders,
            vec![
                Placeholder {
                    name: "since".into(),
                    quoted: true,
                    offset: 21
                },
                Placeholder {
                    name: "min".into(),
                    quoted: false,
                    offset: 40
                },
            ]
        );
        assert_eq!(scanned.numbered("$2").map(|p| p.name.as_str()), Some("min"));
        assert_eq!(scanned.numbered("$3"), None);
        assert_eq!(scanned.numbered("$0"), None);
    }

    #[test]
    fn quotes_escapes_and_comments_are_respected() {
        let sql = "select 'it''s {{a}}', 'x\\'{{b}}' -- {{c}}\n/* {{d}} */ , \"{{e\", é";
        let scanned = scan(sql).expect("scans");
        assert_eq!(scanned.sql, sql);
        let names: Vec<_> = scanned
            .placeholders
            .iter()
            .map(|p| (p.name.as_str(), p.quoted))
            .collect();
        assert_eq!(names, vec![("a", true), ("b", true)]);
    }

    #[test]
    fn parse_errors_name_placeholders_as_written() {
        let sql = "select * from {{schema}}.orders";
        let scanned = scan(sql).expect("scans");
        let error = crate::parse::parse_select(&scanned.sql).expect_err("refused");
        let error = restore(error, &scanned);
        assert!(error.message.contains("{{schema}}"), "{}", error.message);
        assert!(error
            .help
            .unwrap_or_default()
            .contains("stands for a value"));
    }

    #[test]
    fn a_malformed_placeholder_is_an_error_at_its_braces() {
        let error = scan("select {{ 1 }}").expect_err("refused");
        assert_eq!(error.offset, Some(7));
        assert!(error.help.unwrap_or_default().contains("{{name}}"));
        let error = scan("select '{{a}}', {{a}}").expect_err("refused");
        assert_eq!(error.offset, Some(16));
        assert!(
            error.message.contains("`{{a}}` sits outside quotes here"),
            "{}",
            error.message
        );
        // Inside a string, braces are just text.
        assert!(scan("select '{{ x'").is_ok());
    }
}
