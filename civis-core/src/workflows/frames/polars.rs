//! polars DataFrames out of CSV in Civis, and into tables (feature `polars`).
//!
//! polars' CSV parser parses each chunk of the text (cut at record boundaries as the download
//! inflates, a chunk per core at a time), so the inflated text is never held whole.
//! It parses integers, floating point and text itself; booleans (`t`/`f`), dates and
//! timestamps (Redshift's trimmed fractions and `+00` offsets) are read as text and converted
//! here, in the same chunk's thread, so that a value that does not fit names its row.

use std::io::Cursor;
use std::sync::Arc;

use polars::io::csv::read::_csv_read_internal::{read_chunk, validate_utf8};
use polars::prelude::{
    polars_bail, BooleanChunked, Column, CsvParseOptions, CsvReadOptions, CsvWriter, DataFrame,
    DataType, Field, Float32Chunked, Int32Chunked, Int64Chunked, IntoColumn, IntoSeries, NamedFrom,
    PlSmallStr, PolarsResult, Schema, SchemaRef, SerReader, SerWriter, Series, TimeUnit, TimeZone,
};

use crate::data::error::Error;
use crate::data::names::NameOrId;
use crate::data::sql_types::{
    parse_bool, parse_date, parse_real, parse_timestamp, parse_timestamptz, SqlType,
};
use crate::transport::client::Client;
use crate::workflows::csv::chunks::{self, Chunk, Cutting};
use crate::workflows::csv::{header_mismatch, CsvFiles, Header, ReadOptions, INFER_ROWS};
use crate::workflows::sql::SqlBuilder;
use crate::workflows::tables::frame_import::{check_text_length, FrameSource, GzipChunks};
use crate::workflows::tables::{ImportBuilder, TableColumn};

/// The inflated text of a chunk of a DataFrame read: chunks are parsed by polars' parser on
/// every core while the download inflates, and stacked in order.
const FRAME_CHUNK_BYTES: usize = 4 << 20;

/// The polars type of a column of SQL type `sql_type`: see the table of
/// [`SqlType`](crate::tables::SqlType) (`numeric` is `Float64`: this build of polars has no
/// decimals).
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::tables::SqlType;
/// use polars::prelude::{DataType, TimeUnit, TimeZone};
/// assert_eq!(civis::frames::polars_type(SqlType::TimestampTz), DataType::Datetime(TimeUnit::Microseconds, Some(TimeZone::UTC)));
/// assert_eq!(civis::frames::polars_type(SqlType::Numeric { precision: 10, scale: 2 }), DataType::Float64);
/// ```
pub fn polars_type(sql_type: SqlType) -> DataType {
    match sql_type {
        // This build of polars has no 16-bit integers (its `dtype-i16` feature is off).
        SqlType::SmallInt | SqlType::Integer => DataType::Int32,
        SqlType::BigInt => DataType::Int64,
        SqlType::Numeric { .. } | SqlType::Double => DataType::Float64,
        SqlType::Real => DataType::Float32,
        SqlType::Boolean => DataType::Boolean,
        SqlType::Date => DataType::Date,
        SqlType::Timestamp => DataType::Datetime(TimeUnit::Microseconds, None),
        SqlType::TimestampTz => DataType::Datetime(TimeUnit::Microseconds, Some(TimeZone::UTC)),
        SqlType::Text => DataType::String,
    }
}

/// The type polars' reader is asked for: the final one, or text that is converted after.
fn read_type(sql_type: SqlType) -> DataType {
    match sql_type {
        // A real is read as text, so that one beyond f32's range is an error, not infinity.
        SqlType::Boolean
        | SqlType::Date
        | SqlType::Timestamp
        | SqlType::TimestampTz
        | SqlType::Real => DataType::String,
        other => polars_type(other),
    }
}

