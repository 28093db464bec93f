//! The query's output columns as the macro receives them: sqlx's overrides applied, each name
//! checked to be a Rust field and unique; and the SQL to run with the overrides taken out.

use crate::names::{is_rust_field, parse_alias};
use crate::resolve::Output;
use crate::rules::Ty;
use crate::{OutputColumn, SqlError};

/// The output columns, with the alias overrides applied.
pub(crate) fn columns(outputs: &[Output]) -> Result<Vec<OutputColumn>, SqlError> {
    let mut columns: Vec<OutputColumn> = Vec::with_capacity(outputs.len());
    for output in outputs {
        let overrides = output
            .alias
            .as_ref()
            .map(|(alias, _)| parse_alias(alias))
            .unwrap_or_default();
        let offset = output
            .alias
            .as_ref()
            .and_then(|(_, at)| *at)
            .or(output.offset);
        let name = output.col.name.clone();
        if !is_rust_field(&name) {
            return Err(SqlError::new(
                format!(
                    "the output column `{name}` cannot be a field of the record `query!` writes"
                ),
                offset,
            )
            .with_help("give it an alias that is a Rust identifier: `... as total`"));
        }
        if output.col.typed.ty == Ty::Null && !output.col.typed.nullable && !output.untyped {
            // An unquoted `{{name}}` alone: its SQL type is the Rust value's, unknown here.
            return Err(SqlError::new(
                format!("the output column `{name}` is a bare parameter, whose SQL type depends on the value passed"),
                output.offset,
            )
            .with_help("cast it to the type it should have: `{{name}}::integer`, `{{name}}::double precision`"));
        }
        if columns.iter().any(|c| c.name == name) {
            return Err(
                SqlError::new(format!("two output columns are named `{name}`"), offset).with_help(
                    format!("give this one another name with an alias: `... as other_{name}`"),
                ),
            );
        }
        columns.push(OutputColumn {
            name,
            ty: output.col.typed.ty.clone(),
            nullable: overrides.nullable.unwrap_or(output.col.typed.nullable),
            rust_override: overrides.rust_type,
        });
    }
    Ok(columns)
}

/// `sql` with each top-level alias's override removed (`"amount: f64"` becomes `"amount"`).
pub(crate) fn run_sql(sql: &str, outputs: &[Output]) -> String {
    let mut edits: Vec<(usize, usize, String)> = outputs
        .iter()
        .filter_map(|output| {
            let (alias, at) = output.alias.as_ref()?;
            let at = (*at)?;
            let parsed = parse_alias(alias);
            if parsed.nullable.is_none() && parsed.rust_type.is_none() {
                return None;
            }
            let end = quoted_end(sql, at)?;
            Some((at, end, format!("\"{}\"", parsed.name.replace('"', "\"\""))))
        })
        .collect();
    edits.sort_by_key(|(start, _, _)| std::cmp::Reverse(*start));
    let mut out = sql.to_owned();
    for (start, end, text) in edits {
        if out.is_char_boundary(start) && out.is_char_boundary(end) {
            out.replace_range(start..end, &text);
        }
    }
    out
}

/// The end (past the closing quote) of the double-quoted identifier starting at `at`.
fn quoted_end(sql: &str, at: usize) -> Option<usize> {
    let rest = sql.get(at..)?.strip_prefix('"')?;
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '"' {
            if chars.peek().map(|(_, c)| *c) == Some('"') {
                chars.next();
                continue;
            }
            return Some(at + 1 + i + 1);
        }
    }
    None
}
