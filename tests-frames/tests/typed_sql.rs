//! The frames of a typed query (`civis::query!`, feature `typed-sql`) against the mock over
//! real HTTP: Arrow batches and a polars DataFrame whose schema is exactly the query's columns
//! (names, types, nullability), never inferred from the data, and the renamed column that makes
//! them an `Error::ResultShape`. The queries are built by hand as the macro writes them.

use civis::sql::{Column, Query, SqlType};
use civis::{Client, Error};
use civis_mock::{MockRows, MockServer};

const DB: i64 = 32;
const DB_NAME: &str = "redshift-general";

fn setup() -> (MockServer, Client) {
    let mock = MockServer::scripted().expect("a free loopback port");
    mock.database(DB, DB_NAME);
    mock.default_database_credential(4321);
    let client = Client::builder()
        .api_key("typed-sql-frames-key")
        .base_url(mock.url())
        .clock(civis_tests::FakeClock::default())
        .build()
        .unwrap();
    (mock, client)
}

/// Not a plain select of one table, so that nothing but the query's columns could type it:
/// inference would make `amount` a double and `day` text.
const SQL: &str = "select o.id, o.amount, o.note, o.memo, o.ok, o.day, o.at_tz, o.n as \"n: f64\" from sales.orders o";

const COLUMNS: &[Column] = &[
    Column::new("id", SqlType::BigInt, false),
    Column::new(
        "amount",
        SqlType::Numeric {
            precision: 10,
            scale: 2,
        },
        true,
    ),
    Column::new("note", SqlType::Text, false),
    Column::new("memo", SqlType::Text, true),
    Column::new("ok", SqlType::Boolean, false),
    Column::new("day", SqlType::Date, true),
    Column::new("at_tz", SqlType::TimestampTz, true),
    Column::new("n", SqlType::Double, false),
];

/// The rows as the export writes them: an alias with an override is exported as written.
fn rows(header: [&str; 8]) -> MockRows {
    MockRows::new(header)
        .row([
            Some("1"),
            Some("1234.50"),
            Some("hello"),
            Some("m"),
            Some("t"),
            Some("2024-02-29"),
            Some("2024-03-01 12:00:00+00"),
            Some("7"),
        ])
        .row([
            Some("2"),
            None,
            Some(""),
            None,
            Some("f"),
            None,
            None,
            Some("8.5"),
        ])
}

const HEADER: [&str; 8] = [
    "id", "amount", "note", "memo", "ok", "day", "at_tz", "n: f64",
];

/// The query the macro would write; the frames do not use the decoder.
fn query() -> Query<()> {
    Query::<()>::__new(
        DB_NAME,
        SQL,
        COLUMNS,
        &["sales.orders pinned 2026-12-01 (.civis/tables/redshift-general/sales.orders.json)"],
        |_| Ok(()),
    )
}

mod arrow {
    use super::*;
    use civis::arrow_array::cast::AsArray;
    use civis::arrow_array::types::{Date32Type, Decimal128Type, Float64Type, Int64Type};
    use civis::arrow_array::Array;
    use civis::arrow_schema::{DataType, Field, Schema, TimeUnit};

    #[test]
    fn arrow_batches_have_exactly_the_querys_columns() {
        let (mock, client) = setup();
        mock.sql_returns(SQL, rows(HEADER));
        let batches = query().on(&client).arrow().unwrap();
        let expected = Schema::new(vec![
            Field::new("id", DataType::Int64, false),
            Field::new("amount", DataType::Decimal128(10, 2), true),
            Field::new("note", DataType::Utf8, false),
            Field::new("memo", DataType::Utf8, true),
            Field::new("ok", DataType::Boolean, false),
            Field::new("day", DataType::Date32, true),
            Field::new(
                "at_tz",
                DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())),
                true,
            ),
            Field::new("n", DataType::Float64, false),
        ]);
        assert_eq!(*batches.schema(), expected);
        let batches: Vec<_> = batches.collect::<Result<_, _>>().unwrap();
        assert_eq!(batches.len(), 1);
        let batch = &batches[0];
        assert_eq!(
            batch.column(0).as_primitive::<Int64Type>().values(),
            &[1, 2]
        );
        let amount = batch.column(1).as_primitive::<Decimal128Type>();
        assert_eq!((amount.value(0), amount.is_null(1)), (123_450, true));
        // '' in a text column that is not NULL-able is '', in one that is, NULL.
        let note = batch.column(2).as_string::<i32>();
        assert_eq!((note.value(1), note.is_null(1)), ("", false));
        assert!(batch.column(3).is_null(1));
        assert!(batch.column(4).as_boolean().value(0));
        assert_eq!(
            batch.column(5).as_primitive::<Date32Type>().value(0),
            19_782
        );
        assert!(batch.column(6).is_null(1));
        assert_eq!(
            batch.column(7).as_primitive::<Float64Type>().values(),
            &[7.0, 8.5]
        );
    }

    #[test]
    fn arrow_refuses_a_null_where_the_query_says_not_null_and_a_renamed_column() {
        let (mock, client) = setup();
        let mut missing = rows(HEADER);
        missing.rows[1][0] = None;
        mock.sql_returns(SQL, missing);
        let error = query()
            .on(&client)
            .arrow()
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap_err();
        assert!(
            matches!(&error, Error::Value { row: 2, column, .. } if column == "id"),
            "{error:?}"
        );
        assert!(error.to_string().contains("NOT NULL"), "{error}");

        let mut renamed = HEADER;
        renamed[1] = "amount_usd";
        mock.sql_returns(SQL, rows(renamed));
        let error = query().on(&client).arrow().unwrap_err();
        assert!(
            matches!(&error, Error::ResultShape { got, .. } if got[1] == "amount_usd"),
            "{error:?}"
        );
        assert!(
            error.to_string().contains("civis tables pin --refresh"),
            "{error}"
        );
    }
}

