//! The common type of the branches of a `union`/`intersect`/`except`, a `case`, and of the
//! conditional functions (`coalesce`, `nvl`, `decode`, `greatest`, `least`, `nvl2`).
//!
//! "Type compatibility and conversion",
//! <https://docs.aws.amazon.com/redshift/latest/dg/c_Supported_data_types.html#r_Type_conversion>:
//! types of one category are compatible and convert implicitly; "set operations don't allow
//! implicit conversion between different categories of data types" ("UNION, INTERSECT, and
//! EXCEPT", <https://docs.aws.amazon.com/redshift/latest/dg/r_UNION.html>). Within a category:
//! - numbers: integers give the widest integer; decimals (and integers with decimals, cast as
//!   arithmetic casts them) give "Computations with numeric values"' set-operation rule
//!   (`numeric::common_decimal`); a float with anything is `double precision`, as in
//!   arithmetic, except `real` with `real`;
//! - text: `char` with `char` is `char`, any other mix `varchar`, as long as the longest;
//! - `date` with `timestamp` is `timestamp` ("NVL2 function",
//!   <https://docs.aws.amazon.com/redshift/latest/dg/r_NVL2.html>: "different datetime data
//!   types, a timestamp data type is returned"); `timestamptz` with another date type has no
//!   documented result, so no rule;
//! - the untyped NULL takes the others' type, and a quoted string literal (untyped until its
//!   context types it) the others' type too ([`common_args`] only, which sees the literals).

use super::numeric::{as_decimal, common_decimal, wider_integer};
use super::types::{Category, MAX_VARCHAR};
use super::{Arg, Literal, RuleError, Ty, Typed};

/// See [`super::common`].
pub(crate) fn common(types: &[Typed], what: &str) -> Result<Typed, RuleError> {
    let args: Vec<Arg> = types
        .iter()
        .map(|t| Arg {
            typed: t.clone(),
            literal: None,
        })
        .collect();
    common_args(&args, what)
}

/// See [`super::common_args`].
pub(crate) fn common_args(args: &[Arg], what: &str) -> Result<Typed, RuleError> {
    if args.is_empty() {
        return Err(RuleError::new(format!("{what} has nothing to type")));
    }
    let nullable = args.iter().any(|a| a.typed.nullable);
    let is_string_literal = |a: &Arg| matches!(a.literal, Some(Literal::Text(_)));
    // Typed branches decide; untyped NULLs and string literals follow them.
    let decided: Vec<&Ty> = args
        .iter()
        .filter(|a| *a.ty() != Ty::Null && !is_string_literal(a))
        .map(Arg::ty)
        .collect();
    let ty = if decided.is_empty() {
        // Only NULLs and string literals: the literals' text, or NULL if there is none.
        let literals: Vec<&Ty> = args
            .iter()
            .filter(|a| *a.ty() != Ty::Null)
            .map(Arg::ty)
            .collect();
        match literals.split_first() {
            None => Ty::Null,
            Some((first, rest)) => rest
                .iter()
                .try_fold((*first).clone(), |acc, t| pair(&acc, t, what))?,
        }
    } else {
        let (first, rest) = (decided[0], &decided[1..]);
        let mut ty = rest
            .iter()
            .try_fold(first.clone(), |acc, t| pair(&acc, t, what))?;
        // A string literal among texts still counts for the length.
        if ty.is_text() {
            for a in args.iter().filter(|a| is_string_literal(a)) {
                ty = pair(&ty, a.ty(), what)?;
            }
        }
        ty
    };
    Ok(Typed { ty, nullable })
}

/// The common type of two typed branches.
fn pair(l: &Ty, r: &Ty, what: &str) -> Result<Ty, RuleError> {
    if l == r {
        return Ok(l.clone());
    }
    let mismatch = || {
        RuleError::new(format!(
            "{what} mixes {} and {}, which Redshift does not convert into one type",
            l.sql_name(),
            r.sql_name()
        ))
        .with_help("cast the branches to one type, e.g. `x::varchar` or `y::numeric(12,2)`")
    };
    match (l.category(), r.category()) {
        (Category::Null, _) => return Ok(r.clone()),
        (_, Category::Null) => return Ok(l.clone()),
        (a, b) if a != b => return Err(mismatch()),
        _ => {}
    }
    let ty = match (l, r) {
        (a, b) if a.is_integer() && b.is_integer() => wider_integer(a, b),
        (Ty::Real, Ty::Real) => Ty::Real,
        (a, b) if a.is_float() || b.is_float() => Ty::Double,
        (a, b) if a.is_number() && b.is_number() => match (as_decimal(a), as_decimal(b)) {
            (Some(x), Some(y)) => common_decimal(x, y),
            _ => return Err(mismatch()),
        },
        (Ty::Char(a), Ty::Char(b)) => Ty::Char(longest(*a, *b)),
        (a, b) if a.is_text() && b.is_text() => {
            Ty::Varchar(longest(a.text_length(), b.text_length()))
        }
        (Ty::Date, Ty::Timestamp) | (Ty::Timestamp, Ty::Date) => Ty::Timestamp,
        _ => return Err(mismatch()),
    };
    Ok(ty)
}

