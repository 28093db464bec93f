//! Dbsync transfers: `POST /imports`, `POST /imports/{id}/syncs` and their runs copy tables
//! between databases.

use super::*;

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
