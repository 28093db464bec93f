//! The one error type of the client.

use std::fmt;

/// Everything that can go wrong when calling the Civis API.
///
/// `Display` reads like civis-python's `CivisAPIError`:
/// `(404) The requested resource could not be found. (GET /scripts/7)`. `Debug` leads with the
/// same message, then names the variant (`... (Error::Api)`), as `std::io::Error`'s leads with
/// its kind: `fn main() -> Result<(), civis::Error>` prints a line a user can read. The fields
/// are public, for matching.
/// No variant is made to hold the API key, and should a server's answer or a run's log quote
/// the key of a client of this process, `Display` and `Debug` show `<API key redacted>` in its
/// place.
#[non_exhaustive]
pub enum Error {
    /// The API answered with an error status.
    Api {
        /// HTTP status code.
        status: u16,
        /// The body's `errorDescription`, or the status text when there is none.
        message: String,
        /// HTTP verb of the request.
        method: String,
        /// Path and query of the request.
        path: String,
    },
    /// The API answered 401: the API key is expired or invalid.
    Unauthorized {
        /// The `WWW-Authenticate` header's text (empty when the answer had none).
        www_authenticate: String,
        /// The API's `errorDescription`, when the answer had one.
        message: String,
        /// HTTP verb of the request.
        method: String,
        /// Path and query of the request.
        path: String,
    },
    /// The API answered with a redirect (3xx). API calls never follow redirects: a write sent
    /// on to another address would be re-sent as a bodyless GET and reported as done, and the
    /// key would be sent to, or withheld from, a host it was not meant for.
    Redirect {
        /// HTTP status code (301, 302, 303, 307, 308, ...).
        status: u16,
        /// The `Location` header, or an empty string when the answer has none.
        location: String,
        /// HTTP verb of the request.
        method: String,
        /// Path and query of the request.
        path: String,
    },
    /// The answer's body is larger than the client accepts (see
    /// `ClientBuilder::max_response_size`); nothing of it is kept.
    ResponseTooLarge {
        /// The limit in bytes.
        limit: u64,
        /// HTTP verb of the request.
        method: String,
        /// Path and query of the request.
        path: String,
    },
    /// The request did not get an HTTP answer (connection refused, timeout, TLS, ...).
    Transport {
        /// HTTP verb of the request.
        method: String,
        /// Path and query of the request.
        path: String,
        /// What failed.
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The answer's body could not be decoded into the expected type.
    Decode {
        /// HTTP verb of the request.
        method: String,
        /// Path and query of the request.
        path: String,
        /// What did not fit, and where in the JSON.
        detail: String,
        /// The start of the body, for context.
        snippet: String,
    },
    /// The client is not configured (no API key found, a bad base URL).
    Config(String),
    /// The arguments do not fit the operation (an unknown method or argument, a missing one).
    Usage(String),
    /// A run of a fan-out that was never started: an earlier run failed with
    /// `cancel_on_failure` set, the fan-out was cancelled, or its timeout passed first.
    NotStarted(String),
    /// A lookup helper found nothing with that name.
    NotFound(String),
    /// The files of an import cannot be imported together: their detected headers,
    /// delimiters, compressions or column types disagree with each other or with what the
    /// caller gave (civis-python's `CivisImportError`). The message names the files.
    Import(String),
    /// A request to file storage (a presigned upload or download URL, on another host than the
    /// API) failed: storage answered with an error status, or the transfer broke off, after the
    /// retries.
    Storage {
        /// HTTP verb of the request.
        method: String,
        /// The URL without its query, which holds the presigned signature.
        url: String,
        /// The status storage answered with; `None` when the request got no answer.
        status: Option<u16>,
        /// The start of storage's answer, or what failed.
        message: String,
    },
    /// A Civis file has no download URL: it has expired (files expire 30 days after upload
    /// unless told otherwise) or was never completely uploaded.
    FileExpired {
        /// The file's id.
        id: i64,
    },
    /// A download ended with another number of bytes than the file's size.
    FileSize {
        /// The file's id.
        id: i64,
        /// The size the API gives for the file.
        expected: u64,
        /// The bytes received.
        received: u64,
    },
    /// One part of a multipart upload failed after its retries; the upload was not completed,
    /// so no file with that id becomes available.
    UploadPart {
        /// The id of the file being uploaded.
        file_id: i64,
        /// The part that failed, from 1.
        part: usize,
        /// How many parts the upload has.
        parts: usize,
        /// Why it failed.
        source: Box<Error>,
    },
    /// A run of a job failed (civis-python's `CivisJobFailure`, or `MemoryError` when
    /// `out_of_memory`). `Display` reads `(From job 5 / run 9) <message>`.
    JobFailed {
        /// The job's id.
        job_id: i64,
        /// The run's id.
        run_id: i64,
        /// The API's error text; without one, the last 15 lines of the run's log, or the line
        /// saying the run ran out of memory.
        message: String,
        /// The platform stopped the run because it ran out of memory.
        out_of_memory: bool,
        /// The failed run, as the API last reported it.
        run: Box<crate::data::run_state::FinishedRun>,
    },
    /// A wait for a run gave up; the run goes on.
    WaitTimeout {
        /// The job's id.
        job_id: i64,
        /// The run's id.
        run_id: i64,
        /// The run's state at the last poll.
        state: crate::data::run_state::RunState,
        /// How long the wait lasted.
        waited: std::time::Duration,
    },
    /// A value of a CSV result does not fit its column's type (`rows_as`, Arrow batches,
    /// DataFrames). `Display` reads `row 3, column "amount" of file 12: "abc" is not a double
    /// precision (...)`.
    Value {
        /// Where the rows come from (`file 12`).
        source: String,
        /// The row, counted from 1 over the data rows (the header is not counted).
        row: u64,
        /// The column's name (or `column N` when the data has no header).
        column: String,
        /// The text as the CSV holds it.
        text: String,
        /// What it should have been, and why it is not.
        expected: String,
    },
    /// The columns of a typed query's result (`civis::query!`, feature `typed-sql`) are not
    /// those the query was checked against at compile time: a table it reads has changed since
    /// it was pinned. `Display` names the pinned tables and the command that refreshes them
    /// (`civis tables pin --refresh`), after which a rebuild checks the query again.
    #[cfg(feature = "typed-sql")]
    ResultShape {
        /// The column names the query was compiled for, in order.
        expected: Vec<String>,
        /// The column names of the result (the export's header, or the query's columns).
        got: Vec<String>,
        /// The pinned tables the query reads, each as `schema.table pinned <date> (<pin file>)`,
        /// separated by `; ` (empty for a query that reads no table).
        tables: String,
    },
    /// A typed query's `one()` found no row or more than one, or its `optional()` more than
    /// one (feature `typed-sql`).
    #[cfg(feature = "typed-sql")]
    RowCount {
        /// What the ending takes: `exactly one row` or `at most one row`.
        expected: String,
        /// The rows found, counted no further than needed: `0`, or `2` for two or more.
        found: u64,
        /// Where the rows come from (`file 12`).
        source: String,
    },
    /// A local file could not be read or written (the spec cache, a file to upload, a download's
    /// destination).
    Io {
        /// The file.
        path: String,
        /// What failed.
        source: std::io::Error,
    },
}

/// The API keys of the clients made in this process, masked in every error's text: an answer
/// that echoes the request (its `Authorization` header) must not print the key when its error
/// is shown or logged.
static SECRETS: std::sync::RwLock<Vec<String>> = std::sync::RwLock::new(Vec::new());

/// Keys shorter than this are not masked (no real key is; masking a test's `"k"` would mangle
/// every message).
const SHORTEST_MASKED: usize = 8;

/// What a masked key is shown as.
const MASK: &str = "<API key redacted>";

/// Masks `key` in the text of every error shown from now on (see [`Error`]'s `Display`).
pub(crate) fn mask_in_errors(key: &str) {
    if key.len() < SHORTEST_MASKED {
        return;
    }
    let mut secrets = SECRETS
        .write()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if !secrets.iter().any(|known| known == key) {
        secrets.push(key.to_string());
    }
}

/// `text` with every key of [`SECRETS`] masked.
fn masked(text: String) -> String {
    let secrets = SECRETS
        .read()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    secrets.iter().fold(text, |text, key| {
        if text.contains(key.as_str()) {
            text.replace(key.as_str(), MASK)
        } else {
            text
        }
    })
}

/// An error's text as its fields hold it, before the keys are masked.
struct Unmasked<'a>(&'a Error);

