//! The runtime of civis-rs, the Rust client of the Civis Platform API.
//!
//! Users depend on the `civis` crate, which re-exports this one. It holds what every generated
//! client shares: the operation table types ([`Operation`]), and, with the `client` feature, the
//! blocking transport ([`Client`]), errors ([`Error`]), the shared request path and the
//! response kinds ([`Response`], [`RawResponse`]). With the `spec` feature it also holds the
//! Swagger 2.0 model and civis-python's naming rules, and with `codegen` the generator that the
//! `civis_api!` macro calls ([`codegen::generate`]).

mod api_spec;
mod case;
#[cfg(feature = "codegen")]
pub mod codegen;
mod operation;
mod record;
#[cfg(feature = "spec")]
pub mod spec;
mod suggest;

#[cfg(feature = "client")]
mod client;
#[cfg(feature = "client")]
mod config;
#[cfg(feature = "client")]
mod error;
#[cfg(feature = "client")]
pub mod files;
#[cfg(feature = "client")]
mod helpers;
#[cfg(feature = "client")]
mod lenient;
#[cfg(feature = "client")]
mod request;
#[cfg(feature = "client")]
mod resolver;
#[cfg(feature = "client")]
mod response;
#[cfg(feature = "client")]
mod retry;
#[cfg(feature = "client")]
mod runs;
#[cfg(feature = "io")]
pub mod sql;
#[cfg(feature = "io")]
pub mod tables;

#[cfg(feature = "client")]
pub use api_spec::{cache_api_spec, get_api_spec};
#[cfg(feature = "client")]
pub use client::Client;
#[cfg(feature = "client")]
pub use config::{
    ApiKey, ClientBuilder, Config, Retry, DEFAULT_API_ENDPOINT, DEFAULT_MAX_RESPONSE_SIZE,
};
#[cfg(feature = "client")]
pub use error::Error;
#[cfg(feature = "client")]
pub use files::{DownloadBuilder, DownloadReader, UploadBuilder};
#[cfg(feature = "client")]
pub use helpers::{split_schema_tablename, NameOrId};
pub use operation::{Location, Operation, Param, ParamKind};
#[cfg(feature = "client")]
pub use request::{HttpRequest, Iterable, Pages};
#[cfg(feature = "client")]
pub use response::{Headers, NoContent, Pagination, RateLimit, RawResponse, Response};
#[cfg(feature = "client")]
pub use retry::{Clock, SystemClock};
#[cfg(feature = "client")]
pub use runs::{FinishedRun, LogEntry, Logs, Polling, Run, RunOutput, RunState};
#[cfg(feature = "io")]
pub use sql::{Compression, QueryResult, Rows, SqlBuilder, UnloadManifest};
#[cfg(feature = "io")]
pub use tables::{ExistingRows, ImportBuilder, TableColumn, TransferBuilder};

/// Plumbing for the code `civis_api!` generates, for the macro and for civis's command-line
/// program: no part of the public API, and it changes without notice (as
/// progenitor-client's and serde's `__private`). The crates of civis-rs pin each other's exact
/// versions, so generated code always meets the items it was written against.
#[doc(hidden)]
pub mod __private {
    /// The spec's download, cache and project file (`civis spec download`, the macro).
    pub mod api_spec {
        pub use crate::api_spec::*;
    }
    /// The JSON-object form of generated types.
    pub mod record {
        pub use crate::record::*;
    }
    /// "Did you mean ...?" for unknown names.
    pub mod suggest {
        pub use crate::suggest::*;
    }
    /// civis-python's camelCase to snake_case.
    pub mod case {
        pub use crate::case::*;
    }
    pub use crate::operation::{leak_operations, OperationTable, TableRow};
    pub use serde;
    pub use serde_json;

    #[cfg(feature = "client")]
    pub use crate::lenient::Lenient;
    #[cfg(feature = "client")]
    pub use crate::request::{
        build_http_request, decode, find_operation, operation_index, percent_encode, Request, Texts,
    };
    #[cfg(feature = "client")]
    pub use crate::retry::{is_idempotent, is_retryable};
}
