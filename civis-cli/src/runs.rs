//! `civis jobs run`, `civis jobs follow-log` and `civis jobs follow-run-log`: civis-python's
//! `civis jobs follow-log` and `follow-run-log`, and a run that can be waited for.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

use clap::{value_parser, Arg, ArgAction, ArgMatches, Command};
use indicatif::{MultiProgress, ProgressBar, ProgressStyle};

use super::client;
use super::output::{stdout_error, Format};
use civis::runs::{FinishedRun, Logs, Polling, Run, RunSet};
use civis::Error;

/// A job or run ID, the positional argument `index`.
fn id(name: &'static str, index: usize, help: &'static str) -> Arg {
    Arg::new(name)
        .index(index)
        .required(true)
        .value_name(name.to_uppercase())
        .value_parser(value_parser!(i64))
        .help(help)
}

/// `jobs run`, given `Command::new("run")`.
pub fn run_command(command: Command) -> Command {
    command
        .about("Start a run of each job (POST /jobs/{id}/runs) and print it; with --wait, wait for all of them to finish")
        .long_about(
            "Start a run of each job given (POST /jobs/{id}/runs) and print it: one object for one job, \
             an array in the order given for several. With --wait, wait until every run is over, polling \
             them all from one thread on one schedule within the API's rate limit, with one progress line \
             per run on stderr, and print each finished run; if any failed, the first failure's error \
             follows and the exit status is 3. Each run prints as the API gives it (GET \
             /jobs/{id}/runs/{run_id}, camelCase keys, with its job_id, run_id and url), waited \
             for or not. While waiting, a first Ctrl-C (or SIGTERM, SIGHUP: a CI job's cancel, \
             `docker stop`, `timeout`) cancels the runs (a DELETE each, said on stderr) and \
             exits with status 130; a second exits at once, leaving them going.",
        )
        .arg(
            id("job_id", 1, "The IDs of the jobs")
                .num_args(1..)
                .value_name("JOB_ID"),
        )
        .arg(
            Arg::new("wait")
                .long("wait")
                .action(ArgAction::SetTrue)
                .help("Wait until every run is over; a failed run exits with status 3 and its error"),
        )
        .arg(
            Arg::new("follow-log")
                .long("follow-log")
                .action(ArgAction::SetTrue)
                .help("Wait (as --wait), printing each run's log on stderr as it is written (`job J / run R:` before each line when there are several)"),
        )
}

/// `jobs follow-log`, given `Command::new("follow-log")`.
pub fn follow_log_command(command: Command) -> Command {
    command
        .about("Print the log of a job's latest run as it is written, until it is complete")
        .arg(id("job_id", 1, "The ID of the job"))
}

/// `jobs follow-run-log`, given `Command::new("follow-run-log")`.
pub fn follow_run_log_command(command: Command) -> Command {
    command
        .about("Print the log of a run as it is written, until it is complete")
        .arg(id("job_id", 1, "The ID of the job"))
        .arg(id("run_id", 2, "The ID of the run"))
}

/// The ID argument `name` of `matches`.
fn id_of(matches: &ArgMatches, name: &str) -> i64 {
    matches.get_one::<i64>(name).copied().unwrap_or_default()
}

/// Runs `jobs run` (`matches` are its own).
pub fn run(matches: &ArgMatches, output: Format) -> Result<(), Error> {
    let client = client()?;
    let jobs: Vec<i64> = matches
        .get_many::<i64>("job_id")
        .map(|ids| ids.copied().collect())
        .unwrap_or_default();
    let runs = jobs
        .iter()
        .map(|job| client.run_job(*job))
        .collect::<Result<Vec<Run>, Error>>()?;
    let follow_logs = matches.get_flag("follow-log");
    let waiting = matches.get_flag("wait") || follow_logs;
    if waiting {
        cancel_on_interrupt(&runs);
    }
    let logs = follow_logs.then(|| follow_on_stderr(&runs));
    let waited = match (waiting, runs.as_slice()) {
        (true, [run]) => wait_showing_progress(run, client.config().polling())
            .and_then(|finished| output.print(&as_sent(&client, &finished))),
        (true, _) => wait_for_all(&client, runs, output),
        (false, [run]) => {
            output.print(&shaped(&current(&client, run)?, run.job_id(), run.run_id()))
        }
        (false, runs) => {
            let all = runs
                .iter()
                .map(|run| {
                    current(&client, run).map(|now| shaped(&now, run.job_id(), run.run_id()))
                })
                .collect::<Result<Vec<_>, Error>>()?;
            output.print(&serde_json::Value::Array(all))
        }
    };
    for follower in logs.into_iter().flatten() {
        let _ = follower.join();
    }
    waited
}

