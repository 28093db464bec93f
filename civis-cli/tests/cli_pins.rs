//! `civis tables pin` (plain, `--scan`, `--refresh`, `--check`, `--from-sources`) and `civis sql
//! check`, run as a user runs them in a project directory, against the mock's typed tables over
//! real HTTP: the pins are the API's `GET /tables/{id}` answers, byte for byte stable.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use civis_mock::{MockRows, MockServer};
use serde_json::Value;

use crate::support::{stderr, stdout};

const DB: i64 = 32;

/// A fresh project directory called `name` (emptied first).
fn project(name: &str) -> PathBuf {
    // Outside the repository, whose own .civis/ (the tests' pins and default database) the
    // command would otherwise find above the directory, as it finds a project's.
    let dir = std::env::temp_dir()
        .join(format!("civis-cli-pins-{}", std::process::id()))
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `civis args` in directory `dir`, pointed at `mock` (polling its runs without pauses).
fn civis_in(dir: &Path, mock: &MockServer, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_civis"))
        .args(args)
        .current_dir(dir)
        .env("CIVIS_API_KEY", "pins-key")
        .env("CIVIS_API_ENDPOINT", mock.url())
        .env("CIVIS_POLL_INTERVAL", "0.01")
        .output()
        .expect("the civis binary runs")
}

/// `civis args` in `dir` with no API at all: `sql check` must not need one.
fn civis_offline(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_civis"))
        .args(args)
        .current_dir(dir)
        .env_remove("CIVIS_API_KEY")
        .env("CIVIS_API_ENDPOINT", "http://127.0.0.1:9/")
        .output()
        .expect("the civis binary runs")
}

fn code(output: &Output) -> i32 {
    output.status.code().unwrap_or(-1)
}

/// The mock with database 32 and two typed tables of `sales`.
fn mock() -> MockServer {
    let mock = MockServer::scripted().unwrap();
    mock.database(DB, "redshift-general");
    orders(&mock, &[("amount", "NUMERIC(12,2)")]);
    mock.typed_table(
        DB,
        "sales.customers",
        &[("id", "BIGINT NOT NULL"), ("region", "VARCHAR(16)")],
        MockRows::new(["id", "region"]).row([Some("7"), Some("north")]),
    )
    .unwrap();
    mock
}

/// (Re)makes `sales.orders` with `id BIGINT NOT NULL`, `day DATE` and `more` columns.
fn orders(mock: &MockServer, more: &[(&str, &str)]) {
    let mut columns = vec![("id", "BIGINT NOT NULL"), ("day", "DATE")];
    columns.extend_from_slice(more);
    let names: Vec<&str> = columns.iter().map(|(name, _)| *name).collect();
    mock.typed_table(DB, "sales.orders", &columns, MockRows::new(names))
        .unwrap();
}

/// The mock's own answer to `GET /tables/{id}` for `schema.table`, as JSON.
fn described(mock: &MockServer, schema: &str, table: &str) -> Value {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let get = |path: String| -> Value {
        let mut response = agent
            .get(format!("{}{path}", mock.url()))
            .header("Authorization", "Bearer test")
            .call()
            .unwrap();
        serde_json::from_str(&response.body_mut().read_to_string().unwrap()).unwrap()
    };
    let listed = get(format!(
        "tables?database_id={DB}&schema={schema}&name={table}"
    ));
    get(format!("tables/{}", listed[0]["id"]))
}

fn pin_of(dir: &Path, table: &str) -> PathBuf {
    dir.join(".civis/tables/redshift-general")
        .join(format!("{table}.json"))
}

#[test]
fn pin_writes_the_apis_answer_byte_stable_where_the_project_keeps_civis() {
    let mock = mock();
    let dir = project("pin");
    std::fs::create_dir_all(dir.join(".civis")).unwrap();
    let below = dir.join("crates/app/src");
    std::fs::create_dir_all(&below).unwrap();

    let output = civis_in(
        &below,
        &mock,
        &[
            "tables",
            "pin",
            "-d",
            "redshift-general",
            "sales.orders",
            "SALES.Customers",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("pinned sales.orders of redshift-general"),
        "{}",
        stdout(&output)
    );
    // The nearest .civis/ above the current directory holds the pins.
    assert!(!below.join(".civis").exists());
    let pin = pin_of(&dir, "sales.orders");
    let text = std::fs::read_to_string(&pin).unwrap();
    let expected = described(&mock, "sales", "orders");
    assert_eq!(
        text,
        serde_json::to_string_pretty(&expected).unwrap() + "\n"
    );
    assert!(text.contains("\"tableDef\""), "{text}");
    assert!(text.contains("\\\"id\\\" BIGINT NOT NULL"), "{text}");
    // The API's key order, not sorted: `id` first, `columns` before `tableDef`.
    assert!(text.starts_with("{\n  \"id\": "), "{text}");
    assert!(pin_of(&dir, "sales.customers").is_file());

    // Again, with no change: the same bytes, said so; the database from sql.toml.
    std::fs::write(
        dir.join(".civis/sql.toml"),
        "default_database = \"redshift-general\"\n",
    )
    .unwrap();
    let again = civis_in(&dir, &mock, &["tables", "pin", "sales.orders"]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        stdout(&again).starts_with("unchanged sales.orders"),
        "{}",
        stdout(&again)
    );
    assert_eq!(std::fs::read_to_string(&pin).unwrap(), text);
    let no_temporary: Vec<_> = std::fs::read_dir(pin.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.contains("tmp"))
        .collect();
    assert!(no_temporary.is_empty(), "{no_temporary:?}");

    // The analysis reads the mock's pins as the API's: NOT NULL from its tableDef.
    let checked = civis_offline(
        &below,
        &[
            "sql",
            "check",
            "-c",
            "select o.id, o.day, c.region from sales.orders o left join sales.customers c on c.id = o.id",
        ],
    );
    assert!(checked.status.success(), "{}", stderr(&checked));
    assert_eq!(
        stdout(&checked),
        "column  sql type               nullable  rust type\n\
         id      bigint                 no        i64\n\
         day     date                   yes       Option<NaiveDate>\n\
         region  character varying(16)  yes       Option<String>\n"
    );

    // A table the API does not know; no database at all.
    let unknown = civis_in(&dir, &mock, &["tables", "pin", "sales.nothing"]);
    assert_eq!(code(&unknown), 4, "{}", stderr(&unknown));
    assert!(stderr(&unknown).contains("--scan"), "{}", stderr(&unknown));
    let bare = project("pin-bare");
    let no_db = civis_in(&bare, &mock, &["tables", "pin", "sales.orders"]);
    assert_eq!(code(&no_db), 2, "{}", stderr(&no_db));
    assert!(
        stderr(&no_db).contains("default_database"),
        "{}",
        stderr(&no_db)
    );
}

#[test]
fn refresh_prints_each_changed_column_and_check_exits_1_on_a_difference() {
    let mock = mock();
    let dir = project("refresh");
    let pinned = civis_in(
        &dir,
        &mock,
        &[
            "tables",
            "pin",
            "-d",
            "redshift-general",
            "sales.orders",
            "sales.customers",
        ],
    );
    assert!(pinned.status.success(), "{}", stderr(&pinned));
    let customers = std::fs::read_to_string(pin_of(&dir, "sales.customers")).unwrap();

    let check = civis_in(&dir, &mock, &["tables", "pin", "--check"]);
    assert_eq!(code(&check), 0, "{}{}", stdout(&check), stderr(&check));
    assert!(
        stdout(&check).contains("sales.orders of redshift-general: up to date"),
        "{}",
        stdout(&check)
    );

    // The table changes in the warehouse: a wider type, a column added, one made NOT NULL.
    orders(
        &mock,
        &[
            ("amount", "NUMERIC(14,2) NOT NULL"),
            ("note", "VARCHAR(64)"),
        ],
    );
    let before = std::fs::read_to_string(pin_of(&dir, "sales.orders")).unwrap();
    let check = civis_in(&dir, &mock, &["tables", "pin", "--check"]);
    assert_eq!(code(&check), 1, "{}{}", stdout(&check), stderr(&check));
    let printed = stdout(&check);
    for line in [
        "sales.orders of redshift-general: differs from",
        "  column amount: type NUMERIC(12,2) -> NUMERIC(14,2)",
        "  column amount: nullable -> not null",
        "  column note added: VARCHAR(64), nullable",
        "sales.customers of redshift-general: up to date",
    ] {
        assert!(printed.contains(line), "{line:?} not in:\n{printed}");
    }
    assert!(stderr(&check).contains("--refresh"), "{}", stderr(&check));
    assert_eq!(
        std::fs::read_to_string(pin_of(&dir, "sales.orders")).unwrap(),
        before,
        "--check writes nothing"
    );

    let refresh = civis_in(&dir, &mock, &["tables", "pin", "--refresh"]);
    assert!(refresh.status.success(), "{}", stderr(&refresh));
    let printed = stdout(&refresh);
    assert!(printed.contains("re-pinned sales.orders"), "{printed}");
    assert!(
        printed.contains("  column note added: VARCHAR(64), nullable"),
        "{printed}"
    );
    assert!(printed.contains("unchanged sales.customers"), "{printed}");
    assert_eq!(
        std::fs::read_to_string(pin_of(&dir, "sales.orders")).unwrap(),
        serde_json::to_string_pretty(&described(&mock, "sales", "orders")).unwrap() + "\n"
    );
    assert_eq!(
        std::fs::read_to_string(pin_of(&dir, "sales.customers")).unwrap(),
        customers
    );
    let check = civis_in(&dir, &mock, &["tables", "pin", "--check"]);
    assert_eq!(code(&check), 0, "{}{}", stdout(&check), stderr(&check));

    // A column removed, then the table dropped.
    orders(&mock, &[("amount", "NUMERIC(14,2) NOT NULL")]);
    let check = civis_in(
        &dir,
        &mock,
        &["tables", "pin", "--check", "-d", "redshift-general"],
    );
    assert_eq!(code(&check), 1);
    assert!(
        stdout(&check).contains("column note removed (was VARCHAR(64), nullable)"),
        "{}",
        stdout(&check)
    );
    mock.unscanned_table(DB, "sales.orders").unwrap();
    let check = civis_in(&dir, &mock, &["tables", "pin", "--check"]);
    assert_eq!(code(&check), 1);
    assert!(
        stdout(&check).contains("sales.orders of redshift-general: gone"),
        "{}",
        stdout(&check)
    );

    // Nothing pinned: nothing to check.
    let empty = project("refresh-empty");
    let check = civis_in(&empty, &mock, &["tables", "pin", "--check"]);
    assert_eq!(code(&check), 4, "{}", stderr(&check));
}

#[test]
fn scan_makes_a_table_the_api_does_not_know_yet_known_and_pins_it() {
    let mock = mock();
    mock.typed_table(
        DB,
        "staging.fresh",
        &[("id", "INTEGER NOT NULL")],
        MockRows::new(["id"]).row([Some("1")]),
    )
    .unwrap();
    mock.unscanned_table(DB, "staging.fresh").unwrap();
    let dir = project("scan");

    let without = civis_in(&dir, &mock, &["tables", "pin", "-d", "32", "staging.fresh"]);
    assert_eq!(code(&without), 4, "{}", stderr(&without));
    let with = civis_in(
        &dir,
        &mock,
        &["tables", "pin", "-d", "32", "staging.fresh", "--scan"],
    );
    assert!(with.status.success(), "{}", stderr(&with));
    assert!(
        stderr(&with).contains("scanning staging.fresh"),
        "{}",
        stderr(&with)
    );
    let pin = dir.join(".civis/tables/32/staging.fresh.json");
    let text = std::fs::read_to_string(pin).unwrap();
    assert!(text.contains("\\\"id\\\" INTEGER NOT NULL"), "{text}");
    let scans = mock
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST" && r.url == "/tables/scan")
        .count();
    assert_eq!(scans, 1);

    // A table the database does not have: the scan's run fails, a failed job (3).
    let missing = civis_in(
        &dir,
        &mock,
        &["tables", "pin", "-d", "32", "staging.nothing", "--scan"],
    );
    assert_eq!(code(&missing), 3, "{}", stderr(&missing));
}

#[test]
fn from_sources_pins_the_tables_a_crates_queries_read_that_are_not_pinned() {
    let mock = mock();
    let dir = project("sources");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::create_dir_all(dir.join("sql")).unwrap();
    std::fs::write(dir.join("Cargo.toml"), "[package]\nname = \"app\"\n").unwrap();
    std::fs::write(
        dir.join("src/main.rs"),
        r#"fn main() {
    let q = civis::query!(
        "redshift-general",
        "select o.id, c.region from sales.orders o join sales.customers c on c.id = o.id where o.day > '{{since}}'",
        since = "2024-01-01",
    );
}
"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("sql/report.sql"),
        "select count(*) from sales.customers\n",
    )
    .unwrap();
    std::fs::create_dir_all(dir.join(".civis")).unwrap();
    std::fs::write(
        dir.join(".civis/sql.toml"),
        "default_database = \"redshift-general\"\n",
    )
    .unwrap();

    let output = civis_in(&dir, &mock, &["tables", "pin", "--from-sources"]);
    assert!(
        output.status.success(),
        "{}{}",
        stdout(&output),
        stderr(&output)
    );
    assert!(
        pin_of(&dir, "sales.orders").is_file(),
        "{}",
        stderr(&output)
    );
    assert!(pin_of(&dir, "sales.customers").is_file());
    assert!(
        stderr(&output).contains("2 pinned now, 0 pinned already"),
        "{}",
        stderr(&output)
    );

    // Again: everything is pinned, nothing is asked of the API.
    let before = mock.requests().len();
    let again = civis_in(&dir, &mock, &["tables", "pin", "--from-sources", "."]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        stderr(&again).contains("0 pinned now, 2 pinned already"),
        "{}",
        stderr(&again)
    );
    assert_eq!(mock.requests().len(), before);
}

/// A project with pins of `sales.orders` written by hand, as `civis tables get ID
/// --json-output` prints them: `sql check` reads them with no API.
fn pinned_project(name: &str) -> PathBuf {
    let dir = project(name);
    let pins = dir.join(".civis/tables/redshift-general");
    std::fs::create_dir_all(&pins).unwrap();
    std::fs::write(
        pins.join("sales.orders.json"),
        r#"{"id": 1, "databaseId": 32, "schema": "sales", "name": "orders",
            "lastRefresh": "2026-12-01T00:00:00.000Z",
            "columns": [
              {"name": "id", "sqlType": "bigint", "order": 1},
              {"name": "amount", "sqlType": "numeric(12,2)", "order": 2}
            ],
            "tableDef": "CREATE TABLE \"sales\".\"orders\" (\n    \"id\" BIGINT NOT NULL,\n    \"amount\" NUMERIC(12,2) NULL\n)\nDISTSTYLE AUTO;\n"}"#,
    )
    .unwrap();
    std::fs::write(
        dir.join(".civis/sql.toml"),
        "default_database = \"redshift-general\"\n",
    )
    .unwrap();
    dir
}

