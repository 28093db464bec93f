//! The operation table of a model: what the generated `ApiClient::operations()` returns, and
//! what the command line builds from a spec read at run time. One conversion, so both agree.

use super::api::{Api, Operation, TypeExpr};
use crate::data::methods::{MethodRow, ParamKind};

/// The table rows of every operation of `api`, in its order (by resource, then method).
pub fn rows(api: &Api) -> Vec<MethodRow<&str>> {
    api.operations.iter().map(row).collect()
}

fn row(op: &Operation) -> MethodRow<&str> {
    MethodRow {
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

/// The JSON type of an argument, for callers that parse arguments from text.
pub(crate) fn kind(ty: &TypeExpr) -> ParamKind {
    match ty {
        TypeExpr::Integer => ParamKind::Integer,
        TypeExpr::Number => ParamKind::Number,
        TypeExpr::Boolean => ParamKind::Boolean,
        TypeExpr::String => ParamKind::String,
        TypeExpr::Array(_) => ParamKind::Array,
        TypeExpr::Any | TypeExpr::Named(_) => ParamKind::Object,
    }
}
