//! Typed tables over real HTTP: table lookups and descriptions (every field of the spec's
//! `Table`, `order`, a `tableDef` with `NOT NULL`), tables the API knows only once scanned
//! (`POST /tables/scan`), values stored and exported as Redshift prints them, typed imports of
//! gzipped CSV, bad values failing the import, and selects of listed columns.

use std::io::{Read, Write};

use civis_mock::{MockRows, MockServer};
use serde_json::{json, Value};

const DB: i64 = 32;

fn setup() -> MockServer {
    let mock = MockServer::scripted().expect("a free loopback port");
    mock.database(DB, "redshift-general");
    mock
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

fn get(mock: &MockServer, path: &str) -> (u16, Value) {
    let mut response = agent()
        .get(format!("{}{path}", mock.url()))
        .header("Authorization", "Bearer test-key")
        .call()
        .unwrap();
    let status = response.status().as_u16();
    let text = response.body_mut().read_to_string().unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

fn post(mock: &MockServer, path: &str, body: Value) -> Value {
    let mut response = agent()
        .post(format!("{}{path}", mock.url()))
        .header("Authorization", "Bearer test-key")
        .send_json(body)
        .unwrap();
    assert!(
        response.status().is_success(),
        "POST {path}: {}",
        response.status()
    );
    serde_json::from_str(&response.body_mut().read_to_string().unwrap()).unwrap()
}

/// Polls `path` (a run) until it is over; the run.
fn wait(mock: &MockServer, path: &str) -> Value {
    for _ in 0..20 {
        let (_, run) = get(mock, path);
        if run["state"] == "succeeded" || run["state"] == "failed" {
            return run;
        }
    }
    panic!("{path} never ended");
}

/// Uploads `bytes` as one part of a multipart upload; the file's id.
fn upload(mock: &MockServer, name: &str, bytes: &[u8]) -> i64 {
    let file = post(
        mock,
        "files/multipart",
        json!({"name": name, "num_parts": 1}),
    );
    let id = file["id"].as_i64().unwrap();
    let url = file["uploadUrls"][0].as_str().unwrap();
    let response = agent().put(url).send(bytes).unwrap();
    assert!(response.status().is_success());
    let response = agent()
        .post(format!("{}files/multipart/{id}/complete", mock.url()))
        .header("Authorization", "Bearer test-key")
        .send_empty()
        .unwrap();
    assert!(response.status().is_success());
    id
}

fn gzip(text: &str) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(text.as_bytes()).unwrap();
    encoder.finish().unwrap()
}

/// The records of a run of a SQL export of `sql`: header first, NULL as "".
fn export(mock: &MockServer, sql: &str) -> Result<Vec<Vec<String>>, String> {
    let script = post(
        mock,
        "scripts/sql",
        json!({"name": "export", "remote_host_id": DB, "credential": 1, "sql": sql,
               "csv_settings": {"compression": "gzip", "include_header": true}}),
    );
    let id = script["id"].as_i64().unwrap();
    let run = post(mock, &format!("scripts/sql/{id}/runs"), json!({}));
    let run = wait(mock, &format!("scripts/sql/{id}/runs/{}", run["id"]));
    if run["state"] == "failed" {
        return Err(run["error"].as_str().unwrap_or_default().to_string());
    }
    let url = run["output"][0]["path"].as_str().unwrap();
    let mut response = agent().get(url).call().unwrap();
    let mut gzipped = Vec::new();
    response
        .body_mut()
        .as_reader()
        .read_to_end(&mut gzipped)
        .unwrap();
    let mut plain = Vec::new();
    flate2::read::MultiGzDecoder::new(&gzipped[..])
        .read_to_end(&mut plain)
        .unwrap();
    Ok(csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&plain[..])
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect())
}

fn records(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| r.iter().map(|v| v.to_string()).collect())
        .collect()
}

