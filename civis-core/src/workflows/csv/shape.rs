//! The columns a typed query (`civis::query!`, feature `typed-sql`) was compiled for: what its
//! result must hold, checked against the export's header before any value is read, and the
//! types and nullability that its rows, Arrow batches and DataFrames take, whatever the data.

use crate::data::error::Error;
use crate::data::sql_types::SqlType;

/// The expected columns of a result, in order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Shape {
    /// The names, as the record's fields and the frames' columns are called.
    pub(crate) names: Vec<String>,
    /// Each column's type.
    pub(crate) types: Vec<SqlType>,
    /// Whether each column may hold NULL.
    pub(crate) nullable: Vec<bool>,
    /// The pinned tables the query reads, for the error that says they changed.
    pub(crate) tables: String,
}

impl Shape {
    /// Whether `header` (the result's column names) is this shape's, else
    /// [`Error::ResultShape`]. A name is compared without the type override that an alias may
    /// carry in sqlx's syntax (`"amount: f64"`, `"id!"`, `"id?"`): Redshift exports the alias
    /// as written, while the record's field is `amount`. Case is ignored, as Redshift folds
    /// unquoted names to lower case (and keeps them with `enable_case_sensitive_identifier`).
    pub(crate) fn check(&self, header: &[String]) -> Result<(), Error> {
        let same = header.len() == self.names.len()
            && header
                .iter()
                .zip(&self.names)
                .all(|(got, expected)| output_name(got).eq_ignore_ascii_case(expected));
        if same {
            return Ok(());
        }
        Err(Error::ResultShape {
            expected: self.names.clone(),
            got: header.to_vec(),
            tables: self.tables.clone(),
        })
    }
}

/// The column name an alias stands for, without the override sqlx's syntax adds to it:
/// `amount: f64` is `amount`, `id!` and `id?` are `id`.
pub(crate) fn output_name(alias: &str) -> &str {
    let name = alias.split_once(':').map_or(alias, |(name, _)| name).trim();
    name.strip_suffix(['!', '?']).unwrap_or(name).trim_end()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(names: &[&str]) -> Shape {
        Shape {
            names: names.iter().map(|n| n.to_string()).collect(),
            types: vec![SqlType::Text; names.len()],
            nullable: vec![true; names.len()],
            tables: "sales.orders pinned 2026-01-02 (.civis/tables/db/sales.orders.json)".into(),
        }
    }

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn overrides_in_an_alias_and_case_do_not_count() {
        let expected = shape(&["id", "amount", "region"]);
        assert!(expected.check(&header(&["id", "amount", "region"])).is_ok());
        assert!(expected
            .check(&header(&["ID!", "amount: f64", "region?"]))
            .is_ok());
        assert!(expected
            .check(&header(&["id!: i32", "amount", "Region"]))
            .is_ok());
    }

    #[test]
    fn another_name_count_or_order_is_a_result_shape_error_naming_the_pins() {
        let expected = shape(&["id", "amount"]);
        for got in [
            header(&["id", "amount_usd"]),
            header(&["amount", "id"]),
            header(&["id"]),
            header(&["id", "amount", "extra"]),
        ] {
            let error = expected.check(&got).unwrap_err();
            let shown = error.to_string();
            assert!(
                shown.contains("sales.orders pinned 2026-01-02")
                    && shown.contains("civis tables pin --refresh")
                    && shown.contains(&format!("{got:?}")),
                "{shown}"
            );
            assert!(format!("{error:?}").ends_with("(Error::ResultShape)"));
        }
    }
}
