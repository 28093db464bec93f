//! Arithmetic on numbers: the result type of `+ - * /` and the precision and scale of a
//! `numeric` result.
//!
//! "Computations with numeric values",
//! <https://docs.aws.amazon.com/redshift/latest/dg/r_numeric_computations201.html>:
//! - return types: two integer types give the wider one (`int2 + int4` is `int4`, anything with
//!   `int8` is `int8`); an integer with a decimal gives a decimal; anything with a `float8`, and
//!   a `float4` with anything but a `float4`, gives `float8`; `float4` with `float4` is
//!   `float4`;
//! - an integer meeting a decimal is cast to `decimal(5,0)` (`int2`), `decimal(10,0)` (`int4`)
//!   or `decimal(19,0)` (`int8`);
//! - `+`/`-`: scale `max(s1,s2)`, precision `max(p1-s1,p2-s2)+1+scale`;
//!   `*`: scale `s1+s2`, precision `p1+p2+1`;
//!   `/`: scale `max(4,s1+p2-s2+1)`, precision `p1-s1+s2+scale`;
//!   the result's precision and scale are at most 38; a division whose precision passes 38
//!   keeps 38 and the scale `max(38+scale-precision, 4)` ("Notes on division operations").
//! - Integer division is integer ("the expected return types" are the integer types above:
//!   `7 / 2` is `3`).

use super::{BinOp, RuleError, Ty};
use crate::rules::types::MAX_PRECISION;

/// The type of `l op r` for two numbers, `op` one of `+ - * / %`.
pub(crate) fn arithmetic(op: BinOp, l: &Ty, r: &Ty) -> Result<Ty, RuleError> {
    if l.is_float() || r.is_float() {
        // float4 op float4 stays float4; every other pairing with a float is float8.
        return Ok(if *l == Ty::Real && *r == Ty::Real {
            Ty::Real
        } else {
            Ty::Double
        });
    }
    if l.is_integer() && r.is_integer() {
        return Ok(wider_integer(l, r));
    }
    let (Some((p1, s1)), Some((p2, s2))) = (as_decimal(l), as_decimal(r)) else {
        return Err(RuleError::new(format!(
            "no arithmetic rule for {} and {}",
            l.sql_name(),
            r.sql_name()
        )));
    };
    let (p1, s1, p2, s2) = (u32::from(p1), u32::from(s1), u32::from(p2), u32::from(s2));
    let int1 = p1.saturating_sub(s1);
    let int2 = p2.saturating_sub(s2);
    let (precision, scale) = match op {
        BinOp::Plus | BinOp::Minus => {
            let scale = s1.max(s2);
            (int1.max(int2) + 1 + scale, scale)
        }
        BinOp::Multiply => (p1 + p2 + 1, s1 + s2),
        BinOp::Divide => {
            let scale = 4.max(s1 + p2 - s2.min(p2) + 1);
            let precision = int1 + s2 + scale;
            if precision > u32::from(MAX_PRECISION) {
                let scale = (u32::from(MAX_PRECISION) + scale).saturating_sub(precision);
                (u32::from(MAX_PRECISION), scale.max(4))
            } else {
                (precision, scale)
            }
        }
        _ => {
            return Err(RuleError::new(format!(
                "no documented precision for {} % {}",
                l.sql_name(),
                r.sql_name()
            ))
            .with_help("cast the operands to an integer type, or the result to numeric(p,s)"))
        }
    };
    Ok(bounded(precision, scale))
}

/// The wider of two integer types.
pub(crate) fn wider_integer(l: &Ty, r: &Ty) -> Ty {
    let rank = |t: &Ty| match t {
        Ty::SmallInt => 0,
        Ty::Integer => 1,
        _ => 2,
    };
    if rank(l) >= rank(r) {
        l.clone()
    } else {
        r.clone()
    }
}

/// A number as a decimal: integers as "Numeric calculations with INTEGER and DECIMAL types"
/// cast them.
pub(crate) fn as_decimal(ty: &Ty) -> Option<(u8, u8)> {
    match ty {
        Ty::SmallInt => Some((5, 0)),
        Ty::Integer => Some((10, 0)),
        Ty::BigInt => Some((19, 0)),
        Ty::Numeric { precision, scale } => Some((*precision, *scale)),
        _ => None,
    }
}

/// `numeric(precision, scale)` within Redshift's bounds: precision and scale at most 38, the
/// scale at most the precision.
pub(crate) fn bounded(precision: u32, scale: u32) -> Ty {
    let max = u32::from(MAX_PRECISION);
    let precision = precision.clamp(1, max);
    let scale = scale.min(precision);
    // Both are at most 38 here, so the conversions cannot fail.
    Ty::Numeric {
        precision: u8::try_from(precision).unwrap_or(MAX_PRECISION),
        scale: u8::try_from(scale).unwrap_or(0),
    }
}

