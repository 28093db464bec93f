//! SQL results out and CSV files in, against the mock's small database over real HTTP: exports
//! streamed as records and written locally in every format, queries' preview rows, multifile
//! manifests, imports and their existing-rows modes, transfers, and failures.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use civis::{sql::Compression, tables::ExistingRows, tables::TableColumn, Client, Error};
use civis_mock::{MockRows, MockServer, ReceivedRequest};
use civis_tests::{posts, strings, table_records, FakeClock};
use serde_json::{json, Value};

const DB: i64 = 32;
const DB_NAME: &str = "redshift-general";
const OTHER_DB: i64 = 33;
const CREDENTIAL: i64 = 4321;

fn setup() -> (MockServer, Client, FakeClock) {
    let mock = MockServer::scripted().expect("a free loopback port");
    mock.database(DB, DB_NAME);
    mock.database(OTHER_DB, "redshift-research");
    mock.default_database_credential(CREDENTIAL);
    let clock = FakeClock::default();
    let client = Client::builder()
        .api_key("sql-test-key")
        .base_url(mock.url())
        .clock(clock.clone())
        .build()
        .unwrap();
    (mock, client, clock)
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("civis-sql-test");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// Values a CSV writer and reader must agree on: quotes, every delimiter, newlines (LF and
/// CRLF), empty and NULL, spaces at the ends, unicode.
fn tricky() -> MockRows {
    let mut rows = MockRows::new(["id", "text, with \"quotes\"", "note|tab\tcol"])
        .row([Some("1"), Some("plain"), Some("ascii")])
        .row([Some("2"), Some("a, b, c"), Some("pipe | and\ttab")])
        .row([Some("3"), Some("say \"hi\""), Some("\"\"")])
        .row([Some("4"), Some("line one\nline two"), Some("crlf\r\nend")])
        .row([Some("5"), Some(""), None])
        .row([Some("6"), None, Some("  padded  ")])
        .row([Some("7"), Some("日本語 — ünïcødé 🦀"), Some("Ελληνικά")]);
    // Past one gzip member of the mock's exports, so every member must be read.
    for i in 8..2600 {
        rows.rows.push(vec![
            Some(i.to_string()),
            Some(format!("row {i}, \"{}\"", i * 7)),
            (i % 5 != 0).then(|| format!("v{i}\n")),
        ]);
    }
    rows
}

/// The records a CSV export of `rows` holds: the header when asked, NULL as "".
fn expected(rows: &MockRows, header: bool) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    if header {
        records.push(rows.columns.clone());
    }
    for row in &rows.rows {
        records.push(row.iter().map(|v| v.clone().unwrap_or_default()).collect());
    }
    records
}

fn parse_csv(bytes: &[u8], delimiter: u8) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delimiter)
        .from_reader(bytes)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut plain = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .read_to_end(&mut plain)
        .unwrap();
    plain
}

fn urls(mock: &MockServer) -> Vec<String> {
    mock.requests()
        .iter()
        .map(|r: &ReceivedRequest| format!("{} {}", r.method, r.url))
        .collect()
}

#[test]
fn rows_equal_the_registered_ones_for_tricky_csv_with_every_delimiter() {
    let (mock, client, _clock) = setup();
    let data = tricky();
    mock.sql_returns("select * from tricky", data.clone());
    for delimiter in [',', '\t', '|'] {
        mock.clear_requests();
        let records: Vec<Vec<String>> = client
            .sql("select * from tricky", DB_NAME)
            .delimiter(delimiter)
            .rows()
            .unwrap()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect();
        assert_eq!(records.len(), data.rows.len() + 1, "{delimiter:?}");
        assert_eq!(records, expected(&data, true), "{delimiter:?}");

        // The export asked for gzip (the download is smallest so) with this delimiter, as
        // the default credential, and was waited on as a job's run.
        let script = &posts(&mock, "/scripts/sql")[0];
        assert_eq!(script["sql"], "select * from tricky");
        assert_eq!(script["remote_host_id"], DB);
        assert_eq!(script["credential_id"], CREDENTIAL);
        assert_eq!(script["hidden"], true);
        let name = match delimiter {
            ',' => "comma",
            '\t' => "tab",
            _ => "pipe",
        };
        assert_eq!(
            script["csv_settings"],
            json!({"include_header": true, "compression": "gzip", "column_delimiter": name,
                   "unquoted": false, "filename_prefix": null, "force_multifile": false})
        );
        assert!(urls(&mock)
            .iter()
            .any(|u| u.starts_with("GET /jobs/") && u.contains("/runs/")));
    }
}

