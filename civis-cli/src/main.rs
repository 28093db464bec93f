//! The `civis` command-line program (feature `cli`): `civis <resource> <method> ...` for every
//! operation of the API's spec, read when the program starts (see [`spec`]), so every resource
//! is there, and endpoints added after this program was built too; civis-python's extra
//! commands (`civis jobs run|follow-log|follow-run-log`, `civis files upload|download`,
//! `civis notebooks download|new|up|down|open`); `civis spec download` and `civis mock serve`;
//! `civis tables scan` and `civis outputs add` (the run this program is part of).
//!
//! Output is JSON (pretty on a terminal), or YAML with `--yaml` (civis-python's default), or
//! compact JSON with civis-python's `--json-output`. `CIVIS_LOG_LEVEL` sets what is logged on
//! stderr, as in civis-python (default: warnings).
//!
//! Exit codes (listed in `--help`, see [`EXIT_CODES`]): 0 success, 1 the API answered with an
//! error, 2 a usage error, 3 a job or run failed, 4 a setup to fix here (no API key, a refused
//! endpoint, an unknown name, a missing local file), 5 anything else (no connection, a
//! timeout, storage, a body that does not decode), 130 interrupted.

mod command;
mod extra;
mod files;
mod logging;
mod mock_world;
mod notebooks;
mod output;
mod pins;
mod run_outputs;
mod runs;
mod scans;
mod sources;
mod spec;
mod sql;
mod sql_check;
mod yaml_input;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU8, Ordering};

use clap::{ArgMatches, Command};
use serde_json::{Map, Value};

use civis::{methods::Operation, ApiClient, Error};
use civis_mock::MockServer;
use extra::{Extra, Place};
use output::{stdout_error, Format};

pub(crate) const API_ERROR: u8 = 1;
const USAGE_ERROR: u8 = 2;
const JOB_FAILED: u8 = 3;
const SETUP_ERROR: u8 = 4;
const OTHER_ERROR: u8 = 5;

/// The exit codes, as `--help` lists them, so a script can tell a failed job from a bad setup.
const EXIT_CODES: &str = "\
Exit codes:
  0    success
  1    the API answered with an error (a 4xx or 5xx, an invalid or expired key); `tables pin
       --check`: a pin differs from its table
  2    a usage error: an unknown command or option, a bad value
  3    a job or run failed (or was never started because another failed)
  4    a setup to fix here: no API key, a plain-http endpoint, an unknown database or table
       name, a local file missing or unwritable, a spec that cannot be read, a pin that
       cannot be read, SQL that `sql check` finds wrong
  5    anything else: no connection, a timeout, file storage failed, an answer that does not
       decode
  130  interrupted (Ctrl-C, or SIGTERM while `jobs run` waits: its runs are cancelled)";

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

/// The group of `civis outputs add`.
const OUTPUTS: Place = Place::Group {
    name: "outputs",
    about: "Outputs of the Civis run this program is part of",
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
    // Below `civis sql` (a command of its own, civis-python's), so after its row.
    Extra {
        place: Place::Under("sql"),
        name: "check",
        define: sql_check::check_command,
        run: sql_check::check,
    },
    Extra {
        place: Place::Resource("tables"),
        name: "import",
        define: sql::import_command,
        run: |matches, _| sql::import(matches),
    },
    Extra {
        place: Place::Resource("tables"),
        name: "scan",
        define: scans::scan_command,
        run: scans::scan,
    },
    Extra {
        place: OUTPUTS,
        name: "add",
        define: run_outputs::add_command,
        run: run_outputs::add,
    },
    Extra {
        place: Place::Resource("tables"),
        name: "pin",
        define: pins::pin_command,
        run: |matches, _| pins::pin(matches),
    },
];

/// The exit code of a command that ran to its end and found what it checks wrong (see
/// [`exit_with`]); 0 while none did.
static EXIT_CODE: AtomicU8 = AtomicU8::new(0);

/// Makes the program exit with `code` when the command ends without an error: `tables pin
/// --check` prints every difference it finds, then exits 1.
pub(crate) fn exit_with(code: u8) {
    EXIT_CODE.store(code, Ordering::Relaxed);
}

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
        Ok(()) => ExitCode::from(EXIT_CODE.load(Ordering::Relaxed)),
        Err(error) => fail(error),
    }
}

/// The whole command tree: the options, a command per resource of `operations` and per method,
/// and the rows of [`EXTRAS`].
fn program(
    operations: &'static [Operation],
    slashed_paths: &std::collections::HashSet<String>,
) -> Command {
    extra::add(command::program(operations, slashed_paths), EXTRAS).after_help(EXIT_CODES)
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
    ExitCode::from(exit_code(&error))
}

