//! YAML (and JSON) files given as option values, read as civis-python reads them (its
//! `YAMLParamType`, `yaml.safe_load`), into the JSON the API takes. One difference: this reads
//! YAML 1.2, where `yes`, `no`, `on` and `off` are text; PyYAML reads them as booleans (YAML
//! 1.1). `true` and `false` read the same in both.
//!
//! The document is read from the parser's events straight into JSON, so memory stays a small
//! multiple of the file, and an alias (`*name`) is refused at the event that names it, before
//! anything is expanded: a few lines of nested aliases (a "billion laughs") would otherwise
//! expand to gigabytes. Anchors alone (`&name`) are harmless and read as the value they mark.

use serde_json::{Number, Value};
use yaml_rust2::parser::{Event, Parser, Tag};
use yaml_rust2::scanner::TScalarStyle;
use yaml_rust2::Yaml;

/// The first document of `text` as JSON; an empty file is `null`.
pub fn parse(text: &str) -> Result<Value, String> {
    let mut parser = Parser::new_from_str(text);
    let mut open: Vec<Node> = Vec::new();
    loop {
        let (event, mark) = parser.next_token().map_err(|e| e.to_string())?;
        let done = match event {
            Event::StreamEnd => return Ok(Value::Null),
            Event::Alias(_) => {
                return Err(format!(
                    "line {}: YAML aliases (*name) are not supported; write the value out",
                    mark.line()
                ))
            }
            Event::SequenceStart(..) => {
                open.push(Node::List(Vec::new()));
                None
            }
            Event::MappingStart(..) => {
                open.push(Node::Object(Vec::new(), None));
                None
            }
            Event::SequenceEnd | Event::MappingEnd => match open.pop() {
                Some(Node::List(items)) => Some(Value::Array(items)),
                // Made at its end, at its size: a map grown entry by entry keeps room for
                // nearly twice its entries.
                Some(Node::Object(entries, _)) => {
                    Some(Value::Object(entries.into_iter().collect()))
                }
                None => None,
            },
            Event::Scalar(text, style, _, tag) => Some(to_json(scalar(text, style, tag))?),
            Event::DocumentEnd => return Ok(Value::Null),
            Event::Nothing | Event::StreamStart | Event::DocumentStart => None,
        };
        let Some(value) = done else { continue };
        match open.last_mut() {
            // The document's root: the first document is the answer.
            None => return Ok(value),
            Some(Node::List(items)) => items.push(value),
            Some(Node::Object(entries, key)) => match key.take() {
                Some(key) => entries.push((key, value)),
                None => *key = Some(key_text(value)?),
            },
        }
    }
}

/// A list or object being read; an object's entries so far, with the key whose value comes
/// next.
enum Node {
    List(Vec<Value>),
    Object(Vec<(String, Value)>, Option<String>),
}

/// A key as JSON's text: a string, or a number or boolean written out.
fn key_text(key: Value) -> Result<String, String> {
    match key {
        Value::String(s) => Ok(s),
        Value::Number(n) => Ok(n.to_string()),
        Value::Bool(b) => Ok(b.to_string()),
        other => Err(format!("a key that is not a scalar: {other}")),
    }
}

/// A scalar as yaml-rust2's loader types it: quoted text is a string, a plain scalar is read
/// by its `!!` tag (`!!str`, `!!int`, ...) or else by its look (`12`, `true`, `~`).
fn scalar(text: String, style: TScalarStyle, tag: Option<Tag>) -> Yaml {
    if style != TScalarStyle::Plain {
        return Yaml::String(text);
    }
    let Some(tag) = tag else {
        return Yaml::from_str(&text);
    };
    if tag.handle != "tag:yaml.org,2002:" {
        return Yaml::String(text);
    }
    match tag.suffix.as_str() {
        "bool" => match text.as_str() {
            "true" | "True" | "TRUE" => Yaml::Boolean(true),
            "false" | "False" | "FALSE" => Yaml::Boolean(false),
            _ => Yaml::BadValue,
        },
        "int" => text.parse::<i64>().map_or(Yaml::BadValue, Yaml::Integer),
        "float" => Yaml::Real(text),
        "null" => match text.as_str() {
            "~" | "null" => Yaml::Null,
            _ => Yaml::BadValue,
        },
        _ => Yaml::String(text),
    }
}

/// A scalar's JSON.
fn to_json(yaml: Yaml) -> Result<Value, String> {
    Ok(match yaml {
        Yaml::Null => Value::Null,
        Yaml::Boolean(b) => Value::Bool(b),
        Yaml::Integer(i) => Value::from(i),
        Yaml::Real(text) => {
            let number = text
                .parse::<f64>()
                .ok()
                .and_then(Number::from_f64)
                .ok_or_else(|| format!("{text} is not a number JSON can hold"))?;
            Value::Number(number)
        }
        Yaml::String(s) => Value::String(s),
        Yaml::Array(_) | Yaml::Hash(_) | Yaml::Alias(_) | Yaml::BadValue => {
            return Err("a value that could not be read".into())
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn yaml_and_json_read_as_the_same_json() {
        let yaml = "name: nightly\nparams:\n  - name: n\n    type: integer\nratio: 0.5\nhidden: true\nempty: ~\n";
        assert_eq!(
            parse(yaml).unwrap(),
            json!({"name": "nightly", "params": [{"name": "n", "type": "integer"}],
                   "ratio": 0.5, "hidden": true, "empty": null})
        );
        assert_eq!(parse(r#"{"a": [1, 2]}"#).unwrap(), json!({"a": [1, 2]}));
        assert_eq!(parse("").unwrap(), Value::Null);
        assert!(parse("a: [1, 2").is_err());
        assert_eq!(parse("- &a 1\n- 2\n").unwrap(), json!([1, 2]));
        assert_eq!(
            parse("n: !!str 12\nm: !!int \"7\"\nk: '3'\n12: yes\n").unwrap(),
            json!({"n": "12", "m": "7", "k": "3", "12": "yes"})
        );
        assert_eq!(parse("just text").unwrap(), json!("just text"));
        assert_eq!(parse("first\n---\nsecond\n").unwrap(), json!("first"));
    }

    #[test]
    fn an_alias_is_refused_before_anything_is_expanded() {
        // Nine levels of ten aliases each: 10^9 strings once expanded.
        let mut bomb = String::from("a0: &a0 [\"lol\"]\n");
        for level in 1..10 {
            let refs = vec![format!("*a{}", level - 1); 10].join(", ");
            bomb.push_str(&format!("a{level}: &a{level} [{refs}]\n"));
        }
        assert!(bomb.len() < 1024, "{}", bomb.len());
        let started = std::time::Instant::now();
        let error = parse(&bomb).unwrap_err();
        assert!(error.contains("aliases"), "{error}");
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
    }
}