/// The longer of two text lengths; unknown if either is.
fn longest(a: Option<u32>, b: Option<u32>) -> Option<u32> {
    Some(a?.max(b?).min(MAX_VARCHAR))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::num;

    fn t(ty: Ty) -> Typed {
        Typed::new(ty, false)
    }

    fn of(types: &[Ty]) -> Option<Ty> {
        let typed: Vec<Typed> = types.iter().cloned().map(t).collect();
        common(&typed, "a union").ok().map(|t| t.ty)
    }

    #[test]
    fn numbers_meet_in_the_widest() {
        assert_eq!(of(&[Ty::SmallInt, Ty::Integer]), Some(Ty::Integer));
        assert_eq!(
            of(&[Ty::SmallInt, Ty::BigInt, Ty::Integer]),
            Some(Ty::BigInt)
        );
        assert_eq!(of(&[num(7, 2), num(15, 3)]), Some(num(15, 3)));
        assert_eq!(of(&[num(7, 2), Ty::Integer]), Some(num(12, 2)));
        assert_eq!(of(&[num(38, 2), Ty::Integer]), Some(num(38, 2)));
        assert_eq!(of(&[Ty::Real, Ty::Real]), Some(Ty::Real));
        assert_eq!(of(&[Ty::Real, Ty::Integer]), Some(Ty::Double));
        assert_eq!(of(&[num(5, 2), Ty::Double]), Some(Ty::Double));
    }

    #[test]
    fn texts_take_the_longest() {
        assert_eq!(
            of(&[Ty::Varchar(Some(3)), Ty::Varchar(Some(10))]),
            Some(Ty::Varchar(Some(10)))
        );
        assert_eq!(
            of(&[Ty::Char(Some(3)), Ty::Char(Some(5))]),
            Some(Ty::Char(Some(5)))
        );
        assert_eq!(
            of(&[Ty::Char(Some(3)), Ty::Varchar(Some(2))]),
            Some(Ty::Varchar(Some(3)))
        );
        assert_eq!(
            of(&[Ty::Varchar(None), Ty::Varchar(Some(2))]),
            Some(Ty::Varchar(None))
        );
    }

    #[test]
    fn dates_and_nulls() {
        assert_eq!(of(&[Ty::Date, Ty::Timestamp]), Some(Ty::Timestamp));
        assert_eq!(of(&[Ty::Date, Ty::TimestampTz]), None);
        assert_eq!(of(&[Ty::Null, Ty::Date]), Some(Ty::Date));
        assert_eq!(of(&[Ty::Null, Ty::Null]), Some(Ty::Null));
        let typed = [Typed::new(Ty::Null, true), t(Ty::Integer)];
        assert_eq!(
            common(&typed, "case").ok(),
            Some(Typed::new(Ty::Integer, true))
        );
    }

    #[test]
    fn categories_do_not_mix() {
        let err = common(&[t(Ty::Integer), t(Ty::Varchar(Some(3)))], "a union");
        assert!(err.is_err_and(|e| e.message.contains("a union") && e.help.is_some()));
        assert_eq!(of(&[Ty::Boolean, Ty::Integer]), None);
        assert_eq!(
            of(&[Ty::Other("super".into()), Ty::Other("geometry".into())]),
            None
        );
        assert!(common(&[], "a case").is_err());
    }

    #[test]
    fn string_literals_follow_the_typed_branches() {
        let lit = |s: &str| Arg {
            typed: Typed::new(
                Ty::Varchar(Some(u32::try_from(s.len()).unwrap_or(1))),
                false,
            ),
            literal: Some(Literal::Text(s.into())),
        };
        let day = Arg::typed(Ty::Date, true);
        let got = common_args(&[day, lit("2024-01-01")], "coalesce").ok();
        assert_eq!(got, Some(Typed::new(Ty::Date, true)));
        let name = Arg::typed(Ty::Varchar(Some(4)), false);
        let got = common_args(&[name, lit("unknown")], "coalesce").ok();
        assert_eq!(got.map(|t| t.ty), Some(Ty::Varchar(Some(7))));
        let got = common_args(&[lit("a"), lit("abc")], "case").ok();
        assert_eq!(got.map(|t| t.ty), Some(Ty::Varchar(Some(3))));
    }
}
