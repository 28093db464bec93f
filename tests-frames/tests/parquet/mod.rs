//! Typed results written as Parquet (feature `parquet`), read back with the `parquet` crate's
//! own reader: the types of the table or the SQL kept, row group by row group, and nothing under
//! the final name when the read fails halfway.

use std::fs::File;
use std::path::PathBuf;

use civis::arrow_array::RecordBatch;
use civis::frames::ParquetCompression;
use civis::tables::SqlType;
use civis_mock::MockRows;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::basic::{Compression, LogicalType};

use super::{setup, typed_table, DB, DB_NAME};

/// An empty directory of this test's own.
fn directory(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("civis-parquet-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The file's batches, as its own reader reads them, and its metadata.
fn read_back(path: &PathBuf) -> (Vec<RecordBatch>, parquet::file::metadata::ParquetMetaData) {
    let builder = ParquetRecordBatchReaderBuilder::try_new(File::open(path).unwrap()).unwrap();
    let metadata = builder.metadata().as_ref().clone();
    let batches = builder
        .build()
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    (batches, metadata)
}

#[test]
fn a_table_written_as_parquet_reads_back_with_the_tables_types_and_values() {
    let (mock, client) = setup();
    typed_table(&mock);
    let dir = directory("table");
    let path = dir.join("every_type.parquet");
    let written = client
        .select_table("public.every_type", DB_NAME)
        .to_parquet(&path)
        .unwrap();
    assert_eq!((written.rows, &written.path), (3, &path));

    let (schema, expected) = client
        .select_table("public.every_type", DB_NAME)
        .arrow_all()
        .unwrap();
    let (batches, metadata) = read_back(&path);
    // Decimals, dates, timestamps (with UTC for timestamptz), booleans and nulls, as Arrow had
    // them: the reader rebuilds the same columns.
    assert_eq!(batches.len(), 1);
    assert_eq!(batches[0].schema().fields(), schema.fields());
    assert_eq!(batches[0].columns(), expected[0].columns());
    assert_eq!(batches[0].column(0).null_count(), 1, "the NULL row");

    // And as Parquet's own types, for readers that do not read the Arrow schema.
    let columns = metadata.file_metadata().schema_descr();
    let logical = |i: usize| columns.column(i).logical_type_ref().cloned();
    assert!(
        matches!(logical(3), Some(LogicalType::Decimal(d)) if (d.precision, d.scale) == (12, 2)),
        "{:?}",
        logical(3)
    );
    assert_eq!(logical(7), Some(LogicalType::Date));
    let adjusted_to_utc = |i: usize| match logical(i) {
        Some(LogicalType::Timestamp(t)) => Some(t.is_adjusted_to_u_t_c),
        _ => None,
    };
    assert_eq!(
        (adjusted_to_utc(8), adjusted_to_utc(9)),
        (Some(false), Some(true))
    );
    assert_eq!(
        metadata.row_group(0).column(0).compression(),
        Compression::ZSTD(Default::default()),
        "zstd by default"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_unload_and_a_csv_file_write_parquet_in_the_codec_asked_for() {
    let (mock, client) = setup();
    let mut rows = MockRows::new(["id", "amount"]);
    for i in 0..2_000 {
        rows.rows.push(vec![
            Some(i.to_string()),
            (i % 7 != 0).then(|| format!("{i}.5")),
        ]);
    }
    mock.table(DB, "public.big", rows);
    let manifest = client.sql("select * from public.big", DB).unload().unwrap();
    assert!(manifest.entries.len() > 1, "the mock writes parts");
    let dir = directory("unload");
    let path = dir.join("big.parquet");
    let written = client
        .read_unload(&manifest)
        .batch_size(300)
        .column_type(
            "amount",
            SqlType::Numeric {
                precision: 8,
                scale: 1,
            },
        )
        .parquet_compression(ParquetCompression::Snappy)
        .to_parquet(&path)
        .unwrap();
    assert_eq!(written.rows, 2_000);
    let (batches, metadata) = read_back(&path);
    assert_eq!(metadata.file_metadata().num_rows(), 2_000);
    assert_eq!(
        metadata.row_group(0).column(1).compression(),
        Compression::SNAPPY
    );
    let amounts: Vec<Option<i128>> = batches
        .iter()
        .flat_map(|b| {
            use civis::arrow_array::cast::AsArray;
            let column = b
                .column(1)
                .as_primitive::<civis::arrow_array::types::Decimal128Type>();
            column.iter().collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(amounts[1], Some(15));
    assert_eq!(amounts[0], None);
    assert_eq!(amounts.len(), 2_000);

    let file = client
        .upload_bytes(b"day,ok\n2024-02-29,true\n,\n".to_vec(), "days.csv")
        .send()
        .unwrap();
    let path = dir.join("days.parquet");
    client
        .read_csv_file(file)
        .column_type("day", SqlType::Date)
        .parquet_compression(ParquetCompression::None)
        .to_parquet(&path)
        .unwrap();
    let (batches, metadata) = read_back(&path);
    assert_eq!(
        metadata.row_group(0).column(0).compression(),
        Compression::UNCOMPRESSED
    );
    assert_eq!(batches[0].num_rows(), 2);
    assert_eq!(
        batches[0].schema().field(1).data_type(),
        &civis::arrow_schema::DataType::Boolean
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_read_that_fails_halfway_leaves_the_target_as_it_was_and_no_partial_file() {
    let (mock, client) = setup();
    let sql = super::staged_with_a_bad_row_37(&mock);
    let dir = directory("halfway");
    let path = dir.join("staged.parquet");
    std::fs::write(&path, "an older file").unwrap();
    let error = client
        .sql(sql, DB)
        .column_type("amount", SqlType::Double)
        .batch_size(10)
        .to_parquet(&path)
        .unwrap_err();
    assert!(
        matches!(error, civis::Error::Value { row: 37, .. }),
        "{error}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "an older file");
    let names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["staged.parquet"], "no temporary file is left");
    std::fs::remove_dir_all(&dir).unwrap();
}
