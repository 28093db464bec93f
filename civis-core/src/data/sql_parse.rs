//! SQL text read as statements in Redshift's dialect (feature `read-only`): the one parser
//! configuration of civis-rs, used by the read-only guard of SQL builders here and by civis-sql's
//! analysis of `civis::query!` (which reaches it through `__private`), so that both read SQL
//! alike.
//!
//! The dialect is sqlparser's Redshift dialect with `group by grouping sets (...)` read as
//! Redshift does.
//! <https://docs.aws.amazon.com/redshift/latest/dg/r_GROUP_BY_aggregation-extensions.html>
//!
//! sqlparser 0.64's `RedshiftSqlDialect` does not enable its `supports_group_by_expr`, so
//! `grouping sets` fails to parse. This dialect answers every question as Redshift's does
//! (each method it overrides is delegated below, and `dialect()` reports Redshift's type, so
//! the parser's own dialect checks see Redshift) and enables `grouping sets`, `rollup` and
//! `cube`. A test parses Redshift syntax with both and compares the trees.

use core::iter::Peekable;
use core::str::Chars;
use std::any::TypeId;

use sqlparser::ast::{Query, SetExpr, Statement};
use sqlparser::dialect::{BindPlaceholderStyle, Dialect, RedshiftSqlDialect};
use sqlparser::keywords::Keyword;
use sqlparser::parser::{Parser, ParserError};

/// Redshift's dialect with grouping sets.
#[derive(Debug, Default)]
pub struct Redshift(RedshiftSqlDialect);

/// The statements of `sql`, read in [`Redshift`]'s dialect.
pub fn parse(sql: &str) -> Result<Vec<Statement>, ParserError> {
    Parser::parse_sql(&Redshift::default(), sql)
}

