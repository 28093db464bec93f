//! The clap command tree, built at run time from the operation table (not thousands of
//! generated subcommand types): `civis <resource> <method> [required args] [--optional value]`.

use clap::{Arg, ArgAction, Command};
use serde_json::Value;

use civis::{methods::Location, methods::Operation, methods::Param, methods::ParamKind};

/// Flags every method has; a parameter with the same name gets a `-param` suffix instead.
pub const RAW: &str = "raw";
/// The flag of iterable methods that streams every page.
pub const ALL_PAGES: &str = "all-pages";
/// The flag that prints answers as YAML.
pub const YAML: &str = "yaml";
/// The flag that prints answers as JSON (the default).
pub const JSON: &str = "json";
/// civis-python's flag for JSON output (compact, as its `json.dump` writes it).
pub const JSON_OUTPUT: &str = "json-output";
/// The option naming the spec file, read before the commands are built (see `spec::given`).
pub const SPEC: &str = "spec";

/// `snake_case` as `kebab-case`.
pub fn kebab(name: &str) -> String {
    name.replace('_', "-")
}

/// The option name of a parameter (`--database-id`).
pub fn option_name(param: &Param) -> String {
    let name = kebab(param.name);
    if [RAW, ALL_PAGES, YAML, JSON, JSON_OUTPUT, "help", "version"].contains(&name.as_str()) {
        format!("{name}-param")
    } else {
        name
    }
}