/// The exit code of `error` (see [`EXIT_CODES`]).
fn exit_code(error: &Error) -> u8 {
    match error {
        Error::Api { .. } | Error::Unauthorized { .. } => API_ERROR,
        Error::Usage(_) => USAGE_ERROR,
        Error::JobFailed { .. } | Error::NotStarted(_) => JOB_FAILED,
        Error::Config(_) | Error::NotFound(_) | Error::Import(_) => SETUP_ERROR,
        Error::Io { source, .. } if is_local_setup(source.kind()) => SETUP_ERROR,
        _ => OTHER_ERROR,
    }
}

/// Whether an I/O error of `kind` is a local file to fix (missing, not allowed, a directory, a
/// full or read-only disk) rather than data that went wrong on its way (a download that does
/// not decompress).
fn is_local_setup(kind: std::io::ErrorKind) -> bool {
    use std::io::ErrorKind::*;
    matches!(
        kind,
        NotFound
            | PermissionDenied
            | AlreadyExists
            | IsADirectory
            | NotADirectory
            | ReadOnlyFilesystem
            | StorageFull
    )
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

/// The client the commands use, from `CIVIS_API_KEY` and `CIVIS_API_ENDPOINT` (and
/// `CIVIS_POLL_INTERVAL`, see [`polling`]), with errors worded for the command line.
pub(crate) fn client() -> Result<ApiClient, Error> {
    if std::env::var("CIVIS_API_KEY").map_or(true, |key| key.is_empty()) {
        return Err(Error::Config(
            "no API key: set CIVIS_API_KEY to your Civis API key (and CIVIS_API_ENDPOINT to use \
             another server than https://api.civisanalytics.com/)"
                .into(),
        ));
    }
    let endpoint = std::env::var("CIVIS_API_ENDPOINT").ok();
    if let Some(refused) = refused_endpoint(endpoint.as_deref()) {
        return Err(refused);
    }
    let builder = ApiClient::builder();
    match polling()? {
        Some(polling) => builder.polling(polling).build(),
        None => builder.build(),
    }
}

/// `CIVIS_POLL_INTERVAL` (seconds, `0.05` say): a fixed wait between two polls of a run in
/// place of the API's schedule (1 s, growing to 15 s), for a server that finishes runs at
/// once, as `civis mock serve` does (it prints the line that sets it).
fn polling() -> Result<Option<civis::runs::Polling>, Error> {
    let Some(text) = std::env::var("CIVIS_POLL_INTERVAL")
        .ok()
        .filter(|t| !t.trim().is_empty())
    else {
        return Ok(None);
    };
    let seconds = text
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && *s >= 0.0 && *s <= 3600.0)
        .ok_or_else(|| {
            Error::Config(format!(
                "CIVIS_POLL_INTERVAL={text:?} is not a number of seconds (0.05, 2, at most 3600)"
            ))
        })?;
    Ok(Some(civis::runs::Polling::every(
        std::time::Duration::from_secs_f64(seconds),
    )))
}

/// The error for an endpoint this program does not send the key to: plain `http://` to a host
/// that is not a loopback address (the key would cross the network unencrypted), said once,
/// in the command line's terms, before anything is downloaded or sent. `None` when it is fine.
pub(crate) fn refused_endpoint(endpoint: Option<&str>) -> Option<Error> {
    let endpoint = endpoint?.trim();
    let plain_http = endpoint
        .get(..7)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("http://"));
    let allowed = !plain_http || civis_core::__private::is_loopback_url(endpoint);
    (!allowed).then(|| {
        Error::Config(format!(
            "CIVIS_API_ENDPOINT={endpoint} is plain HTTP, which would send your API key across \
             the network unencrypted: use its https:// address, or a loopback address \
             (http://127.0.0.1:PORT/) for a server on this machine such as `civis mock serve`"
        ))
    })
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
    // What is called, never how: no header of a request is logged at any level.
    log::debug!(target: "civis", "{resource_kebab} {method_kebab}: {} {}", op.verb, op.path);
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
    // Served for as long as the user likes: nothing reads its request log, so none is kept.
    server.keep_requests(SERVED_REQUEST_LOG);
    mock_world::declare(&server, matches)?;
    output::line(format_args!("Mock Civis API listening on {}", server.url()))?;
    eprintln!(
        "civis: point the command line at it with\n  export CIVIS_API_ENDPOINT={} CIVIS_API_KEY=any CIVIS_POLL_INTERVAL={MOCK_POLL_INTERVAL}\n\
         (CIVIS_POLL_INTERVAL polls its runs at its pace, not the API's schedule)",
        server.url()
    );
    loop {
        std::thread::park();
    }
}

/// How many requests `civis mock serve` keeps in its log: none, as nothing can read them, so
/// its memory does not grow with every request.
const SERVED_REQUEST_LOG: usize = 0;

/// The poll interval, in seconds, `civis mock serve` suggests: its runs move on at each poll,
/// not with time.
const MOCK_POLL_INTERVAL: &str = "0.05";
