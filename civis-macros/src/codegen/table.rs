//! The operation table as static data: what `ApiClient::operations()` returns and what every
//! request is built from.

use civis_core::spec::model::{Api, Location, Operation, TypeExpr};
use proc_macro2::TokenStream;
use quote::quote;

/// `static OPERATIONS: &[Operation]`, in the model's order (sorted by resource, then method).
pub fn generate(api: &Api) -> TokenStream {
    let entries = api.operations.iter().map(entry);
    quote! {
        #[doc(hidden)]
        mod operation_table {
            use ::civis::{Location::*, Operation, Param, ParamKind::*};
            pub static OPERATIONS: &[Operation] = &[#(#entries),*];
        }
        use operation_table::OPERATIONS;
    }
}

fn entry(op: &Operation) -> TokenStream {
    let Operation {
        resource,
        method,
        verb,
        path,
        summary,
        required,
        optional,
        iterable,
        ..
    } = op;
    let deprecated = match &op.deprecated {
        Some(warning) => quote!(Some(#warning)),
        None => quote!(None),
    };
    let params = op.params.iter().map(|param| {
        let name = &param.name;
        let wire_name = &param.wire_name;
        let location = match param.location {
            Location::Path => quote!(Path),
            Location::Query => quote!(Query),
            Location::Body => quote!(Body),
            Location::Header => quote!(Header),
        };
        let kind = match param.ty {
            TypeExpr::Integer => quote!(Integer),
            TypeExpr::Number => quote!(Number),
            TypeExpr::Boolean => quote!(Boolean),
            TypeExpr::String => quote!(String),
            TypeExpr::Array(_) => quote!(Array),
            TypeExpr::Any | TypeExpr::Named(_) => quote!(Object),
        };
        let description = param.description.trim();
        quote!(Param { name: #name, wire_name: #wire_name, location: #location, kind: #kind, description: #description })
    });
    quote! {
        Operation {
            resource: #resource,
            method: #method,
            verb: #verb,
            path: #path,
            required: &[#(#required),*],
            optional: &[#(#optional),*],
            iterable: #iterable,
            deprecated: #deprecated,
            summary: #summary,
            params: &[#(#params),*],
        }
    }
}
