//! Expressions: column references, operators, casts, predicates, `case`, subqueries and the
//! special syntax of a few functions (`extract`, `trim`, `substring`...), each typed by the
//! rules. A call of a function is in `function`.

use super::from::{ident, object_name};
use super::scope::Env;
use super::{non_null, Resolver};
use crate::names::type_column_name;
use crate::parse::ast::{
    BinaryOperator, CeilFloorKind, DataType, DateTimeField, Expr, InTarget, Query, SelectItem,
    SetExpr, TrimWhereField, UnaryOperator,
};
use crate::rules::{self, Arg, BinOp, CallShape, Literal, RuleError, Ty, Typed};
use crate::SqlError;

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
                // A scalar subquery is NULL when it finds no row, unless it always gives one.
                let typed = self.scalar_subquery(query, e, env)?;
                let nullable = typed.nullable || !one_row(query);
                Ok(arg(Typed { nullable, ..typed }))
            }
            Expr::CompoundFieldAccess { root, .. } | Expr::JsonAccess { value: root, .. } => {
                // `s[0]`, `s.a[1].b`: navigating a `super` value gives a `super`, NULL where
                // the path finds nothing. https://docs.aws.amazon.com/redshift/latest/dg/query-super.html
                let root = self.expr(root, env)?;
                if root.typed.ty == Ty::Other("super".to_owned()) {
                    return Ok(arg(Typed {
                        ty: root.typed.ty,
                        nullable: true,
                    }));
                }
                let error = RuleError {
                    message: format!(
                        "only a `super` value can be navigated, not {}",
                        root.typed.ty.sql_name()
                    ),
                    help: None,
                };
                Err(self.no_rule(error, e))
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
    /// <https://docs.aws.amazon.com/redshift/latest/dg/r_in_condition.html>
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
    /// <https://docs.aws.amazon.com/redshift/latest/dg/r_AT_TIME_ZONE.html>
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
            Expr::Function(f) => {
                let name = object_name(&f.name).pop()?;
                // Redshift rewrites a few functions, and names their columns after the rewrite.
                Some(match name.as_str() {
                    // https://docs.aws.amazon.com/redshift/latest/dg/r_NULLIF_function.html
                    "nullif" => {
                        return first_argument(f)
                            .and_then(|x| self.figure_name(x, env))
                            .or(Some(name))
                    }
                    // https://docs.aws.amazon.com/redshift/latest/dg/r_DATE_PART_function.html
                    "date_part" | "datepart" => "pgdate_part".to_owned(),
                    // https://docs.aws.amazon.com/redshift/latest/dg/r_DATEADD_function.html
                    "dateadd" => "date_add".to_owned(),
                    // https://docs.aws.amazon.com/redshift/latest/dg/r_DATEDIFF_function.html
                    "datediff" => "date_diff".to_owned(),
                    // https://docs.aws.amazon.com/redshift/latest/dg/r_NVL_function.html
                    "nvl" => "coalesce".to_owned(),
                    _ => name,
                })
            }
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

/// Whether a query always gives exactly one row: a `select` of aggregates with no `group by`
/// (`(select count(*) from items i where i.order_id = o.id)`), or of values with no `from`.
fn one_row(query: &Query) -> bool {
    use crate::parse::ast::GroupByExpr;
    let SetExpr::Select(select) = query.body.as_ref() else {
        return false;
    };
    let grouped = !matches!(&select.group_by, GroupByExpr::Expressions(e, _) if e.is_empty());
    if query.limit_clause.is_some()
        || query.fetch.is_some()
        || grouped
        || select.having.is_some()
        || select.qualify.is_some()
        || select.top.is_some()
    {
        return false;
    }
    if select.from.is_empty() {
        return select.selection.is_none();
    }
    select.projection.iter().all(|item| match item {
        SelectItem::UnnamedExpr(Expr::Function(f))
        | SelectItem::ExprWithAlias {
            expr: Expr::Function(f),
            ..
        } => {
            let name = object_name(&f.name).pop().unwrap_or_default();
            f.over.is_none() && rules::function_kind(&name) == Some(rules::FunctionKind::Aggregate)
        }
        _ => false,
    })
}

/// A call's first argument, when it is an expression.
fn first_argument(f: &crate::parse::ast::Function) -> Option<&Expr> {
    use crate::parse::ast::{FunctionArg, FunctionArgExpr, FunctionArguments};
    match &f.args {
        FunctionArguments::List(list) => match list.args.first()? {
            FunctionArg::Unnamed(FunctionArgExpr::Expr(x)) => Some(x),
            _ => None,
        },
        _ => None,
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
/// <https://docs.aws.amazon.com/redshift/latest/dg/r_expressions.html>
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
