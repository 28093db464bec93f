//! The `civis_api!` procedural macro: reads a Civis API spec (Swagger 2.0) at compile time and
//! expands into a typed client with one method per operation, named as in civis-python.
//!
//! Use it through the `civis` crate, which documents it: `civis::civis_api!`.

mod input;
#[cfg(feature = "typed-sql")]
mod query;

use proc_macro::TokenStream;
use proc_macro2::Span;
use quote::quote;

use civis_core::__private::spec_files;
use input::MacroInput;

/// Generates a Civis API client from the Civis API spec (Swagger 2.0) at compile time.
///
/// ```ignore
/// mod civis_client {
///     civis::civis_api!("civis_api_spec.json", resources = "base", api_version = "1.0");
/// }
/// ```
///
/// # Arguments
///
/// - a spec path (optional), relative to the invoking crate's `Cargo.toml`. Without it the file
///   named by `CIVIS_API_SPEC` at build time is read, else `.civis/civis_api_spec.json` in the
///   crate's directory or the nearest one above it (what `civis spec download` writes; commit it
///   to pin the spec, as sqlx's `.sqlx/`); then, only with the opt-in `download` feature, a
///   cached `~/.civis_api_spec.json` (`CIVIS_API_SPEC_CACHE` names another file; one per
///   endpoint, the endpoint in its name when `CIVIS_API_ENDPOINT` is not the API's) younger than
///   24 hours, else the spec downloaded from `GET {CIVIS_API_ENDPOINT}/endpoints` with
///   `CIVIS_API_KEY` (short timeouts, announced on stderr) and cached, else an older cache with
///   a warning (`CIVIS_API_SPEC_REFRESH=1` forces a new download; `CIVIS_API_SPEC_OFFLINE=1`
///   never downloads); last, the snapshot of the spec bundled with civis, so that a build with
///   no key, no network and nothing pinned succeeds. `civis spec which` (from `civis-cli`) says
///   which spec a build in the current directory would use.
/// - `resources = "base"` (default: the stable resources) or `"all"` (also those in development).
/// - `api_version = "1.0"`, the only version of the API.
/// - `decode_by_name = true` (default `false`) adds `ApiClient::decode_response(resource,
///   method, body)`, which decodes a body as that operation's typed response; for conformance
///   checks and tools.
/// - `crate = "::my_civis"`: the path by which your crate names `civis`, when the dependency is
///   renamed (default `::civis`), as serde's `#[serde(crate = "...")]`.
///
/// The expansion is redone when the spec file changes. Bad input is a compile error at the
/// macro call that says what to fix.
///
/// # What it generates
///
/// In the invoking module (give it a module of its own):
///
/// - `ApiClient`, with `new()`, `builder()`, `operations()`, `call(resource, method, args)` and
///   one accessor per resource (`client.scripts()`);
/// - `resources`: one struct per resource with one method per operation, named as civis-python
///   names it; required arguments positional, in civis-python's order;
/// - `Call`, the prepared call those methods return: optional arguments are its setters (each
///   method's docs list its own, with their types), and `send()`, `send_dynamic()` and
///   `send_raw()` perform it;
/// - `types`: one struct per spec definition;
/// - `ops`: marker types that give each operation's `Call` its own setters.
#[proc_macro]
pub fn civis_api(tokens: TokenStream) -> TokenStream {
    let tokens = proc_macro2::TokenStream::from(tokens);
    let given = tokens.clone();
    let expanded = guarded("civis_api!", "the spec", move || expand(tokens));
    match expanded {
        Ok((tracking, source)) => {
            // rustc lexes the generated source itself. proc_macro2's `parse` would first lex
            // it again with its own lexer, built at opt-level 0 like the rest of this crate:
            // that doubled the expansion time, for text that lexes by construction.
            let mut out = TokenStream::from(tracking);
            match source.parse::<TokenStream>() {
                Ok(generated) => out.extend([generated]),
                Err(e) => out.extend([TokenStream::from(
                    syn::Error::new(
                        Span::call_site(),
                        format!("civis_api! generated code that does not lex ({e}); please report it with the spec"),
                    )
                    .into_compile_error(),
                )]),
            }
            out
        }
        Err(error) => {
            // The error, and empty stand-ins for the items an expansion defines, so that the
            // one error says what to fix instead of being followed by every `use` of them
            // failing with hints that point elsewhere.
            let error = error.into_compile_error();
            // A use of the path the expansion would have named civis by, so that `civis`'s
            // `extern crate self as civis` (for its ready-made client) is not also reported as
            // unused beside the error. Not when the input itself did not parse.
            let crate_use = syn::parse2::<MacroInput>(given).ok().and_then(|input| {
                let path = input.crate_path.unwrap_or_else(|| "::civis".to_string());
                let path: syn::Path = syn::parse_str(&path).ok()?;
                Some(quote! {
                    #[allow(unused_imports)]
                    use #path::__private as _;
                })
            });
            quote! {
                #error
                #crate_use
                #[doc(hidden)]
                pub struct ApiClient {}
                #[doc(hidden)]
                pub struct Call<'a, R, M>(::core::marker::PhantomData<(&'a (), R, M)>);
                #[doc(hidden)]
                pub mod ops {}
                #[doc(hidden)]
                pub mod resources {}
                #[doc(hidden)]
                pub mod types {}
            }
            .into()
        }
    }
}

