//! sqlparser's Redshift dialect, with `group by grouping sets (...)` read as Redshift does.
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

use sqlparser::dialect::{BindPlaceholderStyle, Dialect, RedshiftSqlDialect};
use sqlparser::keywords::Keyword;

/// Redshift's dialect with grouping sets.
#[derive(Debug, Default)]
pub(crate) struct Redshift(RedshiftSqlDialect);

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
    use sqlparser::parser::Parser;

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
