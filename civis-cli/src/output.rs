//! How answers are printed: JSON (the default; pretty on a terminal, one line otherwise) or, with
//! `--yaml`, YAML as civis-python's command line prints by default. JSON is ours because it is
//! what other programs (`jq`) read; `--json` says so explicitly.

use std::io::{IsTerminal, Write};

use serde_json::Value;
use yaml_rust2::{Yaml, YamlEmitter};

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
        line(text.trim_end())
    }
}

/// Prints `text` and a newline on stdout, flushed. Every line the program prints goes through
/// here (or [`Format::print`]): a failed write (a closed pipe, a full disk) is an error the
/// program ends with, never a panic as `println!`'s, and a closed pipe ends it quietly (see
/// [`is_closed_pipe`]).
pub fn line(text: impl std::fmt::Display) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}")
        .and_then(|()| out.flush())
        .map_err(stdout_error)
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

/// `value` as a YAML document in block style, as civis-python prints it, written by
/// yaml-rust2's emitter. Two details of the emitter's text are changed after it, to keep this
/// program's output as it was: the document marker `---` it starts with is dropped (the output
/// is one document), and a list that is an item of a list starts on the line after its dash
/// (`-\n  - 1`) where the emitter's compact style writes `- - 1` (maps in lists keep the
/// compact style: `- id: 1`).
pub fn yaml(value: &Value) -> String {
    let mut emitted = String::new();
    let mut emitter = YamlEmitter::new(&mut emitted);
    // Writing to a `String` cannot fail: a `fmt::Write` error is the only one the emitter has.
    let _ = emitter.dump(&to_yaml(value));
    let body = emitted.strip_prefix("---\n").unwrap_or(&emitted);
    let mut out = String::with_capacity(body.len() + 1);
    for line in body.lines() {
        uncompact_nested_list(&mut out, line);
    }
    out
}

/// `line` with its newline, a list that starts on it as an item of a list moved to the next
/// line, indented under the dash. Every string that starts with `-` is quoted and every line
/// break inside a string escaped, so a line that starts (after its indent) with `- - ` always
/// is such a list.
fn uncompact_nested_list(out: &mut String, line: &str) {
    let indent = line.len() - line.trim_start_matches(' ').len();
    match line[indent..].strip_prefix("- - ") {
        Some(rest) => {
            out.push_str(&line[..indent]);
            out.push_str("-\n");
            uncompact_nested_list(out, &format!("{}  - {rest}", &line[..indent]));
        }
        None => {
            out.push_str(line);
            out.push('\n');
        }
    }
}

/// `value` as yaml-rust2's document. The emitter writes a `Real` as its text, unchanged (the
/// tests below pin it); that is how `null` is written as `null` (the emitter writes `~` for
/// `Yaml::Null`), as civis-python and this program have printed it, and how a string the
/// emitter would write wrongly gets its quotes (see [`string`]).
fn to_yaml(value: &Value) -> Yaml {
    match value {
        Value::Null => Yaml::Real("null".into()),
        Value::Bool(b) => Yaml::Boolean(*b),
        Value::Number(n) => n
            .as_i64()
            .map_or_else(|| Yaml::Real(n.to_string()), Yaml::Integer),
        Value::String(s) => string(s),
        Value::Array(items) => Yaml::Array(items.iter().map(to_yaml).collect()),
        Value::Object(map) => Yaml::Hash(
            map.iter()
                .map(|(key, value)| (string(key), to_yaml(value)))
                .collect(),
        ),
    }
}

/// A string for the emitter, which quotes it where it sees a need, except two kinds that it
/// writes plain although YAML cannot read them back as the same text, which are quoted here:
/// text with a control character (the emitter leaves ESC, BEL, DEL and the C1 controls as they
/// are, which YAML does not allow and a terminal acts on), and text that YAML reads as another
/// type (the emitter does not check for `0o17`, an integer). Both kinds are quoted here as a
/// whole, those the emitter would have quoted too: its quotes and escapes are the same.
fn string(text: &str) -> Yaml {
    let other_type = !matches!(Yaml::from_str(text), Yaml::String(_));
    if text.chars().any(char::is_control) || other_type {
        Yaml::Real(quoted(text))
    } else {
        Yaml::String(text.to_string())
    }
}

/// `text` double-quoted: JSON's escapes, which are YAML's, and `\u` escapes for the control
/// characters JSON leaves as they are (DEL and C1) and YAML does not.
fn quoted(text: &str) -> String {
    Value::String(text.to_string())
        .to_string()
        .chars()
        .map(|c| {
            if c.is_control() {
                format!("\\u{:04x}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
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

    #[test]
    fn a_nested_answer_prints_exactly_so_and_reads_back_as_the_same_json() {
        let value = json!({
            "id": 42,
            "runs": [
                {"id": 1, "outputs": [{"name": "out.csv", "fileId": 9}], "error": null},
                {"id": 2, "outputs": [], "params": {}, "error": "line one\nline two\n"}
            ],
            "settings": {
                "answers": ["yes", "No", "on", "1", "1.5", "0o17", "", "~", "null"],
                "labels": {"a: b": ": ", "#tag": "x #y", "-dash": "- item", "at": "12:30"},
                "ratios": [0.5, 1.0, -2.25, 1e300],
                "nested": [[1, [2, []]], [{"deep": {"deeper": [null, {}]}}]],
                "sql": "select 1;\n-- done",
                "colour": "red \u{1b}[31m"
            },
            "archived": false,
            "owner": null
        });
        let text = yaml(&value);
        assert_eq!(
            text,
            "id: 42\n\
             runs:\n\
             \x20 - id: 1\n\
             \x20   outputs:\n\
             \x20     - name: out.csv\n\
             \x20       fileId: 9\n\
             \x20   error: null\n\
             \x20 - id: 2\n\
             \x20   outputs: []\n\
             \x20   params: {}\n\
             \x20   error: \"line one\\nline two\\n\"\n\
             settings:\n\
             \x20 answers:\n\
             \x20   - \"yes\"\n\
             \x20   - \"No\"\n\
             \x20   - \"on\"\n\
             \x20   - \"1\"\n\
             \x20   - \"1.5\"\n\
             \x20   - \"0o17\"\n\
             \x20   - \"\"\n\
             \x20   - \"~\"\n\
             \x20   - \"null\"\n\
             \x20 labels:\n\
             \x20   \"a: b\": \": \"\n\
             \x20   \"#tag\": \"x #y\"\n\
             \x20   \"-dash\": \"- item\"\n\
             \x20   at: \"12:30\"\n\
             \x20 ratios:\n\
             \x20   - 0.5\n\
             \x20   - 1.0\n\
             \x20   - -2.25\n\
             \x20   - 1e+300\n\
             \x20 nested:\n\
             \x20   -\n\
             \x20     - 1\n\
             \x20     -\n\
             \x20       - 2\n\
             \x20       - []\n\
             \x20   -\n\
             \x20     - deep:\n\
             \x20         deeper:\n\
             \x20           - null\n\
             \x20           - {}\n\
             \x20 sql: \"select 1;\\n-- done\"\n\
             \x20 colour: \"red \\u001b[31m\"\n\
             archived: false\n\
             owner: null\n"
        );
        assert_eq!(crate::yaml_input::parse(&text), Ok(value));
    }
}
