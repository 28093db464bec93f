//! The started forms of the SQL endings, imports and transfers against the mock's database
//! over real HTTP: each gives its run at once, and its result equals the blocking call's;
//! many are waited on together from one thread.

use std::collections::BTreeSet;
use std::path::PathBuf;

use civis::runs::{RunSet, Started};
use civis::sql::Compression;
use civis::Client;
use civis_mock::{MockRows, MockServer};
use civis_tests::FakeClock;

const DB: i64 = 32;
const OTHER_DB: i64 = 33;

fn setup() -> (MockServer, Client, FakeClock) {
    let mock = MockServer::scripted().expect("a free loopback port");
    mock.database(DB, "redshift-general");
    mock.database(OTHER_DB, "redshift-research");
    mock.default_database_credential(4321);
    let clock = FakeClock::default();
    let client = Client::builder()
        .api_key("started-key")
        .base_url(mock.url())
        .clock(clock.clone())
        .build()
        .unwrap();
    (mock, client, clock)
}

fn people() -> MockRows {
    let mut rows = MockRows::new(["id", "name", "note"]);
    for i in 0..500 {
        rows.rows.push(vec![
            Some(i.to_string()),
            Some(format!("person {i}, \"quoted\"")),
            (i % 3 != 0).then(|| format!("line\n{i}")),
        ]);
    }
    rows
}

const SQL: &str = "select * from people";

