//! The clap command tree, built at run time from the operation table (not thousands of
//! generated subcommand types): `civis <resource> <method> [required args] [--optional value]`.

use clap::{Arg, ArgAction, Command};
use serde_json::Value;

use civis::{methods::Operation, methods::Param, methods::ParamKind};

/// Flags every method has; a parameter with the same name gets a `-param` suffix instead.
pub const RAW: &str = "raw";
/// The flag of iterable methods that streams every page.
pub const ALL_PAGES: &str = "all-pages";
/// The flag that prints answers as YAML.
pub const YAML: &str = "yaml";
/// The flag that prints answers as JSON (the default).
pub const JSON: &str = "json";
/// The option naming the spec file, read before the commands are built (see `spec::given`).
pub const SPEC: &str = "spec";

/// `snake_case` as `kebab-case`.
pub fn kebab(name: &str) -> String {
    name.replace('_', "-")
}

/// The option name of a parameter (`--database-id`).
pub fn option_name(param: &Param) -> String {
    let name = kebab(param.name);
    if [RAW, ALL_PAGES, YAML, JSON, "help", "version"].contains(&name.as_str()) {
        format!("{name}-param")
    } else {
        name
    }
}

/// The whole program: resources, then `spec` and `mock`.
pub fn program(operations: &'static [Operation]) -> Command {
    let mut program = Command::new("civis")
        .about("The Civis Platform API from the command line. Set CIVIS_API_KEY (and CIVIS_API_ENDPOINT to use another server).")
        .long_about(
            "The Civis Platform API from the command line. Set CIVIS_API_KEY (and \
             CIVIS_API_ENDPOINT to use another server).\n\n\
             The commands come from the API's spec, read when the program starts: --spec PATH, \
             else CIVIS_API_SPEC, else ~/.civis_api_spec.json while younger than 24 hours, else \
             downloaded with CIVIS_API_KEY into that file.",
        )
        .version(env!("CARGO_PKG_VERSION"))
        .subcommand_required(true)
        .arg_required_else_help(true)
        .arg(
            Arg::new(SPEC)
                .long(SPEC)
                .value_name("PATH")
                .help("Build the commands from this spec file (give it before the command)"),
        )
        .arg(
            Arg::new(YAML)
                .long(YAML)
                .global(true)
                .action(ArgAction::SetTrue)
                .conflicts_with(JSON)
                .help("Print answers as YAML, as civis-python does"),
        )
        .arg(
            Arg::new(JSON)
                .long(JSON)
                .global(true)
                .action(ArgAction::SetTrue)
                .help("Print answers as JSON (the default; pretty on a terminal)"),
        );
    let mut start = 0;
    while start < operations.len() {
        let resource = operations[start].resource;
        let end = start
            + operations[start..]
                .iter()
                .take_while(|op| op.resource == resource)
                .count();
        program = program.subcommand(resource_command(&operations[start..end]));
        start = end;
    }
    program
        .subcommand(spec_command())
        .subcommand(mock_command())
}

/// The names a misspelt command may have meant: the subcommands of the deepest command that
/// `args` name, from the top (resources and `spec`, `mock`) down to a resource's methods.
pub fn names_at(program: &Command, args: &[std::ffi::OsString]) -> Vec<String> {
    let mut command = program;
    let mut args = args.iter().skip(1);
    while let Some(arg) = args.next() {
        let arg = arg.to_string_lossy();
        if arg == "--spec" {
            args.next();
        }
        if arg.starts_with('-') {
            continue;
        }
        match command.find_subcommand(arg.as_ref()) {
            Some(sub) => command = sub,
            None => break,
        }
    }
    command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect()
}

fn resource_command(operations: &'static [Operation]) -> Command {
    let resource = operations[0].resource;
    let mut command = Command::new(kebab(resource))
        .about(format!(
            "The {resource} resource ({} methods)",
            operations.len()
        ))
        .subcommand_required(true)
        .arg_required_else_help(true);
    for op in operations {
        command = command.subcommand(method_command(op));
    }
    command
}

