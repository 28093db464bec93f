//! What several preprocess jobs found, made into one import: civis-python's
//! `_process_cleaning_results`. The files must agree on their header, delimiter and compression
//! (and with what the caller gave); their detected column types are merged, `VARCHAR` where
//! they differ and one of them is text, an error where they cannot be.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::TableColumn;
use crate::data::error::Error;

/// What the preprocess job found in a file (`detectedInfo` of `GET /files/{id}`).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct DetectedInfo {
    #[serde(default)]
    pub(super) include_header: Option<bool>,
    #[serde(default)]
    pub(super) column_delimiter: Option<String>,
    #[serde(default)]
    pub(super) compression: Option<String>,
    #[serde(default)]
    pub(super) table_columns: Option<Vec<TableColumn>>,
}

/// A file a preprocess job left (`GET /files/{id}`), named in errors as civis-python names it.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CleanedFile {
    pub(super) id: i64,
    #[serde(default)]
    pub(super) name: String,
    #[serde(default)]
    pub(super) detected_info: Option<DetectedInfo>,
}

impl CleanedFile {
    fn info(&self) -> &DetectedInfo {
        static NOTHING: DetectedInfo = DetectedInfo {
            include_header: None,
            column_delimiter: None,
            compression: None,
            table_columns: None,
        };
        self.detected_info.as_ref().unwrap_or(&NOTHING)
    }
}

/// How the import reads the files, as the files agree on it.
#[derive(Debug, PartialEq)]
pub(super) struct Agreed {
    pub(super) header: Option<bool>,
    pub(super) delimiter: Option<String>,
    pub(super) compression: Option<String>,
    /// The merged detected columns, when they were asked for.
    pub(super) table_columns: Option<Vec<TableColumn>>,
}

/// The header, delimiter, compression and (when `need_columns`) columns of `files`, checked as
/// civis-python checks them; `header` and `delimiter` are the caller's (the delimiter by its
/// API name), which the files' must equal. Every disagreement is an [`Error::Import`] naming
/// the files.
pub(super) fn agree(
    files: &[CleanedFile],
    header: Option<bool>,
    delimiter: Option<&str>,
    need_columns: bool,
) -> Result<Agreed, Error> {
    let (table_columns, headers_may_differ) = if need_columns {
        let (columns, may_differ) = merge_columns(files)?;
        (Some(columns), may_differ)
    } else {
        (None, false)
    };
    let header = match agreed(files, "includeHeader", |i| i.include_header, header) {
        // A file whose columns were all read as text may have taken its header for a row:
        // civis-python then reads every file with a header.
        Err(_) if headers_may_differ => Some(true),
        other => other?,
    };
    let delimiter = agreed(
        files,
        "columnDelimiter",
        |i| i.column_delimiter.clone(),
        delimiter.map(str::to_string),
    )?;
    let compression = agreed(files, "compression", |i| i.compression.clone(), None)?;
    Ok(Agreed {
        header,
        delimiter,
        compression,
        table_columns,
    })
}

/// The value of `attr` every file has, which must be `given` when the caller gave one.
fn agreed<T: PartialEq + Ord + Clone + Shown>(
    files: &[CleanedFile],
    attr: &str,
    value: impl Fn(&DetectedInfo) -> Option<T>,
    given: Option<T>,
) -> Result<Option<T>, Error> {
    let values: Vec<Option<T>> = files.iter().map(|f| value(f.info())).collect();
    if let Some(listed) = inconsistent(&values, files) {
        return Err(Error::Import(format!(
            "All detected values for '{attr}' must be the same, however --\n{listed}"
        )));
    }
    let detected = values.into_iter().next().flatten();
    match (given, &detected) {
        (Some(given), Some(found)) if &given != found => Err(Error::Import(format!(
            "All detected values for '{attr}' in your files are {}, which doesn't match your provided value of {}",
            found.shown(),
            given.shown()
        ))),
        (given, _) => Ok(detected.or(given)),
    }
}

