//! The macro never panics: the real spec, damaged at random places in every way JSON allows,
//! either expands into syntactically valid Rust or yields an error message.

use civis_core::codegen;
use civis_core::model::{self, Resources};
use serde_json::Value;

/// A small deterministic generator, so a failing case can be replayed by its seed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % bound.max(1)
    }
}

fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                pointers(
                    child,
                    format!("{at}/{}", key.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

fn damage(value: &mut Value, pointer: &str, how: usize) {
    let replacement = match how {
        0 => Value::Null,
        1 => Value::from(42),
        2 => Value::from("text"),
        3 => Value::Array(Vec::new()),
        4 => Value::Object(Default::default()),
        5 => Value::from(true),
        6 => serde_json::json!({"$ref": "#/definitions/Nowhere"}),
        7 => {
            serde_json::json!({"type": "object", "properties": {"self": {"type": "array"}, "": {}}})
        }
        _ => {
            // Remove the member instead.
            if let Some((parent, key)) = pointer.rsplit_once('/') {
                let key = key.replace("~1", "/").replace("~0", "~");
                match value.pointer_mut(parent) {
                    Some(Value::Object(map)) => {
                        map.shift_remove(&key);
                    }
                    Some(Value::Array(items)) => {
                        if let Ok(i) = key.parse::<usize>() {
                            if i < items.len() {
                                items.remove(i);
                            }
                        }
                    }
                    _ => {}
                }
            }
            return;
        }
    };
    if let Some(slot) = value.pointer_mut(pointer) {
        *slot = replacement;
    }
}

#[test]
fn damaged_specs_expand_or_explain() {
    let path = env!("CIVIS_API_SPEC");
    let mut base: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    // The recorded examples are large and never read by the generator; dropping them keeps
    // each case fast.
    for item in base["paths"].as_object_mut().unwrap().values_mut() {
        for op in item.as_object_mut().unwrap().values_mut() {
            op.as_object_mut().unwrap().remove("x-examples");
        }
    }
    let mut all = Vec::new();
    pointers(&base, String::new(), &mut all);
    let mut rng = Lcg(7);
    let (mut expanded, mut refused) = (0, 0);
    for case in 0..32 {
        let mut spec = base.clone();
        for _ in 0..=rng.next(3) {
            let pointer = &all[rng.next(all.len())];
            damage(&mut spec, pointer, rng.next(9));
        }
        let text = spec.to_string();
        let outcome = std::panic::catch_unwind(|| match model::load(&text, Resources::All) {
            Ok(api) => {
                let mut options = codegen::Options::default();
                options.file = "damaged.json";
                options.resources = Resources::All;
                options.decode_by_name = true;
                syn::parse_file(&codegen::generate(&api, &options))
                    .map(|_| true)
                    .map_err(|e| e.to_string())
            }
            Err(error) => {
                assert!(!error.to_string().is_empty());
                if std::env::var_os("SHOW_REFUSALS").is_some() {
                    println!("case {case}: {error}");
                }
                Ok(false)
            }
        });
        match outcome {
            Ok(Ok(true)) => expanded += 1,
            Ok(Ok(false)) => refused += 1,
            Ok(Err(syntax)) => panic!("case {case}: the expansion is not valid Rust: {syntax}"),
            Err(_) => panic!("case {case}: the generator panicked"),
        }
    }
    println!("{expanded} damaged specs expanded, {refused} refused with an error");
    assert!(
        expanded > 0 && refused > 0,
        "the damage should produce both outcomes"
    );
}
