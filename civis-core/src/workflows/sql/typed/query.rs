//! [`Query`]: the value `civis::query!` expands to.

use std::fmt;

use super::column::Column;
use super::params::{Param, QueryParam, QuotedParam, UnquotedParam};
use super::row::{DecodeRow, Row};
use super::typed_sql::TypedSql;
use crate::data::error::Error;
use crate::data::names::NameOrId;
use crate::transport::client::Client;

/// A SQL query checked at compile time: what `civis::query!` (and `query_as!`,
/// `query_scalar!`, `query_file!`) expand to. It holds the SQL, the database, the parameters'
/// values, the result's [`columns`](Self::columns) as the macro found them in the pinned
/// tables, and how a row becomes an `R`. Run it with [`on`](Self::on).
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # use civis::sql::{Column, Query, SqlType};
/// # fn main() -> Result<(), civis::Error> {
/// # struct Order { id: i64 }
/// # const COLUMNS: &[Column] = &[Column::new("id", SqlType::BigInt, false)];
/// # let q: Query<Order> = Query::__new("redshift-general", "select id from sales.orders",
/// #     COLUMNS, &[], |row| Ok(Order { id: row.get(0)? }));
/// // let q = civis::query!("redshift-general", "select id from sales.orders");
/// let client = civis::Client::new()?;
/// for order in q.on(&client).rows()? {
///     let order = order?;
///     println!("{}", order.id);
/// }
/// # Ok(()) }
/// ```
#[must_use = "a query does nothing until it is run with .on(&client) and an ending"]
pub struct Query<R> {
    database: NameOrId,
    sql: &'static str,
    columns: &'static [Column],
    pins: &'static [&'static str],
    params: Vec<QueryParam>,
    decode: DecodeRow<R>,
    /// Why the query must not run (a quoted value holding a quote), said by its ending
    /// before any request.
    refused: Option<String>,
}

impl<R> Clone for Query<R> {
    // By hand: `R` need not be `Clone`, the query holds none.
    fn clone(&self) -> Self {
        Self {
            database: self.database.clone(),
            sql: self.sql,
            columns: self.columns,
            pins: self.pins,
            params: self.params.clone(),
            decode: self.decode,
            refused: self.refused.clone(),
        }
    }
}

impl<R> fmt::Debug for Query<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Query")
            .field("database", &self.database)
            .field("sql", &self.sql)
            .field("columns", &self.columns)
            .field("pins", &self.pins)
            .field("params", &self.params)
            .finish_non_exhaustive()
    }
}

impl<R> Query<R> {
    /// The query as the macro writes it: `database` (a name or an id), the SQL, its result's
    /// `columns`, the pins it was checked against (`"schema.table pinned <date> (<pin
    /// path>)"`, named when the result's columns differ) and `decode`, a non-capturing closure
    /// that makes a record from a [`Row`].
    ///
    /// `columns` must be a constant (`const COLUMNS: &[Column] = &[Column::new(..), ..];`):
    /// `&[Column::new(..)]` written in the call is a temporary, as a `const fn` call is not
    /// promoted to `'static`.
    #[doc(hidden)]
    pub fn __new(
        database: impl Into<NameOrId>,
        sql: &'static str,
        columns: &'static [Column],
        pins: &'static [&'static str],
        decode: fn(&Row<'_>) -> Result<R, Error>,
    ) -> Self {
        Self {
            database: database.into(),
            sql,
            columns,
            pins,
            params: Vec::new(),
            decode,
            refused: None,
        }
    }

    /// The value of the placeholder `'{{name}}'`, which sits inside quotes: text or a date
    /// (the bound is the compile-time check; its message says where the placeholder must sit).
    #[doc(hidden)]
    pub fn __param_quoted<P: Param + QuotedParam + ?Sized>(
        mut self,
        name: &'static str,
        value: &P,
    ) -> Self {
        let param = QueryParam::new(name, value);
        // Civis pastes the value between the SQL's quotes: a quote in it would end the string
        // literal and make the rest SQL. Refused rather than escaped, as whether Civis escapes
        // it is not documented.
        if param.value.as_str().is_some_and(|text| text.contains('\'')) {
            self.refused = Some(format!(
                "the value of '{{{{{name}}}}}' holds a single quote, which would end the SQL's \
                 string there: pass text without quotes, or build this SQL with client.sql(..)"
            ));
        }
        self.with_param(param)
    }

