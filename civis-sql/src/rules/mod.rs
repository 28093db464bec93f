//! Redshift's type rules: the types the analysis carries, casts, operators, the common type of
//! a `union` or `case`, and the function table. Independent of the parser: the resolver hands
//! in types and literal values, and gets back a type or the reason there is no rule.
//!
//! Every rule follows the Amazon Redshift Database Developer Guide, whose page is cited beside
//! it (`https://docs.aws.amazon.com/redshift/latest/dg/<page>.html`). Where the guide says
//! nothing, there is no rule: the caller reports a compile error that asks for a cast or an
//! override, because a missing rule is a question the user can answer and a wrong one would
//! mistype a column silently.
//!
//! The parts, one job each:
//! - `types`: [`Ty::parse`], [`Ty::sql_type`], [`Ty::sql_name`] and the categories of types;
//! - `literals`: the type of a literal ([`literal`]);
//! - `numeric`: precision and scale of `numeric` arithmetic;
//! - `operators`: [`cast`], [`binary`], [`unary`];
//! - `common`: the common type of a `union`, `case`, `coalesce`... ([`common`], [`common_args`]);
//! - `functions`: the one function table ([`function`], [`function_names`]).

mod common;
mod functions;
mod literals;
mod numeric;
mod operators;
mod types;

pub use functions::{function_doc_url, function_kind, function_names, FunctionKind};

/// A type as the analysis carries it: finer than [`SqlType`](crate::SqlType) (text lengths,
/// time types, the untyped NULL and string literal).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Ty {
    /// `smallint`.
    SmallInt,
    /// `integer`.
    Integer,
    /// `bigint`.
    BigInt,
    /// `numeric(precision, scale)`.
    Numeric {
        /// Digits in all.
        precision: u8,
        /// Digits after the point.
        scale: u8,
    },
    /// `real`.
    Real,
    /// `double precision`.
    Double,
    /// `boolean`.
    Boolean,
    /// `char(n)` / `character(n)` / `nchar(n)` / `bpchar` (`char(256)`); `None` when the length
    /// is not known (a function's result).
    Char(Option<u32>),
    /// `varchar(n)` / `character varying(n)` / `nvarchar(n)` / `text` (`varchar(256)`);
    /// `None` when the length is not known: a function's result, or `varchar` without a length
    /// in a cast, whose length Redshift takes from the expression cast.
    Varchar(Option<u32>),
    /// `date`.
    Date,
    /// `time`.
    Time,
    /// `timetz`.
    TimeTz,
    /// `timestamp`.
    Timestamp,
    /// `timestamptz`.
    TimestampTz,
    /// `interval`.
    Interval,
    /// A bare `NULL` (takes the type its context gives). [`common`] resolves it to the other
    /// branches' type; a column that stays `NULL` alone (`select null as x`) is text, always
    /// NULL: [`Ty::sql_type`] is `Text` and [`Ty::sql_name`] `unknown`, as PostgreSQL (which
    /// Redshift derives from) names the type of an untyped NULL.
    Null,
    /// Any other type, by its SQL name (`super`, `geometry`, `hllsketch`): read as text.
    Other(String),
}

/// A typed expression: its type and whether it can be NULL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typed {
    /// Its type.
    pub ty: Ty,
    /// Whether it can be NULL.
    pub nullable: bool,
}

/// An argument handed to a rule: its type, and its value when it is a literal (some rules read
/// it: `date_part('year', ..)`, `round(x, 2)`, `dateadd(day, ..)`).
#[derive(Debug, Clone, PartialEq)]
pub struct Arg {
    /// Its type and nullability.
    pub typed: Typed,
    /// Its value when it is a literal or a bare date part keyword.
    pub literal: Option<Literal>,
}

/// A literal's value, as written.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    /// An integer (`42`).
    Integer(i128),
    /// A decimal number, as written (`1.50`).
    Number(String),
    /// A quoted string.
    Text(String),
    /// A keyword where a date part goes (`day` in `dateadd(day, 1, d)`), lower case.
    Keyword(String),
}

/// What a function call looks like besides its arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CallShape {
    /// `count(distinct x)`.
    pub distinct: bool,
    /// `count(*)`.
    pub star: bool,
    /// Called with `over (...)`.
    pub window: bool,
}

/// The binary operators the rules type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum BinOp {
    /// `+`
    Plus,
    /// `-`
    Minus,
    /// `*`
    Multiply,
    /// `/`
    Divide,
    /// `%`
    Modulo,
    /// `||`
    Concat,
    /// `=`, `<>`, `<`, `<=`, `>`, `>=`
    Compare,
    /// `and`, `or`
    Logic,
    /// `like`, `ilike`, `similar to`, `~` and the other pattern matches
    Pattern,
    /// `&`, `|`, `#`, `<<`, `>>`
    Bitwise,
}

