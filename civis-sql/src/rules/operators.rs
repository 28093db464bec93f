//! Casts and operators.
//!
//! - Casts: "CAST function", <https://docs.aws.amazon.com/redshift/latest/dg/r_CAST_function.html>
//!   ("CAST returns the data type specified by the type argument"), and "Character types"
//!   (<https://docs.aws.amazon.com/redshift/latest/dg/r_Character_types.html>): a `varchar`
//!   without a length in an expression takes its size from the input expression.
//! - Arithmetic on numbers: see `numeric`. On dates and times, "Datetime types"
//!   (<https://docs.aws.amazon.com/redshift/latest/dg/r_Datetime_types.html>) and its examples
//!   (<https://docs.aws.amazon.com/redshift/latest/dg/r_Examples_with_datetime_types.html>):
//!   `date + integer` and `date - integer` are dates, `date - date` the integer number of days,
//!   `date + interval` and `timestamp ± interval` timestamps, `timestamp - timestamp` an
//!   interval, and "Date and time concatenation"
//!   (<https://docs.aws.amazon.com/redshift/latest/dg/r_DATE-CONCATENATE_function.html>):
//!   `date + time` is a timestamp, `date + timetz` a timestamptz.
//! - `||`: "Concatenation operator",
//!   <https://docs.aws.amazon.com/redshift/latest/dg/r_concat_op.html> ("the type of string is
//!   the same as the input arguments").
//! - Comparisons, `and`/`or`/`not`, `like`/`similar to`/`~` and `is [not] null` are boolean:
//!   "Conditions", <https://docs.aws.amazon.com/redshift/latest/dg/r_conditions.html>.
//! - Nullability: an operator's result is NULL when an operand is ("Nulls",
//!   <https://docs.aws.amazon.com/redshift/latest/dg/r_Nulls.html>: "any arithmetic expression
//!   containing a null always evaluates to a null"); `is null` and its kin never are.

use super::numeric::{arithmetic, wider_integer};
use super::types::{Category, MAX_VARCHAR};
use super::{Arg, BinOp, RuleError, Ty, Typed};

/// See [`super::cast`].
pub(crate) fn cast(from: &Arg, to: &Ty) -> Result<Typed, RuleError> {
    let ty = match to {
        Ty::Varchar(None) => Ty::Varchar(varchar_size(from.ty())),
        Ty::Null => return Err(RuleError::new("a cast to the untyped NULL")),
        other => other.clone(),
    };
    // "The GEOMETRY and GEOGRAPHY data types can't be implicitly converted to any other data
    // type, except each other" ("Type compatibility and conversion"), and Redshift has no
    // explicit conversion between them and the scalar types: refuse those casts.
    let spatial = |t: &Ty| matches!(t, Ty::Other(n) if n == "geometry" || n == "geography");
    let loose = |t: &Ty| matches!(t.category(), Category::Null | Category::Text);
    if spatial(from.ty()) != spatial(&ty) && !loose(from.ty()) && !loose(&ty) {
        return Err(RuleError::new(format!(
            "no cast from {} to {}",
            from.ty().sql_name(),
            ty.sql_name()
        )));
    }
    Ok(Typed {
        ty,
        nullable: from.typed.nullable,
    })
}

/// The length a `varchar` without one takes from the value cast: a text's own length, or
/// unknown (Redshift sizes it from the value, up to 65535).
fn varchar_size(from: &Ty) -> Option<u32> {
    match from {
        Ty::Char(n) | Ty::Varchar(n) => *n,
        _ => None,
    }
}

/// See [`super::binary`].
pub(crate) fn binary(op: BinOp, l: &Arg, r: &Arg) -> Result<Typed, RuleError> {
    let nullable = l.typed.nullable || r.typed.nullable;
    let (lt, rt) = (l.ty(), r.ty());
    let ty = match op {
        BinOp::Compare | BinOp::Logic | BinOp::Pattern => Ty::Boolean,
        BinOp::Concat => concat(lt, rt)?,
        BinOp::Bitwise => match (lt, rt) {
            (a, b) if a.is_integer() && b.is_integer() => wider_integer(a, b),
            (Ty::Null, b) if b.is_integer() => b.clone(),
            (a, Ty::Null) if a.is_integer() => a.clone(),
            _ => return Err(no_operator(op, lt, rt)),
        },
        BinOp::Plus | BinOp::Minus | BinOp::Multiply | BinOp::Divide | BinOp::Modulo => {
            arithmetic_any(op, lt, rt)?
        }
    };
    Ok(Typed { ty, nullable })
}

