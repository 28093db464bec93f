//! SQL exports: a run of `POST /scripts/sql` writes its result as CSV (gzip in members,
//! multifile with a manifest) into the mock's storage.

use super::*;

impl Database {
    /// Writes the export of `sql` into storage; the run's outputs.
    pub(super) fn export(
        &mut self,
        job: i64,
        database: i64,
        sql: &str,
        settings: &Map<String, Value>,
        store: &Store,
    ) -> Result<Vec<(String, i64)>, String> {
        let (columns, rows) = match self.run_sql(database, sql) {
            Outcome::Rows { columns, rows } => (columns, rows),
            Outcome::Fails(error) => return Err(error),
        };
        let text = |key: &str, default: &str| {
            settings
                .get(key)
                .and_then(Value::as_str)
                .unwrap_or(default)
                .to_string()
        };
        let header = settings
            .get("include_header")
            .and_then(Value::as_bool)
            .unwrap_or(true);
        let delimiter = delimiter_char(&text("column_delimiter", "comma"))?;
        let compression = text("compression", "gzip");
        let multifile = settings
            .get("force_multifile")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let extension = match compression.as_str() {
            "gzip" => "csv.gz",
            "zip" => "csv.zip",
            _ => "csv",
        };
        let fail = |e: io::Error| format!("the mock could not store the export: {e}");
        let outputs = if multifile {
            // Parts of at most a third of the rows each (and at least one part), without
            // headers: the manifest names the columns.
            let per_part = rows.len().div_ceil(3).max(1);
            let mut entries = Vec::new();
            let chunks: Vec<&[Vec<Option<String>>]> = if rows.is_empty() {
                vec![&[]]
            } else {
                rows.chunks(per_part).collect()
            };
            for (index, chunk) in chunks.into_iter().enumerate() {
                let name = format!("export_{job}_part{index:04}.{extension}");
                let id = store
                    .put_with(&name, |file| {
                        write_csv(file, &columns, chunk, false, delimiter, &compression)
                    })
                    .map_err(fail)?;
                let size = store
                    .stored_path(id)
                    .and_then(|p| p.metadata().ok())
                    .map_or(0, |m| m.len());
                entries.push(json!({
                    "id": id,
                    "name": name,
                    "size": size,
                    "url": format!("s3://mock-bucket/exports/{name}"),
                    "url_signed": store.download_url(id),
                }));
            }
            let manifest = json!({
                "query": sql,
                "header": columns,
                "entries": entries,
                "unquoted": false,
                "compression": compression,
                "delimiter": text("column_delimiter", "comma"),
            });
            let name = format!("export_{job}_manifest.json");
            let id = store
                .put_with(&name, |file| {
                    file.write_all(manifest.to_string().as_bytes())
                })
                .map_err(fail)?;
            vec![(name, id)]
        } else {
            let name = format!("export_{job}.{extension}");
            let id = store
                .put_with(&name, |file| {
                    write_csv(file, &columns, &rows, header, delimiter, &compression)
                })
                .map_err(fail)?;
            vec![(name, id)]
        };
        let output: Vec<Value> = outputs
            .iter()
            .map(|(name, id)| {
                json!({"outputName": name, "fileId": id, "path": store.download_url(*id)})
            })
            .collect();
        self.exports.insert(job, Value::Array(output));
        Ok(outputs)
    }
}

/// The CSV text of `records`.
pub(super) fn csv_piece<'r>(
    records: impl Iterator<Item = Vec<&'r str>>,
    delimiter: u8,
) -> io::Result<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    for record in records {
        writer.write_record(record)?;
    }
    writer.into_inner().map_err(|e| e.into_error())
}

/// Writes the CSV of `rows` (after the header, when asked) to `file` compressed as
/// `compression` says: gzip as one member per [`ROWS_PER_MEMBER`] rows, zip as an archive of
/// one entry. Piece by piece, so that a large result is never all in memory as text.
pub(super) fn write_csv(
    file: &mut File,
    columns: &[String],
    rows: &[Vec<Option<String>>],
    header: bool,
    delimiter: u8,
    compression: &str,
) -> io::Result<()> {
    let header = header.then(|| columns.iter().map(String::as_str).collect::<Vec<_>>());
    let pieces = header
        .into_iter()
        .map(|h| csv_piece(std::iter::once(h), delimiter))
        .chain(rows.chunks(ROWS_PER_MEMBER).map(|chunk| {
            let records = chunk
                .iter()
                .map(|row| row.iter().map(|v| v.as_deref().unwrap_or("")).collect());
            csv_piece(records, delimiter)
        }));
    match compression {
        "gzip" => {
            for piece in pieces {
                let mut member = GzEncoder::new(&mut *file, flate2::Compression::fast());
                member.write_all(&piece?)?;
                member.finish()?;
            }
        }
        "zip" => {
            let mut zip = zip::ZipWriter::new(&mut *file);
            zip.start_file("export.csv", zip::write::SimpleFileOptions::default())
                .map_err(io::Error::other)?;
            for piece in pieces {
                zip.write_all(&piece?)?;
            }
            zip.finish().map_err(io::Error::other)?;
        }
        _ => {
            for piece in pieces {
                file.write_all(&piece?)?;
            }
        }
    }
    Ok(())
}
