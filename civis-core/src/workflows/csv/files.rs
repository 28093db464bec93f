//! CSV files in Civis read as typed rows, batches or frames: which files, their header and
//! delimiter, the columns' types (given, from a table, or inferred), and the options every typed
//! path shares.

use std::fmt;

use super::dialect::delimiter_name;
use super::manifest::UnloadManifest;
use super::options::ReadOptions;
use super::rows::Rows;
use super::stream;
use super::typed_rows::TypedRows;
use crate::data::error::Error;
use crate::data::sql_types::SqlType;
use crate::transport::client::Client;

/// Where the column names are.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Header {
    /// In the first record of the (first) file.
    InFile,
    /// Not in the files: these (a multifile unload's manifest), or `column_1`, `column_2`...
    Given(Option<Vec<String>>),
}

/// CSV files in Civis to read as typed results, being prepared:
/// [`Client::read_csv_file`] (one file, civis-python's `file_to_dataframe`) or
/// [`Client::read_unload`] (the parts of a multifile export, in order). It ends in
/// [`rows`](Self::rows), [`rows_as`](Self::rows_as), `arrow`/`arrow_all` (feature `arrow`) or
/// `dataframe` (feature `polars`).
///
/// Defaults: delimiter `,` (an unload's own), a header record (an unload's names from its
/// manifest), types inferred unless given.
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// # let client = civis::Client::new()?;
/// use civis::tables::SqlType;
/// let rows = client
///     .read_csv_file(12345)
///     .delimiter('|')
///     .column_type("zip", SqlType::Text)
///     .rows()?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
#[must_use = "a read does nothing until it is ended by rows, rows_as, arrow, arrow_all or dataframe"]
pub struct CsvFiles<'c> {
    pub(crate) client: &'c Client,
    pub(crate) files: Vec<i64>,
    pub(crate) header: Header,
    delimiter: char,
    pub(crate) options: ReadOptions,
    pub(crate) table: Option<Vec<(String, SqlType)>>,
}

impl fmt::Debug for CsvFiles<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CsvFiles")
            .field("files", &self.files)
            .field("header", &self.header)
            .field("delimiter", &self.delimiter)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// The CSV file `file_id` in Civis (plain or gzipped), to read as typed results: see
    /// [`CsvFiles`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// for record in client.read_csv_file(12345).rows()? {
    ///     println!("{:?}", record?);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn read_csv_file(&self, file_id: i64) -> CsvFiles<'_> {
        CsvFiles {
            client: self,
            files: vec![file_id],
            header: Header::InFile,
            delimiter: ',',
            options: ReadOptions::default(),
            table: None,
        }
    }

    /// Every file of a multifile export (from [`SqlBuilder::unload`](crate::sql::SqlBuilder::unload)),
    /// in the manifest's order, as one result: the files download in parallel (up to four at
    /// once, each a bounded distance ahead of the reader), the column names come from the
    /// manifest. See [`CsvFiles`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let manifest = client.sql("select * from big_table", 32).unload()?;
    /// let mut count = 0;
    /// for record in client.read_unload(&manifest).rows()? {
    ///     record?;
    ///     count += 1;
    /// }
    /// # Ok(()) }
    /// ```
    pub fn read_unload(&self, manifest: &UnloadManifest) -> CsvFiles<'_> {
        let delimiter = match manifest.delimiter.as_str() {
            "tab" | "\t" => '\t',
            "pipe" | "|" => '|',
            _ => ',',
        };
        CsvFiles {
            client: self,
            files: manifest.entries.iter().map(|entry| entry.id).collect(),
            header: Header::Given(Some(manifest.header.clone())),
            delimiter,
            options: ReadOptions::default(),
            table: None,
        }
    }
}

impl<'c> CsvFiles<'c> {
    /// The files' delimiter: `,` (the default), `'\t'` or `|`.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let rows = client.read_csv_file(1).delimiter('\t').rows()?;
    /// # Ok(()) }
    /// ```
    pub fn delimiter(mut self, delimiter: char) -> Self {
        self.delimiter = delimiter;
        self
    }

    /// Whether the file starts with a header record (default: yes). Without one the columns
    /// are called `column_1`, `column_2`, ...
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let rows = client.read_csv_file(1).header(false).rows()?;
    /// # Ok(()) }
    /// ```
    pub fn header(mut self, header: bool) -> Self {
        self.header = match (header, self.header) {
            (true, Header::Given(_)) | (true, Header::InFile) => Header::InFile,
            (false, Header::Given(names)) => Header::Given(names),
            (false, Header::InFile) => Header::Given(None),
        };
        self
    }

    /// The type of column `column`, whatever a table or the data say.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// use civis::tables::SqlType;
    /// let rows = client.read_csv_file(1).column_type("id", SqlType::BigInt).rows()?;
    /// # Ok(()) }
    /// ```
    pub fn column_type(mut self, column: impl Into<String>, sql_type: SqlType) -> Self {
        self.options.column_type(column.into(), sql_type);
        self
    }