/// `l op r` for `+ - * / %` on any types.
fn arithmetic_any(op: BinOp, l: &Ty, r: &Ty) -> Result<Ty, RuleError> {
    use BinOp::{Divide, Minus, Multiply, Plus};
    // NULL takes the other operand's type (`x + null` is x's type, and NULL).
    match (l, r) {
        (Ty::Null, Ty::Null) => return Err(no_operator(op, l, r)),
        (Ty::Null, other) | (other, Ty::Null) => return Ok(other.clone()),
        _ => {}
    }
    if l.is_number() && r.is_number() {
        return arithmetic(op, l, r);
    }
    let ty = match (op, l, r) {
        // Dates and integers: days.
        (Plus, Ty::Date, i) | (Plus, i, Ty::Date) | (Minus, Ty::Date, i) if i.is_integer() => {
            Ty::Date
        }
        (Minus, Ty::Date, Ty::Date) => Ty::Integer,
        // A date and a time of day make a timestamp.
        (Plus, Ty::Date, Ty::Time) | (Plus, Ty::Time, Ty::Date) => Ty::Timestamp,
        (Plus, Ty::Date, Ty::TimeTz) | (Plus, Ty::TimeTz, Ty::Date) => Ty::TimestampTz,
        // Intervals move dates and times.
        (Plus, Ty::Date | Ty::Timestamp, Ty::Interval)
        | (Plus, Ty::Interval, Ty::Date | Ty::Timestamp)
        | (Minus, Ty::Date | Ty::Timestamp, Ty::Interval) => Ty::Timestamp,
        (Plus, Ty::TimestampTz, Ty::Interval)
        | (Plus, Ty::Interval, Ty::TimestampTz)
        | (Minus, Ty::TimestampTz, Ty::Interval) => Ty::TimestampTz,
        (Plus, Ty::Time, Ty::Interval)
        | (Plus, Ty::Interval, Ty::Time)
        | (Minus, Ty::Time, Ty::Interval) => Ty::Time,
        (Plus, Ty::TimeTz, Ty::Interval)
        | (Plus, Ty::Interval, Ty::TimeTz)
        | (Minus, Ty::TimeTz, Ty::Interval) => Ty::TimeTz,
        // Differences of timestamps are intervals.
        (Minus, Ty::Timestamp, Ty::Timestamp) | (Minus, Ty::TimestampTz, Ty::TimestampTz) => {
            Ty::Interval
        }
        (Plus | Minus, Ty::Interval, Ty::Interval) => Ty::Interval,
        (Multiply, Ty::Interval, n) | (Multiply, n, Ty::Interval) | (Divide, Ty::Interval, n)
            if n.is_number() =>
        {
            Ty::Interval
        }
        _ => return Err(no_operator(op, l, r)),
    };
    Ok(ty)
}

/// `l || r`: text of the inputs' type, as long as both together; a number or date on either
/// side is converted to text ("Type compatibility and conversion": "you can convert a date,
/// time, timestamp, or numeric value to a ... character string"), of a length not known here.
fn concat(l: &Ty, r: &Ty) -> Result<Ty, RuleError> {
    let length = |t: &Ty| match t {
        Ty::Null => Some(0),
        other => other.text_length(),
    };
    let texty = |t: &Ty| t.is_text() || *t == Ty::Null;
    // Text, and what converts to text: numbers, dates and times (not booleans or intervals).
    let convertible = |t: &Ty| {
        matches!(
            t.category(),
            Category::Text
                | Category::Null
                | Category::Numeric
                | Category::DateTime
                | Category::Time
        )
    };
    if !convertible(l) || !convertible(r) {
        return Err(no_operator(BinOp::Concat, l, r));
    }
    let total = match (texty(l) && texty(r), length(l), length(r)) {
        (true, Some(a), Some(b)) => Some(a.saturating_add(b).clamp(1, MAX_VARCHAR)),
        _ => None,
    };
    Ok(match (l, r) {
        (Ty::Char(_), Ty::Char(_)) => Ty::Char(total),
        _ => Ty::Varchar(total),
    })
}

