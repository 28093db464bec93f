//! Tests of the function table: its shape, and every family of rules.

// Argument lists are written as SQL writes them, `&[x.clone()]` as `&[x.clone(), y]`.
#![allow(clippy::cloned_ref_to_slice_refs)]

use super::*;
use crate::rules::test_util::{col, ncol, num};
use crate::rules::Literal;
use std::collections::HashSet;

fn call(name: &str, args: &[Arg]) -> Result<Typed, RuleError> {
    function(name, args, CallShape::default())
}

fn window(name: &str, args: &[Arg]) -> Result<Typed, RuleError> {
    let shape = CallShape {
        window: true,
        ..CallShape::default()
    };
    function(name, args, shape)
}

fn ty(name: &str, args: &[Arg]) -> Option<Ty> {
    call(name, args).ok().map(|t| t.ty)
}

fn keyword(word: &str) -> Arg {
    Arg {
        typed: Typed::new(Ty::Null, false),
        literal: Some(Literal::Keyword(word.into())),
    }
}

fn text(value: &str) -> Arg {
    Arg {
        typed: Typed::new(
            Ty::Varchar(Some(u32::try_from(value.len()).unwrap_or(1))),
            false,
        ),
        literal: Some(Literal::Text(value.into())),
    }
}

fn int(value: i128) -> Arg {
    Arg {
        typed: Typed::new(Ty::Integer, false),
        literal: Some(Literal::Integer(value)),
    }
}

#[test]
fn the_table_has_120_names_no_duplicates_and_a_page_each() {
    let names = function_names();
    assert!(names.len() >= 120, "only {} functions", names.len());
    let unique: HashSet<&str> = names.iter().copied().collect();
    assert_eq!(unique.len(), names.len(), "a name is in the table twice");
    assert!(names.windows(2).all(|w| w[0] < w[1]), "sorted");
    for entry in table::TABLE {
        assert!(
            !entry.doc.is_empty() && !entry.doc.contains(['/', ' ', '.']),
            "{}",
            entry.doc
        );
        assert!(entry
            .doc_url()
            .starts_with("https://docs.aws.amazon.com/redshift/latest/dg/"));
        assert!(entry.doc_url().ends_with(".html"));
        assert!(entry.args.0 <= entry.args.1, "{:?}", entry.names);
        for name in entry.names {
            assert_eq!(*name, name.to_ascii_lowercase(), "names are lower case");
        }
    }
    assert_eq!(
        function_doc_url("sum").as_deref(),
        Some("https://docs.aws.amazon.com/redshift/latest/dg/r_SUM.html")
    );
    assert_eq!(function_kind("lag"), Some(FunctionKind::Window));
    assert_eq!(function_kind("sum"), Some(FunctionKind::Aggregate));
    assert_eq!(function_kind("upper"), Some(FunctionKind::Scalar));
    assert_eq!(function_kind("my_udf"), None);
}

#[test]
fn unknown_functions_and_wrong_arities_are_errors_that_say_the_next_step() {
    let err = call("my_udf", &[col(Ty::Integer)]).err();
    assert!(err.is_some_and(
        |e| e.message.contains("my_udf") && e.help.is_some_and(|h| h.contains("[functions]"))
    ));
    let err = call("upper", &[]).err();
    assert!(err.is_some_and(|e| e.message.contains("takes 1 argument, not 0")));
    assert!(call("round", &[col(Ty::Integer), int(1), int(2)]).is_err());
    assert!(call("row_number", &[]).is_err(), "needs over");
    let star = CallShape {
        star: true,
        ..CallShape::default()
    };
    assert!(function("sum", &[], star).is_err());
    assert_eq!(
        function("COUNT", &[], star).ok(),
        Some(Typed::new(Ty::BigInt, false))
    );
}

