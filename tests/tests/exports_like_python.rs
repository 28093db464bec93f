//! Exports and reads that behave like civis-python 2.10.1's `read_civis`, `read_civis_sql`,
//! `civis_to_csv`, `civis_to_multifile_csv`, `export_to_civis_file` and `query_civis`, against
//! the mock over real HTTP: each test writes out the `POST /scripts/sql` body civis-python sends
//! for the same call (from its `civis/io/_tables.py`: `_sql_script` and the `csv_settings` each
//! function builds) and compares ours with it, then checks what came back.

use civis::sql::Compression;
use civis::{Client, Error};
use civis_mock::{MockRows, MockServer};
use serde_json::{json, Map, Value};

const DB: i64 = 32;
const CREDENTIAL: i64 = 4321;

fn setup() -> (MockServer, Client) {
    let mock = MockServer::scripted().expect("a free loopback port");
    mock.database(DB, "redshift-general");
    mock.default_database_credential(CREDENTIAL);
    let client = Client::builder()
        .api_key("exports-test-key")
        .base_url(mock.url())
        .clock(civis_tests::FakeClock::default())
        .build()
        .unwrap();
    (mock, client)
}

fn scripts(mock: &MockServer) -> Vec<Value> {
    civis_tests::posts(mock, "/scripts/sql")
}

fn last_script(mock: &MockServer) -> Value {
    scripts(mock).pop().expect("a POST /scripts/sql")
}

fn records(rows: civis::sql::Rows) -> Vec<Vec<String>> {
    rows.map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// The `csv_settings` fields this client sends where civis-python sends fewer, at the values
/// the spec gives as the API's defaults (`ScriptCsvSettingsParamsCreateRequest`), so that
/// leaving them out and sending them export the same.
fn api_defaults() -> Map<String, Value> {
    let defaults = json!({
        "include_header": true,
        "column_delimiter": "comma",
        "unquoted": false,
        "filename_prefix": null,
        "force_multifile": false,
        "compression": "gzip",
    });
    defaults.as_object().unwrap().clone()
}

/// `ours` equals civis-python's body, but for `csv_settings` fields civis-python leaves out,
/// which must be at the API's defaults.
fn assert_same_as_python(ours: &Value, python: &Value) {
    let mut ours = ours.clone();
    let mut python = python.clone();
    let our_settings = ours["csv_settings"].take();
    let python_settings = python["csv_settings"].take();
    assert_eq!(ours, python, "the body but csv_settings");
    let defaults = api_defaults();
    for (key, value) in our_settings.as_object().unwrap() {
        match python_settings.get(key) {
            Some(theirs) => assert_eq!(value, theirs, "csv_settings.{key}"),
            None => assert_eq!(
                Some(value),
                defaults.get(key),
                "csv_settings.{key}, which civis-python leaves to the API's default"
            ),
        }
    }
    for key in python_settings.as_object().unwrap().keys() {
        assert!(
            our_settings.get(key).is_some(),
            "csv_settings.{key} is not sent"
        );
    }
}

fn people() -> MockRows {
    MockRows::new(["id", "name"])
        .row([Some("1"), Some("Ada")])
        .row([Some("2"), Some("say \"hi\", then go")])
}

#[test]
fn every_export_path_sends_the_body_civis_python_sends() {
    let (mock, client) = setup();
    let sql = "select id, name from people";
    mock.sql_returns(sql, people());
    let python = |name: &str, csv_settings: Value| {
        json!({
            "name": name,
            "remote_host_id": DB,
            "credential_id": CREDENTIAL,
            "sql": sql,
            "hidden": true,
            "csv_settings": csv_settings,
        })
    };

    // read_civis_sql(sql, 32, job_name="read"): csv_settings={"compression": "gzip"}.
    let rows = records(client.sql(sql, DB).job_name("read").rows().unwrap());
    assert_eq!(rows[1], ["1", "Ada"]);
    assert_same_as_python(
        &last_script(&mock),
        &python("read", json!({"compression": "gzip"})),
    );

    // civis_to_csv("out.csv", sql, 32, job_name="csv", delimiter="|", unquoted=True,
    //     include_header=False): its csv_settings in full, compression always gzip.
    let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("exports-like-python.csv");
    client
        .sql(sql, DB)
        .job_name("csv")
        .delimiter('|')
        .unquoted(true)
        .header(false)
        .to_csv(&out)
        .unwrap();
    assert_eq!(
        last_script(&mock),
        python(
            "csv",
            json!({"include_header": false, "compression": "gzip", "column_delimiter": "pipe",
                   "unquoted": true, "filename_prefix": null, "force_multifile": false})
        )
    );
    // Unquoted: the field with a quote and a comma is written as it is.
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "1|Ada\n2|say \"hi\", then go\n"
    );

    // civis_to_multifile_csv(sql, 32, job_name="parts", delimiter=",", max_file_size=1,
    //     prefix="p_", compression="gzip"): its csv_settings in full.
    let manifest = client
        .sql(sql, DB)
        .job_name("parts")
        .max_file_size(1)
        .filename_prefix("p_")
        .compression(Compression::Gzip)
        .unload()
        .unwrap();
    assert_eq!(
        last_script(&mock),
        python(
            "parts",
            json!({"include_header": true, "compression": "gzip", "column_delimiter": "comma",
                   "unquoted": false, "filename_prefix": "p_", "force_multifile": true,
                   "max_file_size": 1})
        )
    );
    assert!(
        manifest.entries.iter().all(|e| e.name.starts_with("p_")),
        "{manifest:?}"
    );

    // export_to_civis_file(sql, 32, job_name="file", csv_settings={"compression": "zip",
    //     "unquoted": True}).
    let output = client
        .sql(sql, DB)
        .job_name("file")
        .compression(Compression::Zip)
        .unquoted(true)
        .to_civis_file_output()
        .unwrap();
    assert_same_as_python(
        &last_script(&mock),
        &python("file", json!({"compression": "zip", "unquoted": true})),
    );
    assert!(output.output_name.ends_with(".csv.zip"), "{output:?}");

    // Any other csv_settings field passes through, over the builder's.
    client
        .sql(sql, DB)
        .csv_setting("include_header", false)
        .csv_setting("filename_prefix", "raw_")
        .to_civis_file()
        .unwrap();
    let sent = last_script(&mock);
    assert_eq!(sent["csv_settings"]["include_header"], false);
    assert_eq!(sent["csv_settings"]["filename_prefix"], "raw_");
    assert!(sent["name"]
        .as_str()
        .unwrap()
        .starts_with("civis-rs SQL export "));
}

