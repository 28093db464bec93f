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
        Self {
            message: message.into(),
            offset,
            help: None,
        }
    }

    /// The same error with a next step.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The message, the SQL's line with a caret under the fault (with its line and column),
    /// and the next step: what the macro and `civis sql check` print.
    ///
    /// ```text
    /// unknown column `amout` in `o` (sales.orders, pinned 2024-03-01)
    ///  --> line 1, column 10
    ///   |
    /// 1 | select o.amout from sales.orders o
    ///   |          ^
    /// help: the closest columns: `amount`, `account`
    /// ```
    pub fn render(&self, sql: &str) -> String {
        let mut out = self.message.clone();
        if let Some(offset) = self.offset {
            let (line, column, text) = crate::offsets::line_col(sql, offset);
            let number = line.to_string();
            let gutter = " ".repeat(number.len());
            // Tabs stay tabs under the caret, so it lines up however the terminal shows them.
            let pad: String = text
                .chars()
                .take(column.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            out.push_str(&format!(
                "\n{gutter}--> line {line}, column {column}\n{gutter} |\n{number} | {text}\n{gutter} | {pad}^"
            ));
        }
        if let Some(help) = &self.help {
            out.push_str("\nhelp: ");
            out.push_str(help);
        }
        out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_points_at_the_fault() {
        let sql = "select a\n  from\tordrs";
        let at = sql.find("ordrs");
        let error = SqlError::new("unknown table `ordrs`", at).with_help("pin it");
        assert_eq!(
            error.render(sql),
            "unknown table `ordrs`\n --> line 2, column 8\n  |\n2 |   from\tordrs\n  |       \t^\nhelp: pin it"
        );
        assert_eq!(SqlError::new("bad", None).render(sql), "bad");
    }
}
