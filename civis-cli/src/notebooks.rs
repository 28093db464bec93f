//! civis-python's notebook commands, beside the generated `notebooks` methods:
//! `civis notebooks download ID PATH | new [python3|r] [--mem] [--cpu] | up ID | down ID |
//! open ID`.

use clap::{value_parser, Arg, ArgMatches, Command};
use serde_json::{json, Map, Value};

use super::client;
use super::output::Format;
use civis::{http::HttpRequest, ApiClient, Error, Response};

/// The notebook's ID, the first argument.
fn id() -> Arg {
    Arg::new("notebook_id")
        .index(1)
        .required(true)
        .value_name("NOTEBOOK_ID")
        .value_parser(value_parser!(i64))
        .help("The ID of the notebook")
}

/// The sizes a started notebook may be given.
fn resources() -> [Arg; 2] {
    [
        Arg::new("mem")
            .long("mem")
            .value_name("MIB")
            .value_parser(value_parser!(i64))
            .help("Memory allocated for this notebook in MiB"),
        Arg::new("cpu")
            .long("cpu")
            .value_name("MILLICORES")
            .value_parser(value_parser!(i64))
            .help("CPU available for this notebook in 1/1000 of a core"),
    ]
}

/// `notebooks download`, given `Command::new("download")`.
pub fn download_command(command: Command) -> Command {
    command
        .about("Download a notebook's .ipynb file to PATH")
        .arg(id())
        .arg(Arg::new("path").index(2).required(true).value_name("PATH"))
}

/// `notebooks new`, given `Command::new("new")`.
pub fn new_command(command: Command) -> Command {
    command
        .about("Create a notebook, start it and open it in a browser")
        .arg(
            Arg::new("language")
                .index(1)
                .value_parser(["python3", "r"])
                .default_value("python3"),
        )
        .args(resources())
}

/// `notebooks up`, given `Command::new("up")`.
pub fn up_command(command: Command) -> Command {
    command
        .about("Start a notebook and open it in a browser")
        .arg(id())
        .args(resources())
}

/// `notebooks down`, given `Command::new("down")`.
pub fn down_command(command: Command) -> Command {
    command
        .about("Stop a notebook's running deployment")
        .arg(id())
}

/// `notebooks open`, given `Command::new("open")`.
pub fn open_command(command: Command) -> Command {
    command
        .about("Print a notebook's address, and open it in a browser when there is one")
        .arg(id())
}

/// The number argument `name` of `matches`, when given (or defaulted).
fn number(matches: &ArgMatches, name: &str) -> Option<i64> {
    matches.try_get_one::<i64>(name).ok().flatten().copied()
}

/// The notebook's ID in `matches`.
fn notebook_id(matches: &ArgMatches) -> i64 {
    number(matches, "notebook_id").unwrap_or_default()
}

/// Runs `notebooks open` (`matches` are its own).
pub fn open(matches: &ArgMatches) -> Result<(), Error> {
    open_in_browser(notebook_id(matches))
}

/// Runs `notebooks download` (`matches` are its own).
pub fn download(matches: &ArgMatches) -> Result<(), Error> {
    let id = notebook_id(matches);
    let client = client()?;
    let notebook = api(&client, "GET", &format!("/notebooks/{id}"), None)?;
    let text = |key: &str| notebook.get(key).and_then(Value::as_str).unwrap_or("");
    let file_id = notebook.get("file_id").and_then(Value::as_i64).unwrap_or(0);
    let url = text("notebook_url");
    if url.is_empty() {
        return Err(Error::FileExpired { id: file_id });
    }
    let path = matches
        .get_one::<String>("path")
        .cloned()
        .unwrap_or_default();
    client.download_file_from(file_id, url).to_path(&path)?;
    eprintln!("notebook {id} downloaded to {path}");
    Ok(())
}

/// Runs `notebooks new` (`matches` are its own).
pub fn new(matches: &ArgMatches, output: Format) -> Result<(), Error> {
    let client = client()?;
    let language = matches
        .get_one::<String>("language")
        .cloned()
        .unwrap_or_else(|| "python3".into());
    let mut body = sizes(number(matches, "mem"), number(matches, "cpu"));
    body.insert("language".into(), json!(language));
    let created = api(&client, "POST", "/notebooks", Some(Value::Object(body)))?;
    let id = created
        .get("id")
        .and_then(Value::as_i64)
        .unwrap_or_default();
    super::output::line(format_args!(
        "Created new {language} notebook with ID {id} in Civis Platform \
         (https://platform.civisanalytics.com/#/notebooks/{id})."
    ))?;
    start(&client, id, output)
}