/// Posts an import of `files` into `schema.table` and runs it; the run once over.
fn import(mock: &MockServer, files: &[i64], table: &str, extra: Value) -> Value {
    let (schema, name) = table.split_once('.').unwrap();
    let mut body = json!({
        "name": "import",
        "source": {"file_ids": files},
        "destination": {"remote_host_id": DB, "credential_id": 1, "schema": schema, "table": name},
        "first_row_is_header": true,
        "column_delimiter": "comma",
        // Every file these tests import is gzipped, as the import checks.
        "compression": "gzip",
        "existing_table_rows": "fail",
    });
    for (key, value) in extra.as_object().unwrap() {
        body[key] = value.clone();
    }
    let job = post(mock, "imports/files/csv", body)["id"]
        .as_i64()
        .unwrap();
    let run = post(mock, &format!("jobs/{job}/runs"), json!({}));
    wait(mock, &format!("jobs/{job}/runs/{}", run["id"]))
}

/// Scans `table` (`POST /tables/scan`) and waits for the scan's run: a table an import made is
/// known to the API only after.
fn scan(mock: &MockServer, table: &str) {
    let (schema, name) = table.split_once('.').unwrap();
    let scan = post(
        mock,
        "tables/scan",
        json!({"database_id": DB, "schema": schema, "table_name": name}),
    );
    let run = wait(
        mock,
        &format!("jobs/{}/runs/{}", scan["jobId"], scan["runId"]),
    );
    assert_eq!(run["state"], "succeeded", "{run}");
}

