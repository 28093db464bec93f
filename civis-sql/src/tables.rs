//! The tables a query reads, without a catalog: for `civis tables pin --from-sources`, which
//! pins them before any analysis can run. CTE names are not tables.

use crate::parse::ast::{
    Expr, FunctionArg, FunctionArgExpr, FunctionArguments, InTarget, ObjectNamePart, Query,
    SelectItem, SetExpr, TableFactor, TableWithJoins,
};
use crate::TableName;

/// Collects the tables of a query, each once, sorted.
pub(crate) fn tables_read(query: &Query) -> Vec<TableName> {
    let mut found = Vec::new();
    query_tables(query, &[], &mut found);
    found.sort();
    found.dedup();
    found
}

fn query_tables(query: &Query, ctes: &[String], found: &mut Vec<TableName>) {
    let mut visible = ctes.to_vec();
    if let Some(with) = &query.with {
        for cte in &with.cte_tables {
            let name = cte.alias.name.value.to_ascii_lowercase();
            // A recursive CTE sees itself; others see the CTEs before them.
            let mut inner = visible.clone();
            if with.recursive {
                inner.push(name.clone());
            }
            query_tables(&cte.query, &inner, found);
            visible.push(name);
        }
    }
    set_tables(&query.body, &visible, found);
}

fn set_tables(body: &SetExpr, ctes: &[String], found: &mut Vec<TableName>) {
    match body {
        SetExpr::Select(select) => {
            for item in &select.from {
                from_tables(item, ctes, found);
            }
            for item in &select.projection {
                if let SelectItem::UnnamedExpr(e) | SelectItem::ExprWithAlias { expr: e, .. } = item
                {
                    expr_tables(e, ctes, found);
                }
            }
            for e in select
                .selection
                .iter()
                .chain(&select.having)
                .chain(&select.qualify)
            {
                expr_tables(e, ctes, found);
            }
        }
        SetExpr::Query(query) => query_tables(query, ctes, found),
        SetExpr::SetOperation { left, right, .. } => {
            set_tables(left, ctes, found);
            set_tables(right, ctes, found);
        }
        _ => {}
    }
}

fn from_tables(item: &TableWithJoins, ctes: &[String], found: &mut Vec<TableName>) {
    factor_tables(&item.relation, ctes, found);
    for join in &item.joins {
        factor_tables(&join.relation, ctes, found);
        if let Some(condition) = join_condition(&join.join_operator) {
            expr_tables(condition, ctes, found);
        }
    }
}

fn join_condition(operator: &crate::parse::ast::JoinOperator) -> Option<&Expr> {
    use crate::parse::ast::{JoinConstraint, JoinOperator as J};
    match operator {
        J::Join(JoinConstraint::On(e))
        | J::Inner(JoinConstraint::On(e))
        | J::Left(JoinConstraint::On(e))
        | J::LeftOuter(JoinConstraint::On(e))
        | J::Right(JoinConstraint::On(e))
        | J::RightOuter(JoinConstraint::On(e))
        | J::FullOuter(JoinConstraint::On(e)) => Some(e),
        _ => None,
    }
}

fn factor_tables(factor: &TableFactor, ctes: &[String], found: &mut Vec<TableName>) {
    match factor {
        TableFactor::Table { name, .. } => {
            let parts: Vec<String> = name
                .0
                .iter()
                .map(|p| match p {
                    ObjectNamePart::Identifier(i) => i.value.to_ascii_lowercase(),
                    other => other.to_string().to_ascii_lowercase(),
                })
                .collect();
            match parts.as_slice() {
                [table] if ctes.contains(table) => {}
                [table] => found.push(TableName {
                    schema: None,
                    table: table.clone(),
                }),
                [.., schema, table] => found.push(TableName {
                    schema: Some(schema.clone()),
                    table: table.clone(),
                }),
                [] => {}
            }
        }
        TableFactor::Derived { subquery, .. } => query_tables(subquery, ctes, found),
        TableFactor::NestedJoin {
            table_with_joins, ..
        } => from_tables(table_with_joins, ctes, found),
        _ => {}
    }
}

/// The subqueries inside an expression.
fn expr_tables(e: &Expr, ctes: &[String], found: &mut Vec<TableName>) {
    let mut walk = |x: &Expr| expr_tables(x, ctes, found);
    match e {
        Expr::Subquery(q) | Expr::Exists { subquery: q, .. } => query_tables(q, ctes, found),
        Expr::In { expr, target, .. } => {
            walk(expr);
            match target {
                InTarget::Subquery(q) => query_tables(q, ctes, found),
                InTarget::List(items) => items.iter().for_each(|x| expr_tables(x, ctes, found)),
                _ => {}
            }
        }
        Expr::BinaryOp { left, right, .. }
        | Expr::AnyOp { left, right, .. }
        | Expr::AllOp { left, right, .. }
        | Expr::IsDistinctFrom(left, right)
        | Expr::IsNotDistinctFrom(left, right) => {
            walk(left);
            walk(right);
        }
        Expr::Between {
            expr, low, high, ..
        } => {
            walk(expr);
            walk(low);
            walk(high);
        }
        Expr::UnaryOp { expr, .. }
        | Expr::Nested(expr)
        | Expr::Cast { expr, .. }
        | Expr::IsNull(expr)
        | Expr::IsNotNull(expr)
        | Expr::Like { expr, .. }
        | Expr::ILike { expr, .. } => walk(expr),
        Expr::Case {
            operand,
            conditions,
            else_result,
            ..
        } => {
            operand.iter().for_each(|x| walk(x));
            for when in conditions {
                walk(&when.condition);
                walk(&when.result);
            }
            else_result.iter().for_each(|x| walk(x));
        }
        Expr::Function(f) => {
            if let FunctionArguments::List(list) = &f.args {
                for arg in &list.args {
                    if let FunctionArg::Unnamed(FunctionArgExpr::Expr(x)) = arg {
                        walk(x);
                    }
                }
            }
            if let FunctionArguments::Subquery(q) = &f.args {
                query_tables(q, ctes, found);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::{tables_read, TableName};

    fn names(sql: &str) -> Vec<String> {
        tables_read(sql)
            .expect("parses")
            .into_iter()
            .map(|TableName { schema, table }| match schema {
                Some(schema) => format!("{schema}.{table}"),
                None => table,
            })
            .collect()
    }

    #[test]
    fn tables_everywhere_but_not_ctes() {
        let sql = "with recent as (select * from Sales.Orders where day > '{{since}}'),
                        r2 as (select * from recent)
                   select * from recent join sales.customers c on c.id = recent.customer_id
                   left join (select * from events) e on e.id = c.id
                   where exists (select 1 from sales.items i where i.order_id = recent.id)
                     and c.id in (select id from db.crm.people)
                     and c.id > {{min}}
                   union all select * from r2";
        assert_eq!(
            names(sql),
            vec![
                "events",
                "crm.people",
                "sales.customers",
                "sales.items",
                "sales.orders"
            ]
        );
        // A CTE's name is a table inside the CTEs before it.
        assert_eq!(
            names("with a as (select * from b), b as (select 1) select * from a"),
            vec!["b"]
        );
        assert_eq!(
            names("with recursive n as (select 1 union all select * from n) select * from n"),
            Vec::<String>::new()
        );
        assert!(tables_read("delete from t").is_err());
    }
}
