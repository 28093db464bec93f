//! Tables: `GET /tables` (the lookup behind `get_table_id`) and `GET /tables/{id}` (a table's
//! columns and their SQL types), with ids given as tables are created, and
//! `GET /databases/{id}/schemas/{schema}/tables/{table}`.

use super::*;

/// Ids of the database's tables start here, apart from its jobs' (50001).
const FIRST_TABLE_ID: i64 = 80_001;

impl Database {
    /// Stores `table` as `key`, with a new id unless it already has one (a table that was
    /// truncated or added to keeps its id; a new or dropped one has none yet).
    pub(super) fn put_table(&mut self, key: (i64, String, String), mut table: Table) {
        if table.id == 0 {
            if self.next_table_id == 0 {
                self.next_table_id = FIRST_TABLE_ID;
            }
            table.id = self.next_table_id;
            self.next_table_id += 1;
        }
        self.tables.insert(key, table);
    }
}

/// `GET /tables?database_id=&schema=&name=`: the tables of declared databases that match (`%`
/// or `*` in `schema` and `name` match any text, as the API's filters do; names match ignoring
/// case, as Redshift folds them). `None` for an undeclared database.
pub(crate) fn list(
    simulation: &mut Simulation<'_>,
    incoming: &Incoming,
    _: &Params,
) -> Option<Scripted> {
    let db = &*simulation.database;
    let filter = |key: &str| {
        incoming
            .query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let database = match filter("database_id") {
        Some(id) => Some(id.parse::<i64>().ok()?),
        None => None,
    };
    // A database with tables (`MockServer::table` on a database never declared) counts as
    // declared: its tables are listed.
    let has_tables = |id: i64| db.tables.keys().any(|(d, _, _)| *d == id);
    let declared = match database {
        Some(id) => db.known(database) || has_tables(id),
        None => !db.databases.is_empty() || !db.tables.is_empty(),
    };
    if !declared {
        return None;
    }
    let fits = |pattern: Option<&str>, value: &str| pattern.is_none_or(|p| like(p, value));
    let mut found: Vec<(&(i64, String, String), &Table)> = db
        .tables
        .iter()
        .filter(|((db, schema, name), _)| {
            database.is_none_or(|d| d == *db)
                && fits(filter("schema"), schema)
                && fits(filter("name"), name)
        })
        .collect();
    found.sort_by_key(|(_, table)| table.id);
    let list: Vec<Value> = found
        .into_iter()
        .map(|(key, table)| table_summary(key, table))
        .collect();
    Some(Scripted::json(200, Value::Array(list).to_string()))
}

/// `GET /tables/{id}`: the table with its columns; a 404 for a table that is gone, and `None`
/// for an id the mock never gave (left to recorded examples).
pub(crate) fn get(
    simulation: &mut Simulation<'_>,
    _: &Incoming,
    params: &Params,
) -> Option<Scripted> {
    let db = &*simulation.database;
    let id = params.number("id")?;
    if !(FIRST_TABLE_ID..db.next_table_id).contains(&id) {
        return None;
    }
    Some(match db.tables.iter().find(|(_, t)| t.id == id) {
        Some((key, table)) => Scripted::json(200, describe_table(key, table).to_string()),
        None => not_found(&format!("table {id} does not exist")),
    })
}

/// `GET /databases/{id}/schemas/{schema}/tables/{table}`: a table of a declared database, or a
/// 404 when it does not exist (yet).
pub(crate) fn get_schemas_tables(
    simulation: &mut Simulation<'_>,
    _: &Incoming,
    params: &Params,
) -> Option<Scripted> {
    let db = params.number("id")?;
    let (schema, table) = (params.text("schema")?, params.text("table")?);
    if !simulation.database.known(Some(db)) {
        return None;
    }
    let key = (db, schema.to_string(), table.to_string());
    Some(match simulation.database.tables.get(&key) {
        Some(found) => Scripted::json(200, describe_table(&key, found).to_string()),
        None => not_found(&format!("table {schema}.{table} does not exist")),
    })
}

/// Whether `value` matches `pattern`, ignoring case, `%` and `*` matching any text.
fn like(pattern: &str, value: &str) -> bool {
    let pattern = pattern.to_lowercase();
    let value = value.to_lowercase();
    let pieces: Vec<&str> = pattern.split(['%', '*']).collect();
    let [first, middle @ .., last] = pieces.as_slice() else {
        return pattern == value;
    };
    let Some(mut rest) = value.strip_prefix(first) else {
        return false;
    };
    for piece in middle {
        match rest.find(piece) {
            Some(at) => rest = &rest[at + piece.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

#[cfg(test)]
mod tests {
    use super::like;

    #[test]
    fn like_matches_whole_names_or_wildcards_ignoring_case() {
        assert!(like("users", "Users"));
        assert!(!like("users", "users2"));
        assert!(like("user%", "users2"));
        assert!(like("*2", "users2"));
        assert!(like("u%r*2", "users2"));
        assert!(like("%", ""));
        assert!(!like("a%a", "a"));
        assert!(!like("x%", "users"));
    }
}