/// See [`super::unary`].
pub(crate) fn unary(op: &str, x: &Arg) -> Result<Typed, RuleError> {
    let op_lower = op.trim().to_ascii_lowercase();
    let words: Vec<&str> = op_lower.split_whitespace().collect();
    let ty = x.ty();
    let nullable = x.typed.nullable;
    let typed = match words.as_slice() {
        // `is [not] null|true|false|unknown` never yields NULL.
        ["is", ..] | ["isnull"] | ["notnull"] => Typed {
            ty: Ty::Boolean,
            nullable: false,
        },
        ["not"] if matches!(ty, Ty::Boolean | Ty::Null) => Typed {
            ty: Ty::Boolean,
            nullable,
        },
        ["-"] | ["+"] if ty.is_number() || *ty == Ty::Interval || *ty == Ty::Null => Typed {
            ty: ty.clone(),
            nullable,
        },
        // `@ x` is abs: the argument's type ("Mathematical operator symbols").
        ["@"] if ty.is_number() => Typed {
            ty: ty.clone(),
            nullable,
        },
        // `|/ x` and `||/ x` are square and cube roots: double precision.
        ["|/"] | ["||/"] if ty.is_number() => Typed {
            ty: Ty::Double,
            nullable,
        },
        ["~"] if ty.is_integer() => Typed {
            ty: ty.clone(),
            nullable,
        },
        _ => {
            return Err(RuleError::new(format!(
                "no rule for the operator `{op}` on {}",
                ty.sql_name()
            )))
        }
    };
    Ok(typed)
}

