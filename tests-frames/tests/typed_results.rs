//! Typed results against the mock over real HTTP: rows into structs, Arrow record batches and
//! polars DataFrames from typed tables, SQL, multifile unloads and CSV files, and frames
//! imported into tables with declared columns and read back equal.

use std::sync::Arc;

use civis::arrow_array::{
    Array, BooleanArray, Date32Array, Decimal128Array, Float32Array, Float64Array, Int16Array,
    Int32Array, Int64Array, RecordBatch, RecordBatchIterator, StringArray,
    TimestampMicrosecondArray,
};
use civis::arrow_schema::{DataType, Field, Schema, TimeUnit};
use civis::polars::prelude::{
    df, AnyValue, DataType as PlType, Int64Chunked, IntoColumn, IntoSeries, NamedFrom, Series,
    TimeUnit as PlUnit, TimeZone,
};
use civis::tables::{ExistingRows, SqlType};
use civis::{Client, Error};
use civis_mock::{MockRows, MockServer};
use serde::Deserialize;

mod parquet;

const DB: i64 = 32;
const DB_NAME: &str = "redshift-general";

fn setup() -> (MockServer, Client) {
    let mock = MockServer::scripted().expect("a free loopback port");
    mock.database(DB, DB_NAME);
    mock.default_database_credential(4321);
    let client = Client::builder()
        .api_key("typed-results-key")
        .base_url(mock.url())
        .clock(civis_tests::FakeClock::default())
        .build()
        .unwrap();
    (mock, client)
}

/// Every SQL type of the mapping table, one column each, and values of each as Redshift
/// stores them: the edges, a NULL row, and text that CSV writers get wrong.
const COLUMNS: [(&str, &str); 12] = [
    ("small", "SMALLINT"),
    ("medium", "INTEGER"),
    ("large", "BIGINT"),
    ("price", "NUMERIC(12,2)"),
    ("ratio", "REAL"),
    ("score", "DOUBLE PRECISION"),
    ("active", "BOOLEAN"),
    ("day", "DATE"),
    ("at", "TIMESTAMP"),
    ("at_tz", "TIMESTAMPTZ"),
    ("note", "VARCHAR(256)"),
    ("shape", "GEOMETRY"),
];

fn typed_rows() -> MockRows {
    MockRows::new(COLUMNS.iter().map(|(name, _)| *name))
        .row([
            Some("-32768"),
            Some("2147483647"),
            Some("-9223372036854775808"),
            Some("1234567890.5"),
            Some("0.5"),
            Some("-1e300"),
            Some("true"),
            Some("2024-02-29"),
            Some("2024-03-01 12:00:00.000001"),
            Some("2024-03-01 13:30:00+01:30"),
            Some("plain"),
            Some("POINT(1 2)"),
        ])
        .row([None; 12])
        .row([
            Some("7"),
            Some("-1"),
            Some("0"),
            Some("-0.01"),
            Some("NaN"),
            Some("Infinity"),
            Some("f"),
            Some("1969-12-31"),
            Some("1970-01-01T00:00:00"),
            Some("1970-01-01 00:00:00Z"),
            Some("a, \"quoted\"\nnew line\ttab — ünïcødé 🦀"),
            Some("POINT(0 0)"),
        ])
}

fn typed_table(mock: &MockServer) {
    mock.typed_table(DB, "public.every_type", &COLUMNS, typed_rows())
        .expect("values that fit their types");
}

const MICROS_2024_03_01_NOON: i64 = 1_709_294_400_000_000;

