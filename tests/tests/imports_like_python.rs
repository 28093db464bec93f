//! Imports that behave like civis-python 2.10.1's `csv_to_civis` and `civis_file_to_table`,
//! against the mock over real HTTP: each test writes out the body civis-python sends for the
//! same call (from its `civis/io/_tables.py`: every keyword it passes, `None` as `null`) and
//! compares ours with it, then checks what landed in the table.

use std::path::{Path, PathBuf};

use civis::tables::{Execution, ExistingRows, TableColumn};
use civis::{Client, Error};
use civis_mock::{MockRows, MockServer, Scripted};
use civis_tests::logs::{logged, record_logs};
use civis_tests::{posts, strings, table_records};
use serde_json::{json, Value};

const DB: i64 = 32;
const CREDENTIAL: i64 = 4321;

fn setup() -> (MockServer, Client) {
    let mock = MockServer::scripted().expect("a free loopback port");
    mock.database(DB, "redshift-general");
    mock.default_database_credential(CREDENTIAL);
    let client = Client::builder()
        .api_key("imports-test-key")
        .base_url(mock.url())
        .clock(civis_tests::FakeClock::default())
        .build()
        .unwrap();
    (mock, client)
}

fn write_csv(name: &str, text: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("civis-imports-like-python");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Uploads each text as a Civis file; their ids.
fn civis_files(client: &Client, files: &[(&str, &[u8])]) -> Vec<i64> {
    files
        .iter()
        .map(|(name, bytes)| client.upload_reader(*bytes, *name).send().unwrap())
        .collect()
}

fn cleaned_ids(import: &Value) -> Value {
    import["source"]["file_ids"].clone()
}

fn import_error(result: Result<civis::runs::Run, Error>) -> String {
    match result {
        Err(Error::Import(message)) => message,
        Err(other) => panic!("expected an import error, got {other:?}"),
        Ok(run) => panic!("expected an import error, got run {}", run.run_id()),
    }
}

#[test]
fn a_single_csv_into_a_new_table_sends_what_csv_to_civis_sends_with_loosen_types() {
    let (mock, client) = setup();
    let path = write_csv("new.csv", "id,name\n1,Ada\n2,Grace\n");
    client
        .import_csv(&path, "redshift-general", "crm.people")
        .send()
        .unwrap()
        .wait()
        .unwrap();
    // civis.io.csv_to_civis("new.csv", "redshift-general", "crm.people"): delimiter ","
    // ("comma"), headers None, hidden True, existing_table_rows "fail".
    let preprocess = posts(&mock, "/files/preprocess/csv");
    let uploaded = posts(&mock, "/files")[0].clone();
    assert_eq!(uploaded["name"], "new.csv");
    assert_eq!(preprocess.len(), 1);
    let upload_id = preprocess[0]["file_id"].clone();
    assert_eq!(
        preprocess[0],
        json!({
            "file_id": upload_id,
            "in_place": false,
            "detect_table_columns": true,
            "force_character_set_conversion": true,
            "include_header": null,
            "column_delimiter": "comma",
            "hidden": true,
        })
    );
    let import = posts(&mock, "/imports/files/csv").remove(0);
    let python = json!({
        "source": {"file_ids": cleaned_ids(&import)},
        "destination": {
            "schema": "crm",
            "table": "people",
            "remote_host_id": DB,
            "credential_id": CREDENTIAL,
            "primary_keys": null,
            "last_modified_keys": null,
        },
        "first_row_is_header": true,
        "name": "CSV import to crm.people",
        "max_errors": null,
        "existing_table_rows": "fail",
        "column_delimiter": "comma",
        "compression": "none",
        "escaped": false,
        "execution": "immediate",
        "loosen_types": true,
        "table_columns": [
            {"name": "id", "sql_type": "BIGINT"},
            {"name": "name", "sql_type": "VARCHAR(256)"},
        ],
        "redshift_destination_options": {"distkey": null, "sortkeys": [null, null], "diststyle": null},
        "hidden": true,
    });
    assert_eq!(import, python);
    assert_ne!(
        cleaned_ids(&import),
        json!([upload_id]),
        "the cleaned file is imported"
    );
    assert_eq!(
        table_records(&client, "crm.people", DB),
        strings(&[&["id", "name"], &["1", "Ada"], &["2", "Grace"]])
    );
}

#[test]
fn every_keyword_of_civis_file_to_table_is_sent_as_civis_python_sends_it() {
    let (mock, client) = setup();
    mock.typed_table(
        DB,
        "crm.people",
        &[
            ("id", "BIGINT"),
            ("name", "VARCHAR(64)"),
            ("updated", "DATE"),
        ],
        MockRows::new(["id", "name", "updated"]).row([Some("1"), Some("Ada"), Some("2024-01-01")]),
    )
    .unwrap();
    let file = civis_files(
        &client,
        &[(
            "delta.tsv",
            b"1\tAda L.\t2024-02-01\n2\tGrace\t2024-02-01\n",
        )],
    );
    client
        .import_files(&file, DB, "crm.people")
        .existing_rows(ExistingRows::Upsert)
        .primary_keys(["id"])
        .last_modified_keys(["updated"])
        .execution(Execution::Delayed)
        .header(false)
        .delimiter('\t')
        .max_errors(3)
        .distkey("id")
        .sortkeys(["updated"])
        .diststyle("key")
        .escaped(true)
        .credential(77)
        .hidden(false)
        .send()
        .unwrap()
        .wait()
        .unwrap();
    // civis.io.civis_file_to_table(file_id, 32, "crm.people", max_errors=3,
    //     existing_table_rows="upsert", diststyle="key", distkey="id", sortkey1="updated",
    //     primary_keys=["id"], last_modified_keys=["updated"], escaped=True,
    //     execution="delayed", delimiter="\t", headers=False, credential_id=77, hidden=False)
    let preprocess = posts(&mock, "/files/preprocess/csv").remove(0);
    assert_eq!(
        preprocess,
        json!({
            "file_id": file[0],
            "in_place": false,
            "detect_table_columns": false,
            "force_character_set_conversion": true,
            "include_header": false,
            "column_delimiter": "tab",
            "hidden": false,
        })
    );
    let import = posts(&mock, "/imports/files/csv").remove(0);
    let python = json!({
        "source": {"file_ids": cleaned_ids(&import)},
        "destination": {
            "schema": "crm",
            "table": "people",
            "remote_host_id": DB,
            "credential_id": 77,
            "primary_keys": ["id"],
            "last_modified_keys": ["updated"],
        },
        "first_row_is_header": false,
        "name": "CSV import to crm.people",
        "max_errors": 3,
        "existing_table_rows": "upsert",
        "column_delimiter": "tab",
        "compression": "none",
        "escaped": true,
        "execution": "delayed",
        "loosen_types": false,
        "table_columns": null,
        "redshift_destination_options": {"distkey": "id", "sortkeys": ["updated", null], "diststyle": "key"},
        "hidden": false,
    });
    assert_eq!(import, python);
    assert_eq!(
        table_records(&client, "crm.people", DB),
        strings(&[
            &["id", "name", "updated"],
            &["1", "Ada L.", "2024-02-01"],
            &["2", "Grace", "2024-02-01"]
        ])
    );
}

#[test]
fn three_files_with_differing_detected_types_import_with_the_merged_types() {
    let (mock, client) = setup();
    // `code` is detected as BIGINT, DOUBLE PRECISION and VARCHAR(256): merged, VARCHAR.
    // `label` is VARCHAR(256) in the first two and VARCHAR(512) in the third: the same base
    // type, so the widest length.
    let long = "y".repeat(300);
    let third = format!("code,n,label\nx,4,{long}\n");
    let files = civis_files(
        &client,
        &[
            ("a.csv", b"code,n,label\n1,1,a\n2,2,b\n"),
            ("b.csv", b"code,n,label\n2.5,3,c\n"),
            ("c.csv", third.as_bytes()),
        ],
    );
    client
        .import_files(&files, DB, "merged.parts")
        .send()
        .unwrap()
        .wait()
        .unwrap();
    let preprocess = posts(&mock, "/files/preprocess/csv");
    assert_eq!(preprocess.len(), 3);
    assert!(preprocess.iter().all(|p| p["detect_table_columns"] == true));
    let import = posts(&mock, "/imports/files/csv").remove(0);
    assert_eq!(cleaned_ids(&import).as_array().unwrap().len(), 3);
    // civis-python's _check_column_types: VARCHAR where one file has text, else the first
    // file's type, which for text of several lengths is the first file's VARCHAR(256) and
    // would not hold the third file's 300 characters. civis-rs takes the widest VARCHAR
    // (issue 32), here the third file's VARCHAR(512).
    let columns = json!([
        {"name": "code", "sql_type": "VARCHAR"},
        {"name": "n", "sql_type": "BIGINT"},
        {"name": "label", "sql_type": "VARCHAR(512)"},
    ]);
    assert_eq!(import["table_columns"], columns);
    assert_eq!(import["loosen_types"], true);
    assert_eq!(import["first_row_is_header"], true);
    let rows = table_records(&client, "merged.parts", DB);
    assert_eq!(
        rows,
        strings(&[
            &["code", "n", "label"],
            &["1", "1", "a"],
            &["2", "2", "b"],
            &["2.5", "3", "c"],
            &["x", "4", &long]
        ])
    );
    let types: Vec<String> = client
        .table_columns("merged.parts", DB)
        .unwrap()
        .into_iter()
        .map(|c| c.sql_type)
        .collect();
    assert_eq!(types, ["VARCHAR", "BIGINT", "VARCHAR(512)"]);
}

#[test]
fn files_that_cannot_be_imported_together_are_an_import_error_naming_them() {
    let (mock, client) = setup();
    let files = civis_files(
        &client,
        &[
            ("days.csv", b"day\n2024-01-01\n"),
            ("numbers.csv", b"day\n12\n"),
        ],
    );
    let message = import_error(client.import_files(&files, DB, "s.types").send());
    let cleaned: Vec<i64> = mock
        .requests()
        .iter()
        .filter(|r| r.method == "GET" && r.url.starts_with("/files/"))
        .filter_map(|r| r.url.trim_start_matches("/files/").parse().ok())
        .collect();
    assert_eq!(cleaned.len(), 2);
    assert_eq!(
        message,
        format!(
            "All sql_types for column 'day' must be the same, however --\n\tDATE from: file {} (cleaned_{}.csv)\n\tBIGINT from: file {} (cleaned_{}.csv)",
            cleaned[0], files[0], cleaned[1], files[1]
        )
    );

    // A header in one file only; a pipe in one; a gzipped one beside a plain one.
    let headers = civis_files(&client, &[("h.csv", b"a,b\n1,2\n"), ("n.csv", b"3,4\n")]);
    let message = import_error(client.import_files(&headers, DB, "s.headers").send());
    assert!(
        message.starts_with("All detected values for 'includeHeader' must be the same, however --\n\tTrue from: file "),
        "{message}"
    );
    let delimiters = civis_files(
        &client,
        &[("c.csv", b"a,b\n1,2\n"), ("p.csv", b"a|b\n1|2\n")],
    );
    let message = import_error(client.import_files(&delimiters, DB, "s.delims").send());
    assert!(
        message.starts_with("All detected values for 'columnDelimiter' must be the same, however --\n\tcomma from: file "),
        "{message}"
    );
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gzip, b"a,b\n5,6\n").unwrap();
    let gzipped = gzip.finish().unwrap();
    let compressions = civis_files(
        &client,
        &[("plain.csv", b"a,b\n1,2\n"), ("z.csv.gz", &gzipped)],
    );
    let message = import_error(client.import_files(&compressions, DB, "s.gz").send());
    assert!(
        message.starts_with("All detected values for 'compression' must be the same, however --\n\tnone from: file "),
        "{message}"
    );
    assert!(message.contains("\n\tgzip from: file "), "{message}");
    // None of them reached an import job.
    assert!(posts(&mock, "/imports/files/csv").is_empty());
    assert_eq!(mock.table_rows(DB, "s.types"), None);

    // Gzipped files alone import, with the compression they were detected with.
    let both = civis_files(&client, &[("z1.csv.gz", &gzipped), ("z2.csv.gz", &gzipped)]);
    client
        .import_files(&both, DB, "s.gz")
        .send()
        .unwrap()
        .wait()
        .unwrap();
    assert_eq!(posts(&mock, "/imports/files/csv")[0]["compression"], "gzip");
    assert_eq!(
        table_records(&client, "s.gz", DB),
        strings(&[&["a", "b"], &["5", "6"], &["5", "6"]])
    );
}