/// The SQL type a column of polars type `dtype` is declared as in an import, or `None` when
/// Redshift has none for it (lists, structs, binary...).
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::tables::SqlType;
/// use polars::prelude::DataType;
/// assert_eq!(civis::frames::sql_type_of_polars(&DataType::UInt16), Some(SqlType::Integer));
/// assert_eq!(civis::frames::sql_type_of_polars(&DataType::Binary), None);
/// ```
pub fn sql_type_of_polars(dtype: &DataType) -> Option<SqlType> {
    Some(match dtype {
        DataType::Int8 | DataType::Int16 | DataType::UInt8 => SqlType::SmallInt,
        DataType::Int32 | DataType::UInt16 => SqlType::Integer,
        DataType::Int64 | DataType::UInt32 => SqlType::BigInt,
        DataType::UInt64 => SqlType::Numeric {
            precision: 20,
            scale: 0,
        },
        DataType::Float32 => SqlType::Real,
        DataType::Float64 => SqlType::Double,
        DataType::Boolean => SqlType::Boolean,
        DataType::String => SqlType::Text,
        DataType::Date => SqlType::Date,
        DataType::Datetime(_, None) => SqlType::Timestamp,
        DataType::Datetime(_, Some(_)) => SqlType::TimestampTz,
        _ => return None,
    })
}

fn polars_error(source: &str, error: impl std::fmt::Display) -> Error {
    Error::Decode {
        method: "GET".into(),
        path: source.to_string(),
        detail: format!("polars could not read the CSV: {error}"),
        snippet: String::new(),
    }
}

/// How the files are read: their header, delimiter, the columns' types.
struct Plan {
    header: bool,
    /// The column names when the text has none (an unload's parts).
    names: Option<Vec<String>>,
    delimiter: u8,
    options: ReadOptions,
    table: Option<Vec<(String, SqlType)>>,
}

impl Plan {
    /// How every chunk of a text whose first chunk is `first` is read: the names and the types
    /// (those not given inferred by polars from the first [`INFER_ROWS`] rows, as its reader
    /// infers on a whole file).
    fn layout(&self, first: &Chunk, source: &str) -> Result<Layout, Error> {
        let found = first_record(&first.bytes, self.delimiter)?;
        let names = match &self.names {
            // A manifest's header that names fewer columns than the file holds would drop
            // one (or shift the names).
            Some(names) if !names.is_empty() => {
                if !found.is_empty() && found.len() != names.len() {
                    return Err(header_mismatch(
                        source.to_string(),
                        1,
                        found.len(),
                        names.len(),
                    ));
                }
                names.clone()
            }
            _ if self.header => found,
            _ => (1..=found.len()).map(|i| format!("column_{i}")).collect(),
        };
        // A typed query's columns are checked before any value is read, and name the frame's.
        #[cfg(feature = "typed-sql")]
        let shape = self.options.shape.clone();
        #[cfg(feature = "typed-sql")]
        if let Some(shape) = &shape {
            shape.check(&names)?;
        }
        let types = self.options.resolve(&names, self.table.as_deref());
        // Without a header polars calls the columns column_1, column_2, ...
        let read_names: Vec<String> = if self.header {
            names.clone()
        } else {
            (1..=names.len()).map(|i| format!("column_{i}")).collect()
        };
        let overwrite: Schema = read_names
            .iter()
            .zip(&types)
            .filter_map(|(name, t)| t.map(|t| Field::new(name.into(), read_type(t))))
            .collect();
        // polars' reader, even told to read a hundred rows, parses much of what it is given
        // (a 4 MiB chunk took 25 ms of both cores before any worker could start).
        let inferred_from =
            chunks::leading_records(&first.bytes, 2 * INFER_ROWS, self.header, self.delimiter);
        let inferred = CsvReadOptions::default()
            .with_has_header(self.header)
            .with_infer_schema_length(Some(INFER_ROWS))
            .with_n_rows(Some(INFER_ROWS))
            .with_n_threads(Some(1))
            .with_schema_overwrite(Some(Arc::new(overwrite)))
            .with_parse_options(CsvParseOptions::default().with_separator(self.delimiter))
            .into_reader_with_file_handle(Cursor::new(&first.bytes[..inferred_from]))
            .finish();
        #[cfg_attr(not(feature = "typed-sql"), allow(unused_mut))]
        let mut layout = Layout {
            read_schema: Arc::new(Schema::default()),
            every_column: Vec::new(),
            has_text: false,
            rename: !self.header,
            names,
            types,
            delimiter: self.delimiter,
            parse_options: CsvParseOptions::default().with_separator(self.delimiter),
            source: source.to_string(),
            #[cfg(feature = "typed-sql")]
            shape: None,
        };
        let inferred = match inferred {
            Ok(frame) => frame,
            // polars names the column and the text but not the row: find it.
            Err(error) => {
                return Err(layout
                    .first_bad_value(first.data(), first.first_row)?
                    .unwrap_or_else(|| polars_error(source, error)))
            }
        };
        layout.read_schema = inferred.schema().clone();
        layout.every_column = (0..layout.read_schema.len()).collect();
        layout.has_text = layout.read_schema.iter_values().any(DataType::is_string);
        // A typed query's columns take its names (an alias's type override left out).
        #[cfg(feature = "typed-sql")]
        if let Some(shape) = shape {
            layout.names.clone_from(&shape.names);
            layout.rename = true;
            layout.shape = Some(shape);
        }
        Ok(layout)
    }
}

