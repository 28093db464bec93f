//! Jobs that run in the mock: runs that advance `queued` -> `running` -> a final state as they
//! are polled, their logs (with the API's `civis-max-id` and `civis-cache-control` headers),
//! outputs and cancellation, and custom scripts made from templates.
//!
//! Only the jobs and templates a test declares are simulated; every other request is answered
//! as before, from scripts and recorded examples.

use std::collections::HashMap;
use std::time::{Duration, Instant, SystemTime};

use serde_json::{json, Value};

use super::routes::Simulation;
use super::routing::Params;
use super::{lock, Incoming, MockServer, Scripted};

/// The line the platform writes when it stops a run for its memory (civis-python looks for
/// its start, `Process ran out of its`).
const OUT_OF_MEMORY_LINE: &str =
    "Process ran out of its allowed 3000 MiB of memory and was killed.";
/// `civis-cache-control` of a log that will not change any more (anything but `no-store`).
const LOG_COMPLETE: &str = "max-age=86400";

#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    Succeed,
    Fail(Option<String>),
    Cancelled,
    StayRunning,
}

#[derive(Debug, Clone, PartialEq)]
struct LogLine {
    /// The poll of the run from which the line is in its log.
    from_poll: u32,
    level: String,
    message: String,
}

/// How the runs of a simulated job go: when they finish, how, what they log and output.
///
/// A run's *polls* are the requests for its state (`GET /jobs/{id}/runs/{run_id}`, or the
/// custom script's run) and for its log: the first poll says `queued`, the next ones `running`,
/// and poll `polls` the final state (not before [`takes`](MockJob::takes) has passed, when it
/// is set). Log lines are numbered from 1 in the order declared. The first run of a job goes
/// as declared; later runs as the jobs given to [`then`](MockJob::then), in order, the last
/// repeating.
///
/// ```no_run
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use civis_mock::{MockJob, MockServer};
///
/// let mock = MockServer::scripted()?;
/// mock.job(42, MockJob::succeeds_after(3).log("info", "loading").output("report.csv", "File", 7));
/// mock.job(43, MockJob::fails_after(2, "relation \"users\" does not exist"));
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct MockJob {
    outcome: Outcome,
    polls: u32,
    takes: Duration,
    logs: Vec<LogLine>,
    outputs: Vec<Value>,
    later_runs: Vec<MockJob>,
    log_stays_open: bool,
    ignores_cancel: bool,
    job_type: String,
}

/// The type `GET /jobs/{id}` gives a simulated job unless [`MockJob::job_type`] says otherwise:
/// a container script's, the kind a compiled program runs in.
///
/// ```
/// assert_eq!(civis_mock::DEFAULT_JOB_TYPE, "JobTypes::ContainerDocker");
/// ```
pub const DEFAULT_JOB_TYPE: &str = "JobTypes::ContainerDocker";

impl MockJob {
    fn new(outcome: Outcome, polls: u32) -> Self {
        Self {
            outcome,
            polls: polls.max(1),
            takes: Duration::ZERO,
            logs: Vec::new(),
            outputs: Vec::new(),
            later_runs: Vec::new(),
            log_stays_open: false,
            ignores_cancel: false,
            job_type: DEFAULT_JOB_TYPE.to_string(),
        }
    }

    /// The same job, whose runs accept a cancel (`DELETE` answers 202) but never stop: a run
    /// stuck in the platform, for the bound on the wait of `Run::cancel`.
    ///
    /// ```
    /// let job = civis_mock::MockJob::stays_running().ignores_cancel();
    /// ```
    pub fn ignores_cancel(mut self) -> Self {
        self.ignores_cancel = true;
        self
    }

    /// The same job, whose log is never marked complete (`civis-cache-control` stays
    /// `no-store` after the run is over): the platform may take minutes to close a log, which
    /// is why civis-python's `job_logs` has `finished_timeout`.
    ///
    /// ```
    /// let job = civis_mock::MockJob::succeeds_after(2).log("info", "done").log_stays_open();
    /// ```
    pub fn log_stays_open(mut self) -> Self {
        self.log_stays_open = true;
        self
    }

    /// The same job, whose runs also last at least `duration` of real time from their start:
    /// a poll before then says `running` whatever the count of polls. For runs that end at
    /// spread-out times whoever polls them, and however often.
    ///
    /// ```
    /// let job = civis_mock::MockJob::succeeds_after(1).takes(std::time::Duration::from_millis(1500));
    /// ```
    pub fn takes(mut self, duration: Duration) -> Self {
        self.takes = duration;
        self
    }

    /// The same job, whose next run (the second, then the third, ...) goes as `next` says: a
    /// job that fails and then succeeds when started again.
    ///
    /// ```
    /// use civis_mock::MockJob;
    /// let flaky = MockJob::fails_after(1, "lock timeout").then(MockJob::succeeds_after(2));
    /// ```
    pub fn then(mut self, next: MockJob) -> Self {
        self.later_runs.push(next);
        self
    }

