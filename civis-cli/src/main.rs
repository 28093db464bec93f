//! The `civis` command-line program (feature `cli`): `civis <resource> <method> ...` for every
//! operation of the API's spec, read when the program starts (see [`spec`]), so every resource
//! is there, and endpoints added after this program was built too; civis-python's extra
//! commands (`civis jobs run|follow-log|follow-run-log`, `civis files upload|download`,
//! `civis notebooks download|new|up|down|open`); `civis spec download` and `civis mock serve`.
//!
//! Output is JSON (pretty on a terminal), or YAML with `--yaml` (civis-python's default), or
//! compact JSON with civis-python's `--json-output`. `CIVIS_LOG_LEVEL` sets what is logged on
//! stderr, as in civis-python (default: warnings).
//!
//! Exit codes: 0 success, 1 the API answered with an error, 2 a usage error (unknown resource,
//! method or option, a bad value), 3 any other failure (no API key, no connection, a body that
//! does not decode).

mod command;
mod extra;
mod files;
mod logging;
mod mock_world;
mod notebooks;
mod output;
mod runs;
mod spec;
mod sql;
mod yaml_input;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use clap::{ArgMatches, Command};
use serde_json::{Map, Value};

use civis::{methods::Operation, ApiClient, Error};
use civis_mock::MockServer;
use extra::{Extra, Place};
use output::{stdout_error, Format};

const API_ERROR: u8 = 1;
const USAGE_ERROR: u8 = 2;
const OTHER_ERROR: u8 = 3;

/// The group of `civis spec download|which`.
const SPEC: Place = Place::Group {
    name: "spec",
    about: "The Civis API spec",
};
/// The group of `civis mock serve`.
const MOCK: Place = Place::Group {
    name: "mock",
    about: "An offline Civis API",
};

/// Every command beside the spec's operations, in the order `--help` lists them (after the
/// resources). Adding a command is adding a row: the clap tree, the commands that need no spec
/// and the dispatch are read from here (see [`extra`]).
const EXTRAS: &[Extra] = &[
    Extra {
        place: SPEC,
        name: "download",
        define: command::spec_download,
        run: |matches, _| download_spec(matches),
    },
    Extra {
        place: SPEC,
        name: "which",
        define: command::spec_which,
        run: |matches, _| which_spec(matches),
    },
    Extra {
        place: MOCK,
        name: "serve",
        define: command::mock_serve,
        run: |matches, _| serve_mock(matches),
    },
    Extra {
        place: Place::Top,
        name: "civis",
        define: |command| command.about("Say hello (civis-python prints its logo)"),
        run: |_, _| hello(),
    },
    Extra {
        place: Place::Resource("jobs"),
        name: "run",
        define: runs::run_command,
        run: runs::run,
    },
    Extra {
        place: Place::Resource("jobs"),
        name: "follow-log",
        define: runs::follow_log_command,
        run: |matches, _| runs::follow_log(matches),
    },
    Extra {
        place: Place::Resource("jobs"),
        name: "follow-run-log",
        define: runs::follow_run_log_command,
        run: |matches, _| runs::follow_run_log(matches),
    },
    Extra {
        place: Place::Resource("files"),
        name: "upload",
        define: files::upload_command,
        run: |matches, _| files::upload(matches),
    },
    Extra {
        place: Place::Resource("files"),
        name: "download",
        define: files::download_command,
        run: |matches, _| files::download(matches),
    },
    Extra {
        place: Place::Resource("notebooks"),
        name: "download",
        define: notebooks::download_command,
        run: |matches, _| notebooks::download(matches),
    },
    Extra {
        place: Place::Resource("notebooks"),
        name: "new",
        define: notebooks::new_command,
        run: notebooks::new,
    },
    Extra {
        place: Place::Resource("notebooks"),
        name: "up",
        define: notebooks::up_command,
        run: notebooks::up,
    },
    Extra {
        place: Place::Resource("notebooks"),
        name: "down",
        define: notebooks::down_command,
        run: |matches, _| notebooks::down(matches),
    },
    Extra {
        place: Place::Resource("notebooks"),
        name: "open",
        define: notebooks::open_command,
        run: |matches, _| notebooks::open(matches),
    },
    Extra {
        place: Place::Top,
        name: "sql",
        define: sql::sql_command,
        run: |matches, _| sql::sql(matches),
    },
    Extra {
        place: Place::Resource("tables"),
        name: "import",
        define: sql::import_command,
        run: |matches, _| sql::import(matches),
    },
];

/// Runs the program on the process's arguments.
pub fn main() -> ExitCode {
    run(std::env::args_os())
}

