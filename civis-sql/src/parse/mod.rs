//! The adapter over sqlparser: the only module besides the resolver's that names its AST, and
//! the only one that calls it. One `SELECT` (a `WITH` query and set operations included) in
//! Redshift's dialect; anything else is an error that says so.

use sqlparser::ast::{SetExpr, Spanned, Statement};
use sqlparser::parser::ParserError;
use sqlparser::tokenizer::Span;

pub(crate) use sqlparser::ast;

// The dialect is civis-core's (feature `read-only`), so that the read-only guard of SQL
// builders reads SQL as the query macros do.
use civis_core::__private::sql_parse;

use crate::offsets::byte_offset;
use crate::SqlError;

/// Parses `sql` (already through `params::scan`) into its one query.
pub(crate) fn parse_select(sql: &str) -> Result<ast::Query, SqlError> {
    let statements = sql_parse::parse(sql).map_err(|e| parse_error(sql, &e))?;
    let mut statements = statements.into_iter();
    let Some(first) = statements.next() else {
        return Err(SqlError::new("the SQL is empty", None)
            .with_help("write one `select` (or `with ... select`)"));
    };
    if let Some(second) = statements.next() {
        return Err(SqlError::new(
            "the SQL holds more than one statement",
            offset_of(sql, second.span()),
        )
        .with_help("a query macro runs one `select`: remove the statements after the first `;`"));
    }
    match first {
        Statement::Query(query) => {
            if let Some(what) = not_a_read(&query.body) {
                return Err(SqlError::new(
                    format!("a query macro reads, and this query {what}"),
                    offset_of(sql, query.span()),
                )
                .with_help("write one `select` (or `with ... select`)"));
            }
            Ok(*query)
        }
        other => {
            let keyword = other.to_string();
            let keyword = keyword
                .split_whitespace()
                .next()
                .unwrap_or("this")
                .to_lowercase();
            Err(SqlError::new(
                format!("a query macro runs one `select`, not `{keyword}`"),
                offset_of(sql, other.span()).or(Some(0)),
            )
            .with_help(
                "run other statements with `civis::sql::SqlBuilder` (client.sql(..)), which does not type results",
            ))
        }
    }
}

/// What a body that is no read does (`insert ... returning` in a CTE-less form and the like).
fn not_a_read(body: &SetExpr) -> Option<&'static str> {
    match body {
        SetExpr::Insert(_) => Some("inserts"),
        SetExpr::Update(_) => Some("updates"),
        SetExpr::Delete(_) => Some("deletes"),
        SetExpr::Merge(_) => Some("merges"),
        SetExpr::SetOperation { left, right, .. } => not_a_read(left).or_else(|| not_a_read(right)),
        SetExpr::Query(query) => not_a_read(&query.body),
        _ => None,
    }
}

/// The byte offset where `span` starts, when sqlparser knows it.
pub(crate) fn offset_of(sql: &str, span: Span) -> Option<usize> {
    byte_offset(sql, span.start.line, span.start.column)
}

/// sqlparser's error as an `SqlError` at its place. Its messages end in
/// ` at Line: L, Column: C`, which becomes the offset (and so the caret of `render`).
fn parse_error(sql: &str, error: &ParserError) -> SqlError {
    let text = match error {
        ParserError::TokenizerError(text) | ParserError::ParserError(text) => text.as_str(),
        ParserError::RecursionLimitExceeded => {
            return SqlError::new("the SQL nests too deeply to parse", None)
                .with_help("split the query into CTEs (`with a as (...) select ... from a`)");
        }
    };
    let (message, offset) = match text.rfind(" at Line: ") {
        Some(at) => {
            let place = &text[at + " at Line: ".len()..];
            let mut numbers = place
                .split(", Column: ")
                .map(|n| n.trim().parse::<u64>().ok());
            let line = numbers.next().flatten();
            let column = numbers.next().flatten();
            let offset = match (line, column) {
                (Some(line), Some(column)) => byte_offset(sql, line, column),
                _ => None,
            };
            (&text[..at], offset)
        }
        None => (text, None),
    };
    // "found: EOF" has no place of its own: point at the end.
    let offset = offset.or_else(|| {
        message
            .ends_with("found: EOF")
            .then_some(sql.trim_end().len())
    });
    SqlError::new(
        format!("the SQL does not parse (Redshift dialect): {message}"),
        offset,
    )
    .with_help(
        "fix the SQL at the caret; if Redshift runs it, sqlparser does not know this syntax yet: \
         write it another way or run it with `client.sql(..)`, untyped",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_select_parses() {
        assert!(parse_select("with a as (select 1) select * from a union all select 2").is_ok());
        assert!(parse_select("select top 3 x from t;").is_ok());
    }

    #[test]
    fn a_parse_error_points_at_its_line_and_column() {
        let sql = "select a,\n  from t where";
        let error = parse_select(sql).expect_err("refused");
        assert!(
            error.message.starts_with("the SQL does not parse"),
            "{}",
            error.message
        );
        let rendered = error.render(sql);
        assert!(rendered.contains("line 2, column"), "{rendered}");
    }

    #[test]
    fn other_statements_are_refused() {
        let error = parse_select("insert into t values (1)").expect_err("refused");
        assert!(error.message.contains("not `insert`"), "{}", error.message);
        let error = parse_select("select 1; select 2").expect_err("refused");
        assert!(error.message.contains("more than one statement"));
        assert_eq!(error.offset, Some(10));
        assert!(parse_select("  ").is_err());
    }
}
