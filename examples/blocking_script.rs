//! A blocking script as most Civis scripts are: start a run of a job, follow its log while it
//! goes, wait for it, react to a failure, read its outputs. It runs offline against the mock
//! Civis API, whose simulated jobs advance as they are polled.
//!
//! ```sh
//! cargo run --example blocking_script
//! ```
//!
//! Against the real API, drop the mock and build the client with `ApiClient::new()?`
//! (CIVIS_API_KEY from the environment); the rest is unchanged.

use std::time::Duration;

use civis::{runs::Polling, ApiClient, Error};
use civis_mock::{MockJob, MockServer};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mock = MockServer::scripted()?;
    mock.job(
        101,
        MockJob::succeeds_after(4)
            .log("info", "Connecting to redshift-general")
            .log("info", "Running query: select count(*) from public.users")
            .log_from_poll(3, "info", "Query finished: 1,204,311 rows")
            .output("users.csv", "File", 5021),
    );
    mock.job(
        102,
        MockJob::fails_with_logs_after(2)
            .log("info", "Starting container")
            .log("error", "Traceback (most recent call last):")
            .log("error", "ZeroDivisionError: division by zero"),
    );

    // The mock's jobs need no real pauses; the real API is best polled on the default schedule
    // (1 s, growing by a fifth per poll up to 15 s).
    let client = ApiClient::builder()
        .api_key("offline-demo-key")
        .base_url(mock.url())
        .polling(Polling::every(Duration::from_millis(20)))
        .build()?;

    // civis.utils.run_job(101), then civis.utils.job_logs(101, run_id).
    let run = client.run_job(101)?;
    println!("started {}", run.url());
    // The log is polled every 5 s while it is being written; the mock's need not wait.
    for entry in run.logs().follow_interval(Duration::from_millis(20)) {
        let entry = entry?;
        println!("  {} [{}] {}", entry.created_at, entry.level, entry.message);
    }
    // future.result(): the log is complete, so the run is over; one poll says how it ended.
    let finished = run.wait()?;
    println!(
        "run {} {} at {:?}",
        finished.run_id, finished.state, finished.finished_at
    );
    for output in run.outputs()? {
        println!(
            "  output {} ({} {})",
            output.name, output.object_type, output.object_id
        );
    }

    // A failed run is an error; without an error text from the API, its message is the end of
    // the run's log, as in civis-python.
    match client.run_job(102)?.wait() {
        Err(Error::JobFailed {
            job_id, message, ..
        }) => {
            println!("job {job_id} failed:\n{message}");
        }
        other => println!("unexpected: {other:?}"),
    }

    // A run that takes too long: give up waiting, then cancel it.
    mock.job(103, MockJob::stays_running());
    let slow = client.run_job(103)?;
    if let Err(error @ Error::WaitTimeout { .. }) = slow.wait_timeout(Duration::from_millis(100)) {
        println!("{error}");
        println!("cancelled: {}", slow.cancel()?.state);
    }
    Ok(())
}
