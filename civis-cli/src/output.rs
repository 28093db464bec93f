//! How answers are printed: JSON (the default; pretty on a terminal, one line otherwise) or, with
//! `--yaml`, YAML as civis-python's command line prints by default. JSON is ours because it is
//! what other programs (`jq`) read; `--json` says so explicitly.

use std::io::{IsTerminal, Write};

use serde_json::Value;

use civis::Error;

/// The output format chosen on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// JSON, pretty on a terminal.
    #[default]
    Json,
    /// JSON on one line, as civis-python's `--json-output` prints it.
    JsonCompact,
    /// YAML, block style.
    Yaml,
}

impl Format {
    /// Prints `value` on stdout in this format.
    pub fn print(self, value: &Value) -> Result<(), Error> {
        let stdout = std::io::stdout();
        let text = match self {
            Self::Json if stdout.is_terminal() => serde_json::to_string_pretty(value),
            Self::Json | Self::JsonCompact => serde_json::to_string(value),
            Self::Yaml => Ok(yaml(value)),
        }
        .map_err(|e| Error::Usage(format!("the answer cannot be printed as JSON: {e}")))?;
        let mut out = stdout.lock();
        writeln!(out, "{}", text.trim_end())
            .and_then(|()| out.flush())
            .map_err(stdout_error)
    }
}

/// Whether `error` is a write to a standard output whose reader has gone (`| head`).
pub fn is_closed_pipe(error: &Error) -> bool {
    matches!(error, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
}

/// The error of a failed write to stdout.
pub fn stdout_error(source: std::io::Error) -> Error {
    Error::Io {
        path: "stdout".into(),
        source,
    }
}

/// `value` as a YAML document (block style; strings quoted where YAML would read them as
/// something else).
pub fn yaml(value: &Value) -> String {
    let mut out = String::new();
    match value {
        Value::Object(map) if !map.is_empty() => write_map(&mut out, map, 0),
        Value::Array(items) if !items.is_empty() => write_list(&mut out, items, 0),
        scalar => {
            out.push_str(&scalar_text(scalar));
            out.push('\n');
        }
    }
    out
}

fn write_map(out: &mut String, map: &serde_json::Map<String, Value>, indent: usize) {
    for (key, value) in map {
        out.push_str(&" ".repeat(indent));
        out.push_str(&string_text(key));
        out.push(':');
        write_nested(out, value, indent);
    }
}

fn write_list(out: &mut String, items: &[Value], indent: usize) {
    for item in items {
        out.push_str(&" ".repeat(indent));
        out.push('-');
        match item {
            // A map in a list starts on the dash's line, its keys aligned after it.
            Value::Object(map) if !map.is_empty() => {
                out.push(' ');
                let mut nested = String::new();
                write_map(&mut nested, map, indent + 2);
                out.push_str(nested.trim_start());
            }
            other => write_nested(out, other, indent),
        }
    }
}

/// A value after `key:` or `-`: scalars on the same line, collections below, indented.
fn write_nested(out: &mut String, value: &Value, indent: usize) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            out.push('\n');
            write_map(out, map, indent + 2);
        }
        Value::Array(items) if !items.is_empty() => {
            out.push('\n');
            write_list(out, items, indent + 2);
        }
        scalar => {
            out.push(' ');
            out.push_str(&scalar_text(scalar));
            out.push('\n');
        }
    }
}

fn scalar_text(value: &Value) -> String {
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => string_text(s),
        Value::Array(_) => "[]".to_string(),
        Value::Object(_) => "{}".to_string(),
    }
}

/// A string plain when YAML reads it back as the same string, else double-quoted (JSON's
/// escapes are YAML's).
fn string_text(text: &str) -> String {
    let reserved = [
        "", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n",
    ];
    let plain = !reserved.contains(&text.to_ascii_lowercase().as_str())
        && text.parse::<f64>().is_err()
        && !text.starts_with(|c: char| c.is_whitespace() || "-?:,[]{}#&*!|>'\"%@`.".contains(c))
        && !text.ends_with(char::is_whitespace)
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.ends_with(':')
        && text.chars().all(|c| !c.is_control());
    if plain {
        text.to_string()
    } else {
        Value::String(text.to_string()).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn yaml_reads_as_civis_pythons_block_style() {
        let value = json!({
            "id": 7,
            "name": "nightly: sales",
            "state": "succeeded",
            "tags": ["a", "true", "12"],
            "owner": {"id": 1, "username": "me"},
            "runs": [{"id": 1, "error": null}, {"id": 2, "error": "boom\nbad"}],
            "empty": [],
            "none": {}
        });
        assert_eq!(
            yaml(&value),
            "id: 7\n\
             name: \"nightly: sales\"\n\
             state: succeeded\n\
             tags:\n  - a\n  - \"true\"\n  - \"12\"\n\
             owner:\n  id: 1\n  username: me\n\
             runs:\n  - id: 1\n    error: null\n  - id: 2\n    error: \"boom\\nbad\"\n\
             empty: []\n\
             none: {}\n"
        );
        assert_eq!(yaml(&json!("plain")), "plain\n");
        assert_eq!(yaml(&json!([[1, 2], []])), "-\n  - 1\n  - 2\n- []\n");
    }
}