    /// How run `attempt` (from 0) of the job goes.
    fn attempt(&self, attempt: usize) -> &MockJob {
        match attempt {
            0 => self,
            n => self
                .later_runs
                .get(n - 1)
                .or(self.later_runs.last())
                .unwrap_or(self),
        }
    }

    /// Runs that succeed on poll `polls` (1: the first poll already says `succeeded`).
    ///
    /// ```
    /// let job = civis_mock::MockJob::succeeds_after(3);
    /// ```
    pub fn succeeds_after(polls: u32) -> Self {
        Self::new(Outcome::Succeed, polls)
    }

    /// Runs that fail on poll `polls` with the API error text `error`.
    ///
    /// ```
    /// let job = civis_mock::MockJob::fails_after(2, "syntax error at or near \"selec\"");
    /// ```
    pub fn fails_after(polls: u32, error: &str) -> Self {
        Self::new(Outcome::Fail(Some(error.to_string())), polls)
    }

    /// Runs that fail on poll `polls` with no error text (`"error": null`), as container, Python
    /// and R scripts do: the reason is only in the log lines.
    ///
    /// ```
    /// let job = civis_mock::MockJob::fails_with_logs_after(2).log("error", "Traceback ...");
    /// ```
    pub fn fails_with_logs_after(polls: u32) -> Self {
        Self::new(Outcome::Fail(None), polls)
    }

    /// Runs that the platform stops on poll `polls` for using too much memory: no error text,
    /// and the log's last line (level `error`) says
    /// `Process ran out of its allowed 3000 MiB of memory and was killed.`
    ///
    /// ```
    /// let job = civis_mock::MockJob::runs_out_of_memory_after(2);
    /// ```
    pub fn runs_out_of_memory_after(polls: u32) -> Self {
        Self::new(Outcome::Fail(None), polls).log_from_poll(
            polls.max(1),
            "error",
            OUT_OF_MEMORY_LINE,
        )
    }

    /// Runs that end `cancelled` on poll `polls`, as if someone cancelled them elsewhere.
    ///
    /// ```
    /// let job = civis_mock::MockJob::cancelled_after(2);
    /// ```
    pub fn cancelled_after(polls: u32) -> Self {
        Self::new(Outcome::Cancelled, polls)
    }

    /// Runs that never finish on their own (a `DELETE` of the run still cancels it: the next
    /// poll says `running`, the one after `cancelled`).
    ///
    /// ```
    /// let job = civis_mock::MockJob::stays_running();
    /// ```
    pub fn stays_running() -> Self {
        Self::new(Outcome::StayRunning, u32::MAX)
    }

    /// One more log line, in the log from the start.
    ///
    /// ```
    /// let job = civis_mock::MockJob::succeeds_after(1).log("info", "hello");
    /// ```
    pub fn log(self, level: &str, message: &str) -> Self {
        self.log_from_poll(0, level, message)
    }

    /// One more log line, which appears in the log only from the run's poll `poll` on: a late
    /// entry, whose id is lower than that of lines already seen. The log is complete (its
    /// `civis-cache-control` no longer `no-store`) once the run is over and every line is in.
    ///
    /// ```
    /// let job = civis_mock::MockJob::succeeds_after(4)
    ///     .log("info", "first")
    ///     .log_from_poll(3, "info", "late, between first and last")
    ///     .log("info", "last");
    /// ```
    pub fn log_from_poll(mut self, poll: u32, level: &str, message: &str) -> Self {
        self.logs.push(LogLine {
            from_poll: poll,
            level: level.to_string(),
            message: message.to_string(),
        });
        self
    }

    /// The job's `type` in `GET /jobs/{id}` (default [`DEFAULT_JOB_TYPE`]):
    /// `JobTypes::PythonDocker`, `JobTypes::RDocker`, ...; it decides which script path
    /// (`/scripts/containers/..`, `/scripts/python3/..`) takes outputs for its runs, as on the
    /// platform. A custom script made from a template answers with its `fromTemplateId` too.
    ///
    /// ```
    /// let job = civis_mock::MockJob::succeeds_after(1).job_type("JobTypes::PythonDocker");
    /// ```
    pub fn job_type(mut self, job_type: &str) -> Self {
        self.job_type = job_type.to_string();
        self
    }

    /// One more run output (`objectType` `File`, `Table`, `JSONValue`, ...).
    ///
    /// ```
    /// let job = civis_mock::MockJob::succeeds_after(1).output("report.csv", "File", 7);
    /// ```
    pub fn output(mut self, name: &str, object_type: &str, object_id: i64) -> Self {
        self.outputs.push(json!({
            "objectType": object_type,
            "objectId": object_id,
            "name": name,
            "link": format!("/{}/{object_id}", link_resource(object_type)),
            "value": null,
        }));
        self
    }