#[test]
fn aggregates() {
    assert_eq!(
        call("count", &[ncol(Ty::Integer)]).ok(),
        Some(Typed::new(Ty::BigInt, false))
    );
    for int_ty in [Ty::SmallInt, Ty::Integer, Ty::BigInt] {
        assert_eq!(ty("sum", &[col(int_ty.clone())]), Some(Ty::BigInt));
        assert_eq!(ty("avg", &[col(int_ty)]), Some(Ty::BigInt));
    }
    assert_eq!(ty("sum", &[col(num(8, 2))]), Some(num(38, 2)));
    assert_eq!(ty("avg", &[col(num(5, 2))]), Some(num(38, 2)));
    assert_eq!(ty("sum", &[col(Ty::Real)]), Some(Ty::Double));
    assert_eq!(ty("avg", &[col(Ty::Double)]), Some(Ty::Double));
    assert!(call("sum", &[col(Ty::Varchar(Some(3)))]).is_err());
    assert!(call("sum", &[col(Ty::Null)]).is_err());
    // The window page gives no precision for sum/avg of a bigint.
    assert!(window("sum", &[col(Ty::BigInt)]).is_err_and(|e| e.help.is_some()));
    assert_eq!(
        window("sum", &[col(Ty::Integer)]).ok().map(|t| t.ty),
        Some(Ty::BigInt)
    );
    // Aggregates other than count are NULL over no rows.
    assert_eq!(
        call("sum", &[col(Ty::Integer)]).ok(),
        Some(Typed::new(Ty::BigInt, true))
    );
    assert_eq!(
        call("max", &[col(Ty::Date)]).ok(),
        Some(Typed::new(Ty::Date, true))
    );
    assert_eq!(
        ty("min", &[col(Ty::Varchar(Some(9)))]),
        Some(Ty::Varchar(Some(9)))
    );
    assert_eq!(ty("any_value", &[col(Ty::Boolean)]), Some(Ty::Boolean));
    assert_eq!(
        ty("listagg", &[col(Ty::Varchar(Some(9))), text(",")]),
        Some(Ty::Varchar(Some(65_535)))
    );
    assert_eq!(ty("median", &[col(Ty::Double)]), Some(Ty::Double));
    assert_eq!(ty("median", &[col(Ty::Date)]), Some(Ty::Date));
    assert!(call("median", &[col(Ty::Integer)]).is_err_and(|e| e.help.is_some()));
    let half = Arg::literal(Literal::Number("0.5".into())).ok();
    let half = half.unwrap_or_else(|| col(num(1, 1)));
    assert_eq!(
        ty("percentile_cont", &[half.clone(), col(Ty::Real)]),
        Some(Ty::Double)
    );
    assert_eq!(
        ty("percentile_disc", &[half.clone(), col(num(9, 3))]),
        Some(num(9, 3))
    );
    assert!(call("percentile_cont", &[half]).is_err());
    assert_eq!(ty("stddev_samp", &[col(Ty::Integer)]), Some(Ty::Double));
    assert_eq!(ty("var_pop", &[col(num(8, 2))]), Some(Ty::Double));
    assert_eq!(ty("bool_and", &[col(Ty::Boolean)]), Some(Ty::Boolean));
    assert_eq!(ty("bit_or", &[col(Ty::SmallInt)]), Some(Ty::SmallInt));
    assert!(call("bit_and", &[col(Ty::Double)]).is_err());
}

#[test]
fn window_functions() {
    assert_eq!(
        window("row_number", &[]).ok(),
        Some(Typed::new(Ty::BigInt, false))
    );
    assert_eq!(
        window("rank", &[]).ok(),
        Some(Typed::new(Ty::Integer, false))
    );
    assert_eq!(
        window("dense_rank", &[]).ok(),
        Some(Typed::new(Ty::Integer, false))
    );
    assert_eq!(
        window("ntile", &[int(4)]).ok(),
        Some(Typed::new(Ty::BigInt, false))
    );
    assert_eq!(
        window("percent_rank", &[]).ok().map(|t| t.ty),
        Some(Ty::Double)
    );
    assert_eq!(
        window("cume_dist", &[]).ok().map(|t| t.ty),
        Some(Ty::Double)
    );
    let lagged = window("lag", &[col(num(8, 2)), int(1)]).ok();
    assert_eq!(lagged, Some(Typed::new(num(8, 2), true)));
    assert_eq!(
        window("first_value", &[col(Ty::Date)]).ok().map(|t| t.ty),
        Some(Ty::Date)
    );
    assert_eq!(
        window("nth_value", &[col(Ty::Date), int(2)])
            .ok()
            .map(|t| t.ty),
        Some(Ty::Date)
    );
    assert_eq!(
        window("count", &[col(Ty::Date)]).ok(),
        Some(Typed::new(Ty::BigInt, false))
    );
}

