//! One accessor struct per resource with one thin method per operation, and the optional
//! argument setters of each operation's call. No method has a body of its own: each names its
//! row of the operation table and passes its arguments to the shared request path.

use std::collections::BTreeMap;

use civis_core::spec::model::{Api, Operation, Param, TypeExpr};
use civis_core::spec::naming::RESERVED_TYPE_NAMES;
use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::idents::upper_camel;
use super::{docs, idents, types};

/// Method names of the generated `Call` that setters must not take.
pub const CALL_METHODS: &[&str] = &[
    "send_with_headers",
    "iter_all",
    "iter_all_dynamic",
    "new",
    "arg",
    "operation",
    "send",
    "send_raw",
    "send_dynamic",
    "http_request",
];

/// The identifiers of the generated items, each unique in its scope.
pub struct Names {
    /// Per resource, in order: its name, the `ApiClient` accessor and the accessor struct.
    pub resources: Vec<(String, Ident, Ident)>,
    /// Per operation: the method name on its resource.
    pub methods: Vec<Ident>,
    /// Per operation: its marker type.
    pub markers: Vec<Ident>,
}

impl Names {
    pub fn new(api: &Api, client_methods: &[&str]) -> Self {
        let mut accessors = idents::Scope::reserving(client_methods);
        let mut structs = idents::Scope::reserving(RESERVED_TYPE_NAMES);
        let resources = api
            .resources()
            .into_iter()
            .map(|r| {
                (
                    r.to_string(),
                    accessors.ident(r),
                    structs.ident(&upper_camel(r)),
                )
            })
            .collect();
        let mut markers = idents::Scope::reserving(RESERVED_TYPE_NAMES);
        let mut methods_of: BTreeMap<&str, idents::Scope> = BTreeMap::new();
        let mut methods = Vec::with_capacity(api.operations.len());
        let mut marker_names = Vec::with_capacity(api.operations.len());
        for op in &api.operations {
            methods.push(
                methods_of
                    .entry(&op.resource)
                    .or_default()
                    .ident(&op.method),
            );
            marker_names.push(markers.ident(&format!(
                "{}{}",
                upper_camel(&op.resource),
                upper_camel(&op.method)
            )));
        }
        Self {
            resources,
            methods,
            markers: marker_names,
        }
    }
}

/// `pub mod resources { ... }` and `pub mod ops { ... }`, which holds each operation's marker
/// and the setters of its call.
pub fn generate(api: &Api, names: &Names, decoders: Option<TokenStream>) -> TokenStream {
    let mut by_resource: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (index, op) in api.operations.iter().enumerate() {
        by_resource
            .entry(op.resource.as_str())
            .or_default()
            .push(index);
    }
    let accessors = names.resources.iter().map(|(resource, _, ty)| {
        let indices = &by_resource[resource.as_str()];
        let doc = format!(
            " The `{resource}` resource: {} method(s). Get it from `ApiClient::{resource}()`.",
            indices.len()
        );
        let methods = indices.iter().map(|&i| method(api, names, i));
        quote! {
            #[doc = #doc]
            #[derive(Debug, Clone, Copy)]
            pub struct #ty<'a>(
                /// The client that sends the calls.
                pub(crate) &'a ::civis::Client,
            );

            impl<'a> #ty<'a> {
                #(#methods)*
            }
        }
    });
    let ops = api
        .operations
        .iter()
        .enumerate()
        .map(|(i, op)| marker_and_setters(api, names, i, op));
    let imports = types::imports();
    quote! {
        /// One accessor per resource; each method prepares a call of one operation.
        pub mod resources {
            #imports
            use super::{ops, operations, types, Call};
            #(#accessors)*
        }

        /// Marker types that tell the calls of different operations apart, so that each call
        /// has exactly its operation's optional-argument setters, which are defined here.
        pub mod ops {
            #imports
            use super::{types, Call};
            #(#ops)*
            #decoders
        }
    }
}

fn response_type(api: &Api, op: &Operation) -> TokenStream {
    match &op.response {
        Some(ty) => types::owned(api, ty, &quote!(types::)),
        None => quote!(::civis::NoContent),
    }
}

/// The distinct params with a given name's first occurrence, in `names` order.
fn first_params<'o>(
    op: &'o Operation,
    names: &'o [String],
) -> impl Iterator<Item = &'o Param> + 'o {
    names
        .iter()
        .filter_map(move |name| op.params.iter().find(|p| &p.name == name))
}

fn param_doc(param: &Param) -> String {
    docs::sentences([
        docs::escape(&param.description).as_str(),
        docs::allowed(&param.allowed).as_str(),
    ])
}

