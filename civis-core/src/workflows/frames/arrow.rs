//! Arrow record batches out of CSV in Civis, and into tables (feature `arrow`).

use std::fmt;
use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Decimal128Builder, Float32Builder, Float64Builder, Int16Builder,
    Int32Builder, Int64Builder, StringBuilder, TimestampMicrosecondBuilder,
};
use arrow_array::{Array, ArrayRef, RecordBatch, RecordBatchReader};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef, TimeUnit};

use crate::data::error::Error;
use crate::data::names::NameOrId;
use crate::data::sql_types::{
    parse_bool, parse_date, parse_decimal, parse_double, parse_real, parse_timestamp,
    parse_timestamptz, SqlType,
};
use crate::transport::client::Client;
use crate::workflows::csv::chunks::{self, Chunk, Cutting, InOrder};
use crate::workflows::csv::fields::{split_records, Split};
use crate::workflows::csv::{header_mismatch, infer, CsvFiles, Header, INFER_ROWS};
use crate::workflows::sql::SqlBuilder;
use crate::workflows::tables::frame_import::{
    check_text_length, write_record, FrameSource, GzipChunks,
};
use crate::workflows::tables::{ImportBuilder, TableColumn};

/// The Arrow type of a column of SQL type `sql_type`: see the table of
/// [`SqlType`](crate::tables::SqlType).
///
/// ```
/// # extern crate civis_core as civis;
/// use arrow_schema::DataType;
/// use civis::tables::SqlType;
/// assert_eq!(civis::frames::arrow_type(SqlType::Numeric { precision: 12, scale: 2 }), DataType::Decimal128(12, 2));
/// assert_eq!(civis::frames::arrow_type(SqlType::Text), DataType::Utf8);
/// ```
pub fn arrow_type(sql_type: SqlType) -> DataType {
    match sql_type {
        SqlType::SmallInt => DataType::Int16,
        SqlType::Integer => DataType::Int32,
        SqlType::BigInt => DataType::Int64,
        SqlType::Numeric { precision, scale } => DataType::Decimal128(precision, scale as i8),
        SqlType::Real => DataType::Float32,
        SqlType::Double => DataType::Float64,
        SqlType::Boolean => DataType::Boolean,
        SqlType::Date => DataType::Date32,
        SqlType::Timestamp => DataType::Timestamp(TimeUnit::Microsecond, None),
        SqlType::TimestampTz => DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())),
        SqlType::Text => DataType::Utf8,
    }
}

/// The SQL type a column of Arrow type `data_type` is declared as in an import, or `None` when
/// Redshift has none for it (lists, structs, binary...). Unsigned integers take the next wider
/// signed type; timestamps of any unit are written to the microsecond, Redshift's precision.
///
/// ```
/// # extern crate civis_core as civis;
/// use arrow_schema::{DataType, TimeUnit};
/// use civis::tables::SqlType;
/// assert_eq!(civis::frames::sql_type_of(&DataType::UInt32), Some(SqlType::BigInt));
/// assert_eq!(civis::frames::sql_type_of(&DataType::Timestamp(TimeUnit::Nanosecond, Some("+02:00".into()))), Some(SqlType::TimestampTz));
/// assert_eq!(civis::frames::sql_type_of(&DataType::Binary), None);
/// ```
pub fn sql_type_of(data_type: &DataType) -> Option<SqlType> {
    Some(match data_type {
        DataType::Int8 | DataType::Int16 | DataType::UInt8 => SqlType::SmallInt,
        DataType::Int32 | DataType::UInt16 => SqlType::Integer,
        DataType::Int64 | DataType::UInt32 => SqlType::BigInt,
        DataType::UInt64 => SqlType::Numeric {
            precision: 20,
            scale: 0,
        },
        DataType::Float16 | DataType::Float32 => SqlType::Real,
        DataType::Float64 => SqlType::Double,
        DataType::Boolean => SqlType::Boolean,
        DataType::Decimal128(precision, scale) if *precision <= 38 && *scale >= 0 => {
            SqlType::Numeric {
                precision: *precision,
                scale: *scale as u8,
            }
        }
        DataType::Date32 | DataType::Date64 => SqlType::Date,
        DataType::Timestamp(_, None) => SqlType::Timestamp,
        DataType::Timestamp(_, Some(_)) => SqlType::TimestampTz,
        DataType::Utf8 | DataType::LargeUtf8 => SqlType::Text,
        _ => return None,
    })
}

