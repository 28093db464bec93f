//! The runtime of civis-rs, the Rust client of the Civis Platform API.
//!
//! Users depend on the `civis` crate, which re-exports this one. It holds what every generated
//! client shares: the operation table types ([`Operation`]), and, with the `client` feature, the
//! blocking transport ([`Client`]), errors ([`Error`]), the shared request path ([`Request`])
//! and the response kinds ([`Response`], [`RawResponse`]). With the `spec` feature it also holds
//! the Swagger 2.0 model and civis-python's naming rules that the `civis_api!` macro generates
//! from.

pub mod api_spec;
pub mod case;
pub mod operation;
pub mod record;
#[cfg(feature = "spec")]
pub mod spec;
pub mod suggest;

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
pub mod lenient;
#[cfg(feature = "client")]
mod request;
#[cfg(feature = "client")]
mod resolver;
#[cfg(feature = "client")]
mod response;
#[cfg(feature = "client")]
pub mod retry;
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
pub use operation::{Location, Operation, OperationTable, Param, ParamKind, TableRow};
#[cfg(feature = "client")]
pub use request::{
    build_http_request, find_operation, operation_index, percent_encode, HttpRequest, Iterable,
    Pages, Request,
};
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
