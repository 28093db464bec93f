#![doc = include_str!("../README.md")]

/// The guides in the repository's docs/, compiled as doctests of this crate, as the README is.
/// Only under `cfg(doctest)`: the package of `civis` carries its README (`civis/README.md` is a
/// link to it) but not the repository's docs/, so a build or `cargo doc` from the package, as on
/// docs.rs, must not read them. A new page of docs/ gets a line here.
#[cfg(doctest)]
mod guides {
    #[doc = include_str!("../../docs/cli.md")]
    mod cli {}
    #[doc = include_str!("../../docs/coming-from-python.md")]
    mod coming_from_python {}
    #[doc = include_str!("../../docs/dataframes.md")]
    mod dataframes {}
    #[doc = include_str!("../../docs/files.md")]
    mod files {}
    #[doc = include_str!("../../docs/mock.md")]
    mod mock {}
    #[doc = include_str!("../../docs/runs.md")]
    mod runs {}
    #[doc = include_str!("../../docs/security.md")]
    mod security {}
    #[doc = include_str!("../../docs/spec-source.md")]
    mod spec_source {}
    #[doc = include_str!("../../docs/sql-and-imports.md")]
    mod sql_and_imports {}
    #[doc = include_str!("../../docs/sql-checked.md")]
    mod sql_checked {}
}

// The generated code names this crate `::civis`, also when it is expanded here.
#[cfg(feature = "api-client")]
extern crate self as civis;

// The public API: what every script names at the root, the rest in modules named by their job.
// Each item has one path.
pub use civis_core::{config, files, http, methods, runs, spec, time};
#[cfg(feature = "io")]
pub use civis_core::{frames, sql, tables};
pub use civis_core::{Client, ClientBuilder, Error, NameOrId, Response};
pub use civis_macros::civis_api;
/// SQL checked at compile time against the pinned tables (feature `typed-sql`): see the README's
/// "SQL checked at compile time".
#[cfg(feature = "typed-sql")]
pub use civis_macros::{query, query_as, query_file, query_file_as, query_scalar};
/// The polars this crate reads and writes DataFrames with (CSV, dates and datetimes only).
#[cfg(feature = "polars")]
pub use polars;
/// The Arrow crates typed results are made of, at the versions this crate uses.
#[cfg(feature = "arrow")]
pub use {arrow_array, arrow_schema};

/// Plumbing for generated code; not part of the public API (see `civis_core::__private`).
#[doc(hidden)]
pub use civis_core::__private;

// The ready-made client for the spec this crate was built with (`resources = "base"`),
// expanded privately so that each of its items has one public path: `ApiClient` at the root,
// the rest in `api`.
#[cfg(feature = "api-client")]
mod generated {
    crate::civis_api!(resources = "base");
}

#[cfg(feature = "api-client")]
pub use generated::ApiClient;

/// The generated API of the ready-made [`ApiClient`]: one type per spec definition
/// ([`types`](api::types)), one accessor struct per resource ([`resources`](api::resources)),
/// the operation markers ([`ops`](api::ops)) and the call builder every method returns
/// ([`Call`](api::Call)).
#[cfg(feature = "api-client")]
pub mod api {
    pub use crate::generated::{ops, resources, types, Call};
}