#[test]
fn columns_named_without_types_append_by_name_and_a_mix_is_refused_before_any_request() {
    let (mock, client) = setup();
    mock.typed_table(
        DB,
        "crm.people",
        &[("id", "BIGINT"), ("name", "VARCHAR(64)")],
        MockRows::new(["id", "name"]).row([Some("1"), Some("Ada")]),
    )
    .unwrap();
    // The file holds the columns in another order than the table: table_columns name them.
    let path = write_csv("reordered.csv", "Grace,2\nKatherine,3\n");
    client
        .import_csv(&path, DB, "crm.people")
        .existing_rows(ExistingRows::Append)
        .header(false)
        .table_columns([TableColumn::named("name"), TableColumn::named("id")])
        .send()
        .unwrap()
        .wait()
        .unwrap();
    let import = posts(&mock, "/imports/files/csv").remove(0);
    // civis_file_to_table(..., table_columns=[{"name": "name"}, {"name": "id"}]): no types,
    // the table exists, so nothing is detected and the names are sent as given.
    assert_eq!(
        import["table_columns"],
        json!([{"name": "name"}, {"name": "id"}])
    );
    assert_eq!(import["loosen_types"], false);
    assert_eq!(
        posts(&mock, "/files/preprocess/csv")[0]["detect_table_columns"],
        false
    );
    assert_eq!(
        table_records(&client, "crm.people", DB),
        strings(&[
            &["id", "name"],
            &["1", "Ada"],
            &["2", "Grace"],
            &["3", "Katherine"]
        ])
    );

    // Names alone for a new table: detected, as civis-python replaces them.
    let fresh = write_csv("fresh.csv", "id,score\n1,2.5\n");
    client
        .import_csv(&fresh, DB, "crm.scores")
        .table_columns([TableColumn::named("id"), TableColumn::named("score")])
        .send()
        .unwrap()
        .wait()
        .unwrap();
    let import = posts(&mock, "/imports/files/csv").pop().unwrap();
    assert_eq!(
        import["table_columns"],
        json!([{"name": "id", "sql_type": "BIGINT"}, {"name": "score", "sql_type": "DOUBLE PRECISION"}])
    );
    assert_eq!(import["loosen_types"], true);

    // civis-python: ValueError("Some table columns have a sql type provided, but others do
    // not."), before any request.
    mock.clear_requests();
    let error = client
        .import_csv(&fresh, DB, "crm.mixed")
        .table_columns([
            TableColumn::new("id", "BIGINT"),
            TableColumn::named("score"),
        ])
        .send()
        .unwrap_err();
    assert!(
        matches!(&error, Error::Usage(m) if m.contains("some table columns have a SQL type and others do not")),
        "{error}"
    );
    assert!(mock.requests().is_empty());
}

