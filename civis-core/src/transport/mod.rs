//! The transport layer: the retry policy beside its rules, the polling schedule, the
//! configuration, the client and its builder, the one request path and pagination, and the
//! per-client memo. It imports the data layer, never the workflows.

pub(crate) mod builder;
pub(crate) mod client;
pub(crate) mod config;
pub(crate) mod http_request;
pub(crate) mod memo;
pub(crate) mod polling;
pub(crate) mod rate_limit;
pub(crate) mod request;
pub(crate) mod resolver;
pub(crate) mod retry;