/// Arrow record batches of a CSV result, streamed: what `arrow()` returns on
/// [`SqlBuilder`](crate::sql::SqlBuilder) and [`CsvFiles`]. Each batch holds the batch size's
/// rows (fewer in the last, and in one whose rows hold more than 64 MiB of text). The batches
/// are decoded in parallel, one per core, while a thread downloads, inflates and cuts the text
/// at record boundaries; they come in order. Memory holds the batches being decoded and their
/// text (one per core, one being cut and one waiting), whatever the result's size. Every
/// column is nullable (an empty field is a null). After an error the iterator ends; dropping
/// it stops the threads.
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// # let client = civis::Client::new()?;
/// let batches = client.select_table("sales.orders", 32).batch_size(10_000).arrow()?;
/// println!("{}", batches.schema());
/// let mut rows = 0;
/// for batch in batches {
///     rows += batch?.num_rows();
/// }
/// # Ok(()) }
/// ```
pub struct RecordBatches {
    schema: SchemaRef,
    batches: InOrder<RecordBatch>,
    source: String,
    over: bool,
}

impl fmt::Debug for RecordBatches {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RecordBatches")
            .field("schema", &self.schema)
            .field("source", &self.source)
            .finish_non_exhaustive()
    }
}

/// The most inflated text one batch is decoded from, whatever the batch size: batches of
/// long records hold fewer rows.
const BATCH_CHUNK_BYTES: usize = 64 << 20;

impl RecordBatches {
    /// The batches' schema.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let batches = client.sql("select 1 as one", 32).arrow()?;
    /// assert_eq!(batches.schema().field(0).name(), "one");
    /// # Ok(()) }
    /// ```
    pub fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }

    fn new(files: CsvFiles<'_>) -> Result<Self, Error> {
        let source = files.shown();
        let delimiter = files.delimiter_byte()?;
        let header = matches!(files.header, Header::InFile);
        let given = match &files.header {
            Header::InFile => None,
            Header::Given(names) => Some(names.clone().unwrap_or_default()),
        };
        let cutting = Cutting {
            rows: files.options.batch_size,
            bytes: BATCH_CHUNK_BYTES,
            max_record: files.options.max_record,
            header,
            delimiter,
        };
        let mut chunks = chunks::cut(files.open()?, cutting, files.first_file());
        let first = chunks.next().transpose()?;
        let first_data: &[u8] = first.as_ref().map_or(&[], Chunk::data);
        // The leading records, to count the columns of a text without names and to infer the
        // types not given.
        let mut leading = Vec::new();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(first_data);
        for record in reader.records().take(INFER_ROWS) {
            leading.push(record.map_err(|e| decode_failure(&source, e))?);
        }
        #[cfg_attr(not(feature = "typed-sql"), allow(unused_mut))]
        let mut names: Vec<String> = match given {
            Some(names) if !names.is_empty() => names,
            Some(_) => {
                let width = leading.first().map_or(0, csv::StringRecord::len);
                (1..=width).map(|i| format!("column_{i}")).collect()
            }
            None => {
                let header = first.as_ref().map_or(&[][..], Chunk::header);
                csv::ReaderBuilder::new()
                    .has_headers(false)
                    .delimiter(delimiter)
                    .from_reader(header)
                    .records()
                    .next()
                    .transpose()
                    .map_err(|e| decode_failure(&source, e))?
                    .map(|record| record.iter().map(str::to_string).collect())
                    .unwrap_or_default()
            }
        };
        #[cfg_attr(not(feature = "typed-sql"), allow(unused_mut))]
        let mut nullable = vec![true; names.len()];
        // A typed query's columns are checked before any value is read, and name the fields.
        #[cfg(feature = "typed-sql")]
        if let Some(shape) = &files.options.shape {
            shape.check(&names)?;
            names.clone_from(&shape.names);
            nullable.clone_from(&shape.nullable);
        }
        let resolved = files.options.resolve(&names, files.table.as_deref());
        let types: Vec<SqlType> = resolved
            .iter()
            .enumerate()
            .map(|(i, given)| {
                given.unwrap_or_else(|| infer(leading.iter().filter_map(|r| r.get(i))))
            })
            .collect();
        let fields: Vec<Field> = names
            .iter()
            .zip(&types)
            .zip(&nullable)
            .map(|((name, t), nullable)| Field::new(name, arrow_type(*t), *nullable))
            .collect();
        let schema = Arc::new(Schema::new(fields));
        let decoder = Decoder {
            schema: schema.clone(),
            types,
            names,
            nullable,
            delimiter,
            source: source.clone(),
        };
        let workers = chunks::workers();
        let batches = chunks::in_order(
            first.map(Ok).into_iter().chain(chunks),
            workers,
            workers,
            source.clone(),
            move |chunk| decoder.batch(&chunk),
        );
        Ok(Self {
            schema,
            batches,
            source,
            over: false,
        })
    }
}