#[test]
fn rows_without_header_start_with_the_first_row_and_report_their_file() {
    let (mock, client, _clock) = setup();
    let data = tricky();
    mock.sql_returns("SELECT *\n  FROM tricky;", data.clone());
    // Matched ignoring case, white space and the trailing semicolon.
    let rows = client
        .sql("select * from tricky", DB)
        .header(false)
        .credential(77)
        .rows()
        .unwrap();
    let file_id = rows.file_id();
    let records: Vec<Vec<String>> = rows
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    assert_eq!(records, expected(&data, false));
    assert!(mock.stored_file(file_id).is_some());
    let script = &posts(&mock, "/scripts/sql")[0];
    assert_eq!(script["credential_id"], 77);
    assert_eq!(script["csv_settings"]["include_header"], false);
}

#[test]
fn to_csv_writes_every_delimiter_header_and_compression() {
    let (mock, client, _clock) = setup();
    let data = tricky();
    mock.sql_returns("select * from tricky", data.clone());
    for delimiter in [',', '\t', '|'] {
        for header in [true, false] {
            for compression in [Compression::None, Compression::Gzip, Compression::Zip] {
                let case = format!("{delimiter:?} header={header} {compression:?}");
                let path = scratch(&format!(
                    "out-{}-{header}-{}.csv",
                    delimiter as u32,
                    compression.as_api()
                ));
                let written = client
                    .sql("select * from tricky", DB_NAME)
                    .delimiter(delimiter)
                    .header(header)
                    .compression(compression)
                    .to_csv(&path)
                    .unwrap();
                let bytes = std::fs::read(&path).unwrap();
                assert_eq!(written, bytes.len() as u64, "{case}");
                let plain = match compression {
                    Compression::None => bytes,
                    Compression::Gzip => {
                        // gzip whether or not the header is on (civis-python writes plain CSV
                        // without a header).
                        assert_eq!(&bytes[..2], &[0x1f, 0x8b], "{case}");
                        gunzip(&bytes)
                    }
                    Compression::Zip => {
                        let mut archive = zip::ZipArchive::new(File::open(&path).unwrap()).unwrap();
                        assert_eq!(archive.len(), 1, "{case}");
                        let mut entry = archive.by_index(0).unwrap();
                        assert_eq!(entry.name(), path.file_name().unwrap().to_str().unwrap());
                        let mut plain = Vec::new();
                        entry.read_to_end(&mut plain).unwrap();
                        plain
                    }
                };
                assert_eq!(
                    parse_csv(&plain, delimiter as u8),
                    expected(&data, header),
                    "{case}"
                );
            }
        }
    }
}

#[test]
fn to_writer_writes_what_to_csv_writes() {
    let (mock, client, _clock) = setup();
    mock.sql_returns("select * from tricky", tricky());
    let path = scratch("writer.csv");
    client
        .sql("select * from tricky", DB)
        .to_csv(&path)
        .unwrap();
    let mut buffer = Vec::new();
    let written = client
        .sql("select * from tricky", DB)
        .to_writer(&mut buffer)
        .unwrap();
    assert_eq!(written, buffer.len() as u64);
    assert_eq!(buffer, std::fs::read(&path).unwrap());
}

#[test]
fn to_csv_of_a_failed_export_leaves_no_file() {
    let (mock, client, _clock) = setup();
    mock.sql_fails("select boom", "division by zero");
    let path = scratch("never.csv");
    let _ = std::fs::remove_file(&path);
    let error = client.sql("select boom", DB).to_csv(&path).unwrap_err();
    assert!(matches!(error, Error::JobFailed { .. }), "{error}");
    assert!(!path.exists());
}

