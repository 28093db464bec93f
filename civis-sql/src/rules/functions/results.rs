//! The result rules of the table's entries that depend on their arguments. Each cites its
//! page; the table entry cites it too.

use super::super::common::common_args;
use super::super::operators;
use super::super::{Arg, BinOp, CallShape, RuleError, Ty};

/// The argument at `i`, or a rule error (the table's arity makes this unreachable).
fn arg(args: &[Arg], i: usize) -> Result<&Ty, RuleError> {
    args.get(i)
        .map(Arg::ty)
        .ok_or_else(|| RuleError::new(format!("argument {} is missing", i + 1)))
}

fn unsupported(what: &str, ty: &Ty) -> RuleError {
    RuleError::new(format!(
        "no documented result of {what} for {}",
        ty.sql_name()
    ))
}

/// `sum`: "Data types" of <https://docs.aws.amazon.com/redshift/latest/dg/r_SUM.html>: BIGINT
/// for the integer types, NUMERIC(38,s) for NUMERIC(p,s), DOUBLE PRECISION for floats. The
/// window page (`r_WF_SUM`) says NUMERIC, without a precision, for BIGINT: no rule there.
pub(super) fn sum(args: &[Arg], shape: CallShape) -> Result<Ty, RuleError> {
    aggregate_number("sum", arg(args, 0)?, shape)
}

/// `avg`: "Data types" of <https://docs.aws.amazon.com/redshift/latest/dg/r_AVG.html>: BIGINT
/// for any integer (the mean is truncated), NUMERIC(38,s) for NUMERIC(p,s), DOUBLE PRECISION
/// for floats; the window page (`r_WF_AVG`) says NUMERIC, without a precision, for BIGINT.
pub(super) fn avg(args: &[Arg], shape: CallShape) -> Result<Ty, RuleError> {
    aggregate_number("avg", arg(args, 0)?, shape)
}

fn aggregate_number(name: &str, ty: &Ty, shape: CallShape) -> Result<Ty, RuleError> {
    match ty {
        Ty::BigInt if shape.window => Err(RuleError::new(format!(
            "{name}(bigint) over (...) is NUMERIC of no documented precision (r_WF_{})",
            name.to_ascii_uppercase()
        ))
        .with_help(format!(
            "cast it: `{name}(x) over (...)::numeric(38,0)` or `{name}(x::numeric(19,0)) over (...)`"
        ))),
        t if t.is_integer() => Ok(Ty::BigInt),
        Ty::Numeric { scale, .. } => Ok(Ty::Numeric {
            precision: 38,
            scale: *scale,
        }),
        t if t.is_float() => Ok(Ty::Double),
        other => Err(unsupported(name, other)),
    }
}

/// `median`, `percentile_cont`: "Data types" of
/// <https://docs.aws.amazon.com/redshift/latest/dg/r_MEDIAN.html> and `r_PERCENTILE_CONT`:
/// integers and decimals give a DECIMAL of no documented precision (no rule), floats DOUBLE,
/// dates and timestamps themselves.
pub(super) fn median(args: &[Arg], _: CallShape) -> Result<Ty, RuleError> {
    // percentile_cont(f) within group (order by x): the order by expression is last.
    let ty = args
        .last()
        .map(Arg::ty)
        .ok_or_else(|| RuleError::new("median of nothing"))?;
    match ty {
        t if t.is_float() => Ok(Ty::Double),
        Ty::Date | Ty::Timestamp | Ty::TimestampTz => Ok(ty.clone()),
        t if t.is_number() => Err(RuleError::new(format!(
            "the median of {} is a DECIMAL of no documented precision",
            t.sql_name()
        ))
        .with_help("cast it: `median(x)::numeric(p,s)`, or the argument to double precision")),
        other => Err(unsupported("median", other)),
    }
}

/// `percentile_disc(f) within group (order by x)`: the type of `x` (r_WF_PERCENTILE_DISC,
/// r_APPROXIMATE_PERCENTILE_DISC); the resolver hands `x` in last.
pub(super) fn within_group(args: &[Arg], _: CallShape) -> Result<Ty, RuleError> {
    if args.len() < 2 {
        return Err(RuleError::new(
            "percentile_disc needs its within group (order by ...) expression",
        ));
    }
    Ok(arg(args, args.len() - 1)?.clone())
}

/// `bit_and`, `bit_or`: "an equivalent INT, INT2, or INT8" (r_BIT_AND).
pub(super) fn integer_arg(args: &[Arg], _: CallShape) -> Result<Ty, RuleError> {
    match arg(args, 0)? {
        t if t.is_integer() => Ok(t.clone()),
        other => Err(unsupported("a bitwise aggregate", other)),
    }
}

/// `upper`, `lower`, `ltrim`, `rtrim`, `trim`, `quote_ident`, `quote_literal`, `split_part`,
/// `collate`: "the same data type as the input string" (CHAR or VARCHAR, of the same length);
/// a value of another type is converted to text first.
pub(super) fn same_text(args: &[Arg], _: CallShape) -> Result<Ty, RuleError> {
    Ok(match arg(args, 0)? {
        t if t.is_text() => t.clone(),
        _ => Ty::Varchar(None),
    })
}

