//! Column references: `name`, `alias.name`, `schema.table.name` and paths into `super`
//! values, looked up innermost scope first; and the errors that name the closest columns.

use super::expr::quoted;
use super::from::ident;
use super::scope::{Env, Found, Relation};
use super::Resolver;
use crate::parse::ast::{Expr, Ident};
use crate::rules::{Arg, RuleError, Ty, Typed};
use crate::SqlError;

/// Functions Redshift lets a query call without parentheses, as a bare name.
/// <https://docs.aws.amazon.com/redshift/latest/dg/Date_functions_header.html>
const NILADIC: &[&str] = &[
    "sysdate",
    "current_date",
    "current_time",
    "current_timestamp",
    "localtime",
    "localtimestamp",
    "current_user",
    "current_user_id",
    "session_user",
    "user",
    "current_schema",
    "current_database",
];

/// A value with no literal.
fn arg(typed: Typed) -> Arg {
    Arg {
        typed,
        literal: None,
    }
}

impl Resolver<'_> {
    /// A column reference: `name`, `alias.name` or `schema.table.name`.
    pub(super) fn column(
        &mut self,
        parts: &[Ident],
        e: &Expr,
        env: &Env<'_>,
    ) -> Result<Arg, SqlError> {
        let names: Vec<String> = parts.iter().map(ident).collect();
        let offset = self.at(e);
        match names.as_slice() {
            [name] => {
                for scope in env.chain() {
                    match scope.from.find(name) {
                        Found::One(typed, relation) => {
                            if let Some(relation) = relation {
                                self.note_column(&relation, name, &typed, offset);
                            }
                            return Ok(arg(typed));
                        }
                        Found::Ambiguous(candidates) => {
                            return Err(SqlError::new(
                                format!("column `{name}` is ambiguous: {}", candidates.join(", ")),
                                offset,
                            )
                            .with_help(format!(
                                "qualify it with its table's alias, e.g. `{}`",
                                candidates.first().map_or(name.as_str(), String::as_str)
                            )))
                        }
                        Found::None => {
                            if let Some(alias) =
                                scope.aliases.iter().rev().find(|c| c.name == *name)
                            {
                                return Ok(arg(alias.typed.clone()));
                            }
                        }
                    }
                }
                let bare = parts.first().is_some_and(|p| p.quote_style.is_none());
                if bare && NILADIC.contains(&name.as_str()) {
                    return self.call(name, Vec::new(), e);
                }
                Err(self.unknown_column(name, env, offset))
            }
            [qualifier, name] => {
                for scope in env.chain() {
                    if let Some(relation) = scope.from.relation(qualifier) {
                        return self.column_of(relation, name, offset);
                    }
                }
                if let Some(typed) = super_path(&names, env) {
                    return Ok(arg(typed));
                }
                Err(self.unknown_relation(qualifier, env, offset))
            }
            [schema, table, name] => {
                let qualified = format!("{schema}.{table}");
                for scope in env.chain() {
                    if let Some(relation) = scope.from.relation_qualified(&qualified) {
                        return self.column_of(relation, name, offset);
                    }
                }
                if let Some(typed) = super_path(&names, env) {
                    return Ok(arg(typed));
                }
                Err(self.unknown_relation(&qualified, env, offset))
            }
            _ => {
                if let Some(typed) = super_path(&names, env) {
                    return Ok(arg(typed));
                }
                let error = RuleError {
                    message: "no type rule for this name (a path into a `super` value?)".to_owned(),
                    help: None,
                };
                Err(self.no_rule(error, e))
            }
        }
    }

    /// Remembers where a pinned table's column is used, for a rule's error to name it.
    fn note_column(
        &mut self,
        relation: &Relation,
        name: &str,
        typed: &Typed,
        offset: Option<usize>,
    ) {
        if let (Some(offset), true) = (offset, relation.pinned) {
            let who = if relation.alias.is_empty() {
                name.to_owned()
            } else {
                format!("{}.{name}", relation.alias)
            };
            self.columns_seen.push((
                offset,
                format!("`{who}` is {} ({})", typed.ty.sql_name(), relation.origin),
            ));
        }
    }

    fn column_of(
        &mut self,
        relation: &Relation,
        name: &str,
        offset: Option<usize>,
    ) -> Result<Arg, SqlError> {
        match relation.columns.iter().find(|c| c.name == name) {
            Some(column) => {
                self.note_column(relation, name, &column.typed, offset);
                Ok(arg(column.typed.clone()))
            }
            None => {
                let names: Vec<&str> = relation.columns.iter().map(|c| c.name.as_str()).collect();
                let close = civis_core::__private::suggest::closest_few(name, &names, 3);
                let who = if relation.alias.is_empty() {
                    relation.origin.clone()
                } else {
                    format!("`{}` ({})", relation.alias, relation.origin)
                };
                let help = if close.is_empty() {
                    format!("its columns: {}", names.join(", "))
                } else {
                    format!("the closest: {}", quoted(&close))
                };
                Err(
                    SqlError::new(format!("unknown column `{name}` in {who}"), offset)
                        .with_help(help),
                )
            }
        }
    }

    /// `name` is no column of any table in scope.
    fn unknown_column(&self, name: &str, env: &Env<'_>, offset: Option<usize>) -> SqlError {
        let mut qualified: Vec<String> = Vec::new();
        let mut bare: Vec<String> = Vec::new();
        let mut origins: Vec<String> = Vec::new();
        for scope in env.chain() {
            for relation in &scope.from.relations {
                origins.push(if relation.alias.is_empty() {
                    relation.origin.clone()
                } else {
                    format!("`{}` ({})", relation.alias, relation.origin)
                });
                for column in &relation.columns {
                    bare.push(column.name.clone());
                    qualified.push(if relation.alias.is_empty() {
                        column.name.clone()
                    } else {
                        format!("{}.{}", relation.alias, column.name)
                    });
                }
            }
            for alias in &scope.aliases {
                bare.push(alias.name.clone());
                qualified.push(alias.name.clone());
            }
        }
        let candidates: Vec<&str> = bare.iter().map(String::as_str).collect();
        let close = civis_core::__private::suggest::closest_few(name, &candidates, 3);
        let close: Vec<&str> = close
            .iter()
            .flat_map(|c| {
                bare.iter()
                    .zip(&qualified)
                    .filter(move |(b, _)| b == c)
                    .map(|(_, q)| q.as_str())
            })
            .take(3)
            .collect();
        let message = if origins.is_empty() {
            format!("unknown column `{name}`: this query reads no table")
        } else {
            format!("unknown column `{name}` in {}", origins.join(", "))
        };
        let help = if !close.is_empty() {
            format!("the closest: {}", quoted(&close))
        } else if origins.is_empty() {
            "select from the table that has it".to_owned()
        } else {
            format!("the columns here: {}", qualified.join(", "))
        };
        SqlError::new(message, offset).with_help(help)
    }

    fn unknown_relation(&self, qualifier: &str, env: &Env<'_>, offset: Option<usize>) -> SqlError {
        let aliases: Vec<&str> = env
            .chain()
            .flat_map(|scope| scope.from.relations.iter().map(|r| r.alias.as_str()))
            .filter(|a| !a.is_empty())
            .collect();
        let close = civis_core::__private::suggest::closest_few(qualifier, &aliases, 3);
        let help = if close.is_empty() {
            format!("the tables here: {}", quoted(&aliases))
        } else {
            format!("the closest: {}", quoted(&close))
        };
        SqlError::new(
            format!("no table or alias `{qualifier}` in this query"),
            offset,
        )
        .with_help(help)
    }
}

/// `col.a.b` or `alias.col.a.b` where `col` is a `super` column: a navigation into it, a
/// `super` that is NULL where the path finds nothing.
/// <https://docs.aws.amazon.com/redshift/latest/dg/query-super.html>
fn super_path(names: &[String], env: &Env<'_>) -> Option<Typed> {
    let is_super = |typed: &Typed| typed.ty == Ty::Other("super".to_owned());
    let found = env.chain().find_map(|scope| {
        if let [alias, column, _, ..] = names {
            if let Some(relation) = scope.from.relation(alias) {
                return relation
                    .columns
                    .iter()
                    .find(|c| c.name == *column)
                    .map(|c| c.typed.clone());
            }
        }
        match scope.from.find(names.first()?) {
            Found::One(typed, _) => Some(typed),
            _ => None,
        }
    })?;
    is_super(&found).then_some(Typed {
        ty: found.ty,
        nullable: true,
    })
}