#[test]
fn sql_parameters_reach_the_database_on_every_export_path_and_the_preview_refuses_them() {
    let (mock, client) = setup();
    let sql = "select id, name from people where region = '{{region}}' limit {{n}}";
    mock.sql_returns(
        "select id, name from people where region = 'north' limit 2",
        people(),
    );
    let with_params = || {
        client
            .sql(sql, DB)
            .param("region", "string", "north")
            .param("n", "integer", 2)
    };
    // civis-python: sql_params_arguments={"params": [{"name": "region", "type": "string"},
    //     {"name": "n", "type": "integer"}], "arguments": {"region": "north", "n": 2}},
    // passed to scripts.post_sql as its `params` and `arguments`.
    let python_params =
        json!([{"name": "region", "type": "string"}, {"name": "n", "type": "integer"}]);
    let python_arguments = json!({"region": "north", "n": 2});
    let expected = vec![
        vec!["id".to_string(), "name".into()],
        vec!["1".into(), "Ada".into()],
        vec!["2".into(), "say \"hi\", then go".into()],
    ];

    assert_eq!(records(with_params().rows().unwrap()), expected);
    let mut written = Vec::new();
    with_params().to_writer(&mut written).unwrap();
    assert_eq!(written, b"id,name\n1,Ada\n2,\"say \"\"hi\"\", then go\"\n");
    let file = with_params().to_civis_file().unwrap();
    assert!(client
        .download_file(file)
        .bytes()
        .unwrap()
        .starts_with(b"id,name\n1,Ada"));
    let manifest = with_params().unload().unwrap();
    assert_eq!(
        manifest.query,
        "select id, name from people where region = 'north' limit 2"
    );
    let typed: Vec<(i64, String)> = with_params()
        .rows_as::<(i64, String)>()
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(typed[0], (1, "Ada".to_string()));
    let sent = scripts(&mock);
    assert_eq!(sent.len(), 5);
    for body in &sent {
        assert_eq!(body["params"], python_params);
        assert_eq!(body["arguments"], python_arguments);
        assert_eq!(body["sql"], sql, "the SQL is sent with its {{{{names}}}}");
    }

    // sql_params_arguments as civis-python takes it, a default filling a missing argument.
    let rows = client
        .sql(sql, DB)
        .sql_params_arguments(json!({
            "params": [{"name": "region", "type": "string", "default": "north"},
                       {"name": "n", "type": "integer"}],
            "arguments": {"n": 2},
        }))
        .rows()
        .unwrap();
    assert_eq!(records(rows), expected);

    // The mock checks arguments as the spec says: only for parameters the script defines.
    let error = client
        .sql("select 1", DB)
        .sql_params_arguments(json!({"arguments": {"stray": 1}}))
        .rows()
        .unwrap_err();
    assert!(matches!(&error, Error::Api { status: 400, .. }), "{error}");
    assert!(error.to_string().contains("stray"), "{error}");

    // Refused before any request: another key (civis-python's ValueError), and a preview,
    // whose query (POST /queries) takes no parameters.
    mock.clear_requests();
    let error = client
        .sql(sql, DB)
        .sql_params_arguments(json!({"params": [], "argumnets": {}}))
        .rows()
        .unwrap_err();
    assert!(
        matches!(&error, Error::Usage(m) if m.contains("argumnets")),
        "{error}"
    );
    let error = with_params().preview(10).unwrap_err();
    assert!(
        matches!(&error, Error::Usage(m) if m.contains("no SQL parameters")),
        "{error}"
    );
    assert!(mock.requests().is_empty(), "{:?}", mock.requests());
}

