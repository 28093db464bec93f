//! Uploads past the multipart threshold: `POST /files/multipart`, a PUT of each part to its
//! presigned URL (up to four at once, each streamed from its offset in the file and retried),
//! then `POST /files/multipart/{id}/complete`.

use serde::Deserialize;
use serde_json::{Map, Value};
use ureq::SendBody;

use super::progress::Counted;
use super::sending::Upload;
use super::storage::{self, finished};
use super::MAX_PARALLEL_PARTS;
use crate::data::error::Error;

/// The answer of `POST /files/multipart`.
#[derive(Deserialize)]
struct Created {
    id: i64,
    #[serde(rename = "uploadUrls")]
    upload_urls: Vec<String>,
}

pub(super) fn upload(upload: &Upload<'_>, mut fields: Map<String, Value>) -> Result<i64, Error> {
    let parts = super::parts(upload.size);
    fields.insert("num_parts".into(), Value::from(parts.len()));
    let created: Created = upload.api_post("/files/multipart", fields)?;
    if created.upload_urls.len() != parts.len() {
        return Err(Error::Decode {
            method: "POST".into(),
            path: "/files/multipart".into(),
            detail: format!(
                "asked for {} upload URLs, got {}",
                parts.len(),
                created.upload_urls.len()
            ),
            snippet: String::new(),
        });
    }
    // The other parts in flight finish; none starts after a failure.
    let sent = super::parallel::each_at_most(parts.len(), MAX_PARALLEL_PARTS, |index| {
        let (offset, length) = parts[index];
        let url = &created.upload_urls[index];
        put_part(upload, created.id, index, parts.len(), url, offset, length)
    });
    if let Err((index, error)) = sent {
        return Err(Error::UploadPart {
            file_id: created.id,
            part: index + 1,
            parts: parts.len(),
            source: Box::new(error),
        });
    }
    // The parts came from one open file; it must still be the file that was measured.
    upload.unchanged()?;
    upload.client.send_json::<serde::de::IgnoredAny>(
        "POST",
        &format!("/files/multipart/{}/complete", created.id),
        Value::Object(Map::new()),
    )?;
    Ok(created.id)
}

/// PUTs part `index` (`length` bytes from `offset`), streamed from the file, retried after any
/// failure by the client's rules.
fn put_part(
    upload: &Upload<'_>,
    file_id: i64,
    index: usize,
    parts: usize,
    url: &str,
    offset: u64,
    length: u64,
) -> Result<(), Error> {
    let what = format!("part {} of {parts} of file {file_id}", index + 1);
    let config = upload.client.config();
    let mut retrier = storage::retrier(config);
    loop {
        let mut counted = Counted {
            inner: upload.range(offset, length)?,
            progress: upload.progress,
            count: 0,
        };
        let headers = [("Content-Length", length.to_string())];
        let attempt = storage::send(
            upload.client,
            "PUT",
            url,
            &headers,
            SendBody::from_reader(&mut counted),
        )
        .and_then(finished);
        match attempt {
            Ok(()) => return Ok(()),
            Err(failure) => {
                upload.progress.take_back(counted.count);
                if let Some(shrank) = upload.shrank(&counted.inner) {
                    return Err(shrank);
                }
                retrier.again(&what, failure.classify("PUT", url))?;
            }
        }
    }
}
