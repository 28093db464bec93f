//! [`Row`]: one row of a typed query's result, which the record decoder reads a field at a
//! time.

use super::column::Column;
use super::decode::Decode;
use crate::data::error::Error;

/// How a record is made from a row: the macro's closure, which reads each field with
/// [`Row::get`].
pub(crate) type DecodeRow<R> = fn(&Row<'_>) -> Result<R, Error>;

/// The fields of one row of a result, as the record decoder reads them.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Fields<'r> {
    /// A record of an export, where NULL and `''` are both an empty field.
    Export(&'r csv::StringRecord),
    /// A row of a query's preview, where NULL is `None`.
    Preview(&'r [Option<String>]),
}

/// One row of a typed query's result, which the macro's decoder reads a field at a time.
#[doc(hidden)]
#[derive(Debug)]
pub struct Row<'r> {
    fields: Fields<'r>,
    columns: &'static [Column],
    /// The row, from 1 over the data rows.
    row: u64,
    source: &'r str,
}

impl<'r> Row<'r> {
    pub(crate) fn new(
        fields: Fields<'r>,
        columns: &'static [Column],
        row: u64,
        source: &'r str,
    ) -> Self {
        Self {
            fields,
            columns,
            row,
            source,
        }
    }

    /// Field `index` as a `T`; one that does not fit is [`Error::Value`] naming the source,
    /// the row, the column, the text and what was expected.
    pub fn get<T: Decode>(&self, index: usize) -> Result<T, Error> {
        let field = match self.fields {
            Fields::Export(record) => record.get(index).filter(|text| !text.is_empty()),
            Fields::Preview(values) => values.get(index).and_then(Option::as_deref),
        };
        let Some(column) = self.columns.get(index) else {
            return Err(Error::Usage(format!(
                "the record reads column {index} of a query whose result has {} columns",
                self.columns.len()
            )));
        };
        T::decode(field, column).map_err(|expected| Error::Value {
            source: self.source.to_string(),
            row: self.row,
            column: column.name.to_string(),
            text: field.unwrap_or_default().to_string(),
            expected,
        })
    }
}
