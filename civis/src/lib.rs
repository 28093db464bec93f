//! civis-rs: the Rust SDK for the Civis Platform API.
//!
//! The client is generated at compile time from the API's spec by [`civis_api!`]: one accessor
//! per resource, one typed method per operation, named exactly as civis-python names them.
//!
//! ```no_run
//! # #[cfg(feature = "api-client")]
//! # fn main() -> Result<(), civis::Error> {
//! let client = civis::ApiClient::new()?; // CIVIS_API_KEY from the environment
//! let tables = client.tables().list().database_id(32).schema("public").send()?;
//! for table in tables {
//!     println!("{:?}", table.name);
//! }
//! # Ok(()) }
//! # #[cfg(not(feature = "api-client"))]
//! # fn main() {}
//! ```
//!
//! # Generating your own client
//!
//! ```ignore
//! mod civis_client {
//!     // Path relative to your crate's Cargo.toml; without it, CIVIS_API_SPEC is read.
//!     civis::civis_api!("civis_api_spec.json", resources = "all");
//! }
//! ```
//!
//! The macro expands, in the module that invokes it, into `ApiClient`, a generic `Call`
//! builder, the modules `resources`, `ops` and `types`, and the operation table. Invoke it in a
//! module of its own.
//!
//! # Features
//!
//! - `api-client` (default): the ready-made [`ApiClient`] for the spec this crate was built with.
//! - `download` (default): let `civis_api!` download the spec at build time when no file is given.
//! - `mock`: `civis::mock::MockServer`, an offline Civis API on 127.0.0.1 for tests.
//! - `cli`: the `civis` command-line program (`cargo install civis --features cli`).

// The generated code names this crate `::civis`, also when it is expanded here.
#[cfg(feature = "api-client")]
extern crate self as civis;

// The public API, item by item (civis-core's public items are its own too). One item a line,
// so that adding one is a one-line change.
pub use civis_core::cache_api_spec;
pub use civis_core::get_api_spec;
pub use civis_core::split_schema_tablename;
pub use civis_core::ApiKey;
pub use civis_core::Client;
pub use civis_core::ClientBuilder;
pub use civis_core::Clock;
pub use civis_core::Config;
pub use civis_core::Error;
pub use civis_core::Headers;
pub use civis_core::HttpRequest;
pub use civis_core::Iterable;
pub use civis_core::Location;
pub use civis_core::NameOrId;
pub use civis_core::NoContent;
pub use civis_core::Operation;
pub use civis_core::Pages;
pub use civis_core::Pagination;
pub use civis_core::Param;
pub use civis_core::ParamKind;
pub use civis_core::RateLimit;
pub use civis_core::RawResponse;
pub use civis_core::Response;
pub use civis_core::Retry;
pub use civis_core::SystemClock;
pub use civis_core::DEFAULT_API_ENDPOINT;
pub use civis_core::DEFAULT_MAX_RESPONSE_SIZE;
// Runs of jobs.
pub use civis_core::FinishedRun;
pub use civis_core::LogEntry;
pub use civis_core::Logs;
pub use civis_core::Polling;
pub use civis_core::Run;
pub use civis_core::RunOutput;
pub use civis_core::RunState;
// Files in and out of Civis.
pub use civis_core::files;
pub use civis_core::DownloadBuilder;
pub use civis_core::DownloadReader;
pub use civis_core::UploadBuilder;
// SQL results out, CSV files in (feature `io`).
#[cfg(feature = "io")]
pub use civis_core::sql;
#[cfg(feature = "io")]
pub use civis_core::tables;
#[cfg(feature = "io")]
pub use civis_core::Compression;
#[cfg(feature = "io")]
pub use civis_core::ExistingRows;
#[cfg(feature = "io")]
pub use civis_core::ImportBuilder;
#[cfg(feature = "io")]
pub use civis_core::QueryResult;
#[cfg(feature = "io")]
pub use civis_core::Rows;
#[cfg(feature = "io")]
pub use civis_core::SqlBuilder;
#[cfg(feature = "io")]
pub use civis_core::TableColumn;
#[cfg(feature = "io")]
pub use civis_core::TransferBuilder;
#[cfg(feature = "io")]
pub use civis_core::UnloadManifest;
pub use civis_macros::civis_api;

/// Plumbing for generated code; not part of the public API (see `civis_core::__private`).
#[doc(hidden)]
pub use civis_core::__private;
// Crate-internal names for the plumbing that the mock and the command-line program use.
#[allow(unused_imports)]
use civis_core::__private::{api_spec, suggest};

#[cfg(feature = "mock")]
pub mod mock;

#[cfg(all(feature = "cli", feature = "api-client"))]
pub mod cli;

/// The ready-made client for the spec this crate was built with (`resources = "base"`).
#[cfg(feature = "api-client")]
pub mod client {
    crate::civis_api!(resources = "base");
}

#[cfg(feature = "api-client")]
pub use client::ApiClient;