#[test]
fn a_table_check_failing_otherwise_than_404_is_a_warning_and_the_import_goes_on() {
    record_logs();
    let (mock, client) = setup();
    mock.script(
        "GET",
        "/databases/32/schemas/crm/tables/audited",
        [Scripted::json(
            403,
            r#"{"error": "forbidden", "errorDescription": "no access to the catalogue", "code": 403}"#,
        )],
    );
    let path = write_csv("audited.csv", "id\n1\n");
    client
        .import_csv(&path, DB, "crm.audited")
        .send()
        .unwrap()
        .wait()
        .unwrap();
    // civis-python warns ("Unexpected error when checking if table ... exists") and imports
    // as into a new table: columns detected.
    assert_eq!(
        posts(&mock, "/files/preprocess/csv")[0]["detect_table_columns"],
        true
    );
    assert_eq!(
        table_records(&client, "crm.audited", DB),
        strings(&[&["id"], &["1"]])
    );
    let warnings = logged(
        log::Level::Warn,
        "could not check whether table crm.audited exists",
    );
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("no access to the catalogue"),
        "{warnings:?}"
    );
}

#[test]
fn the_mock_refuses_an_unknown_execution_and_a_compression_that_is_not_the_files() {
    let (mock, client) = setup();
    let file = civis_files(&client, &[("x.csv", b"a\n1\n")])[0];
    let body = |execution: &str, compression: &str| {
        json!({
            "source": {"file_ids": [file]},
            "destination": {"schema": "s", "table": "t", "remote_host_id": DB, "credential_id": CREDENTIAL},
            "first_row_is_header": true,
            "compression": compression,
            "execution": execution,
        })
    };
    let api = civis::ApiClient::from(client.clone());
    for (execution, compression, error) in [
        ("sometime", "none", "unknown execution \"sometime\""),
        (
            "delayed",
            "gzip",
            "is not compressed, but the import's compression is \"gzip\"",
        ),
    ] {
        let job = api
            .call("imports", "post_files_csv", body(execution, compression))
            .unwrap()
            .json()["id"]
            .as_i64()
            .unwrap();
        let failure = client.run_job(job).unwrap().wait().unwrap_err();
        assert!(failure.to_string().contains(error), "{failure}");
    }
    assert_eq!(mock.table_rows(DB, "s.t"), None);
}

