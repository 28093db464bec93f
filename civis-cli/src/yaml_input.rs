//! YAML (and JSON) files given as option values, read as civis-python reads them (its
//! `YAMLParamType`, `yaml.safe_load`), into the JSON the API takes. One difference: this reads
//! YAML 1.2, where `yes`, `no`, `on` and `off` are text; PyYAML reads them as booleans (YAML
//! 1.1). `true` and `false` read the same in both.

use serde_json::{Map, Number, Value};
use yaml_rust2::{Yaml, YamlLoader};

/// The first document of `text` as JSON; an empty file is `null`.
pub fn parse(text: &str) -> Result<Value, String> {
    let documents = YamlLoader::load_from_str(text).map_err(|e| e.to_string())?;
    documents
        .into_iter()
        .next()
        .map_or(Ok(Value::Null), to_json)
}

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
        Yaml::Array(items) => {
            Value::Array(items.into_iter().map(to_json).collect::<Result<_, _>>()?)
        }
        Yaml::Hash(hash) => {
            let mut map = Map::new();
            for (key, value) in hash {
                let key = match key {
                    Yaml::String(s) | Yaml::Real(s) => s,
                    Yaml::Integer(i) => i.to_string(),
                    Yaml::Boolean(b) => b.to_string(),
                    other => return Err(format!("a key that is not a scalar: {other:?}")),
                };
                map.insert(key, to_json(value)?);
            }
            Value::Object(map)
        }
        Yaml::Alias(_) => return Err("YAML aliases are not supported".into()),
        Yaml::BadValue => return Err("a value that could not be read".into()),
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
    }
}