/// `btrim`, `substring`, `translate`, `left`, `right`: "VARCHAR", at most as long as the
/// input string.
pub(super) fn varchar_of_input(args: &[Arg], _: CallShape) -> Result<Ty, RuleError> {
    Ok(Ty::Varchar(arg(args, 0)?.text_length()))
}

/// `concat(a, b)`: as `a || b` ("CONCAT function",
/// <https://docs.aws.amazon.com/redshift/latest/dg/r_CONCAT.html>).
pub(super) fn concat(args: &[Arg], _: CallShape) -> Result<Ty, RuleError> {
    let (Some(a), Some(b)) = (args.first(), args.get(1)) else {
        return Err(RuleError::new("concat takes two arguments"));
    };
    operators::binary(BinOp::Concat, a, b).map(|t| t.ty)
}

/// `round`, `trunc` of a number: "the same numeric data type as the input argument(s)"
/// (r_ROUND, r_TRUNC); `trunc` of a timestamp or date: DATE (r_TRUNC, r_TRUNC_date).
pub(super) fn round_or_trunc(args: &[Arg], _: CallShape) -> Result<Ty, RuleError> {
    match arg(args, 0)? {
        Ty::Timestamp | Ty::TimestampTz | Ty::Date => Ok(Ty::Date),
        t if t.is_number() || *t == Ty::Null => Ok(t.clone()),
        other => Err(unsupported("round/trunc", other)),
    }
}

/// `abs`, `ceil`, `floor`: the argument's numeric type (r_ABS, r_CEILING_FLOOR, r_FLOOR).
pub(super) fn same_number(args: &[Arg], _: CallShape) -> Result<Ty, RuleError> {
    match arg(args, 0)? {
        t if t.is_number() || *t == Ty::Null => Ok(t.clone()),
        other => Err(unsupported("this math function", other)),
    }
}

/// `sign`: the argument's type, DECIMAL(1,0) for a decimal (r_SIGN).
pub(super) fn sign(args: &[Arg], _: CallShape) -> Result<Ty, RuleError> {
    match arg(args, 0)? {
        Ty::Numeric { .. } => Ok(Ty::Numeric {
            precision: 1,
            scale: 0,
        }),
        t if t.is_number() || *t == Ty::Null => Ok(t.clone()),
        other => Err(unsupported("sign", other)),
    }
}

/// `ln`, `dlog1`: "the same type as the expression" (r_LN) for decimals and floats; an
/// integer's result is not documented.
pub(super) fn ln(args: &[Arg], _: CallShape) -> Result<Ty, RuleError> {
    match arg(args, 0)? {
        t @ (Ty::Numeric { .. } | Ty::Real | Ty::Double) => Ok(t.clone()),
        other => {
            Err(unsupported("ln", other).with_help("cast the argument: `ln(x::double precision)`"))
        }
    }
}

/// `mod(a, b)`: "the same numeric type as the input parameters, if both input parameters are
/// the same type. If either input parameter is an INTEGER, however, the return type will also
/// be an INTEGER" (r_MOD). Other mixes are not documented.
pub(super) fn modulo(args: &[Arg], _: CallShape) -> Result<Ty, RuleError> {
    let (a, b) = (arg(args, 0)?, arg(args, 1)?);
    if a == b && (a.is_integer() || matches!(a, Ty::Numeric { .. })) {
        Ok(a.clone())
    } else if *a == Ty::Integer || *b == Ty::Integer {
        Ok(Ty::Integer)
    } else {
        Err(RuleError::new(format!(
            "mod of {} and {} has no documented type",
            a.sql_name(),
            b.sql_name()
        ))
        .with_help("cast both arguments to one type"))
    }
}

/// `dateadd(part, n, x)`: "TIMESTAMP or TIME or TIMETZ depending on the input data type"
/// (r_DATEADD_function); a string is read as a timestamp.
pub(super) fn dateadd(args: &[Arg], _: CallShape) -> Result<Ty, RuleError> {
    match arg(args, 2)? {
        Ty::Time => Ok(Ty::Time),
        Ty::TimeTz => Ok(Ty::TimeTz),
        Ty::Date | Ty::Timestamp | Ty::Null => Ok(Ty::Timestamp),
        t if t.is_text() => Ok(Ty::Timestamp),
        other => Err(unsupported("dateadd", other)),
    }
}

/// `extract(part from x)`: "INTEGER if the source value evaluates to data type TIMESTAMP,
/// TIME, or TIMETZ. DOUBLE PRECISION if ... TIMESTAMPTZ" (r_EXTRACT_function); a date is a
/// timestamp there (dates convert to timestamps implicitly, "Type compatibility and
/// conversion"), and so is an interval in the current guide.
pub(super) fn extract(args: &[Arg], _: CallShape) -> Result<Ty, RuleError> {
    match arg(args, 1)? {
        Ty::TimestampTz => Ok(Ty::Double),
        Ty::Date | Ty::Timestamp | Ty::Time | Ty::TimeTz | Ty::Interval | Ty::Null => {
            Ok(Ty::Integer)
        }
        other => Err(unsupported("extract", other)),
    }
}