fn method_command(op: &'static Operation) -> Command {
    let mut about = op.summary.to_string();
    if op.deprecated.is_some() {
        about.push_str(" (deprecated)");
    }
    let mut long_about = format!("{}\n\n{} {}", op.summary, op.verb, op.path);
    if let Some(warning) = op.deprecated {
        long_about.push_str(&format!("\n\nDeprecated: {warning}"));
    }
    let mut command = Command::new(kebab(op.method))
        .about(about)
        .long_about(long_about);
    for (index, name) in op.required.iter().enumerate() {
        let Some(param) = op.param(name) else {
            continue;
        };
        command = command.arg(
            Arg::new(param.name)
                .index(index + 1)
                .required(true)
                .value_name(param.name.to_uppercase())
                .help(help(param)),
        );
    }
    for name in op
        .optional
        .iter()
        .filter(|name| !op.required.contains(name))
    {
        let Some(param) = op.param(name) else {
            continue;
        };
        let action = if param.kind == ParamKind::Array {
            ArgAction::Append
        } else {
            ArgAction::Set
        };
        command = command.arg(
            Arg::new(param.name)
                .long(option_name(param))
                .value_name(kind_name(param.kind))
                .action(action)
                .help(help(param)),
        );
    }
    command = command.arg(
        Arg::new(RAW)
            .long(RAW)
            .action(ArgAction::SetTrue)
            .help("Print the HTTP status, headers and body as received"),
    );
    if op.iterable {
        command = command.arg(
            Arg::new(ALL_PAGES)
                .long(ALL_PAGES)
                .action(ArgAction::SetTrue)
                .conflicts_with(RAW)
                .help("Fetch every page and print one JSON object per line (page_num is ignored)"),
        );
    }
    command
}

fn help(param: &Param) -> String {
    let description = param.description.lines().next().unwrap_or_default().trim();
    match param.kind {
        ParamKind::Array => format!("{description} (repeat the option, or give a JSON list)"),
        ParamKind::Object => format!("{description} (JSON)"),
        _ => description.to_string(),
    }
}

fn kind_name(kind: ParamKind) -> &'static str {
    match kind {
        ParamKind::Integer => "INTEGER",
        ParamKind::Number => "NUMBER",
        ParamKind::Boolean => "BOOL",
        ParamKind::String => "TEXT",
        ParamKind::Array => "ITEM",
        ParamKind::Object => "JSON",
    }
}

/// A command-line value as the JSON the operation takes, or what is wrong with it.
pub fn value(param: &Param, texts: &[String]) -> Result<Value, String> {
    let bad = |text: &str, what: &str| {
        format!(
            "invalid value '{text}' for '--{}': expected {what}",
            option_name(param)
        )
    };
    let single = texts.last().map(String::as_str).unwrap_or_default();
    match param.kind {
        ParamKind::Integer => single
            .parse::<i64>()
            .map(Value::from)
            .map_err(|_| bad(single, "an integer")),
        ParamKind::Number => single
            .parse::<f64>()
            .map(Value::from)
            .map_err(|_| bad(single, "a number")),
        ParamKind::Boolean => match single {
            "true" | "True" => Ok(Value::Bool(true)),
            "false" | "False" => Ok(Value::Bool(false)),
            _ => Err(bad(single, "true or false")),
        },
        ParamKind::String => Ok(Value::String(single.to_string())),
        ParamKind::Object => {
            serde_json::from_str(single).map_err(|e| bad(single, &format!("JSON ({e})")))
        }
        ParamKind::Array => {
            let mut items = Vec::new();
            for text in texts {
                match serde_json::from_str::<Value>(text) {
                    Ok(Value::Array(list)) => items.extend(list),
                    Ok(Value::String(_)) | Err(_) => items.push(Value::String(text.clone())),
                    Ok(scalar) => items.push(scalar),
                }
            }
            Ok(Value::Array(items))
        }
    }
}

/// `spec download`.
fn spec_command() -> Command {
    Command::new("spec")
        .about("The Civis API spec")
        .subcommand_required(true)
        .subcommand(
            Command::new("download")
                .about("Download the spec (GET /endpoints with CIVIS_API_KEY, retried) into the project's .civis/ directory, where civis_api! finds it")
                .arg(
                    Arg::new("output")
                        .short('o')
                        .long("output")
                        .value_name("FILE")
                        .default_value(civis_core::__private::spec_files::PROJECT_SPEC)
                        .help("Write it to FILE (`-`: stdout)"),
                ),
        )
        .subcommand(
            Command::new("which")
                .about("Say which spec civis_api! would build from in this directory, and why: CIVIS_API_SPEC, the project's .civis/, or the bundled snapshot")
                .arg(
                    Arg::new("download")
                        .long("download")
                        .action(ArgAction::SetTrue)
                        .help("As a build with civis's `download` feature on (the cache, then a download, come before the bundled spec)"),
                ),
        )
}

/// `mock serve`.
fn mock_command() -> Command {
    Command::new("mock").about("An offline Civis API").subcommand_required(true).subcommand(
        Command::new("serve")
            .about("Serve the spec's recorded examples on 127.0.0.1 until stopped, printing the address")
            .arg(Arg::new("spec").long("spec").value_name("PATH").required(true).help("The spec file to serve"))
            .arg(
                Arg::new("port")
                    .long("port")
                    .value_name("N")
                    .value_parser(clap::value_parser!(u16))
                    .default_value("0")
                    .help("The port (0: a free one)"),
            ),
    )
}