/// Why `sql` is not a single read (`select`, or `with ... select`, set operations included),
/// in words that name what was found ("a DELETE statement", "2 statements"); `Ok` when it is.
/// SQL that does not parse is refused too: a guard lets through only what it has read.
// The guard's SQL builders need `io`; civis-sql uses this module for its dialect alone.
#[cfg_attr(not(feature = "io"), allow(dead_code))]
pub(crate) fn refuse_unless_read(sql: &str) -> Result<(), String> {
    let statements = parse(sql).map_err(|error| {
        format!("the SQL does not parse in Redshift's dialect ({error}), so it cannot be shown to only read")
    })?;
    match statements.as_slice() {
        [] => Err("the SQL holds no statement (only comments or blanks)".into()),
        [Statement::Query(query)] => match not_a_read(query) {
            Some(what) => Err(format!("the query {what}")),
            None => Ok(()),
        },
        [other] => Err(format!("the SQL is {}", statement_kind(other))),
        several => Err(format!(
            "the SQL holds {} statements ({})",
            several.len(),
            several
                .iter()
                .map(statement_kind)
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// What a query does besides reading: a data-changing body (`with ... insert`), a CTE that
/// changes data, `select ... into` (which creates a table), or row locks.
fn not_a_read(query: &Query) -> Option<String> {
    if let Some(with) = &query.with {
        for cte in &with.cte_tables {
            if let Some(what) = not_a_read(&cte.query) {
                return Some(format!("{what} (in its CTE {})", cte.alias.name));
            }
        }
    }
    if !query.locks.is_empty() {
        return Some("locks rows (`for update`/`for share`)".into());
    }
    body_not_a_read(&query.body)
}

fn body_not_a_read(body: &SetExpr) -> Option<String> {
    match body {
        SetExpr::Insert(statement)
        | SetExpr::Update(statement)
        | SetExpr::Delete(statement)
        | SetExpr::Merge(statement) => Some(format!("is {}", statement_kind(statement))),
        SetExpr::Select(select) if select.into.is_some() => {
            Some("is a SELECT INTO, which creates a table".into())
        }
        SetExpr::SetOperation { left, right, .. } => {
            body_not_a_read(left).or_else(|| body_not_a_read(right))
        }
        SetExpr::Query(query) => not_a_read(query),
        _ => None,
    }
}

/// "a DELETE statement", "a CREATE TABLE statement", "an UNLOAD statement": the statement's
/// leading keywords as sqlparser prints it, and for `create`, `alter` and `drop` the kind of
/// object.
fn statement_kind(statement: &Statement) -> String {
    let text = statement.to_string();
    // Keywords only: `UNLOAD('select ...')` prints without a space before its parenthesis.
    let mut words = text
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|word| !word.is_empty())
        .map(str::to_uppercase);
    let first = words.next().unwrap_or_else(|| "empty".into());
    let mut kind = first.clone();
    if matches!(first.as_str(), "CREATE" | "ALTER" | "DROP") {
        // Past the modifiers, to the object: `create or replace temporary view` is a view.
        let skipped = [
            "OR",
            "REPLACE",
            "TEMP",
            "TEMPORARY",
            "LOCAL",
            "EXTERNAL",
            "UNIQUE",
        ];
        if let Some(object) = words.find(|w| !skipped.contains(&w.as_str())) {
            kind = format!("{first} {object}");
        }
    }
    let article = if kind.starts_with(['A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {kind} statement")
}

impl Dialect for Redshift {
    fn dialect(&self) -> TypeId {
        TypeId::of::<RedshiftSqlDialect>()
    }
    fn supports_group_by_expr(&self) -> bool {
        true
    }
    fn ordered_bind_placeholder_style(&self) -> Option<BindPlaceholderStyle> {
        self.0.ordered_bind_placeholder_style()
    }
    fn is_nested_delimited_identifier_start(&self, ch: char) -> bool {
        self.0.is_nested_delimited_identifier_start(ch)
    }
    fn peek_nested_delimited_identifier_quotes(
        &self,
        chars: Peekable<Chars<'_>>,
    ) -> Option<(char, Option<char>)> {
        self.0.peek_nested_delimited_identifier_quotes(chars)
    }
    fn is_identifier_start(&self, ch: char) -> bool {
        self.0.is_identifier_start(ch)
    }
    fn is_identifier_part(&self, ch: char) -> bool {
        self.0.is_identifier_part(ch)
    }
    fn identifier_quote_style(&self, identifier: &str) -> Option<char> {
        self.0.identifier_quote_style(identifier)
    }
    fn convert_type_before_value(&self) -> bool {
        self.0.convert_type_before_value()
    }
    fn supports_connect_by(&self) -> bool {
        self.0.supports_connect_by()
    }
    fn supports_top_before_distinct(&self) -> bool {
        self.0.supports_top_before_distinct()
    }
    fn supports_partiql(&self) -> bool {
        self.0.supports_partiql()
    }
    fn supports_unpivot_expr(&self) -> bool {
        self.0.supports_unpivot_expr()
    }
    fn supports_string_escape_constant(&self) -> bool {
        self.0.supports_string_escape_constant()
    }
    fn supports_approximate_percentile_disc(&self) -> bool {
        self.0.supports_approximate_percentile_disc()
    }
    fn supports_geometric_types(&self) -> bool {
        self.0.supports_geometric_types()
    }
    fn supports_bitwise_shift_operators(&self) -> bool {
        self.0.supports_bitwise_shift_operators()
    }
    fn supports_tilde_like_match_operator(&self) -> bool {
        self.0.supports_tilde_like_match_operator()
    }
    fn supports_array_typedef_with_brackets(&self) -> bool {
        self.0.supports_array_typedef_with_brackets()
    }
    fn allow_extract_single_quotes(&self) -> bool {
        self.0.allow_extract_single_quotes()
    }
    fn supports_string_literal_backslash_escape(&self) -> bool {
        self.0.supports_string_literal_backslash_escape()
    }
    fn supports_select_wildcard_exclude(&self) -> bool {
        self.0.supports_select_wildcard_exclude()
    }
    fn supports_select_wildcard_with_alias(&self) -> bool {
        self.0.supports_select_wildcard_with_alias()
    }
    fn supports_left_associative_joins_without_parens(&self) -> bool {
        self.0.supports_left_associative_joins_without_parens()
    }
    fn supports_select_exclude(&self) -> bool {
        self.0.supports_select_exclude()
    }
    fn supports_create_table_like_parenthesized(&self) -> bool {
        self.0.supports_create_table_like_parenthesized()
    }
    fn supports_string_literal_concatenation_with_newline(&self) -> bool {
        self.0.supports_string_literal_concatenation_with_newline()
    }
    fn supports_window_function_null_treatment_arg(&self) -> bool {
        self.0.supports_window_function_null_treatment_arg()
    }
    fn is_reserved_for_identifier(&self, kw: Keyword) -> bool {
        self.0.is_reserved_for_identifier(kw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_single_select_or_with_select_is_a_read() {
        for sql in [
            "select 1",
            "SELECT a FROM s.t WHERE b > 2;",
            "with a as (select 1 as one) select * from a",
            "select a from t union all (select b from u) order by 1",
            "select top 3 x from t -- trailing comment",
            "/* a note */ select 'delete from t' as text",
        ] {
            assert_eq!(refuse_unless_read(sql), Ok(()), "{sql}");
        }
    }

    #[test]
    fn every_other_statement_is_refused_by_name() {
        let refused = |sql: &str| refuse_unless_read(sql).expect_err(sql);
        for (sql, named) in [
            ("insert into t values (1)", "an INSERT statement"),
            ("update t set a = 1", "an UPDATE statement"),
            ("delete from t where a = 1", "a DELETE statement"),
            (
                "merge into t using u on t.id = u.id when matched then delete",
                "a MERGE statement",
            ),
            ("create table t (a int)", "a CREATE TABLE statement"),
            (
                "create or replace view v as select 1",
                "a CREATE VIEW statement",
            ),
            ("drop table t", "a DROP TABLE statement"),
            ("alter table t add column b int", "an ALTER TABLE statement"),
            ("truncate t", "a TRUNCATE statement"),
            (
                "unload ('select * from t') to 's3://b/p' iam_role 'arn:aws:iam::1:role/r'",
                "an UNLOAD statement",
            ),
            (
                "copy t from 's3://b/p' iam_role default",
                "a COPY statement",
            ),
            ("grant select on t to bob", "a GRANT statement"),
            (
                "select 1; delete from t",
                "2 statements (a SELECT statement, a DELETE statement)",
            ),
            ("-- nothing but a comment", "no statement"),
            (
                "with a as (select 1 as x) insert into t select x from a",
                "the query is an INSERT statement",
            ),
            (
                "select * into new_t from t",
                "SELECT INTO, which creates a table",
            ),
            ("select 1 from", "does not parse"),
        ] {
            let why = refused(sql);
            assert!(why.contains(named), "{sql}: {why}");
        }
    }

    #[test]
    fn it_reads_redshift_as_redshift_does() {
        let queries = [
            "select top 5 distinct a, b::int, \"c\" from s.t as x where a ~~ 'x%' and b << 2 > 1",
            "select e'a\\'b', $$dollar$$, x[0].y, convert(varchar, 1), extract('year' from d) from t",
            "select * exclude (a) from t left join u using (id) qualify row_number() over (partition by a order by b) = 1",
            "with a as (select 1 as one) select listagg(x, ',') within group (order by y) from a, b group by 1 having count(*) > 1",
            "select interval from t where d between '2024-01-01' and getdate() - interval '1 day'",
            "select a from t union all (select b from u) order by 1 limit 5 offset 2",
        ];
        for sql in queries {
            let ours = Parser::parse_sql(&Redshift::default(), sql).map_err(|e| e.to_string());
            let theirs = Parser::parse_sql(&RedshiftSqlDialect {}, sql).map_err(|e| e.to_string());
            assert_eq!(ours, theirs, "{sql}");
        }
    }

    #[test]
    fn grouping_sets_rollup_and_cube_parse() {
        for sql in [
            "select a, b, count(*) from t group by grouping sets ((a), (b), ())",
            "select a from t group by rollup (a, b)",
            "select a from t group by cube (a, b)",
        ] {
            assert!(
                Parser::parse_sql(&Redshift::default(), sql).is_ok(),
                "{sql}"
            );
        }
    }
}