#[test]
fn a_table_read_as_arrow_has_the_tables_types_and_values() {
    let (mock, client) = setup();
    typed_table(&mock);
    let (schema, batches) = client
        .select_table("public.every_type", DB_NAME)
        .arrow_all()
        .unwrap();
    let types: Vec<DataType> = schema
        .fields()
        .iter()
        .map(|f| f.data_type().clone())
        .collect();
    assert_eq!(
        types,
        [
            DataType::Int16,
            DataType::Int32,
            DataType::Int64,
            DataType::Decimal128(12, 2),
            DataType::Float32,
            DataType::Float64,
            DataType::Boolean,
            DataType::Date32,
            DataType::Timestamp(TimeUnit::Microsecond, None),
            DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())),
            DataType::Utf8,
            DataType::Utf8,
        ]
    );
    assert_eq!(batches.len(), 1);
    let batch = &batches[0];
    assert_eq!(batch.num_rows(), 3);
    let column = |i: usize| batch.column(i).clone();
    let small = column(0);
    let small = small.as_any().downcast_ref::<Int16Array>().unwrap();
    assert_eq!(
        small.iter().collect::<Vec<_>>(),
        [Some(-32768), None, Some(7)]
    );
    let medium = column(1);
    let medium = medium.as_any().downcast_ref::<Int32Array>().unwrap();
    assert_eq!(
        medium.iter().collect::<Vec<_>>(),
        [Some(i32::MAX), None, Some(-1)]
    );
    let large = column(2);
    let large = large.as_any().downcast_ref::<Int64Array>().unwrap();
    assert_eq!(
        large.iter().collect::<Vec<_>>(),
        [Some(i64::MIN), None, Some(0)]
    );
    let price = column(3);
    let price = price.as_any().downcast_ref::<Decimal128Array>().unwrap();
    assert_eq!(
        price.iter().collect::<Vec<_>>(),
        [Some(123_456_789_050), None, Some(-1)]
    );
    let ratio = column(4);
    let ratio = ratio.as_any().downcast_ref::<Float32Array>().unwrap();
    assert_eq!(ratio.value(0), 0.5);
    assert!(ratio.is_null(1) && ratio.value(2).is_nan());
    let score = column(5);
    let score = score.as_any().downcast_ref::<Float64Array>().unwrap();
    assert_eq!(
        score.iter().collect::<Vec<_>>(),
        [Some(-1e300), None, Some(f64::INFINITY)]
    );
    let active = column(6);
    let active = active.as_any().downcast_ref::<BooleanArray>().unwrap();
    assert_eq!(
        active.iter().collect::<Vec<_>>(),
        [Some(true), None, Some(false)]
    );
    let day = column(7);
    let day = day.as_any().downcast_ref::<Date32Array>().unwrap();
    assert_eq!(
        day.iter().collect::<Vec<_>>(),
        [Some(19_782), None, Some(-1)]
    );
    let at = column(8);
    let at = at
        .as_any()
        .downcast_ref::<TimestampMicrosecondArray>()
        .unwrap();
    assert_eq!(
        at.iter().collect::<Vec<_>>(),
        [Some(MICROS_2024_03_01_NOON + 1), None, Some(0)]
    );
    let at_tz = column(9);
    let at_tz = at_tz
        .as_any()
        .downcast_ref::<TimestampMicrosecondArray>()
        .unwrap();
    assert_eq!(
        at_tz.iter().collect::<Vec<_>>(),
        [Some(MICROS_2024_03_01_NOON), None, Some(0)]
    );
    let note = column(10);
    let note = note.as_any().downcast_ref::<StringArray>().unwrap();
    assert_eq!(
        note.iter().collect::<Vec<_>>(),
        [
            Some("plain"),
            None,
            Some("a, \"quoted\"\nnew line\ttab — ünïcødé 🦀")
        ]
    );
    let shape = column(11);
    let shape = shape.as_any().downcast_ref::<StringArray>().unwrap();
    assert_eq!(shape.value(0), "POINT(1 2)", "an unknown SQL type is text");
}

