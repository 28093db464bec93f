//! The function table: one entry per Redshift function (and its synonyms), each with its
//! arity, how its result type is computed, how it passes NULL on, and the page of the AWS
//! Redshift Database Developer Guide that documents it. The entries are in `table`; the rules
//! that compute a type from the arguments, where "the type of argument n" or a fixed type does
//! not say it, are in `results`.
//!
//! A function not in the table has no rule: the caller reports it with the override syntax
//! (`as "name: Type"`), or `[functions]` of `.civis/sql.toml` types it (UDFs).

mod results;
mod table;

use super::{Arg, CallShape, RuleError, Ty, Typed};

/// Where the guide's pages are.
const DOC_BASE: &str = "https://docs.aws.amazon.com/redshift/latest/dg/";

/// What kind of function an entry is: aggregates need a `group by` (or make the query one
/// group), window functions an `over (...)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum FunctionKind {
    /// A function of one row's values.
    Scalar,
    /// An aggregate (`sum`, `count`, `listagg`...), also usable as a window function.
    Aggregate,
    /// A window function only (`row_number`, `lag`...): needs `over (...)`.
    Window,
}

/// How a function's result type is computed.
pub(super) enum Out {
    /// Always this type.
    Fixed(Ty),
    /// The type of the argument at this index.
    Arg(usize),
    /// Computed from the arguments.
    Rule(fn(&[Arg], CallShape) -> Result<Ty, RuleError>),
}

/// When a function's result can be NULL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Nulls {
    /// When any argument can be (a strict scalar function).
    Args,
    /// Always (aggregates over no rows or only NULLs, `nullif`, `lag`, a JSON path not found).
    Always,
    /// Never (`count`, `row_number`, `getdate`).
    Never,
    /// Only when every argument can be (`coalesce`, `greatest`: NULLs are skipped).
    AllArgs,
    /// When any argument from this index on can be (`nvl2(e, a, b)`: `a` or `b`).
    From(usize),
    /// `decode`: when a result can be, or there is no default.
    Decode,
}

/// One function, under one or more names.
pub(super) struct Entry {
    /// Its names, lower case (synonyms share an entry).
    pub names: &'static [&'static str],
    /// Fewest and most arguments (`u8::MAX`: any number).
    pub args: (u8, u8),
    /// Scalar, aggregate or window.
    pub kind: FunctionKind,
    /// Its result type.
    pub out: Out,
    /// Its NULLs.
    pub nulls: Nulls,
    /// The guide's page, e.g. `r_SUM` for
    /// <https://docs.aws.amazon.com/redshift/latest/dg/r_SUM.html>.
    pub doc: &'static str,
}

impl Entry {
    /// The page's address.
    fn doc_url(&self) -> String {
        format!("{DOC_BASE}{}.html", self.doc)
    }
}

/// The entry of `name`, if any.
fn entry(name: &str) -> Option<&'static Entry> {
    table::TABLE.iter().find(|e| e.names.contains(&name))
}

/// See [`super::function`].
pub(crate) fn function(name: &str, args: &[Arg], shape: CallShape) -> Result<Typed, RuleError> {
    let name = name.trim().to_ascii_lowercase();
    let Some(entry) = entry(&name) else {
        return Err(
            RuleError::new(format!("no type rule for the function {name}()")).with_help(
                "give the column's type in its alias (`as \"name: f64\"`), or the function's \
             return type under [functions] in .civis/sql.toml",
            ),
        );
    };
    let (min, max) = entry.args;
    let given = args.len();
    if given < usize::from(min) || (max != u8::MAX && given > usize::from(max)) {
        let wanted = match (min, max) {
            (a, b) if a == b => format!("{a}"),
            (a, u8::MAX) => format!("at least {a}"),
            (a, b) => format!("{a} to {b}"),
        };
        return Err(RuleError::new(format!(
            "{name}() takes {wanted} argument{}, not {given}",
            if wanted == "1" { "" } else { "s" }
        ))
        .with_help(entry.doc_url()));
    }
    if shape.star && name != "count" {
        return Err(RuleError::new(format!(
            "{name}(*) is no call Redshift knows"
        )));
    }
    if entry.kind == FunctionKind::Window && !shape.window {
        return Err(RuleError::new(format!(
            "{name}() is a window function: it needs an over (...) clause"
        ))
        .with_help(entry.doc_url()));
    }
    let ty = match &entry.out {
        Out::Fixed(ty) => ty.clone(),
        Out::Arg(i) => args.get(*i).map(|a| a.ty().clone()).unwrap_or(Ty::Null),
        Out::Rule(rule) => rule(args, shape).map_err(|e| {
            if e.help.is_some() {
                e
            } else {
                e.with_help(format!(
                    "cast the call to the type meant (`{name}(..)::type`); the rules: {}",
                    entry.doc_url()
                ))
            }
        })?,
    };
    let any = |from: usize| args.iter().skip(from).any(|a| a.typed.nullable);
    let nullable = match entry.nulls {
        Nulls::Args => any(0),
        Nulls::Always => true,
        Nulls::Never => false,
        Nulls::AllArgs => args.iter().all(|a| a.typed.nullable),
        Nulls::From(i) => any(i),
        Nulls::Decode => results::decode_nullable(args),
    };
    Ok(Typed { ty, nullable })
}

/// Every function the table types, sorted (for "did you mean" and the docs).
pub fn function_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = table::TABLE
        .iter()
        .flat_map(|e| e.names.iter().copied())
        .collect();
    names.sort_unstable();
    names
}

/// The guide's page documenting the function `name` (lower case), for messages and docs.
pub fn function_doc_url(name: &str) -> Option<String> {
    entry(name).map(Entry::doc_url)
}

/// Whether `name` is a scalar, aggregate or window function, or unknown to the table: the
/// resolver checks `group by` and `over` with it.
pub fn function_kind(name: &str) -> Option<FunctionKind> {
    entry(name).map(|e| e.kind)
}

#[cfg(test)]
mod tests;