    /// The value of the placeholder `{{name}}`, which stands unquoted: a number or a boolean.
    #[doc(hidden)]
    pub fn __param_unquoted<P: Param + UnquotedParam + ?Sized>(
        self,
        name: &'static str,
        value: &P,
    ) -> Self {
        self.with_param(QueryParam::new(name, value))
    }

    fn with_param(mut self, param: QueryParam) -> Self {
        self.params.retain(|p| p.name != param.name);
        self.params.push(param);
        self
    }

    /// The SQL, as written in the macro (its `{{name}}` placeholders are filled by Civis).
    ///
    /// ```
    /// # extern crate civis_core as civis;
    /// # let q: civis::sql::Query<()> = civis::sql::Query::__new(32, "select 1 as one", &[], &[], |_| Ok(()));
    /// assert_eq!(q.sql(), "select 1 as one");
    /// ```
    pub fn sql(&self) -> &str {
        self.sql
    }

    /// The database the query runs in (a name, looked up when it runs, or an id).
    ///
    /// ```
    /// # extern crate civis_core as civis;
    /// # let q: civis::sql::Query<()> = civis::sql::Query::__new("redshift-general", "select 1", &[], &[], |_| Ok(()));
    /// assert_eq!(q.database(), &civis::NameOrId::from("redshift-general"));
    /// ```
    pub fn database(&self) -> &NameOrId {
        &self.database
    }

    /// The parameters' values, in the order the macro gave them.
    ///
    /// ```
    /// # extern crate civis_core as civis;
    /// # let q: civis::sql::Query<()> = civis::sql::Query::__new(32, "select {{n}} as n", &[], &[], |_| Ok(()));
    /// let q = q.__param_unquoted("n", &3);
    /// assert_eq!(q.params()[0].kind, "integer");
    /// ```
    pub fn params(&self) -> &[QueryParam] {
        &self.params
    }

    /// The result's columns, as the macro found them in the pinned tables: names, SQL types,
    /// nullability.
    ///
    /// ```
    /// # extern crate civis_core as civis;
    /// use civis::sql::{Column, SqlType};
    /// # const COLUMNS: &[Column] = &[Column::new("one", SqlType::Integer, false)];
    /// # let q: civis::sql::Query<()> = civis::sql::Query::__new(32, "select 1 as one", COLUMNS, &[], |_| Ok(()));
    /// for column in q.columns() {
    ///     println!("{} {} {}", column.name, column.sql_type, if column.nullable { "null" } else { "not null" });
    /// }
    /// ```
    pub fn columns(&self) -> &'static [Column] {
        self.columns
    }

    /// The pinned tables the query was checked against, each `schema.table pinned <date>
    /// (<pin file>)`.
    ///
    /// ```
    /// # extern crate civis_core as civis;
    /// # let q: civis::sql::Query<()> = civis::sql::Query::__new(32, "select 1", &[], &["sales.orders pinned 2026-01-02 (.civis/tables/redshift-general/sales.orders.json)"], |_| Ok(()));
    /// assert!(q.pins()[0].starts_with("sales.orders"));
    /// ```
    pub fn pins(&self) -> &'static [&'static str] {
        self.pins
    }

    /// The query, to run with `client` (a [`Client`], or the generated `civis::ApiClient`,
    /// which dereferences to one): a [`TypedSql`] with the export's settings and its endings.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let q: civis::sql::Query<()> = civis::sql::Query::__new(32, "select 1", &[], &[], |_| Ok(()));
    /// let client = civis::Client::new()?;
    /// let all = q.on(&client).job_name("nightly orders").all()?;
    /// # Ok(()) }
    /// ```
    pub fn on<'c>(&self, client: &'c Client) -> TypedSql<'c, R> {
        let mut builder = client.sql(self.sql, self.database.clone());
        for param in &self.params {
            builder = builder.param(param.name, param.kind, param.value.clone());
        }
        if let Some(why) = &self.refused {
            builder.refused = Some(why.clone());
        }
        TypedSql::new(builder, self.columns, self.pins, self.decode)
    }
}
