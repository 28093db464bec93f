//! The queries of a crate, for `civis tables pin --from-sources`: the SQL of every `query!`,
//! `query_as!`, `query_scalar!`, `query_file!` and `query_file_as!` in its `.rs` files (parsed
//! with syn, so a macro in a comment or a string is not one), and every `.sql` file.
//!
//! A macro's arguments are read as the macro reads them: string (or integer) literals before
//! the first `name = value`, after the record type of the `_as` forms; two of them are the
//! database and the SQL (or the SQL file), one is the SQL alone, which runs in the default
//! database. A macro written inside another macro's arguments (`vec![query!(..)]`) is found
//! when those arguments read as expressions. Directories named `target` and hidden ones are
//! skipped.

use std::path::{Path, PathBuf};

use syn::punctuated::Punctuated;
use syn::visit::Visit;
use syn::{Expr, Lit, Token};

use civis::Error;

/// The query macros, by the last segment of their path (`civis::query!`, `query!`).
const MACROS: &[&str] = &[
    "query",
    "query_as",
    "query_scalar",
    "query_file",
    "query_file_as",
];

/// One query found in a crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// Where it is: `src/main.rs:12 (query!)`, or the `.sql` file.
    pub origin: String,
    /// The database it names, if it names one.
    pub database: Option<String>,
    /// Its SQL.
    pub sql: String,
    /// Whether it is a `.sql` file that no macro reads: it may be no query at all (a
    /// migration, a `CREATE TABLE`), so a failure to read its tables is no error.
    pub loose: bool,
}

/// Every query of the crate in `dir`, in the order of its files (sorted) and their lines. A
/// `.sql` file that a `query_file!` reads is that query, not a second one without a database.
pub fn queries(dir: &Path) -> Result<Vec<Query>, Error> {
    let mut rust_files = Vec::new();
    let mut sql_files = Vec::new();
    walk(
        dir,
        &mut |path| match path.extension().and_then(|e| e.to_str()) {
            Some("rs") => rust_files.push(path.to_path_buf()),
            Some("sql") => sql_files.push(path.to_path_buf()),
            _ => {}
        },
    )?;
    let mut found = Vec::new();
    let mut read_by_macros = Vec::new();
    for file in &rust_files {
        let text = read(file)?;
        let shown = shown(dir, file);
        let syntax = syn::parse_file(&text).map_err(|e| {
            let at = e.span().start();
            Error::Config(format!(
                "{shown}:{}:{}: not Rust that syn can read: {e}",
                at.line,
                at.column + 1
            ))
        })?;
        let mut finder = Finder::default();
        finder.visit_file(&syntax);
        for call in finder.calls {
            let origin = format!("{shown}:{} ({}!)", call.line, call.name);
            let Some(query) = call.query(origin, file, &mut read_by_macros)? else {
                continue;
            };
            found.push(query);
        }
    }
    for file in sql_files {
        let canonical = file.canonicalize().unwrap_or_else(|_| file.clone());
        if read_by_macros.contains(&canonical) {
            continue;
        }
        found.push(Query {
            origin: shown(dir, &file),
            database: None,
            sql: read(&file)?,
            loose: true,
        });
    }
    Ok(found)
}

/// Calls `each` with every file under `dir`, sorted, skipping `target` and hidden directories.
fn walk(dir: &Path, each: &mut dyn FnMut(&Path)) -> Result<(), Error> {
    let io = |source| Error::Io {
        path: dir.display().to_string(),
        source,
    };
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() {
            if name != "target" && !name.starts_with('.') {
                walk(&path, each)?;
            }
        } else {
            each(&path);
        }
    }
    Ok(())
}

fn read(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })
}

/// `file` relative to `dir`, for messages.
fn shown(dir: &Path, file: &Path) -> String {
    file.strip_prefix(dir).unwrap_or(file).display().to_string()
}

/// A query macro's call, as written.
struct Call {
    /// The macro's name (`query_as`).
    name: String,
    /// Its line in the file.
    line: usize,
    /// The literal arguments before the first `name = value` (after the `_as` forms' type).
    literals: Vec<String>,
}

