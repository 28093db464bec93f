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
//! - `io` (default): SQL exports and CSV imports ([`sql`], [`tables`]), with csv, flate2, zip.
//! - `download` (opt-in): let `civis_api!` download the live spec at build time when none is
//!   pinned; without it the spec bundled with civis is the last source.
//!
//! The mock is its own crate, `civis-mock` (a dev-dependency), and the command line too,
//! `civis-cli` (`cargo install civis-cli`).

// The generated code names this crate `::civis`, also when it is expanded here.
#[cfg(feature = "api-client")]
extern crate self as civis;

// The public API: what every script names at the root, the rest in modules named by their job.
// Each item has one path.
pub use civis_core::{config, files, http, methods, runs, spec};
#[cfg(feature = "io")]
pub use civis_core::{sql, tables};
pub use civis_core::{Client, ClientBuilder, Error, NameOrId, Response};
pub use civis_macros::civis_api;

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