#[test]
fn tables_are_listed_and_described_with_their_own_ids() {
    let mock = setup();
    mock.database(33, "redshift-research");
    let columns = [("id", "INTEGER"), ("name", "VARCHAR(20)")];
    let rows = MockRows::new(["id", "name"]).row([Some("1"), Some("Ada")]);
    mock.typed_table(DB, "crm.people", &columns, rows.clone())
        .unwrap();
    mock.typed_table(DB, "crm.places", &columns, rows.clone())
        .unwrap();
    mock.table(33, "crm.people", MockRows::new(["x"]).row([Some("2.5")]));

    let (status, found) = get(&mock, "tables?database_id=32&schema=crm&name=people");
    assert_eq!(status, 200);
    let list = found.as_array().unwrap();
    assert_eq!(list.len(), 1);
    let people = &list[0];
    assert_eq!(people["databaseId"], DB);
    assert_eq!(people["schema"], "crm");
    assert_eq!(people["name"], "people");
    assert_eq!(people["rowCount"], 1);
    assert_eq!(people["columnCount"], 2);
    let id = people["id"].as_i64().unwrap();

    // Without a schema, and in another database: other tables, other ids.
    let (_, both) = get(&mock, "tables?database_id=32&name=p%25");
    assert_eq!(both.as_array().unwrap().len(), 2);
    let (_, other) = get(&mock, "tables?database_id=33&schema=crm&name=people");
    assert_ne!(other[0]["id"], id);
    let (_, none) = get(&mock, "tables?database_id=32&schema=crm&name=nobody");
    assert_eq!(none, json!([]));

    let (status, described) = get(&mock, &format!("tables/{id}"));
    assert_eq!(status, 200);
    assert_eq!(described["id"], id);
    let columns: Vec<Value> = described["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| json!({"name": c["name"], "sqlType": c["sqlType"], "order": c["order"]}))
        .collect();
    assert_eq!(
        columns,
        [
            json!({"name": "id", "sqlType": "INTEGER", "order": 1}),
            json!({"name": "name", "sqlType": "VARCHAR(20)", "order": 2})
        ]
    );
    let (_, by_name) = get(&mock, "databases/32/schemas/crm/tables/people");
    assert_eq!(by_name["id"], id);
    let (_, other) = get(&mock, &format!("tables/{}", other[0]["id"]));
    assert_eq!(other["columns"][0]["sqlType"], "DOUBLE PRECISION");

    // An id the mock never gave is left to scripts and recordings: a scripted mock has none.
    let (status, answer) = get(&mock, "tables/12");
    assert_eq!(status, 404);
    assert!(
        answer.to_string().contains("no recorded answer"),
        "{answer}"
    );
}

#[test]
fn a_table_keeps_its_id_when_added_to_and_gone_tables_are_404() {
    let mock = setup();
    let csv = upload(&mock, "a.csv.gz", &gzip("n\n1\n"));
    assert_eq!(
        import(&mock, &[csv], "s.t", json!({}))["state"],
        "succeeded"
    );
    // A table an import made is unknown to the API until it is scanned, as on the platform.
    let (_, unknown) = get(&mock, "tables?database_id=32&schema=s&name=t");
    assert_eq!(unknown, json!([]));
    scan(&mock, "s.t");
    let (_, found) = get(&mock, "tables?database_id=32&schema=s&name=t");
    let id = found[0]["id"].as_i64().unwrap();
    let more = upload(&mock, "b.csv.gz", &gzip("n\n2\n"));
    let appended = import(
        &mock,
        &[more],
        "s.t",
        json!({"existing_table_rows": "append"}),
    );
    assert_eq!(appended["state"], "succeeded");
    let (_, described) = get(&mock, &format!("tables/{id}"));
    assert_eq!(described["rowCount"], 2);

    // Replaced from a test: a new table, a new id; the old one is gone.
    mock.table(DB, "s.t", MockRows::new(["n"]).row([Some("3")]));
    let (status, _) = get(&mock, &format!("tables/{id}"));
    assert_eq!(status, 404);
}

#[test]
fn typed_values_are_exported_as_redshift_prints_them() {
    let mock = setup();
    let columns = [
        ("id", "SMALLINT"),
        ("ok", "BOOLEAN"),
        ("price", "NUMERIC(8,2)"),
        ("ratio", "DOUBLE PRECISION"),
        ("weight", "REAL"),
        ("day", "DATE"),
        ("at", "TIMESTAMP"),
        ("seen", "TIMESTAMPTZ"),
        ("note", "VARCHAR(10)"),
        ("blob", "SUPER"),
    ];
    let names = columns.map(|(name, _)| name);
    let rows = MockRows::new(names)
        .row([
            Some(" 007 "),
            Some("TRUE"),
            Some("2.005"),
            Some("1.50"),
            Some("0.1"),
            Some("2024-02-29"),
            Some("2024-03-01T12:30:00.250"),
            Some("2024-03-01 12:00:00+02:00"),
            Some("hi, \"you\""),
            Some(" {} "),
        ])
        .row([
            None,
            Some("no"),
            Some("-3"),
            Some("1e3"),
            Some("NaN"),
            None,
            Some("2024-03-01"),
            Some("2024-03-01 23:30:00-01"),
            Some(""),
            None,
        ]);
    mock.typed_table(DB, "public.typed", &columns, rows)
        .unwrap();

    let exported = export(&mock, "select * from public.typed").unwrap();
    let header: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    assert_eq!(exported[0], header);
    assert_eq!(
        exported[1..],
        records(&[
            &[
                "7",
                "t",
                "2.01",
                "1.5",
                "0.1",
                "2024-02-29",
                "2024-03-01 12:30:00.25",
                "2024-03-01 10:00:00+00",
                "hi, \"you\"",
                " {} ",
            ],
            // NULL is an empty field; so is the empty string, as the platform's CSV has it.
            &[
                "",
                "f",
                "-3.00",
                "1000",
                "NaN",
                "",
                "2024-03-01 00:00:00",
                "2024-03-02 00:30:00+00",
                "",
                ""
            ],
        ])
    );
}

#[test]
fn typed_table_refuses_a_value_that_does_not_fit_naming_row_column_and_value() {
    let mock = setup();
    let columns = [("id", "INTEGER"), ("note", "VARCHAR(3)")];
    let rows = MockRows::new(["id", "note"])
        .row([Some("1"), Some("abc")])
        .row([Some("2"), Some("abcd")]);
    let error = mock.typed_table(DB, "s.bad", &columns, rows).unwrap_err();
    let text = error.to_string();
    assert!(matches!(error, civis_mock::Error::Value(_)), "{error:?}");
    for part in [
        "row 2",
        "column \"note\"",
        "'abcd'",
        "String length exceeds DDL length",
    ] {
        assert!(text.contains(part), "{part} not in {text}");
    }
    assert_eq!(mock.table_rows(DB, "s.bad"), None);

    let wrong = MockRows::new(["id"]).row([Some("1")]);
    assert!(mock.typed_table(DB, "s.bad", &columns, wrong).is_err());
}

#[test]
fn a_gzipped_import_with_table_columns_makes_a_typed_table() {
    let mock = setup();
    let text = "id,active,amount,created\n\
                1,true,12.5,2024-03-01T12:00:00Z\n\
                2,0,0.125,2024-03-01 09:15:30.5-05:00\n\
                3,,7,\n";
    let file = upload(&mock, "frame.csv.gz", &gzip(text));
    let run = import(
        &mock,
        &[file],
        "analytics.frame",
        json!({"table_columns": [
            {"name": "id", "sql_type": "BIGINT"},
            {"name": "active", "sql_type": "BOOLEAN"},
            {"name": "amount", "sqlType": "NUMERIC(12,2)"},
            {"name": "created", "sql_type": "TIMESTAMP WITH TIME ZONE"},
        ]}),
    );
    assert_eq!(run["state"], "succeeded", "{run}");
    scan(&mock, "analytics.frame");

    let (_, found) = get(&mock, "tables?database_id=32&schema=analytics&name=frame");
    let (_, described) = get(&mock, &format!("tables/{}", found[0]["id"]));
    let types: Vec<&str> = described["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["sqlType"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "BIGINT",
            "BOOLEAN",
            "NUMERIC(12,2)",
            "TIMESTAMP WITH TIME ZONE"
        ]
    );

    assert_eq!(
        export(&mock, "select * from analytics.frame").unwrap(),
        records(&[
            &["id", "active", "amount", "created"],
            &["1", "t", "12.50", "2024-03-01 12:00:00+00"],
            &["2", "f", "0.13", "2024-03-01 14:15:30.5+00"],
            &["3", "", "7.00", ""],
        ])
    );
}

