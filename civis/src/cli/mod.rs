//! The `civis` command-line program (feature `cli`): `civis <resource> <method> ...` for every
//! operation of the ready-made client, `civis jobs run|follow-log|follow-run-log`,
//! `civis files upload|download`, `civis spec download` and `civis mock serve`.
//!
//! Exit codes: 0 success, 1 the API answered with an error, 2 a usage error (unknown resource,
//! method or option, a bad value), 3 any other failure (no API key, no connection, a body that
//! does not decode).

mod command;
mod files;
mod runs;
mod sql;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::ArgMatches;
use serde_json::{Map, Value};

use crate::mock::MockServer;
use crate::{ApiClient, Error, Operation};

const API_ERROR: u8 = 1;
const USAGE_ERROR: u8 = 2;
const OTHER_ERROR: u8 = 3;

/// Runs the program on the process's arguments.
pub fn main() -> ExitCode {
    run(std::env::args_os())
}

/// Runs the program on `args` (the first is the program name).
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let operations = ApiClient::operations();
    let program = sql::commands(files::commands(runs::commands(command::program(
        operations,
    ))));
    let matches = match program.try_get_matches_from(args) {
        Ok(matches) => matches,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(USAGE_ERROR));
        }
    };
    let outcome = match matches.subcommand() {
        Some(("spec", sub)) => download_spec(sub),
        Some(("mock", sub)) => serve_mock(sub),
        Some(("jobs", sub)) if runs::handles(sub) => runs::run(sub),
        Some(("files", sub)) if files::handles(sub) => files::run(sub),
        Some((name, sub)) if sql::handles(name, sub) => sql::run(name, sub),
        Some((resource, sub)) => call(operations, resource, sub),
        None => Err(Error::Usage("no command given".into())),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(match error {
                Error::Api { .. } | Error::Unauthorized { .. } => API_ERROR,
                Error::Usage(_) => USAGE_ERROR,
                _ => OTHER_ERROR,
            })
        }
    }
}

fn call(
    operations: &'static [Operation],
    resource_kebab: &str,
    matches: &ArgMatches,
) -> Result<(), Error> {
    let Some((method_kebab, matches)) = matches.subcommand() else {
        return Err(Error::Usage(format!("{resource_kebab}: no method given")));
    };
    let op = operations
        .iter()
        .find(|op| {
            command::kebab(op.resource) == resource_kebab
                && command::kebab(op.method) == method_kebab
        })
        .ok_or_else(|| Error::Usage(format!("unknown method {resource_kebab} {method_kebab}")))?;
    let mut args = Map::new();
    for param in op.params {
        if args.contains_key(param.name) {
            continue;
        }
        let Some(texts) = matches.get_many::<String>(param.name) else {
            continue;
        };
        let texts: Vec<String> = texts.cloned().collect();
        let value = command::value(param, &texts).map_err(Error::Usage)?;
        args.insert(param.name.to_string(), value);
    }
    let client = ApiClient::new()?;
    let request = client.prepare_call(operations, op.resource, op.method, Value::Object(args))?;
    let stdout = std::io::stdout();
    let pretty = stdout.is_terminal();
    let mut out = stdout.lock();
    let write_error = |e: std::io::Error| Error::Io {
        path: "stdout".into(),
        source: e,
    };
    if matches.get_flag(command::RAW) {
        let raw = request.send_raw()?;
        writeln!(out, "HTTP {}", raw.status()).map_err(write_error)?;
        for (name, value) in &raw.headers.entries {
            writeln!(out, "{name}: {value}").map_err(write_error)?;
        }
        writeln!(out).map_err(write_error)?;
        out.write_all(&raw.body).map_err(write_error)?;
        return writeln!(out).map_err(write_error);
    }
    if op.iterable && matches.get_flag(command::ALL_PAGES) {
        for item in request.iter_all_dynamic() {
            writeln!(out, "{}", item?.json()).map_err(write_error)?;
            out.flush().map_err(write_error)?;
        }
        return Ok(());
    }
    let response = request.send_dynamic()?;
    let json = response.json();
    if json.is_null() {
        return Ok(());
    }
    let text = if pretty {
        serde_json::to_string_pretty(json)
    } else {
        serde_json::to_string(json)
    };
    writeln!(out, "{}", text.unwrap_or_default()).map_err(write_error)
}

fn download_spec(matches: &ArgMatches) -> Result<(), Error> {
    let client = ApiClient::new()?;
    let bytes = client.download_api_spec()?;
    let output = matches
        .subcommand()
        .and_then(|(_, m)| m.get_one::<String>("output"))
        .map_or(crate::api_spec::PROJECT_SPEC, String::as_str);
    if output == "-" {
        return std::io::stdout().write_all(&bytes).map_err(|e| Error::Io {
            path: "stdout".into(),
            source: e,
        });
    }
    let path = std::path::Path::new(output);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            path: dir.display().to_string(),
            source,
        })?;
    }
    crate::api_spec::save(path, &bytes)?;
    eprintln!("wrote the spec ({} bytes) to {output}", bytes.len());
    Ok(())
}

fn serve_mock(matches: &ArgMatches) -> Result<(), Error> {
    let Some((_, matches)) = matches.subcommand() else {
        return Err(Error::Usage(
            "mock: use `civis mock serve --spec PATH`".into(),
        ));
    };
    let spec = matches
        .get_one::<String>("spec")
        .cloned()
        .unwrap_or_default();
    let port = matches.get_one::<u16>("port").copied().unwrap_or(0);
    let text = std::fs::read_to_string(&spec).map_err(|source| Error::Io {
        path: spec.clone(),
        source,
    })?;
    let server = MockServer::start(text, port)?;
    println!("Mock Civis API listening on {}", server.url());
    let _ = std::io::stdout().flush();
    loop {
        std::thread::park();
    }
}