#[test]
fn a_typed_read_right_after_an_import_is_typed_and_without_the_scan_it_is_inferred() {
    record_logs();
    let (_mock, client) = setup();
    #[derive(serde::Deserialize)]
    struct Score {
        id: i64,
        score: f64,
    }
    let read = |table: &str| -> Vec<(i64, f64)> {
        client
            .sql(format!("select * from {table}"), DB)
            .rows_as::<Score>()
            .unwrap()
            .map(|s| s.map(|s| (s.id, s.score)).unwrap())
            .collect()
    };
    let path = write_csv("typed.csv", "id,score\n1,2.5\n2,3.5\n");
    client
        .import_csv(&path, DB, "crm.typed_now")
        .send()
        .unwrap()
        .wait()
        .unwrap();
    assert_eq!(read("crm.typed_now"), [(1, 2.5), (2, 3.5)]);
    let inferred = |table: &str| {
        logged(
            log::Level::Warn,
            &format!("the column types of {table} are inferred"),
        )
    };
    assert!(inferred("crm.typed_now").is_empty());

    client
        .import_csv(&path, DB, "crm.typed_later")
        .scan(false)
        .send()
        .unwrap()
        .wait()
        .unwrap();
    assert_eq!(read("crm.typed_later"), [(1, 2.5), (2, 3.5)]);
    assert_eq!(inferred("crm.typed_later").len(), 1);
}

#[test]
fn a_scan_that_fails_after_an_import_is_a_warning_and_the_import_still_succeeds() {
    record_logs();
    let (mock, client) = setup();
    mock.script(
        "POST",
        "/tables/scan",
        [Scripted::json(
            500,
            r#"{"error": "internal", "errorDescription": "the scanner is down", "code": 500}"#,
        )],
    );
    let path = write_csv("scan_fails.csv", "id\n1\n");
    let finished = client
        .import_csv(&path, DB, "crm.scan_fails")
        .send()
        .unwrap()
        .wait()
        .unwrap();
    assert_eq!(finished.state, civis::runs::RunState::Succeeded);
    let warnings = logged(
        log::Level::Warn,
        "the import into crm.scan_fails succeeded, but its scan failed",
    );
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("the scanner is down"), "{warnings:?}");
}