#[test]
fn an_import_without_columns_detects_dates_timestamps_and_booleans() {
    let mock = setup();
    let file = upload(
        &mock,
        "d.csv.gz",
        &gzip("d,ts,b\n2024-01-05,2024-01-05T10:00:00,T\n2024-01-06,2024-01-06,f\n"),
    );
    assert_eq!(
        import(&mock, &[file], "s.d", json!({}))["state"],
        "succeeded"
    );
    scan(&mock, "s.d");
    let (_, described) = get(&mock, "databases/32/schemas/s/tables/d");
    assert_eq!(described["columns"][0]["sqlType"], "DATE");
    assert_eq!(described["columns"][1]["sqlType"], "TIMESTAMP");
    assert_eq!(described["columns"][2]["sqlType"], "BOOLEAN");
    assert_eq!(
        export(&mock, "select * from s.d").unwrap()[1..],
        records(&[
            &["2024-01-05", "2024-01-05 10:00:00", "t"],
            &["2024-01-06", "2024-01-06 00:00:00", "f"],
        ])
    );
}

#[test]
fn an_import_with_a_bad_value_fails_naming_row_column_and_value() {
    let mock = setup();
    let file = upload(
        &mock,
        "bad.csv.gz",
        &gzip("id,when\n1,2024-01-01\n2,2024-01-02\nx,2024-01-03\n"),
    );
    let columns = json!({"table_columns": [
        {"name": "id", "sql_type": "INTEGER"},
        {"name": "when", "sql_type": "DATE"},
    ]});
    let run = import(&mock, &[file], "s.bad", columns.clone());
    assert_eq!(run["state"], "failed");
    let error = run["error"].as_str().unwrap();
    assert!(error.contains("Invalid digit"), "{error}");
    assert!(
        error.contains("row 3") && error.contains("column \"id\"") && error.contains("'x'"),
        "{error}"
    );
    assert_eq!(mock.table_rows(DB, "s.bad"), None);

    // Into an existing table, by its types: a date that is no day.
    let good = upload(&mock, "good.csv.gz", &gzip("id,when\n1,2024-01-01\n"));
    assert_eq!(
        import(&mock, &[good], "s.bad", columns)["state"],
        "succeeded"
    );
    let late = upload(&mock, "late.csv.gz", &gzip("id,when\n2,2023-02-29\n"));
    let run = import(
        &mock,
        &[late],
        "s.bad",
        json!({"existing_table_rows": "append"}),
    );
    assert_eq!(run["state"], "failed");
    let error = run["error"].as_str().unwrap();
    assert!(
        error.contains("row 1")
            && error.contains("column \"when\"")
            && error.contains("'2023-02-29'"),
        "{error}"
    );
    assert_eq!(mock.table_rows(DB, "s.bad").unwrap().rows.len(), 1);
}