/// Runs `notebooks up` (`matches` are its own).
pub fn up(matches: &ArgMatches, output: Format) -> Result<(), Error> {
    let id = notebook_id(matches);
    let client = client()?;
    let body = sizes(number(matches, "mem"), number(matches, "cpu"));
    api(
        &client,
        "PATCH",
        &format!("/notebooks/{id}"),
        Some(Value::Object(body)),
    )?;
    start(&client, id, output)
}

/// One request to the API at a fixed path, as civis-python's commands make them; these do not
/// depend on the operations this program was built with.
fn api(
    client: &ApiClient,
    verb: &'static str,
    path: &str,
    body: Option<Value>,
) -> Result<Response, Error> {
    let request = HttpRequest {
        verb,
        path_and_query: path.to_string(),
        headers: Vec::new(),
        body,
    };
    Response::from_raw(client.execute(&request)?, verb, path)
}

/// The `memory` and `cpu` of a notebook, those given.
fn sizes(memory: Option<i64>, cpu: Option<i64>) -> Map<String, Value> {
    [("memory", memory), ("cpu", cpu)]
        .into_iter()
        .filter_map(|(key, value)| Some((key.to_string(), json!(value?))))
        .collect()
}

/// Starts a deployment of notebook `id` and opens it.
fn start(client: &ApiClient, id: i64, output: Format) -> Result<(), Error> {
    let deployment = api(
        client,
        "POST",
        &format!("/notebooks/{id}/deployments"),
        Some(json!({})),
    )?;
    output.print(deployment.json())?;
    open_in_browser(id)
}

/// Runs `notebooks down` (`matches` are its own): stops the notebook's running deployment.
/// civis-python sends the DELETE even when nothing runs (and fails on it); this says so and
/// stops there.
pub fn down(matches: &ArgMatches) -> Result<(), Error> {
    let id = notebook_id(matches);
    let client = client()?;
    let notebook = api(&client, "GET", &format!("/notebooks/{id}"), None)?;
    let deployment = notebook.get("most_recent_deployment");
    let field = |key: &str| deployment.and_then(|d| d.get(key));
    let state = field("state").and_then(Value::as_str).unwrap_or("none");
    if !matches!(state, "running" | "pending") {
        return super::output::line(format_args!(
            "Notebook is in state \"{state}\" and can't be stopped."
        ));
    }
    let deployment_id = field("deployment_id")
        .and_then(Value::as_i64)
        .ok_or_else(|| Error::NotFound(format!("notebook {id}'s deployment has no id")))?;
    let path = format!("/notebooks/{id}/deployments/{deployment_id}");
    client.execute(&HttpRequest {
        verb: "DELETE",
        path_and_query: path,
        headers: Vec::new(),
        body: None,
    })?;
    super::output::line(format_args!(
        "Stopped deployment {deployment_id} of notebook {id}."
    ))
}

/// Prints the notebook's address and, where a browser can be started, opens it there.
fn open_in_browser(id: i64) -> Result<(), Error> {
    let url = format!("https://platform.civisanalytics.com/#/notebooks/{id}?fullscreen=true");
    super::output::line(&url)?;
    if let Some(mut browser) = browser_command() {
        // A browser that cannot start leaves the printed address, which is enough.
        let _ = browser.arg(&url).spawn();
    }
    Ok(())
}

/// The command that opens a URL in a browser here: `$BROWSER`, else the desktop's opener when
/// there is a desktop.
fn browser_command() -> Option<std::process::Command> {
    use std::process::Command;
    if let Some(browser) = std::env::var_os("BROWSER").filter(|b| !b.is_empty()) {
        return Some(Command::new(browser));
    }
    if cfg!(target_os = "macos") {
        return Some(Command::new("open"));
    }
    if cfg!(windows) {
        let mut command = Command::new("cmd");
        command.args(["/C", "start", ""]);
        return Some(command);
    }
    let desktop = ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|x| !x.is_empty()));
    desktop.then(|| Command::new("xdg-open"))
}
