//! The operation table: what `ApiClient::operations()` returns and what every request is built
//! from. It is emitted as one string literal of compact JSON rows (`civis::TableRow`) that the
//! client decodes on first use, not as thousands of struct literals: far less code for rustc.

use crate::operation::{ParamKind, TableRow};
use crate::spec::model::{Api, Operation, TypeExpr};

use super::emit::{emit, Lit, RawLit};

/// `static OPERATIONS` and `fn operations()`, rows in the model's order (sorted by resource,
/// then method).
pub fn generate(out: &mut String, api: &Api) {
    // One row a line, so that a change shows as the rows it changes in a diff of the
    // expansion. Serialising strings and plain values cannot fail.
    let rows: Vec<String> = api
        .operations
        .iter()
        .map(|op| serde_json::to_string(&row(op)).unwrap_or_default())
        .collect();
    let encoded = format!("[\n{}\n]", rows.join(",\n"));
    emit!(
        out,
        "#[doc(hidden)]\n\
         static OPERATIONS: ::civis::__private::OperationTable = \
         ::civis::__private::OperationTable::new({}, {});\n\
         #[doc = \" The operation table, decoded once.\"]\n\
         fn operations() -> &'static [::civis::Operation] {{\nOPERATIONS.get()\n}}\n",
        Lit(env!("CARGO_PKG_VERSION")),
        RawLit(&encoded)
    );
}

fn row(op: &Operation) -> TableRow<&str> {
    TableRow {
        resource: &op.resource,
        method: &op.method,
        verb: &op.verb,
        path: &op.path,
        required: op.required.iter().map(String::as_str).collect(),
        optional: op.optional.iter().map(String::as_str).collect(),
        iterable: op.iterable,
        deprecated: op.deprecated.as_deref(),
        summary: &op.summary,
        params: op
            .params
            .iter()
            .map(|param| {
                let wire_name = if param.wire_name == param.name {
                    ""
                } else {
                    param.wire_name.as_str()
                };
                (
                    param.name.as_str(),
                    wire_name,
                    param.location.code(),
                    kind(&param.ty).code(),
                    param.description.trim(),
                )
            })
            .collect(),
    }
}

fn kind(ty: &TypeExpr) -> ParamKind {
    match ty {
        TypeExpr::Integer => ParamKind::Integer,
        TypeExpr::Number => ParamKind::Number,
        TypeExpr::Boolean => ParamKind::Boolean,
        TypeExpr::String => ParamKind::String,
        TypeExpr::Array(_) => ParamKind::Array,
        TypeExpr::Any | TypeExpr::Named(_) => ParamKind::Object,
    }
}