/// `timezone(zone, x)` and `x at time zone zone`: "TIMESTAMPTZ when used with a TIMESTAMP
/// expression. TIMESTAMP when used with a TIMESTAMPTZ expression" (r_TIMEZONE,
/// r_AT_TIME_ZONE); the timestamp is the last argument.
pub(super) fn timezone(args: &[Arg], _: CallShape) -> Result<Ty, RuleError> {
    match args.last().map(Arg::ty) {
        Some(Ty::Timestamp | Ty::Date) => Ok(Ty::TimestampTz),
        Some(Ty::TimestampTz) => Ok(Ty::Timestamp),
        Some(other) => Err(unsupported("timezone", other)),
        None => Err(RuleError::new("timezone of nothing")),
    }
}

/// `coalesce`, `nvl`, `greatest`, `least`: the common type of the arguments ("NVL function",
/// r_NVL_function: "based on the input expressions... if the data types of the input
/// expressions don't have a common type, then an error is returned"; r_GREATEST_LEAST: "must
/// all be convertible to a common data type").
pub(super) fn common_of_all(args: &[Arg], _: CallShape) -> Result<Ty, RuleError> {
    common_args(args, "this function's arguments").map(|t| t.ty)
}

/// `nvl2(e, a, b)` ("Return type" of r_NVL2): when `a` or `b` is NULL, the other's type;
/// the same type when they share it; for two numbers "the smallest compatible numeric data
/// type" (their common type); for two datetimes "a timestamp data type" (`date` with
/// `timestamp`; with a `timestamptz` which timestamp is not said: no rule); for two character
/// types, and for a number with a non-number, the type of `a`.
pub(super) fn nvl2(args: &[Arg], _: CallShape) -> Result<Ty, RuleError> {
    let (a, b) = (arg(args, 1)?, arg(args, 2)?);
    let datetime = |t: &Ty| matches!(t, Ty::Date | Ty::Timestamp | Ty::TimestampTz);
    match (a, b) {
        (Ty::Null, other) | (other, Ty::Null) => Ok(other.clone()),
        (x, y) if x == y => Ok(x.clone()),
        (x, y) if x.is_number() && y.is_number() => {
            common_args(args.get(1..).unwrap_or(&[]), "nvl2's results").map(|t| t.ty)
        }
        (x, y) if datetime(x) && datetime(y) => {
            if *x == Ty::TimestampTz || *y == Ty::TimestampTz {
                Err(RuleError::new(
                    "nvl2 of a timestamptz and another date type has no documented type",
                )
                .with_help("cast both results to timestamp or to timestamptz"))
            } else {
                Ok(Ty::Timestamp)
            }
        }
        (x, y) if x.is_text() && y.is_text() => Ok(x.clone()),
        (x, y) if x.is_number() != y.is_number() => Ok(x.clone()),
        _ => common_args(args.get(1..).unwrap_or(&[]), "nvl2's results").map(|t| t.ty),
    }
}

/// `decode(e, search, result [, search, result]... [, default])` (r_DECODE_expression): the
/// common type of the results and the default (as "Computations with numeric values" types
/// `decode` like a set operation).
pub(super) fn decode(args: &[Arg], _: CallShape) -> Result<Ty, RuleError> {
    common_args(&decode_results(args), "decode's results").map(|t| t.ty)
}

/// The results (and default) of a `decode` call.
fn decode_results(args: &[Arg]) -> Vec<Arg> {
    let rest = args.get(1..).unwrap_or(&[]);
    let mut results: Vec<Arg> = rest.chunks(2).filter_map(|c| c.get(1).cloned()).collect();
    if rest.len() % 2 == 1 {
        // An odd tail is the default.
        results.extend(rest.last().cloned());
    }
    results
}

/// Whether a `decode` can be NULL: when a result or the default can, or when there is no
/// default (no search matched).
pub(super) fn decode_nullable(args: &[Arg]) -> bool {
    let has_default = args.len() > 1 && (args.len() - 1) % 2 == 1;
    !has_default || decode_results(args).iter().any(|a| a.typed.nullable)
}

/// `super` results: JSON_PARSE, SPLIT_TO_ARRAY, the array functions.
pub(super) fn super_(_: &[Arg], _: CallShape) -> Result<Ty, RuleError> {
    Ok(Ty::Other("super".into()))
}

/// `hllsketch` results: HLL_CREATE_SKETCH, HLL_COMBINE, HLL_COMBINE_SKETCHES.
pub(super) fn hllsketch(_: &[Arg], _: CallShape) -> Result<Ty, RuleError> {
    Ok(Ty::Other("hllsketch".into()))
}

/// `varbyte` results: FROM_HEX, TO_VARBYTE, JSON_SERIALIZE_TO_VARBYTE.
pub(super) fn varbyte(_: &[Arg], _: CallShape) -> Result<Ty, RuleError> {
    Ok(Ty::Other("varbyte".into()))
}