/// How every chunk of one read is parsed and converted.
struct Layout {
    /// The names the frame's columns take.
    names: Vec<String>,
    types: Vec<Option<SqlType>>,
    /// The names and types polars reads each chunk with (text for the columns converted after).
    read_schema: SchemaRef,
    /// Every column's index: the projection polars' parser reads (all of them, in order).
    every_column: Vec<usize>,
    /// Whether a column is read as text, so that the chunk's UTF-8 is checked.
    has_text: bool,
    /// Whether the columns are renamed to `names` after polars has read them.
    rename: bool,
    delimiter: u8,
    /// How polars' parser reads the text (the delimiter; otherwise its defaults).
    parse_options: CsvParseOptions,
    /// What the errors name as the source.
    source: String,
    #[cfg(feature = "typed-sql")]
    shape: Option<Arc<crate::workflows::csv::Shape>>,
}

impl Layout {
    /// The frame of `chunk`'s data records. The text is dropped once polars has parsed it,
    /// before the columns read as text are converted, so that the two are never all in memory
    /// at once.
    fn frame(&self, chunk: Chunk) -> Result<DataFrame, Error> {
        let mut frame = if chunk.rows == 0 {
            DataFrame::empty_with_schema(&self.read_schema)
        } else {
            match self.parsed(chunk.data(), chunk.rows) {
                Ok(frame) => frame,
                // polars names the column and the text but not the row: find it.
                Err(error) => {
                    return Err(self
                        .first_bad_value(chunk.data(), chunk.first_row)?
                        .unwrap_or_else(|| polars_error(&self.source, error)))
                }
            }
        };
        let first_row = chunk.first_row;
        drop(chunk);
        if self.rename {
            frame
                .set_column_names(&self.names)
                .map_err(|e| polars_error(&self.source, e))?;
        }
        convert_text_columns(
            &mut frame,
            &self.names,
            &self.types,
            &self.source,
            first_row,
        )?;
        #[cfg(feature = "typed-sql")]
        if let Some(shape) = &self.shape {
            not_null(&mut frame, shape, &self.source, first_row)?;
        }
        Ok(frame)
    }