/// Runs `jobs follow-log` (`matches` are its own).
pub fn follow_log(matches: &ArgMatches) -> Result<(), Error> {
    let client = client()?;
    follow(client.job_logs(id_of(matches, "job_id"), None)?)
}

/// Runs `jobs follow-run-log` (`matches` are its own).
pub fn follow_run_log(matches: &ArgMatches) -> Result<(), Error> {
    let client = client()?;
    follow(client.job_logs(id_of(matches, "job_id"), Some(id_of(matches, "run_id")))?)
}

/// Ctrl-C while waiting, or SIGTERM or SIGHUP (ctrlc's `termination`: a CI job's cancel,
/// `docker stop`, `timeout`): the first cancels the runs (a DELETE each, said on stderr) and
/// exits with 130, as an interrupted program does; a second exits at once, leaving them going.
fn cancel_on_interrupt(runs: &[Run]) {
    let runs: Vec<Run> = runs.to_vec();
    let pressed = std::sync::atomic::AtomicBool::new(false);
    let installed = ctrlc::set_handler(move || {
        if pressed.swap(true, std::sync::atomic::Ordering::SeqCst) {
            eprintln!("civis: interrupted again; exiting, the runs may still be going");
            std::process::exit(130);
        }
        // A DELETE each, in the handler's own thread; their outcome is not waited for beyond
        // the request (Ctrl-C again to leave sooner).
        let runs = runs.clone();
        std::thread::spawn(move || {
            for run in &runs {
                eprintln!(
                    "civis: interrupted; cancelling job {} / run {} (Ctrl-C again to exit at once)",
                    run.job_id(),
                    run.run_id()
                );
                if let Err(error) = run.request_cancel() {
                    eprintln!(
                        "civis: the cancel of job {} / run {} failed: {error}",
                        run.job_id(),
                        run.run_id()
                    );
                }
            }
            std::process::exit(130);
        });
    });
    if let Err(error) = installed {
        log::warn!("Ctrl-C will not cancel the runs: {error}");
    }
}

/// The run as the API gives it now (`GET /jobs/{id}/runs/{run_id}`).
fn current(client: &civis::ApiClient, run: &Run) -> Result<serde_json::Value, Error> {
    as_the_api_sends_it(client, run.job_id(), run.run_id())
}

/// `GET /jobs/{job_id}/runs/{run_id}`, its keys as the API sends them (camelCase).
fn as_the_api_sends_it(
    client: &civis::ApiClient,
    job_id: i64,
    run_id: i64,
) -> Result<serde_json::Value, Error> {
    let args = serde_json::json!({"id": job_id, "run_id": run_id});
    let request = client.prepare_call(civis::ApiClient::operations(), "jobs", "get_runs", args)?;
    Ok(request.send_with_headers::<serde_json::Value>()?.0)
}

/// A finished run as `jobs run` prints it: as the API sends it now (camelCase keys, as every
/// command prints answers; the wait's `FinishedRun` holds them in snake_case), else, when that
/// last GET fails, as the wait saw it, with a warning.
fn as_sent(client: &civis::ApiClient, finished: &FinishedRun) -> serde_json::Value {
    let (job_id, run_id) = (finished.job_id, finished.run_id);
    let answer = match as_the_api_sends_it(client, job_id, run_id) {
        Ok(answer) => answer,
        Err(error) => {
            log::warn!(
                "job {job_id} / run {run_id} could not be read again ({error}); printed with snake_case keys"
            );
            finished.response.json().clone()
        }
    };
    shaped(&answer, job_id, run_id)
}