#[test]
fn sql_check_prints_the_columns_the_macro_would_type_with_no_network() {
    let dir = pinned_project("check-ok");
    let output = civis_offline(
        &dir,
        &["sql", "check", "-c", "select id, amount from sales.orders"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "column  sql type       nullable  rust type\n\
         id      bigint         no        i64\n\
         amount  numeric(12,2)  yes       Option<Decimal>\n"
    );
    let file = dir.join("q.sql");
    std::fs::write(&file, "select count(*) as n from sales.orders").unwrap();
    let json = civis_offline(
        &dir,
        &[
            "--json-output",
            "sql",
            "check",
            "-d",
            "redshift-general",
            "-f",
            "q.sql",
        ],
    );
    assert!(json.status.success(), "{}", stderr(&json));
    assert_eq!(
        stdout(&json).trim(),
        r#"[{"name":"n","sqlType":"bigint","nullable":false,"rustType":"i64"}]"#
    );
}

#[test]
fn sql_check_gives_the_macros_error_and_its_exit_code() {
    let dir = pinned_project("check-errors");
    let output = civis_offline(
        &dir,
        &["sql", "check", "-c", "select id, amont from sales.orders"],
    );
    assert_eq!(code(&output), 4, "{}", stderr(&output));
    let printed = stderr(&output);
    assert!(printed.starts_with("error: "), "{printed}");
    assert!(printed.contains("amont"), "{printed}");
    assert!(printed.contains("line 1, column 12"), "{printed}");
    assert!(printed.contains("amount"), "{printed}");

    // An unpinned table names the pin command; no SQL, no database, no file: usage and setup.
    let unpinned = civis_offline(&dir, &["sql", "check", "-c", "select * from sales.nope"]);
    assert_eq!(code(&unpinned), 4);
    assert!(
        stderr(&unpinned).contains("civis tables pin"),
        "{}",
        stderr(&unpinned)
    );
    let no_sql = civis_offline(&dir, &["sql", "check"]);
    assert_eq!(code(&no_sql), 2, "{}", stderr(&no_sql));
    let bare = project("check-bare");
    let no_db = civis_offline(&bare, &["sql", "check", "-c", "select 1"]);
    assert_eq!(code(&no_db), 2, "{}", stderr(&no_db));
    let no_file = civis_offline(&dir, &["sql", "check", "-f", "missing.sql"]);
    assert_eq!(code(&no_file), 4, "{}", stderr(&no_file));
}
