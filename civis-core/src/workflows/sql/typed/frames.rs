//! The frames of a typed query: Arrow record batches (feature `arrow`) and a polars DataFrame
//! (feature `polars`) whose schema is the query's columns, read by the frames' own readers
//! with the types given by position (see `csv::Shape`).

use super::typed_sql::TypedSql;
use crate::data::error::Error;

impl<R> TypedSql<'_, R> {
    /// Exports the result and reads it as Arrow record batches, streamed
    /// ([`SqlBuilder::arrow`](crate::sql::SqlBuilder::arrow)), whose schema is exactly the
    /// query's [`columns`](super::Query::columns): each field's name, its type as
    /// [`arrow_type`](crate::frames::arrow_type) maps the column's SQL type, and its
    /// nullability. Nothing is inferred from the data. In a column that is not NULL-able an
    /// empty field is `""` for text and an [`Error::Value`](crate::Error::Value) for other
    /// types.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let q: civis::sql::Query<()> = civis::sql::Query::__new(32, "select 1", &[], &[], |_| Ok(()));
    /// # let client = civis::Client::new()?;
    /// let batches = q.on(&client).batch_size(10_000).arrow()?;
    /// println!("{}", batches.schema());
    /// for batch in batches {
    ///     let batch = batch?;
    /// }
    /// # Ok(()) }
    /// ```
    #[cfg(feature = "arrow")]
    pub fn arrow(self) -> Result<crate::workflows::frames::RecordBatches, Error> {
        self.builder().arrow()
    }

    /// Exports the result and writes it to `path` as a Parquet file whose schema is the
    /// query's [`columns`](super::Query::columns), as [`arrow`](Self::arrow) reads them
    /// (`NOT NULL` columns are required in Parquet): see
    /// [`SqlBuilder::to_parquet`](crate::sql::SqlBuilder::to_parquet) for the memory bound
    /// and the atomic write.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let q: civis::sql::Query<()> = civis::sql::Query::__new(32, "select 1", &[], &[], |_| Ok(()));
    /// # let client = civis::Client::new()?;
    /// let written = q.on(&client).to_parquet("result.parquet")?;
    /// # Ok(()) }
    /// ```
    #[cfg(feature = "parquet")]
    pub fn to_parquet(
        self,
        path: impl AsRef<std::path::Path>,
    ) -> Result<crate::workflows::frames::ParquetWritten, Error> {
        self.builder().to_parquet(path)
    }

    /// Exports the result and reads it as a polars `DataFrame`
    /// ([`SqlBuilder::dataframe`](crate::sql::SqlBuilder::dataframe)), whose columns are the
    /// query's [`columns`](super::Query::columns): their names, and their types as
    /// [`polars_type`](crate::frames::polars_type) maps the SQL types (polars' schema has no
    /// nullability: a column that is not NULL-able holds no null, its empty text fields being
    /// `""`, and an empty field of another type being an
    /// [`Error::Value`](crate::Error::Value)). Nothing is inferred from the data.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let q: civis::sql::Query<()> = civis::sql::Query::__new(32, "select 1", &[], &[], |_| Ok(()));
    /// # let client = civis::Client::new()?;
    /// let frame = q.on(&client).dataframe()?;
    /// println!("{frame}");
    /// # Ok(()) }
    /// ```
    #[cfg(feature = "polars")]
    pub fn dataframe(self) -> Result<polars::prelude::DataFrame, Error> {
        self.builder().dataframe()
    }
}