/// What decodes a chunk of records into a batch: the columns' names, types and nullability.
struct Decoder {
    schema: SchemaRef,
    types: Vec<SqlType>,
    names: Vec<String>,
    nullable: Vec<bool>,
    delimiter: u8,
    source: String,
}

impl Decoder {
    /// The batch of `chunk`'s records, each field appended to its column's builder as it is
    /// read: split in place ([`split_records`]), or by the csv crate for a chunk in a form the
    /// splitter leaves to it (one record's buffers reused for the whole chunk).
    fn batch(&self, chunk: &Chunk) -> Result<RecordBatch, Error> {
        let data = chunk.data();
        if let Ok(text) = std::str::from_utf8(data) {
            let mut builders = self.builders(chunk)?;
            let mut row = chunk.first_row;
            let split = split_records(text, self.delimiter, |record| {
                self.append(&mut builders, row, record.len(), record.iter())?;
                row += 1;
                Ok(())
            })?;
            if split == Split::Done {
                return self.finish(builders);
            }
        }
        let mut builders = self.builders(chunk)?;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(self.delimiter)
            .from_reader(data);
        let mut record = csv::StringRecord::new();
        let mut row = chunk.first_row;
        while reader
            .read_record(&mut record)
            .map_err(|e| decode_failure(&self.source, e))?
        {
            self.append(&mut builders, row, record.len(), record.iter())?;
            row += 1;
        }
        self.finish(builders)
    }

    /// A builder per column for `chunk`'s rows.
    fn builders(&self, chunk: &Chunk) -> Result<Vec<ColumnBuilder>, Error> {
        // Text columns share the chunk's bytes: a fair first guess of their size.
        let text_guess = chunk.data().len() / self.types.len().max(1);
        self.types
            .iter()
            .map(|t| ColumnBuilder::new(*t, chunk.rows, text_guess))
            .collect::<Result<Vec<_>, ArrowError>>()
            .map_err(|e| arrow_failure(&self.source, e))
    }

    /// Appends record `row`, `width` `fields`, to the columns' builders.
    fn append<'f>(
        &self,
        builders: &mut [ColumnBuilder],
        row: u64,
        width: usize,
        fields: impl Iterator<Item = &'f str>,
    ) -> Result<(), Error> {
        // A header that names fewer (or more) columns than the rows hold would drop a column
        // or shift the rows under the names.
        if width != self.types.len() {
            return Err(header_mismatch(
                self.source.clone(),
                row,
                width,
                self.types.len(),
            ));
        }
        for (column, (builder, text)) in builders.iter_mut().zip(fields).enumerate() {
            // An export writes '' as it writes NULL: in a text column that cannot be NULL,
            // it is ''.
            let appended = if text.is_empty() && self.nullable[column] {
                builder.append_null();
                true
            } else {
                builder.append(text)
            };
            if !appended {
                return Err(self.bad_value(row, column, text));
            }
        }
        Ok(())
    }

    fn finish(&self, builders: Vec<ColumnBuilder>) -> Result<RecordBatch, Error> {
        let columns: Vec<ArrayRef> = builders.into_iter().map(ColumnBuilder::finish).collect();
        RecordBatch::try_new(self.schema.clone(), columns)
            .map_err(|e| arrow_failure(&self.source, e))
    }

    fn bad_value(&self, row: u64, column: usize, text: &str) -> Error {
        let sql_type = self.types[column];
        Error::Value {
            source: self.source.clone(),
            row,
            column: self.names[column].clone(),
            text: text.to_string(),
            expected: if text.is_empty() {
                // Only in a typed query's column that is not NULL-able.
                format!("{sql_type}: the field is empty, which an export writes for NULL, but the query's column is NOT NULL (has a table it reads changed since it was pinned?)")
            } else {
                sql_type.to_string()
            },
        }
    }
}

