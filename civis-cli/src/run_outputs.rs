//! `civis outputs add`: an output added to the run this program is part of (civis-r's
//! `write_job_output`), so that a shell step of a Civis script hands a file or a value to
//! the next step of a workflow.

use clap::{Arg, ArgGroup, ArgMatches, Command};
use serde_json::{json, Value};

use super::output::Format;
use civis::Error;

/// `outputs add`, given `Command::new("add")`.
pub fn add_command(command: Command) -> Command {
    command
        .about("Add a file or a JSON value to the outputs of the run this runs in")
        .long_about(
            "Add an output to the run this program is part of: the run CIVIS_JOB_ID and \
             CIVIS_RUN_ID name (Civis sets them in a script's container), or --job and --run. \
             Give a Civis file's id, --path to upload a local file first, or --json NAME=VALUE \
             for a JSON value (VALUE is JSON; text that is not JSON is taken as a string). \
             Prints what was added.",
        )
        .arg(
            Arg::new("file_id")
                .value_name("FILE_ID")
                .value_parser(clap::value_parser!(i64))
                .help("A Civis file to add"),
        )
        .arg(
            Arg::new("path")
                .long("path")
                .value_name("PATH")
                .help("A local file to upload and add"),
        )
        .arg(
            Arg::new("json")
                .long("json")
                .value_name("NAME=VALUE")
                .help("A JSON value to make and add"),
        )
        .group(
            ArgGroup::new("output")
                .args(["file_id", "path", "json"])
                .required(true),
        )
        .arg(
            Arg::new("job")
                .long("job")
                .value_name("JOB_ID")
                .value_parser(clap::value_parser!(i64))
                .requires("run")
                .help("The job whose run takes the output (default: CIVIS_JOB_ID)"),
        )
        .arg(
            Arg::new("run")
                .long("run")
                .value_name("RUN_ID")
                .value_parser(clap::value_parser!(i64))
                .requires("job")
                .help("The run (default: CIVIS_RUN_ID)"),
        )
}

/// Runs `outputs add` (`m` are its own matches).
pub fn add(m: &ArgMatches, format: Format) -> Result<(), Error> {
    let client = super::client()?;
    let number = |name: &str| m.get_one::<i64>(name).copied();
    let run = match (number("job"), number("run")) {
        (Some(job), Some(run)) => client.run_of(job, run),
        _ => client.current_run().ok_or_else(|| {
            Error::Usage(
                "not inside a Civis run: CIVIS_JOB_ID and CIVIS_RUN_ID are not set; give --job and --run".into(),
            )
        })?,
    };
    let added = if let Some(file_id) = number("file_id") {
        run.add_output_file(file_id)?;
        json!({"object_type": "File", "object_id": file_id})
    } else if let Some(path) = m.get_one::<String>("path") {
        let file_id = run.add_output_path(path)?;
        json!({"object_type": "File", "object_id": file_id})
    } else {
        let given = m.get_one::<String>("json").cloned().unwrap_or_default();
        let (name, value) = given
            .split_once('=')
            .ok_or_else(|| Error::Usage(format!("--json {given:?} is not NAME=VALUE")))?;
        let value = serde_json::from_str::<Value>(value).unwrap_or_else(|_| json!(value));
        let id = run.add_output_json(name, &value)?;
        json!({"object_type": "JSONValue", "object_id": id, "name": name, "value": value})
    };
    let mut added = added;
    added["job_id"] = json!(run.job_id());
    added["run_id"] = json!(run.run_id());
    format.print(&added)
}