#[test]
fn conditional_functions() {
    let got = call("coalesce", &[ncol(Ty::Integer), col(Ty::SmallInt)]).ok();
    assert_eq!(got, Some(Typed::new(Ty::Integer, false)));
    let got = call("nvl", &[ncol(num(38, 2)), int(0)]).ok();
    assert_eq!(got, Some(Typed::new(num(38, 2), false)));
    let got = call("coalesce", &[ncol(Ty::Date), ncol(Ty::Date)]).ok();
    assert_eq!(got, Some(Typed::new(Ty::Date, true)));
    let got = call("coalesce", &[ncol(Ty::Date), text("2024-01-01")]).ok();
    assert_eq!(got, Some(Typed::new(Ty::Date, false)));
    assert!(call("coalesce", &[ncol(Ty::Date), col(Ty::Integer)]).is_err());
    let got = call("nullif", &[col(Ty::Varchar(Some(5))), text("")]).ok();
    assert_eq!(got, Some(Typed::new(Ty::Varchar(Some(5)), true)));
    let got = call(
        "nvl2",
        &[
            ncol(Ty::Integer),
            col(Ty::Varchar(Some(3))),
            col(Ty::Varchar(Some(5))),
        ],
    )
    .ok();
    // Two texts: the type of the first result.
    assert_eq!(got, Some(Typed::new(Ty::Varchar(Some(3)), false)));
    let nvl2 = |a: Arg, b: Arg| call("nvl2", &[ncol(Ty::Integer), a, b]).ok();
    let got = nvl2(col(Ty::SmallInt), ncol(num(8, 2)));
    assert_eq!(got, Some(Typed::new(num(8, 2), true)));
    let got = nvl2(col(Ty::Varchar(Some(3))), col(Ty::Integer));
    assert_eq!(got.map(|t| t.ty), Some(Ty::Varchar(Some(3))));
    let got = nvl2(Arg::typed(Ty::Null, true), col(Ty::Date));
    assert_eq!(got, Some(Typed::new(Ty::Date, true)));
    assert_eq!(nvl2(col(Ty::Date), col(Ty::TimestampTz)), None);
    let got = call(
        "nvl2",
        &[ncol(Ty::Integer), col(Ty::Date), col(Ty::Timestamp)],
    )
    .ok();
    assert_eq!(got.map(|t| t.ty), Some(Ty::Timestamp));
    // decode(e, 1, 'one', 2, 'two', 'other'): text, non-null with a default.
    let d = [
        col(Ty::Integer),
        int(1),
        text("one"),
        int(2),
        text("two"),
        text("other"),
    ];
    assert_eq!(
        call("decode", &d).ok(),
        Some(Typed::new(Ty::Varchar(Some(5)), false))
    );
    // Without a default it may be NULL.
    let d = [col(Ty::Integer), int(1), col(num(5, 2))];
    assert_eq!(call("decode", &d).ok(), Some(Typed::new(num(5, 2), true)));
    let got = call("greatest", &[ncol(Ty::Integer), col(Ty::BigInt)]).ok();
    assert_eq!(got, Some(Typed::new(Ty::BigInt, false)));
    let got = call("least", &[ncol(Ty::Date), ncol(Ty::Timestamp)]).ok();
    assert_eq!(got, Some(Typed::new(Ty::Timestamp, true)));
}