mod polars {
    use super::*;
    use civis::polars::prelude::{DataType, TimeUnit, TimeZone};

    #[test]
    fn a_dataframe_has_the_querys_names_and_types() {
        let (mock, client) = setup();
        mock.sql_returns(SQL, rows(HEADER));
        let frame = query().on(&client).dataframe().unwrap();
        let names: Vec<&str> = frame
            .get_column_names()
            .iter()
            .map(|n| n.as_str())
            .collect();
        assert_eq!(
            names,
            ["id", "amount", "note", "memo", "ok", "day", "at_tz", "n"]
        );
        let types: Vec<DataType> = frame.dtypes();
        assert_eq!(
            types,
            [
                DataType::Int64,
                DataType::Float64,
                DataType::String,
                DataType::String,
                DataType::Boolean,
                DataType::Date,
                DataType::Datetime(TimeUnit::Microseconds, Some(TimeZone::UTC)),
                DataType::Float64,
            ]
        );
        // '' in a text column that is not NULL-able is '', in one that is, NULL.
        let note = frame.column("note").unwrap().str().unwrap().get(1);
        assert_eq!(note, Some(""));
        assert_eq!(frame.column("memo").unwrap().str().unwrap().get(1), None);
        assert_eq!(
            frame.column("amount").unwrap().f64().unwrap().get(0),
            Some(1234.5)
        );

        let mut renamed = HEADER;
        renamed[1] = "amount_usd";
        mock.sql_returns(SQL, rows(renamed));
        let error = query().on(&client).dataframe().unwrap_err();
        assert!(matches!(error, Error::ResultShape { .. }), "{error:?}");
    }
}

/// The same through `civis::query!` itself, on the tables pinned in the repository's `.civis/`
/// (civis-tests-sql's mock warehouse): the macro's columns are the frames' schema. A left join,
/// so that `name`, NOT NULL in its table, is nullable here.
mod from_the_macro {
    use super::*;
    use civis::arrow_array::cast::AsArray;
    use civis::arrow_array::types::{Decimal128Type, Int64Type};
    use civis::arrow_array::Array;
    use civis::arrow_schema::{DataType, Field, Schema};

    const JOINED: &str = "select o.id, o.amount, c.name from sales.orders o left join sales.customers c on c.id = o.customer_id";

    fn warehouse() -> (MockServer, Client) {
        let mock = civis_tests_sql::warehouse().expect("the warehouse");
        let client = Client::builder()
            .api_key("typed-sql-frames-key")
            .base_url(mock.url())
            .clock(civis_tests::FakeClock::default())
            .build()
            .unwrap();
        // The mock's own select runs no joins: the result as Redshift would export it.
        mock.sql_returns(
            JOINED,
            MockRows::new(["id", "amount", "name"])
                .row([Some("1"), Some("12.50"), Some("Ada")])
                .row([Some("2"), Some("7.00"), Some("Grace")])
                .row([Some("3"), None, None]),
        );
        (mock, client)
    }

    #[test]
    fn query_macro_arrow_batches_follow_the_analysis() {
        let (_mock, client) = warehouse();
        let q = civis::query!(
            "redshift-general",
            "select o.id, o.amount, c.name from sales.orders o left join sales.customers c on c.id = o.customer_id"
        );
        assert_eq!(q.sql(), JOINED);
        let batches = q.on(&client).arrow().unwrap();
        let expected = Schema::new(vec![
            Field::new("id", DataType::Int64, false),
            Field::new("amount", DataType::Decimal128(12, 2), true),
            Field::new("name", DataType::Utf8, true),
        ]);
        assert_eq!(*batches.schema(), expected);
        let batches: Vec<_> = batches.collect::<Result<_, _>>().unwrap();
        let batch = &batches[0];
        assert_eq!(
            batch.column(0).as_primitive::<Int64Type>().values(),
            &[1, 2, 3]
        );
        let amount = batch.column(1).as_primitive::<Decimal128Type>();
        assert_eq!(
            (amount.value(0), amount.value(1), amount.is_null(2)),
            (1250, 700, true)
        );
        let name = batch.column(2).as_string::<i32>();
        assert_eq!((name.value(0), name.is_null(2)), ("Ada", true));
    }

    #[test]
    fn query_macro_dataframe_follows_the_analysis() {
        let (_mock, client) = warehouse();
        let q = civis::query!(
            "redshift-general",
            "select o.id, o.amount, c.name from sales.orders o left join sales.customers c on c.id = o.customer_id"
        );
        let frame = q.on(&client).dataframe().unwrap();
        use civis::polars::prelude::DataType as PolarsType;
        assert_eq!(
            frame.dtypes(),
            [PolarsType::Int64, PolarsType::Float64, PolarsType::String]
        );
        assert_eq!(frame.column("name").unwrap().null_count(), 1);
        assert_eq!(
            frame.column("amount").unwrap().f64().unwrap().get(0),
            Some(12.5)
        );
    }
}