/// Runs the program on `args` (the first is the program name).
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    logging::init();
    // The commands that need no spec (`spec`, `mock`, `civis`, `sql`, `--version`) build from
    // the operations this program was built with: no download, no warning about the spec.
    let loaded = if needs_spec(&args) {
        match spec::load(spec::given(&args).as_deref()) {
            Ok(loaded) => loaded,
            Err(error) => return fail(error),
        }
    } else {
        spec::Loaded::built_in()
    };
    let operations = loaded.operations;
    let program = program(operations, &loaded.slashed_paths);
    let program_names = |args: &[OsString]| command::names_at(&program, args);
    let warn_spec = || {
        if let Some(warning) = &loaded.warning {
            eprintln!("{warning}");
        }
    };
    let matches = match program.clone().try_get_matches_from(&args) {
        Ok(matches) => matches,
        Err(error) => {
            warn_spec();
            return usage_error(error, &program_names(&args));
        }
    };
    let output = if matches.get_flag(command::YAML) {
        Format::Yaml
    } else if matches.get_flag(command::JSON_OUTPUT) {
        Format::JsonCompact
    } else {
        Format::Json
    };
    let outcome = match (extra::chosen(EXTRAS, &matches), matches.subcommand()) {
        (Some((extra, own)), _) => (extra.run)(own, output),
        (None, Some((resource, sub))) => {
            warn_spec();
            call(operations, resource, sub, output)
        }
        (None, None) => Err(Error::Usage("no command given".into())),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => fail(error),
    }
}

/// The whole command tree: the options, a command per resource of `operations` and per method,
/// and the rows of [`EXTRAS`].
fn program(
    operations: &'static [Operation],
    slashed_paths: &std::collections::HashSet<String>,
) -> Command {
    extra::add(command::program(operations, slashed_paths), EXTRAS)
}

/// Whether `args` name a command built from the spec: not one of this program's own top-level
/// commands (`spec`, `mock`, `civis`, `sql`: see [`extra::is_own`]), nor `--version` alone.
fn needs_spec(args: &[OsString]) -> bool {
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        match word.as_ref() {
            "--version" | "-V" => return false,
            "--spec" => {
                words.next();
            }
            option if option.starts_with('-') => {}
            command => return !extra::is_own(EXTRAS, command),
        }
    }
    true
}

/// `civis civis`: civis-python prints its logo; this says hello.
fn hello() -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "civis {} — the Civis Platform API from Rust. `civis --help` lists every command.",
        env!("CARGO_PKG_VERSION")
    )
    .map_err(stdout_error)
}

/// Prints `error` as a command-line error and gives its exit code. A closed standard output
/// (`civis ... | head`) ends the program quietly, as a pipe's reader expects.
fn fail(error: Error) -> ExitCode {
    if output::is_closed_pipe(&error) {
        return ExitCode::SUCCESS;
    }
    eprintln!("error: {error}");
    ExitCode::from(match error {
        Error::Api { .. } | Error::Unauthorized { .. } => API_ERROR,
        Error::Usage(_) => USAGE_ERROR,
        _ => OTHER_ERROR,
    })
}

/// clap's error, except that an unknown resource or method is answered with up to three close
/// names (clap offers one).
fn usage_error(error: clap::Error, names: &[String]) -> ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if error.kind() == ErrorKind::InvalidSubcommand {
        if let Some(ContextValue::String(wrong)) = error.get(ContextKind::InvalidSubcommand) {
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let close = civis::__private::suggest::closest_few(wrong, &names, 3);
            if !close.is_empty() {
                eprintln!(
                    "error: unrecognized command '{wrong}'; did you mean {}?\n\nFor more information, try '--help'.",
                    close
                        .iter()
                        .map(|name| format!("'{name}'"))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                return ExitCode::from(USAGE_ERROR);
            }
        }
    }
    let _ = error.print();
    ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(USAGE_ERROR))
}

/// The client the commands use, from `CIVIS_API_KEY` and `CIVIS_API_ENDPOINT`, with an error
/// worded for the command line.
pub(crate) fn client() -> Result<ApiClient, Error> {
    if std::env::var("CIVIS_API_KEY").map_or(true, |key| key.is_empty()) {
        return Err(Error::Config(
            "no API key: set CIVIS_API_KEY to your Civis API key (and CIVIS_API_ENDPOINT to use \
             another server than https://api.civisanalytics.com/)"
                .into(),
        ));
    }
    ApiClient::new()
}

