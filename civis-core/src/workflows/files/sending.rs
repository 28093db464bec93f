//! An upload being sent: what it reads (a file, a spool or memory, by position, so that a part
//! or a retry reads from its own offset), its size, and whom it reports progress to. The form
//! POST and the multipart parts both read from it.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::PathBuf;

use serde_json::{Map, Value};

use super::progress::Progress;
use super::spool;
use crate::data::error::Error;
use crate::transport::client::Client;

/// Where the bytes of an upload are.
pub(super) enum Body<'a> {
    File(PathBuf),
    Spool(&'a spool::UploadSpool),
    Memory(&'a [u8]),
}

/// A file being uploaded.
pub(super) struct Upload<'a> {
    pub(super) client: &'a Client,
    pub(super) body: Body<'a>,
    pub(super) size: u64,
    pub(super) progress: &'a Progress,
}

impl Upload<'_> {
    /// A POST of `body` to the API, decoded.
    pub(super) fn api_post<T: serde::de::DeserializeOwned>(
        &self,
        path: &str,
        body: Map<String, Value>,
    ) -> Result<T, Error> {
        self.client.send_json("POST", path, Value::Object(body))
    }

    /// The bytes from `offset` on: the file opened and positioned there, or the rest of the
    /// memory.
    pub(super) fn open_at(&self, offset: u64) -> Result<Box<dyn Read + Send + '_>, Error> {
        match &self.body {
            Body::Memory(bytes) => {
                let start = usize::try_from(offset)
                    .unwrap_or(usize::MAX)
                    .min(bytes.len());
                Ok(Box::new(&bytes[start..]))
            }
            Body::Spool(spooled) => spooled.reader_at(offset),
            Body::File(path) => {
                let io_error = |source| Error::Io {
                    path: path.display().to_string(),
                    source,
                };
                let mut file = File::open(path).map_err(io_error)?;
                file.seek(SeekFrom::Start(offset)).map_err(io_error)?;
                Ok(Box::new(file))
            }
        }
    }
}
