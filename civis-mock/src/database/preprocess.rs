//! Preprocessing: a run of `POST /files/preprocess/csv` cleans a stored file and detects its
//! header, delimiter, compression and column types; the CSV reading the imports share.

use super::*;

/// `POST /files/preprocess/csv` of a stored file: a preprocess job.
pub(crate) fn post_preprocess_csv(
    simulation: &mut Simulation<'_>,
    incoming: &Incoming,
    _: &Params,
) -> Option<Scripted> {
    let body = incoming.body_fields();
    let file = number(body.get("file_id"))?;
    simulation.store.stored_path(file)?;
    let job = simulation
        .database
        .new_job(DbJob::Preprocess { body: body.clone() });
    Some(job_made(body, job))
}

/// A preprocess job's work: the file cleaned into a new file, compressed as the source was,
/// whose `detectedInfo` tells its header, delimiter, compression (`gzip` or `none`) and, when
/// asked, column types.
pub(super) fn preprocess(
    body: &Map<String, Value>,
    store: &Store,
) -> Result<Vec<(String, i64)>, String> {
    let source = body
        .get("file_id")
        .and_then(Value::as_i64)
        .unwrap_or_default();
    let (bytes, gzipped) = read_source(store, source)?;
    let delimiter = match body.get("column_delimiter").and_then(Value::as_str) {
        Some(name) => delimiter_char(name)?,
        None => detect_delimiter(&bytes),
    };
    let records = parse(&bytes, delimiter).map_err(|e| format!("file {source} is not CSV: {e}"))?;
    let header = match body.get("include_header").and_then(Value::as_bool) {
        Some(header) => header,
        None => looks_like_header(&records),
    };
    let (names, rows) = split_header(records, header);
    let mut info = json!({
        "includeHeader": header,
        "columnDelimiter": delimiter_name(delimiter),
        "compression": if gzipped { "gzip" } else { "none" },
    });
    if body.get("detect_table_columns").and_then(Value::as_bool) == Some(true) {
        let columns: Vec<Value> = detect_types(&names, &rows)
            .into_iter()
            .map(|(name, sql_type)| json!({"name": name, "sqlType": sql_type}))
            .collect();
        info["tableColumns"] = Value::Array(columns);
    }
    let name = format!("cleaned_{source}.csv{}", if gzipped { ".gz" } else { "" });
    let id = store
        .put_with(&name, |file| {
            if gzipped {
                let mut gzip = GzEncoder::new(file, flate2::Compression::fast());
                gzip.write_all(&bytes)?;
                gzip.finish().map(drop)
            } else {
                file.write_all(&bytes)
            }
        })
        .map_err(|e| format!("the mock could not store the cleaned file: {e}"))?;
    store.set_meta(id, "detectedInfo", info);
    Ok(vec![(name, id)])
}

/// The bytes of stored file `id`, decompressed when they are gzip, and whether they were.
pub(super) fn read_source(store: &Store, id: i64) -> Result<(Vec<u8>, bool), String> {
    let path = store
        .stored_path(id)
        .ok_or_else(|| format!("file {id} does not exist"))?;
    let mut file = BufReader::new(File::open(&path).map_err(|e| e.to_string())?);
    let mut raw = Vec::new();
    file.read_to_end(&mut raw).map_err(|e| e.to_string())?;
    if raw.starts_with(&[0x1f, 0x8b]) {
        let mut plain = Vec::new();
        MultiGzDecoder::new(&raw[..])
            .read_to_end(&mut plain)
            .map_err(|e| format!("file {id} is not valid gzip: {e}"))?;
        return Ok((plain, true));
    }
    Ok((raw, false))
}

/// The column names (from the header, or `column_1`, ...) and rows of stored file `id`, which
/// must be compressed as `compression` (`gzip` or `none`) says, as the platform's `COPY`
/// reads it.
#[allow(clippy::type_complexity)]
pub(super) fn read_csv(
    store: &Store,
    id: i64,
    delimiter: u8,
    header: bool,
    compression: &str,
) -> Result<(Vec<String>, Vec<Vec<Option<String>>>), String> {
    let (bytes, gzipped) = read_source(store, id)?;
    if gzipped != (compression == "gzip") {
        return Err(format!(
            "file {id} is {}, but the import's compression is \"{compression}\"",
            if gzipped { "gzip" } else { "not compressed" }
        ));
    }
    let records = parse(&bytes, delimiter).map_err(|e| format!("file {id} is not CSV: {e}"))?;
    Ok(split_header(records, header))
}

pub(super) fn parse(bytes: &[u8], delimiter: u8) -> Result<Vec<Vec<String>>, csv::Error> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delimiter)
        .from_reader(bytes)
        .records()
        .map(|record| record.map(|r| r.iter().map(str::to_string).collect()))
        .collect()
}

