//! The operation table: what `ApiClient::operations()` returns and what every request is built
//! from. It is emitted as one string literal of compact JSON rows (`civis::TableRow`) that the
//! client decodes on first use, not as thousands of struct literals: far less code for rustc.

use civis_core::spec::model::Api;

use super::emit::{emit, RawLit};

/// `static OPERATIONS` and `fn operations()`, rows in the model's order (sorted by resource,
/// then method).
pub fn generate(out: &mut String, api: &Api) {
    let rows = civis_core::spec::table::rows(api);
    // Serialising strings and plain values cannot fail; an empty table would show at once.
    let encoded = serde_json::to_string(&rows).unwrap_or_default();
    emit!(
        out,
        "#[doc(hidden)]\n\
         static OPERATIONS: ::civis::OperationTable = ::civis::OperationTable::new({});\n\
         #[doc = \" The operation table, decoded once.\"]\n\
         fn operations() -> &'static [::civis::Operation] {{\nOPERATIONS.get()\n}}\n",
        RawLit(&encoded)
    );
}