    /// The `rows` whole records `data` as one frame of `read_schema`, parsed by polars' chunk
    /// parser on this thread. polars' `CsvReader` would first count the lines of the text again
    /// (a scalar pass as long as the parse itself in a build without its nightly `simd`
    /// feature), cut it into 16 pieces and parse them on its own thread pool; the chunk is
    /// already cut at record boundaries and every core is already parsing one, so its parser
    /// is called directly, with the rows counted while cutting as the capacity. polars exports
    /// it for its own streaming engine (`_csv_read_internal`), pinned by the `0.55` requirement.
    fn parsed(&self, data: &[u8], rows: usize) -> PolarsResult<DataFrame> {
        if self.has_text && !validate_utf8(data) {
            polars_bail!(ComputeError: "invalid utf-8 sequence");
        }
        let frame = read_chunk(
            data,
            &self.parse_options,
            &self.read_schema,
            false,
            &self.every_column,
            0,
            rows,
            None,
            usize::MAX,
            data.len(),
            Some(0),
        )?;
        // A malformed text (a field past the last column, say) reads as another number of rows.
        if frame.height() != rows {
            polars_bail!(ComputeError: "CSV malformed: expected {rows} rows, read {}", frame.height());
        }
        Ok(frame)
    }

    /// The first value of the records `data` (whose first is row `first_row`) that does not
    /// fit its column's given type.
    fn first_bad_value(&self, data: &[u8], first_row: u64) -> Result<Option<Error>, Error> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .delimiter(self.delimiter)
            .from_reader(data);
        for (offset, record) in reader.records().enumerate() {
            let Ok(record) = record else { return Ok(None) };
            for (column, field) in record.iter().enumerate() {
                let Some(Some(sql_type)) = self.types.get(column) else {
                    continue;
                };
                if !field.is_empty() && !sql_type.accepts(field) {
                    return Ok(Some(Error::Value {
                        source: self.source.clone(),
                        row: first_row + offset as u64,
                        column: self.names.get(column).cloned().unwrap_or_default(),
                        text: field.to_string(),
                        expected: sql_type.to_string(),
                    }));
                }
            }
        }
        Ok(None)
    }
}

/// The columns of `frame` that a typed query says are not NULL-able, without nulls: an
/// export writes '' as it writes NULL, so a text column's nulls are `""`; in a column of another
/// type a null is an error naming its row.
#[cfg(feature = "typed-sql")]
fn not_null(
    frame: &mut DataFrame,
    shape: &crate::workflows::csv::Shape,
    source: &str,
    first_row: u64,
) -> Result<(), Error> {
    for (index, name) in shape.names.iter().enumerate() {
        if shape.nullable.get(index) != Some(&false) {
            continue;
        }
        let series = frame.columns()[index].as_materialized_series().clone();
        if series.null_count() == 0 {
            continue;
        }
        let sql_type = shape.types[index];
        if sql_type == SqlType::Text {
            let texts = series.str().map_err(|e| polars_error(source, e))?;
            let filled: polars::prelude::StringChunked =
                texts.iter().map(|text| Some(text.unwrap_or(""))).collect();
            frame
                .with_column(
                    filled
                        .with_name(name.as_str().into())
                        .into_series()
                        .into_column(),
                )
                .map_err(|e| polars_error(source, e))?;
            continue;
        }
        let row = series.is_null().iter().position(|null| null == Some(true));
        return Err(Error::Value {
            source: source.to_string(),
            row: row.map_or(0, |row| first_row + row as u64),
            column: name.clone(),
            text: String::new(),
            expected: format!("{sql_type}: the field is empty, which an export writes for NULL, but the query's column is NOT NULL (has a table it reads changed since it was pinned?)"),
        });
    }
    Ok(())
}

/// The fields of the first record of `text`.
fn first_record(text: &[u8], delimiter: u8) -> Result<Vec<String>, Error> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delimiter)
        .from_reader(text);
    match reader.records().next() {
        Some(Ok(record)) => Ok(record.iter().map(str::to_string).collect()),
        _ => Ok(Vec::new()),
    }
}

