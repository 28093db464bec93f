//! The inflated bytes of one or more Civis CSV files, in order: one file is read as it
//! downloads; several are downloaded (and inflated) in parallel, a few ahead of the reader,
//! each through a bounded channel, so memory stays bounded whatever their number and size.

use std::collections::VecDeque;
use std::io::{self, BufRead, BufReader, Read};
use std::sync::mpsc::{sync_channel, Receiver};
use std::thread;

use flate2::bufread::MultiGzDecoder;

use crate::data::error::Error;
use crate::transport::client::Client;
use crate::workflows::files::DownloadReader;

/// How many files of a multifile export download at once.
pub(crate) const PARALLEL_DOWNLOADS: usize = 4;

/// Inflated chunks a download may hold ahead of the reader, per file.
const CHUNKS_AHEAD: usize = 4;

/// The size of those chunks.
const CHUNK: usize = 256 * 1024;

/// The file `id` as it downloads, inflated when it is gzip (whatever its name says: the two
/// magic bytes decide).
pub(crate) fn inflated(client: &Client, id: i64) -> Result<Box<dyn Read + Send>, Error> {
    let reader = client.download_file(id).reader()?;
    decoded(reader, id)
}

fn decoded(reader: DownloadReader, id: i64) -> Result<Box<dyn Read + Send>, Error> {
    let mut buffered = BufReader::with_capacity(CHUNK, reader);
    let start = buffered
        .fill_buf()
        .map_err(|e| crate::workflows::files::from_io(e, id))?;
    if start.starts_with(&[0x1f, 0x8b]) {
        Ok(Box::new(MultiGzDecoder::new(buffered)))
    } else if start.starts_with(b"PK\x03\x04") {
        Err(Error::Usage(format!(
            "file {id} is a zip archive; typed results read plain or gzipped CSV: export with gzip compression"
        )))
    } else {
        Ok(Box::new(buffered))
    }
}

/// The files `ids`, inflated and read one after the other, with a line break between two
/// files when the first does not end with one.
pub(crate) fn concatenated(client: &Client, ids: &[i64]) -> Box<dyn Read + Send> {
    let mut stream = Concatenated {
        client: client.clone(),
        waiting: ids.iter().copied().collect(),
        started: VecDeque::new(),
        chunk: Vec::new(),
        position: 0,
        ended_line: true,
    };
    stream.start_more();
    Box::new(stream)
}

/// A piece of a file's inflated bytes, or why the file could not be read.
type Chunk = Result<Vec<u8>, Error>;

struct Concatenated {
    client: Client,
    /// Files not started yet.
    waiting: VecDeque<i64>,
    /// Files downloading, in order; the first is being read.
    started: VecDeque<Receiver<Chunk>>,
    chunk: Vec<u8>,
    position: usize,
    /// Whether what was read so far ends with a line break (or nothing was read).
    ended_line: bool,
}

impl Concatenated {
    fn start_more(&mut self) {
        while self.started.len() < PARALLEL_DOWNLOADS {
            let Some(id) = self.waiting.pop_front() else {
                return;
            };
            let (send, receive) = sync_channel(CHUNKS_AHEAD);
            let client = self.client.clone();
            thread::spawn(move || {
                let mut reader = match inflated(&client, id) {
                    Ok(reader) => reader,
                    Err(error) => {
                        let _ = send.send(Err(error));
                        return;
                    }
                };
                loop {
                    let mut chunk = vec![0; CHUNK];
                    match read_full(&mut reader, &mut chunk) {
                        Ok(0) => return,
                        Ok(n) => {
                            chunk.truncate(n);
                            // The reader has gone: nobody wants the rest.
                            if send.send(Ok(chunk)).is_err() {
                                return;
                            }
                        }
                        Err(e) => {
                            let _ = send.send(Err(crate::workflows::files::from_io(e, id)));
                            return;
                        }
                    }
                }
            });
            self.started.push_back(receive);
        }
    }
}

/// Reads until `buffer` is full or the reader ends.
fn read_full(reader: &mut dyn Read, buffer: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match reader.read(&mut buffer[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

impl Read for Concatenated {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        if buffer.is_empty() {
            return Ok(0);
        }
        while self.position == self.chunk.len() {
            let Some(receiver) = self.started.front() else {
                return Ok(0);
            };
            match receiver.recv() {
                Ok(Ok(chunk)) => {
                    self.chunk = chunk;
                    self.position = 0;
                }
                // An error of ours travels inside the io::Error, as the download's own do.
                Ok(Err(error)) => return Err(io::Error::other(error)),
                Err(_) => {
                    // This file is over.
                    self.started.pop_front();
                    self.start_more();
                    if !self.ended_line && !self.started.is_empty() {
                        self.chunk = b"\n".to_vec();
                        self.position = 0;
                    }
                }
            }
        }
        let n = buffer.len().min(self.chunk.len() - self.position);
        buffer[..n].copy_from_slice(&self.chunk[self.position..self.position + n]);
        self.position += n;
        self.ended_line = buffer[n - 1] == b'\n';
        Ok(n)
    }
}
