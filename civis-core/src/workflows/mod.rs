//! The workflow layer: what scripts do with the API beyond single calls (runs, files, SQL,
//! tables, lookups, the spec's download), built on the transport and the data layer.

#[cfg(feature = "io")]
pub(crate) mod csv;
#[cfg(feature = "client")]
pub mod files;
#[cfg(feature = "io")]
pub mod frames;
#[cfg(feature = "client")]
pub(crate) mod lookups;
#[cfg(feature = "client")]
pub mod runs;
#[cfg(feature = "client")]
pub(crate) mod spec;
#[cfg(feature = "io")]
pub mod sql;
#[cfg(feature = "io")]
pub mod tables;
