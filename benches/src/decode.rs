//! Figure 5: decoding a 1,000-item page of `tables().list()` into the generated structs through
//! the path `.send()` takes (`RawResponse::json`), against `serde_json::from_slice` into the
//! same structs written by hand; and the dynamic `Response::from_raw` beside them.

use std::hint::black_box;

use civis::api::types::TableSummarySummary;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::stats::{self, Row};

/// `TableSummarySummary` written by hand: the same fields, the same camelCase keys, all
/// optional.
#[allow(dead_code)]
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct HandTableSummary {
    id: Option<i64>,
    database_id: Option<i64>,
    schema: Option<String>,
    name: Option<String>,
    description: Option<String>,
    is_view: Option<bool>,
    row_count: Option<i64>,
    column_count: Option<i64>,
    size_mb: Option<f64>,
    owner: Option<String>,
    distkey: Option<String>,
    sortkeys: Option<String>,
    refresh_status: Option<String>,
    last_refresh: Option<String>,
    refresh_id: Option<String>,
    last_run: Option<HandJobRun>,
    table_tags: Option<Vec<HandTableTag>>,
}

/// `JobRun` by hand.
#[allow(dead_code)]
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct HandJobRun {
    id: Option<i64>,
    state: Option<String>,
    created_at: Option<String>,
    started_at: Option<String>,
    finished_at: Option<String>,
    error: Option<String>,
}

/// `InlineTableTag` by hand.
#[allow(dead_code)]
#[derive(Debug, Deserialize)]
struct HandTableTag {
    id: Option<i64>,
    name: Option<String>,
}

/// A page of `items` tables, every field filled as the API fills it.
pub fn table_page(items: usize) -> Vec<u8> {
    let page: Vec<Value> = (0..items)
        .map(|i| {
            json!({
                "id": 1_000 + i,
                "databaseId": 32,
                "schema": "public",
                "name": format!("table_{i:04}"),
                "description": if i % 3 == 0 { Value::Null } else { json!(format!("Table number {i} of the nightly load")) },
                "isView": i % 10 == 0,
                "rowCount": 1_000_000 + i * 37,
                "columnCount": 12 + i % 20,
                "sizeMb": 12.5 + i as f64 / 8.0,
                "owner": "dbadmin",
                "distkey": "id",
                "sortkeys": "created_at",
                "refreshStatus": "current",
                "lastRefresh": "2026-04-17T18:37:23.000Z",
                "refreshId": format!("{i:08x}-refresh"),
                "lastRun": {
                    "id": 500_000 + i,
                    "state": "succeeded",
                    "createdAt": "2026-04-17T18:37:23.000Z",
                    "startedAt": "2026-04-17T18:37:24.000Z",
                    "finishedAt": "2026-04-17T18:39:02.000Z",
                    "error": null
                },
                "tableTags": [{"id": 7, "name": "nightly"}, {"id": i, "name": format!("tag-{i}")}]
            })
        })
        .collect();
    serde_json::to_vec(&page).expect("a JSON page")
}

fn raw(body: &[u8]) -> civis::http::RawResponse {
    civis::http::RawResponse {
        headers: civis::http::Headers {
            status: 200,
            entries: vec![("Content-Type".into(), "application/json".into())],
        },
        body: body.to_vec(),
    }
}

/// Figure 5 (two rows: typed and dynamic).
pub fn decode(quick: bool) -> Vec<Row> {
    const ITEMS: usize = 1000;
    let body = table_page(ITEMS);
    let response = raw(&body);
    let typed = || -> Vec<TableSummarySummary> {
        response
            .json::<Vec<TableSummarySummary>>("GET", "/tables/")
            .expect("typed page")
    };
    let hand = || -> Vec<HandTableSummary> { serde_json::from_slice(&body).expect("hand page") };
    // Both decode every field, and the same values.
    let (a, b) = (typed(), hand());
    assert_eq!(a.len(), ITEMS);
    assert_eq!(b.len(), ITEMS);
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x.name, y.name);
        assert_eq!(
            x.last_run.as_ref().and_then(|r| r.finished_at.clone()),
            y.last_run.as_ref().and_then(|r| r.finished_at.clone())
        );
        assert_eq!(
            x.table_tags.as_ref().map(Vec::len),
            y.table_tags.as_ref().map(Vec::len)
        );
    }
    let (rounds, batch) = if quick { (8, 5) } else { (25, 20) };
    let (typed_ns, hand_ns, ratio) = stats::paired(
        rounds,
        batch,
        || {
            black_box(typed());
        },
        || {
            black_box(hand());
        },
    );
    // The dynamic response takes the raw answer by value; its copy of the body is made in
    // both arms, so the ratio compares the decoding alone.
    let (dynamic_ns, hand_copy_ns, dynamic_ratio) = stats::paired(
        rounds,
        batch,
        || {
            let copy = response.clone();
            black_box(civis::Response::from_raw(copy, "GET", "/tables/").expect("dynamic page"));
        },
        || {
            let copy = response.clone();
            black_box(serde_json::from_slice::<Vec<HandTableSummary>>(&copy.body).expect("hand"));
        },
    );
    let kb = body.len() / 1024;
    vec![
        Row::new(
            format!("5. decode {ITEMS}-item tables page ({kb} KB), typed, RawResponse::json"),
            stats::us(typed_ns),
            format!(
                "serde_json::from_slice, hand-written structs: {}",
                stats::us(hand_ns)
            ),
            format!("{ratio:.2}×"),
            "≤ 1.5× hand-written",
            Some(ratio <= 1.5),
        ),
        Row::new(
            "5b. decode the same page, dynamic Response::from_raw (snake_case keys)".to_string(),
            stats::us(dynamic_ns),
            format!(
                "serde_json::from_slice, hand-written structs: {}",
                stats::us(hand_copy_ns)
            ),
            format!("{dynamic_ratio:.2}×"),
            "(no target)",
            None,
        ),
    ]
}
