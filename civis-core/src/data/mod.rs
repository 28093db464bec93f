//! The data layer: what the API answers and what the other layers exchange (answers and their
//! headers, the JSON records generated types decode through, lenient decoding, errors, run
//! states, names, the method table, dates and times, where the spec is kept). It imports nothing
//! of the transport or the workflows.

#[cfg(feature = "client")]
mod answer;
pub(crate) mod case;
#[cfg(feature = "client")]
pub(crate) mod error;
#[cfg(test)]
pub(crate) mod every_text;
#[cfg(feature = "client")]
pub(crate) mod lenient;
pub(crate) mod methods;
#[cfg(feature = "client")]
pub(crate) mod names;
pub(crate) mod record;
#[cfg(feature = "client")]
pub(crate) mod response;
#[cfg(feature = "client")]
pub(crate) mod run_state;
pub(crate) mod spec_files;
// The Redshift dialect of the read-only guard and of civis-sql.
#[cfg(feature = "read-only")]
pub(crate) mod sql_parse;
// Without `io` too: civis-sql types its columns with it at compile time.
pub(crate) mod sql_types;
pub(crate) mod suggest;
// Public (the crate's `time`): the mock and the command line read and print times with it.
pub mod time;