/// An Arrow builder of one column's type.
enum ColumnBuilder {
    SmallInt(Int16Builder),
    Integer(Int32Builder),
    BigInt(Int64Builder),
    Real(Float32Builder),
    Double(Float64Builder),
    Boolean(BooleanBuilder),
    Date(Date32Builder),
    Timestamp(TimestampMicrosecondBuilder, fn(&str) -> Option<i64>),
    Numeric(Decimal128Builder, u8, u8),
    Text(StringBuilder),
}

impl ColumnBuilder {
    /// A builder for `rows` values of `sql_type` (`text_bytes` of them when it is text).
    fn new(sql_type: SqlType, rows: usize, text_bytes: usize) -> Result<Self, ArrowError> {
        Ok(match sql_type {
            SqlType::SmallInt => Self::SmallInt(Int16Builder::with_capacity(rows)),
            SqlType::Integer => Self::Integer(Int32Builder::with_capacity(rows)),
            SqlType::BigInt => Self::BigInt(Int64Builder::with_capacity(rows)),
            SqlType::Real => Self::Real(Float32Builder::with_capacity(rows)),
            SqlType::Double => Self::Double(Float64Builder::with_capacity(rows)),
            SqlType::Boolean => Self::Boolean(BooleanBuilder::with_capacity(rows)),
            SqlType::Date => Self::Date(Date32Builder::with_capacity(rows)),
            SqlType::Timestamp => Self::Timestamp(
                TimestampMicrosecondBuilder::with_capacity(rows),
                parse_timestamp,
            ),
            SqlType::TimestampTz => Self::Timestamp(
                TimestampMicrosecondBuilder::with_capacity(rows).with_timezone("UTC"),
                parse_timestamptz,
            ),
            SqlType::Numeric { precision, scale } => Self::Numeric(
                Decimal128Builder::with_capacity(rows)
                    .with_precision_and_scale(precision, scale as i8)?,
                precision,
                scale,
            ),
            SqlType::Text => Self::Text(StringBuilder::with_capacity(rows, text_bytes)),
        })
    }

    fn append_null(&mut self) {
        match self {
            Self::SmallInt(b) => b.append_null(),
            Self::Integer(b) => b.append_null(),
            Self::BigInt(b) => b.append_null(),
            Self::Real(b) => b.append_null(),
            Self::Double(b) => b.append_null(),
            Self::Boolean(b) => b.append_null(),
            Self::Date(b) => b.append_null(),
            Self::Timestamp(b, _) => b.append_null(),
            Self::Numeric(b, ..) => b.append_null(),
            Self::Text(b) => b.append_null(),
        }
    }

    /// Appends the value `text` holds; false when it holds none of the column's type.
    fn append(&mut self, text: &str) -> bool {
        fn put<T>(value: Option<T>, append: impl FnOnce(T)) -> bool {
            value.map(append).is_some()
        }
        match self {
            Self::SmallInt(b) => put(text.parse().ok(), |v| b.append_value(v)),
            Self::Integer(b) => put(text.parse().ok(), |v| b.append_value(v)),
            Self::BigInt(b) => put(text.parse().ok(), |v| b.append_value(v)),
            // A value beyond the type's range is an error, not infinity.
            Self::Real(b) => put(parse_real(text), |v| b.append_value(v)),
            Self::Double(b) => put(parse_double(text), |v| b.append_value(v)),
            Self::Boolean(b) => put(parse_bool(text), |v| b.append_value(v)),
            Self::Date(b) => put(parse_date(text), |v| b.append_value(v)),
            Self::Timestamp(b, parse) => put(parse(text), |v| b.append_value(v)),
            Self::Numeric(b, precision, scale) => {
                put(parse_decimal(text, *precision, *scale), |v| {
                    b.append_value(v)
                })
            }
            // Empty only in a column that cannot be NULL: an empty text.
            Self::Text(b) => {
                b.append_value(text);
                true
            }
        }
    }

