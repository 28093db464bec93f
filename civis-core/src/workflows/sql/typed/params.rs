//! The values of a typed query's `{{name}}` parameters: [`Param`] says which Civis parameter
//! type a Rust type is sent as, and [`QuotedParam`] / [`UnquotedParam`] where in the SQL its
//! placeholder may stand, which `civis::query!` checks at compile time.

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::Value;

/// A Rust value that can fill a `{{name}}` placeholder of a typed query: the Civis parameter
/// type it is sent as (`params[].type` of the export script) and its value (`arguments`).
///
/// Strings and dates are `string` parameters and must sit inside quotes in the SQL
/// (`'{{since}}'`, [`QuotedParam`]); numbers and booleans are `integer`, `float` and `bool`
/// parameters and must not ([`UnquotedParam`]). `civis::query!` checks both at compile time.
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::sql::Param;
/// assert_eq!(<i32 as Param>::KIND, "integer");
/// assert_eq!("north".to_value(), serde_json::json!("north"));
/// let day = civis::sql::types::chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
/// assert_eq!(day.to_value(), serde_json::json!("2026-03-01"));
/// ```
pub trait Param {
    /// The Civis parameter type: `"string"`, `"integer"`, `"float"` or `"bool"`.
    const KIND: &'static str;
    /// The value as the script's `arguments` send it.
    fn to_value(&self) -> Value;
}

/// A [`Param`] whose placeholder sits inside quotes in the SQL: text and dates.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot fill a quoted '{{{{name}}}}': a quoted placeholder takes a string or a date",
    label = "not text or a date",
    note = "remove the quotes around the placeholder for a number or a boolean, or pass the value as a string (`value.to_string()`)"
)]
pub trait QuotedParam: Param {}

/// A [`Param`] whose placeholder stands unquoted in the SQL: numbers and booleans.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot fill an unquoted {{{{name}}}}: an unquoted placeholder takes a number or a boolean",
    label = "not a number or a boolean",
    note = "put quotes around the placeholder for text or a date ('{{{{name}}}}'): a string spliced into the SQL unquoted would be SQL itself"
)]
pub trait UnquotedParam: Param {}

impl<T: Param + ?Sized> Param for &T {
    const KIND: &'static str = T::KIND;
    fn to_value(&self) -> Value {
        (**self).to_value()
    }
}
impl<T: QuotedParam + ?Sized> QuotedParam for &T {}
impl<T: UnquotedParam + ?Sized> UnquotedParam for &T {}

/// Text, sent as a `string` parameter.
impl Param for str {
    const KIND: &'static str = "string";
    fn to_value(&self) -> Value {
        Value::String(self.to_string())
    }
}
impl QuotedParam for str {}

/// Text, sent as a `string` parameter.
impl Param for String {
    const KIND: &'static str = "string";
    fn to_value(&self) -> Value {
        Value::String(self.clone())
    }
}
impl QuotedParam for String {}

macro_rules! number {
    ($kind:literal: $($type:ty),*) => {$(
        #[doc = concat!("A number, sent as an `", $kind, "` parameter.")]
        impl Param for $type {
            const KIND: &'static str = $kind;
            fn to_value(&self) -> Value {
                Value::from(*self)
            }
        }
        impl UnquotedParam for $type {}
    )*};
}

number!("integer": i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);
// A NaN or infinite float has no JSON form and is sent as null, which the platform refuses
// as a value of a `float` parameter.
number!("float": f32, f64);

/// A boolean, sent as a `bool` parameter.
impl Param for bool {
    const KIND: &'static str = "bool";
    fn to_value(&self) -> Value {
        Value::Bool(*self)
    }
}
impl UnquotedParam for bool {}

/// A date, sent as a `string` parameter `YYYY-MM-DD`, as Redshift reads a date literal.
impl Param for NaiveDate {
    const KIND: &'static str = "string";
    fn to_value(&self) -> Value {
        Value::String(self.format("%Y-%m-%d").to_string())
    }
}
impl QuotedParam for NaiveDate {}

/// A date and time, sent as a `string` parameter `YYYY-MM-DD HH:MM:SS.ffffff`, as Redshift
/// reads a timestamp literal (to the microsecond, its precision).
impl Param for NaiveDateTime {
    const KIND: &'static str = "string";
    fn to_value(&self) -> Value {
        Value::String(self.format("%Y-%m-%d %H:%M:%S%.6f").to_string())
    }
}
impl QuotedParam for NaiveDateTime {}

/// An instant, sent as a `string` parameter `YYYY-MM-DD HH:MM:SS.ffffff+00`, as Redshift
/// reads a `timestamptz` literal in UTC.
impl Param for chrono::DateTime<chrono::Utc> {
    const KIND: &'static str = "string";
    fn to_value(&self) -> Value {
        Value::String(self.format("%Y-%m-%d %H:%M:%S%.6f+00").to_string())
    }
}
impl QuotedParam for chrono::DateTime<chrono::Utc> {}

/// One parameter of a typed query as it is sent: its name (`{{name}}` in the SQL), its Civis
/// type and its value. [`Query::params`](super::Query::params) lists them.
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::sql::QueryParam;
/// let param = QueryParam::new("min", &10);
/// assert_eq!((param.name, param.kind), ("min", "integer"));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct QueryParam {
    /// The placeholder's name.
    pub name: &'static str,
    /// The Civis parameter type ([`Param::KIND`]).
    pub kind: &'static str,
    /// The value sent in the run's `arguments`.
    pub value: Value,
}

impl QueryParam {
    /// The parameter `name` with the value `value`, of `value`'s [`Param::KIND`].
    ///
    /// ```
    /// # extern crate civis_core as civis;
    /// let param = civis::sql::QueryParam::new("region", "north");
    /// assert_eq!(param.value, "north");
    /// ```
    pub fn new<P: Param + ?Sized>(name: &'static str, value: &P) -> Self {
        Self {
            name,
            kind: P::KIND,
            value: value.to_value(),
        }
    }
}
