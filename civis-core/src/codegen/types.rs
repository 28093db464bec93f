//! One Rust type per named spec type: a struct with snake_case fields and impls only for the
//! directions it travels in (responses are decoded, request arguments encoded), both written
//! as one line per field over `civis::record`.

use std::fmt;

use crate::data::case::camel_to_snake;
use crate::model::api::{Api, Operation, TypeDef, TypeExpr};

use super::docs;
use super::emit::{self, emit, Lit};
use crate::model::naming;

/// Displays the Rust type that holds a value of `ty` (owned), with named types under `prefix`
/// (`"super::types::"` outside the `types` module). Everything from `std` is written as a full
/// path, so that a spec definition called `Option` or `Vec` keeps its name.
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
            TypeExpr::String => f.write_str(STRING),
            TypeExpr::Any => f.write_str(JSON),
            TypeExpr::Array(item) => write!(f, "{VEC}<{}>", Owned { ty: item, ..*self }),
            // The model makes type names valid identifiers.
            TypeExpr::Named(index) => write!(f, "{}{}", self.prefix, self.api.types[*index].name),
        }
    }
}

/// `std`'s types by their full paths.
pub const OPTION: &str = "::core::option::Option";
/// `String`.
pub const STRING: &str = "::std::string::String";
/// `Vec`.
pub const VEC: &str = "::std::vec::Vec";
/// A JSON value.
pub const JSON: &str = "::civis::__private::serde_json::Value";
/// The generated types' serde and record paths.
const SERDE: &str = "::civis::__private::serde";
const RECORD: &str = "::civis::__private::record";
const RESULT: &str = "::core::result::Result";

/// The Rust type of an operation's success answer, as seen from a module beside `types`: what
/// `.send()` decodes into.
pub fn response(api: &Api, op: &Operation) -> String {
    match &op.response {
        Some(ty) => Owned {
            api,
            ty,
            prefix: "super::types::",
        }
        .to_string(),
        None => "::civis::http::NoContent".to_string(),
    }
}

/// How a method takes an argument of a type: what Rust code naturally holds (`impl Into<i64>`
/// for integers, `impl AsRef<str>` for strings, any slice or `Vec` for arrays, a reference for
/// objects), and how the value is handed to the call.
pub struct Argument {
    /// The parameter's type in the signature.
    pub ty: String,
    /// The call's private setter that takes it (`__int`, `__text`, ...).
    setter: &'static str,
    /// How the parameter is handed to that setter.
    pass: Pass,
}

/// How a parameter's value reaches the call's setter.
#[derive(Clone, Copy)]
enum Pass {
    /// `value.into()`.
    Into,
    /// `value.as_ref()`.
    AsRef,
    /// `&value`.
    Borrow,
    /// `value`, already a reference or an iterator.
    AsIs,
}

/// How a parameter of type `ty` is taken; `prefix` is the path to `types`.
pub fn argument(api: &Api, ty: &TypeExpr, prefix: &str) -> Argument {
    let owned = |ty: &TypeExpr| Owned { api, ty, prefix }.to_string();
    let (ty, setter, pass) = match ty {
        TypeExpr::Integer => (
            "impl ::core::convert::Into<i64>".into(),
            "__int",
            Pass::Into,
        ),
        TypeExpr::Number => (
            "impl ::core::convert::Into<f64>".into(),
            "__num",
            Pass::Into,
        ),
        TypeExpr::Boolean => ("bool".into(), "__arg", Pass::Borrow),
        TypeExpr::String => (
            "impl ::core::convert::AsRef<str>".into(),
            "__text",
            Pass::AsRef,
        ),
        TypeExpr::Array(item) if **item == TypeExpr::String => (
            "impl ::core::iter::IntoIterator<Item = impl ::core::convert::AsRef<str>>".into(),
            "__texts",
            Pass::AsIs,
        ),
        TypeExpr::Array(item) => (
            format!("impl ::core::convert::AsRef<[{}]>", owned(item)),
            "__arg",
            Pass::AsRef,
        ),
        TypeExpr::Any | TypeExpr::Named(_) => (format!("&{}", owned(ty)), "__arg", Pass::AsIs),
    };
    Argument { ty, setter, pass }
}

impl Argument {
    /// The type as the docs show it: the signature's, without the paths.
    pub fn shown(&self) -> String {
        let mut shown = self.ty.clone();
        for path in [
            "::core::convert::",
            "::core::iter::",
            "::std::vec::",
            "::std::string::",
            "::civis::__private::",
            "super::types::",
        ] {
            shown = shown.replace(path, "");
        }
        shown
    }

