//! Literals (typed by [`rules::literal`](crate::rules::literal)), booleans, `NULL`, and the
//! positional parameters `$N` that stand for unquoted `{{name}}` placeholders.

use super::{non_null, Resolver};
use crate::parse::ast::Value;
use crate::rules::{Arg, Literal, Ty, Typed};
use crate::SqlError;

impl Resolver<'_> {
    /// A literal typed by the rules.
    fn typed_literal(&mut self, literal: Literal, offset: Option<usize>) -> Result<Arg, SqlError> {
        match Arg::literal(literal) {
            Ok(arg) => Ok(arg),
            Err(error) => {
                self.untyped = true;
                let mut help = error.help.map(|h| format!("{h}; or ")).unwrap_or_default();
                help.push_str(
                    "give the output column a Rust type in its alias: `... as \"name: RustType\"`",
                );
                Err(SqlError::new(error.message, offset).with_help(help))
            }
        }
    }

    /// A literal's type and value.
    pub(super) fn literal(
        &mut self,
        value: &Value,
        offset: Option<usize>,
    ) -> Result<Arg, SqlError> {
        let arg = |typed: Typed, literal: Option<Literal>| Arg { typed, literal };
        Ok(match value {
            Value::Number(digits, _) => return self.typed_literal(number(digits), offset),
            Value::SingleQuotedString(s)
            | Value::EscapedStringLiteral(s)
            | Value::UnicodeStringLiteral(s)
            | Value::NationalStringLiteral(s)
            | Value::TripleSingleQuotedString(s)
            | Value::TripleDoubleQuotedString(s) => {
                return self.typed_literal(Literal::Text(s.clone()), offset)
            }
            Value::DollarQuotedString(s) => {
                return self.typed_literal(Literal::Text(s.value.clone()), offset)
            }
            Value::Boolean(_) => arg(non_null(Ty::Boolean), None),
            Value::Null => arg(
                Typed {
                    ty: Ty::Null,
                    nullable: true,
                },
                None,
            ),
            Value::Placeholder(p) => {
                if self.scanned.numbered(p).is_none() {
                    return Err(
                        SqlError::new(format!("`{p}` is no Civis parameter"), offset)
                            .with_help("Civis SQL parameters are written `{{name}}`"),
                    );
                }
                // An unquoted `{{name}}`: its type comes from the Rust value at run time (an
                // integer, a float or a boolean), so it takes its context's type, as a bare
                // NULL does, and is never null (see `params`).
                arg(non_null(Ty::Null), None)
            }
            other => {
                return Err(SqlError::new(
                    format!("civis-sql does not type the literal `{other}`"),
                    offset,
                )
                .with_help("write it as a quoted string (`'...'`) or a number"))
            }
        })
    }
}

/// A number as the rules type it (`integer`, `bigint`, `numeric(p,s)` by its digits).
fn number(digits: &str) -> Literal {
    match digits.parse::<i128>() {
        Ok(n) => Literal::Integer(n),
        Err(_) => Literal::Number(digits.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_digits() {
        assert_eq!(number("42"), Literal::Integer(42));
        assert_eq!(number("1.50"), Literal::Number("1.50".into()));
    }
}
