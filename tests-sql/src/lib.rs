//! The warehouse the tests of `civis::query!` read: the mock's database 32,
//! `redshift-general`, with the tables pinned in the repository's `.civis/tables/`.
//!
//! The pins are the mock's own answers to `GET /tables/{id}` (`pins_are_the_mocks_tables`
//! checks it, and writes them again with `UPDATE_PINS=1`), so what the macro checks at compile
//! time is what the mock runs.

use civis_mock::{MockRows, MockServer};

/// The database the pins are under.
pub const DATABASE: &str = "redshift-general";
/// Its id in the mock.
pub const DATABASE_ID: i64 = 32;

/// A table of the warehouse: its name, its columns (name, SQL type, whether NOT NULL) and rows.
pub struct WarehouseTable {
    /// `schema.table`.
    pub name: &'static str,
    /// Name, `CREATE TABLE` type, NOT NULL.
    pub columns: &'static [(&'static str, &'static str, bool)],
    /// The rows, `None` for NULL.
    pub rows: &'static [&'static [Option<&'static str>]],
}

/// Every table of the warehouse.
pub const TABLES: &[WarehouseTable] = &[
    WarehouseTable {
        name: "sales.orders",
        columns: &[
            ("id", "BIGINT", true),
            ("customer_id", "INTEGER", false),
            ("day", "DATE", true),
            ("amount", "NUMERIC(12,2)", false),
            ("qty", "SMALLINT", false),
            ("weight", "REAL", false),
            ("score", "DOUBLE PRECISION", false),
            ("express", "BOOLEAN", false),
            ("channel", "VARCHAR(20)", false),
            ("placed_at", "TIMESTAMP", false),
            ("paid_at", "TIMESTAMPTZ", false),
        ],
        rows: &[
            &[
                Some("1"),
                Some("10"),
                Some("2026-11-02"),
                Some("12.50"),
                Some("2"),
                Some("1.5"),
                Some("0.25"),
                Some("t"),
                Some("web"),
                Some("2026-11-02 09:30:00"),
                Some("2026-11-02 09:31:05+00"),
            ],
            &[
                Some("2"),
                Some("11"),
                Some("2026-11-03"),
                Some("7.00"),
                Some("1"),
                None,
                Some("3.5"),
                Some("f"),
                Some("store"),
                Some("2026-11-03 14:00:00"),
                None,
            ],
            &[
                Some("3"),
                None,
                Some("2026-11-04"),
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
            ],
        ],
    },
    WarehouseTable {
        name: "sales.customers",
        columns: &[
            ("id", "INTEGER", true),
            ("name", "VARCHAR(100)", true),
            ("region", "CHAR(2)", false),
        ],
        rows: &[
            &[Some("10"), Some("Ada"), Some("NE")],
            &[Some("11"), Some("Grace"), None],
        ],
    },
];

/// A mock with the warehouse's database and tables.
pub fn warehouse() -> Result<MockServer, Box<dyn std::error::Error>> {
    let mock = MockServer::scripted()?;
    mock.database(DATABASE_ID, DATABASE);
    mock.default_database_credential(1);
    for table in TABLES {
        // A type ending in NOT NULL declares the column so, as in a CREATE TABLE.
        let declared: Vec<(&str, String)> = table
            .columns
            .iter()
            .map(|(n, t, not_null)| {
                (
                    *n,
                    if *not_null {
                        format!("{t} NOT NULL")
                    } else {
                        t.to_string()
                    },
                )
            })
            .collect();
        let columns: Vec<(&str, &str)> = declared.iter().map(|(n, t)| (*n, t.as_str())).collect();
        let names: Vec<&str> = columns.iter().map(|(n, _)| *n).collect();
        let mut rows = MockRows::new(names);
        for row in table.rows {
            rows = rows.row(row.iter().copied());
        }
        mock.typed_table(DATABASE_ID, table.name, &columns, rows)?;
    }
    Ok(mock)
}