#[test]
fn arrow_batches_stream_in_the_size_asked_for() {
    let (mock, client) = setup();
    let mut rows = MockRows::new(["n", "label"]);
    for i in 0..2_500 {
        rows.rows.push(vec![
            Some(i.to_string()),
            (i % 3 != 0).then(|| format!("v{i}")),
        ]);
    }
    mock.table(DB, "public.counts", rows);
    let batches = client
        .select_table("public.counts", DB)
        .batch_size(1_000)
        .arrow()
        .unwrap();
    let sizes: Vec<usize> = batches.map(|b| b.unwrap().num_rows()).collect();
    assert_eq!(sizes, [1_000, 1_000, 500]);
}

#[test]
fn sql_of_no_table_has_its_types_inferred_or_given() {
    let (mock, client) = setup();
    let sql = "select n, n * 1.5 as x, n > 1 as big, 'z' || n as name from generate_series(1, 3) n";
    mock.sql_returns(
        sql,
        MockRows::new(["n", "x", "big", "name"])
            .row([Some("1"), Some("1.5"), Some("false"), Some("z1")])
            .row([Some("2"), Some("3"), Some("true"), None])
            .row([Some("3"), None, Some("true"), Some("z3")]),
    );
    let (schema, _) = client.sql(sql, DB).arrow_all().unwrap();
    let types: Vec<&DataType> = schema.fields().iter().map(|f| f.data_type()).collect();
    assert_eq!(
        types,
        [
            &DataType::Int64,
            &DataType::Float64,
            &DataType::Boolean,
            &DataType::Utf8
        ]
    );

    let (schema, batches) = client
        .sql(sql, DB)
        .all_text()
        .column_type("n", SqlType::SmallInt)
        .arrow_all()
        .unwrap();
    let types: Vec<&DataType> = schema.fields().iter().map(|f| f.data_type()).collect();
    assert_eq!(
        types,
        [
            &DataType::Int16,
            &DataType::Utf8,
            &DataType::Utf8,
            &DataType::Utf8
        ]
    );
    let x = batches[0]
        .column(1)
        .as_any()
        .downcast_ref::<StringArray>()
        .unwrap()
        .clone();
    assert_eq!(x.iter().collect::<Vec<_>>(), [Some("1.5"), Some("3"), None]);
}

/// `select id, amount from staged` returns 40 rows whose 37th amount is `12,5`, which is not a
/// number; the SQL is returned.
fn staged_with_a_bad_row_37(mock: &MockServer) -> &'static str {
    let sql = "select id, amount from staged";
    let mut rows = MockRows::new(["id", "amount"]);
    for i in 1..=40 {
        let amount = if i == 37 {
            "12,5".to_string()
        } else {
            format!("{i}.25")
        };
        rows.rows.push(vec![Some(i.to_string()), Some(amount)]);
    }
    mock.sql_returns(sql, rows);
    sql
}

#[test]
fn a_value_that_does_not_fit_names_its_row_column_and_text() {
    let (mock, client) = setup();
    let sql = staged_with_a_bad_row_37(&mock);
    let error = client
        .sql(sql, DB)
        .column_type("amount", SqlType::Double)
        .arrow_all()
        .unwrap_err();
    assert_names_row_37(&error);
    assert!(
        error.to_string().contains("row 37, column \"amount\""),
        "{error}"
    );

    let error = client
        .sql(sql, DB)
        .column_type("amount", SqlType::Double)
        .dataframe()
        .unwrap_err();
    assert_names_row_37(&error);
}

/// `error` is the value error of row 37's `12,5` in column `amount`.
fn assert_names_row_37(error: &Error) {
    let Error::Value {
        row, column, text, ..
    } = error
    else {
        panic!("not a value error: {error}");
    };
    assert_eq!(
        (*row, column.as_str(), text.as_str()),
        (37, "amount", "12,5")
    );
}

#[derive(Debug, PartialEq, Deserialize)]
struct Typed {
    large: Option<i64>,
    #[serde(rename = "score")]
    points: Option<f64>,
    active: Option<bool>,
    note: Option<String>,
}

