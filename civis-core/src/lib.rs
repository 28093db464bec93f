//! The runtime of civis-rs, the Rust client of the Civis Platform API.
//!
//! Users depend on the `civis` crate, which re-exports this one's public items under the same
//! paths (`civis::Client`, `civis::runs::Run`, ...); the examples here are written with those
//! paths. The crate is built in three layers, each importing only the ones below it:
//!
//! - **data** (`src/data/`): answers and headers, the JSON records generated types decode
//!   through, lenient decoding, errors, run states, names, the method table, dates and times
//!   ([`time`]);
//! - **transport** (`src/transport/`): the retry policy beside its rules, the polling schedule,
//!   the configuration, the client and its builder, the one request path and pagination;
//! - **workflows** (`src/workflows/`): runs, files, SQL, tables, lookups, the spec's download.
//!
//! Beside them, for the `civis_api!` macro and without the transport, the generator: the
//! Swagger 2.0 model, civis-python's naming rules and where a build finds its spec ([`model`],
//! feature `model`) and the code generator ([`codegen`], feature `codegen`).

mod data;
#[cfg(feature = "client")]
mod transport;
mod workflows;

#[cfg(feature = "codegen")]
pub mod codegen;
// Without `codegen`, the parts of the model only the code generator reads are unused.
#[cfg(feature = "model")]
#[cfg_attr(not(feature = "codegen"), allow(dead_code))]
pub mod model;

#[cfg(feature = "client")]
pub use data::error::Error;
#[cfg(feature = "client")]
pub use data::names::NameOrId;
#[cfg(feature = "client")]
pub use data::response::Response;
#[cfg(feature = "client")]
pub use transport::builder::ClientBuilder;
#[cfg(feature = "client")]
pub use transport::client::Client;

#[cfg(feature = "client")]
pub use workflows::files;
#[cfg(feature = "io")]
pub use workflows::frames;
#[cfg(feature = "client")]
pub use workflows::runs;
#[cfg(feature = "io")]
pub use workflows::sql;
#[cfg(feature = "io")]
pub use workflows::tables;

pub use data::time;

/// How a client is configured: its settings, the API key, retries and the clock waits are
/// taken on. Set them on [`ClientBuilder`]; read them back with [`Client::config`].
#[cfg(feature = "client")]
pub mod config {
    pub use crate::transport::config::{
        ApiKey, Config, StalledTransfer, DEFAULT_API_ENDPOINT, DEFAULT_MAX_RESPONSE_SIZE,
    };
    pub use crate::transport::retry::{Clock, Retry, SystemClock};
}

/// The HTTP level of a call: the request that would be sent, the raw answer, its headers
/// (rate limit, pagination), and the pages of a paginated list.
#[cfg(feature = "client")]
pub mod http {
    pub use crate::data::response::{Headers, NoContent, Pagination, RateLimit, RawResponse};
    pub use crate::transport::http_request::HttpRequest;
    pub use crate::transport::request::{Iterable, Pages};
}

/// The method table: one [`Operation`](methods::Operation) per generated method, with its
/// verb, path and parameters, as `ApiClient::operations()` returns it.
pub mod methods {
    pub use crate::data::methods::{Location, Operation, Param, ParamKind};
}

/// The Civis API spec a client is generated from: where a project pins it, and its download
/// from the API (civis-python's `get_api_spec` and `cache_api_spec`).
pub mod spec {
    pub use crate::data::spec_files::{CACHE_LIFETIME, PROJECT_SPEC};
    #[cfg(feature = "client")]
    pub use crate::workflows::spec::{download, download_to};
}

/// Plumbing for the code `civis_api!` generates, for the macro, the mock and the command-line
/// program: no part of the public API, and it changes without notice (as progenitor-client's
/// and serde's `__private`). The crates of civis-rs pin each other's exact versions, so
/// generated code always meets the items it was written against.
#[doc(hidden)]
pub mod __private {
    /// The spec's download, cache and project file (`civis spec download`, the macro); the
    /// constants and downloads of the public [`spec`](crate::spec) are not repeated here.
    pub mod spec_files {
        #[cfg(feature = "bundled-spec")]
        pub use crate::data::spec_files::BUNDLED_SPEC;
        pub use crate::data::spec_files::{
            age, cache_path, check_swagger, default_cache_path, describe_age, find_project_dir,
            find_project_spec, is_fresh, refresh_requested, PROJECT_DIR,
        };
        #[cfg(feature = "model")]
        pub use crate::model::spec_source::{locate_with, next_step, Download, Origin, SpecSource};
        #[cfg(feature = "client")]
        pub use crate::workflows::spec::{download_into_cache, download_to_cache, save};
    }
    /// The JSON-object form of generated types.
    pub mod record {
        pub use crate::data::record::*;
    }
    /// "Did you mean ...?" for unknown names.
    pub mod suggest {
        pub use crate::data::suggest::*;
    }
    /// The SQL types of table columns, for civis-sql (which has no transport).
    pub mod sql_types {
        pub use crate::data::sql_types::SqlType;
    }
    /// The statements of SQL text in Redshift's dialect, for civis-sql: one parser
    /// configuration for `civis::query!` and the read-only guard.
    #[cfg(feature = "read-only")]
    pub mod sql_parse {
        pub use crate::data::sql_parse::{parse, Redshift};
    }
    /// civis-python's camelCase to snake_case.
    pub mod case {
        pub use crate::data::case::*;
    }
    pub use crate::data::methods::{leak_operations, MethodRow, MethodTable};
    pub use serde;
    pub use serde_json;

    #[cfg(feature = "client")]
    pub use crate::data::lenient::Lenient;
    /// Whether a URL's host is this machine (plain HTTP is allowed only there).
    #[cfg(feature = "client")]
    pub use crate::transport::builder::is_loopback_url;
    #[cfg(feature = "client")]
    pub use crate::transport::request::{
        build_http_request, decode, find_operation, operation_index, percent_encode, Request, Texts,
    };
    #[cfg(feature = "client")]
    pub use crate::transport::retry::{is_idempotent, is_retryable};
}