#[test]
fn date_and_time_functions() {
    let day = col(Ty::Date);
    let ts = col(Ty::Timestamp);
    let tstz = col(Ty::TimestampTz);
    assert_eq!(
        ty("date_trunc", &[text("month"), ts.clone()]),
        Some(Ty::Timestamp)
    );
    assert_eq!(
        ty("dateadd", &[keyword("day"), int(1), day.clone()]),
        Some(Ty::Timestamp)
    );
    assert_eq!(
        ty("dateadd", &[keyword("hour"), int(1), col(Ty::Time)]),
        Some(Ty::Time)
    );
    assert!(call("dateadd", &[keyword("day"), int(1), tstz.clone()]).is_err());
    assert_eq!(
        ty("datediff", &[keyword("day"), day.clone(), ts.clone()]),
        Some(Ty::BigInt)
    );
    assert_eq!(
        ty("date_part", &[text("year"), ts.clone()]),
        Some(Ty::Double)
    );
    assert_eq!(
        ty("extract", &[keyword("year"), ts.clone()]),
        Some(Ty::Integer)
    );
    assert_eq!(
        ty("extract", &[keyword("year"), day.clone()]),
        Some(Ty::Integer)
    );
    assert_eq!(
        ty("extract", &[keyword("year"), tstz.clone()]),
        Some(Ty::Double)
    );
    assert!(call("extract", &[keyword("year"), col(Ty::Integer)]).is_err());
    assert_eq!(
        call("getdate", &[]).ok(),
        Some(Typed::new(Ty::Timestamp, false))
    );
    assert_eq!(
        call("sysdate", &[]).ok(),
        Some(Typed::new(Ty::Timestamp, false))
    );
    assert_eq!(
        call("current_date", &[]).ok(),
        Some(Typed::new(Ty::Date, false))
    );
    assert_eq!(
        ty("to_char", &[ts.clone(), text("YYYY-MM")]),
        Some(Ty::Varchar(None))
    );
    assert_eq!(
        ty("to_date", &[text("20240101"), text("YYYYMMDD")]),
        Some(Ty::Date)
    );
    assert_eq!(
        ty("to_timestamp", &[text("2024"), text("YYYY")]),
        Some(Ty::TimestampTz)
    );
    assert_eq!(
        ty("convert_timezone", &[text("UTC"), text("EST"), ts.clone()]),
        Some(Ty::Timestamp)
    );
    assert_eq!(ty("trunc", &[ts.clone()]), Some(Ty::Date));
    assert_eq!(ty("last_day", &[day.clone()]), Some(Ty::Date));
    assert_eq!(
        ty("months_between", &[day.clone(), day.clone()]),
        Some(Ty::Double)
    );
    assert_eq!(
        ty("add_months", &[day.clone(), int(1)]),
        Some(Ty::Timestamp)
    );
    assert_eq!(
        ty("date_cmp", &[day.clone(), day.clone()]),
        Some(Ty::Integer)
    );
    assert_eq!(ty("timezone", &[text("UTC"), ts]), Some(Ty::TimestampTz));
    assert_eq!(ty("timezone", &[text("UTC"), tstz]), Some(Ty::Timestamp));
    let nullable_day = call("last_day", &[ncol(Ty::Date)]).ok();
    assert_eq!(nullable_day, Some(Typed::new(Ty::Date, true)));
}

#[test]
fn string_functions() {
    let name = col(Ty::Varchar(Some(20)));
    let code = col(Ty::Char(Some(3)));
    assert_eq!(ty("upper", &[name.clone()]), Some(Ty::Varchar(Some(20))));
    assert_eq!(ty("lower", &[code.clone()]), Some(Ty::Char(Some(3))));
    assert_eq!(ty("trim", &[code.clone()]), Some(Ty::Char(Some(3))));
    assert_eq!(ty("btrim", &[code.clone()]), Some(Ty::Varchar(Some(3))));
    assert_eq!(
        ty("substring", &[name.clone(), int(1), int(3)]),
        Some(Ty::Varchar(Some(20)))
    );
    assert_eq!(
        ty("substr", &[name.clone(), int(2)]),
        Some(Ty::Varchar(Some(20)))
    );
    for f in [
        "len",
        "length",
        "char_length",
        "character_length",
        "textlen",
        "octet_length",
    ] {
        assert_eq!(ty(f, &[name.clone()]), Some(Ty::Integer), "{f}");
    }
    assert_eq!(
        ty("split_part", &[name.clone(), text(","), int(1)]),
        Some(Ty::Varchar(Some(20)))
    );
    assert_eq!(
        ty("concat", &[name.clone(), code.clone()]),
        Some(Ty::Varchar(Some(23)))
    );
    assert_eq!(
        ty("replace", &[name.clone(), text("a"), text("b")]),
        Some(Ty::Varchar(None))
    );
    assert_eq!(
        ty("left", &[name.clone(), int(2)]),
        Some(Ty::Varchar(Some(20)))
    );
    assert_eq!(
        ty("lpad", &[name.clone(), int(30)]),
        Some(Ty::Varchar(None))
    );
    assert_eq!(ty("strpos", &[name.clone(), text("x")]), Some(Ty::Integer));
    assert_eq!(
        ty("position", &[text("x"), name.clone()]),
        Some(Ty::Integer)
    );
    assert_eq!(
        ty("regexp_substr", &[name.clone(), text("[0-9]+")]),
        Some(Ty::Varchar(None))
    );
    assert_eq!(
        ty("regexp_count", &[name.clone(), text("a")]),
        Some(Ty::Integer)
    );
    assert_eq!(ty("md5", &[name.clone()]), Some(Ty::Varchar(Some(32))));
    assert_eq!(
        ty("func_sha1", &[name.clone()]),
        Some(Ty::Varchar(Some(40)))
    );
    assert_eq!(ty("initcap", &[name.clone()]), Some(Ty::Varchar(Some(20))));
    assert_eq!(ty("upper", &[col(Ty::Integer)]), Some(Ty::Varchar(None)));
    assert_eq!(
        call("chr", &[int(65)]).ok(),
        Some(Typed::new(Ty::Char(Some(1)), true))
    );
    let nullable = call("upper", &[ncol(Ty::Varchar(Some(2)))]).ok();
    assert_eq!(nullable, Some(Typed::new(Ty::Varchar(Some(2)), true)));
}

