//! Function calls: arguments (date parts written as keywords, `*`, `distinct`), the clauses
//! around them (`within group`, `filter`, `over`), user-defined functions from
//! `.civis/sql.toml`, and the rules' function table.

use super::expr::quoted;
use super::from::object_name;
use super::scope::Env;
use super::{non_null, Resolver};
use crate::parse::ast::{
    DuplicateTreatment, Expr, Function, FunctionArg, FunctionArgExpr, FunctionArgumentClause,
    FunctionArguments, WindowType,
};
use crate::rules::{self, Arg, CallShape, Literal, RuleError, Ty, Typed};
use crate::SqlError;

/// Functions whose first argument is a date part, which Redshift lets a query write as a bare
/// keyword (`dateadd(day, 1, d)`): there it is never a column.
/// <https://docs.aws.amazon.com/redshift/latest/dg/r_Dateparts_for_datetime_functions.html>
const DATE_PART_FIRST: &[&str] = &[
    "dateadd",
    "datediff",
    "date_part",
    "datepart",
    "date_trunc",
    "timestampadd",
    "timestampdiff",
];

impl Resolver<'_> {
    /// `name(args) [within group (...)] [filter (...)] [over (...)]`.
    pub(super) fn function(
        &mut self,
        f: &Function,
        e: &Expr,
        env: &Env<'_>,
    ) -> Result<crate::rules::Arg, SqlError> {
        let parts = object_name(&f.name);
        let full = parts.join(".");
        let name = parts.last().cloned().unwrap_or_default();
        let mut shape = CallShape {
            window: f.over.is_some(),
            ..CallShape::default()
        };
        let mut args = Vec::new();
        match &f.args {
            FunctionArguments::None => {}
            FunctionArguments::Subquery(query) => {
                let outputs = self.query(query, env, false)?;
                args.extend(outputs.into_iter().map(|o| Arg {
                    typed: o.col.typed,
                    literal: None,
                }));
            }
            FunctionArguments::List(list) => {
                shape.distinct =
                    matches!(list.duplicate_treatment, Some(DuplicateTreatment::Distinct));
                for (index, argument) in list.args.iter().enumerate() {
                    let expr = match argument {
                        FunctionArg::Named { arg, .. }
                        | FunctionArg::ExprNamed { arg, .. }
                        | FunctionArg::Unnamed(arg) => arg,
                    };
                    match expr {
                        FunctionArgExpr::Expr(x) => args.push(self.argument(&name, index, x, env)?),
                        FunctionArgExpr::Wildcard
                        | FunctionArgExpr::QualifiedWildcard(_)
                        | FunctionArgExpr::WildcardWithOptions(_) => shape.star = true,
                    }
                }
                for clause in &list.clauses {
                    match clause {
                        FunctionArgumentClause::OrderBy(order) => {
                            for o in order {
                                self.expr(&o.expr, env)?;
                            }
                        }
                        FunctionArgumentClause::Where(x) | FunctionArgumentClause::Limit(x) => {
                            self.expr(x, env)?;
                        }
                        _ => {}
                    }
                }
            }
        }
        // `percentile_cont(0.5) within group (order by x)`: the ordered expression is handed to
        // the rules after the call's own arguments, since it gives the result's type; for
        // `listagg` it only orders the text, and is checked alone.
        for o in &f.within_group {
            let ordered = self.expr(&o.expr, env)?;
            if name.starts_with("percentile") {
                args.push(ordered);
            }
        }
        if let Some(filter) = &f.filter {
            self.expr(filter, env)?;
        }
        if let Some(WindowType::WindowSpec(spec)) = &f.over {
            for x in &spec.partition_by {
                self.expr(x, env)?;
            }
            for o in &spec.order_by {
                self.expr(&o.expr, env)?;
            }
        }
        if let Some(returns) = self
            .catalog
            .config()
            .functions
            .get(&full)
            .or_else(|| self.catalog.config().functions.get(&name))
        {
            // A user-defined function returns what `.civis/sql.toml` says, NULL-able.
            let Some(ty) = Ty::parse(&returns.to_lowercase()) else {
                return Err(SqlError::new(
                    format!("`.civis/sql.toml` gives the function `{full}` the type `{returns}`, which is no SQL type civis-sql knows"),
                    self.at(e),
                )
                .with_help("write a Redshift type name under [functions], e.g. `f_score = \"double precision\"`"));
            };
            return Ok(Arg {
                typed: Typed { ty, nullable: true },
                literal: None,
            });
        }
        let known = rules::function_names();
        if !known.contains(&name.as_str()) {
            let close = civis_core::__private::suggest::closest_few(&name, &known, 3);
            let mut help = String::new();
            if !close.is_empty() {
                help.push_str(&format!("did you mean {}? ", quoted(&close)));
            }
            help.push_str(&format!(
                "if `{full}` is a user-defined function, give its return type in `.civis/sql.toml`: \
                 [functions] `{name} = \"double precision\"`"
            ));
            let error = RuleError {
                message: format!("civis-sql knows no function `{full}`"),
                help: Some(help),
            };
            return Err(self.no_rule(error, e));
        }
        let typed = rules::function(&name, &args, shape).map_err(|err| self.no_rule(err, e))?;
        Ok(Arg {
            typed,
            literal: None,
        })
    }

    /// One argument; a date part written as a bare word is a keyword, not a column.
    fn argument(
        &mut self,
        function: &str,
        index: usize,
        x: &Expr,
        env: &Env<'_>,
    ) -> Result<Arg, SqlError> {
        if index == 0 && DATE_PART_FIRST.contains(&function) {
            if let Expr::Identifier(word) = x {
                if word.quote_style.is_none() {
                    return Ok(Arg {
                        typed: non_null(Ty::Null),
                        literal: Some(Literal::Keyword(word.value.to_lowercase())),
                    });
                }
            }
        }
        self.expr(x, env)
    }
}