#[test]
fn rows_as_reads_structs_by_column_name_with_options_and_renames() {
    let (mock, client) = setup();
    typed_table(&mock);
    let rows: Vec<Typed> = client
        .select_table("public.every_type", DB)
        .rows_as::<Typed>()
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        rows,
        [
            Typed {
                large: Some(i64::MIN),
                points: Some(-1e300),
                active: Some(true),
                note: Some("plain".into()),
            },
            Typed {
                large: None,
                points: None,
                active: None,
                note: None,
            },
            Typed {
                large: Some(0),
                points: Some(f64::INFINITY),
                active: Some(false),
                note: Some("a, \"quoted\"\nnew line\ttab — ünïcødé 🦀".into()),
            },
        ]
    );

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Wrong {
        note: i64,
    }
    let results: Vec<Result<Wrong, Error>> = client
        .select_table("public.every_type", DB)
        .rows_as::<Wrong>()
        .unwrap()
        .collect();
    let Err(Error::Value {
        row, column, text, ..
    }) = &results[0]
    else {
        panic!("{results:?}");
    };
    assert_eq!((*row, column.as_str(), text.as_str()), (1, "note", "plain"));
}

#[test]
fn a_multifile_unload_reads_in_order_as_rows_batches_and_one_frame() {
    let (mock, client) = setup();
    let mut rows = MockRows::new(["id", "text"]);
    for i in 0..3_000 {
        rows.rows.push(vec![
            Some(i.to_string()),
            Some(format!("row {i},\n\"{i}\"")),
        ]);
    }
    mock.table(DB, "public.big", rows);
    let manifest = client
        .sql("select * from public.big", DB)
        .compression(civis::sql::Compression::Gzip)
        .unload()
        .unwrap();
    assert!(manifest.entries.len() > 1, "the mock writes parts");

    let records: Vec<_> = client
        .read_unload(&manifest)
        .rows()
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(records.len(), 3_001);
    assert_eq!(&records[0], vec!["id", "text"]);
    assert_eq!(&records[3_000], vec!["2999", "row 2999,\n\"2999\""]);

    let (_, batches) = client
        .read_unload(&manifest)
        .batch_size(700)
        .arrow_all()
        .unwrap();
    let ids: Vec<i64> = batches
        .iter()
        .flat_map(|b| {
            let ids = b
                .column(0)
                .as_any()
                .downcast_ref::<Int64Array>()
                .unwrap()
                .clone();
            ids.iter().flatten().collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(ids, (0..3_000).collect::<Vec<i64>>());

    let frame = client.read_unload(&manifest).dataframe().unwrap();
    assert_eq!(frame.height(), 3_000);
    let ids: Vec<Option<i64>> = frame.column("id").unwrap().i64().unwrap().iter().collect();
    assert_eq!(ids, (0..3_000).map(Some).collect::<Vec<_>>());
    assert_eq!(
        frame.column("text").unwrap().str().unwrap().get(1234),
        Some("row 1234,\n\"1234\"")
    );
}

#[test]
fn a_table_read_as_a_dataframe_has_the_tables_types_and_values() {
    let (mock, client) = setup();
    typed_table(&mock);
    let frame = client
        .select_table("public.every_type", DB_NAME)
        .dataframe()
        .unwrap();
    let types: Vec<PlType> = frame.dtypes();
    assert_eq!(
        types,
        [
            PlType::Int32,
            PlType::Int32,
            PlType::Int64,
            PlType::Float64,
            PlType::Float32,
            PlType::Float64,
            PlType::Boolean,
            PlType::Date,
            PlType::Datetime(PlUnit::Microseconds, None),
            PlType::Datetime(PlUnit::Microseconds, Some(TimeZone::UTC)),
            PlType::String,
            PlType::String,
        ]
    );
    let row = |i: usize| frame.get_row(i).unwrap().0;
    let first = row(0);
    assert_eq!(first[0], AnyValue::Int32(-32768));
    assert_eq!(first[3], AnyValue::Float64(1_234_567_890.5));
    assert_eq!(first[6], AnyValue::Boolean(true));
    assert_eq!(first[10], AnyValue::String("plain"));
    assert!(
        row(1).iter().all(|v| matches!(v, AnyValue::Null)),
        "{:?}",
        row(1)
    );
    let active: Vec<Option<bool>> = frame
        .column("active")
        .unwrap()
        .bool()
        .unwrap()
        .iter()
        .collect();
    assert_eq!(active, [Some(true), None, Some(false)]);
    let days: Vec<Option<i32>> = frame
        .column("day")
        .unwrap()
        .date()
        .unwrap()
        .physical()
        .iter()
        .collect();
    assert_eq!(days, [Some(19_782), None, Some(-1)]);
    let zoned: Vec<Option<i64>> = frame
        .column("at_tz")
        .unwrap()
        .datetime()
        .unwrap()
        .physical()
        .iter()
        .collect();
    assert_eq!(zoned, [Some(MICROS_2024_03_01_NOON), None, Some(0)]);
    assert_eq!(
        frame.column("note").unwrap().str().unwrap().get(2),
        Some("a, \"quoted\"\nnew line\ttab — ünïcødé 🦀")
    );
}

/// A batch of every type the import declares, NULLs and tricky text included.
fn batch_of_every_type() -> RecordBatch {
    let schema = Arc::new(Schema::new(vec![
        Field::new("small", DataType::Int16, true),
        Field::new("medium", DataType::Int32, true),
        Field::new("large", DataType::Int64, true),
        Field::new("price", DataType::Decimal128(10, 3), true),
        Field::new("ratio", DataType::Float32, true),
        Field::new("score", DataType::Float64, true),
        Field::new("active", DataType::Boolean, true),
        Field::new("day", DataType::Date32, true),
        Field::new("at", DataType::Timestamp(TimeUnit::Microsecond, None), true),
        Field::new(
            "at_tz",
            DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())),
            true,
        ),
        Field::new("note", DataType::Utf8, true),
    ]));
    let columns: Vec<Arc<dyn Array>> = vec![
        Arc::new(Int16Array::from(vec![Some(1), None, Some(-3)])),
        Arc::new(Int32Array::from(vec![Some(100_000), Some(0), None])),
        Arc::new(Int64Array::from(vec![None, Some(i64::MAX), Some(-1)])),
        Arc::new(
            Decimal128Array::from(vec![Some(1_500), Some(-1), None])
                .with_precision_and_scale(10, 3)
                .unwrap(),
        ),
        Arc::new(Float32Array::from(vec![Some(0.25), None, Some(-2.5)])),
        Arc::new(Float64Array::from(vec![Some(0.1), Some(1e-300), None])),
        Arc::new(BooleanArray::from(vec![Some(true), Some(false), None])),
        Arc::new(Date32Array::from(vec![Some(0), None, Some(19_782)])),
        Arc::new(TimestampMicrosecondArray::from(vec![
            Some(MICROS_2024_03_01_NOON + 500_000),
            None,
            Some(-1),
        ])),
        Arc::new(
            TimestampMicrosecondArray::from(vec![None, Some(MICROS_2024_03_01_NOON), Some(1)])
                .with_timezone("UTC"),
        ),
        Arc::new(StringArray::from(vec![
            Some("comma, \"quote\""),
            None,
            Some("line\nbreak\ttab ✓"),
        ])),
    ];
    RecordBatch::try_new(schema, columns).unwrap()
}

