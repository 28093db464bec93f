//! Redshift's type rules: the types the analysis carries, casts, operators, the common type of
//! a `union` or `case`, and the function table. Independent of the parser: the resolver hands
//! in types and literal values, and gets back a type or the reason there is no rule.

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
    /// `char(n)`.
    Char(Option<u32>),
    /// `varchar(n)` / `character varying(n)` / `text`.
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
    /// A bare `NULL` (takes the type its context gives).
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

impl Ty {
    /// A type name as SQL writes it (`numeric(12,2)`, `character varying(256)`, `int8`,
    /// `timestamp without time zone`), as a pin's `sqlType` or a cast's target gives it.
    /// `None` for text that is no type name.
    pub fn parse(type_name: &str) -> Option<Ty> {
        let _ = type_name;
        None
    }

    /// The run-time type this becomes.
    pub fn sql_type(&self) -> crate::SqlType {
        crate::SqlType::Text
    }

    /// Its SQL name, as Redshift prints it (`numeric(12,2)`, `character varying(256)`).
    pub fn sql_name(&self) -> String {
        format!("{self:?}")
    }
}

/// `cast(x as to)`, `x::to`, `convert(to, x)`.
pub fn cast(from: &Arg, to: &Ty) -> Result<Typed, RuleError> {
    let _ = from;
    Err(no_rule(&format!("a cast to {}", to.sql_name())))
}

/// `l op r`.
pub fn binary(op: BinOp, l: &Arg, r: &Arg) -> Result<Typed, RuleError> {
    let _ = (l, r);
    Err(no_rule(&format!("{op:?}")))
}

/// `-x`, `+x`, `not x`, `x is null` and the like: `op` as SQL writes it (`-`, `not`, `is null`).
pub fn unary(op: &str, x: &Arg) -> Result<Typed, RuleError> {
    let _ = x;
    Err(no_rule(op))
}

/// The common type of the branches of a `union`, `case`, `coalesce`, `greatest`..., where
/// `what` names the construct for the error.
pub fn common(types: &[Typed], what: &str) -> Result<Typed, RuleError> {
    let _ = types;
    Err(no_rule(what))
}

/// A call of the function `name` (lower case, unqualified) with `args`.
pub fn function(name: &str, args: &[Arg], shape: CallShape) -> Result<Typed, RuleError> {
    let _ = (args, shape);
    Err(no_rule(&format!("{name}()")))
}

/// Every function the table types, sorted (for "did you mean" and the docs).
pub fn function_names() -> Vec<&'static str> {
    Vec::new()
}

fn no_rule(what: &str) -> RuleError {
    RuleError { message: format!("no type rule for {what} yet"), help: None }
}