    fn finish(self) -> ArrayRef {
        match self {
            Self::SmallInt(mut b) => Arc::new(b.finish()),
            Self::Integer(mut b) => Arc::new(b.finish()),
            Self::BigInt(mut b) => Arc::new(b.finish()),
            Self::Real(mut b) => Arc::new(b.finish()),
            Self::Double(mut b) => Arc::new(b.finish()),
            Self::Boolean(mut b) => Arc::new(b.finish()),
            Self::Date(mut b) => Arc::new(b.finish()),
            Self::Timestamp(mut b, _) => Arc::new(b.finish()),
            Self::Numeric(mut b, ..) => Arc::new(b.finish()),
            Self::Text(mut b) => Arc::new(b.finish()),
        }
    }
}

impl Iterator for RecordBatches {
    type Item = Result<RecordBatch, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.over {
            return None;
        }
        let next = self.batches.next();
        if !matches!(next, Some(Ok(_))) {
            self.over = true;
        }
        next
    }
}

/// A CSV parse error as a decoding error naming the source; an I/O error cannot occur (the
/// chunks are in memory).
fn decode_failure(source: &str, error: csv::Error) -> Error {
    Error::Decode {
        method: "GET".into(),
        path: source.to_string(),
        detail: error.to_string(),
        snippet: String::new(),
    }
}

fn arrow_failure(source: &str, error: ArrowError) -> Error {
    Error::Decode {
        method: "GET".into(),
        path: source.to_string(),
        detail: format!("could not make an Arrow batch: {error}"),
        snippet: String::new(),
    }
}

impl CsvFiles<'_> {
    /// The rows as Arrow record batches, streamed: see [`RecordBatches`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// for batch in client.read_csv_file(12345).arrow()? {
    ///     println!("{} rows", batch?.num_rows());
    /// }
    /// # Ok(()) }
    /// ```
    pub fn arrow(self) -> Result<RecordBatches, Error> {
        RecordBatches::new(self)
    }

    /// Every batch at once (see [`arrow`](Self::arrow)), with their schema.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let (schema, batches) = client.read_csv_file(12345).arrow_all()?;
    /// # Ok(()) }
    /// ```
    pub fn arrow_all(self) -> Result<(SchemaRef, Vec<RecordBatch>), Error> {
        let batches = self.arrow()?;
        let schema = batches.schema();
        Ok((schema, batches.collect::<Result<_, _>>()?))
    }
}

impl SqlBuilder<'_> {
    /// Exports the result and reads it as Arrow record batches, streamed, typed by the table
    /// for a plain `select` of one table (see [`frames`](crate::frames)): civis-python's
    /// `read_civis_sql`, in Arrow.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let batches = client.sql("select * from sales.orders where day = current_date", 32).arrow()?;
    /// for batch in batches {
    ///     let batch = batch?;
    /// }
    /// # Ok(()) }
    /// ```
    pub fn arrow(self) -> Result<RecordBatches, Error> {
        self.header(true).exported()?.arrow()
    }

    /// Every batch of the result at once, with their schema (see [`arrow`](Self::arrow)).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let (schema, batches) = client.select_table("sales.orders", 32).arrow_all()?;
    /// # Ok(()) }
    /// ```
    pub fn arrow_all(self) -> Result<(SchemaRef, Vec<RecordBatch>), Error> {
        self.header(true).exported()?.arrow_all()
    }
}

/// Record batches written as gzipped CSV for an import.
struct BatchSource<R> {
    reader: R,
}

