//! Queries: `POST /queries` and the preview rows of `GET /queries/{id}`.

use super::*;

/// `POST /queries` on a declared database: the query, whose run starts at once.
pub(crate) fn post(
    simulation: &mut Simulation<'_>,
    incoming: &Incoming,
    _: &Params,
) -> Option<Scripted> {
    let body = incoming.body_fields();
    let database = number(body.get("database"));
    if !simulation.database.known(database) {
        return None;
    }
    Some(simulation.database.query(&body, simulation.jobs))
}

/// `GET /queries/{id}` of a query the mock made: see [`query_answer`].
pub(crate) fn get(
    simulation: &mut Simulation<'_>,
    _: &Incoming,
    params: &Params,
) -> Option<Scripted> {
    let query = params.number("id")?;
    let (outcome, preview, run_id, made) = simulation.database.queries.get(&query)?;
    // Polling the query polls its run: a client that only reads the query (as civis-python's
    // `civis sql` does) sees it end too.
    simulation.jobs.count_poll(query, *run_id);
    Some(query_answer(
        query,
        outcome,
        *preview,
        *run_id,
        made,
        simulation.jobs,
    ))
}

impl Database {
    fn query(&mut self, body: &Map<String, Value>, jobs: &mut Jobs) -> Scripted {
        let database = body
            .get("database")
            .and_then(Value::as_i64)
            .unwrap_or_default();
        let sql = body.get("sql").and_then(Value::as_str).unwrap_or_default();
        let preview = body
            .get("preview_rows")
            .and_then(Value::as_u64)
            .unwrap_or(100) as usize;
        let outcome = self.run_sql(database, sql);
        // The query is evaluated now, and its run started at once, as the API starts it.
        let query = self.new_id();
        jobs.declare(
            query,
            match &outcome {
                Outcome::Rows { .. } => MockJob::succeeds_after(2),
                Outcome::Fails(error) => MockJob::fails_after(2, error),
            },
        );
        let started = jobs.start_run(query, 201, "");
        let run_id = serde_json::from_str::<Value>(&started.body)
            .ok()
            .and_then(|run| run["id"].as_i64())
            .unwrap_or_default();
        let mut made = body.clone();
        made.insert("id".into(), json!(query));
        made.insert("lastRunId".into(), json!(run_id));
        let made = Value::Object(made);
        let answer = query_answer(query, &outcome, preview, run_id, &made, jobs);
        self.queries.insert(query, (outcome, preview, run_id, made));
        Scripted::json(201, answer.body)
    }
}

/// `GET /queries/{id}`: the query, with its state, and its preview rows once it succeeded.
fn query_answer(
    query: i64,
    outcome: &Outcome,
    preview: usize,
    run_id: i64,
    made: &Value,
    jobs: &Jobs,
) -> Scripted {
    let (state, over) = jobs.peek(query, run_id).unwrap_or(("queued", false));
    let mut answer = made.clone();
    answer["id"] = json!(query);
    answer["state"] = json!(state);
    answer["lastRunId"] = json!(run_id);
    answer["resultColumns"] = Value::Null;
    answer["resultRows"] = Value::Null;
    answer["error"] = Value::Null;
    match outcome {
        Outcome::Rows { columns, rows } if over && state == "succeeded" => {
            answer["resultColumns"] = json!(columns);
            answer["resultRows"] = json!(rows.iter().take(preview).collect::<Vec<_>>());
        }
        Outcome::Fails(error) if over => {
            answer["error"] = json!(error);
            answer["exception"] = json!(error);
        }
        _ => {}
    }
    Scripted::json(200, answer.to_string())
}
