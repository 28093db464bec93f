use super::*;
use crate::test_support::{fixtures, scratch_dir};

#[test]
fn find_walks_up_to_the_nearest_civis_directory() {
    let root = fixtures();
    let nested = root.join("tables").join("redshift-general");
    let catalog = Catalog::find(&nested).expect("found");
    assert_eq!(catalog.root(), root.as_path());
    assert_eq!(
        catalog.config().default_database.as_deref(),
        Some("redshift-general")
    );
    assert_eq!(
        catalog
            .config()
            .functions
            .get("f_score")
            .map(String::as_str),
        Some("double precision")
    );
    assert_eq!(catalog.config_path(), Some(root.join("sql.toml")));
    let lonely = scratch_dir("no-civis");
    let empty = Catalog::find(&lonely).expect("an empty catalog");
    assert_eq!(empty.table("db", "s", "t"), Ok(None));
    assert_eq!(empty.config_path(), None);
}

#[test]
fn a_pin_reads_columns_in_order_with_not_null_from_the_table_def() {
    let catalog = Catalog::open(&fixtures()).expect("opens");
    let customers = catalog
        .table("redshift-general", "Sales", "CUSTOMERS")
        .expect("reads")
        .expect("pinned");
    let columns: Vec<(&str, &str, bool)> = customers
        .columns
        .iter()
        .map(|c| (c.name.as_str(), c.sql_type.as_str(), c.not_null))
        .collect();
    assert_eq!(
        columns,
        vec![
            ("id", "integer", true),
            ("name", "character varying(256)", true),
            ("region", "character(2)", false),
            ("signup", "timestamp with time zone", false),
            ("active", "boolean", false),
        ]
    );
    assert_eq!(customers.pinned_at, "2024-02-15T08:30:00.000Z");
    assert_eq!(catalog.table("redshift-general", "sales", "nope"), Ok(None));
    // Read once: the second answer is the cached one.
    assert_eq!(
        catalog.table("redshift-general", "sales", "customers"),
        Ok(Some(customers))
    );
}

#[test]
fn tables_in_schema_lists_the_pins_of_one_schema() {
    let catalog = Catalog::open(&fixtures()).expect("opens");
    assert_eq!(
        catalog.tables_in_schema("redshift-general", "sales"),
        vec![
            "customers".to_owned(),
            "items".to_owned(),
            "orders".to_owned()
        ]
    );
    assert!(catalog.tables_in_schema("other-db", "sales").is_empty());
    let all = catalog.pinned_tables("redshift-general");
    assert_eq!(
        all.first(),
        Some(&("public".to_owned(), "events".to_owned()))
    );
    assert_eq!(all.len(), 5);
}

#[test]
fn a_bad_pin_names_the_file_and_the_fix() {
    let path = Path::new("/x/.civis/tables/db/s.t.json");
    let error = parse_pin("db", path, "{\"columns\": [").expect_err("refused");
    assert!(
        error
            .message
            .starts_with("/x/.civis/tables/db/s.t.json: line 1"),
        "{error}"
    );
    assert!(error.message.contains("civis tables pin -d db"), "{error}");
    let error = parse_pin("db", path, "{\"name\": \"t\"}").expect_err("refused");
    assert!(error.message.contains("no `columns`"), "{error}");
    let error = parse_pin("db", path, "{\"columns\": [{\"name\": \"a\"}]}").expect_err("refused");
    assert!(
        error.message.contains("column `a` has no `sqlType`"),
        "{error}"
    );
    // Names from the file when the answer has none; array order without `order`.
    let pinned = parse_pin(
        "db",
        path,
        "{\"columns\": [{\"name\": \"B\", \"sqlType\": \"integer\"}, {\"name\": \"a\", \"sqlType\": \"date\"}]}",
    )
    .expect("reads");
    assert_eq!((pinned.schema.as_str(), pinned.name.as_str()), ("s", "t"));
    assert_eq!(pinned.columns.first().map(|c| c.name.as_str()), Some("b"));
    assert!(!pinned.columns.iter().any(|c| c.not_null));
}

#[test]
fn a_pin_of_another_table_is_refused() {
    let root = scratch_dir("mismatch");
    let dir = root.join("tables").join("db");
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::write(
        dir.join("s.t.json"),
        "{\"schema\": \"s\", \"name\": \"u\", \"columns\": [{\"name\": \"a\", \"sqlType\": \"date\"}]}",
    )
    .expect("written");
    let catalog = Catalog::open(&root).expect("opens");
    let error = catalog.table("db", "s", "t").expect_err("refused");
    assert!(error.message.contains("is the pin of `s.u`"), "{error}");
}

#[test]
fn a_malformed_sql_toml_names_its_line() {
    let root = scratch_dir("bad-toml");
    std::fs::write(root.join("sql.toml"), "default_database = \"a\"\n[types\n").expect("written");
    let error = Catalog::open(&root).expect_err("refused");
    assert!(error.message.contains("sql.toml:2:"), "{error}");
    std::fs::write(root.join("sql.toml"), "colour = 1\n").expect("written");
    let error = Catalog::open(&root).expect_err("refused");
    assert!(error.message.contains("sql.toml:1:1"), "{error}");
    assert!(error.message.contains("[types]"), "{error}");
}

#[test]
fn names_that_are_paths_are_refused() {
    let catalog = Catalog::open(&fixtures()).expect("opens");
    for (db, schema, table) in [
        ("../x", "s", "t"),
        ("db", "a/b", "t"),
        ("db", "s", ".."),
        ("", "s", "t"),
    ] {
        let error = catalog.table(db, schema, table).expect_err("refused");
        assert!(error.message.contains("cannot name a pin"), "{error}");
    }
}