#[test]
fn listed_columns_are_selected_in_their_order() {
    let mock = setup();
    let columns = [
        ("id", "INTEGER"),
        ("Full Name", "VARCHAR(20)"),
        ("score", "NUMERIC(5,1)"),
    ];
    let rows = MockRows::new(["id", "Full Name", "score"])
        .row([Some("1"), Some("Ada"), Some("9.25")])
        .row([Some("2"), None, Some("7")])
        .row([Some("3"), Some("Grace"), None]);
    mock.typed_table(DB, "s.people", &columns, rows).unwrap();

    assert_eq!(
        export(
            &mock,
            "SELECT score, \"Full Name\", ID FROM s.people LIMIT 2;"
        )
        .unwrap(),
        records(&[
            &["score", "Full Name", "id"],
            &["9.3", "Ada", "1"],
            &["7.0", "", "2"]
        ])
    );
    let error = export(&mock, "select id, nope from s.people").unwrap_err();
    assert_eq!(error, "column \"nope\" does not exist");

    // A registered text comes first.
    mock.sql_returns(
        "select id from s.people",
        MockRows::new(["one"]).row([Some("1")]),
    );
    assert_eq!(
        export(&mock, "select id from s.people").unwrap(),
        records(&[&["one"], &["1"]])
    );
}

#[test]
fn civis_finds_a_table_id_the_mock_describes() {
    let mock = setup();
    let columns = [("id", "INTEGER")];
    mock.typed_table(DB, "\"my schema\".t", &columns, MockRows::new(["id"]))
        .unwrap();
    let client = civis::Client::builder()
        .api_key("typed-tables-key")
        .base_url(mock.url())
        .build()
        .unwrap();
    let id = client
        .get_table_id("\"my schema\".t", "redshift-general")
        .unwrap();
    let (_, described) = get(&mock, &format!("tables/{id}"));
    assert_eq!(described["schema"], "my schema");
    assert_eq!(described["columns"][0]["sqlType"], "INTEGER");
    assert!(client.get_table_id("nope.t", DB).is_err());
}