impl fmt::Display for Error {
    /// The text of the error's fields, with the API key of every client of this process masked: an
    /// answer or a run's log that echoes the key quotes `<API key redacted>` in its place.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&masked(Unmasked(self).to_string()))
    }
}

impl fmt::Display for Unmasked<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Error::Api { status, message, method, path } => {
                write!(f, "({status}) {} ({method} {path})", Bounded(message))
            }
            Error::Redirect { status, location, method, path } => {
                let location = if location.is_empty() { "nowhere (no Location header)" } else { location };
                write!(f, "({status}) redirected to {} ({method} {path}); API calls do not follow redirects: check the base URL", Bounded(location))
            }
            Error::ResponseTooLarge { limit, method, path } => write!(
                f,
                "the answer is larger than {limit} bytes, the most this client reads; raise it with `.max_response_size(..)` on the client builder ({method} {path})"
            ),
            Error::Unauthorized { www_authenticate, message, method, path } => {
                f.write_str("(401) the API key is expired or invalid")?;
                // Whichever the answer had: the header's challenge, the API's description.
                for said in [www_authenticate, message] {
                    if !said.trim().is_empty() {
                        write!(f, ": {}", said.trim())?;
                    }
                }
                write!(f, " ({method} {path})")
            }
            Error::Transport { method, path, source } => {
                write!(f, "request failed: {source} ({method} {path})")
            }
            Error::Decode { method, path, detail, snippet } => write!(
                f,
                "could not decode the response of {method} {path}: {detail}; the body starts with: {snippet}"
            ),
            Error::Config(message)
            | Error::Usage(message)
            | Error::NotFound(message)
            | Error::Import(message)
            | Error::NotStarted(message) => {
                f.write_str(message)
            }
            Error::Storage { method, url, status, message } => match status {
                Some(status) => write!(f, "file storage answered ({status}) {message} ({method} {url})"),
                None => write!(f, "file storage request failed: {message} ({method} {url})"),
            },
            Error::FileExpired { id } => write!(
                f,
                "file {id} has no download URL: it may have expired, or its upload was never completed"
            ),
            Error::FileSize { id, expected, received } if received > expected => write!(
                f,
                "the download of file {id} went past the {expected} bytes the API gives as its size ({received} received so far): storage holds another object than the API describes"
            ),
            Error::FileSize { id, expected, received } => write!(
                f,
                "the download of file {id} ended after {received} bytes, but the API gives its size as {expected}: storage holds a shorter object than the API describes"
            ),
            Error::UploadPart { file_id, part, parts, source } => write!(
                f,
                "part {part} of {parts} of the multipart upload of file {file_id} failed, so the upload was not completed: {source}"
            ),
            Error::Io { path, source } => write!(f, "{path}: {source}"),
            Error::Value { source, row, column, text, expected } => write!(
                f,
                "row {row}, column {column:?} of {source}: {:?} is not {expected}",
                Bounded(text).to_string()
            ),
            #[cfg(feature = "typed-sql")]
            Error::ResultShape { expected, got, tables } => {
                write!(f, "the result's columns are {got:?}, but the query was checked against {expected:?}: ")?;
                if tables.is_empty() {
                    f.write_str("the SQL or the database has changed since the build; rebuild to check the query again")
                } else {
                    write!(f, "a table it reads has changed since it was pinned ({tables}); run `civis tables pin --refresh` and rebuild to check the query against the tables as they are")
                }
            }
            #[cfg(feature = "typed-sql")]
            Error::RowCount { expected, found, source } => match found {
                0 => write!(f, "the query returned no rows where {expected} was expected ({source})"),
                _ => write!(f, "the query returned more than one row where {expected} was expected ({source}): use `all()` or `rows()` for several, or narrow the SQL"),
            },
            Error::JobFailed { job_id, run_id, message, .. } => {
                write!(f, "{} {message}", crate::data::run_state::from_job_run(*job_id, *run_id))
            }
            Error::WaitTimeout { job_id, run_id, state, waited } => write!(
                f,
                "{} still {state} after waiting {:.1} s; the run goes on",
                crate::data::run_state::from_job_run(*job_id, *run_id),
                waited.as_secs_f64()
            ),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let variant = match self {
            Self::Api { .. } => "Api",
            Self::Unauthorized { .. } => "Unauthorized",
            Self::Redirect { .. } => "Redirect",
            Self::ResponseTooLarge { .. } => "ResponseTooLarge",
            Self::Transport { .. } => "Transport",
            Self::Decode { .. } => "Decode",
            Self::Config(_) => "Config",
            Self::Usage(_) => "Usage",
            Self::NotStarted(_) => "NotStarted",
            Self::NotFound(_) => "NotFound",
            Self::Import(_) => "Import",
            Self::Storage { .. } => "Storage",
            Self::FileExpired { .. } => "FileExpired",
            Self::FileSize { .. } => "FileSize",
            Self::UploadPart { .. } => "UploadPart",
            Self::JobFailed { .. } => "JobFailed",
            Self::WaitTimeout { .. } => "WaitTimeout",
            Self::Value { .. } => "Value",
            #[cfg(feature = "typed-sql")]
            Self::ResultShape { .. } => "ResultShape",
            #[cfg(feature = "typed-sql")]
            Self::RowCount { .. } => "RowCount",
            Self::Io { .. } => "Io",
        };
        write!(f, "{self} (Error::{variant})")
    }
}

