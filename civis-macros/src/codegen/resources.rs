//! One accessor struct per resource with one thin method per operation, and the optional
//! argument setters of each operation's call. No method has a body of its own: each names its
//! row of the operation table and passes its arguments to the shared request path.

use std::collections::BTreeMap;

use civis_core::spec::model::{Api, Operation, Param, TypeExpr};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

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
        let mut structs = idents::Scope::default();
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
        let mut markers = idents::Scope::default();
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

/// `pub mod resources { ... }` and `pub mod ops { ... }` with the setters on `Call`.
pub fn generate(api: &Api, names: &Names) -> TokenStream {
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
    let markers = api.operations.iter().enumerate().map(|(i, op)| {
        let marker = &names.markers[i];
        let doc = format!(
            " Marks a call of `{}.{}` ({} {}); its optional arguments are setters on `Call<_, _, {marker}>`.",
            op.resource, op.method, op.verb, op.path
        );
        let iterable = op.iterable.then(|| quote!(impl ::civis::Iterable for #marker {}));
        quote!(#[doc = #doc] pub enum #marker {} #iterable)
    });
    let setters = api
        .operations
        .iter()
        .enumerate()
        .map(|(i, op)| setters(api, names, i, op));
    quote! {
        /// One accessor per resource; each method prepares a call of one operation.
        pub mod resources {
            #(#accessors)*
        }

        /// Marker types that tell the calls of different operations apart, so that each call
        /// has exactly its operation's optional-argument setters.
        pub mod ops {
            #(#markers)*
        }

        #(#setters)*
    }
}

fn response_type(api: &Api, op: &Operation, prefix: &TokenStream) -> TokenStream {
    match &op.response {
        Some(ty) => types::owned(api, ty, prefix),
        None => quote!(::civis::NoContent),
    }
}

fn call_type(api: &Api, names: &Names, index: usize, prefix: &TokenStream) -> TokenStream {
    let op = &api.operations[index];
    let response = response_type(api, op, &quote!(#prefix types::));
    let marker = &names.markers[index];
    quote!(#prefix Call<'a, #response, #prefix ops::#marker>)
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
    let super_ = quote!(super::);
    let name = &names.methods[index];
    let call = call_type(api, names, index, &super_);
    let mut scope = idents::Scope::default();
    let mut args = Vec::new();
    let mut sets = Vec::new();
    let mut arg_docs = Vec::new();
    for param in first_params(op, &op.required) {
        let ident = scope.ident(&param.name);
        let (ty, by_ref) = types::argument(api, &param.ty, &quote!(super::types::));
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
    let mut sections = vec![
        format!("{} (`{} {}`)", docs::escape(&op.summary), op.verb, op.path),
        docs::escape(&op.description),
    ];
    if !arg_docs.is_empty() {
        sections.push(format!("# Arguments\n\n{}", arg_docs.join("\n")));
    }
    let setters = if optional.is_empty() {
        String::new()
    } else {
        format!(
            "Optional arguments are setters on the returned call: {}.",
            optional.join(", ")
        )
    };
    sections.push(docs::sentences([setters.as_str(), returns.as_str()]));
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
        pub fn #name(&self, #(#args),*) -> #call {
            super::Call::new(self.0, &super::operations()[#index]) #(#sets)*
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

fn setters(api: &Api, names: &Names, index: usize, op: &Operation) -> TokenStream {
    let mut scope = idents::Scope::reserving(CALL_METHODS);
    let items: Vec<TokenStream> = first_params(op, &op.optional)
        .map(|param| {
            let ident = scope.ident(&param.name);
            let value_ident = format_ident!("value");
            let (ty, by_ref) = types::argument(api, &param.ty, &quote!(types::));
            let value = if by_ref {
                quote!(#value_ident)
            } else {
                quote!(&#value_ident)
            };
            let wire = &param.name;
            let mut doc = param_doc(param);
            if doc.is_empty() {
                doc = format!("Sets the optional argument `{}`.", param.name);
            }
            let doc = docs::attrs(&doc);
            quote! {
                #doc
                #[inline]
                pub fn #ident(self, #value_ident: #ty) -> Self {
                    self.arg(#wire, #value)
                }
            }
        })
        .collect();
    if items.is_empty() {
        return TokenStream::new();
    }
    let call = call_type(api, names, index, &TokenStream::new());
    quote! {
        impl<'a> #call {
            #(#items)*
        }
    }
}