/// The tokens that make cargo redo the expansion when its input changes, and the generated
/// source text.
fn expand(tokens: proc_macro2::TokenStream) -> syn::Result<(proc_macro2::TokenStream, String)> {
    let input: MacroInput = syn::parse2(tokens)?;
    let error_span = input.path.as_ref().map_or(input.span, |p| p.span());
    let given = input.path.as_ref().map(syn::LitStr::value);
    #[cfg(feature = "download")]
    let download: Option<spec_files::Download<'_>> = Some(&spec_files::download_into_cache);
    #[cfg(not(feature = "download"))]
    let download: Option<spec_files::Download<'_>> = None;
    let source = spec_files::locate_with(
        given.as_deref(),
        &|name| std::env::var(name).ok(),
        download,
        Some(spec_files::BUNDLED_SPEC),
    )
    .map_err(|message| syn::Error::new(error_span, message))?;
    let api = civis_core::model::load(&source.text, input.resources).map_err(|e| {
        // `civis`'s own expansion (its ready-made client) reads the user's spec too.
        let for_civis = std::env::var("CARGO_PKG_NAME").is_ok_and(|name| name == "civis");
        let step = spec_files::next_step(source.origin, &source.display, for_civis);
        syn::Error::new(error_span, format!("{e} (in {}); {step}", source.display))
    })?;
    let file = match &source.path {
        Some(path) => path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default(),
        None => "civis_api_spec.json (bundled with civis)".to_string(),
    };
    let mut options = civis_core::codegen::Options::default();
    options.file = &file;
    options.resources = input.resources;
    options.decode_by_name = input.decode_by_name;
    options.crate_path = input.crate_path.as_deref().unwrap_or_default();
    let generated = civis_core::codegen::generate(&api, &options);

    // Tracking: `include_bytes!` makes cargo redo the expansion when the spec file changes, and
    // `option_env!` when CIVIS_API_SPEC changes (it matters whenever no path was given).
    // The bundled snapshot has no file to track: it is part of civis-core, and a new one is a
    // new build of this macro.
    let include = source.path.as_ref().map(|path| {
        let path = path.to_string_lossy().into_owned();
        quote!(
            const _: &[u8] = ::core::include_bytes!(#path);
        )
    });
    let env = given.is_none().then(|| {
        quote!(
            const _: ::core::option::Option<&str> = ::core::option_env!("CIVIS_API_SPEC");
        )
    });
    // A proc macro has no warning of its own on stable Rust; a deprecated item used at the
    // call site makes rustc print the note as a warning. Lints of crates from a registry are
    // silenced, so for the ready-made client inside `civis` the note also goes to stderr,
    // which cargo shows.
    let warning = source.warning.map(|note| {
        eprintln!("warning: {note}");
        quote! {
            #[deprecated(note = #note)]
            #[allow(non_upper_case_globals)]
            const civis_api_spec_warning: () = ();
            const _: () = civis_api_spec_warning;
        }
    });
    let tracking = quote! {
        #include
        #env
        #warning
    };
    Ok((tracking, generated))
}

/// Runs an expansion, turning a panic into an error at the macro call: the expansion code
/// returns errors rather than panicking, and this guard keeps even a bug from becoming a
/// compiler panic.
fn guarded<T>(
    name: &str,
    report_with: &str,
    expand: impl FnOnce() -> syn::Result<T> + std::panic::UnwindSafe,
) -> syn::Result<T> {
    std::panic::catch_unwind(expand).unwrap_or_else(|panic| {
        let detail = panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied())
            .unwrap_or("unknown cause");
        Err(syn::Error::new(
            Span::call_site(),
            format!("{name} failed on this input ({detail}); please report it with {report_with}"),
        ))
    })
}

/// Expands one of the query macros, an error becoming a `compile_error!` at the call.
#[cfg(feature = "typed-sql")]
fn query_macro(tokens: TokenStream, kind: query::input::Kind, file: bool) -> TokenStream {
    let tokens = proc_macro2::TokenStream::from(tokens);
    let name = kind.name(file);
    match guarded(name, "the SQL and the pins", move || {
        query::expand(tokens, kind, file)
    }) {
        Ok(expanded) => expanded.into(),
        Err(error) => error.into_compile_error().into(),
    }
}

/// A SQL query checked at compile time against the pinned tables, typed as an anonymous
/// record: `civis::query!("database", "select ..", name = value, ..)`. Documented in `civis`.
#[cfg(feature = "typed-sql")]
#[proc_macro]
pub fn query(tokens: TokenStream) -> TokenStream {
    query_macro(tokens, query::input::Kind::Record, false)
}

/// A SQL query checked at compile time, read into the caller's struct:
/// `civis::query_as!(Type, "database", "select ..", ..)`. Documented in `civis`.
#[cfg(feature = "typed-sql")]
#[proc_macro]
pub fn query_as(tokens: TokenStream) -> TokenStream {
    query_macro(tokens, query::input::Kind::As, false)
}

/// A SQL query of one column checked at compile time, read as that column's values:
/// `civis::query_scalar!("database", "select count(*) from ..")`. Documented in `civis`.
#[cfg(feature = "typed-sql")]
#[proc_macro]
pub fn query_scalar(tokens: TokenStream) -> TokenStream {
    query_macro(tokens, query::input::Kind::Scalar, false)
}

/// `query!` with the SQL read from a file relative to the crate's directory:
/// `civis::query_file!("database", "sql/orders.sql", ..)`. Documented in `civis`.
#[cfg(feature = "typed-sql")]
#[proc_macro]
pub fn query_file(tokens: TokenStream) -> TokenStream {
    query_macro(tokens, query::input::Kind::Record, true)
}

/// `query_as!` with the SQL read from a file relative to the crate's directory:
/// `civis::query_file_as!(Type, "database", "sql/orders.sql", ..)`. Documented in `civis`.
#[cfg(feature = "typed-sql")]
#[proc_macro]
pub fn query_file_as(tokens: TokenStream) -> TokenStream {
    query_macro(tokens, query::input::Kind::As, true)
}
