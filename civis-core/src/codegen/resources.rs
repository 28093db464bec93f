//! One accessor struct per resource with one thin method per operation, and the optional
//! argument setters of each operation's call. No method has a body of its own: each names its
//! row of the operation table and passes its arguments to the shared request path.

use std::collections::BTreeMap;

use super::docs;
use super::emit::{self, emit, Lit};
use super::types;
use crate::model::api::{Api, Operation, Param, TypeExpr};
use crate::model::naming::{self, upper_camel};

/// Method names of the generated `Call` that setters must not take.
pub const CALL_METHODS: &[&str] = &[
    "send_with_headers",
    "iter_all",
    "iter_all_dynamic",
    "new",
    "operation",
    "send",
    "send_raw",
    "send_dynamic",
    "http_request",
    "clone",
    "__arg",
    "__int",
    "__num",
    "__text",
    "__texts",
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
        // Generated modules import nothing, so only their own items can clash.
        let mut structs = naming::Scope::default();
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
        let mut markers = naming::Scope::default();
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
            marker_names
                .push(markers.ident(&upper_camel(&format!("{}_{}", op.resource, op.method))));
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
    out.push_str("pub mod resources {\n");
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
         has exactly its operation's optional-argument setters (listed in the docs of the \
         operation's method).",
    );
    out.push_str("pub mod ops {\n");
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

/// One line of a method's argument list: ``- `name`: `type`; description. Allowed values...``
/// The type is always there, so no line is empty.
fn arg_line(shown: &str, param: &Param) -> String {
    let text = docs::sentences([
        docs::inline(&param.description).as_str(),
        docs::allowed(&param.allowed).as_str(),
    ]);
    let separator = if text.is_empty() { "" } else { ": " };
    format!("- `{shown}`{separator}{text}")
}

fn method(out: &mut String, api: &Api, names: &Names, index: usize) {
    let op = &api.operations[index];
    let mut scope = naming::Scope::default();
    let mut args = Vec::new();
    let mut sets = String::new();
    let mut required = Vec::new();
    for param in first_params(op, &op.required) {
        let ident = scope.ident(&param.name);
        let arg = types::argument(api, &param.ty, "super::types::");
        sets.push_str(&arg.set(&param.name, &ident));
        required.push(arg_line(&format!("{}: {}", param.name, arg.shown()), param));
        args.push(format!("{ident}: {}", arg.ty));
    }
    // The setters' names as `marker_and_setters` gives them.
    let mut setter_scope = naming::Scope::reserving(CALL_METHODS);
    let optional: Vec<String> = first_params(op, &op.optional)
        .map(|param| {
            let ident = setter_scope.ident(&param.name);
            let arg = types::argument(api, &param.ty, "super::types::");
            arg_line(&format!(".{ident}({})", arg.shown()), param)
        })
        .collect();
    let returns = match &op.response {
        Some(ty) => format!(
            "Returns {} ({}).",
            describe(api, ty),
            docs::inline(&op.response_description)
        ),
        None => format!(
            "Returns nothing ({}).",
            docs::inline(&op.response_description)
        ),
    };
    let optional = if optional.is_empty() {
        String::new()
    } else {
        format!(
            "Optional arguments, set on the returned call before sending it:\n{}",
            optional.join("\n")
        )
    };
    // The required arguments are listed right under the summary, without a heading: the list
    // speaks for itself and the heading would cost two lines in each of 900 methods.
    let sections = [
        format!("{} (`{} {}`)", docs::inline(&op.summary), op.verb, op.path),
        docs::block(&op.description),
        required.join("\n"),
        optional,
        returns,
    ];
    if let Some(warning) = &op.deprecated {
        // rustdoc shows the note on the method's page; it is not repeated in the text.
        emit!(out, "#[deprecated(note = {})]\n", Lit(warning));
    }
    emit::doc(out, &docs::paragraphs(sections.iter().map(String::as_str)));
    if args.len() > 7 {
        out.push_str("#[allow(clippy::too_many_arguments)]\n");
    }
    emit!(
        out,
        "#[inline]\npub fn {}(&self, {}) -> super::Call<'a, {}, super::ops::{}> {{\n\
         super::Call::new(self.0, &super::operations()[{index}]){sets}\n}}\n",
        names.methods[index],
        args.join(", "),
        types::response(api, op),
        names.markers[index],
    );
}

fn describe(api: &Api, ty: &TypeExpr) -> String {
    match ty {
        TypeExpr::Named(i) => format!("[`{0}`](super::types::{0})", api.types[*i].name),
        TypeExpr::Array(item) => format!("a list of {}", describe(api, item)),
        TypeExpr::Any => "a JSON value".to_string(),
        other => format!("a JSON {}", other.json_kind()),
    }
}

/// The marker of one operation, and the setters of its optional arguments as inherent methods
/// of its `Call`. The impl is generic over the response type (which the marker fixes anyway), so
/// that rustc compiles each setter only in the crates that call it.
///
/// The setters' impl is hidden from rustdoc: on the one `Call` page, every operation's setters
/// together were about 1,900 methods (61 called `name`). Each method's own docs list its
/// setters instead, with their types and descriptions, which is where a reader looks.
fn marker_and_setters(out: &mut String, api: &Api, names: &Names, index: usize, op: &Operation) {
    let marker = &names.markers[index];
    let method = &names.methods[index];
    emit::doc(
        out,
        &format!(
            "Marks a call of [`{}().{method}()`](super::resources::{}::{method}) ({} {}).",
            op.resource,
            names
                .resources
                .iter()
                .find(|(r, _, _)| *r == op.resource)
                .map_or("", |(_, _, ty)| ty.as_str()),
            op.verb,
            op.path
        ),
    );
    emit!(out, "pub enum {marker} {{}}\n");
    if op.iterable {
        if let Some(TypeExpr::Array(item)) = &op.response {
            let item = types::Owned {
                api,
                ty: item,
                prefix: "super::types::",
            };
            emit!(
                out,
                "impl ::civis::http::Iterable for {marker} {{\ntype Item = {item};\n}}\n"
            );
        }
    }
    if op.optional.is_empty() {
        return;
    }
    emit!(
        out,
        "#[doc(hidden)]\n#[allow(missing_docs)]\nimpl<R> super::Call<'_, R, {marker}> {{\n"
    );
    let mut scope = naming::Scope::reserving(CALL_METHODS);
    for param in first_params(op, &op.optional) {
        let ident = scope.ident(&param.name);
        let arg = types::argument(api, &param.ty, "super::types::");
        emit!(
            out,
            "pub fn {ident}(self, value: {}) -> Self {{\nself{}\n}}\n",
            arg.ty,
            arg.set(&param.name, "value")
        );
    }
    out.push_str("}\n");
}
