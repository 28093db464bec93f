//! The run-time side of `civis::query!` (feature `typed-sql`) against the mock over real HTTP:
//! queries built by hand with `Query::__new` exactly as the macro writes them (a constant of
//! columns, a non-capturing closure as the decoder), read as records (`rows`, `all`, `one`,
//! `optional`, `preview`), with every Rust type of the mapping, NULLs, decimals beyond their
//! type, a renamed column (`Error::ResultShape`) and parameters reaching the script.

use civis::sql::types::chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use civis::sql::types::Decimal;
use civis::sql::{Column, Query, SqlType};
use civis::{Client, Error};
use civis_mock::{MockRows, MockServer};
use civis_tests::{posts, FakeClock};
use serde_json::json;

const DB: i64 = 32;
const DB_NAME: &str = "redshift-general";
const PIN: &str =
    "sales.orders pinned 2026-12-01 (.civis/tables/redshift-general/sales.orders.json)";

fn setup() -> (MockServer, Client) {
    civis_tests::mock_with_database(DB, DB_NAME, "typed-sql-test-key")
}

/// A table with a column of every type of the mapping.
const TABLE: [(&str, &str); 12] = [
    ("id", "BIGINT"),
    ("qty", "SMALLINT"),
    ("units", "INTEGER"),
    ("amount", "NUMERIC(10,2)"),
    ("ratio", "REAL"),
    ("score", "DOUBLE PRECISION"),
    ("paid", "BOOLEAN"),
    ("day", "DATE"),
    ("at", "TIMESTAMP"),
    ("at_utc", "TIMESTAMPTZ"),
    ("note", "VARCHAR(100)"),
    ("memo", "VARCHAR(100)"),
];

/// What the macro would find for `select * from sales.orders`, the `NOT NULL` columns of the
/// pin being the record's plain types.
const ORDER_COLUMNS: &[Column] = &[
    Column::new("id", SqlType::BigInt, false),
    Column::new("qty", SqlType::SmallInt, false),
    Column::new("units", SqlType::Integer, true),
    Column::new(
        "amount",
        SqlType::Numeric {
            precision: 10,
            scale: 2,
        },
        true,
    ),
    Column::new("ratio", SqlType::Real, false),
    Column::new("score", SqlType::Double, true),
    Column::new("paid", SqlType::Boolean, false),
    Column::new("day", SqlType::Date, false),
    Column::new("at", SqlType::Timestamp, true),
    Column::new("at_utc", SqlType::TimestampTz, false),
    Column::new("note", SqlType::Text, false),
    Column::new("memo", SqlType::Text, true),
];

/// The record the macro would declare for [`ORDER_COLUMNS`].
#[derive(Debug, Clone, PartialEq)]
struct Order {
    id: i64,
    qty: i16,
    units: Option<i32>,
    amount: Option<Decimal>,
    ratio: f32,
    score: Option<f64>,
    paid: bool,
    day: NaiveDate,
    at: Option<NaiveDateTime>,
    at_utc: DateTime<Utc>,
    note: String,
    memo: Option<String>,
}

/// `civis::query!(DB_NAME, sql)` over `sales.orders`, as the macro expands it.
fn orders_query(sql: &'static str) -> Query<Order> {
    Query::<Order>::__new(DB_NAME, sql, ORDER_COLUMNS, &[PIN], |row| {
        Ok(Order {
            id: row.get::<i64>(0)?,
            qty: row.get::<i16>(1)?,
            units: row.get::<Option<i32>>(2)?,
            amount: row.get::<Option<Decimal>>(3)?,
            ratio: row.get::<f32>(4)?,
            score: row.get::<Option<f64>>(5)?,
            paid: row.get::<bool>(6)?,
            day: row.get::<NaiveDate>(7)?,
            at: row.get::<Option<NaiveDateTime>>(8)?,
            at_utc: row.get::<DateTime<Utc>>(9)?,
            note: row.get::<String>(10)?,
            memo: row.get::<Option<String>>(11)?,
        })
    })
}

