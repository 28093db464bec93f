//! Dbsync transfers: `POST /imports`, `POST /imports/{id}/syncs` and their runs copy tables
//! between databases.

use super::*;

/// `POST /imports` of a Dbsync from a declared database: a sync job, with no syncs yet.
pub(crate) fn post(
    simulation: &mut Simulation<'_>,
    incoming: &Incoming,
    _: &Params,
) -> Option<Scripted> {
    let body = incoming.body_fields();
    let database = number(body.get("source").and_then(|d| d.get("remote_host_id")));
    if !simulation.database.known(database) || body.get("sync_type") != Some(&json!("Dbsync")) {
        return None;
    }
    let job = simulation.database.new_job(DbJob::Sync {
        body: body.clone(),
        syncs: Vec::new(),
    });
    Some(job_made(body, job))
}

/// `POST /imports/{id}/syncs` of a sync job: one more table to copy.
pub(crate) fn post_syncs(
    simulation: &mut Simulation<'_>,
    incoming: &Incoming,
    params: &Params,
) -> Option<Scripted> {
    let job = params.number("id")?;
    let Some(DbJob::Sync { syncs, .. }) = simulation.database.jobs.get_mut(&job) else {
        return None;
    };
    let mut sync = incoming.body_fields();
    sync.insert("id".into(), json!(syncs.len() + 1));
    syncs.push(Value::Object(sync.clone()));
    Some(Scripted::json(201, Value::Object(sync).to_string()))
}

/// `POST /imports/{id}/runs` of a sync job: the tables are copied, then its run starts.
pub(crate) fn post_runs(
    simulation: &mut Simulation<'_>,
    _: &Incoming,
    params: &Params,
) -> Option<Scripted> {
    let job = params.number("id")?;
    if !matches!(simulation.database.jobs.get(&job), Some(DbJob::Sync { .. })) {
        return None;
    }
    simulation
        .database
        .start(job, simulation.jobs, simulation.store);
    let started = simulation.jobs.start_run(job, 202, "importId");
    let run: Value = serde_json::from_str(&started.body).ok()?;
    Some(Scripted::json(202, json!({"runId": run["id"]}).to_string()))
}

impl Database {
    /// A Dbsync import's work: each sync's source table into its destination.
    pub(super) fn sync(
        &mut self,
        body: &Map<String, Value>,
        syncs: &[Value],
    ) -> Result<(), String> {
        let source_db = body["source"]["remote_host_id"]
            .as_i64()
            .unwrap_or_default();
        let dest_db = body["destination"]["remote_host_id"]
            .as_i64()
            .unwrap_or_default();
        if !self.known(Some(dest_db)) {
            return Err(format!("database {dest_db} does not exist"));
        }
        for sync in syncs {
            let path = |side: &str| sync[side]["path"].as_str().unwrap_or_default().to_string();
            let (from, to) = (path("source"), path("destination"));
            let source_key = table_key(source_db, &from).ok_or("bad source table name")?;
            let dest_key = table_key(dest_db, &to).ok_or("bad destination table name")?;
            let source = self
                .tables
                .get(&source_key)
                .cloned()
                .ok_or_else(|| format!("relation \"{from}\" does not exist"))?;
            let mode = sync["advanced_options"]["existing_table_rows"]
                .as_str()
                .unwrap_or("fail");
            let mut rows = Arc::unwrap_or_clone(source.rows);
            let existing = self.tables.get(&dest_key);
            load_rows(existing, mode, &source.columns, &mut rows, |bad| {
                bad.to_string()
            })?;
            let merged = merge(
                self.tables.get(&dest_key),
                source.columns,
                rows,
                mode,
                &[],
                &[],
                &to,
            )?;
            self.put_table(dest_key, merged);
        }
        Ok(())
    }
}