fn call(
    operations: &'static [Operation],
    resource_kebab: &str,
    matches: &ArgMatches,
    output: Format,
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
    // The operations the spec's summary calls deprecated, which civis-python's command line
    // keeps (and its library drops).
    if op.summary.to_lowercase().contains("deprecated") {
        eprintln!(
            "civis: `{resource_kebab} {method_kebab}` is deprecated ({}); it may be removed from the API",
            op.summary
        );
    }
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
    let client = client()?;
    let request = client.prepare_call(operations, op.resource, op.method, Value::Object(args))?;
    if matches.get_flag(command::RAW) {
        let raw = request.send_raw()?;
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        writeln!(out, "HTTP {}", raw.status()).map_err(stdout_error)?;
        for (name, value) in &raw.headers.entries {
            writeln!(out, "{name}: {value}").map_err(stdout_error)?;
        }
        writeln!(out).map_err(stdout_error)?;
        out.write_all(&raw.body).map_err(stdout_error)?;
        return writeln!(out).map_err(stdout_error);
    }
    // Answers print as the API sent them (camelCase keys), as civis-python's command line
    // prints them, so that scripts reading its output find the same keys.
    if op.iterable && matches.get_flag(command::ALL_PAGES) {
        let stdout = std::io::stdout();
        for item in request.iter_all::<Value>() {
            let line = serde_json::to_string(&item?).unwrap_or_default();
            let mut out = stdout.lock();
            writeln!(out, "{line}")
                .and_then(|()| out.flush())
                .map_err(stdout_error)?;
        }
        return Ok(());
    }
    let (answer, _) = request.send_with_headers::<Value>()?;
    if answer.is_null() {
        return Ok(());
    }
    output.print(&answer)
}

/// `spec download` (`matches` are its own).
fn download_spec(matches: &ArgMatches) -> Result<(), Error> {
    let bytes = client()?.download_api_spec()?;
    let output = matches
        .get_one::<String>("output")
        .map_or(civis_core::spec::PROJECT_SPEC, String::as_str);
    if output == "-" {
        return std::io::stdout().write_all(&bytes).map_err(stdout_error);
    }
    let path = std::path::Path::new(output);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            path: dir.display().to_string(),
            source,
        })?;
    }
    civis_core::__private::spec_files::save(path, &bytes)?;
    eprintln!("wrote the spec ({} bytes) to {output}", bytes.len());
    Ok(())
}

/// `spec which` (`matches` are its own): where `civis_api!` without a path would find its spec,
/// built in the current directory (as the invoking crate's), with downloads only when
/// `--download` says the build has them. Nothing is downloaded: a download is reported as what
/// would be tried.
fn which_spec(matches: &ArgMatches) -> Result<(), Error> {
    use civis_core::__private::spec_files::{self, Origin};
    let with_download = matches.get_flag("download");
    let cwd = std::env::current_dir().map_err(|source| Error::Io {
        path: ".".into(),
        source,
    })?;
    let var = |name: &str| match name {
        "CARGO_MANIFEST_DIR" => Some(cwd.display().to_string()),
        _ => std::env::var(name).ok(),
    };
    let would_download = |_: Option<&std::path::Path>, _: &dyn Fn(&str) -> Option<String>| {
        Err("`civis spec which` does not download".to_string())
    };
    let download: Option<spec_files::Download<'_>> = with_download.then_some(&would_download);
    let source = spec_files::locate_with(None, &var, download, Some(spec_files::BUNDLED_SPEC))
        .map_err(Error::Config)?;
    let why = match source.origin {
        Origin::Given => "the path given to the macro",
        Origin::EnvVar => "CIVIS_API_SPEC is set",
        Origin::Project => "the project pins it",
        Origin::Cache => "the download cache is younger than 24 hours",
        Origin::Downloaded => "downloaded",
        Origin::StaleCache => "the download cache, older than 24 hours (a build would first try to download)",
        Origin::Bundled if with_download => {
            "nothing is pinned or cached, so a build would try to download it with CIVIS_API_KEY, and else use the spec bundled with civis"
        }
        Origin::Bundled => "nothing is pinned; pin the live spec with `civis spec download`",
    };
    let mut out = std::io::stdout().lock();
    writeln!(out, "{} ({why})", source.display).map_err(stdout_error)
}

/// `mock serve` (`matches` are its own).
fn serve_mock(matches: &ArgMatches) -> Result<(), Error> {
    let spec = match matches.get_one::<String>("spec") {
        Some(path) => std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?,
        None => civis_core::__private::spec_files::BUNDLED_SPEC.to_string(),
    };
    let port = matches.get_one::<u16>("port").copied().unwrap_or(0);
    let server = MockServer::start(spec, port).map_err(|e| Error::Config(e.to_string()))?;
    mock_world::declare(&server, matches)?;
    println!("Mock Civis API listening on {}", server.url());
    let _ = std::io::stdout().flush();
    loop {
        std::thread::park();
    }
}