fn orders_table(mock: &MockServer, table: &[(&str, &str)]) {
    let names: Vec<&str> = table.iter().map(|(name, _)| *name).collect();
    let rows = MockRows::new(names)
        .row([
            Some("1"),
            Some("-32768"),
            Some("2147483647"),
            Some("1234.5"),
            Some("0.25"),
            Some("1e300"),
            Some("true"),
            Some("2024-02-29"),
            Some("2024-03-01 12:00:01.5"),
            Some("2024-03-01 13:00:00+01"),
            Some("a, \"quoted\"\nnote"),
            Some("memo"),
        ])
        .row([
            Some("9223372036854775807"),
            Some("7"),
            None,
            None,
            Some("-1.5"),
            None,
            Some("false"),
            Some("1969-12-31"),
            None,
            Some("1970-01-01 00:00:00+00"),
            None,
            None,
        ]);
    mock.typed_table(DB, "sales.orders", table, rows).unwrap();
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn expected_orders() -> Vec<Order> {
    let at = day(2024, 3, 1)
        .and_hms_micro_opt(12, 0, 1, 500_000)
        .unwrap();
    vec![
        Order {
            id: 1,
            qty: -32768,
            units: Some(i32::MAX),
            amount: Some(Decimal::new(123_450, 2)),
            ratio: 0.25,
            score: Some(1e300),
            paid: true,
            day: day(2024, 2, 29),
            at: Some(at),
            at_utc: day(2024, 3, 1).and_hms_opt(12, 0, 0).unwrap().and_utc(),
            note: "a, \"quoted\"\nnote".into(),
            memo: Some("memo".into()),
        },
        Order {
            id: i64::MAX,
            qty: 7,
            units: None,
            amount: None,
            ratio: -1.5,
            score: None,
            paid: false,
            day: day(1969, 12, 31),
            at: None,
            at_utc: DateTime::UNIX_EPOCH,
            // NULL in a text column that is not NULL-able: an export writes it as '', so "".
            note: String::new(),
            memo: None,
        },
    ]
}

#[test]
fn records_hold_every_type_of_the_mapping_with_nulls_as_the_types_say() {
    let (mock, client) = setup();
    orders_table(&mock, &TABLE);
    let q = orders_query("select * from sales.orders");
    assert_eq!(q.sql(), "select * from sales.orders");
    assert_eq!(q.columns(), ORDER_COLUMNS);
    assert_eq!(q.pins(), [PIN]);
    assert_eq!(q.database(), &civis::NameOrId::from(DB_NAME));

    let streamed: Vec<Order> = q
        .on(&client)
        .rows()
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(streamed, expected_orders());
    // The scale of a numeric is the column's: 1234.50, not 1234.5.
    assert_eq!(streamed[0].amount.unwrap().to_string(), "1234.50");
    assert_eq!(q.on(&client).all().unwrap(), expected_orders());

    let started = q.on(&client).job_name("typed orders").start_rows().unwrap();
    assert!(started.run().run_id() > 0);
    assert_eq!(started.wait().unwrap().count(), 2);
    let scripts = posts(&mock, "/scripts/sql");
    assert_eq!(scripts.last().unwrap()["name"], "typed orders");
    // The export is the one every typed ending reads: header on, quoted, comma, gzip.
    let settings = &scripts.last().unwrap()["csv_settings"];
    assert_eq!(settings["include_header"], true, "{settings}");
    assert_eq!(settings["column_delimiter"], "comma");
    assert_eq!(settings["unquoted"], false);
}

#[test]
fn one_and_optional_count_the_rows() {
    let (mock, client) = setup();
    orders_table(&mock, &TABLE);
    let first = orders_query("select * from sales.orders limit 1");
    let none = orders_query("select * from sales.orders limit 0");
    let both = orders_query("select * from sales.orders");

    assert_eq!(first.on(&client).one().unwrap(), expected_orders()[0]);
    assert_eq!(
        first.on(&client).optional().unwrap(),
        Some(expected_orders()[0].clone())
    );
    assert_eq!(none.on(&client).optional().unwrap(), None);

    let error = none.on(&client).one().unwrap_err();
    assert!(
        matches!(&error, Error::RowCount { found: 0, expected, .. } if expected == "exactly one row"),
        "{error:?}"
    );
    assert!(error.to_string().contains("returned no rows"), "{error}");
    let error = both.on(&client).one().unwrap_err();
    assert!(
        matches!(error, Error::RowCount { found: 2, .. }),
        "{error:?}"
    );
    let error = both.on(&client).optional().unwrap_err();
    assert!(
        matches!(&error, Error::RowCount { found: 2, expected, .. } if expected == "at most one row"),
        "{error:?}"
    );
    assert!(
        error.to_string().contains("more than one row") && error.to_string().contains("all()"),
        "{error}"
    );
}

#[test]
fn a_preview_decodes_the_first_rows_and_tells_null_from_empty_text() {
    let (mock, client) = setup();
    orders_table(&mock, &TABLE);
    let q = orders_query("select * from sales.orders");
    assert_eq!(q.on(&client).preview(1).unwrap(), expected_orders()[..1]);
    assert_eq!(q.on(&client).preview(10).unwrap(), expected_orders());

    // A query takes no parameters: a typed query with some cannot be previewed.
    let with_param =
        orders_query("select * from sales.orders limit {{n}}").__param_unquoted("n", &1);
    let error = with_param.on(&client).preview(1).unwrap_err();
    assert!(matches!(error, Error::Usage(_)), "{error:?}");
}

#[test]
fn a_renamed_column_is_a_result_shape_error_naming_the_pins_before_any_value_is_read() {
    let (mock, client) = setup();
    let mut renamed = TABLE;
    renamed[3].0 = "amount_usd";
    orders_table(&mock, &renamed);
    let q = orders_query("select * from sales.orders");

    let error = q.on(&client).rows().unwrap_err();
    let Error::ResultShape {
        expected,
        got,
        tables,
    } = &error
    else {
        panic!("not a ResultShape: {error:?}");
    };
    assert_eq!(expected[3], "amount");
    assert_eq!(got[3], "amount_usd");
    assert_eq!(tables, PIN);
    let shown = error.to_string();
    assert!(
        shown.contains("sales.orders pinned 2026-12-01")
            && shown.contains("civis tables pin --refresh")
            && shown.contains("amount_usd"),
        "{shown}"
    );
    assert!(format!("{error:?}").ends_with("(Error::ResultShape)"));
    for error in [
        q.on(&client).all().unwrap_err(),
        q.on(&client).one().unwrap_err(),
        q.on(&client).preview(5).unwrap_err(),
    ] {
        assert!(matches!(error, Error::ResultShape { .. }), "{error:?}");
    }
}

const PRICE_COLUMNS: &[Column] = &[
    Column::new("sku", SqlType::Text, false),
    Column::new(
        "price",
        SqlType::Numeric {
            precision: 6,
            scale: 2,
        },
        false,
    ),
];

#[derive(Debug, PartialEq)]
struct Price {
    sku: String,
    price: Decimal,
}

#[test]
fn a_value_beyond_its_type_is_a_value_error_and_the_rows_go_on() {
    let (mock, client) = setup();
    // The pin says numeric(6,2); the data holds wider values (the table changed type).
    mock.sql_returns(
        "select sku, price from sales.prices",
        MockRows::new(["sku", "price"])
            .row([Some("a"), Some("1234.50")])
            .row([Some("b"), Some("12345.00")])
            .row([Some("c"), Some("1.234")])
            .row([Some("d"), None])
            .row([Some("e"), Some("-0.01")]),
    );
    let q = Query::<Price>::__new(
        DB_NAME,
        "select sku, price from sales.prices",
        PRICE_COLUMNS,
        &[],
        |row| {
            Ok(Price {
                sku: row.get::<String>(0)?,
                price: row.get::<Decimal>(1)?,
            })
        },
    );
    let rows: Vec<Result<Price, Error>> = q.on(&client).rows().unwrap().collect();
    assert_eq!(rows.len(), 5, "a value error does not end the rows");
    assert_eq!(rows[0].as_ref().unwrap().price.to_string(), "1234.50");
    assert_eq!(rows[4].as_ref().unwrap().price.to_string(), "-0.01");
    for (index, text) in [(1, "12345.00"), (2, "1.234")] {
        let Err(Error::Value {
            source,
            row,
            column,
            text: got,
            expected,
        }) = &rows[index]
        else {
            panic!("not a value error: {:?}", rows[index]);
        };
        assert!(source.starts_with("file "), "{source}");
        assert_eq!(
            (*row, column.as_str(), got.as_str()),
            (index as u64 + 1, "price", text)
        );
        assert!(
            expected.contains("numeric(6,2)") && expected.contains("never rounded"),
            "{expected}"
        );
    }
    let error = rows[3].as_ref().unwrap_err().to_string();
    assert!(
        error.contains("row 4, column \"price\"")
            && error.contains("NOT NULL")
            && error.contains("Option<Decimal>"),
        "{error}"
    );
    // `all` stops at the first.
    let error = q.on(&client).all().unwrap_err();
    assert!(matches!(error, Error::Value { row: 2, .. }), "{error:?}");
}

#[derive(Debug, PartialEq)]
struct Amount {
    id: i64,
    amount: f64,
}

#[test]
fn an_alias_with_a_type_override_matches_its_columns_name() {
    let (mock, client) = setup();
    // Redshift exports the alias as written: `select id as "id!", amount as "amount: f64"`.
    mock.sql_returns(
        "select id as \"id!\", amount as \"amount: f64\" from sales.orders",
        MockRows::new(["id!", "amount: f64"]).row([Some("3"), Some("2.5")]),
    );
    const COLUMNS: &[Column] = &[
        Column::new("id", SqlType::BigInt, false),
        Column::new("amount", SqlType::Double, false),
    ];
    let q = Query::<Amount>::__new(
        DB_NAME,
        "select id as \"id!\", amount as \"amount: f64\" from sales.orders",
        COLUMNS,
        &[],
        |row| {
            Ok(Amount {
                id: row.get::<i64>(0)?,
                amount: row.get::<f64>(1)?,
            })
        },
    );
    assert_eq!(q.on(&client).one().unwrap(), Amount { id: 3, amount: 2.5 });
}

#[test]
fn parameters_reach_the_script_with_their_civis_types() {
    let (mock, client) = setup();
    mock.sql_returns(
        "select id, note from sales.orders where note = 'north' and day >= '2026-01-02' and id > 3 and paid = true and ratio < 1.5",
        MockRows::new(["id", "note"]).row([Some("4"), Some("north")]),
    );
    const COLUMNS: &[Column] = &[
        Column::new("id", SqlType::BigInt, false),
        Column::new("note", SqlType::Text, true),
    ];
    let region = String::from("north");
    let q = Query::<(i64, Option<String>)>::__new(
        DB,
        "select id, note from sales.orders where note = '{{region}}' and day >= '{{since}}' and id > {{min}} and paid = {{paid}} and ratio < {{ratio}}",
        COLUMNS,
        &[],
        |row| Ok((row.get::<i64>(0)?, row.get::<Option<String>>(1)?)),
    )
    .__param_quoted("region", &region)
    .__param_quoted("since", &day(2026, 1, 2))
    .__param_unquoted("min", &3)
    .__param_unquoted("paid", &true)
    .__param_unquoted("ratio", &1.5);
    let kinds: Vec<(&str, &str)> = q.params().iter().map(|p| (p.name, p.kind)).collect();
    assert_eq!(
        kinds,
        [
            ("region", "string"),
            ("since", "string"),
            ("min", "integer"),
            ("paid", "bool"),
            ("ratio", "float")
        ]
    );
    assert_eq!(q.on(&client).all().unwrap(), [(4, Some("north".into()))]);
    let script = posts(&mock, "/scripts/sql").pop().unwrap();
    assert_eq!(
        script["params"],
        json!([
            {"name": "region", "type": "string"},
            {"name": "since", "type": "string"},
            {"name": "min", "type": "integer"},
            {"name": "paid", "type": "bool"},
            {"name": "ratio", "type": "float"},
        ])
    );
    assert_eq!(
        script["arguments"],
        json!({"region": "north", "since": "2026-01-02", "min": 3, "paid": true, "ratio": 1.5})
    );
}

#[test]
fn settings_that_change_the_csv_are_refused_before_any_request() {
    let (mock, client) = setup();
    orders_table(&mock, &TABLE);
    let q = orders_query("select * from sales.orders");
    mock.clear_requests();
    for setting in [
        "include_header",
        "column_delimiter",
        "unquoted",
        "compression",
    ] {
        let error = q.on(&client).csv_setting(setting, false).all().unwrap_err();
        assert!(
            matches!(&error, Error::Usage(why) if why.contains(setting)),
            "{error:?}"
        );
    }
    assert!(posts(&mock, "/scripts/sql").is_empty());
    // Others pass through to the export.
    assert_eq!(
        q.on(&client)
            .csv_setting("some_new_setting", true)
            .all()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn a_generated_api_client_runs_a_typed_query_and_to_csv_writes_the_export() {
    let (mock, _) = setup();
    orders_table(&mock, &TABLE);
    let api = civis::ApiClient::builder()
        .api_key("typed-sql-test-key")
        .base_url(mock.url())
        .clock(FakeClock::default())
        .build()
        .unwrap();
    let q = orders_query("select * from sales.orders");
    assert_eq!(q.on(&api).all().unwrap(), expected_orders());

    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("typed-sql-orders.csv");
    let written = q.on(&api).to_csv(&path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(written, text.len() as u64);
    assert!(text.starts_with("id,qty,units,amount,"), "{text}");
}