    /// Every column is text (but those given a [`column_type`](Self::column_type)).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let rows = client.read_csv_file(1).all_text().rows()?;
    /// # Ok(()) }
    /// ```
    pub fn all_text(mut self) -> Self {
        self.options.all_text();
        self
    }

    /// Rows per Arrow record batch (default [`DEFAULT_BATCH_SIZE`](crate::frames::DEFAULT_BATCH_SIZE); at least 1).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let reader = client.read_csv_file(1).batch_size(10_000);
    /// # Ok(()) }
    /// ```
    pub fn batch_size(mut self, rows: usize) -> Self {
        self.options.batch_size(rows);
        self
    }

    /// The text encoding of the files (default UTF-8), decoded into UTF-8 as they stream: see
    /// [`SqlBuilder::encoding`](crate::sql::SqlBuilder::encoding).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let rows = client.read_csv_file(1).encoding("latin-1").rows()?;
    /// # Ok(()) }
    /// ```
    pub fn encoding(mut self, label: &str) -> Self {
        self.options.encoding(label.to_string());
        self
    }

    /// The most bytes one record may hold (default
    /// [`DEFAULT_MAX_RECORD_BYTES`](crate::frames::DEFAULT_MAX_RECORD_BYTES), 8 MiB; at least 1):
    /// a longer record ends the read with an error naming the bound, rather than being held in
    /// memory whatever its size. Applies to [`rows`](Self::rows), [`rows_as`](Self::rows_as) and
    /// Arrow batches.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let rows = client.read_csv_file(1).max_record_size(64 * 1024 * 1024).rows()?;
    /// # Ok(()) }
    /// ```
    pub fn max_record_size(mut self, bytes: usize) -> Self {
        self.options.max_record_size(bytes);
        self
    }

    /// The records, as strings, header first (a given header too): as
    /// [`SqlBuilder::rows`](crate::sql::SqlBuilder::rows) reads an export.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let mut rows = client.read_csv_file(1).rows()?;
    /// let header = rows.next().transpose()?;
    /// # Ok(()) }
    /// ```
    pub fn rows(self) -> Result<Rows, Error> {
        let delimiter = self.delimiter_byte()?;
        let given = match &self.header {
            Header::InFile => None,
            Header::Given(names) => Some(names.clone().unwrap_or_default()),
        };
        let stream = self.open()?;
        Ok(Rows::from_stream(
            self.first_file(),
            stream,
            delimiter,
            given,
            self.options.max_record,
        ))
    }

    /// Every row as a `T`, its fields matched to the columns by name from the header (serde's
    /// `rename` and `Option` fields work as usual), streamed. Booleans of columns known to be
    /// `boolean` (a given type, or a table's) read from Redshift's `t`/`f`. See
    /// [`TypedRows`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// #[derive(serde::Deserialize)]
    /// struct Point { x: f64, y: f64, label: Option<String> }
    /// let points: Vec<Point> = client.read_csv_file(1).rows_as::<Point>()?.collect::<Result<_, _>>()?;
    /// # Ok(()) }
    /// ```
    pub fn rows_as<T: serde::de::DeserializeOwned>(self) -> Result<TypedRows<T>, Error> {
        let options = self.options.clone();
        let table = self.table.clone();
        TypedRows::new(self.rows()?, &options, table.as_deref())
    }

    /// The table's column types that apply, for [`SqlBuilder`](crate::sql::SqlBuilder).
    pub(crate) fn with_table(mut self, table: Option<Vec<(String, SqlType)>>) -> Self {
        self.table = table;
        self
    }