#[test]
fn a_query_polled_only_through_get_queries_ends() {
    let mock = setup();
    mock.sql_returns("select 1 as one", MockRows::new(["one"]).row([Some("1")]));
    let query = post(
        &mock,
        "queries",
        json!({"database": DB, "sql": "select 1 as one", "preview_rows": 10, "credential": 1}),
    );
    let id = query["id"].as_i64().unwrap();
    let states: Vec<String> = (0..5)
        .map(|_| {
            get(&mock, &format!("queries/{id}")).1["state"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert!(states.iter().any(|s| s == "succeeded"), "{states:?}");
    let (_, done) = get(&mock, &format!("queries/{id}"));
    assert_eq!(done["resultRows"], json!([["1"]]));
}

#[test]
fn tables_of_a_database_never_declared_are_listed() {
    let mock = MockServer::scripted().unwrap();
    mock.table(44, "public.t", MockRows::new(["a"]).row([Some("1")]));
    let (status, found) = get(&mock, "tables?database_id=44");
    assert_eq!(status, 200, "{found}");
    assert_eq!(found[0]["name"], "t");
}

/// The spec's definition `name` (its `properties`, by name).
fn spec_properties(name: &str) -> serde_json::Map<String, Value> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../civis-core/spec/civis_api_spec.json"
    );
    let spec: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    spec["definitions"][name]["properties"]
        .as_object()
        .unwrap()
        .clone()
}

/// Whether `value` has the shape `property` (a spec property) gives: its JSON type, or null.
fn has_shape(value: &Value, property: &Value) -> bool {
    let kind = property["type"]
        .as_str()
        .unwrap_or(if property.get("$ref").is_some() {
            "object"
        } else {
            "any"
        });
    match (kind, value) {
        (_, Value::Null) | ("any", _) => true,
        ("integer", Value::Number(n)) => n.is_i64() || n.is_u64(),
        ("number", Value::Number(_)) => true,
        ("string", Value::String(_)) => true,
        ("boolean", Value::Bool(_)) => true,
        ("array", Value::Array(_)) => true,
        ("object", Value::Object(_)) => true,
        _ => false,
    }
}

/// Every field of `properties` is in `answer`, with its shape, and `answer` has no other.
fn assert_shape(answer: &Value, properties: &serde_json::Map<String, Value>, what: &str) {
    let answer = answer.as_object().unwrap();
    for (name, property) in properties {
        let value = answer
            .get(name)
            .unwrap_or_else(|| panic!("{what} has no {name}"));
        assert!(
            has_shape(value, property),
            "{what}.{name} = {value} is not {property}"
        );
    }
    for name in answer.keys() {
        assert!(
            properties.contains_key(name),
            "{what}.{name} is not in the spec"
        );
    }
}

#[test]
fn a_described_table_has_every_field_of_the_specs_table_and_not_null_in_its_table_def() {
    let mock = setup();
    let columns = [
        ("id", "BIGINT NOT NULL"),
        ("Full \"Name\"", "VARCHAR(20)"),
        ("price", "numeric(10,2) not null"),
    ];
    let rows = MockRows::new(columns.map(|(name, _)| name))
        .row([Some("1"), Some("Ada"), Some("1.5")])
        .row([Some("2"), None, Some("2")])
        .row([Some("3"), None, Some("2")]);
    mock.typed_table(DB, "shop.items", &columns, rows).unwrap();

    let (status, described) = get(&mock, "databases/32/schemas/shop/tables/items");
    assert_eq!(status, 200, "{described}");
    assert_shape(&described, &spec_properties("Table"), "Table");
    let column_properties = spec_properties("TableColumn");
    for column in described["columns"].as_array().unwrap() {
        assert_shape(column, &column_properties, "TableColumn");
    }
    assert_eq!(described["columns"][1]["order"], 2);
    assert_eq!(described["columns"][2]["sqlType"], "numeric(10,2)");
    assert_eq!(described["columns"][2]["civisDataType"], "float");
    assert_eq!(described["columns"][1]["nullCount"], 2);
    assert_eq!(described["columns"][1]["coverageCount"], 1);
    assert_eq!(described["columns"][1]["distinctCount"], 2);
    assert_eq!(
        described["tableDef"],
        "CREATE TABLE \"shop\".\"items\" (\n    \"id\" BIGINT NOT NULL,\n    \"Full \"\"Name\"\"\" VARCHAR(20) NULL,\n    \"price\" NUMERIC(10,2) NOT NULL\n)\nDISTSTYLE AUTO;\n"
    );
    // By id, the same answer; names are matched ignoring case, as Redshift folds them.
    let (_, by_id) = get(&mock, &format!("tables/{}", described["id"]));
    assert_eq!(by_id, described);
    let (status, _) = get(&mock, "databases/32/schemas/SHOP/tables/Items");
    assert_eq!(status, 200);

    // A NULL in a NOT NULL column is refused, as Redshift's COPY refuses it, and so is an
    // import appending one.
    let null = MockRows::new(["id"]).row([Some("1")]).row([None]);
    let error = mock
        .typed_table(DB, "shop.ids", &[("id", "INTEGER NOT NULL")], null)
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("Missing data for not-null field (row 2, column \"id\")"),
        "{error}"
    );
    let ids = MockRows::new(["id", "note"]).row([Some("1"), None]);
    let declared = [("id", "INTEGER NOT NULL"), ("note", "VARCHAR(8)")];
    mock.typed_table(DB, "shop.ids", &declared, ids).unwrap();
    let file = upload(&mock, "ids.csv.gz", &gzip("id,note\n2,a\n,b\n"));
    let appended = import(
        &mock,
        &[file],
        "shop.ids",
        json!({"existing_table_rows": "append"}),
    );
    assert_eq!(appended["state"], "failed", "{appended}");
    assert!(
        appended["error"]
            .as_str()
            .unwrap()
            .contains("Missing data for not-null field"),
        "{appended}"
    );
}