fn no_operator(op: BinOp, l: &Ty, r: &Ty) -> RuleError {
    let symbol = match op {
        BinOp::Plus => "+",
        BinOp::Minus => "-",
        BinOp::Multiply => "*",
        BinOp::Divide => "/",
        BinOp::Modulo => "%",
        BinOp::Concat => "||",
        BinOp::Compare => "a comparison",
        BinOp::Logic => "and/or",
        BinOp::Pattern => "a pattern match",
        BinOp::Bitwise => "a bitwise operator",
    };
    RuleError::new(format!(
        "no type rule for {} {symbol} {}",
        l.sql_name(),
        r.sql_name()
    ))
    .with_help("cast an operand to the type meant, e.g. `x::numeric(12,2)`")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::{col, ncol, num};
    use crate::rules::Literal;

    fn bin(op: BinOp, l: Ty, r: Ty) -> Ty {
        binary(op, &col(l), &col(r))
            .map(|t| t.ty)
            .unwrap_or(Ty::Other("error".into()))
    }

    #[test]
    fn casts_give_their_target_and_keep_nullability() {
        let t = cast(&ncol(Ty::Integer), &num(12, 2)).ok();
        assert_eq!(t, Some(Typed::new(num(12, 2), true)));
        let t = cast(&col(Ty::Varchar(Some(20))), &Ty::Varchar(None)).ok();
        assert_eq!(t, Some(Typed::new(Ty::Varchar(Some(20)), false)));
        let t = cast(&col(Ty::Integer), &Ty::Varchar(None)).ok();
        assert_eq!(t, Some(Typed::new(Ty::Varchar(None), false)));
        let null = Arg::typed(Ty::Null, true);
        assert_eq!(
            cast(&null, &Ty::Date).ok(),
            Some(Typed::new(Ty::Date, true))
        );
        let text = Arg {
            typed: Typed::new(Ty::Varchar(Some(10)), false),
            literal: Some(Literal::Text("2024-01-01".into())),
        };
        assert_eq!(cast(&text, &Ty::Date).map(|t| t.ty).ok(), Some(Ty::Date));
        assert!(cast(&col(Ty::Other("geometry".into())), &Ty::Integer).is_err());
        assert!(cast(
            &col(Ty::Other("geometry".into())),
            &Ty::Other("geography".into())
        )
        .is_ok());
        assert!(cast(&col(Ty::Other("super".into())), &Ty::Integer).is_ok());
        assert!(cast(&col(Ty::Integer), &Ty::Null).is_err());
    }

    #[test]
    fn arithmetic_on_dates_and_times() {
        use BinOp::*;
        assert_eq!(bin(Plus, Ty::Date, Ty::Integer), Ty::Date);
        assert_eq!(bin(Plus, Ty::SmallInt, Ty::Date), Ty::Date);
        assert_eq!(bin(Minus, Ty::Date, Ty::Integer), Ty::Date);
        assert_eq!(bin(Minus, Ty::Date, Ty::Date), Ty::Integer);
        assert_eq!(bin(Minus, Ty::Timestamp, Ty::Timestamp), Ty::Interval);
        assert_eq!(bin(Plus, Ty::Timestamp, Ty::Interval), Ty::Timestamp);
        assert_eq!(bin(Plus, Ty::Date, Ty::Interval), Ty::Timestamp);
        assert_eq!(bin(Minus, Ty::TimestampTz, Ty::Interval), Ty::TimestampTz);
        assert_eq!(bin(Plus, Ty::Date, Ty::Time), Ty::Timestamp);
        assert_eq!(bin(Plus, Ty::Date, Ty::TimeTz), Ty::TimestampTz);
        assert_eq!(bin(Multiply, Ty::Interval, Ty::Integer), Ty::Interval);
        assert!(binary(Plus, &col(Ty::Date), &col(Ty::Date)).is_err());
        assert!(binary(Minus, &col(Ty::Timestamp), &col(Ty::Date)).is_err());
        assert!(binary(Plus, &col(Ty::Varchar(Some(3))), &col(Ty::Integer)).is_err());
    }

    #[test]
    fn numbers_promote_and_nullability_spreads() {
        use BinOp::*;
        assert_eq!(bin(Plus, Ty::SmallInt, Ty::Integer), Ty::Integer);
        assert_eq!(bin(Divide, Ty::Integer, Ty::Integer), Ty::Integer);
        assert_eq!(bin(Modulo, Ty::Integer, Ty::BigInt), Ty::BigInt);
        assert_eq!(bin(Multiply, num(8, 2), Ty::Double), Ty::Double);
        let t = binary(Plus, &ncol(Ty::Integer), &col(Ty::Integer)).ok();
        assert_eq!(t, Some(Typed::new(Ty::Integer, true)));
        let t = binary(Plus, &col(Ty::Integer), &Arg::typed(Ty::Null, true)).ok();
        assert_eq!(t, Some(Typed::new(Ty::Integer, true)));
        assert_eq!(bin(Bitwise, Ty::SmallInt, Ty::BigInt), Ty::BigInt);
        assert!(binary(Bitwise, &col(num(5, 0)), &col(Ty::Integer)).is_err());
    }

    #[test]
    fn comparisons_logic_and_patterns_are_boolean() {
        for op in [BinOp::Compare, BinOp::Logic, BinOp::Pattern] {
            assert_eq!(bin(op, Ty::Date, Ty::Varchar(Some(10))), Ty::Boolean);
            let t = binary(op, &ncol(Ty::Integer), &col(Ty::Integer)).ok();
            assert_eq!(t, Some(Typed::new(Ty::Boolean, true)));
        }
    }

    #[test]
    fn concatenation_adds_lengths() {
        use BinOp::Concat;
        assert_eq!(
            bin(Concat, Ty::Varchar(Some(3)), Ty::Varchar(Some(4))),
            Ty::Varchar(Some(7))
        );
        assert_eq!(
            bin(Concat, Ty::Char(Some(3)), Ty::Char(Some(4))),
            Ty::Char(Some(7))
        );
        assert_eq!(
            bin(Concat, Ty::Char(Some(3)), Ty::Varchar(Some(4))),
            Ty::Varchar(Some(7))
        );
        assert_eq!(
            bin(Concat, Ty::Varchar(None), Ty::Varchar(Some(4))),
            Ty::Varchar(None)
        );
        assert_eq!(
            bin(Concat, Ty::Varchar(Some(3)), Ty::Integer),
            Ty::Varchar(None)
        );
        assert_eq!(
            bin(Concat, Ty::Varchar(Some(65_535)), Ty::Varchar(Some(9))),
            Ty::Varchar(Some(65_535))
        );
        assert!(binary(Concat, &col(Ty::Other("super".into())), &col(Ty::Integer)).is_err());
        assert!(binary(Concat, &col(Ty::Boolean), &col(Ty::Varchar(Some(1)))).is_err());
    }

    #[test]
    fn unary_operators() {
        let t = |op: &str, a: Arg| unary(op, &a).ok();
        assert_eq!(t("-", ncol(num(5, 2))), Some(Typed::new(num(5, 2), true)));
        assert_eq!(
            t("NOT", col(Ty::Boolean)),
            Some(Typed::new(Ty::Boolean, false))
        );
        assert_eq!(
            t("is null", ncol(Ty::Integer)),
            Some(Typed::new(Ty::Boolean, false))
        );
        assert_eq!(
            t("IS NOT  TRUE", ncol(Ty::Boolean)),
            Some(Typed::new(Ty::Boolean, false))
        );
        assert_eq!(
            t("|/", col(Ty::Integer)),
            Some(Typed::new(Ty::Double, false))
        );
        assert_eq!(
            t("~", col(Ty::SmallInt)),
            Some(Typed::new(Ty::SmallInt, false))
        );
        assert_eq!(t("-", col(Ty::Varchar(Some(3)))), None);
        assert_eq!(t("not", col(Ty::Integer)), None);
        assert_eq!(t("!!", col(Ty::Integer)), None);
    }
}
