//! The macro's arguments: `civis_api!("spec.json", resources = "base", api_version = "1.0")`.

use civis_core::model::Resources;
use proc_macro2::Span;
use syn::parse::{Parse, ParseStream};
use syn::{Expr, ExprLit, Ident, Lit, LitStr, Token};

/// What the caller asked for.
pub struct MacroInput {
    /// The spec file, relative to the invoking crate's manifest directory.
    pub path: Option<LitStr>,
    /// Which resources to generate.
    pub resources: Resources,
    /// Whether to generate `ApiClient::decode_response` (`decode_by_name = true`).
    pub decode_by_name: bool,
    /// The path of the `civis` crate in generated code (`crate = "..."`), for a renamed
    /// dependency; `None` for `::civis`.
    pub crate_path: Option<String>,
    /// Where errors about the spec point.
    pub span: Span,
}

impl Parse for MacroInput {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let span = input.span();
        let mut path = None;
        let mut resources = None;
        let mut api_version = None;
        let mut decode_by_name = None;
        let mut crate_path = None;
        let mut first = true;
        while !input.is_empty() {
            if input.peek(Token![crate]) && input.peek2(Token![=]) {
                // `crate` is a keyword, which `Ident` does not parse, as in serde's
                // `#[serde(crate = "...")]`.
                let key: Token![crate] = input.parse()?;
                input.parse::<Token![=]>()?;
                let value: Expr = input.parse()?;
                let key = Ident::new("crate", key.span);
                let text = string_value(&value, &key)?;
                if syn::parse_str::<syn::Path>(&text.value()).is_err() {
                    return Err(syn::Error::new(
                        text.span(),
                        format!(
                            "`crate` takes the path of the civis crate as your crate names it, e.g. \
                             crate = \"::my_civis\"; {:?} is not a path",
                            text.value()
                        ),
                    ));
                }
                set_once(&mut crate_path, text.value(), &key)?;
                first = false;
                if !input.is_empty() {
                    input.parse::<Token![,]>()?;
                }
                continue;
            }
            if input.peek(Ident) && input.peek2(Token![=]) {
                let key: Ident = input.parse()?;
                input.parse::<Token![=]>()?;
                let value: Expr = input.parse()?;
                if key == "decode_by_name" {
                    let flag = match &value {
                        Expr::Lit(ExprLit {
                            lit: Lit::Bool(flag),
                            ..
                        }) => flag.value,
                        other => {
                            return Err(syn::Error::new_spanned(
                                other,
                                "`decode_by_name` takes `true` or `false`",
                            ))
                        }
                    };
                    set_once(&mut decode_by_name, flag, &key)?;
                    first = false;
                    if !input.is_empty() {
                        input.parse::<Token![,]>()?;
                    }
                    continue;
                }
                let text = string_value(&value, &key)?;
                match key.to_string().as_str() {
                    "resources" => {
                        let parsed = Resources::parse(&text.value()).ok_or_else(|| {
                            syn::Error::new(
                                text.span(),
                                format!(
                                    "unknown `resources` value {:?}: use \"base\" (the stable resources) or \"all\"",
                                    text.value()
                                ),
                            )
                        })?;
                        set_once(&mut resources, parsed, &key)?;
                    }
                    "api_version" => {
                        if text.value() != "1.0" {
                            return Err(syn::Error::new(
                                text.span(),
                                format!(
                                    "unknown `api_version` {:?}: the Civis API has only version \"1.0\"",
                                    text.value()
                                ),
                            ));
                        }
                        set_once(&mut api_version, (), &key)?;
                    }
                    other => {
                        return Err(syn::Error::new(
                            key.span(),
                            format!(
                                "unknown option `{other}`: civis_api! takes a spec path, `resources = \"base\" | \"all\"`, \
                                 `api_version = \"1.0\"`, `decode_by_name = true` and `crate = \"path\"`"
                            ),
                        ))
                    }
                }
            } else if first {
                let value: Expr = input.parse()?;
                match value {
                    Expr::Lit(ExprLit { lit: Lit::Str(lit), .. }) => path = Some(lit),
                    other => {
                        return Err(syn::Error::new_spanned(
                            other,
                            "the spec path must be a string literal, e.g. civis_api!(\"civis_api_spec.json\")",
                        ))
                    }
                }
            } else {
                return Err(input.error(
                    "expected `name = \"value\"`: civis_api! takes a spec path first, then \
                     `resources = ...` and `api_version = ...`",
                ));
            }
            first = false;
            if !input.is_empty() {
                input.parse::<Token![,]>()?;
            }
        }
        Ok(Self {
            path,
            resources: resources.unwrap_or_default(),
            decode_by_name: decode_by_name.unwrap_or(false),
            crate_path,
            span,
        })
    }
}

fn string_value(value: &Expr, key: &Ident) -> syn::Result<LitStr> {
    match value {
        Expr::Lit(ExprLit {
            lit: Lit::Str(lit), ..
        }) => Ok(lit.clone()),
        other => Err(syn::Error::new_spanned(
            other,
            format!(
                "`{key}` takes a string literal, e.g. {key} = \"{}\"",
                example(key)
            ),
        )),
    }
}

fn example(key: &Ident) -> &'static str {
    if key == "api_version" {
        "1.0"
    } else if key == "crate" {
        "::my_civis"
    } else {
        "all"
    }
}

fn set_once<T>(slot: &mut Option<T>, value: T, key: &Ident) -> syn::Result<()> {
    if slot.replace(value).is_some() {
        return Err(syn::Error::new(
            key.span(),
            format!("`{key}` is given twice"),
        ));
    }
    Ok(())
}
