//! One Rust type per named spec type: a struct with snake_case fields and impls only for the
//! directions it travels in (responses are decoded, request arguments encoded), both written
//! as one line per field over `civis::record`.

use civis_core::case::camel_to_snake;
use civis_core::spec::model::{Api, TypeDef, TypeExpr};
use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::{docs, idents};

/// The Rust type that holds a value of `ty` (owned), with named types under `prefix`. Every
/// generated module imports the short names used here ([`imports`]).
pub fn owned(api: &Api, ty: &TypeExpr, prefix: &TokenStream) -> TokenStream {
    match ty {
        TypeExpr::Integer => quote!(i64),
        TypeExpr::Number => quote!(f64),
        TypeExpr::Boolean => quote!(bool),
        TypeExpr::String => quote!(String),
        TypeExpr::Any => quote!(serde_json::Value),
        TypeExpr::Array(item) => {
            let item = owned(api, item, prefix);
            quote!(Vec<#item>)
        }
        TypeExpr::Named(index) => {
            let name = idents::ident(&api.types[*index].name);
            quote!(#prefix #name)
        }
    }
}

/// The `use` items every generated module starts with, so that the names of [`owned`] and
/// the `civis` paths stay short; [`RESERVED_TYPE_NAMES`](civis_core::spec::naming::RESERVED_TYPE_NAMES)
/// keeps generated types from taking them.
pub fn imports() -> TokenStream {
    quote! {
        #[allow(unused_imports)]
        use ::civis::{record, serde, serde_json};
        #[allow(unused_imports)]
        use ::std::{boxed::Box, option::Option, result::Result, string::String, vec::Vec};
    }
}

/// The type of a method argument: scalars by value, everything else borrowed, since it is
/// serialised at once.
pub fn argument(api: &Api, ty: &TypeExpr, prefix: &TokenStream) -> (TokenStream, bool) {
    match ty {
        TypeExpr::Integer | TypeExpr::Number | TypeExpr::Boolean => (owned(api, ty, prefix), false),
        TypeExpr::String => (quote!(&str), true),
        TypeExpr::Array(item) => {
            let item = match item.as_ref() {
                TypeExpr::String => quote!(&str),
                other => owned(api, other, prefix),
            };
            (quote!(&[#item]), true)
        }
        TypeExpr::Any | TypeExpr::Named(_) => {
            let ty = owned(api, ty, prefix);
            (quote!(&#ty), true)
        }
    }
}

/// Every named type of the API.
pub fn generate(api: &Api) -> TokenStream {
    let imports = imports();
    let items = api.types.iter().map(|def| type_def(api, def));
    quote! {
        /// The types of the API's requests and responses, one per spec definition.
        ///
        /// Every field is optional: the API sends `null` for many documented fields and leaves
        /// others out, and neither may fail decoding. Unknown fields are ignored.
        pub mod types {
            #imports
            #(#items)*
        }
    }
}

fn type_def(api: &Api, def: &TypeDef) -> TokenStream {
    let name = idents::ident(&def.name);
    let origin = format!("Spec definition `{}`.", def.origin.replace('`', "'"));
    let doc = docs::attrs(&docs::sentences([
        docs::escape(&def.description).as_str(),
        origin.as_str(),
    ]));
    let none = TokenStream::new();
    if let Some(alias) = &def.alias {
        let target = owned(api, alias, &none);
        return quote! { #doc pub type #name = #target; };
    }
    let idents: Vec<Ident> = def.fields.iter().map(|f| idents::ident(&f.name)).collect();
    let fields = def.fields.iter().zip(&idents).map(|(field, ident)| {
        let mut ty = owned(api, &field.ty, &none);
        if field.boxed {
            ty = quote!(Box<#ty>);
        }
        let required = if field.required {
            "Always present in the spec."
        } else {
            ""
        };
        let mut description = docs::escape(&field.description);
        if description.is_empty() {
            description = format!("The `{}` field.", field.json_name.replace('`', "'"));
        }
        let doc = docs::attrs(&docs::sentences([
            description.as_str(),
            docs::allowed(&field.allowed).as_str(),
            required,
        ]));
        quote! {
            #doc
            pub #ident: Option<#ty>,
        }
    });
    // A definition that no argument or answer uses (the body schemas, whose properties are
    // flattened into arguments) is documentation only: it gets no impls at all.
    let used = def.in_request || def.in_response;
    let derive = used.then(|| quote!(#[derive(Debug, Clone, Default)]));
    let decode = def.in_response.then(|| decode_impls(def, &name, &idents));
    let encode = def.in_request.then(|| encode_impl(def, &name, &idents));
    quote! {
        #doc
        #derive
        pub struct #name {
            #(#fields)*
        }
        #decode
        #encode
    }
}

/// `Deserialize` through [`civis::record`](civis_core::record): answers use the spec's
/// camelCase keys.
fn decode_impls(def: &TypeDef, name: &Ident, idents: &[Ident]) -> TokenStream {
    let keys = def.fields.iter().map(|field| &field.json_name);
    let type_name = name.to_string();
    // Without fields every key is unknown; a match with only its fallback arm would leave
    // `Ok(true)` unreachable, which warns in the user's crate.
    let body = if def.fields.is_empty() {
        quote!(let _ = (key, map); Ok(false))
    } else {
        quote! {
            match key {
                #(#keys => self.#idents = map.next_value()?,)*
                _ => return Ok(false),
            }
            Ok(true)
        }
    };
    quote! {
        impl record::DecodeFields for #name {
            fn decode_field<'de, A: serde::de::MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
                #body
            }
        }
        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                record::deserialize(deserializer, #type_name)
            }
        }
    }
}

/// `Serialize` through [`civis::record`](civis_core::record): request bodies use snake_case
/// keys at every level, as civis-python users write them and the API's recorded examples show.
fn encode_impl(def: &TypeDef, name: &Ident, idents: &[Ident]) -> TokenStream {
    let keys = def.fields.iter().map(|field| camel_to_snake(&field.json_name));
    quote! {
        impl serde::Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut writer = record::FieldWriter::new(serializer)?;
                #(writer.field(#keys, &self.#idents)?;)*
                writer.end()
            }
        }
    }
}