    /// One more run output of type `JSONValue` (object `object_id`), holding `value`, as the
    /// API lists a script's JSON output with its value.
    ///
    /// ```
    /// let job = civis_mock::MockJob::succeeds_after(1).json_output("result", 5, serde_json::json!({"rows": 10}));
    /// ```
    pub fn json_output(mut self, name: &str, object_id: i64, value: Value) -> Self {
        self = self.output(name, "JSONValue", object_id);
        if let Some(last) = self.outputs.last_mut() {
            last["value"] = value;
        }
        self
    }
}

fn link_resource(object_type: &str) -> &'static str {
    match object_type {
        "File" => "files",
        "Table" => "tables",
        "JSONValue" => "json_values",
        "Report" => "reports",
        "Project" => "projects",
        _ => "credentials",
    }
}

#[derive(Debug)]
struct SimulatedRun {
    id: i64,
    job_id: i64,
    /// The run's place among its job's runs, from 0: which of the job's plans it follows.
    attempt: usize,
    created: SystemTime,
    started: Instant,
    polls: u32,
    cancelled_at_poll: Option<u32>,
    /// When a poll first found the run over: its `finishedAt`.
    finished: Option<SystemTime>,
    /// The outputs added to the run through the API (`POST .../runs/{run_id}/outputs`), after
    /// those its job declares.
    added: Vec<Value>,
}

/// The simulated jobs of one mock.
#[derive(Debug, Default)]
pub(super) struct Jobs {
    jobs: HashMap<i64, MockJob>,
    /// How the scripts made from each template go, in the order they are made (the last
    /// repeating).
    templates: HashMap<i64, Vec<MockJob>>,
    custom_scripts: HashMap<i64, i64>,
    /// The arguments each custom script was made with.
    arguments: HashMap<i64, Value>,
    runs: Vec<SimulatedRun>,
    /// The most runs that were unfinished at once, counted as each run starts.
    peak_unfinished: usize,
    /// The JSON values made with `POST /json_values`: name and value, the id being
    /// [`FIRST_JSON_VALUE_ID`] plus the place.
    json_values: Vec<(String, Value)>,
}

/// Ids of JSON values start here, apart from the other ids the mock gives.
const FIRST_JSON_VALUE_ID: i64 = 60_001;

/// Run ids and custom script ids start apart from each other and from the ids tests give jobs,
/// so that a mixed-up id finds nothing.
const FIRST_RUN_ID: i64 = 9001;
const FIRST_SCRIPT_ID: i64 = 7001;

impl MockServer {
    /// Simulates job `job_id`: `POST /jobs/{job_id}/runs` starts a run that goes as `job` says.
    /// Declaring a job again replaces it for runs started afterwards.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let mock = civis_mock::MockServer::scripted()?;
    /// mock.job(42, civis_mock::MockJob::succeeds_after(2));
    /// let client = civis::Client::builder().api_key("any").base_url(mock.url()).build()?;
    /// let finished = client.run_job(42)?.wait()?;
    /// # Ok(()) }
    /// ```
    pub fn job(&self, job_id: i64, job: MockJob) {
        lock(&self.state).jobs.jobs.insert(job_id, job);
    }

    /// Simulates template `template_id`: `POST /scripts/custom` with `from_template_id` makes a
    /// custom script (a job) whose runs go as `job` says; its runs are under
    /// `/scripts/custom/{id}/runs` and `/jobs/{id}/runs`.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let mock = civis_mock::MockServer::scripted()?;
    /// mock.template(9, civis_mock::MockJob::succeeds_after(1).output("result", "JSONValue", 3));
    /// let client = civis::Client::builder().api_key("any").base_url(mock.url()).build()?;
    /// let run = client.run_template(9, serde_json::json!({"N": 1}))?;
    /// # Ok(()) }
    /// ```
    pub fn template(&self, template_id: i64, job: MockJob) {
        self.template_in_turn(template_id, [job]);
    }

    /// Simulates template `template_id` whose custom scripts go each as the next of `jobs`, in
    /// the order they are made (the last repeating): a fan-out whose second set fails.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let mock = civis_mock::MockServer::scripted()?;
    /// use civis_mock::MockJob;
    /// mock.template_in_turn(9, [MockJob::succeeds_after(1), MockJob::fails_after(2, "bad state")]);
    /// # Ok(()) }
    /// ```
    pub fn template_in_turn(&self, template_id: i64, jobs: impl IntoIterator<Item = MockJob>) {
        let jobs: Vec<MockJob> = jobs.into_iter().collect();
        if !jobs.is_empty() {
            lock(&self.state).jobs.templates.insert(template_id, jobs);
        }
    }