/// What `jobs run` prints of a run, waited for or not: the API's run, with its `job_id`,
/// `run_id` (its `id` again) and its `url` in the Platform.
fn shaped(answer: &serde_json::Value, job_id: i64, run_id: i64) -> serde_json::Value {
    let mut shaped = answer.clone();
    if let Some(fields) = shaped.as_object_mut() {
        fields.insert("job_id".into(), job_id.into());
        fields.insert("run_id".into(), run_id.into());
        fields.insert(
            "url".into(),
            civis::runs::job_url(job_id, Some(run_id)).into(),
        );
    }
    shaped
}

/// One thread per run printing its log on stderr as it is written, until the run has been
/// over for 5 s and its log has caught up (or the API marks it complete).
fn follow_on_stderr(runs: &[Run]) -> Vec<std::thread::JoinHandle<()>> {
    let several = runs.len() > 1;
    runs.iter()
        .map(|run| {
            let logs = run.logs().finished_timeout(Duration::from_secs(5));
            let prefix = if several {
                format!("job {} / run {}: ", run.job_id(), run.run_id())
            } else {
                String::new()
            };
            std::thread::spawn(move || {
                for entry in logs {
                    match entry {
                        Ok(entry) => {
                            eprintln!("{prefix}{} {}", entry.created_at, entry.message.trim_end())
                        }
                        Err(error) => {
                            log::warn!("{prefix}the log could not be followed: {error}");
                            break;
                        }
                    }
                }
            })
        })
        .collect()
}

/// Waits for every run of `runs` from this thread, with one progress line per run on a
/// terminal (one line per run as it ends otherwise), prints every finished run in the order
/// given, and returns the first failure, if any.
fn wait_for_all(client: &civis::ApiClient, runs: Vec<Run>, output: Format) -> Result<(), Error> {
    let terminal = std::io::stderr().is_terminal();
    let lines = MultiProgress::new();
    let bars: Vec<ProgressBar> = runs
        .iter()
        .map(|run| {
            let bar = lines.add(ProgressBar::new_spinner());
            bar.set_style(
                ProgressStyle::with_template("{spinner} {prefix}: {msg} ({elapsed})")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.set_prefix(format!("job {} / run {}", run.job_id(), run.run_id()));
            bar.set_message("queued");
            if terminal {
                bar.enable_steady_tick(Duration::from_millis(120));
            } else {
                bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
            }
            bar
        })
        .collect();
    let shown = bars.clone();
    let started = Instant::now();
    let mut finished: Vec<Option<Result<FinishedRun, Error>>> = runs.iter().map(|_| None).collect();
    let set = RunSet::new(runs).on_state(move |index, state| {
        if let Some(bar) = shown.get(index) {
            bar.set_message(state.to_string());
        }
    });
    for done in set.as_completed() {
        let ended = match &done.outcome {
            Ok(run) => run.state.to_string(),
            Err(Error::JobFailed { .. }) => "failed".to_string(),
            Err(error) => format!("not followed: {error}"),
        };
        let line = format!(
            "job {} / run {} {ended} after {:.0} s",
            done.run.job_id(),
            done.run.run_id(),
            started.elapsed().as_secs_f64()
        );
        match bars.get(done.index) {
            Some(bar) if terminal => bar.finish_with_message(ended),
            _ => eprintln!("{line}"),
        }
        finished[done.index] = Some(done.outcome);
    }
    let mut printed = Vec::with_capacity(finished.len());
    let mut first_failure = None;
    for outcome in finished.into_iter().flatten() {
        match outcome {
            Ok(run) => printed.push(as_sent(client, &run)),
            Err(error) => {
                if let Error::JobFailed { run, .. } = &error {
                    printed.push(as_sent(client, run));
                }
                first_failure.get_or_insert(error);
            }
        }
    }
    output.print(&serde_json::Value::Array(printed))?;
    match first_failure {
        Some(error) => Err(error),
        None => Ok(()),
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