impl Error {
    /// The HTTP status of the answer the error comes from (an API error, 401, a redirect), or
    /// `None` when there was no such answer.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Api { status, .. } | Self::Redirect { status, .. } => Some(*status),
            Self::Unauthorized { .. } => Some(401),
            _ => None,
        }
    }
}

/// How many characters of an answer's text an error's `Display` shows; the whole text stays in
/// the variant's field. An error page of megabytes would otherwise become a log line of
/// megabytes.
const DISPLAY_CHARS: usize = 1000;

/// Text shown up to [`DISPLAY_CHARS`] characters, then how much was left out.
struct Bounded<'a>(&'a str);

impl fmt::Display for Bounded<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.char_indices().nth(DISPLAY_CHARS) {
            None => f.write_str(self.0),
            Some((end, _)) => {
                let left_out = self.0[end..].chars().count();
                write!(f, "{}... ({left_out} more characters)", &self.0[..end])
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Transport { source, .. } => Some(source.as_ref()),
            Self::Io { source, .. } => Some(source),
            Self::UploadPart { source, .. } => Some(source.as_ref()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api_error(message: String) -> Error {
        Error::Api {
            status: 500,
            message,
            method: "GET".into(),
            path: "/scripts/7".into(),
        }
    }

    #[test]
    fn status_is_the_answers_when_there_is_one() {
        assert_eq!(api_error("x".into()).status(), Some(500));
        let unauthorized = Error::Unauthorized {
            www_authenticate: String::new(),
            message: "Invalid API key".into(),
            method: "GET".into(),
            path: "/".into(),
        };
        assert_eq!(unauthorized.status(), Some(401));
        assert_eq!(
            unauthorized.to_string(),
            "(401) the API key is expired or invalid: Invalid API key (GET /)"
        );
        assert_eq!(Error::Usage("no".into()).status(), None);
    }

    #[test]
    fn a_key_of_this_process_is_masked_wherever_the_text_quotes_it() {
        let key = "0123456789abcdef-masked-in-errors";
        let error = api_error(format!(
            "bad header: Authorization: Bearer {key}, again {key}"
        ));
        assert!(error.to_string().contains(key), "not yet a client's key");
        mask_in_errors(key);
        mask_in_errors("short");
        for shown in [error.to_string(), format!("{error:?}")] {
            assert!(!shown.contains(key), "{shown}");
            assert!(
                shown.contains("Bearer <API key redacted>, again <API key redacted>"),
                "{shown}"
            );
        }
        assert_eq!(
            api_error("a short key".into()).to_string(),
            "(500) a short key (GET /scripts/7)"
        );
    }

    #[test]
    fn display_quotes_a_short_message_whole() {
        assert_eq!(
            api_error("Internal error".into()).to_string(),
            "(500) Internal error (GET /scripts/7)"
        );
    }

    #[test]
    fn display_bounds_a_huge_message_and_the_field_keeps_it() {
        let message = "é".repeat(5_000_000);
        let error = api_error(message.clone());
        let shown = error.to_string();
        assert!(
            shown.chars().count() < DISPLAY_CHARS + 100,
            "{}",
            shown.len()
        );
        assert!(
            shown.contains("... (4999000 more characters) (GET /scripts/7)"),
            "{}",
            &shown[shown.len() - 60..]
        );
        let Error::Api { message: kept, .. } = error else {
            unreachable!()
        };
        assert_eq!(kept, message);
    }
}
