//! Bounded input, against the mock over real HTTP: a record's size is bounded whatever the file
//! holds, and an unload manifest that does not describe its files is refused.

use std::io::Write;

use civis::sql::{ManifestEntry, UnloadManifest};
use civis::{Client, Error};
use civis_mock::MockServer;
use civis_tests::FakeClock;

fn setup() -> (MockServer, Client) {
    let mock = MockServer::scripted().expect("a free loopback port");
    let client = Client::builder()
        .api_key("bounds-test-key")
        .base_url(mock.url())
        .clock(FakeClock::default())
        .build()
        .unwrap();
    (mock, client)
}

fn gzip(text: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(text).unwrap();
    encoder.finish().unwrap()
}

/// The error that ends `rows`, after the records before it.
fn first_error<T>(rows: impl Iterator<Item = Result<T, Error>>) -> Option<Error> {
    rows.filter_map(Result::err).next()
}

fn manifest(header: &[&str], ids: &[i64]) -> UnloadManifest {
    UnloadManifest {
        query: "select * from t".into(),
        header: header.iter().map(|h| h.to_string()).collect(),
        entries: ids
            .iter()
            .map(|&id| ManifestEntry {
                id,
                name: format!("part_{id}.csv"),
                size: 0,
                url: String::new(),
                url_signed: String::new(),
            })
            .collect(),
        unquoted: false,
        compression: "none".into(),
        delimiter: "comma".into(),
    }
}

#[test]
fn a_record_beyond_the_default_bound_fails_naming_it_and_a_smaller_one_reads() {
    let (_mock, client) = setup();
    // One field of 9 MiB: a few kilobytes of gzip, past the 8 MiB default.
    let mut text = b"id,doc\n1,".to_vec();
    text.resize(text.len() + (9 << 20), b'a');
    text.extend_from_slice(b"\n2,short\n");
    let id = client
        .upload_bytes(gzip(&text), "huge.csv.gz")
        .send()
        .unwrap();
    let error = first_error(client.read_csv_file(id).rows().unwrap()).expect("an error");
    let shown = error.to_string();
    assert!(
        shown.contains("8388608 bytes") && shown.contains("max_record_size"),
        "{shown}"
    );
    assert!(shown.contains(&format!("file {id}")), "{shown}");

    // Raised, the same file reads whole.
    let rows: Vec<_> = client
        .read_csv_file(id)
        .max_record_size(16 << 20)
        .rows()
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1][1].len(), 9 << 20);
}

#[test]
fn a_record_beyond_a_given_bound_ends_rows_as_and_records_within_it_come_first() {
    let (_mock, client) = setup();
    let mut text = b"id,doc\n1,small\n2,".to_vec();
    text.resize(text.len() + 5_000, b'b');
    text.extend_from_slice(b"\n");
    let id = client.upload_bytes(text, "wide.csv").send().unwrap();

    #[derive(Debug, serde::Deserialize)]
    struct Doc {
        id: i64,
    }
    let mut docs = client
        .read_csv_file(id)
        .max_record_size(1_000)
        .rows_as::<Doc>()
        .unwrap();
    assert_eq!(docs.next().unwrap().unwrap().id, 1);
    let error = docs.next().unwrap().unwrap_err().to_string();
    assert!(error.contains("1000 bytes"), "{error}");
    assert!(docs.next().is_none());
}

#[test]
fn an_unload_manifest_naming_fewer_columns_than_its_files_hold_is_an_error() {
    let (_mock, client) = setup();
    let first = client
        .upload_bytes(b"1,ann,x\n2,bob,y\n".to_vec(), "part_0.csv")
        .send()
        .unwrap();
    let second = client
        .upload_bytes(b"3,cy,z\n".to_vec(), "part_1.csv")
        .send()
        .unwrap();
    let manifest = manifest(&["id", "name"], &[first, second]);
    let error = first_error(client.read_unload(&manifest).rows().unwrap()).expect("an error");
    let shown = error.to_string();
    assert!(
        shown.contains("row 1 has 3 fields") && shown.contains("names 2 columns"),
        "{shown}"
    );

    #[derive(Debug, serde::Deserialize)]
    struct Person {
        #[allow(dead_code)]
        id: i64,
    }
    let typed = client.read_unload(&manifest).rows_as::<Person>().unwrap();
    assert!(first_error(typed).is_some());

    // A header that matches reads both files.
    let whole = manifest_rows(
        &client,
        &self::manifest(&["id", "name", "tag"], &[first, second]),
    );
    assert_eq!(whole.len(), 4);
}

fn manifest_rows(client: &Client, manifest: &UnloadManifest) -> Vec<Vec<String>> {
    client
        .read_unload(manifest)
        .rows()
        .unwrap()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn an_unload_manifest_listing_a_file_twice_is_an_error_before_any_download() {
    let (mock, client) = setup();
    let part = client
        .upload_bytes(b"1,ann\n".to_vec(), "part_0.csv")
        .send()
        .unwrap();
    mock.clear_requests();
    let error = client
        .read_unload(&manifest(&["id", "name"], &[part, part]))
        .rows()
        .unwrap_err();
    assert!(
        matches!(&error, Error::Usage(m) if m.contains(&format!("file {part} twice"))),
        "{error}"
    );
    assert!(mock.requests().is_empty(), "{:?}", mock.requests());
}