    /// The most runs of simulated jobs that were unfinished at the same time (counted when each
    /// run starts, itself included): how many a fan-out kept going at once.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let mock = civis_mock::MockServer::scripted()?;
    /// assert_eq!(mock.peak_unfinished_runs(), 0);
    /// # Ok(()) }
    /// ```
    pub fn peak_unfinished_runs(&self) -> usize {
        lock(&self.state).jobs.peak_unfinished
    }

    /// The arguments of every custom script made from template `template_id`, in the order
    /// they were made.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let mock = civis_mock::MockServer::scripted()?;
    /// assert!(mock.template_arguments(9).is_empty());
    /// # Ok(()) }
    /// ```
    pub fn template_arguments(&self, template_id: i64) -> Vec<Value> {
        let state = lock(&self.state);
        let mut scripts: Vec<(&i64, &i64)> = state
            .jobs
            .custom_scripts
            .iter()
            .filter(|(_, template)| **template == template_id)
            .collect();
        scripts.sort();
        scripts
            .into_iter()
            .filter_map(|(script, _)| state.jobs.arguments.get(script).cloned())
            .collect()
    }
}

/// `POST /scripts/custom` from a simulated template: a custom script, a job whose runs go as
/// the template's next job says.
pub(crate) fn post_custom(
    simulation: &mut Simulation<'_>,
    incoming: &Incoming,
    _: &Params,
) -> Option<Scripted> {
    let simulated = &mut *simulation.jobs;
    let body = incoming.body.as_ref()?;
    let template = body
        .get("from_template_id")
        .or_else(|| body.get("fromTemplateId"))?
        .as_i64()?;
    let jobs = simulated.templates.get(&template)?;
    let made = simulated
        .custom_scripts
        .values()
        .filter(|t| **t == template)
        .count();
    let job = jobs.get(made).or(jobs.last())?.clone();
    let script = FIRST_SCRIPT_ID + simulated.custom_scripts.len() as i64;
    simulated.custom_scripts.insert(script, template);
    simulated.jobs.insert(script, job);
    let arguments = body.get("arguments").cloned().unwrap_or(json!({}));
    simulated.arguments.insert(script, arguments.clone());
    let answer = json!({
        "id": script,
        "name": format!("Custom script from template {template}"),
        "fromTemplateId": template,
        "arguments": arguments,
        "state": "idle",
        "type": "Custom",
    });
    Some(Scripted::json(201, answer.to_string()))
}

/// `POST /scripts/custom/{id}/runs` of a custom script the mock made: a run, `queued`.
pub(crate) fn post_custom_runs(
    simulation: &mut Simulation<'_>,
    _: &Incoming,
    params: &Params,
) -> Option<Scripted> {
    let script = params.number("id")?;
    let jobs = &mut *simulation.jobs;
    jobs.custom_scripts
        .contains_key(&script)
        .then(|| jobs.start_run(script, 202, "customId"))
}

/// `POST /jobs/{id}/runs` of a simulated job: a run, `queued`. A job of the mock database
/// (a preprocess or an import) does its work first, as the run's outcome depends on it.
pub(crate) fn post_runs(
    simulation: &mut Simulation<'_>,
    _: &Incoming,
    params: &Params,
) -> Option<Scripted> {
    let job = params.number("id")?;
    simulation
        .database
        .start(job, simulation.jobs, simulation.store);
    let jobs = &mut *simulation.jobs;
    jobs.jobs
        .contains_key(&job)
        .then(|| jobs.start_run(job, 201, ""))
}

/// `GET /jobs/{id}/runs` of a simulated job: its runs, the newest first, at most `limit`.
pub(crate) fn list_runs(
    simulation: &mut Simulation<'_>,
    incoming: &Incoming,
    params: &Params,
) -> Option<Scripted> {
    let job = params.number("id")?;
    simulation.jobs.jobs.get(&job)?;
    Some(simulation.jobs.list_runs(job, incoming))
}

/// Whose runs a route is about: a simulated job's (`/jobs/{id}/runs/{run_id}`, [`Job`]) or a
/// custom script's the mock made (`/scripts/custom/{id}/runs/{run_id}`, [`CustomScript`]).
pub(crate) trait RunsOf {
    /// The key under which a run's state names its parent (empty: none).
    const PARENT_KEY: &'static str;

    /// Whether the mock simulates the parent `id`.
    fn simulated(jobs: &Jobs, id: i64) -> bool;
}

/// The runs of `/jobs/{id}`.
pub(crate) struct Job;

impl RunsOf for Job {
    const PARENT_KEY: &'static str = "";

    fn simulated(jobs: &Jobs, id: i64) -> bool {
        jobs.jobs.contains_key(&id)
    }
}