/// The columns read as text because polars' reader does not parse Redshift's forms of them
/// (booleans `t`/`f`, timestamps with `+00`), converted to their types; `first_row` is the
/// number of the frame's first row in the read, for errors.
fn convert_text_columns(
    frame: &mut DataFrame,
    names: &[String],
    types: &[Option<SqlType>],
    source: &str,
    first_row: u64,
) -> Result<(), Error> {
    for (index, sql_type) in types.iter().enumerate() {
        let Some(sql_type) = *sql_type else { continue };
        if read_type(sql_type) == polars_type(sql_type) {
            continue;
        }
        let column = convert(
            &frame.columns()[index],
            &names[index],
            sql_type,
            source,
            first_row,
        )?;
        frame
            .with_column(column)
            .map_err(|e| polars_error(source, e))?;
    }
    Ok(())
}

/// The text column `column` as `sql_type`; a value that does not parse is an error naming its
/// row (the column's first is row `first_row`).
fn convert(
    column: &Column,
    name: &str,
    sql_type: SqlType,
    source: &str,
    first_row: u64,
) -> Result<Column, Error> {
    let texts = column
        .as_materialized_series()
        .str()
        .map_err(|e| polars_error(source, e))?;
    let name: PlSmallStr = name.into();
    let bad = |row: usize, text: &str| Error::Value {
        source: source.to_string(),
        row: first_row + row as u64,
        column: name.to_string(),
        text: text.to_string(),
        expected: sql_type.to_string(),
    };
    // Each value parsed by `parse`, nulls (and empty text) kept null.
    fn parsed<T>(
        texts: &polars::prelude::StringChunked,
        parse: impl Fn(&str) -> Option<T>,
        bad: impl Fn(usize, &str) -> Error,
    ) -> Result<Vec<Option<T>>, Error> {
        texts
            .iter()
            .enumerate()
            .map(|(row, text)| match text {
                None | Some("") => Ok(None),
                Some(text) => parse(text).map(Some).ok_or_else(|| bad(row, text)),
            })
            .collect()
    }
    let series: Series = match sql_type {
        SqlType::Boolean => {
            let values: BooleanChunked = parsed(texts, parse_bool, bad)?.into_iter().collect();
            values.with_name(name).into_series()
        }
        SqlType::Real => {
            let values: Float32Chunked = parsed(texts, parse_real, bad)?.into_iter().collect();
            values.with_name(name).into_series()
        }
        SqlType::Date => {
            let days: Int32Chunked = parsed(texts, parse_date, bad)?.into_iter().collect();
            days.with_name(name).into_date().into_series()
        }
        SqlType::Timestamp | SqlType::TimestampTz => {
            let (parse, zone): (fn(&str) -> Option<i64>, _) = if sql_type == SqlType::Timestamp {
                (parse_timestamp, None)
            } else {
                (parse_timestamptz, Some(TimeZone::UTC))
            };
            let micros: Int64Chunked = parsed(texts, parse, bad)?.into_iter().collect();
            micros
                .with_name(name)
                .into_datetime(TimeUnit::Microseconds, zone)
                .into_series()
        }
        _ => Series::new(name, texts.clone().into_series()),
    };
    Ok(series.into_column())
}

