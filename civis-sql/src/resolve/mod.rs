//! The resolver: names to columns, expressions to types. It walks sqlparser's AST (through
//! `parse::ast`) with an [`Env`](scope::Env) of what each name can mean, reads tables from the
//! [`Catalog`], and asks [`rules`](crate::rules) for every type.

use crate::params::Scanned;
use crate::parse::ast::{self, Spanned};
use crate::rules::{RuleError, Ty, Typed};
use crate::{Catalog, SqlError, TableUse};

mod columns;
mod expr;
mod from;
mod function;
mod literal;
mod query;
pub(crate) mod scope;

pub(crate) use query::Output;

/// The state of one analysis.
pub(crate) struct Resolver<'a> {
    /// The user's SQL (the parsed text has the same lines and columns, see `params`).
    sql: &'a str,
    database: &'a str,
    catalog: &'a Catalog,
    scanned: &'a Scanned,
    /// The pinned tables read so far, each once.
    pub tables: Vec<TableUse>,
    /// Set when the last error came from a type rule (not a name): an alias with a Rust type
    /// (`as "x: f64"`) then stands in for the type.
    untyped: bool,
    /// Where each column of a pinned table is used, and what it is (`` `o.amount` is
    /// numeric(12,2) (sales.orders, pinned ...) ``): a rule's error names those it covers.
    columns_seen: Vec<(usize, String)>,
}

impl<'a> Resolver<'a> {
    pub fn new(
        sql: &'a str,
        database: &'a str,
        catalog: &'a Catalog,
        scanned: &'a Scanned,
    ) -> Self {
        Self {
            sql,
            database,
            catalog,
            scanned,
            tables: Vec::new(),
            untyped: false,
            columns_seen: Vec::new(),
        }
    }

    /// The output columns of the whole query.
    pub fn top(&mut self, query: &ast::Query) -> Result<Vec<Output>, SqlError> {
        let root = scope::Env::default();
        self.query(query, &root, true)
    }

    /// Where a node starts in the SQL.
    fn at(&self, node: &impl Spanned) -> Option<usize> {
        crate::parse::offset_of(self.sql, node.span())
    }

    /// Where an identifier starts in the SQL.
    fn at_ident(&self, ident: &ast::Ident) -> Option<usize> {
        crate::parse::offset_of(self.sql, ident.span)
    }

    /// The byte range of a node in the SQL, when sqlparser knows it.
    fn range_of(&self, node: &impl Spanned) -> Option<(usize, usize)> {
        let span = node.span();
        let start = crate::parse::offset_of(self.sql, span)?;
        let end = crate::offsets::byte_offset(self.sql, span.end.line, span.end.column)?;
        if start >= end {
            return None;
        }
        // sqlparser's spans of calls end at their last argument: take the text on to the
        // parenthesis that closes them.
        let mut depth: i64 = 0;
        for (i, c) in self.sql.get(start..)?.char_indices() {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            if start + i >= end && depth <= 0 {
                let stop = if c == ')' { start + i + 1 } else { start + i };
                return Some((start, stop.max(end)));
            }
        }
        Some((start, end))
    }

    /// The SQL text of a node, for messages (as written when its span is known).
    fn text_of(&self, node: &(impl Spanned + std::fmt::Display)) -> String {
        self.range_of(node)
            .and_then(|(start, end)| self.sql.get(start..end))
            .map_or_else(|| node.to_string(), |text| text.trim().to_owned())
    }

    /// A rule's refusal as an error at `node`, with the override that stands in for a type.
    fn no_rule(&mut self, error: RuleError, node: &(impl Spanned + std::fmt::Display)) -> SqlError {
        self.untyped = true;
        let text = self.text_of(node);
        let text = if text.chars().count() > 60 {
            format!("{}...", text.chars().take(57).collect::<String>())
        } else {
            text
        };
        let mut help = error.help.map(|h| format!("{h}; or ")).unwrap_or_default();
        help.push_str(
            "give the output column a Rust type in its alias, as sqlx does: \
             `... as \"name: RustType\"` (e.g. `as \"total: f64\"`, read through \
             `civis::sql::Decode`), or cast the expression to a type (`::varchar`, `::numeric(12,2)`)",
        );
        let mut message = format!("{} in `{text}`", error.message);
        // Name the pinned columns the expression reads, with their pins' dates: a type that
        // changed since the pin shows here.
        if let Some((start, end)) = self.range_of(node) {
            let mut notes: Vec<&str> = Vec::new();
            for (at, note) in &self.columns_seen {
                if (start..end).contains(at) && !notes.contains(&note.as_str()) {
                    notes.push(note);
                }
            }
            if !notes.is_empty() {
                message.push_str(&format!(", where {}", notes.join(", ")));
            }
        }
        SqlError::new(message, self.at(node)).with_help(help)
    }

    /// A type name written in the SQL (`cast(x as numeric(12,2))`).
    fn data_type(
        &mut self,
        data_type: &ast::DataType,
        node: &(impl Spanned + std::fmt::Display),
    ) -> Result<Ty, SqlError> {
        let name = data_type.to_string().to_lowercase();
        Ty::parse(&name).ok_or_else(|| {
            self.no_rule(
                RuleError {
                    message: format!("civis-sql does not know the type `{name}`"),
                    help: None,
                },
                node,
            )
        })
    }

    /// Records a pinned table read by the query.
    fn use_table(&mut self, table: &crate::PinnedTable) {
        let name = format!("{}.{}", table.schema, table.name);
        if !self.tables.iter().any(|t| t.name == name) {
            self.tables.push(TableUse {
                name,
                pin: table.path.clone(),
                pinned_at: table.pinned_at.clone(),
            });
        }
    }
}

/// A non-null value of `ty`.
fn non_null(ty: Ty) -> Typed {
    Typed {
        ty,
        nullable: false,
    }
}

#[cfg(test)]
mod tests;
