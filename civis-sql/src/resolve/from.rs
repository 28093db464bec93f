//! `from` and joins: pinned tables, CTEs and subqueries as relations, and what each kind of
//! join does to nullability and to the names `using`/`natural` merge.

use super::scope::{Col, Env, FromState, Relation, StarRef};
use super::Resolver;
use crate::parse::ast::{
    Ident, JoinConstraint, JoinOperator, ObjectName, ObjectNamePart, TableAlias, TableFactor,
    TableWithJoins,
};
use crate::rules::{self, Ty, Typed};
use crate::SqlError;

/// Redshift's search path: an unqualified table is in `public`.
/// <https://docs.aws.amazon.com/redshift/latest/dg/r_search_path.html>
const DEFAULT_SCHEMA: &str = "public";

/// Which sides of a join may be missing from a row.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Outer {
    None,
    Left,
    Right,
    Full,
}

impl Resolver<'_> {
    /// A whole `from` clause: its items cross-joined.
    pub(super) fn select_from(
        &mut self,
        items: &[TableWithJoins],
        outer: &Env<'_>,
    ) -> Result<FromState, SqlError> {
        let mut state = FromState::default();
        for item in items {
            let next = self.table_with_joins(item, outer)?;
            state.append(next);
        }
        // Two relations under one name would make `name.column` mean either.
        for (i, relation) in state.relations.iter().enumerate() {
            let twice = state
                .relations
                .iter()
                .take(i)
                .any(|r| r.alias == relation.alias);
            if twice && !relation.alias.is_empty() {
                return Err(SqlError::new(
                    format!("the name `{}` is given to two tables of this `from`", relation.alias),
                    items.first().and_then(|item| self.at(&item.relation)),
                )
                .with_help("give each table its own alias: `from sales.orders o join sales.orders p on ...`"));
            }
        }
        Ok(state)
    }

    fn table_with_joins(
        &mut self,
        item: &TableWithJoins,
        outer: &Env<'_>,
    ) -> Result<FromState, SqlError> {
        let mut state = self.factor(&item.relation, outer)?;
        for join in &item.joins {
            let right = self.factor(&join.relation, outer)?;
            let (outer_sides, constraint) = match &join.join_operator {
                JoinOperator::Join(c) | JoinOperator::Inner(c) | JoinOperator::CrossJoin(c) => {
                    (Outer::None, c)
                }
                JoinOperator::Left(c) | JoinOperator::LeftOuter(c) => (Outer::Left, c),
                JoinOperator::Right(c) | JoinOperator::RightOuter(c) => (Outer::Right, c),
                JoinOperator::FullOuter(c) => (Outer::Full, c),
                other => {
                    return Err(SqlError::new(
                        format!(
                            "civis-sql does not type this kind of join: `{}`",
                            join_keyword(other)
                        ),
                        self.at(&join.relation),
                    )
                    .with_help("write it as an inner, left, right, full or cross join"))
                }
            };
            state = self.join(state, right, outer_sides, constraint, outer)?;
        }
        Ok(state)
    }

    /// `left <kind> join right <constraint>`.
    fn join(
        &mut self,
        mut left: FromState,
        mut right: FromState,
        outer_sides: Outer,
        constraint: &JoinConstraint,
        outer: &Env<'_>,
    ) -> Result<FromState, SqlError> {
        // The columns of the side a row may lack are NULL in that row.
        // https://docs.aws.amazon.com/redshift/latest/dg/r_FROM_clause30.html
        if matches!(outer_sides, Outer::Left | Outer::Full) {
            right.make_nullable();
        }
        if matches!(outer_sides, Outer::Right | Outer::Full) {
            left.make_nullable();
        }
        let using: Vec<(String, Option<usize>)> = match constraint {
            JoinConstraint::Using(names) | JoinConstraint::UsingAlias(names, _) => names
                .iter()
                .map(|n| (object_name(n).join("."), self.at(n)))
                .collect(),
            JoinConstraint::Natural => {
                let right_names = right.star_names();
                left.star_names()
                    .into_iter()
                    .filter(|n| right_names.contains(n))
                    .map(|n| (n, None))
                    .collect()
            }
            JoinConstraint::On(_) | JoinConstraint::None => Vec::new(),
        };
        let mut merged = Vec::new();
        for (name, offset) in &using {
            let side = |state: &FromState, which: &str| match state.find(name) {
                super::scope::Found::One(typed, _) => Ok(typed),
                _ => Err(SqlError::new(
                    format!("the {which} side of this join has no single column `{name}`"),
                    *offset,
                )
                .with_help(format!(
                    "join `using` columns both sides have once; its columns: {}",
                    state.star_names().join(", ")
                ))),
            };
            let (l, r) = (side(&left, "left")?, side(&right, "right")?);
            // The merged column is the left one, the right one or (full join) their coalesce:
            // NULL only when both may be (each side was made nullable above when outer).
            let typed = rules::common(&[l.clone(), r.clone()], "a join's `using` column")
                .map(|t| Typed {
                    nullable: l.nullable && r.nullable,
                    ..t
                })
                .unwrap_or(Typed {
                    ty: l.ty.clone(),
                    nullable: l.nullable && r.nullable,
                });
            merged.push(Col {
                name: name.clone(),
                typed,
            });
        }
        let mut state = FromState::default();
        let hidden = |s: &FromState, star: &StarRef| {
            s.star_column(*star)
                .is_some_and(|c| using.iter().any(|(n, _)| *n == c.name))
        };
        // `select *` lists the merged columns first, then the others of each side.
        // https://www.postgresql.org/docs/current/queries-table-expressions.html#QUERIES-JOIN
        let left_star: Vec<StarRef> = left
            .star
            .iter()
            .filter(|s| !hidden(&left, s))
            .copied()
            .collect();
        let right_star: Vec<StarRef> = right
            .star
            .iter()
            .filter(|s| !hidden(&right, s))
            .copied()
            .collect();
        left.star = left_star;
        right.star = right_star;
        state.append(left);
        state.append(right);
        let base = state.merged.len();
        state
            .star
            .splice(0..0, (0..merged.len()).map(|i| StarRef::Merged(base + i)));
        state.merged.extend(merged);
        if let JoinConstraint::On(condition) = constraint {
            let mut env = Env {
                parent: Some(outer),
                from: state,
                ..Env::default()
            };
            self.expr(condition, &env)?;
            state = std::mem::take(&mut env.from);
        }
        Ok(state)
    }

    /// One item of a `from`.
    fn factor(&mut self, factor: &TableFactor, outer: &Env<'_>) -> Result<FromState, SqlError> {
        match factor {
            TableFactor::Table { name, alias, args: None, .. } => {
                let relation = self.table(name, outer)?;
                Ok(FromState::single(self.aliased(relation, alias.as_ref())?))
            }
            TableFactor::Derived { subquery, alias, .. } => {
                // A subquery in `from` sees the enclosing queries, not its siblings (unless
                // `lateral`, which Redshift does not have).
                let columns = self.query(subquery, outer, false)?;
                let relation = Relation {
                    alias: String::new(),
                    qualified: None,
                    pinned: false,
                    origin: "a subquery".to_owned(),
                    columns: columns.into_iter().map(|o| o.col).collect(),
                };
                Ok(FromState::single(self.aliased(relation, alias.as_ref())?))
            }
            TableFactor::NestedJoin { table_with_joins, alias } => {
                let state = self.table_with_joins(table_with_joins, outer)?;
                match alias {
                    None => Ok(state),
                    Some(alias) => {
                        let relation = Relation {
                            alias: String::new(),
                            qualified: None,
                    pinned: false,
                            origin: "a parenthesized join".to_owned(),
                            columns: state.star_columns(),
                        };
                        Ok(FromState::single(self.aliased(relation, Some(alias))?))
                    }
                }
            }
            other => Err(SqlError::new(
                "civis-sql types tables, CTEs, subqueries and joins in `from`, not table functions or other forms",
                self.at(other),
            )
            .with_help("select from a table or a subquery; run other SQL with `client.sql(..)`, untyped")),
        }
    }

    /// A named table: a CTE in scope, else a pinned table (`public` when no schema is given).
    fn table(&mut self, name: &ObjectName, outer: &Env<'_>) -> Result<Relation, SqlError> {
        let parts = object_name(name);
        let offset = self.at(name);
        let (schema, table) = match parts.as_slice() {
            [table] => {
                if let Some(columns) = outer.cte(table) {
                    return Ok(Relation {
                        alias: table.clone(),
                        qualified: None,
                        pinned: false,
                        origin: format!("the CTE `{table}`"),
                        columns: columns.clone(),
                    });
                }
                (DEFAULT_SCHEMA.to_owned(), table.clone())
            }
            [schema, table] => (schema.clone(), table.clone()),
            [database, schema, table] => {
                if !database.eq_ignore_ascii_case(self.database) {
                    return Err(SqlError::new(
                        format!(
                            "`{}` names the database `{database}`, and the query runs in `{}`",
                            parts.join("."),
                            self.database
                        ),
                        offset,
                    )
                    .with_help(
                        "civis-sql types one database's tables: name the table as `schema.table`",
                    ));
                }
                (schema.clone(), table.clone())
            }
            _ => {
                return Err(SqlError::new(format!("`{name}` is no table name"), offset)
                    .with_help("name a table as `schema.table`"))
            }
        };
        let pinned = self
            .catalog
            .table(self.database, &schema, &table)
            .map_err(|e| SqlError::new(e.message, offset))?;
        let Some(pinned) = pinned else {
            return Err(self.unpinned(&schema, &table, offset, outer));
        };
        self.use_table(&pinned);
        let origin = pinned_origin(&pinned.schema, &pinned.name, &pinned.pinned_at);
        let columns = pinned
            .columns
            .iter()
            .map(|c| Col {
                name: c.name.clone(),
                // A type the rules do not know is read as text (`super`, `geometry`...).
                typed: Typed {
                    ty: Ty::parse(&c.sql_type.to_lowercase())
                        .unwrap_or_else(|| Ty::Other(c.sql_type.clone())),
                    nullable: !c.not_null,
                },
            })
            .collect();
        Ok(Relation {
            alias: table.clone(),
            qualified: Some(format!("{schema}.{table}")),
            pinned: true,
            origin,
            columns,
        })
    }

    /// The error for a table with no pin: the pin command and what is pinned near it.
    fn unpinned(
        &self,
        schema: &str,
        table: &str,
        offset: Option<usize>,
        outer: &Env<'_>,
    ) -> SqlError {
        let pinned = self.catalog.tables_in_schema(self.database, schema);
        let candidates: Vec<&str> = pinned.iter().map(String::as_str).collect();
        let mut help = format!(
            "pin it (the macro reads pins, never the network): `civis tables pin -d {} {schema}.{table}`",
            self.database
        );
        let mut close: Vec<String> =
            civis_core::__private::suggest::closest_few(table, &candidates, 3)
                .iter()
                .map(|t| format!("`{schema}.{t}`"))
                .collect();
        // The same table in another schema (a schema left out, or the wrong one).
        for (other, name) in self.catalog.pinned_tables(self.database) {
            if name == table && other != schema {
                close.push(format!("`{other}.{name}`"));
            }
        }
        if !close.is_empty() {
            help.push_str(&format!("; or did you mean {}?", close.join(", ")));
        }
        if pinned.is_empty() {
            help.push_str(&format!(
                "; no table of `{schema}` is pinned for `{}` yet",
                self.database
            ));
        } else {
            help.push_str(&format!("; pinned in `{schema}`: {}", pinned.join(", ")));
        }
        let ctes: Vec<&str> = outer
            .chain()
            .flat_map(|e| e.ctes.iter().map(|(n, _)| n.as_str()))
            .collect();
        if schema == DEFAULT_SCHEMA && !ctes.is_empty() {
            help.push_str(&format!("; CTEs here: {}", ctes.join(", ")));
        }
        SqlError::new(
            format!(
                "table `{schema}.{table}` is not pinned for the database `{}` ({})",
                self.database,
                self.catalog
                    .pin_path(self.database, schema, table)
                    .display()
            ),
            offset,
        )
        .with_help(help)
    }

    /// A relation under its alias, with the alias's column names (`t(a, b)`) when given.
    fn aliased(
        &self,
        mut relation: Relation,
        alias: Option<&TableAlias>,
    ) -> Result<Relation, SqlError> {
        let Some(alias) = alias else {
            return Ok(relation);
        };
        relation.alias = ident(&alias.name);
        relation.qualified = None;
        if alias.columns.len() > relation.columns.len() {
            return Err(SqlError::new(
                format!(
                    "the alias `{}` names {} columns, and {} has {}",
                    relation.alias,
                    alias.columns.len(),
                    relation.origin,
                    relation.columns.len()
                ),
                self.at_ident(&alias.name),
            )
            .with_help("name at most as many columns as the relation has"));
        }
        for (column, name) in relation.columns.iter_mut().zip(&alias.columns) {
            column.name = ident(&name.name);
        }
        Ok(relation)
    }
}

