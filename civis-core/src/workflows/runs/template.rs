//! Runs of templates: a custom script made from a template (`POST /scripts/custom`) with the
//! optional fields of that call, started, and read back in civis-python's result forms.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{json, Map, Value};

use super::{Polling, Run};
use crate::data::error::Error;
use crate::transport::client::Client;

/// A custom script to make from a template and run: civis-python's `run_template` with the
/// keyword arguments it passes to `post_custom`. Made by [`Client::custom_script`]; ends in
/// [`start`](Self::start) (the run, civis-python's `return_as="future"`),
/// [`outputs_by_name`](Self::outputs_by_name) (`return_as="files"`),
/// [`json_value`](Self::json_value) (`return_as="JSONValue"`) or
/// [`fan_out`](Self::fan_out) (one run per set of arguments, as civis-python's
/// `CustomScriptExecutor` makes them).
///
/// ```no_run
/// # extern crate civis_core as civis;
/// # fn main() -> Result<(), civis::Error> {
/// # let client = civis::Client::new()?;
/// use serde_json::json;
/// let ids = client
///     .custom_script(9, json!({"TABLE": "public.users"}))
///     .name("users report")
///     .remote_host_id(32)
///     .credential_id(7)
///     .outputs_by_name()?;
/// println!("report file: {:?}", ids.get("report.csv"));
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
#[must_use = "a custom script is made only by start, outputs_by_name, json_value or fan_out"]
pub struct CustomScript<'c> {
    client: &'c Client,
    template_id: i64,
    /// The arguments as JSON, or why they cannot be (told when the script is made).
    arguments: Result<Value, String>,
    fields: Map<String, Value>,
    polling: Option<Polling>,
}

impl Client {
    /// A custom script from template `template_id` with `arguments` (any value that serializes
    /// to a JSON object), to set up and run: see [`CustomScript`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let value = client.custom_script(9, serde_json::json!({"N": 3})).json_value()?;
    /// # Ok(()) }
    /// ```
    pub fn custom_script(&self, template_id: i64, arguments: impl Serialize) -> CustomScript<'_> {
        CustomScript {
            client: self,
            template_id,
            arguments: serde_json::to_value(arguments).map_err(|e| e.to_string()),
            fields: Map::new(),
            polling: None,
        }
    }

    /// Makes a custom script from template `template_id` with `arguments`
    /// (`POST /scripts/custom`) and starts a run of it (`POST /scripts/custom/{id}/runs`):
    /// civis-python's `run_template(.., return_as="future")`. For its other result forms and
    /// the optional fields of the script, see [`Client::custom_script`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let run = client.run_template(9, serde_json::json!({"TABLE": "public.users"}))?;
    /// run.wait()?;
    /// let outputs = run.outputs()?;
    /// # Ok(()) }
    /// ```
    pub fn run_template(&self, template_id: i64, arguments: impl Serialize) -> Result<Run, Error> {
        self.custom_script(template_id, arguments).start()
    }
}

impl<'c> CustomScript<'c> {
    /// Any field of `POST /scripts/custom` by its API name (`schedule`, `notifications`,
    /// `runningAsId`, ...), for those without a method of their own.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let run = client
    ///     .custom_script(9, serde_json::json!({}))
    ///     .field("notifications", serde_json::json!({"failureOn": true}))
    ///     .start()?;
    /// # Ok(()) }
    /// ```
    pub fn field(mut self, name: &str, value: impl Into<Value>) -> Self {
        self.fields.insert(name.to_string(), value.into());
        self
    }

    /// The script's name (`name`; the API names it after the template otherwise).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # let client = civis::Client::new().unwrap();
    /// let script = client.custom_script(9, serde_json::json!({})).name("nightly load");
    /// ```
    pub fn name(self, name: impl Into<String>) -> Self {
        self.field("name", name.into())
    }

    /// Whether the script is hidden from the user's lists (`hidden`).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # let client = civis::Client::new().unwrap();
    /// let script = client.custom_script(9, serde_json::json!({})).hidden(true);
    /// ```
    pub fn hidden(self, hidden: bool) -> Self {
        self.field("hidden", hidden)
    }

    /// The remote host (database) the script connects to (`remoteHostId`).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # let client = civis::Client::new().unwrap();
    /// let script = client.custom_script(9, serde_json::json!({})).remote_host_id(32);
    /// ```
    pub fn remote_host_id(self, id: i64) -> Self {
        self.field("remoteHostId", id)
    }

    /// The credential the script uses (`credentialId`).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # let client = civis::Client::new().unwrap();
    /// let script = client.custom_script(9, serde_json::json!({})).credential_id(7);
    /// ```
    pub fn credential_id(self, id: i64) -> Self {
        self.field("credentialId", id)
    }

    /// The resources of the script's container (`requiredResources`: `cpu`, `memory`,
    /// `diskSpace`), over the template's.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # let client = civis::Client::new().unwrap();
    /// let script = client
    ///     .custom_script(9, serde_json::json!({}))
    ///     .required_resources(serde_json::json!({"cpu": 1024, "memory": 4096}));
    /// ```
    pub fn required_resources(self, resources: Value) -> Self {
        self.field("requiredResources", resources)
    }

    /// The project the script's outputs are added to (`targetProjectId`).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # let client = civis::Client::new().unwrap();
    /// let script = client.custom_script(9, serde_json::json!({})).target_project_id(5);
    /// ```
    pub fn target_project_id(self, id: i64) -> Self {
        self.field("targetProjectId", id)
    }

    /// The job whose runs trigger this script (`parentId`).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # let client = civis::Client::new().unwrap();
    /// let script = client.custom_script(9, serde_json::json!({})).parent_id(41);
    /// ```
    pub fn parent_id(self, id: i64) -> Self {
        self.field("parentId", id)
    }