fn records(rows: civis::sql::Rows) -> Vec<Vec<String>> {
    rows.map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn download(client: &Client, file_id: i64) -> Vec<u8> {
    let mut bytes = Vec::new();
    client.download_file(file_id).to_writer(&mut bytes).unwrap();
    bytes
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("civis-started-test");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// The requests made so far, as `VERB path`.
fn sent(mock: &MockServer) -> Vec<String> {
    mock.requests()
        .iter()
        .map(|r| format!("{} {}", r.method, r.url))
        .collect()
}

#[test]
fn a_started_export_gives_its_run_before_any_poll() {
    let (mock, client, _clock) = setup();
    mock.sql_returns(SQL, people());
    let started = client.sql(SQL, DB).start_rows().unwrap();
    let run = started.run().clone();
    let polls = sent(&mock)
        .iter()
        .filter(|r| r.starts_with("GET /jobs/"))
        .count();
    assert_eq!(polls, 0, "started, not waited on: {:?}", sent(&mock));
    assert!(sent(&mock).contains(&format!("POST /scripts/sql/{}/runs", run.job_id())));
    assert_eq!(records(started.wait().unwrap()).len(), 501);
}

#[test]
fn every_started_sql_form_returns_what_the_blocking_one_returns() {
    let (mock, client, _clock) = setup();
    let data = people();
    mock.sql_returns(SQL, data.clone());

    let blocking = records(client.sql(SQL, DB).rows().unwrap());
    let started = records(client.sql(SQL, DB).start_rows().unwrap().wait().unwrap());
    assert_eq!(started, blocking);
    assert_eq!(blocking.len(), data.rows.len() + 1);

    for compression in [Compression::None, Compression::Gzip, Compression::Zip] {
        // The same file name, as a zip archive names its entry after it.
        let (a, b) = (scratch("blocking/out.csv"), scratch("started/out.csv"));
        for path in [&a, &b] {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        }
        let size = client
            .sql(SQL, DB)
            .compression(compression)
            .to_csv(&a)
            .unwrap();
        let started_size = client
            .sql(SQL, DB)
            .compression(compression)
            .start_to_csv(&b)
            .unwrap()
            .wait()
            .unwrap();
        assert_eq!(started_size, size, "{compression:?}");
        if compression != Compression::Zip {
            // A zip archive holds its entry's time; the CSV inside is what is compared here.
            assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
        }
    }

    let blocking_file = client.sql(SQL, DB).to_civis_file().unwrap();
    let started_file = client
        .sql(SQL, DB)
        .start_to_civis_file()
        .unwrap()
        .wait()
        .unwrap();
    assert_ne!(blocking_file, started_file, "two exports, two files");
    assert_eq!(
        download(&client, blocking_file),
        download(&client, started_file)
    );

    let blocking = client.sql(SQL, DB).delimiter('|').unload().unwrap();
    let started = client
        .sql(SQL, DB)
        .delimiter('|')
        .start_unload()
        .unwrap()
        .wait()
        .unwrap();
    assert_eq!(started.header, blocking.header);
    assert_eq!(started.delimiter, blocking.delimiter);
    let parts = |manifest: &civis::sql::UnloadManifest| -> Vec<Vec<u8>> {
        manifest
            .entries
            .iter()
            .map(|e| download(&client, e.id))
            .collect()
    };
    assert_eq!(parts(&started), parts(&blocking));

    let blocking = client.sql(SQL, DB).preview(10).unwrap();
    let started = client
        .sql(SQL, DB)
        .start_preview(10)
        .unwrap()
        .wait()
        .unwrap();
    assert_eq!(
        (started.columns, started.rows),
        (blocking.columns, blocking.rows)
    );
}

#[test]
fn wait_all_over_started_exports_waits_on_one_schedule_and_returns_each_result() {
    let (mock, client, clock) = setup();
    let queries: Vec<String> = (0..4).map(|n| format!("select * from part_{n}")).collect();
    for (n, sql) in queries.iter().enumerate() {
        let rows = MockRows::new(["n"]).row([Some(n.to_string().as_str())]);
        mock.sql_returns(sql, rows);
    }
    let started: Vec<Started<i64>> = queries
        .iter()
        .map(|sql| client.sql(sql.as_str(), DB).start_to_civis_file().unwrap())
        .collect();
    let files: Vec<i64> = Started::wait_all(started)
        .into_iter()
        .map(Result::unwrap)
        .collect();
    for (n, file) in files.iter().enumerate() {
        assert_eq!(download(&client, *file), format!("n\n{n}\n").into_bytes());
    }
    // One schedule for the four runs: the pauses are those of one wait, not four.
    let one_wait = {
        let (mock, client, clock) = setup();
        mock.sql_returns("select 1", MockRows::new(["n"]).row([Some("1")]));
        client.sql("select 1", DB).to_civis_file().unwrap();
        drop(mock);
        clock.sleeps().len()
    };
    assert_eq!(clock.sleeps().len(), one_wait, "{:?}", clock.sleeps());
}

#[test]
fn started_imports_and_transfers_waited_together_load_what_blocking_ones_load() {
    let (mock, client, _clock) = setup();
    let texts = ["id,v\n1,a\n2,b\n", "id,v\n3,c\n", "id,v\n4,\"d, e\"\n5,f\n"];
    // Blocking: one import after another.
    for (n, text) in texts.iter().enumerate() {
        let path = scratch(&format!("blocking-{n}.csv"));
        std::fs::write(&path, text).unwrap();
        client
            .import_csv(&path, DB, &format!("s.blocking_{n}"))
            .send()
            .unwrap()
            .wait()
            .unwrap();
    }
    // Started: every import's run at once, then all waited on together.
    let runs: Vec<_> = texts
        .iter()
        .enumerate()
        .map(|(n, text)| {
            let path = scratch(&format!("started-{n}.csv"));
            std::fs::write(&path, text).unwrap();
            client
                .import_csv(&path, DB, &format!("s.started_{n}"))
                .send()
                .unwrap()
        })
        .collect();
    assert!(RunSet::new(runs)
        .wait_all()
        .iter()
        .all(|done| done.outcome.is_ok()));
    for n in 0..texts.len() {
        assert_eq!(
            mock.table_rows(DB, &format!("s.started_{n}")),
            mock.table_rows(DB, &format!("s.blocking_{n}")),
        );
        assert!(mock.table_rows(DB, &format!("s.started_{n}")).is_some());
    }

    // Transfers: the blocking copy of one table and the started copies of all three.
    client
        .transfer_table(DB, OTHER_DB, "s.blocking_0", "copy.blocking_0")
        .send()
        .unwrap()
        .wait()
        .unwrap();
    let transfers: Vec<_> = (0..texts.len())
        .map(|n| {
            client
                .transfer_table(
                    DB,
                    OTHER_DB,
                    &format!("s.started_{n}"),
                    &format!("copy.started_{n}"),
                )
                .send()
                .unwrap()
        })
        .collect();
    let jobs: BTreeSet<i64> = transfers.iter().map(|run| run.job_id()).collect();
    assert_eq!(jobs.len(), 3);
    assert!(RunSet::new(transfers)
        .wait_all()
        .iter()
        .all(|done| done.outcome.is_ok()));
    assert_eq!(
        mock.table_rows(OTHER_DB, "copy.started_0"),
        mock.table_rows(OTHER_DB, "copy.blocking_0")
    );
    for n in 0..texts.len() {
        assert_eq!(
            mock.table_rows(OTHER_DB, &format!("copy.started_{n}")),
            mock.table_rows(DB, &format!("s.started_{n}"))
        );
    }
}
