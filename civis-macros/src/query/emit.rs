//! The expansion of an analyzed query: the record type, the columns, the decoding closure, the
//! parameters, and what makes cargo expand again when a pin changes.

use civis_sql::{Analysis, Catalog, OutputColumn, SqlType};
use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::input::{Database, Kind, QueryInput};
use super::Sql;

/// The expression a call expands into: a `civis::sql::Query<R>`.
pub fn expand(
    input: &QueryInput,
    kind: Kind,
    sql: &Sql,
    database: &str,
    analysis: &Analysis,
    catalog: &Catalog,
) -> syn::Result<TokenStream> {
    let span = input.sql.span();
    let mut fields = Vec::new();
    for (index, column) in analysis.columns.iter().enumerate() {
        fields.push(Field::new(index, column, catalog, span)?);
    }
    let columns = fields.iter().map(|f| &f.column);
    let pins = analysis.tables.iter().map(|t| {
        let note = if t.pinned_at.is_empty() {
            format!("{} ({})", t.name, t.pin.display())
        } else {
            format!("{} pinned {} ({})", t.name, t.pinned_at, t.pin.display())
        };
        quote!(#note)
    });
    // Cargo expands the call again when a file it includes changes: each pin the query read,
    // the settings, and the SQL file of the `_file` macros.
    let mut tracked: Vec<String> = analysis
        .tables
        .iter()
        .map(|t| t.pin.to_string_lossy().into_owned())
        .collect();
    tracked.extend(
        catalog
            .config_path()
            .map(|p| p.to_string_lossy().into_owned()),
    );
    tracked.extend(sql.path.as_ref().map(|p| p.to_string_lossy().into_owned()));
    // What runs: the SQL with the aliases' type overrides taken out (`as "amount: f64"` runs as
    // `as "amount"`), so that the export's header is the columns' names.
    let run_sql = &analysis.run_sql;
    let database = match &input.database {
        Some(Database::Id(id)) => {
            let id: i64 = id.base10_parse()?;
            quote!(#id)
        }
        _ => quote!(#database),
    };
    let params = input.arguments.iter().map(|argument| {
        let name = argument.name.to_string();
        let name = name.trim_start_matches("r#");
        let quoted = analysis
            .placeholders
            .iter()
            .any(|p| p.name == name && p.quoted);
        let value = &argument.value;
        let method = if quoted {
            format_ident!("__param_quoted", span = value.span())
        } else {
            format_ident!("__param_unquoted", span = value.span())
        };
        quote_spanned!(value.span()=> .#method(#name, &(#value)))
    });
    let (prelude, record, decode) = match kind {
        Kind::Record => {
            let names = fields.iter().map(|f| &f.ident);
            let types = fields.iter().map(|f| &f.ty);
            let gets = fields.iter().map(Field::get);
            let prelude = quote! {
                /// One row of the query's result, a field per column.
                #[derive(Debug, Clone, PartialEq)]
                #[allow(dead_code)]
                struct Record {
                    #(pub #names: #types,)*
                }
            };
            let decode = quote!(::core::result::Result::Ok(Record { #(#gets,)* }));
            (prelude, quote!(Record), decode)
        }
        Kind::As => {
            let Some(target) = &input.target else {
                return Err(syn::Error::new(
                    span,
                    "query_as! names the struct to fill first",
                ));
            };
            // Each value is read into its column's type first, so that a field of another
            // type is a "mismatched types" at the struct's name, as sqlx's `query_as!` reports.
            let tspan = target.span();
            let reads = fields.iter().map(|f| {
                let (ident, ty, index) = (&f.ident, &f.ty, f.index);
                quote!(let #ident: #ty = __civis_row.get::<#ty>(#index)?;)
            });
            let names = fields.iter().map(|f| &f.ident);
            let decode = quote_spanned! {tspan=> {
                #(#reads)*
                ::core::result::Result::Ok(#target { #(#names,)* })
            }};
            (TokenStream::new(), quote!(#target), decode)
        }
        Kind::Scalar => {
            let Some(field) = fields.first() else {
                return Err(syn::Error::new(span, "query_scalar! reads one column"));
            };
            let ty = &field.ty;
            (
                TokenStream::new(),
                quote!(#ty),
                quote!(__civis_row.get::<#ty>(0usize)),
            )
        }
    };
    Ok(quote! {{
        #prelude
        #(const _: &[u8] = ::core::include_bytes!(#tracked);)*
        // A constant, for the `'static` slice `columns()` returns (a call of `Column::new` is
        // not promoted to a static by itself).
        const COLUMNS: &[::civis::sql::Column] = &[#(#columns),*];
        ::civis::sql::Query::<#record>::__new(
            #database,
            #run_sql,
            COLUMNS,
            &[#(#pins),*],
            |__civis_row| #decode,
        )
        #(#params)*
    }})
}

/// One output column as the expansion uses it.
struct Field {
    index: usize,
    ident: Ident,
    ty: syn::Type,
    column: TokenStream,
}

impl Field {
    fn new(
        index: usize,
        column: &OutputColumn,
        catalog: &Catalog,
        span: Span,
    ) -> syn::Result<Self> {
        let ident = field_ident(&column.name, span)?;
        let rust = civis_sql::rust_type(column, catalog.config());
        let ty: syn::Type = syn::parse_str(&rust.path).map_err(|_| {
            syn::Error::new(
                span,
                format!(
                    "column {} is to be read as `{}`, which is not a Rust type: write a type \
                     path in the alias (as \"{}: f64\") or in .civis/sql.toml's [types]",
                    column.name, rust.display, column.name
                ),
            )
        })?;
        let name = &column.name;
        let sql_type = sql_type_tokens(column.ty.sql_type(), span)?;
        let nullable = column.nullable;
        let column = quote!(::civis::sql::Column::new(#name, #sql_type, #nullable));
        Ok(Field {
            index,
            ident,
            ty,
            column,
        })
    }

    /// `name: __civis_row.get::<T>(index)?`
    fn get(&self) -> TokenStream {
        let (ident, ty, index) = (&self.ident, &self.ty, self.index);
        quote!(#ident: __civis_row.get::<#ty>(#index)?)
    }
}

/// A column's name as a field: a keyword becomes a raw identifier (`r#type`).
fn field_ident(name: &str, span: Span) -> syn::Result<Ident> {
    if syn::parse_str::<Ident>(name).is_ok() {
        return Ok(Ident::new(name, span));
    }
    // Keywords that cannot be raw identifiers either.
    if ["self", "super", "crate", "Self", "_"].contains(&name) {
        return Err(syn::Error::new(
            span,
            format!("column {name:?} cannot be a Rust field: give it another alias (as {name}_)"),
        ));
    }
    syn::parse_str::<Ident>(&format!("r#{name}")).map_err(|_| {
        syn::Error::new(
            span,
            format!(
                "column {name:?} is not a Rust identifier: give it an alias (as {}_)",
                name
            ),
        )
    })
}

/// `civis::sql::SqlType::...` for a column's run-time type.
fn sql_type_tokens(sql_type: SqlType, span: Span) -> syn::Result<TokenStream> {
    let t = quote!(::civis::sql::SqlType);
    Ok(match sql_type {
        SqlType::SmallInt => quote!(#t::SmallInt),
        SqlType::Integer => quote!(#t::Integer),
        SqlType::BigInt => quote!(#t::BigInt),
        SqlType::Numeric { precision, scale } => {
            quote!(#t::Numeric { precision: #precision, scale: #scale })
        }
        SqlType::Real => quote!(#t::Real),
        SqlType::Double => quote!(#t::Double),
        SqlType::Boolean => quote!(#t::Boolean),
        SqlType::Date => quote!(#t::Date),
        SqlType::Timestamp => quote!(#t::Timestamp),
        SqlType::TimestampTz => quote!(#t::TimestampTz),
        SqlType::Text => quote!(#t::Text),
        other => {
            return Err(syn::Error::new(
                span,
                format!(
                    "civis-macros does not know the type {other}: update civis-macros with civis"
                ),
            ))
        }
    })
}