/// The common decimal of a set operation, `coalesce` or `decode` (same page): scale
/// `max(s1,s2)`, precision `min(max(p1-s1,p2-s2)+scale,19)`.
///
/// The cap of 19 is the page's, shown on 64-bit decimals (`decimal(7,2)` with
/// `decimal(15,3)` is `numeric(15,3)`); applied to a 128-bit decimal (precision above 19) it
/// would cut digits its values have, so there the cap is 38: `coalesce(sum(x), 0)` over a
/// `numeric(38,2)` stays `numeric(38,2)`.
pub(crate) fn common_decimal(l: (u8, u8), r: (u8, u8)) -> Ty {
    let (p1, s1, p2, s2) = (
        u32::from(l.0),
        u32::from(l.1),
        u32::from(r.0),
        u32::from(r.1),
    );
    let scale = s1.max(s2);
    let digits = p1.saturating_sub(s1).max(p2.saturating_sub(s2)) + scale;
    let cap = if p1 > 19 || p2 > 19 { 38 } else { 19 };
    bounded(digits.min(cap), scale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::num;

    fn ar(op: BinOp, l: Ty, r: Ty) -> Ty {
        arithmetic(op, &l, &r).unwrap_or(Ty::Null)
    }

    #[test]
    fn the_return_type_table() {
        use BinOp::*;
        assert_eq!(ar(Plus, Ty::SmallInt, Ty::SmallInt), Ty::SmallInt);
        assert_eq!(ar(Plus, Ty::SmallInt, Ty::Integer), Ty::Integer);
        assert_eq!(ar(Minus, Ty::Integer, Ty::BigInt), Ty::BigInt);
        assert_eq!(ar(Divide, Ty::Integer, Ty::Integer), Ty::Integer);
        assert_eq!(ar(Multiply, Ty::BigInt, Ty::SmallInt), Ty::BigInt);
        assert_eq!(ar(Plus, Ty::Real, Ty::Real), Ty::Real);
        assert_eq!(ar(Plus, Ty::Real, Ty::Integer), Ty::Double);
        assert_eq!(ar(Plus, Ty::Real, Ty::Double), Ty::Double);
        assert_eq!(ar(Divide, num(8, 2), Ty::Double), Ty::Double);
        assert_eq!(ar(Multiply, Ty::SmallInt, num(8, 2)), num(14, 2));
    }

    #[test]
    fn decimal_precision_and_scale_as_the_page_computes_them() {
        use BinOp::*;
        // The page's example: decimal(8,2) / decimal(8,2) is decimal(17,9).
        assert_eq!(ar(Divide, num(8, 2), num(8, 2)), num(17, 9));
        // decimal(8,2) * smallint is decimal(8,2) * decimal(5,0): (8+5+1, 2).
        assert_eq!(ar(Multiply, num(8, 2), Ty::SmallInt), num(14, 2));
        assert_eq!(ar(Plus, num(8, 2), num(15, 3)), num(16, 3));
        assert_eq!(ar(Minus, num(5, 5), num(3, 0)), num(9, 5));
        assert_eq!(ar(Plus, num(8, 2), Ty::Integer), num(13, 2));
        assert_eq!(ar(Multiply, num(38, 2), num(38, 2)), num(38, 4));
        assert_eq!(ar(Multiply, num(30, 20), num(30, 20)), num(38, 38));
        // Over 38 a division keeps 38 and a scale of max(38+s-p, 4).
        assert_eq!(ar(Divide, num(38, 2), num(38, 2)), num(38, 4));
        assert_eq!(ar(Divide, num(10, 2), num(20, 10)), num(31, 13));
        assert!(arithmetic(Modulo, &num(8, 2), &num(8, 2)).is_err());
        assert!(arithmetic(Plus, &Ty::Date, &num(8, 2)).is_err());
    }

    #[test]
    fn malformed_decimals_never_panic() {
        for op in [BinOp::Plus, BinOp::Multiply, BinOp::Divide] {
            let t = ar(op, num(1, 38), num(38, 38));
            assert!(
                matches!(t, Ty::Numeric { precision, scale } if scale <= precision && precision <= 38)
            );
            let t = ar(op, num(255, 255), num(0, 255));
            assert!(
                matches!(t, Ty::Numeric { precision, scale } if scale <= precision && precision <= 38)
            );
        }
    }

    #[test]
    fn the_common_decimal_of_set_operations() {
        // The page's example: decimal(7,2) with decimal(15,3) is numeric(15,3).
        assert_eq!(common_decimal((7, 2), (15, 3)), num(15, 3));
        assert_eq!(common_decimal((18, 0), (18, 10)), num(19, 10));
        assert_eq!(common_decimal((38, 2), (10, 0)), num(38, 2));
        assert_eq!(common_decimal((38, 2), (38, 30)), num(38, 30));
    }
}