/// The program's options and its resources, one per resource of `operations`; the commands
/// beside them are added from the table in `main.rs` (see [`crate::extra`]).
pub fn program(
    operations: &'static [Operation],
    slashed_paths: &std::collections::HashSet<String>,
) -> Command {
    let mut program = Command::new("civis")
        .about("The Civis Platform API from the command line. Set CIVIS_API_KEY (and CIVIS_API_ENDPOINT to use another server).")
        .long_about(
            "The Civis Platform API from the command line. Set CIVIS_API_KEY (and \
             CIVIS_API_ENDPOINT to use another server).\n\n\
             The commands come from the API's spec, read when the program starts: --spec PATH, \
             else CIVIS_API_SPEC, else ~/.civis_api_spec.json while younger than 24 hours, else \
             downloaded with CIVIS_API_KEY into that file.\n\n\
             Arguments are civis-python's: required ones positional (path parameters first, then \
             body parameters sorted by name), the rest options; an object or array option takes \
             inline JSON or the path of a YAML or JSON file; booleans read true/false, 1/0, \
             yes/no, y/n, on/off in any case.\n\n\
             Output is JSON, pretty on a terminal (civis-python prints YAML unless given \
             --json-output): --yaml prints YAML, --json-output compact JSON as civis-python's. \
             CIVIS_LOG_LEVEL (DEBUG, INFO, WARNING, ERROR) sets what is logged on stderr \
             (default WARNING).",
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
        )
        .arg(
            Arg::new(JSON_OUTPUT)
                .long(JSON_OUTPUT)
                .global(true)
                .action(ArgAction::SetTrue)
                .conflicts_with(YAML)
                .help("Print answers as compact JSON, as civis-python's --json-output"),
        );
    let mut start = 0;
    while start < operations.len() {
        let resource = operations[start].resource;
        let end = start
            + operations[start..]
                .iter()
                .take_while(|op| op.resource == resource)
                .count();
        program = program.subcommand(resource_command(&operations[start..end], slashed_paths));
        start = end;
    }
    program
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

fn resource_command(
    operations: &'static [Operation],
    slashed_paths: &std::collections::HashSet<String>,
) -> Command {
    let resource = operations[0].resource;
    let mut command = Command::new(kebab(resource))
        .about(format!(
            "The {resource} resource ({} methods)",
            operations.len()
        ))
        .subcommand_required(true)
        .arg_required_else_help(true);
    let taken: std::collections::HashSet<String> =
        operations.iter().map(|op| kebab(op.method)).collect();
    for op in operations {
        let mut method = method_command(op);
        // civis-python's command line names some operations otherwise than its library
        // (`list-preview` for `get-preview`, a trailing `-` for a path ending in `/`): its name
        // is an alias, unless another command already has it.
        let python = python_command_name(op, slashed_paths.contains(op.path));
        if !taken.contains(&python) {
            method = method.visible_alias(python);
        }
        command = command.subcommand(method);
    }
    command
}

/// The name civis-python's command line gives `op` (its `make_operation_name`): the path
/// without its resource, named by `parse_method_name` with legacy names (a GET whose path ends
/// in a fixed segment is `list`), `_` as `-`. `slashed`: the spec writes the path with a
/// final `/` (an empty last segment, so a final `-`).
pub fn python_command_name(op: &Operation, slashed: bool) -> String {
    let path = op.path.to_lowercase() + if slashed { "/" } else { "" };
    let path = path.trim_start_matches('/');
    let rest = path
        .strip_prefix(op.resource)
        .unwrap_or(path)
        .trim_matches('-');
    let segments: Vec<&str> = rest.split('/').skip(1).collect();
    let bracketed = |s: &str| s.starts_with('{') && s.ends_with('}');
    let mut names = Vec::new();
    for (i, segment) in segments.iter().enumerate() {
        if !bracketed(segment) {
            names.push(segment.to_string());
        } else if i > 0 && bracketed(segments[i - 1]) {
            names.push(segments[i - 1].trim_matches(['{', '}', '|']).to_string());
        }
    }
    let verb = op.verb.to_lowercase();
    let verb = match segments.last() {
        Some(last) if verb == "get" && !bracketed(last) => "list".to_string(),
        None if verb == "get" => "list".to_string(),
        _ => verb,
    };
    // Python's `"_".join((verb, path_name)) if path_name else verb`.
    let joined = names.join("_");
    let name = if joined.is_empty() {
        verb
    } else {
        format!("{verb}_{joined}")
    };
    name.replace('_', "-")
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
    for (index, param) in positional(op).into_iter().enumerate() {
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

/// The required arguments of `op` in civis-python's command-line order (its `__main__.py`,
/// `add_command_params`): the spec's parameters in order, the body's properties in the body's
/// place sorted by name.
pub fn positional(op: &'static Operation) -> Vec<&'static Param> {
    let mut body: Vec<&'static Param> = op
        .params
        .iter()
        .filter(|p| p.location == Location::Body)
        .collect();
    body.sort_by_key(|p| p.name);
    let mut ordered: Vec<&'static Param> = Vec::with_capacity(op.params.len());
    for param in op.params {
        if param.location != Location::Body {
            ordered.push(param);
        } else if !body.is_empty() {
            ordered.append(&mut body);
        }
    }
    let mut seen = std::collections::HashSet::new();
    ordered
        .into_iter()
        .filter(|p| op.required.contains(&p.name) && seen.insert(p.name))
        .collect()
}

fn help(param: &Param) -> String {
    let description = param.description.lines().next().unwrap_or_default().trim();
    match param.kind {
        ParamKind::Array => format!(
            "{description} (repeat the option, or give a JSON list or a YAML/JSON file's path)"
        ),
        ParamKind::Object => format!("{description} (JSON, or a YAML/JSON file's path)"),
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

/// A command-line value as the JSON the operation takes, or what is wrong with it. Booleans
/// read as civis-python's (click's) do; an object or array value that names an existing file is
/// that file, read as YAML (or JSON, which YAML reads too), as civis-python reads it, and any
/// other is inline JSON.
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
        ParamKind::Boolean => boolean(single)
            .map(Value::Bool)
            .ok_or_else(|| bad(single, "a boolean (true/false, 1/0, yes/no, y/n, on/off)")),
        ParamKind::String => Ok(Value::String(single.to_string())),
        ParamKind::Object => match from_file(single)? {
            Some(value) => Ok(value),
            None => serde_json::from_str(single).map_err(|e| {
                bad(
                    single,
                    &format!("JSON or the path of a YAML/JSON file ({e})"),
                )
            }),
        },
        ParamKind::Array => {
            let mut items = Vec::new();
            for text in texts {
                let parsed = match from_file(text)? {
                    Some(value) => Ok(value),
                    None => serde_json::from_str::<Value>(text),
                };
                match parsed {
                    Ok(Value::Array(list)) => items.extend(list),
                    Ok(Value::String(_)) | Err(_) => items.push(Value::String(text.clone())),
                    Ok(scalar) => items.push(scalar),
                }
            }
            Ok(Value::Array(items))
        }
    }
}

/// click's `BOOL`: `1`, `true`, `t`, `yes`, `y`, `on` and their opposites, in any case.
pub fn boolean(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "t" | "yes" | "y" | "on" => Some(true),
        "0" | "false" | "f" | "no" | "n" | "off" => Some(false),
        _ => None,
    }
}

/// The YAML (or JSON) document in the file `path` names, when it names a file.
fn from_file(path: &str) -> Result<Option<Value>, String> {
    let file = std::path::Path::new(path);
    if path.is_empty() || !file.is_file() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {path}: {e}"))?;
    crate::yaml_input::parse(&text)
        .map(Some)
        .map_err(|e| format!("{path} is not YAML or JSON: {e}"))
}

/// `spec download`, given `Command::new("download")`.
pub fn spec_download(command: Command) -> Command {
    command
        .about("Download the spec (GET /endpoints with CIVIS_API_KEY, retried) into the project's .civis/ directory, where civis_api! finds it")
        .arg(
            Arg::new("output")
                .short('o')
                .long("output")
                .value_name("FILE")
                .default_value(civis_core::spec::PROJECT_SPEC)
                .help("Write it to FILE (`-`: stdout)"),
        )
}

/// `spec which`, given `Command::new("which")`.
pub fn spec_which(command: Command) -> Command {
    command
        .about("Say which spec civis_api! would build from in this directory, and why: CIVIS_API_SPEC, the project's .civis/, or the bundled snapshot")
        .arg(
            Arg::new("download")
                .long("download")
                .action(ArgAction::SetTrue)
                .help("As a build with civis's `download` feature on (the cache, then a download, come before the bundled spec)"),
        )
}

/// `mock serve`, given `Command::new("serve")`.
pub fn mock_serve(command: Command) -> Command {
    let repeated = |name: &'static str, value: &'static str, help: &'static str| {
        Arg::new(name)
            .long(name)
            .value_name(value)
            .action(ArgAction::Append)
            .help(help)
    };
    command
        .about("Serve an offline Civis API on 127.0.0.1 until stopped, printing the address")
        .long_about(
            "Serve an offline Civis API on 127.0.0.1 until stopped, printing the address: the \
             spec's recorded examples, and what the options declare (databases, tables, \
             SQL results, jobs, templates), so that `civis sql`, `jobs run --wait`, `follow-log`, \
             `tables import`, a typed read and a template's fan-out work against it. It answers \
             as the API does where a client could trip: 401 without an API key, 413 past a \
             16 MiB body, 400 for a request with both Content-Length and Transfer-Encoding, \
             408 for a head not sent whole within 10 s; it keeps no log of requests, so it can \
             serve for days. It prints the line that points the command line at it, \
             CIVIS_POLL_INTERVAL included: its runs move on at each poll, so polling at the \
             API's schedule (1 s, growing) would only wait. --demo declares a small world: database 32 \
             `redshift-general` with default credential 1, table `public.users`, the SQL \
             `select 1 as one`, job 1 (succeeds after 3 polls, with a log) and job 2 (fails \
             after 2).",
        )
        .arg(
            Arg::new("spec")
                .long("spec")
                .value_name("PATH")
                .help("The spec file to serve (default: the spec bundled with civis)"),
        )
        .arg(
            Arg::new("port")
                .long("port")
                .value_name("N")
                .value_parser(clap::value_parser!(u16))
                .default_value("0")
                .help("The port (0: a free one)"),
        )
        .arg(
            Arg::new("demo")
                .long("demo")
                .action(ArgAction::SetTrue)
                .help("Declare the small world described above"),
        )
        .arg(repeated(
            "database",
            "ID=NAME",
            "A database (repeat for several); the first gets default credential 1",
        ))
        .arg(repeated(
            "table",
            "DB:SCHEMA.TABLE=FILE.csv",
            "A table of a declared database, its rows from a CSV file with a header",
        ))
        .arg(repeated(
            "typed-table",
            "DB:SCHEMA.TABLE=FILE.csv",
            "A typed table: the CSV's header cells are NAME:TYPE (id:INTEGER, name:VARCHAR(64), \"price:DECIMAL(10,2)\"), or NAME:TYPE NOT NULL for a column declared not null; values are checked and stored as Redshift prints them",
        ))
        .arg(repeated(
            "unscanned-table",
            "DB:SCHEMA.TABLE",
            "A declared table the API does not know until POST /tables/scan has run on it (as a table made outside Civis), for `civis tables pin --scan`",
        ))
        .arg(repeated(
            "sql",
            "SQL=FILE.csv",
            "What a SQL text returns, from a CSV file with a header (split at the last `=`)",
        ))
        .arg(repeated(
            "job",
            "ID=succeeds:N|fails:N",
            "A job whose runs succeed (or fail) after N polls, logging one line per poll",
        ))
        .arg(repeated(
            "template",
            "ID=succeeds:N|fails:N",
            "A template: each custom script made from it (POST /scripts/custom) is a job as --job declares",
        ))
}
