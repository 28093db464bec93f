//! Queries: `with` (CTEs, nested and recursive), set operations, `select` with its clauses,
//! and each output column's name and type.

use super::from::ident;
use super::scope::{Col, Env, FromState, Relation};
use super::Resolver;
use crate::names::{self, parse_alias};
use crate::parse::ast::{
    Distinct, Expr, GroupByExpr, Ident, LimitClause, OrderBy, OrderByKind, Query, Select,
    SelectItem, SelectItemQualifiedWildcardKind, SetExpr, SetOperator, TopQuantity,
    WildcardAdditionalOptions,
};
use crate::rules::{self, Ty, Typed};
use crate::SqlError;

/// One output column of a query.
#[derive(Debug, Clone)]
pub(crate) struct Output {
    pub col: Col,
    /// Where the select item starts.
    pub offset: Option<usize>,
    /// The alias as written (case and sqlx suffix kept), and where it starts.
    pub alias: Option<(String, Option<usize>)>,
    /// No rule typed it; the alias's Rust type stands in.
    pub untyped: bool,
}

impl Resolver<'_> {
    /// A query's output columns. `top` is the whole query (whose aliases may carry sqlx's
    /// overrides).
    pub(super) fn query(
        &mut self,
        query: &Query,
        outer: &Env<'_>,
        top: bool,
    ) -> Result<Vec<Output>, SqlError> {
        let mut env = Env::child(outer);
        if let Some(with) = &query.with {
            for cte in &with.cte_tables {
                let name = ident(&cte.alias.name);
                if env.ctes.iter().any(|(n, _)| *n == name) {
                    return Err(SqlError::new(
                        format!("the CTE `{name}` is defined twice in this `with`"),
                        self.at_ident(&cte.alias.name),
                    )
                    .with_help("give each CTE its own name"));
                }
                let columns = if with.recursive {
                    self.recursive_cte(&name, &cte.alias.columns, &cte.query, &env)?
                } else {
                    self.query(&cte.query, &env, false)?
                };
                let mut columns: Vec<Col> = columns.into_iter().map(|o| o.col).collect();
                if cte.alias.columns.len() > columns.len() {
                    return Err(SqlError::new(
                        format!(
                            "the CTE `{name}` names {} columns, and its query gives {}",
                            cte.alias.columns.len(),
                            columns.len()
                        ),
                        self.at_ident(&cte.alias.name),
                    )
                    .with_help("name as many columns as the CTE's select gives"));
                }
                for (column, alias) in columns.iter_mut().zip(&cte.alias.columns) {
                    column.name = ident(&alias.name);
                }
                env.ctes.push((name, columns));
            }
        }
        let outputs = self.set_expr(&query.body, &env, top, query.order_by.as_ref())?;
        // `limit`/`offset` take numbers; typing them finds misspelt names in them.
        match &query.limit_clause {
            Some(LimitClause::LimitOffset {
                limit,
                offset,
                limit_by,
            }) => {
                for e in limit
                    .iter()
                    .chain(offset.as_ref().map(|o| &o.value))
                    .chain(limit_by)
                {
                    self.expr(e, &env)?;
                }
            }
            Some(LimitClause::OffsetCommaLimit { offset, limit }) => {
                self.expr(offset, &env)?;
                self.expr(limit, &env)?;
            }
            None => {}
        }
        Ok(outputs)
    }

    /// `with recursive name as (base union all step)`: the base's columns type the step's
    /// reference to `name`.
    /// <https://docs.aws.amazon.com/redshift/latest/dg/r_WITH_clause.html>
    fn recursive_cte(
        &mut self,
        name: &str,
        names: &[crate::parse::ast::TableAliasColumnDef],
        query: &Query,
        env: &Env<'_>,
    ) -> Result<Vec<Output>, SqlError> {
        let SetExpr::SetOperation { left, .. } = query.body.as_ref() else {
            return self.query(query, env, false);
        };
        let mut base: Vec<Col> = self
            .set_expr(left, env, false, None)?
            .into_iter()
            .map(|o| o.col)
            .collect();
        for (column, alias) in base.iter_mut().zip(names) {
            column.name = ident(&alias.name);
        }
        let mut seeded = Env::child(env);
        seeded.ctes.push((name.to_owned(), base));
        self.query(query, &seeded, false)
    }

    fn set_expr(
        &mut self,
        body: &SetExpr,
        env: &Env<'_>,
        top: bool,
        order_by: Option<&OrderBy>,
    ) -> Result<Vec<Output>, SqlError> {
        match body {
            SetExpr::Select(select) => self.select(select, env, top, order_by),
            SetExpr::Query(query) => {
                let outputs = self.query(query, env, top)?;
                self.order_outputs(&outputs, env, order_by)?;
                Ok(outputs)
            }
            SetExpr::SetOperation {
                left, op, right, ..
            } => {
                let mut outputs = self.set_expr(left, env, top, None)?;
                let others = self.set_expr(right, env, false, None)?;
                let what = match op {
                    SetOperator::Union => "union",
                    SetOperator::Except | SetOperator::Minus => "except",
                    SetOperator::Intersect => "intersect",
                };
                if others.len() != outputs.len() {
                    return Err(SqlError::new(
                        format!(
                            "each side of a `{what}` must give as many columns: the first gives {}, this one {}",
                            outputs.len(),
                            others.len()
                        ),
                        self.at(right.as_ref()),
                    )
                    .with_help("select the same number of columns on both sides"));
                }
                // Names from the first branch; each column's type is the common type of the
                // branches. https://docs.aws.amazon.com/redshift/latest/dg/r_UNION.html
                for (output, other) in outputs.iter_mut().zip(&others) {
                    if output.untyped {
                        continue;
                    }
                    let types = [output.col.typed.clone(), other.col.typed.clone()];
                    match rules::common(&types, what) {
                        // `except` keeps rows of the first query only, `intersect` rows both
                        // return: a column is NULL only where the first query's (or both
                        // queries') can be. https://docs.aws.amazon.com/redshift/latest/dg/r_UNION.html
                        Ok(typed) => {
                            let (l, r) = (output.col.typed.nullable, other.col.typed.nullable);
                            let nullable = match op {
                                SetOperator::Except | SetOperator::Minus => l,
                                SetOperator::Intersect => l && r,
                                SetOperator::Union => typed.nullable,
                            };
                            output.col.typed = Typed { nullable, ..typed };
                        }
                        Err(e) => {
                            let mut error = self.no_rule(e, right.as_ref());
                            error.message = format!(
                                "column `{}` of this `{what}`: {}",
                                output.col.name, error.message
                            );
                            return Err(error);
                        }
                    }
                }
                self.order_outputs(&outputs, env, order_by)?;
                Ok(outputs)
            }
            other => Err(SqlError::new(
                "civis-sql types `select` queries and their set operations",
                self.at(other),
            )
            .with_help("write the rows as a `select ... union all select ...`")),
        }
    }

    /// `order by` after a set operation: it names the output columns.
    fn order_outputs(
        &mut self,
        outputs: &[Output],
        env: &Env<'_>,
        order_by: Option<&OrderBy>,
    ) -> Result<(), SqlError> {
        let Some(order_by) = order_by else {
            return Ok(());
        };
        let relation = Relation {
            alias: String::new(),
            qualified: None,
            pinned: false,
            origin: "the query's output".to_owned(),
            columns: outputs.iter().map(|o| o.col.clone()).collect(),
        };
        let scope = Env {
            parent: Some(env),
            from: FromState::single(relation),
            ..Env::default()
        };
        self.order_by(order_by, &scope)
    }

    fn order_by(&mut self, order_by: &OrderBy, env: &Env<'_>) -> Result<(), SqlError> {
        if let OrderByKind::Expressions(exprs) = &order_by.kind {
            for e in exprs {
                self.expr(&e.expr, env)?;
            }
        }
        Ok(())
    }

    fn select(
        &mut self,
        select: &Select,
        outer: &Env<'_>,
        top: bool,
        order_by: Option<&OrderBy>,
    ) -> Result<Vec<Output>, SqlError> {
        let from = self.select_from(&select.from, outer)?;
        let mut env = Env {
            parent: Some(outer),
            from,
            ..Env::default()
        };
        if let Some(condition) = &select.selection {
            self.expr(condition, &env)?;
        }
        let mut outputs: Vec<Output> = Vec::new();
        for item in &select.projection {
            let items = match item {
                SelectItem::UnnamedExpr(e) => vec![self.item(e, None, &env, top)?],
                SelectItem::ExprWithAlias { expr, alias } => {
                    vec![self.item(expr, Some(alias), &env, top)?]
                }
                SelectItem::Wildcard(options) => {
                    if env.from.relations.is_empty() {
                        return Err(SqlError::new("`*` with no `from`", self.at(item))
                            .with_help("select from a table, or name the columns"));
                    }
                    let columns = env.from.star_columns();
                    self.star(columns, options, self.at(item))?
                }
                SelectItem::QualifiedWildcard(kind, options) => {
                    let columns = match kind {
                        SelectItemQualifiedWildcardKind::ObjectName(name) => {
                            self.relation_columns(name, &env)?
                        }
                        SelectItemQualifiedWildcardKind::Expr(e) => {
                            return Err(SqlError::new(
                                format!("civis-sql does not expand `{e}.*`"),
                                self.at(e),
                            )
                            .with_help("name the columns"))
                        }
                    };
                    self.star(columns, options, self.at(item))?
                }
                SelectItem::ExprWithAliases { expr, .. } => {
                    return Err(SqlError::new("one alias per column", self.at(expr))
                        .with_help("write `expr as name`"))
                }
            };
            for output in items {
                env.aliases.push(output.col.clone());
                outputs.push(output);
            }
        }
        if let GroupByExpr::Expressions(exprs, _) = &select.group_by {
            for e in exprs {
                self.group_item(e, &env)?;
            }
            // `rollup`, `cube` and `grouping sets` add rows where the grouped columns are
            // NULL: any output but a count may then be NULL.
            // https://docs.aws.amazon.com/redshift/latest/dg/r_GROUP_BY_aggregation-extensions.html
            if exprs.iter().any(|e| grouping_sets(e).is_some()) {
                let mut counts = Vec::new();
                for item in &select.projection {
                    match item {
                        SelectItem::UnnamedExpr(e) | SelectItem::ExprWithAlias { expr: e, .. } => {
                            counts.push(is_count(e));
                        }
                        _ => counts.push(false),
                    }
                }
                // A `*` expands to several outputs: align from the items that are one each.
                let one_each = counts.len() == outputs.len();
                for (i, output) in outputs.iter_mut().enumerate() {
                    if !(one_each && counts.get(i).copied().unwrap_or(false)) {
                        output.col.typed.nullable = true;
                    }
                }
            }
        }
        for e in select.having.iter().chain(&select.qualify) {
            self.expr(e, &env)?;
        }
        if let Some(Distinct::On(exprs)) = &select.distinct {
            for e in exprs {
                self.expr(e, &env)?;
            }
        }
        if let Some(TopQuantity::Expr(e)) = select.top.as_ref().and_then(|t| t.quantity.as_ref()) {
            self.expr(e, &env)?;
        }
        if let Some(order_by) = order_by {
            self.order_by(order_by, &env)?;
        }
        Ok(outputs)
    }

    /// A `group by` item: an expression, or `rollup`/`cube`/`grouping sets` of expressions.
    fn group_item(&mut self, e: &Expr, env: &Env<'_>) -> Result<(), SqlError> {
        match grouping_sets(e) {
            Some(items) => {
                for e in items {
                    self.expr(e, env)?;
                }
            }
            None => {
                self.expr(e, env)?;
            }
        }
        Ok(())
    }

    /// The columns of `t.*`.
    fn relation_columns(
        &self,
        name: &crate::parse::ast::ObjectName,
        env: &Env<'_>,
    ) -> Result<Vec<Col>, SqlError> {
        let parts = super::from::object_name(name);
        let found = match parts.as_slice() {
            [alias] => env.from.relation(alias),
            [schema, table] => env.from.relation_qualified(&format!("{schema}.{table}")),
            _ => None,
        };
        match found {
            Some(relation) => Ok(relation.columns.clone()),
            None => {
                let aliases: Vec<&str> = env
                    .from
                    .relations
                    .iter()
                    .map(|r| r.alias.as_str())
                    .filter(|a| !a.is_empty())
                    .collect();
                Err(SqlError::new(
                    format!("no table or alias `{}` in this `from`", parts.join(".")),
                    self.at(name),
                )
                .with_help(format!("the tables here: {}", aliases.join(", "))))
            }
        }
    }

    /// The outputs of a `*` (with Redshift's `exclude`).
    fn star(
        &self,
        mut columns: Vec<Col>,
        options: &WildcardAdditionalOptions,
        offset: Option<usize>,
    ) -> Result<Vec<Output>, SqlError> {
        if let Some(exclude) = &options.opt_exclude {
            let excluded: Vec<String> = match exclude {
                crate::parse::ast::ExcludeSelectItem::Single(name) => {
                    vec![super::from::object_name(name).join(".")]
                }
                crate::parse::ast::ExcludeSelectItem::Multiple(names) => names
                    .iter()
                    .map(|n| super::from::object_name(n).join("."))
                    .collect(),
            };
            for name in &excluded {
                if !columns.iter().any(|c| c.name == *name) {
                    return Err(SqlError::new(
                        format!("`exclude` names `{name}`, which `*` does not list"),
                        offset,
                    )
                    .with_help(format!(
                        "the columns: {}",
                        columns
                            .iter()
                            .map(|c| c.name.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )));
                }
            }
            columns.retain(|c| !excluded.contains(&c.name));
        }
        Ok(columns
            .into_iter()
            .map(|col| Output {
                col,
                offset,
                alias: None,
                untyped: false,
            })
            .collect())
    }

    /// One select item's output: its name (the alias, else the name Redshift figures) and type.
    fn item(
        &mut self,
        e: &Expr,
        alias: Option<&Ident>,
        env: &Env<'_>,
        top: bool,
    ) -> Result<Output, SqlError> {
        let offset = self.at(e);
        let alias_text = alias.map(|a| (a.value.clone(), self.at_ident(a)));
        let name = match alias {
            Some(a) if top => parse_alias(&a.value).name,
            Some(a) => ident(a),
            None => self
                .figure_name(e, env)
                .unwrap_or_else(|| names::NO_NAME.to_owned()),
        };
        self.untyped = false;
        match self.expr(e, env) {
            Ok(arg) => Ok(Output {
                col: Col {
                    name,
                    typed: arg.typed,
                },
                offset,
                alias: alias_text,
                untyped: false,
            }),
            Err(error) => {
                let rust_type = alias
                    .filter(|_| top)
                    .and_then(|a| parse_alias(&a.value).rust_type);
                if self.untyped && rust_type.is_some() {
                    // The alias gives the Rust type the rules could not.
                    let typed = Typed {
                        ty: Ty::Other("unknown".to_owned()),
                        nullable: true,
                    };
                    Ok(Output {
                        col: Col { name, typed },
                        offset,
                        alias: alias_text,
                        untyped: true,
                    })
                } else {
                    Err(error)
                }
            }
        }
    }
}