/// "sales.orders, pinned 2024-03-01T12:00:00Z" (the date left out when the pin has none).
pub(super) fn pinned_origin(schema: &str, table: &str, pinned_at: &str) -> String {
    if pinned_at.is_empty() {
        format!("{schema}.{table}")
    } else {
        format!("{schema}.{table}, pinned {pinned_at}")
    }
}

/// An identifier as Redshift folds it: ASCII letters to lower case, in quoted ones too.
/// <https://docs.aws.amazon.com/redshift/latest/dg/r_names.html>
pub(super) fn ident(ident: &Ident) -> String {
    ident.value.to_ascii_lowercase()
}

/// The parts of a dotted name, lower case.
pub(super) fn object_name(name: &ObjectName) -> Vec<String> {
    name.0
        .iter()
        .map(|part| match part {
            ObjectNamePart::Identifier(i) => ident(i),
            other => other.to_string().to_ascii_lowercase(),
        })
        .collect()
}

fn join_keyword(operator: &JoinOperator) -> &'static str {
    match operator {
        JoinOperator::Semi(_) | JoinOperator::LeftSemi(_) | JoinOperator::RightSemi(_) => {
            "semi join"
        }
        JoinOperator::Anti(_) | JoinOperator::LeftAnti(_) | JoinOperator::RightAnti(_) => {
            "anti join"
        }
        JoinOperator::CrossApply | JoinOperator::OuterApply => "apply",
        JoinOperator::AsOf { .. } => "asof join",
        _ => "join",
    }
}