#[test]
fn math_functions() {
    assert_eq!(ty("round", &[col(num(10, 4)), int(2)]), Some(num(10, 4)));
    assert_eq!(ty("round", &[col(Ty::Double)]), Some(Ty::Double));
    assert_eq!(ty("abs", &[col(Ty::SmallInt)]), Some(Ty::SmallInt));
    assert_eq!(ty("floor", &[col(num(8, 2))]), Some(num(8, 2)));
    assert_eq!(ty("ceiling", &[col(Ty::Real)]), Some(Ty::Real));
    assert_eq!(ty("trunc", &[col(num(8, 2)), int(1)]), Some(num(8, 2)));
    assert_eq!(ty("sign", &[col(num(8, 2))]), Some(num(1, 0)));
    assert_eq!(ty("sign", &[col(Ty::Integer)]), Some(Ty::Integer));
    assert_eq!(ty("power", &[col(Ty::Integer), int(2)]), Some(Ty::Double));
    for f in [
        "sqrt", "exp", "cbrt", "degrees", "radians", "sin", "cos", "tan", "cot", "asin", "acos",
        "atan", "dlog10", "log",
    ] {
        assert_eq!(ty(f, &[col(Ty::Integer)]), Some(Ty::Double), "{f}");
    }
    assert_eq!(ty("ln", &[col(Ty::Double)]), Some(Ty::Double));
    assert!(call("ln", &[col(Ty::Integer)]).is_err());
    assert_eq!(
        ty("mod", &[col(Ty::BigInt), col(Ty::BigInt)]),
        Some(Ty::BigInt)
    );
    assert_eq!(ty("mod", &[col(Ty::BigInt), int(7)]), Some(Ty::Integer));
    assert!(call("mod", &[col(Ty::BigInt), col(Ty::SmallInt)]).is_err());
    assert_eq!(
        call("random", &[]).ok(),
        Some(Typed::new(Ty::Double, false))
    );
    assert_eq!(call("pi", &[]).ok(), Some(Typed::new(Ty::Double, false)));
    assert!(call("abs", &[col(Ty::Varchar(Some(1)))]).is_err_and(|e| e.help.is_some()));
}

#[test]
fn json_and_system_functions() {
    let doc = col(Ty::Varchar(Some(1000)));
    let got = call(
        "json_extract_path_text",
        &[doc.clone(), text("a"), text("b")],
    )
    .ok();
    assert_eq!(got, Some(Typed::new(Ty::Varchar(None), true)));
    assert_eq!(
        ty("json_extract_array_element_text", &[doc.clone(), int(0)]),
        Some(Ty::Varchar(None))
    );
    assert_eq!(ty("is_valid_json", &[doc.clone()]), Some(Ty::Boolean));
    assert_eq!(ty("json_array_length", &[doc.clone()]), Some(Ty::Integer));
    assert_eq!(ty("json_parse", &[doc]), Some(Ty::Other("super".into())));
    assert_eq!(
        call("current_user", &[]).ok(),
        Some(Typed::new(Ty::Varchar(None), false))
    );
    assert_eq!(ty("user", &[]), Some(Ty::Varchar(None)));
    assert_eq!(ty("version", &[]), Some(Ty::Varchar(None)));
    assert_eq!(ty("current_user_id", &[]), Some(Ty::Integer));
}