    /// The script's time zone (`timeZone`, e.g. `America/Chicago`).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # let client = civis::Client::new().unwrap();
    /// let script = client.custom_script(9, serde_json::json!({})).time_zone("America/Chicago");
    /// ```
    pub fn time_zone(self, zone: impl Into<String>) -> Self {
        self.field("timeZone", zone.into())
    }

    /// The partition its container runs on (`partitionLabel`).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # let client = civis::Client::new().unwrap();
    /// let script = client.custom_script(9, serde_json::json!({})).partition_label("gpu");
    /// ```
    pub fn partition_label(self, label: impl Into<String>) -> Self {
        self.field("partitionLabel", label.into())
    }

    /// The schedule of the script's runs (`polling`) instead of the client's.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # let client = civis::Client::new().unwrap();
    /// use std::time::Duration;
    /// let script = client
    ///     .custom_script(9, serde_json::json!({}))
    ///     .polling(civis::runs::Polling::every(Duration::from_secs(10)));
    /// ```
    pub fn polling(mut self, polling: Polling) -> Self {
        self.polling = Some(polling);
        self
    }

    /// Makes the script and starts its run; returns the run, not waited on (civis-python's
    /// `return_as="future"`).
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let run = client.custom_script(9, serde_json::json!({"N": 1})).start()?;
    /// let finished = run.wait()?;
    /// # Ok(()) }
    /// ```
    pub fn start(&self) -> Result<Run, Error> {
        self.start_sending(self.arguments_with(&Value::Null)?)
    }

    /// Starts it as [`start`](Self::start) does, waits for the run and returns every output's
    /// id by its name (civis-python's `return_as="files"`, its default, which maps every
    /// output, not only files). A failed run is [`Error::JobFailed`].
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// let ids = client.custom_script(9, serde_json::json!({})).outputs_by_name()?;
    /// if let Some(file_id) = ids.get("report.csv") {
    ///     client.download_file(*file_id).to_path("report.csv")?;
    /// }
    /// # Ok(()) }
    /// ```
    pub fn outputs_by_name(&self) -> Result<BTreeMap<String, i64>, Error> {
        let run = self.start()?;
        run.wait()?;
        Ok(run
            .outputs()?
            .into_iter()
            .map(|output| (output.name, output.object_id))
            .collect())
    }

    /// Starts it as [`start`](Self::start) does, waits for the run and returns the value of
    /// its first `JSONValue` output (civis-python's `return_as="JSONValue"`): `None`, with a
    /// warning, when it has none; the first, with a warning, when it has several.
    ///
    /// ```no_run
    /// # extern crate civis_core as civis;
    /// # fn main() -> Result<(), civis::Error> {
    /// # let client = civis::Client::new()?;
    /// if let Some(value) = client.custom_script(9, serde_json::json!({})).json_value()? {
    ///     println!("{}", value["rows"]);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn json_value(&self) -> Result<Option<Value>, Error> {
        let run = self.start()?;
        run.wait()?;
        let mut values: Vec<Value> = run
            .outputs()?
            .into_iter()
            .filter(|output| output.object_type == "JSONValue")
            .map(|output| output.value.unwrap_or(Value::Null))
            .collect();
        match values.len() {
            0 => log::warn!("no JSON output for template {}", self.template_id),
            1 => {}
            _ => log::warn!(
                "more than 1 JSON output for template {}: returning only the first one",
                self.template_id
            ),
        }
        Ok((!values.is_empty()).then(|| values.swap_remove(0)))
    }

    /// The client it runs on.
    pub(super) fn client(&self) -> &'c Client {
        self.client
    }

    /// The template's id.
    pub(super) fn template_id(&self) -> i64 {
        self.template_id
    }

    /// The schedule its runs are polled on: its own, or `default`.
    pub(super) fn polling_or(&self, default: Polling) -> Polling {
        self.polling.unwrap_or(default)
    }

    /// Its arguments updated by `more` (an object, or null for none).
    pub(super) fn arguments_with(&self, more: &Value) -> Result<Value, Error> {
        let template_id = self.template_id;
        let mut arguments = match &self.arguments {
            Ok(Value::Object(arguments)) => arguments.clone(),
            Ok(Value::Null) => Map::new(),
            Ok(other) => return Err(not_an_object(template_id, other)),
            Err(why) => return Err(not_json(template_id, why)),
        };
        match more {
            Value::Object(more) => arguments.extend(more.clone()),
            Value::Null => {}
            other => return Err(not_an_object(template_id, other)),
        }
        Ok(Value::Object(arguments))
    }

    /// Makes the script with `arguments` and starts its run.
    pub(super) fn start_sending(&self, arguments: Value) -> Result<Run, Error> {
        let mut body = self.fields.clone();
        body.insert("from_template_id".into(), json!(self.template_id));
        body.insert("arguments".into(), arguments);
        let client = self.client;
        let script_id = client.post_for_id("/scripts/custom", Value::Object(body))?;
        // As `run_job`: a POST that failed after the API started the run adopts that run.
        let run_id = client.start_run(script_id, &format!("/scripts/custom/{script_id}/runs"))?;
        let run = Run::started(client, script_id, run_id);
        Ok(match self.polling {
            Some(polling) => run.polling(polling),
            None => run,
        })
    }
}

/// The error of arguments that could not be made JSON.
pub(super) fn not_json(template_id: i64, why: &str) -> Error {
    Error::Usage(format!(
        "the arguments of template {template_id} cannot be sent as JSON: {why}"
    ))
}

fn not_an_object(template_id: i64, value: &Value) -> Error {
    Error::Usage(format!(
        "the arguments of template {template_id} must be a JSON object of name to value, not {value}"
    ))
}