/// The runs of `/scripts/custom/{id}`, answered with the script's id as `customId`.
pub(crate) struct CustomScript;

impl RunsOf for CustomScript {
    const PARENT_KEY: &'static str = "customId";

    fn simulated(jobs: &Jobs, id: i64) -> bool {
        jobs.custom_scripts.contains_key(&id)
    }
}

/// `GET .../runs/{run_id}`: a poll of the run, and its state.
pub(crate) fn get_run<P: RunsOf>(
    simulation: &mut Simulation<'_>,
    _: &Incoming,
    params: &Params,
) -> Option<Scripted> {
    simulation.jobs.about_run::<P>(params, |jobs, run| {
        jobs.polled(run);
        let answer = jobs.run_json(&jobs.runs[run], P::PARENT_KEY);
        Some(Scripted::json(200, answer.to_string()))
    })
}

/// `DELETE .../runs/{run_id}`: a cancel (202), which shows on the run's second poll after it;
/// a 404 once the run is over.
pub(crate) fn cancel_run<P: RunsOf>(
    simulation: &mut Simulation<'_>,
    _: &Incoming,
    params: &Params,
) -> Option<Scripted> {
    simulation.jobs.about_run::<P>(params, |jobs, run| {
        let (job, run_id) = (jobs.runs[run].job_id, jobs.runs[run].id);
        if jobs.state(&jobs.runs[run]).1 {
            return Some(not_found(&format!("run {run_id} of job {job} is over")));
        }
        let run = &mut jobs.runs[run];
        run.cancelled_at_poll.get_or_insert(run.polls);
        Some(Scripted::status(202))
    })
}

/// `GET .../runs/{run_id}/logs`: a poll of the run, and its log (see [`Jobs::logs`]).
pub(crate) fn run_logs<P: RunsOf>(
    simulation: &mut Simulation<'_>,
    incoming: &Incoming,
    params: &Params,
) -> Option<Scripted> {
    simulation.jobs.about_run::<P>(params, |jobs, run| {
        jobs.polled(run);
        Some(jobs.logs(&jobs.runs[run], incoming))
    })
}

/// `GET .../runs/{run_id}/outputs`: the run's outputs (see [`Jobs::outputs`]).
pub(crate) fn run_outputs<P: RunsOf>(
    simulation: &mut Simulation<'_>,
    incoming: &Incoming,
    params: &Params,
) -> Option<Scripted> {
    simulation.jobs.about_run::<P>(params, |jobs, run| {
        Some(jobs.outputs(&jobs.runs[run], incoming))
    })
}

/// `GET /jobs/{id}` of a simulated job: its `type`, and a custom script's `fromTemplateId`.
pub(crate) fn get_job(
    simulation: &mut Simulation<'_>,
    _: &Incoming,
    params: &Params,
) -> Option<Scripted> {
    let jobs = &*simulation.jobs;
    let id = params.number("id")?;
    let job = jobs.jobs.get(&id)?;
    let template = jobs.custom_scripts.get(&id);
    let last = jobs.runs.iter().rfind(|r| r.job_id == id);
    let state = last.map_or("idle", |run| jobs.state(run).0);
    let answer = json!({
        "id": id,
        "name": format!("Job {id}"),
        "type": job.job_type,
        "fromTemplateId": template,
        "state": state,
        "hidden": false,
        "archived": false,
    });
    Some(Scripted::json(200, answer.to_string()))
}

/// The kind of script (`/scripts/{kind}/..`) whose paths take a job's run outputs: the
/// platform's job types of the scripts the spec has such paths for; a custom script's is
/// `custom`, whatever its template runs.
fn script_kind(jobs: &Jobs, id: i64, job: &MockJob) -> Option<&'static str> {
    if jobs.custom_scripts.contains_key(&id) {
        return Some("custom");
    }
    Some(match job.job_type.as_str() {
        "JobTypes::ContainerDocker" => "containers",
        "JobTypes::PythonDocker" => "python3",
        "JobTypes::RDocker" => "r",
        "JobTypes::ScriptedSql" => "javascript",
        "JobTypes::DbtDocker" => "dbt",
        _ => return None,
    })
}

