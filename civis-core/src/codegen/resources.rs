//! One accessor struct per resource with one thin method per operation, and the optional
//! argument setters of each operation's call. No method has a body of its own: each names its
//! row of the operation table and passes its arguments to the shared request path.

use std::collections::BTreeMap;

use crate::spec::model::{Api, Operation, Param, TypeExpr};
use crate::spec::naming::RESERVED_TYPE_NAMES;

use super::docs;
use super::emit::{self, emit, Lit};
use super::types::{self, IMPORTS};
use crate::spec::naming::{self, upper_camel};

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
    pub resources: Vec<(String, String, String)>,
    /// Per operation: the method name on its resource.
    pub methods: Vec<String>,
    /// Per operation: its marker type.
    pub markers: Vec<String>,
}

impl Names {
    pub fn new(api: &Api, client_methods: &'static [&'static str]) -> Self {
        let mut accessors = naming::Scope::reserving(client_methods);
        let mut structs = naming::Scope::reserving(RESERVED_TYPE_NAMES);
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
        let mut markers = naming::Scope::reserving(RESERVED_TYPE_NAMES);
        let mut methods_of: BTreeMap<&str, naming::Scope> = BTreeMap::new();
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
/// and the setters of its call; `decoders` is more source for `ops`.
pub fn generate(out: &mut String, api: &Api, names: &Names, decoders: &str) {
    let mut by_resource: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (index, op) in api.operations.iter().enumerate() {
        by_resource
            .entry(op.resource.as_str())
            .or_default()
            .push(index);
    }
    emit::doc(
        out,
        "One accessor per resource; each method prepares a call of one operation.",
    );
    emit!(
        out,
        "pub mod resources {{\n{IMPORTS}use super::{{ops, operations, types, Call}};\n"
    );
    for (resource, _, ty) in &names.resources {
        let indices = by_resource
            .get(resource.as_str())
            .map(Vec::as_slice)
            .unwrap_or_default();
        emit::doc(
            out,
            &format!(
                "The `{resource}` resource: {} method(s). Get it from `ApiClient::{resource}()`.",
                indices.len()
            ),
        );
        emit!(
            out,
            "#[derive(Debug, Clone, Copy)]\n\
             pub struct {ty}<'a>(#[doc = \" The client that sends the calls.\"] pub(crate) &'a ::civis::Client);\n\
             impl<'a> {ty}<'a> {{\n"
        );
        for &index in indices {
            method(out, api, names, index);
        }
        out.push_str("}\n");
    }
    out.push_str("}\n");
    emit::doc(
        out,
        "Marker types that tell the calls of different operations apart, so that each call \
         has exactly its operation's optional-argument setters, which are defined here.",
    );
    emit!(
        out,
        "pub mod ops {{\n{IMPORTS}use super::{{types, Call}};\n"
    );
    for (index, op) in api.operations.iter().enumerate() {
        marker_and_setters(out, api, names, index, op);
    }
    out.push_str(decoders);
    out.push_str("}\n");
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

fn method(out: &mut String, api: &Api, names: &Names, index: usize) {
    let op = &api.operations[index];
    let mut scope = naming::Scope::default();
    let mut args = Vec::new();
    let mut sets = String::new();
    let mut arg_docs = Vec::new();
    for param in first_params(op, &op.required) {
        let ident = scope.ident(&param.name);
        let (ty, by_ref) = types::argument(api, &param.ty);
        let borrow = if by_ref { "" } else { "&" };
        emit!(&mut sets, ".arg({}, {borrow}{ident})", Lit(&param.name));
        args.push(format!("{ident}: {ty}"));
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
        emit!(out, "#[deprecated(note = {})]\n", Lit(warning));
    }
    emit::doc(out, &docs::paragraphs(sections.iter().map(String::as_str)));
    if args.len() > 7 {
        out.push_str("#[allow(clippy::too_many_arguments)]\n");
    }
    emit!(
        out,
        "#[inline]\npub fn {}(&self, {}) -> Call<'a, {}, ops::{}> {{\n\
         Call::new(self.0, &operations()[{index}]){sets}\n}}\n",
        names.methods[index],
        args.join(", "),
        types::response(api, op),
        names.markers[index],
    );
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
fn marker_and_setters(out: &mut String, api: &Api, names: &Names, index: usize, op: &Operation) {
    let marker = &names.markers[index];
    emit::doc(
        out,
        &format!(
            "Marks a call of `{}.{}` ({} {}); its optional arguments are setters on `Call<_, _, {marker}>`.",
            op.resource, op.method, op.verb, op.path
        ),
    );
    emit!(out, "pub enum {marker} {{}}\n");
    if op.iterable {
        emit!(out, "impl ::civis::Iterable for {marker} {{}}\n");
    }
    if op.optional.is_empty() {
        return;
    }
    emit!(out, "impl<R> Call<'_, R, {marker}> {{\n");
    let mut scope = naming::Scope::reserving(CALL_METHODS);
    for param in first_params(op, &op.optional) {
        let ident = scope.ident(&param.name);
        let (ty, by_ref) = types::argument(api, &param.ty);
        let borrow = if by_ref { "" } else { "&" };
        let mut doc = param_doc(param);
        if doc.is_empty() {
            doc = format!("Sets the optional argument `{}`.", param.name);
        }
        emit::doc(out, &doc);
        emit!(
            out,
            "pub fn {ident}(self, value: {ty}) -> Self {{\nself.arg({}, {borrow}value)\n}}\n",
            Lit(&param.name)
        );
    }
    out.push_str("}\n");
}
