//! One Rust type per named spec type: a struct with snake_case fields and impls only for the
//! directions it travels in (responses are decoded, request arguments encoded), both written
//! as one line per field over `civis::record`.

use std::fmt;

use crate::case::camel_to_snake;
use crate::spec::model::{Api, Operation, TypeDef, TypeExpr};

use super::docs;
use super::emit::{self, emit, Lit};
use crate::spec::naming;

/// The `use` items every generated module starts with, so that the names of [`Owned`] and the
/// `civis` paths stay short; `RESERVED_TYPE_NAMES` in civis-core keeps generated types from
/// taking them.
pub const IMPORTS: &str = "#[allow(unused_imports)] use ::civis::{record, serde, serde_json};\n\
     #[allow(unused_imports)] use ::std::{boxed::Box, option::Option, result::Result, \
     string::String, vec::Vec};\n";

/// Displays the Rust type that holds a value of `ty` (owned), with named types under `prefix`
/// (`"types::"` outside the `types` module).
pub struct Owned<'a> {
    /// The API, for the names of named types.
    pub api: &'a Api,
    /// The type.
    pub ty: &'a TypeExpr,
    /// Path to the `types` module, with its trailing `::`, or empty inside it.
    pub prefix: &'a str,
}

impl fmt::Display for Owned<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.ty {
            TypeExpr::Integer => f.write_str("i64"),
            TypeExpr::Number => f.write_str("f64"),
            TypeExpr::Boolean => f.write_str("bool"),
            TypeExpr::String => f.write_str("String"),
            TypeExpr::Any => f.write_str("serde_json::Value"),
            TypeExpr::Array(item) => write!(f, "Vec<{}>", Owned { ty: item, ..*self }),
            // The model makes type names valid identifiers.
            TypeExpr::Named(index) => write!(f, "{}{}", self.prefix, self.api.types[*index].name),
        }
    }
}

/// The Rust type of an operation's success answer, as seen from outside `types`: what `.send()`
/// decodes into.
pub fn response(api: &Api, op: &Operation) -> String {
    match &op.response {
        Some(ty) => Owned {
            api,
            ty,
            prefix: "types::",
        }
        .to_string(),
        None => "::civis::NoContent".to_string(),
    }
}

/// The type of a method argument: scalars by value, everything else borrowed, since it is
/// serialised at once. The flag says whether the argument is already a reference.
pub fn argument(api: &Api, ty: &TypeExpr) -> (String, bool) {
    let owned = |ty| Owned {
        api,
        ty,
        prefix: "types::",
    };
    match ty {
        TypeExpr::Integer | TypeExpr::Number | TypeExpr::Boolean => (owned(ty).to_string(), false),
        TypeExpr::String => ("&str".to_string(), true),
        TypeExpr::Array(item) => match item.as_ref() {
            TypeExpr::String => ("&[&str]".to_string(), true),
            other => (format!("&[{}]", owned(other)), true),
        },
        TypeExpr::Any | TypeExpr::Named(_) => (format!("&{}", owned(ty)), true),
    }
}

/// Every named type of the API, as `pub mod types`.
pub fn generate(out: &mut String, api: &Api) {
    emit::doc(
        out,
        "The types of the API's requests and responses, one per spec definition.\n\n\
         Every field is optional: the API sends `null` for many documented fields and leaves \
         others out, and neither may fail decoding. Unknown fields are ignored.",
    );
    emit!(out, "pub mod types {{\n{IMPORTS}");
    for def in &api.types {
        type_def(out, api, def);
    }
    out.push_str("}\n");
}

fn type_def(out: &mut String, api: &Api, def: &TypeDef) {
    let name = &def.name;
    let origin = format!("Spec definition `{}`.", def.origin.replace('`', "'"));
    emit::doc(
        out,
        &docs::sentences([docs::escape(&def.description).as_str(), origin.as_str()]),
    );
    if let Some(alias) = &def.alias {
        let target = Owned {
            api,
            ty: alias,
            prefix: "",
        };
        emit!(out, "pub type {name} = {target};\n");
        return;
    }
    // A definition that no argument or answer uses (the body schemas, whose properties are
    // flattened into arguments) is documentation only: it gets no impls at all.
    if def.in_request || def.in_response {
        out.push_str("#[derive(Debug, Clone, Default)]\n");
    }
    emit!(out, "pub struct {name} {{\n");
    let fields: Vec<String> = def.fields.iter().map(|f| naming::ident(&f.name)).collect();
    for (field, ident) in def.fields.iter().zip(&fields) {
        let mut description = docs::escape(&field.description);
        if description.is_empty() {
            description = format!("The `{}` field.", field.json_name.replace('`', "'"));
        }
        let required = if field.required {
            "Always present in the spec."
        } else {
            ""
        };
        emit::doc(
            out,
            &docs::sentences([
                description.as_str(),
                docs::allowed(&field.allowed).as_str(),
                required,
            ]),
        );
        let ty = Owned {
            api,
            ty: &field.ty,
            prefix: "",
        };
        if field.boxed {
            emit!(out, "pub {ident}: Option<Box<{ty}>>,\n");
        } else {
            emit!(out, "pub {ident}: Option<{ty}>,\n");
        }
    }
    out.push_str("}\n");
    if def.in_response {
        decode_impls(out, def, name, &fields);
    }
    if def.in_request {
        encode_impl(out, def, name, &fields);
    }
}

/// `Deserialize` through `civis::record`: answers use the spec's camelCase keys.
fn decode_impls(out: &mut String, def: &TypeDef, name: &str, fields: &[String]) {
    emit!(
        out,
        "impl record::DecodeFields for {name} {{\n\
         fn decode_field<'de, A: serde::de::MapAccess<'de>>(&mut self, key: &str, map: &mut A) \
         -> Result<bool, A::Error> {{\n"
    );
    if def.fields.is_empty() {
        // A match with only its fallback arm would leave `Ok(true)` unreachable, which warns
        // in the user's crate.
        out.push_str("let _ = (key, map);\nOk(false)\n");
    } else {
        out.push_str("match key {\n");
        for (field, ident) in def.fields.iter().zip(fields) {
            emit!(
                out,
                "{} => self.{ident} = map.next_value()?,\n",
                Lit(&field.json_name)
            );
        }
        out.push_str("_ => return Ok(false),\n}\nOk(true)\n");
    }
    emit!(
        out,
        "}}\n}}\n\
         impl<'de> serde::Deserialize<'de> for {name} {{\n\
         fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {{\n\
         record::deserialize(deserializer, {})\n}}\n}}\n",
        Lit(name)
    );
}

/// `Serialize` through `civis::record`: request bodies use snake_case keys at every level, as
/// civis-python users write them and the API's recorded examples show.
fn encode_impl(out: &mut String, def: &TypeDef, name: &str, fields: &[String]) {
    emit!(
        out,
        "impl serde::Serialize for {name} {{\n\
         fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {{\n\
         let mut writer = record::FieldWriter::new(serializer)?;\n"
    );
    for (field, ident) in def.fields.iter().zip(fields) {
        emit!(
            out,
            "writer.field({}, &self.{ident})?;\n",
            Lit(&camel_to_snake(&field.json_name))
        );
    }
    out.push_str("writer.end()\n}\n}\n");
}