#[test]
fn a_latin_1_export_with_accented_names_reads_back_as_utf_8() {
    let (mock, client) = setup();
    let sql = "select name, city from legacy.people";
    let names = MockRows::new(["name", "città"])
        .row([Some("José Müller"), Some("Zürich")])
        .row([Some("Ærøskøbing façade"), Some("São Tomé")]);
    mock.sql_returns(sql, names);
    mock.export_encoding("latin1").unwrap();

    // civis.io.read_civis_sql(sql, 32, encoding="latin-1")
    let rows = records(client.sql(sql, DB).encoding("latin-1").rows().unwrap());
    assert_eq!(
        rows,
        [
            ["name", "città"],
            ["José Müller", "Zürich"],
            ["Ærøskøbing façade", "São Tomé"]
        ]
    );
    // The export really is latin-1: é is the one byte 0xE9, and read as UTF-8 it fails
    // instead of giving wrong text.
    let mut raw = Vec::new();
    client.sql(sql, DB).to_writer(&mut raw).unwrap();
    assert!(raw.windows(4).any(|w| w == b"Jos\xe9"), "{raw:?}");
    assert!(std::str::from_utf8(&raw).is_err());
    let error = client
        .sql(sql, DB)
        .rows()
        .unwrap()
        .find_map(Result::err)
        .expect("latin-1 read as UTF-8 fails");
    assert!(error.to_string().contains("UTF-8"), "{error}");

    // Typed results and Civis files read it the same way.
    #[derive(serde::Deserialize)]
    struct Person {
        name: String,
        #[serde(rename = "città")]
        city: String,
    }
    let people: Vec<Person> = client
        .sql(sql, DB)
        .encoding("ISO-8859-1")
        .rows_as::<Person>()
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(people[1].name, "Ærøskøbing façade");
    assert_eq!(people[1].city, "São Tomé");
    let file = client.sql(sql, DB).to_civis_file().unwrap();
    let rows = records(
        client
            .read_csv_file(file)
            .encoding("latin_1")
            .rows()
            .unwrap(),
    );
    assert_eq!(rows[1], ["José Müller", "Zürich"]);

    // UTF-16 too, and an unknown label is refused before any request.
    mock.export_encoding("utf-16le").unwrap();
    let rows = records(client.sql(sql, DB).encoding("utf_16_le").rows().unwrap());
    assert_eq!(rows[2], ["Ærøskøbing façade", "São Tomé"]);
    mock.clear_requests();
    let error = client.sql(sql, DB).encoding("klingon").rows().unwrap_err();
    assert!(
        matches!(&error, Error::Usage(m) if m.contains("klingon")),
        "{error}"
    );
    assert!(mock.requests().is_empty());
}

