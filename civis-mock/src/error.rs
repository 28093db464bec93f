//! The mock's own error: what can stop it from starting, or a test's table from being made.

use std::fmt;

/// Why a [`MockServer`](crate::MockServer) could not start, or could not make a table a test
/// asked for.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The spec file could not be read.
    Io {
        /// The file.
        path: String,
        /// What failed.
        source: std::io::Error,
    },
    /// The spec is not JSON.
    Spec(String),
    /// The server or its file storage could not start (a port in use, no threads).
    Start(String),
    /// A typed table could not be made as given: a value that does not fit its column's type
    /// (the text names row, column and value, as the database's error would), columns that
    /// are not the rows', or a table name that does not parse.
    Value(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Io { path, source } => write!(f, "{path}: {source}"),
            Self::Spec(message) | Self::Start(message) | Self::Value(message) => {
                f.write_str(message)
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
