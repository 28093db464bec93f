//! The `query!` family: a query's SQL analyzed against the pinned catalog (civis-sql) and
//! expanded into a typed `civis::sql::Query`.

mod emit;
pub mod input;

use std::path::{Path, PathBuf};

use civis_sql::{Analysis, Catalog};
use proc_macro2::TokenStream;

use input::{Database, Kind, QueryInput};

/// Expands a call of `kind` (`file`: the `_file` variants).
pub fn expand(tokens: TokenStream, kind: Kind, file: bool) -> syn::Result<TokenStream> {
    let input = input::parse(tokens, kind, file)?;
    let span = input.sql.span();
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .ok_or_else(|| {
            syn::Error::new(
                span,
                "CARGO_MANIFEST_DIR is not set: build with cargo, which sets it",
            )
        })?;
    let catalog = Catalog::find(&manifest_dir).map_err(|e| syn::Error::new(span, e.to_string()))?;
    let sql = Sql::read(&input, file, &manifest_dir)?;
    let database = database(&input, &catalog, kind.name(file))?;
    let analysis = civis_sql::analyze(&sql.text, &database, &catalog).map_err(|e| {
        let at = sql
            .path
            .as_ref()
            .map(|p| format!(" (in {})", p.display()))
            .unwrap_or_default();
        syn::Error::new(span, format!("{}{at}", e.render(&sql.text)))
    })?;
    check_arguments(&input, &analysis)?;
    if kind == Kind::Scalar && analysis.columns.len() != 1 {
        return Err(syn::Error::new(
            span,
            format!(
                "query_scalar! reads one column, and this query has {} ({}): select one, or use query!",
                analysis.columns.len(),
                names(&analysis)
            ),
        ));
    }
    emit::expand(&input, kind, &sql, &database, &analysis, &catalog)
}

/// The SQL of a call: the literal's text, or the file's.
pub struct Sql {
    /// The SQL.
    pub text: String,
    /// The file it was read from (absolute), for the `_file` macros.
    pub path: Option<PathBuf>,
}

impl Sql {
    fn read(input: &QueryInput, file: bool, manifest_dir: &Path) -> syn::Result<Self> {
        if !file {
            return Ok(Sql {
                text: input.sql.value(),
                path: None,
            });
        }
        let path = manifest_dir.join(input.sql.value());
        let text = std::fs::read_to_string(&path).map_err(|e| {
            syn::Error::new(
                input.sql.span(),
                format!(
                    "cannot read {} ({e}): the path is relative to the crate's directory ({})",
                    path.display(),
                    manifest_dir.display()
                ),
            )
        })?;
        Ok(Sql {
            text,
            path: Some(path),
        })
    }
}

/// The database a call names, else `.civis/sql.toml`'s default.
fn database(input: &QueryInput, catalog: &Catalog, name: &str) -> syn::Result<String> {
    match &input.database {
        Some(Database::Name(lit)) => Ok(lit.value()),
        Some(Database::Id(lit)) => Ok(lit.base10_digits().to_string()),
        None => catalog.config().default_database.clone().ok_or_else(|| {
            syn::Error::new(
                input.sql.span(),
                format!(
                    "{name} needs the database the SQL runs in: name it before the SQL \
                     ({name}(\"redshift-general\", ..)), or set default_database in {}",
                    catalog.root().join("sql.toml").display()
                ),
            )
        }),
    }
}

/// Every `{{name}}` has an argument and every argument a `{{name}}`.
fn check_arguments(input: &QueryInput, analysis: &Analysis) -> syn::Result<()> {
    let placeholders: Vec<&str> = analysis
        .placeholders
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    for argument in &input.arguments {
        let name = argument.name.to_string();
        let name = name.trim_start_matches("r#");
        if !placeholders.contains(&name) {
            let hint = civis_core::__private::suggest::did_you_mean(name, &placeholders);
            return Err(syn::Error::new(
                argument.name.span(),
                format!("the SQL has no {{{{{name}}}}} for this argument{hint}; remove it or add {{{{{name}}}}} to the SQL"),
            ));
        }
    }
    for placeholder in &analysis.placeholders {
        let given = input
            .arguments
            .iter()
            .any(|a| a.name.to_string().trim_start_matches("r#") == placeholder.name);
        if !given {
            let example = if placeholder.quoted { "\"text\"" } else { "10" };
            return Err(syn::Error::new(
                input.sql.span(),
                format!(
                    "{{{{{0}}}}} has no value: add `{0} = {example}` after the SQL",
                    placeholder.name
                ),
            ));
        }
    }
    Ok(())
}

fn names(analysis: &Analysis) -> String {
    analysis
        .columns
        .iter()
        .map(|c| c.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}