#[test]
fn select_columns_sends_read_civis_columns_sql_and_reads_those_columns() {
    let (mock, client) = setup();
    mock.typed_table(
        DB,
        "crm.people",
        &[
            ("id", "BIGINT"),
            ("Full Name", "VARCHAR(64)"),
            ("age", "INTEGER"),
        ],
        MockRows::new(["id", "Full Name", "age"])
            .row([Some("1"), Some("Ada Lovelace"), Some("36")])
            .row([Some("2"), Some("Grace Hopper"), Some("85")]),
    )
    .unwrap();
    // civis.io.read_civis("crm.people", 32, columns=["id", '"Full Name"']):
    // _get_sql_select joins them with ", ".
    let rows = records(
        client
            .select_columns("crm.people", ["id", "\"Full Name\""], DB)
            .rows()
            .unwrap(),
    );
    assert_eq!(
        rows,
        [
            ["id", "Full Name"],
            ["1", "Ada Lovelace"],
            ["2", "Grace Hopper"]
        ]
    );
    assert_eq!(
        last_script(&mock)["sql"],
        "select id, \"Full Name\" from crm.people"
    );
    // Typed results take the table's types for the chosen columns.
    let typed: Vec<(i64, String)> = client
        .select_columns("crm.people", ["id", "\"Full Name\""], DB)
        .rows_as()
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(typed[1], (2, "Grace Hopper".to_string()));

    mock.clear_requests();
    for error in [
        client
            .select_columns("crm.people", Vec::<&str>::new(), DB)
            .rows()
            .unwrap_err(),
        client
            .select_columns("a.b.c", ["id"], DB)
            .rows()
            .unwrap_err(),
    ] {
        assert!(matches!(error, Error::Usage(_)), "{error}");
    }
    assert!(mock.requests().is_empty());
}

#[test]
fn max_file_size_bounds_each_part_of_a_multifile_export() {
    let (mock, client) = setup();
    let sql = "select * from big";
    let mut big = MockRows::new(["id", "payload"]);
    for i in 0..2600 {
        big.rows
            .push(vec![Some(i.to_string()), Some(format!("{i:0>1000}"))]);
    }
    mock.sql_returns(sql, big.clone());
    let manifest = client
        .sql(sql, DB)
        .compression(Compression::None)
        .max_file_size(1)
        .filename_prefix("big_")
        .unload()
        .unwrap();
    assert!(manifest.entries.len() >= 3, "{}", manifest.entries.len());
    for entry in &manifest.entries {
        assert!(entry.size <= 1024 * 1024, "{entry:?}");
        assert!(entry.name.starts_with("big_"), "{entry:?}");
    }
    let read = records(client.read_unload(&manifest).rows().unwrap());
    assert_eq!(read.len(), 2601);
    assert_eq!(read[2600][0], "2599");
}

#[test]
fn the_full_forms_give_the_run_and_the_query_as_civis_python_does() {
    let (mock, client) = setup();
    let sql = "select id, name from people";
    mock.sql_returns(sql, people());

    // export_to_civis_file(..).result(): the run, whose output[0] names the file.
    let output = client.sql(sql, DB).to_civis_file_output().unwrap();
    let first = &output.run.get("output").unwrap()[0];
    assert_eq!(first["file_id"], output.file_id);
    assert_eq!(first["output_name"], output.output_name.as_str());
    assert_eq!(first["path"], output.path.as_str());
    assert_eq!(output.run.get("state").unwrap(), "succeeded");
    assert_eq!(
        output.output_name,
        format!("export_{}.csv", output.script_id)
    );
    assert!(
        output
            .path
            .contains(&format!("/storage/files/{}", output.file_id)),
        "{}",
        output.path
    );
    assert_eq!(
        client.download_file(output.file_id).bytes().unwrap(),
        b"id,name\n1,Ada\n2,\"say \"\"hi\"\", then go\"\n"
    );

    // query_civis(sql, 32, preview_rows=1).result(): the query itself.
    let preview = client.sql(sql, DB).preview(1).unwrap();
    assert_eq!(
        preview.rows,
        [[Some("1".to_string()), Some("Ada".to_string())]]
    );
    assert_eq!(preview.query.get("id").unwrap(), preview.query_id);
    assert_eq!(preview.query.get("state").unwrap(), "succeeded");
    assert_eq!(preview.query.get("sql").unwrap(), sql);
    assert_eq!(preview.query.get("preview_rows").unwrap(), 1);
    assert_eq!(
        preview.query.get("result_columns").unwrap(),
        &json!(["id", "name"])
    );
}
