//! The columns a `tableDef` (the table's `CREATE TABLE` text, as the API gives it) declares
//! `NOT NULL`: the only place the API's `Table` says whether a column may be null.

use std::collections::BTreeSet;

/// The lower-cased names of the columns `table_def` declares `NOT NULL`. Text that is no
/// `CREATE TABLE` gives none (every column then counts as nullable, which is always safe).
pub(crate) fn not_null_columns(table_def: &str) -> BTreeSet<String> {
    let Some(body) = column_list(table_def) else {
        return BTreeSet::new();
    };
    split_top_level(body)
        .into_iter()
        .filter_map(|definition| {
            let (name, rest) = column_name(definition.trim())?;
            declares_not_null(rest).then_some(name)
        })
        .collect()
}

/// The text between the first `(` and its matching `)`.
fn column_list(table_def: &str) -> Option<&str> {
    let open = table_def.find('(')?;
    let mut depth = 0usize;
    let mut quoted = None;
    for (i, c) in table_def[open..].char_indices() {
        match (c, quoted) {
            ('\'' | '"', None) => quoted = Some(c),
            (c, Some(q)) if c == q => quoted = None,
            (_, Some(_)) => {}
            ('(', None) => depth += 1,
            (')', None) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return table_def.get(open + 1..open + i);
                }
            }
            _ => {}
        }
    }
    None
}

/// `body` split at the commas outside parentheses and quotes.
fn split_top_level(body: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut quoted, mut start) = (0usize, None, 0);
    for (i, c) in body.char_indices() {
        match (c, quoted) {
            ('\'' | '"', None) => quoted = Some(c),
            (c, Some(q)) if c == q => quoted = None,
            (_, Some(_)) => {}
            ('(', None) => depth += 1,
            (')', None) => depth = depth.saturating_sub(1),
            (',', None) if depth == 0 => {
                parts.push(&body[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&body[start..]);
    parts
}

/// A column definition's name (lower case, quotes removed) and the rest; `None` for a table
/// constraint (`primary key (..)`, `unique (..)`, `constraint ..`, `foreign key ..`).
fn column_name(definition: &str) -> Option<(String, &str)> {
    if let Some(quoted) = definition.strip_prefix('"') {
        let end = quoted.find('"')?;
        return Some((quoted[..end].to_lowercase(), &quoted[end + 1..]));
    }
    let end = definition.find(char::is_whitespace)?;
    let name = definition[..end].to_lowercase();
    let constraint = [
        "primary",
        "unique",
        "constraint",
        "foreign",
        "check",
        "like",
    ];
    (!constraint.contains(&name.as_str())).then(|| (name, &definition[end..]))
}

/// Whether a column definition's text after the name says `NOT NULL` (outside quotes).
fn declares_not_null(rest: &str) -> bool {
    let mut words = Vec::new();
    let mut quoted = false;
    for word in rest.split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')') {
        // A quote inside a default value hides what follows until it closes.
        if word.matches('\'').count() % 2 == 1 {
            quoted = !quoted;
            continue;
        }
        if !quoted && !word.is_empty() {
            words.push(word.to_ascii_lowercase());
        }
    }
    words
        .windows(2)
        .any(|pair| pair[0] == "not" && pair[1] == "null")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_null_columns_are_read_from_the_create_table() {
        let def = "CREATE TABLE sales.orders (\n  id bigint NOT NULL ENCODE az64,\n  \
                   \"Day\" date not null,\n  amount numeric(12,2),\n  note varchar(20) DEFAULT 'not null,(' ,\n  \
                   PRIMARY KEY (id)\n) DISTSTYLE KEY DISTKEY (id);";
        let names: Vec<String> = not_null_columns(def).into_iter().collect();
        assert_eq!(names, vec!["day".to_owned(), "id".to_owned()]);
        assert!(not_null_columns("no table here").is_empty());
        assert!(not_null_columns("create table t (a int not null").is_empty());
    }
}
