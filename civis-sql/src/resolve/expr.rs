//! Expressions: column references, operators, casts, predicates, `case`, subqueries and the
//! special syntax of a few functions (`extract`, `trim`, `substring`...), each typed by the
//! rules. A call of a function is in `function`.

use super::from::{ident, object_name};
use super::scope::{Env, Found, Relation};
use super::{non_null, Resolver};
use crate::names::type_column_name;
use crate::parse::ast::{
    BinaryOperator, CeilFloorKind, DataType, DateTimeField, Expr, Ident, InTarget, Query,
    SelectItem, SetExpr, TrimWhereField, UnaryOperator,
};
use crate::rules::{self, Arg, BinOp, CallShape, Literal, RuleError, Ty, Typed};
use crate::SqlError;

/// Functions Redshift lets a query call without parentheses, as a bare name.
/// https://docs.aws.amazon.com/redshift/latest/dg/Date_functions_header.html
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
    /// The type (and literal value) of `e`.
    pub(super) fn expr(&mut self, e: &Expr, env: &Env<'_>) -> Result<Arg, SqlError> {
        match e {
            Expr::Identifier(i) => self.column(std::slice::from_ref(i), e, env),
            Expr::CompoundIdentifier(parts) => self.column(parts, e, env),
            Expr::Value(v) => self.literal(&v.value, self.at(e)),
            Expr::Nested(inner)
            | Expr::Collate { expr: inner, .. }
            | Expr::Prefixed { value: inner, .. } => self.expr(inner, env),
            Expr::IsNull(x)
            | Expr::IsNotNull(x)
            | Expr::IsTrue(x)
            | Expr::IsNotTrue(x)
            | Expr::IsFalse(x)
            | Expr::IsNotFalse(x)
            | Expr::IsUnknown(x)
            | Expr::IsNotUnknown(x) => {
                // `is [not] null|true|false` is never NULL.
                // https://docs.aws.amazon.com/redshift/latest/dg/r_null_condition.html
                self.expr(x, env)?;
                Ok(arg(non_null(Ty::Boolean)))
            }
            Expr::IsDistinctFrom(a, b) | Expr::IsNotDistinctFrom(a, b) => {
                self.compare(a, b, e, env)?;
                Ok(arg(non_null(Ty::Boolean)))
            }
            Expr::In { expr, target, .. } => self.in_predicate(expr, target, e, env),
            Expr::Between {
                expr, low, high, ..
            } => {
                // https://docs.aws.amazon.com/redshift/latest/dg/r_range_condition.html
                let a = self.compare(expr, low, e, env)?;
                let b = self.compare(expr, high, e, env)?;
                Ok(arg(Typed {
                    ty: Ty::Boolean,
                    nullable: a.nullable || b.nullable,
                }))
            }
            Expr::BinaryOp { left, op, right } => {
                let Some(op) = bin_op(op) else {
                    let error = RuleError {
                        message: format!("no type rule for the operator `{op}`"),
                        help: None,
                    };
                    return Err(self.no_rule(error, e));
                };
                let (l, r) = (self.expr(left, env)?, self.expr(right, env)?);
                let typed = rules::binary(op, &l, &r).map_err(|err| self.no_rule(err, e))?;
                Ok(arg(typed))
            }
            Expr::Like { expr, pattern, .. }
            | Expr::ILike { expr, pattern, .. }
            | Expr::SimilarTo { expr, pattern, .. }
            | Expr::RLike { expr, pattern, .. } => {
                // https://docs.aws.amazon.com/redshift/latest/dg/pattern-matching-conditions.html
                let (l, r) = (self.expr(expr, env)?, self.expr(pattern, env)?);
                let typed =
                    rules::binary(BinOp::Pattern, &l, &r).map_err(|err| self.no_rule(err, e))?;
                Ok(arg(typed))
            }
            Expr::AnyOp { left, right, .. } | Expr::AllOp { left, right, .. } => {
                let l = self.expr(left, env)?;
                let r = self.expr(right, env)?;
                Ok(arg(Typed {
                    ty: Ty::Boolean,
                    nullable: l.typed.nullable || r.typed.nullable,
                }))
            }
            Expr::UnaryOp { op, expr } => {
                let x = self.expr(expr, env)?;
                let op = match op {
                    UnaryOperator::Minus => "-",
                    UnaryOperator::Plus => "+",
                    UnaryOperator::Not => "not",
                    UnaryOperator::BitwiseNot => "~",
                    UnaryOperator::PGSquareRoot => "|/",
                    UnaryOperator::PGCubeRoot => "||/",
                    UnaryOperator::PGAbs => "@",
                    _ => {
                        let error = RuleError {
                            message: format!("no type rule for the operator `{op}`"),
                            help: None,
                        };
                        return Err(self.no_rule(error, e));
                    }
                };
                let typed = rules::unary(op, &x).map_err(|err| self.no_rule(err, e))?;
                Ok(arg(typed))
            }
            Expr::Cast {
                expr, data_type, ..
            }
            | Expr::Convert {
                expr,
                data_type: Some(data_type),
                ..
            } => {
                // https://docs.aws.amazon.com/redshift/latest/dg/r_CAST_function.html
                let x = self.expr(expr, env)?;
                let to = self.data_type(data_type, e)?;
                let typed = rules::cast(&x, &to).map_err(|err| self.no_rule(err, e))?;
                Ok(arg(typed))
            }
            Expr::TypedString(typed_string) => {
                // `date '2024-01-01'` is a cast of the string.
                let text = self.literal(&typed_string.value.value, self.at(e))?;
                let to = self.data_type(&typed_string.data_type, e)?;
                let typed = rules::cast(&text, &to).map_err(|err| self.no_rule(err, e))?;
                Ok(Arg {
                    typed,
                    literal: text.literal,
                })
            }
            Expr::Interval(_) => Ok(arg(non_null(Ty::Interval))),
            Expr::AtTimeZone {
                timestamp,
                time_zone,
            } => self.at_time_zone(timestamp, time_zone, e, env),
            Expr::Extract { field, expr, .. } => {
                // `extract(part from x)` is `date_part('part', x)`.
                // https://docs.aws.amazon.com/redshift/latest/dg/r_EXTRACT_function.html
                let x = self.expr(expr, env)?;
                self.call("extract", vec![date_part(field), x], e)
            }
            Expr::Ceil { expr, field } | Expr::Floor { expr, field } => {
                let name = if matches!(e, Expr::Ceil { .. }) {
                    "ceil"
                } else {
                    "floor"
                };
                let mut args = vec![self.expr(expr, env)?];
                match field {
                    CeilFloorKind::DateTimeField(DateTimeField::NoDateTime) => {}
                    CeilFloorKind::DateTimeField(field) => args.push(date_part(field)),
                    CeilFloorKind::Scale(v) => args.push(self.literal(&v.value, self.at(e))?),
                }
                self.call(name, args, e)
            }
            Expr::Position { expr, r#in } => {
                let args = vec![self.expr(expr, env)?, self.expr(r#in, env)?];
                self.call("position", args, e)
            }
            Expr::Substring {
                expr,
                substring_from,
                substring_for,
                ..
            } => {
                let mut args = vec![self.expr(expr, env)?];
                for part in substring_from.iter().chain(substring_for) {
                    args.push(self.expr(part, env)?);
                }
                self.call("substring", args, e)
            }
            Expr::Trim {
                expr,
                trim_where,
                trim_what,
                trim_characters,
            } => {
                // `trim(leading 'x' from s)` is `ltrim(s, 'x')`, `trailing` `rtrim`.
                // https://docs.aws.amazon.com/redshift/latest/dg/r_TRIM.html
                let mut args = vec![self.expr(expr, env)?];
                for part in trim_what
                    .iter()
                    .map(AsRef::as_ref)
                    .chain(trim_characters.iter().flatten())
                {
                    args.push(self.expr(part, env)?);
                }
                self.call(trim_name(trim_where.as_ref()), args, e)
            }
            Expr::Overlay {
                expr,
                overlay_what,
                overlay_from,
                overlay_for,
            } => {
                let mut args = vec![
                    self.expr(expr, env)?,
                    self.expr(overlay_what, env)?,
                    self.expr(overlay_from, env)?,
                ];
                if let Some(x) = overlay_for {
                    args.push(self.expr(x, env)?);
                }
                self.call("overlay", args, e)
            }
            Expr::Function(f) => self.function(f, e, env),
            Expr::Case {
                operand,
                conditions,
                else_result,
                ..
            } => {
                // The result is the branches' common type, NULL-able when any branch is or
                // there is no `else`. https://docs.aws.amazon.com/redshift/latest/dg/r_CASE_function.html
                let operand = match operand {
                    Some(x) => Some(self.expr(x, env)?),
                    None => None,
                };
                let mut results = Vec::with_capacity(conditions.len() + 1);
                for when in conditions {
                    let condition = self.expr(&when.condition, env)?;
                    if let Some(operand) = &operand {
                        rules::binary(BinOp::Compare, operand, &condition)
                            .map_err(|err| self.no_rule(err, &when.condition))?;
                    }
                    results.push(self.expr(&when.result, env)?);
                }
                match else_result {
                    Some(x) => results.push(self.expr(x, env)?),
                    None => results.push(arg(Typed {
                        ty: Ty::Null,
                        nullable: true,
                    })),
                }
                let typed =
                    rules::common_args(&results, "case").map_err(|err| self.no_rule(err, e))?;
                Ok(arg(typed))
            }
            Expr::Exists { subquery, .. } => {
                self.query(subquery, env, false)?;
                Ok(arg(non_null(Ty::Boolean)))
            }
            Expr::Subquery(query) => {
                // A scalar subquery is NULL when it finds no row.
                let typed = self.scalar_subquery(query, e, env)?;
                Ok(arg(Typed {
                    nullable: true,
                    ..typed
                }))
            }
            Expr::Wildcard(_) | Expr::QualifiedWildcard(..) => Err(SqlError::new(
                "`*` stands only for the columns of a select list, or in `count(*)`",
                self.at(e),
            )
            .with_help("name the column")),
            other => {
                let error = RuleError {
                    message: "no type rule for this expression".to_owned(),
                    help: None,
                };
                Err(self.no_rule(error, other))
            }
        }
    }

    /// `a <op> b` for a comparison: checks the types compare, returns the result.
    fn compare(
        &mut self,
        a: &Expr,
        b: &Expr,
        whole: &Expr,
        env: &Env<'_>,
    ) -> Result<Typed, SqlError> {
        let (l, r) = (self.expr(a, env)?, self.expr(b, env)?);
        rules::binary(BinOp::Compare, &l, &r).map_err(|err| self.no_rule(err, whole))
    }

    /// `x [not] in (list)` / `x [not] in (select ...)`: boolean, NULL-able when any operand is.
    /// https://docs.aws.amazon.com/redshift/latest/dg/r_in_condition.html
    fn in_predicate(
        &mut self,
        x: &Expr,
        target: &InTarget,
        whole: &Expr,
        env: &Env<'_>,
    ) -> Result<Arg, SqlError> {
        let left = self.expr(x, env)?;
        let mut nullable = left.typed.nullable;
        match target {
            InTarget::List(items) => {
                for item in items {
                    let right = self.expr(item, env)?;
                    let typed = rules::binary(BinOp::Compare, &left, &right)
                        .map_err(|err| self.no_rule(err, item))?;
                    nullable |= typed.nullable;
                }
            }
            InTarget::Subquery(query) => {
                let typed = self.scalar_subquery(query, whole, env)?;
                let right = arg(typed);
                let typed = rules::binary(BinOp::Compare, &left, &right)
                    .map_err(|err| self.no_rule(err, whole))?;
                nullable |= typed.nullable;
            }
            _ => {
                let error = RuleError {
                    message: "no type rule for this form of `in`".to_owned(),
                    help: None,
                };
                return Err(self.no_rule(error, whole));
            }
        }
        Ok(arg(Typed {
            ty: Ty::Boolean,
            nullable,
        }))
    }

    /// The one column of a subquery used as a value.
    fn scalar_subquery(
        &mut self,
        query: &Query,
        whole: &Expr,
        env: &Env<'_>,
    ) -> Result<Typed, SqlError> {
        let outputs = self.query(query, env, false)?;
        match outputs.as_slice() {
            [one] => Ok(one.col.typed.clone()),
            _ => Err(SqlError::new(
                format!(
                    "this subquery gives {} columns where one value goes",
                    outputs.len()
                ),
                self.at(whole),
            )
            .with_help("select exactly one column in it")),
        }
    }

    /// `ts at time zone 'zone'`: a `timestamp` read in the zone becomes a `timestamptz`, a
    /// `timestamptz` becomes the `timestamp` of that zone.
    /// https://docs.aws.amazon.com/redshift/latest/dg/r_AT_TIME_ZONE.html
    fn at_time_zone(
        &mut self,
        ts: &Expr,
        zone: &Expr,
        whole: &Expr,
        env: &Env<'_>,
    ) -> Result<Arg, SqlError> {
        let (ts, zone) = (self.expr(ts, env)?, self.expr(zone, env)?);
        let ty = match (&ts.typed.ty, &ts.literal) {
            (Ty::Timestamp | Ty::Date, _) => Ty::TimestampTz,
            (Ty::TimestampTz, _) => Ty::Timestamp,
            // An untyped string literal is read as a timestamptz, as Postgres does.
            (Ty::Varchar(_), Some(Literal::Text(_))) => Ty::Timestamp,
            (other, _) => {
                let error = RuleError {
                    message: format!("`at time zone` takes a timestamp, not {}", other.sql_name()),
                    help: None,
                };
                return Err(self.no_rule(error, whole));
            }
        };
        Ok(arg(Typed {
            ty,
            nullable: ts.typed.nullable || zone.typed.nullable,
        }))
    }

    /// A column reference: `name`, `alias.name` or `schema.table.name`.
    fn column(&mut self, parts: &[Ident], e: &Expr, env: &Env<'_>) -> Result<Arg, SqlError> {
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
                Err(self.unknown_column(name, None, env, offset))
            }
            [qualifier, name] => {
                for scope in env.chain() {
                    if let Some(relation) = scope.from.relation(qualifier) {
                        return self.column_of(relation, name, offset);
                    }
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
                Err(self.unknown_relation(&qualified, env, offset))
            }
            _ => {
                let error = RuleError {
                    message: "no type rule for a path into a `super` value".to_owned(),
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
    fn unknown_column(
        &self,
        name: &str,
        _qualifier: Option<&str>,
        env: &Env<'_>,
        offset: Option<usize>,
    ) -> SqlError {
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

    /// A function typed by the rules, for the special syntax above.
    pub(super) fn call(&mut self, name: &str, args: Vec<Arg>, e: &Expr) -> Result<Arg, SqlError> {
        let typed = rules::function(name, &args, CallShape::default())
            .map_err(|err| self.no_rule(err, e))?;
        Ok(arg(typed))
    }

    /// The name Redshift gives `e` as an output column with no alias (Postgres'
    /// `FigureColname`); `None` is `?column?`.
    pub(super) fn figure_name(&self, e: &Expr, env: &Env<'_>) -> Option<String> {
        match e {
            Expr::Identifier(i) => Some(ident(i)),
            Expr::CompoundIdentifier(parts) => parts.last().map(ident),
            Expr::Nested(x) | Expr::Collate { expr: x, .. } => self.figure_name(x, env),
            Expr::Cast {
                expr, data_type, ..
            }
            | Expr::Convert {
                expr,
                data_type: Some(data_type),
                ..
            } => self.figure_name(expr, env).or_else(|| type_name(data_type)),
            Expr::TypedString(t) => type_name(&t.data_type),
            Expr::Function(f) => object_name(&f.name).pop(),
            Expr::Extract { .. } => Some("date_part".into()),
            Expr::Ceil { .. } => Some("ceil".into()),
            Expr::Floor { .. } => Some("floor".into()),
            Expr::Position { .. } => Some("position".into()),
            Expr::Substring { .. } => Some("substring".into()),
            Expr::Trim { trim_where, .. } => Some(trim_column_name(trim_where.as_ref()).into()),
            Expr::Overlay { .. } => Some("overlay".into()),
            Expr::AtTimeZone { .. } => Some("timezone".into()),
            Expr::Case { .. } => Some("case".into()),
            Expr::Exists { .. } => Some("exists".into()),
            Expr::Interval(_) => Some("interval".into()),
            Expr::Value(v) if matches!(v.value, crate::parse::ast::Value::Boolean(_)) => {
                Some("bool".into())
            }
            Expr::Subquery(q) => first_name(q, self, env),
            _ => None,
        }
    }
}

/// The name of a subquery's first column (Postgres names a scalar subquery so).
fn first_name(query: &Query, resolver: &Resolver<'_>, env: &Env<'_>) -> Option<String> {
    let mut body = query.body.as_ref();
    loop {
        match body {
            SetExpr::Select(select) => {
                return match select.projection.first()? {
                    SelectItem::UnnamedExpr(e) => resolver.figure_name(e, env),
                    SelectItem::ExprWithAlias { alias, .. } => Some(ident(alias)),
                    _ => None,
                }
            }
            SetExpr::SetOperation { left, .. } => body = left,
            SetExpr::Query(q) => body = q.body.as_ref(),
            _ => return None,
        }
    }
}

/// The column name of a cast to `data_type` (`int4`, `numeric`, `date`...).
fn type_name(data_type: &DataType) -> Option<String> {
    Ty::parse(&data_type.to_string().to_lowercase()).map(|ty| type_column_name(&ty))
}

/// A date part written as a keyword (`extract(year from d)`).
fn date_part(field: &DateTimeField) -> Arg {
    Arg {
        typed: non_null(Ty::Null),
        literal: Some(Literal::Keyword(field.to_string().to_lowercase())),
    }
}

fn trim_name(trim_where: Option<&TrimWhereField>) -> &'static str {
    match trim_where {
        Some(TrimWhereField::Leading) => "ltrim",
        Some(TrimWhereField::Trailing) => "rtrim",
        Some(TrimWhereField::Both) | None => "trim",
    }
}

/// The column name Redshift gives a `trim(...)`.
fn trim_column_name(trim_where: Option<&TrimWhereField>) -> &'static str {
    match trim_where {
        Some(TrimWhereField::Leading) => "ltrim",
        Some(TrimWhereField::Trailing) => "rtrim",
        Some(TrimWhereField::Both) | None => "btrim",
    }
}

/// The rules' operator for sqlparser's.
/// https://docs.aws.amazon.com/redshift/latest/dg/r_expressions.html
fn bin_op(op: &BinaryOperator) -> Option<BinOp> {
    Some(match op {
        BinaryOperator::Plus => BinOp::Plus,
        BinaryOperator::Minus => BinOp::Minus,
        BinaryOperator::Multiply => BinOp::Multiply,
        BinaryOperator::Divide => BinOp::Divide,
        BinaryOperator::Modulo => BinOp::Modulo,
        BinaryOperator::StringConcat => BinOp::Concat,
        BinaryOperator::Gt
        | BinaryOperator::Lt
        | BinaryOperator::GtEq
        | BinaryOperator::LtEq
        | BinaryOperator::Eq
        | BinaryOperator::NotEq => BinOp::Compare,
        BinaryOperator::And | BinaryOperator::Or => BinOp::Logic,
        BinaryOperator::BitwiseAnd
        | BinaryOperator::BitwiseOr
        | BinaryOperator::BitwiseXor
        | BinaryOperator::PGBitwiseXor
        | BinaryOperator::PGBitwiseShiftLeft
        | BinaryOperator::PGBitwiseShiftRight => BinOp::Bitwise,
        BinaryOperator::PGRegexMatch
        | BinaryOperator::PGRegexIMatch
        | BinaryOperator::PGRegexNotMatch
        | BinaryOperator::PGRegexNotIMatch
        | BinaryOperator::PGLikeMatch
        | BinaryOperator::PGILikeMatch
        | BinaryOperator::PGNotLikeMatch
        | BinaryOperator::PGNotILikeMatch => BinOp::Pattern,
        _ => return None,
    })
}

/// `a`, `b` as "`a`, `b`".
pub(super) fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
