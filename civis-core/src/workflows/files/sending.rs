//! An upload being sent: what it reads (a file held open, a spool or memory, by position, so
//! that a part or a retry reads from its own offset), its size, and whom it reports progress
//! to. The form POST and the multipart parts both read from it.

use std::fs::Metadata;
use std::io::{self, Read};
use std::path::PathBuf;

use serde_json::{Map, Value};

use super::progress::Progress;
use super::shared_file::SharedFile;
use super::spool;
use crate::data::error::Error;
use crate::transport::client::Client;

/// Where the bytes of an upload are.
pub(super) enum Body<'a> {
    /// A file, open for the whole upload, as it was when measured.
    File {
        file: SharedFile,
        path: PathBuf,
        measured: Metadata,
    },
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

    /// The `length` bytes from `offset` on, which fail the read when they end early.
    pub(super) fn range(
        &self,
        offset: u64,
        length: u64,
    ) -> Result<Exact<Box<dyn Read + Send + '_>>, Error> {
        let inner: Box<dyn Read + Send + '_> = match &self.body {
            Body::Memory(bytes) => {
                let start = usize::try_from(offset)
                    .unwrap_or(usize::MAX)
                    .min(bytes.len());
                Box::new(&bytes[start..])
            }
            Body::Spool(spooled) => spooled.reader_at(offset)?,
            Body::File { file, .. } => Box::new(file.reader_at(offset)),
        };
        Ok(Exact {
            inner: inner.take(length),
            offset,
            length,
            read: 0,
            ended_at: None,
        })
    }

    /// What the upload reads, for errors.
    fn shown(&self) -> String {
        match &self.body {
            Body::File { path, .. } => path.display().to_string(),
            _ => "the reader being uploaded".into(),
        }
    }

    /// The error of an attempt that failed because the file ended before the size measured
    /// (it shrank): such a failure is not retried.
    pub(super) fn shrank<R>(&self, range: &Exact<R>) -> Option<Error> {
        range.ended_at.map(|at| Error::Io {
            path: self.shown(),
            source: io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!(
                    "the file ended after {at} bytes, but it had {} when the upload began: it shrank while being uploaded, and the upload was stopped",
                    self.size
                ),
            ),
        })
    }

    /// Fails when the file is no longer the one measured when the upload began: replaced under
    /// its path (a rename over it, as an editor's save or a log rotation does), or changed in
    /// size or time of change. Checked before a multipart upload is completed.
    pub(super) fn unchanged(&self) -> Result<(), Error> {
        let Body::File {
            file,
            path,
            measured,
        } = &self.body
        else {
            return Ok(());
        };
        let io = |source: io::Error| Error::Io {
            path: path.display().to_string(),
            source,
        };
        let now = file.metadata().map_err(io)?;
        let at_path = std::fs::metadata(path).map_err(io)?;
        let changed = if !same_file(measured, &at_path) {
            Some("another file was put under its name".to_string())
        } else if now.len() != measured.len() {
            Some(format!(
                "it has {} bytes now, {} when the upload began",
                now.len(),
                measured.len()
            ))
        } else if now.modified().ok() != measured.modified().ok() {
            Some("it was written to".to_string())
        } else {
            None
        };
        match changed {
            None => Ok(()),
            Some(how) => Err(io(io::Error::other(format!(
                "the file changed while it was uploaded ({how}), so the upload was not completed: upload it again once it is no longer written to"
            )))),
        }
    }
}

/// Whether `a` and `b` are of the same file: the same device and inode on Unix; elsewhere, the
/// same size and time of change.
fn same_file(a: &Metadata, b: &Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        (a.dev(), a.ino()) == (b.dev(), b.ino())
    }
    #[cfg(not(unix))]
    {
        a.len() == b.len() && a.modified().ok() == b.modified().ok()
    }
}

/// A reader of exactly `length` bytes from `offset`: one that ends early fails the read at once
/// (rather than leave a body of announced length unfinished) and notes where it ended.
pub(super) struct Exact<R> {
    inner: io::Take<R>,
    offset: u64,
    length: u64,
    read: u64,
    /// Where the bytes ended early, from the start of the file.
    ended_at: Option<u64>,
}

impl<R: Read> Read for Exact<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 && !buf.is_empty() && self.read < self.length {
            let at = self.offset + self.read;
            self.ended_at = Some(at);
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!("the file ended after {at} bytes"),
            ));
        }
        self.read += n as u64;
        Ok(n)
    }
}