#[test]
fn preview_returns_the_columns_and_first_rows_of_a_query() {
    let (mock, client, _clock) = setup();
    let rows = MockRows::new(["id", "name"])
        .row([Some("1"), Some("Ada")])
        .row([Some("2"), None])
        .row([Some("3"), Some("Grace, \"amazing\"")])
        .row([Some("4"), Some("Edsger")]);
    mock.sql_returns("select id, name from people", rows);
    let result = client
        .sql("select id, name from people", DB_NAME)
        .hidden(false)
        .preview(3)
        .unwrap();
    assert_eq!(result.columns, ["id", "name"]);
    assert_eq!(
        result.rows,
        vec![
            vec![Some("1".to_string()), Some("Ada".to_string())],
            vec![Some("2".to_string()), None],
            vec![
                Some("3".to_string()),
                Some("Grace, \"amazing\"".to_string())
            ],
        ]
    );
    let query = &posts(&mock, "/queries")[0];
    assert_eq!(
        query,
        &json!({"database": DB, "sql": "select id, name from people", "preview_rows": 3, "credential": CREDENTIAL, "hidden": false})
    );
    // The query's run was waited on as a job's run, then the query read.
    let seen = urls(&mock);
    let run = format!("GET /jobs/{}/runs/{}", result.query_id, result.run_id);
    let waited = seen.iter().rposition(|u| *u == run).unwrap();
    let read = seen
        .iter()
        .rposition(|u| *u == format!("GET /queries/{}", result.query_id))
        .unwrap();
    assert!(waited < read, "{seen:?}");
}

#[test]
fn preview_of_more_than_1000_rows_is_refused_before_any_request() {
    let (mock, client, _clock) = setup();
    let error = client.sql("select 1", DB).preview(1001).unwrap_err();
    assert!(matches!(error, Error::Usage(_)), "{error}");
    assert!(mock.requests().is_empty());
}

#[test]
fn a_failed_query_or_export_is_reported_with_the_runs_error() {
    let (mock, client, _clock) = setup();
    mock.sql_fails("selec 1", "syntax error at or near \"selec\"");
    for error in [
        client.sql("selec 1", DB).preview(10).unwrap_err(),
        client.sql("selec 1", DB).rows().unwrap_err(),
    ] {
        let Error::JobFailed {
            message,
            job_id,
            run_id,
            ..
        } = &error
        else {
            panic!("{error}");
        };
        assert_eq!(message, "syntax error at or near \"selec\"");
        assert_eq!(
            error.to_string(),
            format!("(From job {job_id} / run {run_id}) syntax error at or near \"selec\"")
        );
    }
    // SQL the database does not know fails the same way, with a message that says so.
    let error = client
        .sql("select * from nowhere.at_all", DB)
        .rows()
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("relation \"nowhere.at_all\" does not exist"),
        "{error}"
    );
}

#[test]
fn an_unknown_database_name_is_not_found_and_a_bad_delimiter_a_usage_error() {
    let (mock, client, _clock) = setup();
    let error = client.sql("select 1", "no-such-db").rows().unwrap_err();
    assert!(matches!(error, Error::NotFound(_)), "{error}");
    let error = client
        .sql("select 1", DB)
        .delimiter(';')
        .rows()
        .unwrap_err();
    assert!(matches!(error, Error::Usage(_)), "{error}");
    assert!(posts(&mock, "/scripts/sql").is_empty());
}

#[test]
fn unload_returns_the_manifest_whose_files_hold_every_row() {
    let (mock, client, _clock) = setup();
    let data = tricky();
    mock.sql_returns("select * from tricky", data.clone());
    let manifest = client
        .sql("select * from tricky", DB)
        .delimiter('|')
        .compression(Compression::Gzip)
        .unload()
        .unwrap();
    assert_eq!(manifest.query, "select * from tricky");
    assert_eq!(manifest.header, data.columns);
    assert_eq!(manifest.compression, "gzip");
    assert_eq!(manifest.delimiter, "pipe");
    assert!(manifest.entries.len() > 1, "{manifest:?}");
    let mut records = Vec::new();
    for entry in &manifest.entries {
        let mut bytes = Vec::new();
        let size = client
            .download_file(entry.id)
            .to_writer(&mut bytes)
            .unwrap();
        assert_eq!(size, entry.size);
        assert!(
            entry.url_signed.starts_with("http://127.0.0.1:"),
            "{entry:?}"
        );
        records.extend(parse_csv(&gunzip(&bytes), b'|'));
    }
    assert_eq!(records, expected(&data, false));
    let script = &posts(&mock, "/scripts/sql")[0];
    assert_eq!(script["csv_settings"]["force_multifile"], true);
    assert_eq!(script["csv_settings"]["compression"], "gzip");
}

