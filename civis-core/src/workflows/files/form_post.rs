//! Uploads up to the multipart threshold: `POST /files/`, then one `multipart/form-data` POST of
//! the file to the presigned URL with the fields the API gave (retried as a whole).

use std::io::Read;

use serde::Deserialize;
use serde_json::{Map, Value};
use ureq::SendBody;

use super::progress::Counted;
use super::sending::Upload;
use super::storage::{self, finished};
use crate::data::error::Error;

/// The answer of `POST /files`.
#[derive(Deserialize)]
struct Created {
    id: i64,
    #[serde(rename = "uploadUrl")]
    upload_url: String,
    #[serde(rename = "uploadFields", default)]
    upload_fields: Map<String, Value>,
}

/// `POST /files/`, then the form POST of the file to the presigned URL with the fields the
/// API gave.
pub(super) fn upload(upload: &Upload<'_>, fields: Map<String, Value>) -> Result<i64, Error> {
    let name = fields
        .get("name")
        .and_then(Value::as_str)
        .unwrap_or("file")
        .to_string();
    let created: Created = upload.api_post("/files/", fields)?;
    let form = Form::new(&created.upload_fields, name);
    let url = created.upload_url.as_str();
    let what = format!("the upload of file {}", created.id);
    let config = upload.client.config();
    let mut retrier = storage::retrier(config);
    loop {
        let mut counted = Counted {
            inner: upload.range(0, upload.size)?,
            progress: upload.progress,
            count: 0,
        };
        let headers = [
            ("Content-Type", form.content_type()),
            ("Content-Length", form.length(upload.size).to_string()),
        ];
        let attempt = {
            let mut body = form.body(&mut counted);
            storage::send(
                upload.client,
                "POST",
                url,
                &headers,
                SendBody::from_reader(&mut body),
            )
        }
        .and_then(finished);
        match attempt {
            Ok(()) => return Ok(created.id),
            Err(failure) => {
                upload.progress.take_back(counted.count);
                if let Some(shrank) = upload.shrank(&counted.inner) {
                    return Err(shrank);
                }
                retrier.again(&what, failure.classify("POST", url))?;
            }
        }
    }
}

/// A `multipart/form-data` body whose file part is streamed: the fields before it and the
/// closing boundary after it are small and made once.
struct Form {
    boundary: String,
    head: Vec<u8>,
    tail: Vec<u8>,
}

impl Form {
    /// The API's fields with `key` first and the file last, as civis-python sends them (S3
    /// ignores every field after the file).
    fn new(fields: &Map<String, Value>, file_name: String) -> Self {
        let boundary = format!("civis-rs-{:016x}{:016x}", random(), random());
        let mut head = Vec::new();
        let ordered = fields
            .iter()
            .filter(|(k, _)| *k == "key")
            .chain(fields.iter().filter(|(k, _)| *k != "key"));
        for (name, value) in ordered {
            let value = match value {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            head.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{}\"\r\n\r\n{value}\r\n",
                    quoted(name)
                )
                .as_bytes(),
            );
        }
        head.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{}\"\r\nContent-Type: application/octet-stream\r\n\r\n",
                quoted(&file_name)
            )
            .as_bytes(),
        );
        let tail = format!("\r\n--{boundary}--\r\n").into_bytes();
        Self {
            boundary,
            head,
            tail,
        }
    }

    fn content_type(&self) -> String {
        format!("multipart/form-data; boundary={}", self.boundary)
    }

    fn length(&self, file_size: u64) -> u64 {
        self.head.len() as u64 + file_size + self.tail.len() as u64
    }

    fn body<'f>(&'f self, file: impl Read + 'f) -> impl Read + 'f {
        self.head.as_slice().chain(file).chain(self.tail.as_slice())
    }
}

/// 64 random bits from the standard library's per-process random keys: a boundary that the
/// file's bytes will not happen to contain.
fn random() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u8(0);
    hasher.finish()
}

/// A name as it may stand between the quotes of a `Content-Disposition` header.
fn quoted(name: &str) -> String {
    name.replace(['"', '\r', '\n'], "_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_puts_the_key_first_the_file_last_and_announces_its_exact_length() {
        let mut fields = Map::new();
        fields.insert("policy".into(), Value::from("p"));
        fields.insert("key".into(), Value::from("files/1"));
        fields.insert("x-amz-date".into(), Value::from(20270101));
        let form = Form::new(&fields, "a\"b.csv".into());
        let file = b"col\n1\n";
        let mut body = Vec::new();
        form.body(&file[..]).read_to_end(&mut body).unwrap();
        assert_eq!(body.len() as u64, form.length(file.len() as u64));

        let text = String::from_utf8(body).unwrap();
        let position = |needle: &str| text.find(needle).unwrap();
        assert!(position("name=\"key\"") < position("name=\"policy\""));
        assert!(position("name=\"policy\"") < position("name=\"file\""));
        assert!(text.contains("\r\n\r\n20270101\r\n"));
        assert!(text.contains("filename=\"a_b.csv\""));
        let boundary = form
            .content_type()
            .split("boundary=")
            .nth(1)
            .unwrap()
            .to_string();
        assert!(text.ends_with(&format!("col\n1\n\r\n--{boundary}--\r\n")));
        assert_ne!(Form::new(&fields, "x".into()).boundary, form.boundary);
    }
}