/// `POST /scripts/{kind}/{id}/runs/{run_id}/outputs` of a simulated job's run: the object
/// (`objectType`, `objectId`) becomes an output of the run, listed after the job's declared
/// ones (202, the output as the API gives it). A file the mock does not hold, or a JSON value
/// it did not make, is a 404; so is a kind that is not the job's (a container script's run
/// under `/scripts/python3/..`), as the platform finds no such script.
pub(crate) fn post_run_outputs(
    simulation: &mut Simulation<'_>,
    incoming: &Incoming,
    params: &Params,
) -> Option<Scripted> {
    let kind = params.text("kind")?;
    let id = params.number("id")?;
    let run_id = params.number("run_id")?;
    let jobs = &mut *simulation.jobs;
    let job = jobs.jobs.get(&id)?;
    if script_kind(jobs, id, job) != Some(kind) {
        return Some(not_found(&format!("there is no {kind} script {id}")));
    }
    let Some(run) = jobs
        .runs
        .iter()
        .position(|r| r.id == run_id && r.job_id == id)
    else {
        return Some(not_found(&format!("job {id} has no run {run_id}")));
    };
    let body = incoming.body_fields();
    let field = |camel: &str, snake: &str| body.get(camel).or_else(|| body.get(snake)).cloned();
    let object_type = field("objectType", "object_type");
    let object_id = field("objectId", "object_id").and_then(|v| v.as_i64());
    let (Some(Value::String(object_type)), Some(object_id)) = (object_type, object_id) else {
        return Some(bad_request("objectType and objectId are required"));
    };
    let (name, value) = match object_type.as_str() {
        "File" => match simulation.store.name_of(object_id) {
            Some(name) => (name, Value::Null),
            None => return Some(not_found(&format!("file {object_id} does not exist"))),
        },
        "JSONValue" => match jobs.json_value(object_id) {
            Some((name, value)) => (name.clone(), value.clone()),
            None => return Some(not_found(&format!("JSON value {object_id} does not exist"))),
        },
        "Table" | "Report" | "Project" | "Credential" => (String::new(), Value::Null),
        other => {
            return Some(bad_request(&format!(
                "objectType must be one of File, Table, Report, Project, Credential or JSONValue, not {other:?}"
            )))
        }
    };
    let output = json!({
        "objectType": object_type,
        "objectId": object_id,
        "name": name,
        "link": format!("/{}/{object_id}", link_resource(&object_type)),
        "value": value,
    });
    jobs.runs[run].added.push(output.clone());
    Some(Scripted::json(202, output.to_string()))
}

/// `POST /json_values` (`name`, `value_str`: the value as JSON text): a JSON value, which a
/// run output can then name (201, `{"id", "name", "value"}`).
pub(crate) fn post_json_values(
    simulation: &mut Simulation<'_>,
    incoming: &Incoming,
    _: &Params,
) -> Option<Scripted> {
    let body = incoming.body_fields();
    let text = |camel: &str, snake: &str| {
        body.get(camel)
            .or_else(|| body.get(snake))
            .and_then(Value::as_str)
    };
    let Some(value_str) = text("valueStr", "value_str") else {
        return Some(bad_request("value_str is required"));
    };
    let Ok(value) = serde_json::from_str::<Value>(value_str) else {
        return Some(bad_request("value_str is not JSON"));
    };
    let name = text("name", "name").unwrap_or_default().to_string();
    let jobs = &mut *simulation.jobs;
    let id = FIRST_JSON_VALUE_ID + jobs.json_values.len() as i64;
    jobs.json_values.push((name.clone(), value.clone()));
    Some(Scripted::json(
        201,
        json!({"id": id, "name": name, "value": value}).to_string(),
    ))
}

/// `GET /json_values/{id}` of a JSON value the mock made.
pub(crate) fn get_json_value(
    simulation: &mut Simulation<'_>,
    _: &Incoming,
    params: &Params,
) -> Option<Scripted> {
    let id = params.number("id")?;
    let (name, value) = simulation.jobs.json_value(id)?;
    Some(Scripted::json(
        200,
        json!({"id": id, "name": name, "value": value}).to_string(),
    ))
}

/// Any other request about a run (another verb, a deeper path): the 404 of a run the job does
/// not have; one it has is left to recorded examples.
pub(crate) fn other_run_request<P: RunsOf>(
    simulation: &mut Simulation<'_>,
    _: &Incoming,
    params: &Params,
) -> Option<Scripted> {
    simulation.jobs.about_run::<P>(params, |_, _| None)
}

impl Jobs {
    /// What `answer` says of run `{run_id}` (its index in `runs`) of the job or custom script
    /// `{id}`, or the API's 404 when it has no such run; `None` when the mock does not simulate
    /// `{id}`, so that the request is left to recorded examples.
    fn about_run<P: RunsOf>(
        &mut self,
        params: &Params,
        answer: impl FnOnce(&mut Self, usize) -> Option<Scripted>,
    ) -> Option<Scripted> {
        let job = params.number("id")?;
        if !P::simulated(self, job) {
            return None;
        }
        let run_id = params.number("run_id")?;
        match self
            .runs
            .iter()
            .position(|r| r.id == run_id && r.job_id == job)
        {
            Some(run) => answer(self, run),
            None => Some(not_found(&format!("job {job} has no run {run_id}"))),
        }
    }

