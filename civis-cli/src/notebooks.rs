//! civis-python's notebook commands, beside the generated `notebooks` methods:
//! `civis notebooks download ID PATH | new [python3|r] [--mem] [--cpu] | up ID | down ID |
//! open ID`.

use clap::{value_parser, Arg, ArgMatches, Command};
use serde_json::{json, Map, Value};

use super::output::Format;
use super::{client, extend};
use civis::{http::HttpRequest, ApiClient, Error, Response};

const COMMANDS: [&str; 5] = ["download", "new", "up", "down", "open"];

/// `program` with the notebook commands added to its `notebooks` resource.
pub fn commands(program: Command) -> Command {
    let id = || {
        Arg::new("notebook_id")
            .index(1)
            .required(true)
            .value_name("NOTEBOOK_ID")
            .value_parser(value_parser!(i64))
            .help("The ID of the notebook")
    };
    let resources = || {
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
    };
    extend(program, "notebooks", |notebooks| {
        notebooks
            .subcommand(
                Command::new("download")
                    .about("Download a notebook's .ipynb file to PATH")
                    .arg(id())
                    .arg(Arg::new("path").index(2).required(true).value_name("PATH")),
            )
            .subcommand(
                Command::new("new")
                    .about("Create a notebook, start it and open it in a browser")
                    .arg(
                        Arg::new("language")
                            .index(1)
                            .value_parser(["python3", "r"])
                            .default_value("python3"),
                    )
                    .args(resources()),
            )
            .subcommand(
                Command::new("up")
                    .about("Start a notebook and open it in a browser")
                    .arg(id())
                    .args(resources()),
            )
            .subcommand(
                Command::new("down")
                    .about("Stop a notebook's running deployment")
                    .arg(id()),
            )
            .subcommand(
                Command::new("open")
                    .about("Print a notebook's address, and open it in a browser when there is one")
                    .arg(id()),
            )
    })
}

/// Whether `matches` (of `notebooks`) name one of these commands.
pub fn handles(matches: &ArgMatches) -> bool {
    matches
        .subcommand_name()
        .is_some_and(|name| COMMANDS.contains(&name))
}

/// Runs the notebook command `matches` (of `notebooks`) names.
pub fn run(matches: &ArgMatches, output: Format) -> Result<(), Error> {
    let Some((command, matches)) = matches.subcommand() else {
        return Err(Error::Usage("notebooks: no command given".into()));
    };
    let number = |name: &str| matches.try_get_one::<i64>(name).ok().flatten().copied();
    let id = number("notebook_id").unwrap_or_default();
    match command {
        "open" => {
            open(id);
            Ok(())
        }
        "download" => {
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
        "new" => {
            let client = client()?;
            let language = matches
                .get_one::<String>("language")
                .cloned()
                .unwrap_or_else(|| "python3".into());
            let mut body = sizes(number("mem"), number("cpu"));
            body.insert("language".into(), json!(language));
            let created = api(&client, "POST", "/notebooks", Some(Value::Object(body)))?;
            let id = created
                .get("id")
                .and_then(Value::as_i64)
                .unwrap_or_default();
            println!(
                "Created new {language} notebook with ID {id} in Civis Platform \
                 (https://platform.civisanalytics.com/#/notebooks/{id})."
            );
            start(&client, id, output)
        }
        "up" => {
            let client = client()?;
            let body = sizes(number("mem"), number("cpu"));
            api(
                &client,
                "PATCH",
                &format!("/notebooks/{id}"),
                Some(Value::Object(body)),
            )?;
            start(&client, id, output)
        }
        _ => down(id),
    }
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
    open(id);
    Ok(())
}

/// Stops the running deployment of notebook `id`. civis-python sends the DELETE even when
/// nothing runs (and fails on it); this says so and stops there.
fn down(id: i64) -> Result<(), Error> {
    let client = client()?;
    let notebook = api(&client, "GET", &format!("/notebooks/{id}"), None)?;
    let deployment = notebook.get("most_recent_deployment");
    let field = |key: &str| deployment.and_then(|d| d.get(key));
    let state = field("state").and_then(Value::as_str).unwrap_or("none");
    if !matches!(state, "running" | "pending") {
        println!("Notebook is in state \"{state}\" and can't be stopped.");
        return Ok(());
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
    println!("Stopped deployment {deployment_id} of notebook {id}.");
    Ok(())
}

/// Prints the notebook's address and, where a browser can be started, opens it there.
fn open(id: i64) {
    let url = format!("https://platform.civisanalytics.com/#/notebooks/{id}?fullscreen=true");
    println!("{url}");
    if let Some(mut browser) = browser_command() {
        // A browser that cannot start leaves the printed address, which is enough.
        let _ = browser.arg(&url).spawn();
    }
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
