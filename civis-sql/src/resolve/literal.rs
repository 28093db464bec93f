//! The types of literals: numbers by their digits, strings, booleans, `NULL`, and the
//! positional parameters `$N` that stand for unquoted `{{name}}` placeholders.

use super::{non_null, Resolver};
use crate::parse::ast::Value;
use crate::rules::{Arg, Literal, Ty, Typed};
use crate::SqlError;

impl Resolver<'_> {
    /// A literal's type and value.
    pub(super) fn literal(
        &mut self,
        value: &Value,
        offset: Option<usize>,
    ) -> Result<Arg, SqlError> {
        let arg = |typed: Typed, literal: Option<Literal>| Arg { typed, literal };
        Ok(match value {
            Value::Number(digits, _) => number(digits),
            Value::SingleQuotedString(s)
            | Value::EscapedStringLiteral(s)
            | Value::UnicodeStringLiteral(s)
            | Value::NationalStringLiteral(s)
            | Value::TripleSingleQuotedString(s)
            | Value::TripleDoubleQuotedString(s) => text(s),
            Value::DollarQuotedString(s) => text(&s.value),
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

/// A string literal: `varchar` of its length, its text kept for the rules (a date in
/// `d >= '2024-01-01'`, a date part in `date_trunc('month', d)`).
fn text(s: &str) -> Arg {
    let length = u32::try_from(s.len()).ok();
    Arg {
        typed: non_null(Ty::Varchar(length)),
        literal: Some(Literal::Text(s.to_owned())),
    }
}

/// A numeric literal: an integer is `integer` when it fits 32 bits, else `bigint`, else
/// `numeric`; a number with a point is `numeric(p,s)` of its digits; one with an exponent
/// is `double precision`.
/// https://docs.aws.amazon.com/redshift/latest/dg/r_numeric_literals.html
fn number(digits: &str) -> Arg {
    let literal = |literal: Literal, ty: Ty| Arg {
        typed: non_null(ty),
        literal: Some(literal),
    };
    if digits.contains(['e', 'E']) {
        return literal(Literal::Number(digits.to_owned()), Ty::Double);
    }
    if let Ok(n) = digits.parse::<i128>() {
        let ty = if i32::try_from(n).is_ok() {
            Ty::Integer
        } else if i64::try_from(n).is_ok() {
            Ty::BigInt
        } else {
            Ty::Numeric {
                precision: precision(digits.len()),
                scale: 0,
            }
        };
        return literal(Literal::Integer(n), ty);
    }
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let whole = whole.trim_start_matches('0');
    let scale = precision(fraction.len());
    let total = precision(whole.len() + fraction.len()).max(scale).max(1);
    literal(
        Literal::Number(digits.to_owned()),
        Ty::Numeric {
            precision: total,
            scale,
        },
    )
}

/// A count of digits as a precision (Redshift's most is 38; more is refused by the rules).
fn precision(digits: usize) -> u8 {
    u8::try_from(digits).unwrap_or(u8::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_typed_by_their_digits() {
        assert_eq!(number("42").typed.ty, Ty::Integer);
        assert_eq!(number("3000000000").typed.ty, Ty::BigInt);
        assert_eq!(
            number("30000000000000000000").typed.ty,
            Ty::Numeric {
                precision: 20,
                scale: 0
            }
        );
        assert_eq!(
            number("1.50").typed.ty,
            Ty::Numeric {
                precision: 3,
                scale: 2
            }
        );
        assert_eq!(
            number("0.5").typed.ty,
            Ty::Numeric {
                precision: 1,
                scale: 1
            }
        );
        assert_eq!(
            number(".25").typed.ty,
            Ty::Numeric {
                precision: 2,
                scale: 2
            }
        );
        assert_eq!(number("1e3").typed.ty, Ty::Double);
        assert_eq!(number("7").literal, Some(Literal::Integer(7)));
    }
}