    /// JSON value `id`'s name and value, if the mock made it.
    fn json_value(&self, id: i64) -> Option<(&String, &Value)> {
        let at = usize::try_from(id.checked_sub(FIRST_JSON_VALUE_ID)?).ok()?;
        self.json_values.get(at).map(|(name, value)| (name, value))
    }

    /// Declares job `job_id` (the mock database's exports, queries, preprocess and import
    /// jobs, once it knows how their runs end).
    pub(super) fn declare(&mut self, job_id: i64, job: MockJob) {
        self.jobs.insert(job_id, job);
    }

    /// The state of run `run_id` of `job` now, and whether it is final, without counting as a
    /// poll (`GET /queries/{id}` reads it).
    pub(super) fn peek(&self, job: i64, run_id: i64) -> Option<(&'static str, bool)> {
        let run = self
            .runs
            .iter()
            .find(|r| r.id == run_id && r.job_id == job)?;
        Some(self.state(run))
    }

    /// Counts a poll of run `run_id` of `job` made through another path than the job's runs
    /// (`GET /queries/{id}` polls its query's run).
    pub(super) fn count_poll(&mut self, job: i64, run_id: i64) {
        if let Some(index) = self
            .runs
            .iter()
            .position(|r| r.id == run_id && r.job_id == job)
        {
            self.polled(index);
        }
    }

    pub(super) fn start_run(&mut self, job: i64, status: u16, parent_key: &str) -> Scripted {
        let unfinished = self.runs.iter().filter(|r| !self.state(r).1).count();
        self.peak_unfinished = self.peak_unfinished.max(unfinished + 1);
        let run = SimulatedRun {
            id: FIRST_RUN_ID + self.runs.len() as i64,
            job_id: job,
            attempt: self.runs.iter().filter(|r| r.job_id == job).count(),
            created: SystemTime::now(),
            started: Instant::now(),
            polls: 0,
            cancelled_at_poll: None,
            finished: None,
            added: Vec::new(),
        };
        let mut answer = self.run_json(&run, parent_key);
        answer["state"] = json!("queued");
        self.runs.push(run);
        Scripted::json(status, answer.to_string())
    }

    fn list_runs(&self, job: i64, incoming: &Incoming) -> Scripted {
        let limit = query_number(incoming, "limit").map_or(usize::MAX, |l| l.max(0) as usize);
        let mut runs: Vec<&SimulatedRun> = self.runs.iter().filter(|r| r.job_id == job).collect();
        runs.sort_by_key(|r| std::cmp::Reverse(r.id));
        let listed: Vec<Value> = runs
            .into_iter()
            .take(limit)
            .map(|r| self.run_json(r, ""))
            .collect();
        Scripted::json(200, Value::Array(listed).to_string())
    }

    /// `GET .../outputs`: pages of `limit` (at most 50, the API's largest) with the API's
    /// pagination headers.
    fn outputs(&self, run: &SimulatedRun, incoming: &Incoming) -> Scripted {
        let declared = self.plan(run).map_or(&[][..], |j| &j.outputs[..]);
        let outputs: Vec<&Value> = declared.iter().chain(&run.added).collect();
        let per_page = query_number(incoming, "limit").map_or(50, |l| l.clamp(1, 50)) as usize;
        let page = query_number(incoming, "page_num").map_or(1, |p| p.max(1)) as usize;
        let items: Vec<Value> = outputs
            .iter()
            .skip((page - 1) * per_page)
            .take(per_page)
            .map(|output| (*output).clone())
            .collect();
        let total_pages = outputs.len().div_ceil(per_page).max(1);
        Scripted::json(200, Value::Array(items).to_string())
            .header("X-Pagination-Current-Page", &page.to_string())
            .header("X-Pagination-Per-Page", &per_page.to_string())
            .header("X-Pagination-Total-Pages", &total_pages.to_string())
            .header("X-Pagination-Total-Entries", &outputs.len().to_string())
    }

    /// Counts a poll of run `index`, and notes when it is first found over.
    fn polled(&mut self, index: usize) {
        self.runs[index].polls += 1;
        if self.runs[index].finished.is_none() && self.state(&self.runs[index]).1 {
            self.runs[index].finished = Some(SystemTime::now());
        }
    }

    /// How `run` goes: the plan of its job for its attempt.
    fn plan(&self, run: &SimulatedRun) -> Option<&MockJob> {
        Some(self.jobs.get(&run.job_id)?.attempt(run.attempt))
    }