/// The files' detected columns, merged: each column's base type (`VARCHAR` of `VARCHAR(256)`)
/// must be the same in every file, but for text: where one file has `VARCHAR`, the column is
/// `VARCHAR` (and the files' headers may then disagree). Also whether they may.
fn merge_columns(files: &[CleanedFile]) -> Result<(Vec<TableColumn>, bool), Error> {
    let by_file: Vec<&[TableColumn]> = files
        .iter()
        .map(|f| f.info().table_columns.as_deref().unwrap_or_default())
        .collect();
    let counts: Vec<usize> = by_file.iter().map(|c| c.len()).collect();
    if let Some(listed) = inconsistent(&counts, files) {
        return Err(Error::Import(format!(
            "All files must have the same number of columns, however --\n{listed}"
        )));
    }
    let width = counts.first().copied().unwrap_or(0);
    let mut merged = Vec::with_capacity(width);
    let mut errors = Vec::new();
    let mut headers_may_differ = false;
    for i in 0..width {
        let column: Vec<&TableColumn> = by_file.iter().map(|columns| &columns[i]).collect();
        let name = column
            .iter()
            .map(|c| c.name.as_str())
            .find(|name| !name.is_empty())
            .map_or_else(|| format!("column_{}", i + 1), str::to_string);
        let base_types: Vec<String> = column.iter().map(|c| base_type(&c.sql_type)).collect();
        let sql_type = match inconsistent(&base_types, files) {
            None => widest(&column),
            Some(_) if base_types.iter().any(|t| t == "VARCHAR") => {
                headers_may_differ = true;
                "VARCHAR".to_string()
            }
            Some(listed) => {
                errors.push(format!(
                    "All sql_types for column '{name}' must be the same, however --\n{listed}"
                ));
                continue;
            }
        };
        merged.push(TableColumn::new(name, sql_type));
    }
    if !errors.is_empty() {
        return Err(Error::Import(errors.join("\n")));
    }
    Ok((merged, headers_may_differ))
}

/// The type of a column that every file gives the same base type: for text, the widest
/// (`VARCHAR(3000)` over `VARCHAR(3)`, `MAX` over any length), so that no file's values are too
/// long for it; otherwise the first file's.
fn widest(column: &[&TableColumn]) -> String {
    /// A text type's length: `MAX` above any number, none Redshift's default of 256.
    fn length(sql_type: &str) -> usize {
        let Some((_, rest)) = sql_type.split_once('(') else {
            return 256;
        };
        let inside = rest.split(')').next().unwrap_or_default().trim();
        if inside.eq_ignore_ascii_case("max") {
            usize::MAX
        } else {
            inside.parse().unwrap_or(256)
        }
    }
    let text = matches!(
        base_type(&column[0].sql_type).as_str(),
        "VARCHAR" | "CHARACTER VARYING" | "CHAR" | "CHARACTER" | "NVARCHAR" | "TEXT"
    );
    let chosen = if text {
        column
            .iter()
            .max_by_key(|c| length(&c.sql_type))
            .unwrap_or(&column[0])
    } else {
        &column[0]
    };
    chosen.sql_type.clone()
}

/// `VARCHAR` of `varchar(256)`: a type without its length or precision, in upper case.
fn base_type(sql_type: &str) -> String {
    sql_type
        .split('(')
        .next()
        .unwrap_or_default()
        .trim()
        .to_uppercase()
}