impl<R: RecordBatchReader> FrameSource for BatchSource<R> {
    fn write(&mut self, chunks: &mut GzipChunks<'_>) -> Result<Vec<TableColumn>, Error> {
        let schema = self.reader.schema();
        let mut types = Vec::with_capacity(schema.fields().len());
        for field in schema.fields() {
            let sql_type = sql_type_of(field.data_type()).ok_or_else(|| {
                Error::Usage(format!(
                    "column {:?} is of Arrow type {}, which has no Redshift type: cast it (to text, say) before the import",
                    field.name(),
                    field.data_type()
                ))
            })?;
            types.push(sql_type);
        }
        let mut longest = vec![0usize; types.len()];
        let header: Vec<String> = schema.fields().iter().map(|f| f.name().clone()).collect();
        chunks.header(&header)?;
        let mut text = Vec::new();
        let mut rows_before = 0u64;
        for batch in self.reader.by_ref() {
            let batch =
                batch.map_err(|e| Error::Usage(format!("the record batches failed: {e}")))?;
            // An over-long value is refused before its batch is written, so before any upload
            // of it (and before any at all when it is in the first 64 MiB of gzip).
            for (i, column) in batch.columns().iter().enumerate() {
                let (length, row) = longest_text(column.as_ref());
                check_text_length(&header[i], rows_before + row as u64 + 1, length)?;
                longest[i] = longest[i].max(length);
            }
            rows_before += batch.num_rows() as u64;
            // The batch's text first, so that a value without a text form is its own error,
            // not one of the compression.
            text.clear();
            write_csv(&batch, false, &mut text)?;
            chunks.write(|writer| writer.write_all(&text))?;
        }
        Ok(header
            .into_iter()
            .zip(types)
            .zip(longest)
            .map(|((name, t), length)| TableColumn::new(name, t.declare(length)))
            .collect())
    }
}

/// Writes `batch`'s rows to `out` as CSV in the forms Redshift reads: nulls empty, empty text
/// `""` (so that it loads as an empty string, not NULL), decimals at their scale, dates
/// `YYYY-MM-DD`, timestamps of any unit to the microsecond and zoned ones as UTC wall times
/// (Redshift reads a `timestamptz` without an offset as UTC). Written here rather than with
/// arrow-csv, whose general formatting (arrow-cast, regex, lexical) was three quarters of the
/// feature's build time for these few forms (BENCHMARKS.md).
fn write_csv<W: std::io::Write>(
    batch: &RecordBatch,
    header: bool,
    mut out: W,
) -> Result<(), Error> {
    let schema = batch.schema();
    let texts = batch
        .columns()
        .iter()
        .zip(schema.fields())
        .map(|(column, field)| text_of(column.as_ref(), field.name()))
        .collect::<Result<Vec<_>, Error>>()?;
    let failed = |e: std::io::Error| Error::Usage(format!("writing the record batches' CSV: {e}"));
    if header {
        let names: Vec<Option<&str>> = schema
            .fields()
            .iter()
            .map(|f| Some(f.name().as_str()))
            .collect();
        write_record(&mut out, &names).map_err(failed)?;
    }
    let mut fields = vec![String::new(); texts.len()];
    let mut valid = vec![false; texts.len()];
    for row in 0..batch.num_rows() {
        for (column, field) in fields.iter_mut().enumerate() {
            field.clear();
            valid[column] = batch.column(column).is_valid(row);
            if valid[column] && !texts[column](row, field) {
                return Err(Error::Usage(format!(
                    "column {:?}, row {}: the value is outside the dates and times Redshift holds",
                    schema.field(column).name(),
                    row + 1
                )));
            }
        }
        let record: Vec<Option<&str>> = fields
            .iter()
            .zip(&valid)
            .map(|(text, &valid)| valid.then_some(text.as_str()))
            .collect();
        write_record(&mut out, &record).map_err(failed)?;
    }
    out.flush().map_err(failed)
}

/// Writes the value of a row into the string; `false` when it has no text form (a date or time
/// out of range).
type TextOf<'a> = Box<dyn Fn(usize, &mut String) -> bool + 'a>;