    /// The run's state now, and whether it is final.
    fn state(&self, run: &SimulatedRun) -> (&'static str, bool) {
        let Some(job) = self.plan(run) else {
            return ("running", false);
        };
        let in_time = run.started.elapsed() >= job.takes;
        // A cancel shows on the second poll after the DELETE, unless the run ends first.
        let cancelled = run
            .cancelled_at_poll
            .filter(|_| !job.ignores_cancel)
            .map(|at| at.saturating_add(2));
        let natural = (job.outcome != Outcome::StayRunning).then_some(job.polls);
        let final_state = match (natural, cancelled) {
            (Some(end), Some(cancel)) if cancel < end => Some((cancel, "cancelled")),
            (Some(end), _) => Some((end, final_name(&job.outcome))),
            (None, Some(cancel)) => Some((cancel, "cancelled")),
            (None, None) => None,
        };
        match final_state {
            Some((at, state)) if run.polls >= at && (in_time || state == "cancelled") => {
                (state, true)
            }
            _ if run.polls <= 1 => ("queued", false),
            _ => ("running", false),
        }
    }

    fn run_json(&self, run: &SimulatedRun, parent_key: &str) -> Value {
        let (state, over) = self.state(run);
        let error = match self.plan(run).map(|j| &j.outcome) {
            Some(Outcome::Fail(error)) if over && state == "failed" => json!(error),
            _ => Value::Null,
        };
        let mut answer = json!({
            "id": run.id,
            "state": state,
            "createdAt": timestamp(run.created),
            "startedAt": (state != "queued").then(|| timestamp(run.created)),
            "finishedAt": over.then(|| timestamp(run.finished.unwrap_or_else(SystemTime::now))),
            "error": error,
        });
        if !parent_key.is_empty() {
            answer[parent_key] = json!(run.job_id);
            answer["isCancelRequested"] = json!(run.cancelled_at_poll.is_some());
        }
        answer
    }

    /// `GET .../logs`: after `last_id`, oldest first; without it, the newest first.
    fn logs(&self, run: &SimulatedRun, incoming: &Incoming) -> Scripted {
        let lines = self.plan(run).map_or(&[][..], |j| &j.logs[..]);
        let visible: Vec<Value> = lines
            .iter()
            .enumerate()
            .filter(|(_, line)| run.polls >= line.from_poll)
            .map(|(index, line)| {
                let id = index as i64 + 1;
                json!({
                    "id": id,
                    // One millisecond apart in the order declared, so a late line's time is
                    // earlier than that of lines which appeared before it.
                    "createdAt": timestamp(run.created + Duration::from_millis(id as u64)),
                    "message": line.message,
                    "level": line.level,
                })
            })
            .collect();
        let max_id = visible.iter().filter_map(|l| l["id"].as_i64()).max();
        let limit = query_number(incoming, "limit").map_or(50, |l| l.max(0) as usize);
        let page: Vec<Value> = match query_number(incoming, "last_id") {
            Some(last_id) => visible
                .into_iter()
                .filter(|l| l["id"].as_i64().is_some_and(|id| id > last_id))
                .take(limit)
                .collect(),
            None => visible.into_iter().rev().take(limit).collect(),
        };
        let complete = self.state(run).1
            && lines.iter().all(|l| run.polls >= l.from_poll)
            && !self.plan(run).is_some_and(|j| j.log_stays_open);
        let mut reply = Scripted::json(200, Value::Array(page).to_string()).header(
            "Civis-Cache-Control",
            if complete { LOG_COMPLETE } else { "no-store" },
        );
        if let Some(max_id) = max_id {
            reply = reply.header("Civis-Max-Id", &max_id.to_string());
        }
        reply
    }
}

fn final_name(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::Succeed => "succeeded",
        Outcome::Fail(_) => "failed",
        Outcome::Cancelled => "cancelled",
        Outcome::StayRunning => "running",
    }
}

fn query_number(incoming: &Incoming, name: &str) -> Option<i64> {
    incoming
        .query
        .iter()
        .find(|(key, _)| key == name)
        .and_then(|(_, value)| value.parse().ok())
}

fn not_found(message: &str) -> Scripted {
    let body = json!({"error": "not_found", "errorDescription": message, "code": 404});
    Scripted::json(404, body.to_string())
}

fn bad_request(message: &str) -> Scripted {
    let body = json!({"error": "bad_request", "errorDescription": message, "code": 400});
    Scripted::json(400, body.to_string())
}

/// A time as the API writes it: `2026-05-27T14:44:37.854Z`.
pub(super) fn timestamp(time: SystemTime) -> String {
    civis_core::time::format_api_time(time)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::UNIX_EPOCH;

    #[test]
    fn timestamps_are_the_apis_format() {
        assert_eq!(timestamp(UNIX_EPOCH), "1970-01-01T00:00:00.000Z");
        let at = UNIX_EPOCH + Duration::from_millis(1_779_893_077_854);
        assert_eq!(timestamp(at), "2026-05-27T14:44:37.854Z");
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400);
        assert_eq!(timestamp(leap), "2000-02-29T00:00:00.000Z");
    }
}
