//! The operation table: what `ApiClient::operations()` returns and what every request is built
//! from. It is emitted as one string literal of compact JSON rows (`civis::MethodRow`) that the
//! client decodes on first use, not as thousands of struct literals: far less code for rustc.

use crate::model::api::Api;

use super::emit::{emit, Lit, RawLit};

/// `static OPERATIONS` and `fn operations()`, rows in the model's order (sorted by resource,
/// then method).
pub fn generate(out: &mut String, api: &Api) {
    // One row a line, so that a change shows as the rows it changes in a diff of the
    // expansion. Serialising strings and plain values cannot fail.
    let rows: Vec<String> = crate::model::methods::rows(api)
        .iter()
        .map(|row| serde_json::to_string(row).unwrap_or_default())
        .collect();
    let encoded = format!("[\n{}\n]", rows.join(",\n"));
    emit!(
        out,
        "#[doc(hidden)]\n\
         static OPERATIONS: ::civis::__private::MethodTable = \
         ::civis::__private::MethodTable::new({}, {});\n\
         #[doc = \" The operation table, decoded once.\"]\n\
         fn operations() -> &'static [::civis::methods::Operation] {{\nOPERATIONS.get()\n}}\n",
        Lit(env!("CARGO_PKG_VERSION")),
        RawLit(&encoded)
    );
}