    /// `.setter("name", value)` for the parameter `ident` with the wire-level name `name`.
    pub fn set(&self, name: &str, ident: &str) -> String {
        let value = match self.pass {
            Pass::Into => format!("{ident}.into()"),
            Pass::AsRef => format!("{ident}.as_ref()"),
            Pass::Borrow => format!("&{ident}"),
            Pass::AsIs => ident.to_string(),
        };
        format!(".{}({}, {value})", self.setter, Lit(name))
    }
}

/// Every named type of the API, as `pub mod types`.
pub fn generate(out: &mut String, api: &Api) {
    emit::doc(
        out,
        "The types of the API's requests and responses, one per spec definition.\n\n\
         Every field is optional: the API sends `null` for many documented fields and leaves \
         others out, and neither may fail decoding. Unknown fields are ignored. Response types \
         serialize back to the API's JSON (camelCase keys); request types to the snake_case keys \
         the API takes in request bodies.",
    );
    out.push_str("pub mod types {\n");
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
        &docs::paragraphs([docs::block(&def.description).as_str(), origin.as_str()]),
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
        out.push_str("#[derive(Debug, Clone, Default, PartialEq)]\n");
    }
    emit!(out, "pub struct {name} {{\n");
    let fields: Vec<String> = def.fields.iter().map(|f| naming::ident(&f.name)).collect();
    for (field, ident) in def.fields.iter().zip(&fields) {
        let mut description = docs::inline(&field.description);
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
            emit!(out, "pub {ident}: {OPTION}<::std::boxed::Box<{ty}>>,\n");
        } else {
            emit!(out, "pub {ident}: {OPTION}<{ty}>,\n");
        }
    }
    out.push_str("}\n");
    if def.in_response {
        decode_impls(out, def, name, &fields);
    }
    if def.in_request || def.in_response {
        encode_impl(out, def, name, &fields);
    }
}

/// The JSON key a type's `Serialize` writes for `field`: snake_case for the types that travel in
/// requests, as civis-python users write them and the API's recorded examples show; the
/// spec's own (camelCase) key for the types that are only answers, so that a decoded answer is
/// written out as the API sent it.
fn written_key(def: &TypeDef, json_name: &str) -> String {
    if def.in_request {
        camel_to_snake(json_name)
    } else {
        json_name.to_string()
    }
}

/// `Deserialize` through `civis::record`: answers use the spec's camelCase keys. A type that
/// also travels in requests serializes to snake_case keys and so decodes those too, so that
/// what it writes reads back.
fn decode_impls(out: &mut String, def: &TypeDef, name: &str, fields: &[String]) {
    emit!(
        out,
        "impl {RECORD}::DecodeFields for {name} {{\n\
         fn decode_field<'de, A: {SERDE}::de::MapAccess<'de>>(&mut self, key: &str, map: &mut A) \
         -> {RESULT}<bool, A::Error> {{\n"
    );
    if def.fields.is_empty() {
        // A match with only its fallback arm would leave `Ok(true)` unreachable, which warns
        // in the user's crate.
        out.push_str("let _ = (key, map);\n::core::result::Result::Ok(false)\n");
    } else {
        out.push_str("match key {\n");
        for (field, ident) in def.fields.iter().zip(fields) {
            let written = written_key(def, &field.json_name);
            if written == field.json_name {
                emit!(out, "{}", Lit(&field.json_name));
            } else {
                emit!(out, "{} | {}", Lit(&field.json_name), Lit(&written));
            }
            emit!(out, " => self.{ident} = map.next_value()?,\n");
        }
        out.push_str(
            "_ => return ::core::result::Result::Ok(false),\n}\n::core::result::Result::Ok(true)\n",
        );
    }
    emit!(
        out,
        "}}\n}}\n\
         impl<'de> {SERDE}::Deserialize<'de> for {name} {{\n\
         fn deserialize<D: {SERDE}::Deserializer<'de>>(deserializer: D) -> {RESULT}<Self, D::Error> {{\n\
         {RECORD}::deserialize(deserializer, {})\n}}\n}}\n",
        Lit(name)
    );
}

/// `Serialize` through `civis::record`, one line per field (see [`written_key`]).
fn encode_impl(out: &mut String, def: &TypeDef, name: &str, fields: &[String]) {
    emit!(
        out,
        "impl {SERDE}::Serialize for {name} {{\n\
         fn serialize<S: {SERDE}::Serializer>(&self, serializer: S) -> {RESULT}<S::Ok, S::Error> {{\n\
         let mut writer = {RECORD}::FieldWriter::new(serializer)?;\n"
    );
    for (field, ident) in def.fields.iter().zip(fields) {
        emit!(
            out,
            "writer.field({}, &self.{ident})?;\n",
            Lit(&written_key(def, &field.json_name))
        );
    }
    out.push_str("writer.end()\n}\n}\n");
}