/// When `values` (one per file) are not all equal, one line per value naming the files that
/// have it (`\t1 from: file 11 (a.csv), file 12 (b.csv)`).
fn inconsistent<T: Ord + Shown>(values: &[T], files: &[CleanedFile]) -> Option<String> {
    let mut files_by_value: BTreeMap<&T, Vec<String>> = BTreeMap::new();
    for (value, file) in values.iter().zip(files) {
        files_by_value
            .entry(value)
            .or_default()
            .push(format!("file {} ({})", file.id, file.name));
    }
    if files_by_value.len() <= 1 {
        return None;
    }
    // In the order the values first appear, as civis-python lists them.
    let mut lines: Vec<(usize, String)> = files_by_value
        .into_iter()
        .map(|(value, named)| {
            let first = values.iter().position(|v| v == value).unwrap_or(0);
            (
                first,
                format!("\t{} from: {}", value.shown(), named.join(", ")),
            )
        })
        .collect();
    lines.sort();
    Some(
        lines
            .into_iter()
            .map(|(_, line)| line)
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// A detected value as the errors show it (Python's spelling, as civis-python's errors do).
trait Shown {
    fn shown(&self) -> String;
}

impl Shown for bool {
    fn shown(&self) -> String {
        if *self { "True" } else { "False" }.to_string()
    }
}

impl Shown for String {
    fn shown(&self) -> String {
        self.clone()
    }
}

impl Shown for usize {
    fn shown(&self) -> String {
        self.to_string()
    }
}

impl<T: Shown> Shown for Option<T> {
    fn shown(&self) -> String {
        self.as_ref().map_or_else(|| "None".to_string(), T::shown)
    }
}

impl<T: Shown> Shown for &T {
    fn shown(&self) -> String {
        (*self).shown()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(id: i64, header: bool, delimiter: &str, columns: &[(&str, &str)]) -> CleanedFile {
        CleanedFile {
            id,
            name: format!("f{id}.csv"),
            detected_info: Some(DetectedInfo {
                include_header: Some(header),
                column_delimiter: Some(delimiter.into()),
                compression: Some("none".into()),
                table_columns: Some(
                    columns
                        .iter()
                        .map(|(n, t)| TableColumn::new(*n, *t))
                        .collect(),
                ),
            }),
        }
    }

    fn message(result: Result<Agreed, Error>) -> String {
        match result {
            Err(Error::Import(message)) => message,
            other => panic!("expected an import error, got {other:?}"),
        }
    }

    #[test]
    fn agreeing_files_keep_the_widest_text_and_the_detected_values() {
        let files = [
            file(
                1,
                true,
                "comma",
                &[("id", "BIGINT"), ("name", "VARCHAR(256)")],
            ),
            file(
                2,
                true,
                "comma",
                &[("id", "BIGINT"), ("name", "VARCHAR(1024)")],
            ),
        ];
        let agreed = agree(&files, None, None, true).unwrap();
        assert_eq!(agreed.header, Some(true));
        assert_eq!(agreed.delimiter.as_deref(), Some("comma"));
        assert_eq!(agreed.compression.as_deref(), Some("none"));
        assert_eq!(
            agreed.table_columns.unwrap(),
            [
                TableColumn::new("id", "BIGINT"),
                TableColumn::new("name", "VARCHAR(1024)")
            ]
        );
    }

    #[test]
    fn merged_text_takes_the_widest_varchar_whichever_file_has_it() {
        let files = [
            file(1, true, "comma", &[("code", "VARCHAR(3)")]),
            file(2, true, "comma", &[("code", "VARCHAR(3000)")]),
            file(3, true, "comma", &[("code", "varchar(12)")]),
        ];
        let agreed = agree(&files, None, None, true).unwrap();
        assert_eq!(
            agreed.table_columns.unwrap(),
            [TableColumn::new("code", "VARCHAR(3000)")]
        );
        let files = [
            file(1, true, "comma", &[("doc", "VARCHAR(65535)")]),
            file(2, true, "comma", &[("doc", "VARCHAR(MAX)")]),
        ];
        let agreed = agree(&files, None, None, true).unwrap();
        assert_eq!(
            agreed.table_columns.unwrap(),
            [TableColumn::new("doc", "VARCHAR(MAX)")]
        );
    }

    #[test]
    fn a_text_column_in_one_file_makes_the_column_varchar_and_forgives_headers() {
        let files = [
            file(1, true, "comma", &[("code", "BIGINT")]),
            file(2, true, "comma", &[("code", "DOUBLE PRECISION")]),
            file(3, false, "comma", &[("", "VARCHAR(256)")]),
        ];
        let agreed = agree(&files, None, None, true).unwrap();
        assert_eq!(
            agreed.table_columns.unwrap(),
            [TableColumn::new("code", "VARCHAR")]
        );
        assert_eq!(agreed.header, Some(true));
    }

    #[test]
    fn types_that_cannot_merge_are_an_error_naming_each_file() {
        let files = [
            file(1, true, "comma", &[("day", "DATE"), ("n", "BIGINT")]),
            file(2, true, "comma", &[("day", "DATE"), ("n", "DATE")]),
        ];
        assert_eq!(
            message(agree(&files, None, None, true)),
            "All sql_types for column 'n' must be the same, however --\n\tBIGINT from: file 1 (f1.csv)\n\tDATE from: file 2 (f2.csv)"
        );
    }

    #[test]
    fn column_counts_headers_delimiters_and_given_values_must_agree() {
        let two = [
            file(1, true, "comma", &[("a", "BIGINT")]),
            file(2, true, "comma", &[("a", "BIGINT"), ("b", "BIGINT")]),
        ];
        assert!(message(agree(&two, None, None, true)).starts_with(
            "All files must have the same number of columns, however --\n\t1 from: file 1"
        ));
        let headers = [
            file(1, true, "comma", &[("a", "BIGINT")]),
            file(2, false, "comma", &[("a", "BIGINT")]),
            file(3, true, "comma", &[("a", "BIGINT")]),
        ];
        assert_eq!(
            message(agree(&headers, None, None, true)),
            "All detected values for 'includeHeader' must be the same, however --\n\tTrue from: file 1 (f1.csv), file 3 (f3.csv)\n\tFalse from: file 2 (f2.csv)"
        );
        let delimiters = [file(1, true, "comma", &[]), file(2, true, "pipe", &[])];
        assert!(message(agree(&delimiters, None, None, false))
            .starts_with("All detected values for 'columnDelimiter' must be the same"));
        let one = [file(1, true, "pipe", &[])];
        assert_eq!(
            message(agree(&one, None, Some("comma"), false)),
            "All detected values for 'columnDelimiter' in your files are pipe, which doesn't match your provided value of comma"
        );
        assert_eq!(
            message(agree(&one, Some(false), None, false)),
            "All detected values for 'includeHeader' in your files are True, which doesn't match your provided value of False"
        );
    }
}