fn method(api: &Api, names: &Names, index: usize) -> TokenStream {
    let op = &api.operations[index];
    let name = &names.methods[index];
    let response = response_type(api, op);
    let marker = &names.markers[index];
    let mut scope = idents::Scope::default();
    let mut args = Vec::new();
    let mut sets = Vec::new();
    let mut arg_docs = Vec::new();
    for param in first_params(op, &op.required) {
        let ident = scope.ident(&param.name);
        let (ty, by_ref) = types::argument(api, &param.ty, &quote!(types::));
        let value = if by_ref {
            quote!(#ident)
        } else {
            quote!(&#ident)
        };
        let wire = &param.name;
        args.push(quote!(#ident: #ty));
        sets.push(quote!(.arg(#wire, #value)));
        arg_docs.push(format!(
            "* `{}`: {}",
            param.name,
            param_doc(param).replace("\n\n", " ")
        ));
    }
    let optional: Vec<String> = op.optional.iter().map(|o| format!("`{o}`")).collect();
    let returns = match &op.response {
        Some(ty) => format!(
            "Returns {} ({}).",
            describe(api, ty),
            docs::escape(&op.response_description)
        ),
        None => format!(
            "Returns nothing ({}).",
            docs::escape(&op.response_description)
        ),
    };
    let setters = if optional.is_empty() {
        String::new()
    } else {
        format!(
            "Optional arguments are setters on the returned call: {}.",
            optional.join(", ")
        )
    };
    // The required arguments are listed right under the summary, without a heading: the list
    // speaks for itself and the heading would cost two lines in each of 900 methods.
    let mut sections = vec![
        format!("{} (`{} {}`)", docs::escape(&op.summary), op.verb, op.path),
        docs::escape(&op.description),
        arg_docs.join("\n"),
        docs::sentences([setters.as_str(), returns.as_str()]),
    ];
    if let Some(warning) = &op.deprecated {
        sections.push(format!("**Deprecated:** {}", docs::escape(warning)));
    }
    let doc = docs::attrs(&docs::paragraphs(sections.iter().map(String::as_str)));
    let deprecated = op
        .deprecated
        .as_ref()
        .map(|note| quote!(#[deprecated(note = #note)]));
    let lint = (args.len() > 7).then(|| quote!(#[allow(clippy::too_many_arguments)]));
    quote! {
        #doc
        #deprecated
        #lint
        #[inline]
        pub fn #name(&self, #(#args),*) -> Call<'a, #response, ops::#marker> {
            Call::new(self.0, &operations()[#index]) #(#sets)*
        }
    }
}

fn describe(api: &Api, ty: &TypeExpr) -> String {
    match ty {
        TypeExpr::Named(i) => format!("[`{0}`](types::{0})", api.types[*i].name),
        TypeExpr::Array(item) => format!("a list of {}", describe(api, item)),
        TypeExpr::Any => "a JSON value".to_string(),
        other => format!("a JSON {}", other.json_kind()),
    }
}

/// The marker of one operation, and the setters of its optional arguments as inherent methods
/// of its `Call`. The impl is generic over the response type (which the marker fixes anyway), so
/// that rustc compiles each setter only in the crates that call it.
fn marker_and_setters(api: &Api, names: &Names, index: usize, op: &Operation) -> TokenStream {
    let marker = &names.markers[index];
    let doc = format!(
        " Marks a call of `{}.{}` ({} {}); its optional arguments are setters on `Call<_, _, {marker}>`.",
        op.resource, op.method, op.verb, op.path
    );
    let iterable = op
        .iterable
        .then(|| quote!(impl ::civis::Iterable for #marker {}));
    let mut scope = idents::Scope::reserving(CALL_METHODS);
    let setters: Vec<TokenStream> = first_params(op, &op.optional)
        .map(|param| {
            let ident = scope.ident(&param.name);
            let (ty, by_ref) = types::argument(api, &param.ty, &quote!(types::));
            let value = if by_ref {
                quote!(value)
            } else {
                quote!(&value)
            };
            let wire = &param.name;
            let mut doc = param_doc(param);
            if doc.is_empty() {
                doc = format!("Sets the optional argument `{}`.", param.name);
            }
            let doc = docs::attrs(&doc);
            quote! {
                #doc
                pub fn #ident(self, value: #ty) -> Self {
                    self.arg(#wire, #value)
                }
            }
        })
        .collect();
    let setters = (!setters.is_empty()).then(|| {
        quote! {
            impl<R> Call<'_, R, #marker> {
                #(#setters)*
            }
        }
    });
    quote!(#[doc = #doc] pub enum #marker {} #iterable #setters)
}