impl CsvFiles<'_> {
    /// The rows as one polars `DataFrame`. The text is cut into chunks of about 4 MiB at record
    /// boundaries as it downloads and inflates (the parts of an unload downloading up to four
    /// at once), each chunk parsed by polars' parser on a core of its own, the pieces stacked
    /// in order: the inflated text is never held whole, so memory is the frame and a few
    /// chunks (one per core, one being cut and one waiting). The frame keeps a chunk per piece, as polars' own
    /// `read_csv` leaves its frames (`frame.rechunk_mut()` makes each column contiguous, at the
    /// cost of a copy). See [`frames`](crate::frames) for where the types come from.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let frame = client.read_csv_file(12345).dataframe()?;
    /// println!("{frame}");
    /// # Ok(()) }
    /// ```
    pub fn dataframe(self) -> Result<DataFrame, Error> {
        let delimiter = self.delimiter_byte()?;
        let plan = Plan {
            header: matches!(self.header, Header::InFile),
            names: match &self.header {
                Header::InFile => None,
                Header::Given(names) => names.clone(),
            },
            delimiter,
            options: self.options.clone(),
            table: self.table.clone(),
        };
        let source = self.shown();
        let cutting = Cutting {
            rows: usize::MAX,
            bytes: FRAME_CHUNK_BYTES,
            max_record: self.options.max_record,
            header: plan.header,
            delimiter,
        };
        let mut chunks = chunks::cut(self.open()?, cutting, self.first_file());
        let Some(first) = chunks.next().transpose()? else {
            return Ok(DataFrame::empty());
        };
        let layout = plan.layout(&first, &source)?;
        let workers = chunks::workers();
        let frames = chunks::in_order(
            std::iter::once(Ok(first)).chain(chunks),
            workers,
            workers,
            source.clone(),
            move |chunk| layout.frame(chunk),
        );
        let mut whole: Option<DataFrame> = None;
        for frame in frames {
            let frame = frame?;
            match &mut whole {
                None => whole = Some(frame),
                Some(whole) => {
                    whole
                        .vstack_mut_owned(frame)
                        .map_err(|e| polars_error(&source, e))?;
                }
            }
        }
        // Not rechunked, as polars' own `read_csv` leaves its frames: making every column
        // contiguous would copy the whole frame once more at the end.
        Ok(whole.unwrap_or_else(DataFrame::empty))
    }
}

impl SqlBuilder<'_> {
    /// Exports the result and reads it as a polars `DataFrame`, typed by the table for a plain
    /// `select` of one table (see [`frames`](crate::frames)): civis-python's
    /// `read_civis_sql(..., return_as="polars")`.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let frame = client.select_table("sales.orders", "redshift-general").dataframe()?;
    /// println!("{}", frame.head(Some(5)));
    /// # Ok(()) }
    /// ```
    pub fn dataframe(self) -> Result<DataFrame, Error> {
        self.header(true).exported()?.dataframe()
    }
}

/// A DataFrame written as gzipped CSV for an import.
struct FrameWriter<'f> {
    frame: &'f DataFrame,
}

/// Rows per piece of CSV that polars writes at a time (a piece goes into the gzip stream, and
/// an upload starts once the stream holds enough).
const WRITE_ROWS: usize = 100_000;

impl FrameSource for FrameWriter<'_> {
    fn write(&mut self, chunks: &mut GzipChunks<'_>) -> Result<Vec<TableColumn>, Error> {
        let shown = "the DataFrame";
        let mut declared = Vec::with_capacity(self.frame.width());
        let mut columns = Vec::with_capacity(self.frame.width());
        for column in self.frame.columns() {
            let dtype = column.dtype();
            let sql_type = sql_type_of_polars(dtype).ok_or_else(|| {
                Error::Usage(format!(
                    "column {:?} is of polars type {dtype}, which has no Redshift type: cast it (to text, say) before the import",
                    column.name()
                ))
            })?;
            // The longest text and its row: one beyond Redshift's longest VARCHAR is refused
            // here, before anything is written or uploaded.
            let (longest, row) = match dtype {
                DataType::String => column
                    .as_materialized_series()
                    .str()
                    .map_err(|e| polars_error(shown, e))?
                    .iter()
                    .enumerate()
                    .filter_map(|(row, text)| text.map(|text| (text.len(), row)))
                    .max()
                    .unwrap_or((0, 0)),
                _ => (0, 0),
            };
            check_text_length(column.name().as_str(), row as u64 + 1, longest)?;
            declared.push(TableColumn::new(
                column.name().as_str(),
                sql_type.declare(longest),
            ));
            columns.push(writable(column).map_err(|e| polars_error(shown, e))?);
        }
        let frame =
            DataFrame::new(self.frame.height(), columns).map_err(|e| polars_error(shown, e))?;
        let names: Vec<String> = frame
            .get_column_names()
            .iter()
            .map(|n| n.to_string())
            .collect();
        chunks.header(&names)?;
        let mut offset = 0;
        while offset < frame.height() {
            let mut piece = frame.slice(offset as i64, WRITE_ROWS);
            offset += WRITE_ROWS;
            chunks.write(|writer| {
                csv_writer(writer)
                    .include_header(false)
                    .finish(&mut piece)
                    .map_err(std::io::Error::other)
            })?;
        }
        Ok(declared)
    }
}