/// The header's names (or `column_1`, ...) and the rows, an empty field read as `NULL`, as
/// Redshift's `COPY ... CSV` reads an empty unquoted field. A quoted empty field (`""`) is
/// `NULL` here too, where Redshift would load an empty string into a character column: the
/// CSV reader does not tell the two apart, and no test has needed the difference yet.
#[allow(clippy::type_complexity)]
pub(super) fn split_header(
    mut records: Vec<Vec<String>>,
    header: bool,
) -> (Vec<String>, Vec<Vec<Option<String>>>) {
    let names = if header && !records.is_empty() {
        records.remove(0)
    } else {
        let width = records.first().map_or(0, Vec::len);
        (1..=width).map(|i| format!("column_{i}")).collect()
    };
    let rows = records
        .into_iter()
        .map(|r| {
            r.into_iter()
                .map(|v| (!v.is_empty()).then_some(v))
                .collect()
        })
        .collect();
    (names, rows)
}

/// A first row is a header when it has no number where a later row has one, or when it is
/// the only row.
pub(super) fn looks_like_header(records: &[Vec<String>]) -> bool {
    let Some(first) = records.first() else {
        return false;
    };
    let numeric = |v: &str| v.parse::<f64>().is_ok();
    if first.iter().any(|v| numeric(v)) {
        return false;
    }
    records.len() == 1
        || records[1..]
            .iter()
            .any(|row| row.iter().any(|v| numeric(v)))
        || records[1..].iter().any(|row| row != first)
}

pub(super) fn detect_delimiter(bytes: &[u8]) -> u8 {
    let line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    [b',', b'\t', b'|']
        .into_iter()
        .max_by_key(|d| line.iter().filter(|b| *b == d).count())
        .unwrap_or(b',')
}

/// Column types as the platform would detect them, the first that every non-NULL value fits:
/// `BIGINT`, `DOUBLE PRECISION`, `BOOLEAN` (`true`/`false`/`t`/`f`, any case), `DATE`
/// (`YYYY-MM-DD`), `TIMESTAMP` (no offset: an offset is left to a `VARCHAR`, as a zone would
/// need declaring), else `VARCHAR(n)` wide enough for the longest value (in bytes).
pub(super) fn detect_types(
    names: &[String],
    rows: &[Vec<Option<String>>],
) -> Vec<(String, String)> {
    names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let values: Vec<&str> = rows
                .iter()
                .filter_map(|row| row.get(i).and_then(|v| v.as_deref()))
                .collect();
            let all = |test: fn(&str) -> bool| !values.is_empty() && values.iter().all(|v| test(v));
            let sql_type = if all(|v| v.parse::<i64>().is_ok()) {
                "BIGINT".to_string()
            } else if all(|v| v.parse::<f64>().is_ok()) {
                "DOUBLE PRECISION".to_string()
            } else if all(|v| {
                matches!(
                    v.to_ascii_lowercase().as_str(),
                    "true" | "false" | "t" | "f"
                )
            }) {
                "BOOLEAN".to_string()
            } else if all(values::is_date) {
                "DATE".to_string()
            } else if all(values::is_timestamp) {
                "TIMESTAMP".to_string()
            } else {
                let longest = values.iter().map(|v| v.len()).max().unwrap_or(0);
                format!("VARCHAR({})", longest.max(1).next_power_of_two().max(256))
            };
            (name.clone(), sql_type)
        })
        .collect()
}

pub(super) fn delimiter_char(name: &str) -> Result<u8, String> {
    match name {
        "comma" | "," => Ok(b','),
        "tab" | "\t" => Ok(b'\t'),
        "pipe" | "|" => Ok(b'|'),
        other => Err(format!("unknown column_delimiter \"{other}\"")),
    }
}

pub(super) fn delimiter_name(delimiter: u8) -> &'static str {
    match delimiter {
        b'\t' => "tab",
        b'|' => "pipe",
        _ => "comma",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detected_types_include_dates_timestamps_and_t_f_booleans() {
        let names: Vec<String> = ["n", "x", "b", "d", "ts", "tz", "s"]
            .map(String::from)
            .to_vec();
        let row = |values: [&str; 7]| {
            values
                .map(|v| (!v.is_empty()).then(|| v.to_string()))
                .to_vec()
        };
        let rows = vec![
            row([
                "1",
                "1.5",
                "t",
                "2024-01-05",
                "2024-01-05 10:00:00",
                "2024-01-05 10:00:00+02",
                "a",
            ]),
            row([
                "",
                "2",
                "F",
                "2024-02-29",
                "2024-01-05",
                "2024-01-05",
                "2024-01-05",
            ]),
        ];
        let types: Vec<String> = detect_types(&names, &rows)
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        assert_eq!(
            types,
            [
                "BIGINT",
                "DOUBLE PRECISION",
                "BOOLEAN",
                "DATE",
                "TIMESTAMP",
                "VARCHAR(256)",
                "VARCHAR(256)"
            ]
        );
    }
}
