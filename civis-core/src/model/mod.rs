//! The Swagger 2.0 model of the Civis API spec and civis-python's naming rules: everything the
//! `civis_api!` macro needs to know about a spec, without the transport.
//!
//! [`load`] parses and validates a spec and builds the [`Api`] that code is generated from;
//! [`methods::rows`] is its operation table. The rest (the Swagger document, the model's parts,
//! the naming rules, where a build finds its spec) is the crate's own: the code generator reads
//! it, and the macro and the command line reach the spec search through `__private`.

pub(crate) mod api;
pub(crate) mod build;
mod error;
pub mod methods;
pub(crate) mod naming;
pub(crate) mod spec_source;
pub(crate) mod swagger;

use serde::Deserialize;

pub use api::Api;
pub use error::SpecError;
pub use naming::Resources;

/// Parses a spec's text, checks that it is Swagger 2.0, and builds the model of the operations
/// that `resources` selects.
pub fn load(text: &str, resources: Resources) -> Result<Api, SpecError> {
    build::build(&parse(text)?, resources, build::Audience::Library)
}

/// Like [`load`] with every resource, for civis-python's command line, which builds a command
/// for every operation of the spec: those whose summary says "deprecated" too (which the
/// library leaves out; here marked deprecated), and the
/// resources the library never exposes.
pub fn load_command_line(text: &str) -> Result<Api, SpecError> {
    build::build(&parse(text)?, Resources::All, build::Audience::CommandLine)
}

/// The spec's text as a Swagger 2.0 document, or what is wrong with it.
fn parse(text: &str) -> Result<swagger::Document, SpecError> {
    // Straight from the text into the typed model: no JSON values, and the parts the generator
    // does not read (the recorded examples) are skipped as they are scanned. Path tracking
    // allocates every key it passes, which slowed the macro's spec load by half, so it only
    // runs again to say where a spec that failed is wrong.
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let doc = swagger::Document::deserialize(&mut deserializer)
        .and_then(|doc| deserializer.end().map(|()| doc))
        .map_err(|error| locate_error(text, &error))?;
    match (&doc.swagger, &doc.openapi) {
        (Some(serde_json::Value::String(version)), _) if version == "2.0" => {}
        (_, Some(version)) => {
            return Err(SpecError::new(format!(
                "the spec is OpenAPI {version}, not Swagger 2.0; use the Swagger 2.0 spec that the \
                 Civis API serves at GET /endpoints"
            )))
        }
        (Some(version), None) => {
            return Err(SpecError::new(format!(
                "the spec says `\"swagger\": {version}`; civis_api! reads Swagger 2.0 (`\"swagger\": \"2.0\"`)"
            )))
        }
        (None, None) => {
            return Err(SpecError::new(
                "the spec is not a Swagger 2.0 document: it has no `\"swagger\": \"2.0\"` field; use \
                 the spec that the Civis API serves at GET /endpoints",
            ))
        }
    }
    Ok(doc)
}

/// The error of a spec that failed to decode with `error`, saying where it is wrong.
fn locate_error(text: &str, error: &serde_json::Error) -> SpecError {
    if error.is_syntax() || error.is_eof() {
        return json_error(error);
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let Err(tracked) = serde_path_to_error::deserialize::<_, swagger::Document>(&mut deserializer)
    else {
        // Only trailing characters, which `end` reported.
        return json_error(error);
    };
    let at = tracked.path().to_string();
    let inner = tracked.into_inner();
    if at == "." {
        SpecError::new("the spec is not a Swagger 2.0 document: its top level is not a JSON object")
    } else {
        SpecError::new(format!(
            "the spec is not valid Swagger 2.0 at `{at}`: {inner}"
        ))
    }
}

fn json_error(error: &serde_json::Error) -> SpecError {
    // serde_json refuses nesting past 128 levels as a syntax error; the JSON may well be valid.
    if error.to_string().starts_with("recursion limit exceeded") {
        return SpecError::new(format!(
            "the spec is nested too deeply: more than 128 levels of arrays and objects at line {}, \
             column {}; no Swagger document needs that many, so the file is probably damaged",
            error.line(),
            error.column()
        ));
    }
    SpecError::new(format!(
        "the spec is not valid JSON: {} at line {}, column {}",
        describe_json_error(error),
        error.line(),
        error.column()
    ))
}

fn describe_json_error(error: &serde_json::Error) -> String {
    // serde_json appends " at line L column C" to its message; the caller reports those itself.
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}