/// `column` as the import's CSV writes it: a zoned time as its UTC wall time (Redshift reads a
/// `timestamptz` without offset as UTC), every time to the microsecond.
fn writable(column: &Column) -> polars::prelude::PolarsResult<Column> {
    match column.dtype() {
        DataType::Datetime(_, Some(_)) => {
            let times = column.as_materialized_series().datetime()?;
            let micros = times.cast_time_unit(TimeUnit::Microseconds);
            Ok(micros
                .physical()
                .clone()
                .into_datetime(TimeUnit::Microseconds, None)
                .into_series()
                .into_column())
        }
        DataType::Datetime(_, None) => {
            column.cast(&DataType::Datetime(TimeUnit::Microseconds, None))
        }
        _ => Ok(column.clone()),
    }
}

impl Client {
    /// Imports the DataFrame `frame` into `table` (`"schema.table"`) of `database`:
    /// civis-python's `dataframe_to_civis`, but the frame is written as gzipped CSV streamed
    /// into uploads from memory (a file per
    /// [`IMPORT_CHUNK_BYTES`](crate::frames::IMPORT_CHUNK_BYTES) of gzip; no temporary file),
    /// and the table's columns are declared from the frame's types (text as `VARCHAR` of the
    /// longest value), so no preprocess or type-detection job runs. The options are
    /// [`import_csv`](Client::import_csv)'s; see [`ImportBuilder`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// use polars::prelude::*;
    /// let frame = df!("id" => [1i64, 2], "name" => ["a", "b"]).expect("a frame");
    /// client
    ///     .import_dataframe(&frame, "redshift-general", "scratch.names")
    ///     .existing_rows(civis::tables::ExistingRows::Drop)
    ///     .send()?
    ///     .wait()?;
    /// # Ok(()) }
    /// ```
    pub fn import_dataframe<'c>(
        &'c self,
        frame: &'c DataFrame,
        database: impl Into<NameOrId>,
        table: &str,
    ) -> ImportBuilder<'c> {
        ImportBuilder::from_frame(self, Box::new(FrameWriter { frame }), database, table)
    }

    /// Writes the DataFrame `frame` as a CSV file (with its header) called `name` in Civis
    /// and returns the file's id: civis-python's `dataframe_to_file`. The CSV is made in
    /// memory, then uploaded from there; read it back with
    /// [`read_csv_file`](Client::read_csv_file).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// use polars::prelude::*;
    /// let frame = df!("id" => [1i64, 2]).expect("a frame");
    /// let file_id = client.upload_dataframe(&frame, "ids.csv")?;
    /// let back = client.read_csv_file(file_id).dataframe()?;
    /// # Ok(()) }
    /// ```
    pub fn upload_dataframe(&self, frame: &DataFrame, name: &str) -> Result<i64, Error> {
        let mut bytes = Vec::new();
        let mut columns = Vec::with_capacity(frame.width());
        for column in frame.columns() {
            columns.push(writable(column).map_err(|e| polars_error("the DataFrame", e))?);
        }
        let mut writable_frame = DataFrame::new(frame.height(), columns)
            .map_err(|e| polars_error("the DataFrame", e))?;
        csv_writer(&mut bytes)
            .include_header(true)
            .finish(&mut writable_frame)
            .map_err(|e| polars_error("the DataFrame", e))?;
        self.upload_bytes(bytes, name).send()
    }
}

/// polars' CSV writer with the forms Redshift reads: ISO dates, timestamps to the microsecond.
fn csv_writer<W: std::io::Write>(writer: W) -> CsvWriter<W> {
    CsvWriter::new(writer)
        .with_date_format(Some("%Y-%m-%d".into()))
        .with_datetime_format(Some("%Y-%m-%d %H:%M:%S%.6f".into()))
}