/// Why a rule cannot type an expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    /// What has no rule (or breaks one).
    pub message: String,
    /// The next step, when there is one besides the override.
    pub help: Option<String>,
}

/// `cast(x as to)`, `x::to`, `convert(to, x)`.
pub fn cast(from: &Arg, to: &Ty) -> Result<Typed, RuleError> {
    operators::cast(from, to)
}

/// `l op r`.
pub fn binary(op: BinOp, l: &Arg, r: &Arg) -> Result<Typed, RuleError> {
    operators::binary(op, l, r)
}

/// `-x`, `+x`, `not x`, `x is null` and the like: `op` as SQL writes it (`-`, `not`, `is null`,
/// `is not true`, `~`, `|/`, `||/`, `@`), in any case.
pub fn unary(op: &str, x: &Arg) -> Result<Typed, RuleError> {
    operators::unary(op, x)
}

/// The common type of the branches of a `union`, `case`, `coalesce`, `greatest`..., where
/// `what` names the construct for the error. Nullable when any branch is (a `coalesce` is
/// typed by [`function`], which knows better); a `case` without `else` can be NULL: pass a
/// nullable [`Ty::Null`] branch for the missing `else`.
pub fn common(types: &[Typed], what: &str) -> Result<Typed, RuleError> {
    common::common(types, what)
}

/// [`common`] for branches whose literal values are known: a quoted string literal takes the
/// type of the other branches (`coalesce(day, '2024-01-01')` is a date), as an untyped
/// literal does in Redshift, instead of forcing text.
pub fn common_args(args: &[Arg], what: &str) -> Result<Typed, RuleError> {
    common::common_args(args, what)
}

/// The type of a literal: an integer is `integer` when it fits 32 bits, else `bigint`, else
/// `numeric(n,0)`; a decimal `numeric(p,s)` from its digits; a quoted string `varchar` of its
/// length in bytes. Never NULL. A bare `NULL` is [`Ty::Null`], nullable, and needs no call.
pub fn literal(value: &Literal) -> Result<Typed, RuleError> {
    literals::literal(value)
}

/// A call of the function `name` (lower case, unqualified) with `args`.
///
/// How the resolver hands in the calls that are not plain argument lists:
/// - `extract(part from x)` is `extract` with `[part, x]`, the part a
///   [`Literal::Keyword`]; `dateadd(day, 1, d)` and the like pass the part as a keyword too;
/// - `count(*)` is `count` with no arguments and [`CallShape::star`];
/// - `percentile_cont(f) within group (order by x)` (and `percentile_disc`, `median` needs
///   none, `listagg` ignores it) is `[f, x]`: the fraction, then the `order by` expression;
/// - `trim(both 'x' from s)` is `trim` with `[s]` or `[s, chars]` (the string first, as in
///   `btrim(s, chars)`);
/// - `substring(s from 2 for 3)` is `substring` with `[s, 2, 3]`;
/// - `position(a in s)` is `position` with `[a, s]`.
pub fn function(name: &str, args: &[Arg], shape: CallShape) -> Result<Typed, RuleError> {
    functions::function(name, args, shape)
}

impl RuleError {
    /// An error with no help besides the override.
    pub(crate) fn new(message: impl Into<String>) -> RuleError {
        RuleError {
            message: message.into(),
            help: None,
        }
    }

    /// The same error with a next step.
    pub(crate) fn with_help(mut self, help: impl Into<String>) -> RuleError {
        self.help = Some(help.into());
        self
    }
}

impl Typed {
    /// A type that may be NULL or not.
    pub fn new(ty: Ty, nullable: bool) -> Typed {
        Typed { ty, nullable }
    }
}

impl Arg {
    /// An argument that is no literal.
    pub fn typed(ty: Ty, nullable: bool) -> Arg {
        Arg {
            typed: Typed { ty, nullable },
            literal: None,
        }
    }

    /// A literal argument, typed by [`literal`].
    pub fn literal(value: Literal) -> Result<Arg, RuleError> {
        Ok(Arg {
            typed: literal(&value)?,
            literal: Some(value),
        })
    }

    /// The argument's type.
    pub fn ty(&self) -> &Ty {
        &self.typed.ty
    }
}

#[cfg(test)]
pub(crate) mod test_util {
    use super::*;

    /// A non-null column of `ty`.
    pub fn col(ty: Ty) -> Arg {
        Arg::typed(ty, false)
    }

    /// A nullable column of `ty`.
    pub fn ncol(ty: Ty) -> Arg {
        Arg::typed(ty, true)
    }

    /// `numeric(p,s)`.
    pub fn num(precision: u8, scale: u8) -> Ty {
        Ty::Numeric { precision, scale }
    }
}
