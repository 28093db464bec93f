//! The API requests the mock simulates, as one table: its database's queries, exports, imports
//! and tables, the runs of the jobs a test declares, and its file storage. A new route is one
//! line here and its handler, next to the state it works on.
//!
//! A handler answers `None` when the request names something the mock does not simulate (a
//! job or database the test did not declare, a file it does not hold): such requests, and
//! those no entry matches, are answered from the spec's recorded examples. Scripted answers
//! come before the table, so a test can put a fault in front of a simulated route.

use super::database::{self, exports, imports, preprocess, queries, syncs, tables, Database};
use super::jobs::{self, CustomScript, Job, Jobs};
use super::routing::{self, route, Params, Route};
use super::storage::{self, Store};
use super::{Incoming, Scripted};

/// What the API's handlers work on: the mock's database, its simulated jobs (which the
/// database's jobs run as) and its file storage.
pub(crate) struct Simulation<'a> {
    /// The mock database.
    pub database: &'a mut Database,
    /// The simulated jobs and their runs.
    pub jobs: &'a mut Jobs,
    /// The stored files.
    pub store: &'a Store,
}

/// A handler of [`ROUTES`]: the request and its path parameters to the answer, or `None` for
/// a request about something the mock does not simulate.
pub(crate) type Handler = fn(&mut Simulation<'_>, &Incoming, &Params) -> Option<Scripted>;

/// The simulated routes (see [`routing`] for the patterns). The first entry that matches
/// answers; the `*` entries after a run's routes are the 404 of a run its job does not have,
/// whatever is asked of it.
pub(crate) static ROUTES: &[Route<Handler>] = &[
    // The mock database.
    route("GET", "/databases", database::list_databases),
    route("GET", "/credentials", database::list_credentials),
    route("GET", "/tables", tables::list),
    route("GET", "/tables/{id}", tables::get),
    route("POST", "/tables/scan", tables::post_scan),
    route(
        "GET",
        "/databases/{id}/schemas/{schema:text}/tables/{table:text}",
        tables::get_schemas_tables,
    ),
    route("POST", "/queries", queries::post),
    route("GET", "/queries/{id}", queries::get),
    route("POST", "/scripts/sql", exports::post_sql),
    route("GET", "/scripts/sql/{id}", exports::get_sql),
    route("POST", "/scripts/sql/{id}/runs", exports::post_sql_runs),
    route(
        "GET",
        "/scripts/sql/{id}/runs/{run_id}",
        exports::get_sql_runs,
    ),
    route(
        "POST",
        "/files/preprocess/csv",
        preprocess::post_preprocess_csv,
    ),
    route("POST", "/imports/files/csv", imports::post_files_csv),
    route("POST", "/imports", syncs::post),
    route("POST", "/imports/{id}/syncs", syncs::post_syncs),
    route("POST", "/imports/{id}/runs", syncs::post_runs),
    // Outputs added to a simulated job's run through its kind of script, and JSON values.
    route(
        "POST",
        "/scripts/{kind:text}/{id}/runs/{run_id}/outputs",
        jobs::post_run_outputs,
    ),
    route("POST", "/json_values", jobs::post_json_values),
    route("GET", "/json_values/{id}", jobs::get_json_value),
    // Custom scripts made from simulated templates, and their runs.
    route("POST", "/scripts/custom", jobs::post_custom),
    route("POST", "/scripts/custom/{id}/runs", jobs::post_custom_runs),
    route(
        "GET",
        "/scripts/custom/{id}/runs/{run_id}",
        jobs::get_run::<CustomScript>,
    ),
    route(
        "DELETE",
        "/scripts/custom/{id}/runs/{run_id}",
        jobs::cancel_run::<CustomScript>,
    ),
    route(
        "GET",
        "/scripts/custom/{id}/runs/{run_id}/logs",
        jobs::run_logs::<CustomScript>,
    ),
    route(
        "GET",
        "/scripts/custom/{id}/runs/{run_id}/outputs",
        jobs::run_outputs::<CustomScript>,
    ),
    route(
        "*",
        "/scripts/custom/{id}/runs/{run_id}/*",
        jobs::other_run_request::<CustomScript>,
    ),
    // Simulated jobs (the database's among them), and their runs.
    route("GET", "/jobs/{id}", jobs::get_job),
    route("POST", "/jobs/{id}/runs", jobs::post_runs),
    route("GET", "/jobs/{id}/runs", jobs::list_runs),
    route("GET", "/jobs/{id}/runs/{run_id}", jobs::get_run::<Job>),
    route(
        "DELETE",
        "/jobs/{id}/runs/{run_id}",
        jobs::cancel_run::<Job>,
    ),
    route(
        "GET",
        "/jobs/{id}/runs/{run_id}/logs",
        jobs::run_logs::<Job>,
    ),
    route(
        "GET",
        "/jobs/{id}/runs/{run_id}/outputs",
        jobs::run_outputs::<Job>,
    ),
    route(
        "*",
        "/jobs/{id}/runs/{run_id}/*",
        jobs::other_run_request::<Job>,
    ),
    // File storage's side of the API.
    route("POST", "/files", storage::post_files),
    route("POST", "/files/multipart", storage::post_multipart),
    route(
        "POST",
        "/files/multipart/{id}/complete",
        storage::post_multipart_complete,
    ),
    route("GET", "/files/{id}", storage::get_files),
];

/// The simulated answer to `incoming`, or `None` when the mock does not simulate it.
pub(crate) fn answer(incoming: &Incoming, simulation: &mut Simulation<'_>) -> Option<Scripted> {
    let (handler, params) = routing::find(ROUTES, &incoming.method, &incoming.path)?;
    handler(simulation, incoming, &params)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_well_formed_and_no_entry_shadows_another() {
        assert_eq!(routing::check_table(ROUTES), Ok(()));
    }
}