#[test]
fn a_table_the_api_has_not_scanned_is_known_once_its_scan_has_run() {
    let mock = setup();
    let columns = [("id", "INTEGER NOT NULL")];
    mock.typed_table(
        DB,
        "s.fresh",
        &columns,
        MockRows::new(["id"]).row([Some("1")]),
    )
    .unwrap();
    mock.unscanned_table(DB, "s.fresh").unwrap();

    // In the database, but unknown to the API.
    assert_eq!(
        export(&mock, "select * from s.fresh").unwrap(),
        records(&[&["id"], &["1"]])
    );
    let (_, listed) = get(&mock, "tables?database_id=32&schema=s&name=fresh");
    assert_eq!(listed, json!([]));
    let (status, _) = get(&mock, "databases/32/schemas/s/tables/fresh");
    assert_eq!(status, 404);

    // The scan is a job, polled as any; the table is known once its run has succeeded.
    let scan = post(
        &mock,
        "tables/scan",
        json!({"databaseId": DB, "schema": "s", "tableName": "fresh", "statsPriority": "flag"}),
    );
    let (job, run) = (
        scan["jobId"].as_i64().unwrap(),
        scan["runId"].as_i64().unwrap(),
    );
    assert_eq!(scan.as_object().unwrap().len(), 2, "{scan}");
    let (_, still) = get(&mock, "tables?database_id=32&schema=s&name=fresh");
    assert_eq!(still, json!([]), "not before the run is over");
    let finished = wait(&mock, &format!("jobs/{job}/runs/{run}"));
    assert_eq!(finished["state"], "succeeded");
    let (_, listed) = get(&mock, "tables?database_id=32&schema=s&name=fresh");
    assert_eq!(listed[0]["name"], "fresh");
    let (status, described) = get(&mock, "databases/32/schemas/s/tables/fresh");
    assert_eq!(status, 200);
    assert!(
        described["tableDef"]
            .as_str()
            .unwrap()
            .contains("\"id\" INTEGER NOT NULL"),
        "{described}"
    );

    // A scan of a table that is not there fails; a bad priority is a 400; civis-python's
    // snake_case names are read too.
    let missing = post(
        &mock,
        "tables/scan",
        json!({"database_id": DB, "schema": "s", "table_name": "nothing"}),
    );
    let failed = wait(
        &mock,
        &format!("jobs/{}/runs/{}", missing["jobId"], missing["runId"]),
    );
    assert_eq!(failed["state"], "failed");
    assert!(
        failed["error"].as_str().unwrap().contains("s.nothing"),
        "{failed}"
    );
    let response = agent()
        .post(format!("{}tables/scan", mock.url()))
        .header("Authorization", "Bearer test-key")
        .send_json(
            json!({"databaseId": DB, "schema": "s", "tableName": "fresh", "statsPriority": "now"}),
        )
        .unwrap();
    assert_eq!(response.status().as_u16(), 400);
    assert!(mock.unscanned_table(DB, "s.nothing").is_err());
}