/// The text form of `column`'s values, for the types [`sql_type_of`] maps; other types are an
/// error naming the column.
fn text_of<'a>(column: &'a dyn Array, name: &str) -> Result<TextOf<'a>, Error> {
    use arrow_array::cast::AsArray;
    use arrow_array::types::*;
    use std::fmt::Write as _;
    // `write!` into a String cannot fail.
    macro_rules! shown {
        ($type:ty) => {{
            let array = column.as_primitive::<$type>();
            Box::new(move |row, out: &mut String| {
                let _ = write!(out, "{}", array.value(row));
                true
            })
        }};
    }
    macro_rules! timestamp {
        ($type:ty) => {{
            let array = column.as_primitive::<$type>();
            Box::new(
                move |row, out: &mut String| match array.value_as_datetime(row) {
                    Some(at) => {
                        let _ = write!(out, "{}", at.format("%Y-%m-%d %H:%M:%S%.6f"));
                        true
                    }
                    None => false,
                },
            )
        }};
    }
    macro_rules! date {
        ($type:ty) => {{
            let array = column.as_primitive::<$type>();
            Box::new(
                move |row, out: &mut String| match array.value_as_date(row) {
                    Some(day) => {
                        let _ = write!(out, "{day}");
                        true
                    }
                    None => false,
                },
            )
        }};
    }
    macro_rules! text {
        ($offset:ty) => {{
            let array = column.as_string::<$offset>();
            Box::new(move |row, out: &mut String| {
                out.push_str(array.value(row));
                true
            })
        }};
    }
    Ok(match column.data_type() {
        DataType::Int8 => shown!(Int8Type),
        DataType::Int16 => shown!(Int16Type),
        DataType::Int32 => shown!(Int32Type),
        DataType::Int64 => shown!(Int64Type),
        DataType::UInt8 => shown!(UInt8Type),
        DataType::UInt16 => shown!(UInt16Type),
        DataType::UInt32 => shown!(UInt32Type),
        DataType::UInt64 => shown!(UInt64Type),
        DataType::Float16 => shown!(Float16Type),
        DataType::Float32 => shown!(Float32Type),
        DataType::Float64 => shown!(Float64Type),
        DataType::Boolean => {
            let array = column.as_boolean();
            Box::new(move |row, out: &mut String| {
                out.push_str(if array.value(row) { "true" } else { "false" });
                true
            })
        }
        DataType::Decimal128(..) => {
            let array = column.as_primitive::<Decimal128Type>();
            Box::new(move |row, out: &mut String| {
                out.push_str(&array.value_as_string(row));
                true
            })
        }
        DataType::Date32 => date!(Date32Type),
        DataType::Date64 => date!(Date64Type),
        DataType::Timestamp(TimeUnit::Second, _) => timestamp!(TimestampSecondType),
        DataType::Timestamp(TimeUnit::Millisecond, _) => timestamp!(TimestampMillisecondType),
        DataType::Timestamp(TimeUnit::Microsecond, _) => timestamp!(TimestampMicrosecondType),
        DataType::Timestamp(TimeUnit::Nanosecond, _) => timestamp!(TimestampNanosecondType),
        DataType::Utf8 => text!(i32),
        DataType::LargeUtf8 => text!(i64),
        other => {
            return Err(Error::Usage(format!(
                "column {name:?} is of Arrow type {other}, which has no Redshift type: cast it (to text, say) first"
            )))
        }
    })
}

/// The longest value of a text column, in bytes, and its row in the column (`(0, 0)` for
/// other columns).
fn longest_text(column: &dyn Array) -> (usize, usize) {
    use arrow_array::cast::AsArray;
    let longest = |lengths: &mut dyn Iterator<Item = Option<usize>>| {
        lengths
            .enumerate()
            .filter_map(|(row, length)| length.map(|length| (length, row)))
            .max()
            .unwrap_or((0, 0))
    };
    match column.data_type() {
        DataType::Utf8 => longest(&mut column.as_string::<i32>().iter().map(|t| t.map(str::len))),
        DataType::LargeUtf8 => {
            longest(&mut column.as_string::<i64>().iter().map(|t| t.map(str::len)))
        }
        _ => (0, 0),
    }
}