    pub(crate) fn with_options(mut self, options: ReadOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn delimiter_byte(&self) -> Result<u8, Error> {
        delimiter_name(self.delimiter)?;
        Ok(self.delimiter as u8)
    }

    /// A manifest that lists a file twice would read its rows twice: refused.
    pub(crate) fn check_files(&self) -> Result<(), Error> {
        for (i, id) in self.files.iter().enumerate() {
            if let Some(again) = self.files[i + 1..].iter().position(|other| other == id) {
                return Err(Error::Usage(format!(
                    "the manifest lists file {id} twice (entries {} and {}): each part of an unload is read once, so the manifest is not one the platform wrote",
                    i + 1,
                    i + again + 2
                )));
            }
        }
        Ok(())
    }

    /// The files' inflated bytes, in order, as UTF-8.
    pub(crate) fn open(&self) -> Result<Box<dyn std::io::Read + Send>, Error> {
        self.check_files()?;
        self.options.check_encoding()?;
        let stream = match self.files.as_slice() {
            [] => Box::new(std::io::empty()),
            [one] => stream::inflated(self.client, *one)?,
            many => stream::concatenated(self.client, many),
        };
        self.options.decoded(stream)
    }

    /// The first file's id, which errors of the stream name (0 when there is none).
    pub(crate) fn first_file(&self) -> i64 {
        self.files.first().copied().unwrap_or_default()
    }

    /// What the errors name as the rows' source.
    #[cfg_attr(not(any(feature = "arrow", feature = "polars")), allow(dead_code))]
    pub(crate) fn shown(&self) -> String {
        match self.files.as_slice() {
            [one] => format!("file {one}"),
            many => format!("the files {many:?}"),
        }
    }
}

/// The table that `sql` reads, when it is a plain `select` of `*` or of listed columns (bare
/// names, no expressions) from one table, with at most a `where`, `order by` or `limit` after:
/// then the result's columns have the table's types.
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::frames::plain_select_table;
/// assert_eq!(plain_select_table("select * from sales.orders"), Some("sales.orders".into()));
/// assert_eq!(plain_select_table("SELECT id, \"Total\" FROM \"my schema\".t WHERE id > 3 LIMIT 10;"), Some("\"my schema\".t".into()));
/// assert_eq!(plain_select_table("select count(*) from t"), None);
/// assert_eq!(plain_select_table("select a from t join u on t.id = u.id"), None);
/// assert_eq!(plain_select_table("select a::text from t"), None);
/// ```
pub fn plain_select_table(sql: &str) -> Option<String> {
    let sql = sql.trim().trim_end_matches(';').trim_end();
    let rest = strip_keyword(sql, "select")?;
    let from = find_keyword(rest, "from")?;
    let list = rest[..from].trim();
    let after = rest[from + 4..].trim_start();
    let plain_list = list == "*"
        || list.split(',').all(|item| {
            let item = item.trim();
            let quoted = item.len() >= 2 && item.starts_with('"') && item.ends_with('"');
            let bare = !item.is_empty()
                && item.chars().all(|c| c.is_alphanumeric() || c == '_')
                && !item.starts_with(|c: char| c.is_ascii_digit());
            (quoted && !item[1..item.len() - 1].contains('"')) || bare
        });
    if !plain_list {
        return None;
    }
    // The table name ends at white space outside quotes.
    let mut in_quotes = false;
    let end = after
        .char_indices()
        .find(|&(_, c)| {
            if c == '"' {
                in_quotes = !in_quotes;
            }
            !in_quotes && (c.is_whitespace() || c == ',' || c == '(')
        })
        .map_or(after.len(), |(i, _)| i);
    let (table, tail) = after.split_at(end);
    let tail = tail.trim_start();
    let allowed_tail = tail.is_empty()
        || ["where", "order", "limit"]
            .iter()
            .any(|word| strip_keyword(tail, word).is_some());
    let joins = tail.to_ascii_lowercase().contains(" join ")
        || tail.to_ascii_lowercase().contains("select");
    (allowed_tail && !joins && !table.is_empty() && !tail.starts_with(','))
        .then(|| table.to_string())
        .filter(|table| crate::data::names::split_schema_tablename(table).is_ok())
}

/// `text` after the keyword `word` and white space, if it starts with them.
fn strip_keyword<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let head = text.get(..word.len())?;
    let rest = &text[word.len()..];
    (head.eq_ignore_ascii_case(word) && rest.starts_with(char::is_whitespace)).then_some(rest)
}

/// Where the keyword `word` stands alone (white space before and after) in `text`, outside
/// double quotes.
fn find_keyword(text: &str, word: &str) -> Option<usize> {
    let mut in_quotes = false;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'"' {
            in_quotes = !in_quotes;
        }
        if in_quotes || i == 0 || !bytes[i - 1].is_ascii_whitespace() {
            continue;
        }
        let candidate = text.get(i..i + word.len());
        let after = bytes.get(i + word.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(word))
            && after.is_some_and(u8::is_ascii_whitespace)
        {
            return Some(i);
        }
    }
    None
}

/// The inferred type of a column from its leading values (empty ones are nulls and say
/// nothing), as polars infers: integers, then floating point, then `true`/`false`, else text.
#[cfg_attr(not(feature = "arrow"), allow(dead_code))]
pub(crate) fn infer<'a>(values: impl Iterator<Item = &'a str>) -> SqlType {
    let mut inferred: Option<SqlType> = None;
    for value in values.filter(|v| !v.is_empty()) {
        let this = if value.parse::<i64>().is_ok() {
            SqlType::BigInt
        } else if value.parse::<f64>().is_ok() {
            SqlType::Double
        } else if value.eq_ignore_ascii_case("true") || value.eq_ignore_ascii_case("false") {
            SqlType::Boolean
        } else {
            return SqlType::Text;
        };
        inferred = Some(match (inferred, this) {
            (None, t) => t,
            (Some(a), b) if a == b => a,
            (Some(SqlType::BigInt), SqlType::Double) | (Some(SqlType::Double), SqlType::BigInt) => {
                SqlType::Double
            }
            _ => return SqlType::Text,
        });
    }
    inferred.unwrap_or(SqlType::Text)
}