#[test]
fn arrow_batches_imported_create_a_typed_table_that_reads_back_equal() {
    let (mock, client) = setup();
    let batch = batch_of_every_type();
    let reader = RecordBatchIterator::new(vec![Ok(batch.clone())], batch.schema());
    client
        .import_batches(reader, DB, "scratch.every_type")
        .send()
        .unwrap()
        .wait()
        .unwrap();
    let declared: Vec<(String, String)> = client
        .table_columns("scratch.every_type", DB)
        .unwrap()
        .into_iter()
        .map(|c| (c.name, c.sql_type))
        .collect();
    let expected = [
        ("small", "SMALLINT"),
        ("medium", "INTEGER"),
        ("large", "BIGINT"),
        ("price", "NUMERIC(10,3)"),
        ("ratio", "REAL"),
        ("score", "DOUBLE PRECISION"),
        ("active", "BOOLEAN"),
        ("day", "DATE"),
        ("at", "TIMESTAMP"),
        ("at_tz", "TIMESTAMPTZ"),
        ("note", "VARCHAR(18)"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    assert_eq!(declared, expected);

    let (schema, batches) = client
        .select_table("scratch.every_type", DB)
        .arrow_all()
        .unwrap();
    assert_eq!(schema, batch.schema());
    assert_eq!(batches, [batch]);

    // No preprocess job: the columns were declared, so nothing was detected.
    let paths: Vec<String> = mock.requests().into_iter().map(|r| r.url).collect();
    assert!(
        !paths.iter().any(|p| p.contains("preprocess")),
        "{paths:#?}"
    );
    let import = mock
        .requests()
        .into_iter()
        .find(|r| r.url == "/imports/files/csv")
        .and_then(|r| r.json())
        .unwrap();
    assert_eq!(import["compression"], "gzip");
    assert_eq!(import["first_row_is_header"], true);
}

#[test]
fn a_dataframe_imported_creates_a_typed_table_that_reads_back_equal() {
    let (_mock, client) = setup();
    let frame = df!(
        "id" => [Some(1i64), Some(2), None],
        "small" => [Some(1i32), None, Some(-7)],
        "score" => [Some(0.5f64), None, Some(-1e10)],
        "active" => [Some(true), Some(false), None],
        "name" => [Some("a, \"b\""), None, Some("ç\nd\te")],
    )
    .unwrap();
    let days = Series::new("day".into(), [Some(19_782i32), None, Some(-1)])
        .cast(&PlType::Date)
        .unwrap();
    let at = Series::new(
        "at".into(),
        [Some(MICROS_2024_03_01_NOON + 123_456), Some(0), None],
    )
    .cast(&PlType::Datetime(PlUnit::Microseconds, None))
    .unwrap();
    let at_tz: Int64Chunked = [None, Some(MICROS_2024_03_01_NOON), Some(-5)]
        .into_iter()
        .collect();
    let at_tz = at_tz
        .with_name("at_tz".into())
        .into_datetime(PlUnit::Microseconds, Some(TimeZone::UTC))
        .into_series();
    let mut frame = frame;
    frame.with_column(days.into_column()).unwrap();
    frame.with_column(at.into_column()).unwrap();
    frame.with_column(at_tz.into_column()).unwrap();

    client
        .import_dataframe(&frame, DB, "scratch.frame")
        .existing_rows(ExistingRows::Drop)
        .send()
        .unwrap()
        .wait()
        .unwrap();
    let declared: Vec<String> = client
        .table_columns("scratch.frame", DB)
        .unwrap()
        .into_iter()
        .map(|c| c.sql_type)
        .collect();
    assert_eq!(
        declared,
        [
            "BIGINT",
            "INTEGER",
            "DOUBLE PRECISION",
            "BOOLEAN",
            "VARCHAR(6)",
            "DATE",
            "TIMESTAMP",
            "TIMESTAMPTZ"
        ]
    );
    let back = client
        .select_table("scratch.frame", DB)
        .dataframe()
        .unwrap();
    assert_eq!(back.dtypes(), frame.dtypes());
    assert!(back.equals_missing(&frame), "{back}\n{frame}");
}

#[test]
fn a_csv_file_in_civis_reads_as_typed_results_with_given_types() {
    let (_mock, client) = setup();
    let file = client
        .upload_bytes(
            b"zip|count|flag\n02134|3|t\n|4|f\n90210||\n".to_vec(),
            "zips.csv",
        )
        .send()
        .unwrap();
    let frame = client
        .read_csv_file(file)
        .delimiter('|')
        .column_type("zip", SqlType::Text)
        .column_type("flag", SqlType::Boolean)
        .dataframe()
        .unwrap();
    let zips: Vec<Option<&str>> = frame.column("zip").unwrap().str().unwrap().iter().collect();
    assert_eq!(zips, [Some("02134"), None, Some("90210")]);
    assert_eq!(frame.column("count").unwrap().dtype(), &PlType::Int64);
    let flags: Vec<Option<bool>> = frame
        .column("flag")
        .unwrap()
        .bool()
        .unwrap()
        .iter()
        .collect();
    assert_eq!(flags, [Some(true), Some(false), None]);

    let (schema, _) = client
        .read_csv_file(file)
        .delimiter('|')
        .column_type("zip", SqlType::Text)
        .arrow_all()
        .unwrap();
    assert_eq!(schema.field(0).data_type(), &DataType::Utf8);
    assert_eq!(schema.field(1).data_type(), &DataType::Int64);
    assert_eq!(
        schema.field(2).data_type(),
        &DataType::Utf8,
        "t/f is not inferred as boolean, as polars does not"
    );
}

/// A file in forms the Arrow decoder's in-place splitter leaves to the csv crate (Windows line
/// ends, a quote inside an unquoted field, text after a closing quote) reads as the same
/// batches as the plain file of the same values.
#[test]
fn batches_of_a_file_in_unusual_csv_forms_equal_those_of_the_plain_file() {
    let (_mock, client) = setup();
    let plain = "size,label\n5,\"5 in\"\"\"\n7,big\n";
    let unusual = "size,label\r\n5,5 in\"\r\n7,\"b\"ig\r\n";
    let batches = |text: &str, name: &str| {
        let file = client
            .upload_bytes(text.as_bytes().to_vec(), name)
            .send()
            .unwrap();
        client.read_csv_file(file).arrow_all().unwrap().1
    };
    let plain = batches(plain, "plain.csv");
    let unusual = batches(unusual, "unusual.csv");
    assert_eq!(unusual, plain);
    let labels = plain[0]
        .column(1)
        .as_any()
        .downcast_ref::<StringArray>()
        .unwrap();
    assert_eq!((labels.value(0), labels.value(1)), ("5 in\"", "big"));
}

#[test]
fn frames_written_to_civis_files_read_back_equal() {
    let (_mock, client) = setup();
    let frame = df!(
        "id" => [Some(1i64), None, Some(3)],
        "score" => [Some(0.25f64), Some(-4.0), None],
        "active" => [Some(true), None, Some(false)],
        "name" => [Some("x, \"y\""), Some("multi\nline"), None],
    )
    .unwrap();
    let file = client.upload_dataframe(&frame, "frame.csv").unwrap();
    let back = client.read_csv_file(file).dataframe().unwrap();
    assert!(back.equals_missing(&frame), "{back}\n{frame}");

    let batch = batch_of_every_type();
    let reader = RecordBatchIterator::new(vec![Ok(batch.clone())], batch.schema());
    let file = client.upload_batches(reader, "batch.csv").unwrap();
    let mut read = client.read_csv_file(file);
    for (field, (_, sql_type)) in batch
        .schema()
        .fields()
        .iter()
        .zip(COLUMNS.iter().filter(|(name, _)| *name != "shape"))
    {
        read = read.column_type(field.name(), SqlType::parse(sql_type));
    }
    // Given the types, the file reads back as the batch (the decimal's scale aside).
    let (_, batches) = read
        .column_type(
            "price",
            SqlType::Numeric {
                precision: 10,
                scale: 3,
            },
        )
        .arrow_all()
        .unwrap();
    assert_eq!(batches, [batch]);
}

/// A result several decoding chunks long (the frame's chunks are 4 MiB of text, the batches'
/// the batch size), with quoted delimiters, escaped quotes and line breaks inside quotes on
/// every chunk's edge: the frame and the batches hold every row in order, equal to the rows
/// read one by one, and a value that does not fit in a late chunk names its own row.
#[test]
fn a_result_of_many_chunks_decodes_in_order_and_names_a_late_rows_number() {
    let (mock, client) = setup();
    let sql = "select id, name, amount from many";
    let bad_sql = "select id, name, amount from many_bad";
    let count: usize = 50_000;
    let row = |i: usize| {
        let name = match i % 4 {
            0 => format!("n{i}, \"quoted\""),
            1 => format!("two\nlines {i}"),
            2 => "x".repeat(400),
            _ => String::new(),
        };
        vec![
            Some(i.to_string()),
            Some(name),
            Some(format!("{}.5", i % 1000)),
        ]
    };
    let mut rows = MockRows::new(["id", "name", "amount"]);
    rows.rows = (0..count).map(row).collect();
    // More than one of the frame's chunks.
    let text: usize = rows
        .rows
        .iter()
        .flatten()
        .flatten()
        .map(|f| f.len() + 3)
        .sum();
    assert!(text > 5 << 20, "{text} bytes");
    let mut bad = rows.clone();
    bad.rows[count - 3][2] = Some("12,5".to_string());
    mock.sql_returns(sql, rows);
    mock.sql_returns(bad_sql, bad);

    let expected: Vec<Vec<String>> = client
        .sql(sql, DB)
        .rows()
        .unwrap()
        .skip(1)
        .map(|record| record.unwrap().iter().map(str::to_string).collect())
        .collect();
    assert_eq!(expected.len(), count);

    let frame = client
        .sql(sql, DB)
        .column_type("name", SqlType::Text)
        .dataframe()
        .unwrap();
    assert_eq!(frame.height(), count);
    let ids = frame.column("id").unwrap().i64().unwrap();
    let names = frame.column("name").unwrap().str().unwrap();
    for (i, want) in expected.iter().enumerate() {
        assert_eq!(ids.get(i), Some(i as i64), "row {}", i + 1);
        assert_eq!(names.get(i).unwrap_or(""), want[1], "row {}", i + 1);
    }

    let batches = client
        .sql(sql, DB)
        .batch_size(20_000)
        .arrow_all()
        .unwrap()
        .1;
    assert_eq!(
        batches
            .iter()
            .map(RecordBatch::num_rows)
            .collect::<Vec<_>>(),
        [20_000, 20_000, 10_000]
    );
    let mut i = 0;
    for batch in &batches {
        let ids = batch
            .column(0)
            .as_any()
            .downcast_ref::<Int64Array>()
            .unwrap();
        let names = batch
            .column(1)
            .as_any()
            .downcast_ref::<StringArray>()
            .unwrap();
        for offset in 0..batch.num_rows() {
            assert_eq!(ids.value(offset), i as i64);
            let name = if names.is_null(offset) {
                ""
            } else {
                names.value(offset)
            };
            assert_eq!(name, expected[i][1], "row {}", i + 1);
            i += 1;
        }
    }

    let late_row = (count - 2) as u64;
    for error in [
        client
            .sql(bad_sql, DB)
            .column_type("amount", SqlType::Double)
            .dataframe()
            .unwrap_err(),
        client
            .sql(bad_sql, DB)
            .column_type("amount", SqlType::Double)
            .batch_size(20_000)
            .arrow_all()
            .unwrap_err(),
    ] {
        let Error::Value {
            row, column, text, ..
        } = &error
        else {
            panic!("not a value error: {error}");
        };
        assert_eq!(
            (*row, column.as_str(), text.as_str()),
            (late_row, "amount", "12,5")
        );
    }
}