impl Call {
    /// The query the call makes; `None` (with a warning) when its arguments are not the
    /// literals the macro takes, which the macro itself then reports. A `query_file` form's
    /// file, relative to the crate (the nearest `Cargo.toml` above `file`), is added to `read`.
    fn query(
        self,
        origin: String,
        file: &Path,
        read_files: &mut Vec<PathBuf>,
    ) -> Result<Option<Query>, Error> {
        let (database, text) = match self.literals.as_slice() {
            [sql] => (None, sql.clone()),
            [database, sql] => (Some(database.clone()), sql.clone()),
            _ => {
                eprintln!("civis: {origin}: not a database and SQL as literals; skipped");
                return Ok(None);
            }
        };
        if !self.name.starts_with("query_file") {
            return Ok(Some(Query {
                origin,
                database,
                sql: text,
                loose: false,
            }));
        }
        let manifest_dir = file
            .ancestors()
            .skip(1)
            .find(|dir| dir.join("Cargo.toml").is_file())
            .unwrap_or_else(|| file.parent().unwrap_or(Path::new(".")));
        let path = manifest_dir.join(&text);
        let sql = read(&path)?;
        read_files.push(path.canonicalize().unwrap_or(path));
        Ok(Some(Query {
            origin: format!("{origin} {text}"),
            database,
            sql,
            loose: false,
        }))
    }
}

/// The query macro calls of a file, found by walking its syntax tree.
#[derive(Default)]
struct Finder {
    calls: Vec<Call>,
}

impl<'ast> Visit<'ast> for Finder {
    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        let name = mac
            .path
            .segments
            .last()
            .map(|segment| segment.ident.to_string())
            .unwrap_or_default();
        let arguments = mac.parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated);
        if MACROS.contains(&name.as_str()) {
            if let Ok(arguments) = &arguments {
                let skip = usize::from(name.ends_with("_as"));
                let literals = arguments.iter().skip(skip).map_while(literal).collect();
                self.calls.push(Call {
                    line: mac.path.segments[0].ident.span().start().line,
                    name,
                    literals,
                });
            }
            return;
        }
        // Another macro (`vec!`, `assert!`): a query macro may be among its arguments.
        if let Ok(arguments) = arguments {
            for argument in &arguments {
                self.visit_expr(argument);
            }
        }
    }
}

/// The text of a string or integer literal argument.
fn literal(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Lit(lit) => match &lit.lit {
            Lit::Str(text) => Some(text.value()),
            Lit::Int(number) => Some(number.base10_digits().to_string()),
            _ => None,
        },
        Expr::Group(group) => literal(&group.expr),
        Expr::Paren(paren) => literal(&paren.expr),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_macros_of_a_crate_and_its_sql_files_are_found() {
        let dir = std::env::temp_dir().join(format!("civis-sources-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("src")).unwrap();
        std::fs::create_dir_all(dir.join("sql")).unwrap();
        std::fs::create_dir_all(dir.join("target")).unwrap();
        std::fs::write(dir.join("Cargo.toml"), "[package]\nname = \"q\"\n").unwrap();
        std::fs::write(
            dir.join("src/main.rs"),
            r#"
            // civis::query!("db", "select 1 from commented.out")
            struct Row { id: i64 }
            fn main() {
                let a = civis::query!("redshift-general", "select id from sales.orders where day > '{{since}}'", since = s);
                let b = query_as!(Row, "select id from sales.items");
                let c = civis::query_scalar!(32, r"select count(*) from public.events");
                let d = vec![civis::query_file!("redshift-general", "sql/report.sql")];
                let e = civis::query!(DB, "select 1");
                let f = "civis::query!(\"x\", \"select * from in.string\")";
            }
            "#,
        )
        .unwrap();
        std::fs::write(dir.join("sql/report.sql"), "select * from sales.customers").unwrap();
        std::fs::write(dir.join("sql/loose.sql"), "select * from public.loose").unwrap();
        std::fs::write(dir.join("target/skip.sql"), "select * from skipped.t").unwrap();

        let found = queries(&dir).unwrap();
        let summary: Vec<(Option<&str>, &str)> = found
            .iter()
            .map(|q| (q.database.as_deref(), q.sql.as_str()))
            .collect();
        assert_eq!(
            summary,
            [
                (
                    Some("redshift-general"),
                    "select id from sales.orders where day > '{{since}}'"
                ),
                (None, "select id from sales.items"),
                (Some("32"), "select count(*) from public.events"),
                (Some("redshift-general"), "select * from sales.customers"),
                (None, "select * from public.loose"),
            ]
        );
        assert!(
            found[0].origin.starts_with("src/main.rs:5 (query!)"),
            "{found:?}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
