//! The runtime of civis-rs, the Rust client of the Civis Platform API.
//!
//! Users depend on the `civis` crate, which re-exports this one. It holds what every generated
//! client shares: the operation table types ([`Operation`]), and, with the `client` feature, the
//! blocking transport, errors and responses. With the `spec` feature it also holds the Swagger
//! 2.0 model and civis-python's naming rules that the `civis_api!` macro generates from.

pub mod operation;
#[cfg(feature = "spec")]
pub mod spec;

pub use operation::{Location, Operation, Param, ParamKind};
