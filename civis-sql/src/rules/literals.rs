//! The type of a literal.
//!
//! "Integer and floating-point literals",
//! <https://docs.aws.amazon.com/redshift/latest/dg/r_numeric_literals201.html>: an integer
//! constant is a sequence of digits; a literal with a point is a decimal. An integer literal is
//! `integer` when it fits 32 bits and `bigint` when it fits 64, as in PostgreSQL, from which
//! Redshift takes its constants; a larger one is `numeric(n,0)`.
//!
//! A decimal literal is `numeric(p,s)` with `s` its digits after the point *without trailing
//! zeros*: "Mathematical operator symbols"
//! (<https://docs.aws.amazon.com/redshift/latest/dg/r_OPERATOR_SYMBOLS.html>) shows
//! `pricepaid * .20`, a `decimal(8,2)` times `.20`, printing `37.400`: scale 3 = 2 + 1, so
//! `.20` has scale 1. A literal with an exponent (`2.0e19`) has no documented type: no rule.
//!
//! A quoted string is `varchar` of its length in bytes ("Character types": lengths are bytes).

use super::{Literal, RuleError, Ty, Typed};
use crate::rules::types::{MAX_PRECISION, MAX_VARCHAR};

/// See the module.
pub(crate) fn literal(value: &Literal) -> Result<Typed, RuleError> {
    let ty = match value {
        Literal::Integer(n) => integer(*n)?,
        Literal::Number(text) => number(text)?,
        Literal::Text(text) => {
            let bytes = u32::try_from(text.len()).unwrap_or(u32::MAX);
            Ty::Varchar(Some(bytes.clamp(1, MAX_VARCHAR)))
        }
        Literal::Keyword(word) => {
            return Err(RuleError::new(format!(
                "the keyword `{word}` is no value (it names a date part)"
            )))
        }
    };
    Ok(Typed {
        ty,
        nullable: false,
    })
}

/// An integer literal's type.
fn integer(n: i128) -> Result<Ty, RuleError> {
    if i32::try_from(n).is_ok() {
        Ok(Ty::Integer)
    } else if i64::try_from(n).is_ok() {
        Ok(Ty::BigInt)
    } else {
        let digits = n.unsigned_abs().to_string().len();
        decimal(digits, 0, &n.to_string())
    }
}

/// A decimal literal's type, from its text (`1.50`, `-37.`, `.5`).
fn number(text: &str) -> Result<Ty, RuleError> {
    let unsigned = text.trim().trim_start_matches(['+', '-']);
    if unsigned.contains(['e', 'E']) {
        return Err(RuleError::new(format!(
            "the number `{text}` written with an exponent has no documented type"
        ))
        .with_help(format!(
            "cast it: `{text}::double precision` or `{text}::numeric(p,s)`"
        )));
    }
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !all_digits(whole) || !all_digits(fraction) {
        return Err(RuleError::new(format!("`{text}` is no number")));
    }
    if !unsigned.contains('.') {
        // `42` handed in as a number: an integer literal after all.
        return match whole.parse::<i128>() {
            Ok(n) => integer(n),
            Err(_) => decimal(whole.trim_start_matches('0').len(), 0, text),
        };
    }
    let whole_digits = whole.trim_start_matches('0').len();
    let scale = fraction.trim_end_matches('0').len();
    decimal(whole_digits + scale, scale, text)
}

/// `numeric(digits, scale)`, at least one digit, at most 38.
fn decimal(digits: usize, scale: usize, text: &str) -> Result<Ty, RuleError> {
    let precision = digits.max(1).max(scale);
    match (u8::try_from(precision), u8::try_from(scale)) {
        (Ok(precision), Ok(scale)) if precision <= MAX_PRECISION => {
            Ok(Ty::Numeric { precision, scale })
        }
        _ => Err(RuleError::new(format!(
            "the number `{text}` has more than {MAX_PRECISION} digits, Redshift's largest decimal"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ty(value: Literal) -> Ty {
        literal(&value).map(|t| t.ty).unwrap_or(Ty::Null)
    }

    #[test]
    fn integers_take_the_smallest_of_integer_bigint_numeric() {
        assert_eq!(ty(Literal::Integer(42)), Ty::Integer);
        assert_eq!(ty(Literal::Integer(-2_147_483_648)), Ty::Integer);
        assert_eq!(ty(Literal::Integer(2_147_483_648)), Ty::BigInt);
        assert_eq!(ty(Literal::Integer(i128::from(i64::MAX))), Ty::BigInt);
        assert_eq!(
            ty(Literal::Integer(i128::from(i64::MAX) + 1)),
            Ty::Numeric {
                precision: 19,
                scale: 0
            }
        );
        assert!(literal(&Literal::Integer(i128::MAX)).is_err());
        assert!(!literal(&Literal::Integer(1)).is_ok_and(|t| t.nullable));
    }

    #[test]
    fn decimals_take_their_digits_without_trailing_zeros() {
        let num = |precision, scale| Ty::Numeric { precision, scale };
        assert_eq!(ty(Literal::Number("1.5".into())), num(2, 1));
        assert_eq!(ty(Literal::Number("1.50".into())), num(2, 1));
        assert_eq!(ty(Literal::Number(".20".into())), num(1, 1));
        assert_eq!(ty(Literal::Number("0.05".into())), num(2, 2));
        assert_eq!(ty(Literal::Number("-37.".into())), num(2, 0));
        assert_eq!(ty(Literal::Number("123.456".into())), num(6, 3));
        assert_eq!(ty(Literal::Number("2.00".into())), num(1, 0));
        assert_eq!(ty(Literal::Number("7".into())), Ty::Integer);
        assert!(literal(&Literal::Number("2.0e19".into())).is_err_and(|e| e.help.is_some()));
        assert!(literal(&Literal::Number("1.2.3".into())).is_err());
        assert!(literal(&Literal::Number(format!("1.{}", "1".repeat(40)))).is_err());
    }

    #[test]
    fn strings_are_varchar_of_their_bytes() {
        assert_eq!(ty(Literal::Text("abc".into())), Ty::Varchar(Some(3)));
        assert_eq!(ty(Literal::Text("é".into())), Ty::Varchar(Some(2)));
        assert_eq!(ty(Literal::Text(String::new())), Ty::Varchar(Some(1)));
        assert!(literal(&Literal::Keyword("day".into())).is_err());
    }
}
