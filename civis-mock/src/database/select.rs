//! Plain selects of a table: `select * from NAME` and `select a, "B c" from NAME`, either with
//! an optional `limit N`. Anything else is left to the texts a test registers.

use super::*;

/// A column as a select names it.
#[derive(Debug, PartialEq)]
struct Named {
    name: String,
}

/// `select COLUMNS from TABLE [limit N]`; `columns` is `None` for `*`.
#[derive(Debug, PartialEq)]
struct Select<'a> {
    columns: Option<Vec<Named>>,
    table: &'a str,
    limit: Option<usize>,
}

/// `text` after the keyword `word`, which must end there (`selection` is not `select`).
fn keyword<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let rest = strip_word(text, word)?;
    let ends = rest
        .chars()
        .next()
        .is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '$'));
    ends.then_some(rest)
}

/// One column name, plain or double-quoted (`""` inside quotes is a quote), and what follows.
fn column(text: &str) -> Option<(Named, &str)> {
    let text = text.trim_start();
    if let Some(quoted) = text.strip_prefix('"') {
        let mut name = String::new();
        let mut chars = quoted.char_indices();
        while let Some((at, c)) = chars.next() {
            if c != '"' {
                name.push(c);
            } else if quoted[at + 1..].starts_with('"') {
                name.push('"');
                chars.next();
            } else {
                return Some((Named { name }, &quoted[at + 1..]));
            }
        }
        return None;
    }
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .unwrap_or(text.len());
    (end > 0).then(|| {
        let name = text[..end].to_string();
        (Named { name }, &text[end..])
    })
}

fn parse(sql: &str) -> Option<Select<'_>> {
    let text = sql.trim().trim_end_matches(';');
    let mut rest = keyword(text, "select")?.trim_start();
    let columns = if let Some(after) = rest.strip_prefix('*') {
        rest = after;
        None
    } else {
        let mut columns = Vec::new();
        loop {
            let (named, after) = column(rest)?;
            columns.push(named);
            match after.trim_start().strip_prefix(',') {
                Some(next) => rest = next,
                None => {
                    rest = after;
                    break;
                }
            }
        }
        Some(columns)
    };
    let table = keyword(rest, "from")?.trim();
    // `limit N` at the end; ASCII lower-casing keeps byte offsets.
    let lower = table.to_ascii_lowercase();
    let limited = lower.rfind("limit").and_then(|at| {
        let before = table[..at].trim_end();
        let spaced = table[..at].ends_with(char::is_whitespace);
        let count = table[at + "limit".len()..].trim().parse().ok()?;
        (spaced && !before.is_empty()).then_some((before, count))
    });
    let (table, limit) = match limited {
        Some((before, count)) => (before, Some(count)),
        None => (table, None),
    };
    (!table.is_empty()).then_some(Select {
        columns,
        table,
        limit,
    })
}

impl Database {
    /// The outcome of `sql` when it is a plain select of a table, else `None`.
    pub(super) fn select(&self, database: i64, sql: &str) -> Option<Outcome> {
        let select = parse(sql)?;
        let Some(key) = table_key(database, select.table) else {
            return Some(Outcome::Fails(format!(
                "cannot parse the table name {}",
                select.table
            )));
        };
        let Some(table) = self.tables.get(&key) else {
            return Some(Outcome::Fails(format!(
                "relation \"{}.{}\" does not exist",
                key.1, key.2
            )));
        };
        let positions: Vec<usize> = match &select.columns {
            None => (0..table.columns.len()).collect(),
            Some(columns) => {
                let mut positions = Vec::new();
                for Named { name } in columns {
                    // Redshift folds identifiers, quoted ones too, unless told otherwise.
                    let at = table
                        .columns
                        .iter()
                        .position(|(n, _)| n == name)
                        .or_else(|| {
                            table
                                .columns
                                .iter()
                                .position(|(n, _)| n.to_lowercase() == name.to_lowercase())
                        });
                    match at {
                        Some(at) => positions.push(at),
                        None => {
                            return Some(Outcome::Fails(format!(
                                "column \"{name}\" does not exist"
                            )))
                        }
                    }
                }
                positions
            }
        };
        let columns = positions
            .iter()
            .map(|&at| table.columns[at].0.clone())
            .collect();
        let whole = select.limit.is_none() && positions.iter().copied().eq(0..table.columns.len());
        let rows = if whole {
            Arc::clone(&table.rows)
        } else {
            let limit = select.limit.unwrap_or(usize::MAX);
            Arc::new(
                table
                    .rows
                    .iter()
                    .take(limit)
                    .map(|row| {
                        positions
                            .iter()
                            .map(|&at| row.get(at).cloned().flatten())
                            .collect()
                    })
                    .collect(),
            )
        };
        Some(Outcome::Rows { columns, rows })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(names: &[&str]) -> Option<Vec<Named>> {
        Some(
            names
                .iter()
                .map(|n| Named {
                    name: n.to_string(),
                })
                .collect(),
        )
    }

    #[test]
    fn plain_selects_of_star_or_listed_columns_with_an_optional_limit() {
        assert_eq!(
            parse("SELECT * FROM s.t;"),
            Some(Select {
                columns: None,
                table: "s.t",
                limit: None
            })
        );
        assert_eq!(
            parse("select a, b,\"C d\" , \"say \"\"hi\"\"\" from \"my schema\".\"t x\" limit 5"),
            Some(Select {
                columns: named(&["a", "b", "C d", "say \"hi\""]),
                table: "\"my schema\".\"t x\"",
                limit: Some(5)
            })
        );
        assert_eq!(parse("select * from limit_table").unwrap().limit, None);
        assert_eq!(
            parse("select * from limit_table").unwrap().table,
            "limit_table"
        );
        assert_eq!(parse("select a from t LIMIT 0").unwrap().limit, Some(0));
    }

    #[test]
    fn other_sql_is_not_a_plain_select() {
        for sql in [
            "select count(*) from t",
            "select a b from t",
            "select a, from t",
            "selection * from t",
            "select * fromage",
            "select * from",
            "select \"a from t",
            "delete from t",
        ] {
            assert_eq!(parse(sql), None, "{sql}");
        }
    }
}