impl Client {
    /// Imports Arrow record batches into `table` (`"schema.table"`) of `database`: the
    /// batches are written as gzipped CSV, streamed into uploads from memory (a file per
    /// [`IMPORT_CHUNK_BYTES`](crate::frames::IMPORT_CHUNK_BYTES) of gzip, no temporary file),
    /// and the table's columns are declared from the schema (text as `VARCHAR` of the longest
    /// value), so no preprocess or type-detection job runs. The options are
    /// [`import_csv`](Client::import_csv)'s; see [`ImportBuilder`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// # let batches: Vec<arrow_array::RecordBatch> = vec![];
    /// # let schema = std::sync::Arc::new(arrow_schema::Schema::empty());
    /// let reader = arrow_array::RecordBatchIterator::new(batches.into_iter().map(Ok), schema);
    /// client
    ///     .import_batches(reader, "redshift-general", "scratch.scores")
    ///     .existing_rows(civis::tables::ExistingRows::Drop)
    ///     .send()?
    ///     .wait()?;
    /// # Ok(()) }
    /// ```
    pub fn import_batches<'c>(
        &'c self,
        batches: impl RecordBatchReader + 'c,
        database: impl Into<NameOrId>,
        table: &str,
    ) -> ImportBuilder<'c> {
        ImportBuilder::from_frame(
            self,
            Box::new(BatchSource { reader: batches }),
            database,
            table,
        )
    }

    /// Writes record batches as one CSV file (with a header) called `name` in Civis and
    /// returns the file's id: civis-python's `dataframe_to_file`, for Arrow. The CSV is made
    /// in memory, then uploaded from there; read it back with
    /// [`read_csv_file`](Client::read_csv_file). Values are written as an import writes them
    /// (see [`sql_type_of`]); a column of a type without a Redshift type (binary, lists,
    /// structs, ...) is an [`Error::Usage`] naming it.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// # let batches: Vec<arrow_array::RecordBatch> = vec![];
    /// # let schema = std::sync::Arc::new(arrow_schema::Schema::empty());
    /// let reader = arrow_array::RecordBatchIterator::new(batches.into_iter().map(Ok), schema);
    /// let file_id = client.upload_batches(reader, "scores.csv")?;
    /// # Ok(()) }
    /// ```
    pub fn upload_batches(
        &self,
        batches: impl RecordBatchReader,
        name: &str,
    ) -> Result<i64, Error> {
        let mut bytes = Vec::new();
        let mut header = true;
        for batch in batches {
            let batch =
                batch.map_err(|e| Error::Usage(format!("the record batches failed: {e}")))?;
            write_csv(&batch, std::mem::take(&mut header), &mut bytes)?;
        }
        self.upload_bytes(bytes, name).send()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::{
        BinaryArray, Date64Array, Decimal128Array, StringArray, TimestampNanosecondArray,
        UInt64Array,
    };

    fn csv_of(batch: &RecordBatch) -> Result<String, Error> {
        let mut out = Vec::new();
        write_csv(batch, true, &mut out)?;
        Ok(String::from_utf8(out).expect("CSV text is UTF-8"))
    }

    #[test]
    fn batches_are_written_in_the_forms_redshift_reads() {
        // 2026-01-02 03:04:05.123456789 UTC, in a zone two hours ahead.
        let at = 1_767_323_045_123_456_789_i64;
        let batch = RecordBatch::try_from_iter([
            (
                "at",
                Arc::new(
                    TimestampNanosecondArray::from(vec![Some(at), None]).with_timezone("+02:00"),
                ) as ArrayRef,
            ),
            (
                "day",
                Arc::new(Date64Array::from(vec![
                    Some(86_400_000 * 365),
                    Some(-86_400_000),
                ])),
            ),
            (
                "big",
                Arc::new(UInt64Array::from(vec![Some(u64::MAX), Some(0)])),
            ),
            (
                "price",
                Arc::new(
                    Decimal128Array::from(vec![Some(-50), Some(123_456)])
                        .with_precision_and_scale(10, 3)
                        .expect("a valid decimal type"),
                ),
            ),
            (
                "note",
                Arc::new(StringArray::from(vec![Some("a, \"b\"\nc"), Some("")])),
            ),
        ])
        .expect("a batch");
        assert_eq!(
            csv_of(&batch).unwrap(),
            "at,day,big,price,note\n\
             2026-01-02 03:04:05.123456,1971-01-01,18446744073709551615,-0.050,\"a, \"\"b\"\"\nc\"\n\
             ,1969-12-31,0,123.456,\"\"\n"
        );
    }

    #[test]
    fn a_column_without_a_redshift_type_is_named() {
        let batch = RecordBatch::try_from_iter([(
            "blob",
            Arc::new(BinaryArray::from(vec![&b"x"[..]])) as ArrayRef,
        )])
        .expect("a batch");
        let error = csv_of(&batch).unwrap_err().to_string();
        assert!(
            error.contains("\"blob\"") && error.contains("Binary"),
            "{error}"
        );
    }
}
