//! `civis jobs run`, `civis jobs follow-log` and `civis jobs follow-run-log`: civis-python's
//! `civis jobs follow-log` and `follow-run-log`, and a run that can be waited for.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

use clap::{value_parser, Arg, ArgAction, ArgMatches, Command};
use indicatif::{ProgressBar, ProgressStyle};

use super::output::{stdout_error, Format};
use super::{client, extend};
use civis::{runs::FinishedRun, runs::Logs, runs::Polling, runs::Run, Error};

/// The commands this module adds under `jobs`.
const COMMANDS: [&str; 3] = ["run", "follow-log", "follow-run-log"];

/// `program` with the run commands added to its `jobs` resource.
pub fn commands(program: Command) -> Command {
    let id = |name: &'static str, index: usize, help: &'static str| {
        Arg::new(name)
            .index(index)
            .required(true)
            .value_name(name.to_uppercase())
            .value_parser(value_parser!(i64))
            .help(help)
    };
    extend(program, "jobs", |jobs| {
        jobs.subcommand(
            Command::new("run")
                .about("Start a run of a job (POST /jobs/{id}/runs) and print it; with --wait, wait for it to finish")
                .arg(id("job_id", 1, "The ID of the job"))
                .arg(
                    Arg::new("wait")
                        .long("wait")
                        .action(ArgAction::SetTrue)
                        .help("Wait until the run is over; a failed run exits with status 3 and its error"),
                ),
        )
        .subcommand(
            Command::new("follow-log")
                .about("Print the log of a job's latest run as it is written, until it is complete")
                .arg(id("job_id", 1, "The ID of the job")),
        )
        .subcommand(
            Command::new("follow-run-log")
                .about("Print the log of a run as it is written, until it is complete")
                .arg(id("job_id", 1, "The ID of the job"))
                .arg(id("run_id", 2, "The ID of the run")),
        )
    })
}

/// Whether `matches` (those of `jobs`) name one of these commands.
pub fn handles(matches: &ArgMatches) -> bool {
    matches
        .subcommand_name()
        .is_some_and(|name| COMMANDS.contains(&name))
}

/// Runs the command `matches` (those of `jobs`) names.
pub fn run(matches: &ArgMatches, output: Format) -> Result<(), Error> {
    let Some((command, matches)) = matches.subcommand() else {
        return Err(Error::Usage("jobs: no method given".into()));
    };
    let id = |name: &str| matches.get_one::<i64>(name).copied().unwrap_or_default();
    let client = client()?;
    match command {
        "run" => {
            let run = client.run_job(id("job_id"))?;
            if matches.get_flag("wait") {
                let finished = wait_showing_progress(&run, client.config().polling())?;
                output.print(finished.response.json())
            } else {
                output.print(&serde_json::json!({
                    "job_id": run.job_id(),
                    "run_id": run.run_id(),
                    "url": run.url(),
                }))
            }
        }
        "follow-log" => follow(client.job_logs(id("job_id"), None)?),
        _ => follow(client.job_logs(id("job_id"), Some(id("run_id")))?),
    }
}

/// Prints each entry as it arrives. (civis-python's command reads `createdAt` from entries that
/// have `created_at`, and fails on the first line.)
fn follow(logs: Logs) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    for entry in logs {
        let entry = entry?;
        writeln!(out, "{} {}", entry.created_at, entry.message.trim_end())
            .and_then(|()| out.flush())
            .map_err(stdout_error)?;
    }
    Ok(())
}

/// Waits for `run`; on a terminal, a spinner on stderr shows the run's state and the time
/// waited.
fn wait_showing_progress(run: &Run, polling: Polling) -> Result<FinishedRun, Error> {
    if !std::io::stderr().is_terminal() {
        return run.wait();
    }
    let spinner = ProgressBar::new_spinner();
    spinner.set_style(
        ProgressStyle::with_template("{spinner} {prefix}: {msg} ({elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    spinner.set_prefix(format!("job {} / run {}", run.job_id(), run.run_id()));
    spinner.set_message("queued");
    spinner.enable_steady_tick(Duration::from_millis(120));
    let started = Instant::now();
    let mut pauses = polling.intervals();
    let outcome = loop {
        std::thread::sleep(pauses.next().unwrap_or(Duration::from_secs(15)));
        // A zero timeout polls once: the finished run, its failure, or the state to show.
        match run.wait_timeout(Duration::ZERO) {
            Err(Error::WaitTimeout { state, .. }) => spinner.set_message(state.to_string()),
            other => break other,
        }
    };
    spinner.finish_and_clear();
    if let Ok(finished) = &outcome {
        eprintln!(
            "job {} / run {} {} after {:.0} s",
            run.job_id(),
            run.run_id(),
            finished.state,
            started.elapsed().as_secs_f64()
        );
    }
    outcome
}