#[test]
fn to_civis_file_leaves_the_export_in_civis_with_its_compression() {
    let (mock, client, _clock) = setup();
    let data = MockRows::new(["a"]).row([Some("x")]).row([None]);
    mock.sql_returns("select a from t", data.clone());
    let plain = client.sql("select a from t", DB).to_civis_file().unwrap();
    let mut bytes = Vec::new();
    client.download_file(plain).to_writer(&mut bytes).unwrap();
    assert_eq!(parse_csv(&bytes, b','), expected(&data, true));

    let gzipped = client
        .sql("select a from t", DB)
        .compression(Compression::Gzip)
        .to_civis_file()
        .unwrap();
    let mut bytes = Vec::new();
    client.download_file(gzipped).to_writer(&mut bytes).unwrap();
    assert_eq!(parse_csv(&gunzip(&bytes), b','), expected(&data, true));
}

fn write_csv(name: &str, text: &str) -> PathBuf {
    let path = scratch(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn import_csv_then_read_table_gives_the_rows_back() {
    let (mock, client, _clock) = setup();
    let text = "id,name,score\n1,\"Lovelace, Ada\",9.5\n2,\"multi\nline\",7\n3,日本語,\n";
    let path = write_csv("people.csv", text);
    let run = client
        .import_csv(&path, DB_NAME, "crm.people")
        .send()
        .unwrap();
    run.wait().unwrap();
    assert_eq!(
        table_records(&client, "crm.people", DB),
        parse_csv(text.as_bytes(), b',')
    );

    // civis-python's sequence: upload, does the table exist, preprocess (with type detection
    // for a new table) and its run, the cleaned file's detected info, then the import.
    let seen = urls(&mock);
    let position = |prefix: &str| {
        seen.iter()
            .position(|u| u.starts_with(prefix))
            .unwrap_or_else(|| panic!("no {prefix} in {seen:?}"))
    };
    let order = [
        position("POST /files"),
        position("GET /databases/32/schemas/crm/tables/people"),
        position("POST /files/preprocess/csv"),
        position("POST /imports/files/csv"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{seen:?}");
    let preprocess = &posts(&mock, "/files/preprocess/csv")[0];
    assert_eq!(preprocess["detect_table_columns"], true);
    assert_eq!(preprocess["in_place"], false);
    assert_eq!(preprocess["column_delimiter"], "comma");
    let import = &posts(&mock, "/imports/files/csv")[0];
    assert_eq!(import["existing_table_rows"], "fail");
    assert_eq!(import["first_row_is_header"], true);
    assert_eq!(import["destination"]["schema"], "crm");
    assert_eq!(import["destination"]["table"], "people");
    assert_eq!(import["destination"]["remote_host_id"], DB);
    assert_eq!(import["destination"]["credential_id"], CREDENTIAL);
    assert_eq!(
        import["table_columns"],
        json!([
            {"name": "id", "sql_type": "BIGINT"},
            {"name": "name", "sql_type": "VARCHAR(256)"},
            {"name": "score", "sql_type": "DOUBLE PRECISION"}
        ])
    );
    // civis-python's civis_file_to_table sends loosen_types=need_table_columns: true for one
    // file into a new table, whose types were detected.
    assert_eq!(import["loosen_types"], true);
    assert_eq!(run.job_id(), import_job_id(&mock));
}

/// The id the mock gave the last import job.
fn import_job_id(mock: &MockServer) -> i64 {
    let request = mock
        .requests()
        .into_iter()
        .rfind(|r| r.method == "POST" && r.url.starts_with("/jobs/"))
        .unwrap();
    request.url.split('/').nth(2).unwrap().parse().unwrap()
}

#[test]
fn existing_rows_modes_fail_append_truncate_drop_and_upsert() {
    let (mock, client, _clock) = setup();
    let first = write_csv("modes-1.csv", "id,name\n1,a\n2,b\n");
    let second = write_csv("modes-2.csv", "id,name\n2,B\n3,c\n");
    let table = "modes.t";
    let import = |path: &Path, mode: ExistingRows| {
        client
            .import_csv(path, DB, table)
            .existing_rows(mode)
            .primary_keys(["id"])
            .send()
            .unwrap()
            .wait()
    };
    import(&first, ExistingRows::Fail).unwrap();

    let error = import(&second, ExistingRows::Fail).unwrap_err();
    assert!(
        matches!(&error, Error::JobFailed { message, .. } if message.contains("already exists")),
        "{error}"
    );
    assert_eq!(
        table_records(&client, table, DB)[1..],
        strings(&[&["1", "a"], &["2", "b"]])
    );

    import(&second, ExistingRows::Append).unwrap();
    assert_eq!(
        table_records(&client, table, DB)[1..],
        strings(&[&["1", "a"], &["2", "b"], &["2", "B"], &["3", "c"]])
    );

    import(&first, ExistingRows::Truncate).unwrap();
    assert_eq!(
        table_records(&client, table, DB)[1..],
        strings(&[&["1", "a"], &["2", "b"]])
    );

    import(&second, ExistingRows::Upsert).unwrap();
    assert_eq!(
        table_records(&client, table, DB)[1..],
        strings(&[&["1", "a"], &["2", "B"], &["3", "c"]])
    );
    let upsert = posts(&mock, "/imports/files/csv").pop().unwrap();
    assert_eq!(upsert["destination"]["primary_keys"], json!(["id"]));
    // An existing table's columns are not detected again.
    assert_eq!(upsert["table_columns"], Value::Null);

    let wider = write_csv("modes-3.csv", "code,label,extra\nx,y,z\n");
    import(&wider, ExistingRows::Drop).unwrap();
    assert_eq!(
        table_records(&client, table, DB),
        strings(&[&["code", "label", "extra"], &["x", "y", "z"]])
    );
    let dropped = posts(&mock, "/imports/files/csv").pop().unwrap();
    assert_eq!(dropped["table_columns"][2]["name"], "extra");
}

#[test]
fn upsert_without_primary_keys_is_a_usage_error_before_any_upload() {
    let (mock, client, _clock) = setup();
    let path = write_csv("upsert.csv", "id\n1\n");
    let error = client
        .import_csv(&path, DB, "s.t")
        .existing_rows(ExistingRows::Upsert)
        .send()
        .unwrap_err();
    assert!(matches!(error, Error::Usage(_)), "{error}");
    let error = client
        .import_csv(&path, DB, "no_schema")
        .send()
        .unwrap_err();
    assert!(matches!(error, Error::Usage(_)), "{error}");
    assert!(mock.requests().is_empty());
}

#[test]
fn import_files_loads_several_civis_files_with_given_columns_and_options() {
    let (mock, client, _clock) = setup();
    let a = client
        .upload_reader(&b"1|x\n2|y\n"[..], "a.csv")
        .send()
        .unwrap();
    let b = client.upload_reader(&b"3|z\n"[..], "b.csv").send().unwrap();
    client
        .import_files(&[a, b], DB, "\"my schema\".\"odd.name\"")
        .header(false)
        .delimiter('|')
        .table_columns([
            TableColumn::new("n", "INTEGER"),
            TableColumn::new("s", "VARCHAR(10)"),
        ])
        .distkey("n")
        .sortkeys(["n", "s"])
        .diststyle("key")
        .send()
        .unwrap()
        .wait()
        .unwrap();
    assert_eq!(
        table_records(&client, "\"my schema\".\"odd.name\"", DB),
        strings(&[&["n", "s"], &["1", "x"], &["2", "y"], &["3", "z"]])
    );
    let import = posts(&mock, "/imports/files/csv").pop().unwrap();
    // Columns given: nothing detected, nothing loosened (civis-python's need_table_columns).
    assert_eq!(import["loosen_types"], false);
    assert_eq!(import["first_row_is_header"], false);
    assert_eq!(import["column_delimiter"], "pipe");
    assert_eq!(import["source"]["file_ids"].as_array().unwrap().len(), 2);
    assert_eq!(import["destination"]["schema"], "my schema");
    assert_eq!(import["destination"]["table"], "odd.name");
    assert_eq!(
        import["redshift_destination_options"],
        json!({"distkey": "n", "sortkeys": ["n", "s"], "diststyle": "key"})
    );
    // Given columns: the preprocess jobs were not asked to detect any.
    assert!(posts(&mock, "/files/preprocess/csv")
        .iter()
        .all(|p| p["detect_table_columns"] == false));
}

#[test]
fn transfer_table_copies_a_table_between_databases() {
    let (mock, client, _clock) = setup();
    let rows = MockRows::new(["id", "city"])
        .row([Some("1"), Some("Zürich")])
        .row([Some("2"), None]);
    mock.table(DB, "public.cities", rows.clone());
    let run = client
        .transfer_table(DB_NAME, OTHER_DB, "public.cities", "scratch.cities")
        .send()
        .unwrap();
    run.wait().unwrap();
    assert_eq!(
        mock.table_rows(OTHER_DB, "scratch.cities"),
        Some(rows.clone())
    );
    let import = &posts(&mock, "/imports")[0];
    assert_eq!(import["sync_type"], "Dbsync");
    assert_eq!(import["is_outbound"], true);
    assert_eq!(
        import["source"],
        json!({"remote_host_id": DB, "credential_id": CREDENTIAL})
    );
    assert_eq!(
        import["destination"],
        json!({"remote_host_id": OTHER_DB, "credential_id": CREDENTIAL})
    );
    let sync = &posts(&mock, &format!("/imports/{}/syncs", run.job_id()))[0];
    assert_eq!(sync["source"], json!({"path": "public.cities"}));
    assert_eq!(sync["destination"], json!({"path": "scratch.cities"}));

    // Again: the table exists, so the default fails; appending doubles it.
    let error = client
        .transfer_table(DB, OTHER_DB, "public.cities", "scratch.cities")
        .send()
        .unwrap()
        .wait()
        .unwrap_err();
    assert!(matches!(error, Error::JobFailed { .. }), "{error}");
    client
        .transfer_table(DB, OTHER_DB, "public.cities", "scratch.cities")
        .existing_rows(ExistingRows::Append)
        .send()
        .unwrap()
        .wait()
        .unwrap();
    assert_eq!(
        mock.table_rows(OTHER_DB, "scratch.cities")
            .unwrap()
            .rows
            .len(),
        4
    );
}

#[test]
fn read_table_refuses_a_name_that_does_not_parse() {
    let (mock, client, _clock) = setup();
    let error = client.read_table("a.b.c", DB).unwrap_err();
    assert!(matches!(error, Error::Usage(_)), "{error}");
    assert!(mock.requests().is_empty());
}

#[test]
fn a_truncated_gzip_export_fails_to_csv_gzip_and_leaves_no_file() {
    let (mock, client, _clock) = setup();
    mock.sql_returns("select * from tricky", tricky());
    // The export the API points at is a gzip stream cut short.
    let mut csv = String::new();
    for i in 0..20_000 {
        csv.push_str(&format!("{i},row {i}\n"));
    }
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gzip, csv.as_bytes()).unwrap();
    let whole = gzip.finish().unwrap();
    let cut = client
        .upload_bytes(whole[..whole.len() * 3 / 5].to_vec(), "export.csv.gz")
        .send()
        .unwrap();
    let run = json!({"id": 9, "state": "succeeded",
                     "output": [{"outputName": "export.csv.gz", "fileId": cut, "path": ""}]});
    mock.script(
        "GET",
        "/scripts/sql/{id}/runs/{run_id}",
        [civis_mock::Scripted::json(200, run.to_string())],
    );
    let path = scratch("truncated.csv.gz");
    let _ = std::fs::remove_file(&path);
    let error = client
        .sql("select * from tricky", DB)
        .compression(Compression::Gzip)
        .to_csv(&path)
        .unwrap_err();
    assert!(!path.exists(), "{error}");
    assert!(
        error.to_string().contains(&format!("file {cut}")),
        "the error names the export: {error}"
    );
}
