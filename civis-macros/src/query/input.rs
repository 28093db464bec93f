//! The arguments of the query macros: `[Type,] [database,] sql-or-file [, name = value]*`.

use proc_macro2::Span;
use syn::parse::ParseStream;
use syn::{Expr, Ident, Lit, LitStr, Token};

/// Which macro was called: what comes before the SQL and what the expansion yields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `query!`: an anonymous record.
    Record,
    /// `query_as!`: the caller's struct.
    As,
    /// `query_scalar!`: the one column's value.
    Scalar,
}

impl Kind {
    /// The macro's name, for messages.
    pub fn name(self, file: bool) -> &'static str {
        match (self, file) {
            (Kind::Record, false) => "query!",
            (Kind::Record, true) => "query_file!",
            (Kind::As, false) => "query_as!",
            (Kind::As, true) => "query_file_as!",
            (Kind::Scalar, _) => "query_scalar!",
        }
    }
}

/// The database a query runs in, as the call names it.
pub enum Database {
    /// By name: `"redshift-general"`.
    Name(LitStr),
    /// By id: `32`.
    Id(syn::LitInt),
}

/// One `name = value` argument.
pub struct Argument {
    /// The placeholder it fills.
    pub name: Ident,
    /// Its value.
    pub value: Expr,
}

/// A parsed call.
pub struct QueryInput {
    /// `query_as!`'s struct.
    pub target: Option<syn::Path>,
    /// The database, when given.
    pub database: Option<Database>,
    /// The SQL (or, for the `_file` macros, the file's path).
    pub sql: LitStr,
    /// The parameters.
    pub arguments: Vec<Argument>,
}

/// Parses a call of `kind` (`file`: the literal is a path).
pub fn parse(tokens: proc_macro2::TokenStream, kind: Kind, file: bool) -> syn::Result<QueryInput> {
    let parser = move |input: ParseStream<'_>| parse_input(input, kind, file);
    syn::parse::Parser::parse2(parser, tokens)
}

fn parse_input(input: ParseStream<'_>, kind: Kind, file: bool) -> syn::Result<QueryInput> {
    let name = kind.name(file);
    let what = if file {
        "the path of a .sql file"
    } else {
        "the SQL as a string literal"
    };
    let usage = match kind {
        Kind::As => format!("{name}(Type, \"database\", {what}, name = value, ..)"),
        _ => format!("{name}(\"database\", {what}, name = value, ..)"),
    };
    if input.is_empty() {
        return Err(syn::Error::new(
            Span::call_site(),
            format!("{name} takes {usage}"),
        ));
    }
    let target = if kind == Kind::As {
        let path: syn::Path = input.parse().map_err(|e| {
            syn::Error::new(
                e.span(),
                format!("{name} takes the struct to fill first: {usage}"),
            )
        })?;
        comma(input, &usage)?;
        Some(path)
    } else {
        None
    };
    let first: Lit = input
        .parse()
        .map_err(|e| syn::Error::new(e.span(), format!("expected a literal: {usage}")))?;
    // The database may be left out (`.civis/sql.toml`'s default_database): two literals in a
    // row are the database and the SQL, one is the SQL.
    let (database, sql) = if input.peek(Token![,]) && input.peek2(Lit) {
        comma(input, &usage)?;
        let sql: Lit = input.parse()?;
        let database = match first {
            Lit::Str(name) => Database::Name(name),
            Lit::Int(id) => Database::Id(id),
            other => {
                return Err(syn::Error::new(
                    other.span(),
                    "the database is its name (\"redshift-general\") or its id (32)",
                ))
            }
        };
        (Some(database), sql)
    } else {
        (None, first)
    };
    let Lit::Str(sql) = sql else {
        return Err(syn::Error::new(
            sql.span(),
            format!("expected {what}: {usage}"),
        ));
    };
    let mut arguments: Vec<Argument> = Vec::new();
    while !input.is_empty() {
        comma(input, &usage)?;
        if input.is_empty() {
            break;
        }
        let name: Ident = input.call(syn::ext::IdentExt::parse_any).map_err(|e| {
            syn::Error::new(
                e.span(),
                format!("parameters are given as name = value: {usage}"),
            )
        })?;
        input.parse::<Token![=]>().map_err(|e| {
            syn::Error::new(
                e.span(),
                format!("parameters are given as name = value: {usage}"),
            )
        })?;
        let value: Expr = input.parse()?;
        if arguments.iter().any(|a| a.name == name) {
            return Err(syn::Error::new(
                name.span(),
                format!("parameter `{name}` is given twice"),
            ));
        }
        arguments.push(Argument { name, value });
    }
    Ok(QueryInput {
        target,
        database,
        sql,
        arguments,
    })
}

fn comma(input: ParseStream<'_>, usage: &str) -> syn::Result<()> {
    input
        .parse::<Token![,]>()
        .map(|_| ())
        .map_err(|e| syn::Error::new(e.span(), format!("expected `,`: {usage}")))
}