/// Whether `e` is `count(..)` or `grouping(..)`, never NULL even in a rollup's total rows.
fn is_count(e: &Expr) -> bool {
    match e {
        Expr::Function(f) => {
            let name = super::from::object_name(&f.name).pop().unwrap_or_default();
            f.over.is_none() && matches!(name.as_str(), "count" | "grouping")
        }
        Expr::Nested(inner) => is_count(inner),
        _ => false,
    }
}

/// The expressions of `rollup (..)`, `cube (..)` or `grouping sets (..)` (which sqlparser's
/// Redshift dialect reads as calls of `rollup` and `cube`); `None` for a plain expression.
fn grouping_sets(e: &Expr) -> Option<Vec<&Expr>> {
    use crate::parse::ast::{FunctionArg, FunctionArgExpr, FunctionArguments};
    match e {
        Expr::Rollup(sets) | Expr::Cube(sets) | Expr::GroupingSets(sets) => {
            Some(sets.iter().flatten().collect())
        }
        Expr::Function(f) => {
            let name = super::from::object_name(&f.name).pop().unwrap_or_default();
            if !matches!(name.as_str(), "rollup" | "cube") || f.over.is_some() {
                return None;
            }
            let FunctionArguments::List(list) = &f.args else {
                return Some(Vec::new());
            };
            Some(
                list.args
                    .iter()
                    .filter_map(|a| match a {
                        FunctionArg::Unnamed(FunctionArgExpr::Expr(x)) => Some(x),
                        _ => None,
                    })
                    .flat_map(|x| match x {
                        Expr::Tuple(items) => items.iter().collect::<Vec<_>>(),
                        x => vec![x],
                    })
                    .collect(),
            )
        }
        _ => None,
    }
}
