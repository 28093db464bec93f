//! One Rust type per named spec type: a struct with snake_case fields, deriving only the
//! directions it travels in (responses are decoded, request arguments encoded).

use civis_core::case::camel_to_snake;
use civis_core::spec::model::{Api, TypeDef, TypeExpr};
use proc_macro2::TokenStream;
use quote::quote;

use super::{docs, idents};

/// The Rust type that holds a value of `ty` (owned), with named types under `prefix`.
pub fn owned(api: &Api, ty: &TypeExpr, prefix: &TokenStream) -> TokenStream {
    match ty {
        TypeExpr::Integer => quote!(i64),
        TypeExpr::Number => quote!(f64),
        TypeExpr::Boolean => quote!(bool),
        TypeExpr::String => quote!(::std::string::String),
        TypeExpr::Any => quote!(::civis::serde_json::Value),
        TypeExpr::Array(item) => {
            let item = owned(api, item, prefix);
            quote!(::std::vec::Vec<#item>)
        }
        TypeExpr::Named(index) => {
            let name = idents::ident(&api.types[*index].name);
            quote!(#prefix #name)
        }
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
    let items = api.types.iter().map(|def| type_def(api, def));
    quote! {
        /// The types of the API's requests and responses, one per spec definition.
        ///
        /// Every field is optional: the API sends `null` for many documented fields and leaves
        /// others out, and neither may fail decoding. Unknown fields are ignored.
        pub mod types {
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
    // A definition that no argument or answer uses (the body schemas, whose properties are
    // flattened into arguments) is documentation only: deriving nothing for it saves the
    // compiler a third of the derived code.
    let used = def.in_request || def.in_response;
    let mut derives = if used {
        vec![quote!(Debug), quote!(Clone)]
    } else {
        Vec::new()
    };
    if def.in_request {
        derives.push(quote!(Default));
        derives.push(quote!(::civis::serde::Serialize));
    }
    if def.in_response {
        derives.push(quote!(::civis::serde::Deserialize));
    }
    let derive = (!derives.is_empty()).then(|| quote!(#[derive(#(#derives),*)]));
    // Answers use the spec's camelCase keys; request bodies use snake_case keys at every level,
    // as civis-python users write them and the API's recorded examples show.
    let serde_attr = match (def.in_request, def.in_response) {
        (_, true) => {
            Some(quote!(#[serde(crate = "::civis::serde", rename_all(deserialize = "camelCase"))]))
        }
        (true, false) => Some(quote!(#[serde(crate = "::civis::serde")])),
        (false, false) => None,
    };
    let fields = def.fields.iter().map(|field| {
        let ident = idents::ident(&field.name);
        let mut ty = owned(api, &field.ty, &none);
        if field.boxed {
            ty = quote!(::std::boxed::Box<#ty>);
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
        let mut attrs = Vec::new();
        let rust_name = ident.to_string();
        let rust_name = rust_name.strip_prefix("r#").unwrap_or(&rust_name);
        let snake_key = camel_to_snake(&field.json_name);
        let serialize = (def.in_request && rust_name != snake_key).then_some(snake_key);
        let deserialize = (def.in_response && serde_camel_case(rust_name) != field.json_name)
            .then_some(&field.json_name);
        match (serialize, deserialize) {
            (Some(ser), Some(de)) => {
                attrs.push(quote!(rename(serialize = #ser, deserialize = #de)))
            }
            (Some(ser), None) => attrs.push(quote!(rename(serialize = #ser))),
            (None, Some(de)) => attrs.push(quote!(rename(deserialize = #de))),
            (None, None) => {}
        }
        if def.in_request {
            attrs.push(quote!(
                skip_serializing_if = "::std::option::Option::is_none"
            ));
        }
        let serde = (!attrs.is_empty()).then(|| quote!(#[serde(#(#attrs),*)]));
        quote! {
            #doc
            #serde
            pub #ident: ::std::option::Option<#ty>,
        }
    });
    quote! {
        #doc
        #derive
        #serde_attr
        pub struct #name {
            #(#fields)*
        }
    }
}

/// The JSON key serde's `rename_all = "camelCase"` gives a field named `field`, so an explicit
/// `rename` is written only where it differs from the spec's key.
fn serde_camel_case(field: &str) -> String {
    idents::camel(field, false)
}

#[cfg(test)]
mod tests {
    use super::serde_camel_case;

    #[test]
    fn camel_case_matches_serde() {
        assert_eq!(serde_camel_case("last_run_at"), "lastRunAt");
        assert_eq!(serde_camel_case("type"), "type");
        assert_eq!(serde_camel_case("s3_path"), "s3Path");
    }
}
