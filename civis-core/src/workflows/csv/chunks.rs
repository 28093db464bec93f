//! The inflated text of a CSV result cut at record boundaries into chunks, and the chunks
//! decoded on every core and handed back in order: what lets Arrow batches and polars frames be
//! decoded in parallel while the download is still inflating, the text never held whole.
//!
//! One thread reads (downloads, inflates, decodes the encoding) and cuts; a few workers decode
//! chunks; the reader of the results takes them in the text's order. Memory holds at most
//! [`in_order`]'s `ahead` chunks being decoded or waiting, one being cut and one in the channel
//! between: bounded by the chunk size, whatever the result's size.
//!
//! A record ends at a line break outside quotes. As the csv crate reads it, a quote opens a
//! quoted field only at the start of a field, and `""` inside one is a quote, so Redshift's
//! quoted fields holding delimiters, quotes and line breaks are never cut.

use std::collections::BTreeMap;
use std::io::{self, Read};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{channel, sync_channel, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread;

use super::rows::too_long;
use crate::data::error::Error;
use crate::workflows::files::from_io;

/// Bytes read from the stream at a time.
const READ: usize = 256 * 1024;

/// Whole records of the text, in order.
#[derive(Debug)]
pub(crate) struct Chunk {
    /// The records, the header first in the first chunk of a text that has one.
    pub(crate) bytes: Vec<u8>,
    /// Where the data records start: after the header in the chunk that holds it, else 0.
    pub(crate) data_start: usize,
    /// The number of the chunk's first data record (1 for the first after the header).
    pub(crate) first_row: u64,
    /// How many data records the chunk holds.
    pub(crate) rows: usize,
    /// Where the text's buffer goes once the chunk is dropped (decoded), for the next chunks.
    spare: Option<Spare>,
}

impl Drop for Chunk {
    fn drop(&mut self) {
        if let Some(spare) = &self.spare {
            spare.keep(std::mem::take(&mut self.bytes));
        }
    }
}

impl Chunk {
    /// The chunk's data records (the header left out).
    pub(crate) fn data(&self) -> &[u8] {
        &self.bytes[self.data_start..]
    }

    /// The header record (with its line break), in the chunk that holds it.
    #[cfg_attr(not(feature = "arrow"), allow(dead_code))]
    pub(crate) fn header(&self) -> &[u8] {
        &self.bytes[..self.data_start]
    }
}

/// How a text is cut.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cutting {
    /// The most data records a chunk holds.
    pub(crate) rows: usize,
    /// A chunk ends at the first record boundary past this many bytes.
    pub(crate) bytes: usize,
    /// The most bytes one record may hold.
    pub(crate) max_record: usize,
    /// Whether the first record is a header.
    pub(crate) header: bool,
    pub(crate) delimiter: u8,
}

/// Buffers of chunks already decoded, taken again by the cutter for the chunks it cuts next.
///
/// A chunk is a few MiB: a new buffer of that size is fresh pages that the kernel zeroes and
/// maps one fault at a time, which was a tenth of the cutting thread's time (BENCHMARKS.md,
/// issue 34). At most [`Spare::MOST`] wait here, so memory stays bounded by the chunk size.
#[derive(Debug, Clone, Default)]
struct Spare(Arc<Mutex<Vec<Vec<u8>>>>);

impl Spare {
    /// The most buffers kept.
    const MOST: usize = 2;

    fn keep(&self, buffer: Vec<u8>) {
        if let Ok(mut kept) = self.0.lock() {
            if kept.len() < Self::MOST {
                kept.push(buffer);
            }
        }
    }

    fn take(&self) -> Option<Vec<u8>> {
        self.0.lock().ok()?.pop()
    }
}

/// The chunks of a text, cut by a thread of their own as it reads: see [`cut`].
pub(crate) struct Chunks {
    receiver: Receiver<Result<Chunk, Error>>,
}

impl Iterator for Chunks {
    type Item = Result<Chunk, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        self.receiver.recv().ok()
    }
}

/// The chunks of `stream` (file `file_id`'s text, or the first of several), read and cut in a
/// thread that stops once the chunks are dropped. A record longer than `cutting.max_record`
/// ends them with an error naming the bound; so does a failed read.
pub(crate) fn cut(stream: Box<dyn Read + Send>, cutting: Cutting, file_id: i64) -> Chunks {
    // One chunk waits while the next is cut: reading never stalls on a free worker.
    let (send, receiver) = sync_channel(1);
    thread::spawn(move || {
        let mut cutter = Cutter::new(cutting);
        let mut stream = stream;
        loop {
            match cutter.next_chunk(&mut stream, file_id) {
                Ok(Some(chunk)) => {
                    if send.send(Ok(chunk)).is_err() {
                        return;
                    }
                }
                Ok(None) => return,
                Err(error) => {
                    let _ = send.send(Err(error));
                    return;
                }
            }
        }
    });
    Chunks { receiver }
}

/// How many bytes of `text` hold its first `rows` data records, after the header when
/// `header`: whole records, found as the cutter finds them (all of `text` when it holds
/// fewer). What a reader infers the types from, without parsing the rest of a chunk.
#[cfg_attr(not(feature = "polars"), allow(dead_code))]
pub(crate) fn leading_records(text: &[u8], rows: usize, header: bool, delimiter: u8) -> usize {
    let mut cutter = Cutter::new(Cutting {
        rows,
        bytes: usize::MAX,
        max_record: usize::MAX,
        header,
        delimiter,
    });
    match cutter.next_chunk(&mut &text[..], 0) {
        Ok(Some(chunk)) => chunk.bytes.len(),
        _ => text.len(),
    }
}

/// Where the cutting of a text stands.
struct Cutter {
    cutting: Cutting,
    /// Read and not yet handed out: whole records, then the start of one, in `..filled`;
    /// after it, room already zeroed for the next read (zeroed once, not at every read).
    buffer: Vec<u8>,
    /// How much of `buffer` holds text.
    filled: usize,
    /// How much of `buffer` has been scanned.
    scanned: usize,
    /// Where the last whole record in `buffer` ends.
    boundary: usize,
    /// Whole records in `buffer`.
    records: usize,
    in_quotes: bool,
    /// Whether the header is still to come (it is the first record of the first chunk).
    header_ahead: bool,
    /// Where the header ends in the chunk being cut.
    header_end: usize,
    next_row: u64,
    /// The stream has ended.
    ended: bool,
    /// Buffers of the chunks handed out and since decoded.
    spare: Spare,
}

impl Cutter {
    fn new(cutting: Cutting) -> Self {
        Self {
            cutting,
            buffer: Vec::with_capacity(READ),
            filled: 0,
            scanned: 0,
            boundary: 0,
            records: 0,
            in_quotes: false,
            header_ahead: cutting.header,
            header_end: 0,
            next_row: 1,
            ended: false,
            spare: Spare::default(),
        }
    }

    /// The next chunk, `None` at the end.
    fn next_chunk(&mut self, stream: &mut dyn Read, file_id: i64) -> Result<Option<Chunk>, Error> {
        loop {
            while let Some(end) = self.next_boundary() {
                self.scanned = end;
                self.boundary = end;
                if self.header_ahead {
                    self.header_ahead = false;
                    self.header_end = end;
                } else {
                    self.records += 1;
                }
                if self.records >= self.cutting.rows || end >= self.cutting.bytes {
                    return Ok(Some(self.hand_out()));
                }
            }
            if self.ended {
                // A last record without a line break.
                if self.boundary < self.filled {
                    if self.header_ahead {
                        self.header_ahead = false;
                        self.header_end = self.filled;
                    } else {
                        self.records += 1;
                    }
                    self.boundary = self.filled;
                }
                if self.boundary == 0 {
                    return Ok(None);
                }
                return Ok(Some(self.hand_out()));
            }
            if self.filled - self.boundary > self.cutting.max_record {
                return Err(too_long(file_id, self.cutting.max_record as u64));
            }
            self.read(stream).map_err(|e| from_io(e, file_id))?;
        }
    }

    /// More of the stream into the buffer; marks the end when there is none.
    fn read(&mut self, stream: &mut dyn Read) -> io::Result<()> {
        // A read may fill much less than it is offered: the room is zeroed only when there is
        // little of it left.
        if self.buffer.len() - self.filled < READ / 4 {
            self.buffer.resize(self.filled + READ, 0);
        }
        let read = loop {
            match stream.read(&mut self.buffer[self.filled..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        };
        self.filled += read;
        self.ended = read == 0;
        Ok(())
    }

    /// The end (after its line break) of the next record in what is scanned next, or `None`
    /// when it needs more of the stream. Quoting state carries over.
    fn next_boundary(&mut self) -> Option<usize> {
        let buffer = &self.buffer[..self.filled];
        let mut at = self.scanned;
        loop {
            // Inside quotes only a quote matters: the line breaks a quoted field holds are
            // skipped over rather than stopped at.
            let found = if self.in_quotes {
                memchr::memchr(b'"', &buffer[at..])
            } else {
                memchr::memchr2(b'"', b'\n', &buffer[at..])
            };
            let Some(found) = found else {
                self.scanned = buffer.len();
                return None;
            };
            let i = at + found;
            // Found only outside quotes: a record's end.
            if buffer[i] == b'\n' {
                return Some(i + 1);
            }
            if self.in_quotes {
                match buffer.get(i + 1) {
                    // `""`: a quote inside the field.
                    Some(b'"') => at = i + 2,
                    Some(_) => {
                        self.in_quotes = false;
                        at = i + 1;
                    }
                    // Whether it is `""` is in bytes not read yet.
                    None if !self.ended => {
                        self.scanned = i;
                        return None;
                    }
                    None => {
                        self.in_quotes = false;
                        at = i + 1;
                    }
                }
            } else {
                // The buffer starts at a record's start.
                let field_start = i == 0
                    || matches!(buffer[i - 1], b'\n' | b'\r')
                    || buffer[i - 1] == self.cutting.delimiter;
                self.in_quotes = field_start;
                at = i + 1;
            }
        }
    }

    /// The whole records read so far as a chunk; what follows them starts the next.
    fn hand_out(&mut self) -> Chunk {
        let mut rest = self
            .spare
            .take()
            .unwrap_or_else(|| Vec::with_capacity(self.boundary + READ));
        rest.clear();
        rest.extend_from_slice(&self.buffer[self.boundary..self.filled]);
        self.filled -= self.boundary;
        let mut bytes = std::mem::replace(&mut self.buffer, rest);
        bytes.truncate(self.boundary);
        let chunk = Chunk {
            bytes,
            data_start: self.header_end,
            first_row: self.next_row,
            rows: self.records,
            spare: Some(self.spare.clone()),
        };
        self.next_row += self.records as u64;
        self.scanned -= self.boundary;
        self.boundary = 0;
        self.records = 0;
        self.header_end = 0;
        chunk
    }
}

/// How many chunks decode at once: one per core (at most 8), for [`in_order`].
pub(crate) fn workers() -> usize {
    thread::available_parallelism().map_or(2, |n| n.get().min(8))
}

/// The results of `decode` over `chunks`, on `workers` threads, in the chunks' order, with at
/// most `ahead` chunks being decoded or decoded and waiting. A decoder that panics is an error
/// naming `source`. The threads end once the results are dropped.
pub(crate) fn in_order<T, F>(
    chunks: impl Iterator<Item = Result<Chunk, Error>> + Send + 'static,
    workers: usize,
    ahead: usize,
    source: String,
    decode: F,
) -> InOrder<T>
where
    T: Send + 'static,
    F: Fn(Chunk) -> Result<T, Error> + Send + Sync + 'static,
{
    let (jobs, taken) = channel::<(usize, Chunk)>();
    let (results, received) = channel();
    let taken = Arc::new(Mutex::new(taken));
    let decode = Arc::new(decode);
    for _ in 0..workers.max(1) {
        let taken = taken.clone();
        let results: Sender<(usize, Result<T, Error>)> = results.clone();
        let decode = decode.clone();
        let source = source.clone();
        thread::spawn(move || loop {
            let job = match taken.lock() {
                Ok(taken) => taken.recv(),
                Err(_) => return,
            };
            let Ok((index, chunk)) = job else { return };
            let result = catch_unwind(AssertUnwindSafe(|| decode(chunk)))
                .unwrap_or_else(|_| Err(panicked(&source)));
            if results.send((index, result)).is_err() {
                return;
            }
        });
    }
    InOrder {
        chunks: Box::new(chunks),
        jobs,
        results: received,
        done: BTreeMap::new(),
        sent: 0,
        next: 0,
        ahead: ahead.max(1),
        input_over: false,
        input_error: None,
        source,
    }
}

fn panicked(source: &str) -> Error {
    Error::Decode {
        method: "GET".into(),
        path: source.to_string(),
        detail: "a decoding thread panicked".into(),
        snippet: String::new(),
    }
}

/// Decoded chunks in order: see [`in_order`].
pub(crate) struct InOrder<T> {
    chunks: Box<dyn Iterator<Item = Result<Chunk, Error>> + Send>,
    jobs: Sender<(usize, Chunk)>,
    results: Receiver<(usize, Result<T, Error>)>,
    /// Decoded ahead of their turn.
    done: BTreeMap<usize, Result<T, Error>>,
    sent: usize,
    next: usize,
    ahead: usize,
    input_over: bool,
    /// Why the chunks ended early: given after every chunk before it.
    input_error: Option<Error>,
    source: String,
}

impl<T> Iterator for InOrder<T> {
    type Item = Result<T, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            while !self.input_over && self.sent - self.next < self.ahead {
                match self.chunks.next() {
                    Some(Ok(chunk)) => {
                        if self.jobs.send((self.sent, chunk)).is_err() {
                            return Some(Err(panicked(&self.source)));
                        }
                        self.sent += 1;
                    }
                    Some(Err(error)) => {
                        self.input_error = Some(error);
                        self.input_over = true;
                    }
                    None => self.input_over = true,
                }
            }
            if let Some(done) = self.done.remove(&self.next) {
                self.next += 1;
                return Some(done);
            }
            if self.next == self.sent {
                return self.input_error.take().map(Err);
            }
            match self.results.recv() {
                Ok((index, result)) => {
                    self.done.insert(index, result);
                }
                Err(_) => return Some(Err(panicked(&self.source))),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cutting(rows: usize, bytes: usize) -> Cutting {
        Cutting {
            rows,
            bytes,
            max_record: 1 << 20,
            header: true,
            delimiter: b',',
        }
    }

    /// The chunks of `text`, read `step` bytes at a time (so that quotes and line breaks fall
    /// on every read boundary).
    fn chunks_of(text: &[u8], cutting: Cutting, step: usize) -> Vec<Chunk> {
        struct Trickle(io::Cursor<Vec<u8>>, usize);
        impl Read for Trickle {
            fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
                let n = self.1.min(out.len());
                self.0.read(&mut out[..n])
            }
        }
        cut(
            Box::new(Trickle(io::Cursor::new(text.to_vec()), step)),
            cutting,
            7,
        )
        .collect::<Result<Vec<_>, _>>()
        .unwrap()
    }

    /// Redshift's quoted fields: delimiters, escaped quotes and line breaks inside quotes,
    /// a quote inside an unquoted field, a CRLF line end, no line break at the end.
    const TEXT: &[u8] = b"id,name,note\n1,\"a, \"\"b\"\"\",\"two\nlines\"\n2,x\"y,plain\r\n3,\"\"\"\",\"\n\n\"\n4,last,end";

    #[test]
    fn records_are_never_cut_inside_quotes_whatever_the_reads() {
        let whole: Vec<csv::StringRecord> = csv::Reader::from_reader(TEXT)
            .records()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(whole.len(), 4);
        for step in [1, 2, 3, 5, 7, 64] {
            for rows in [1, 2, 3, 10] {
                let chunks = chunks_of(TEXT, cutting(rows, 1 << 20), step);
                assert_eq!(chunks[0].header(), b"id,name,note\n");
                let mut records = Vec::new();
                let mut next_row = 1;
                for chunk in &chunks {
                    assert_eq!(chunk.first_row, next_row, "step {step}, rows {rows}");
                    assert!(chunk.rows <= rows);
                    next_row += chunk.rows as u64;
                    let read: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
                        .has_headers(false)
                        .from_reader(chunk.data())
                        .records()
                        .collect::<Result<_, _>>()
                        .unwrap();
                    assert_eq!(read.len(), chunk.rows, "step {step}, rows {rows}");
                    records.extend(read);
                }
                assert_eq!(records, whole, "step {step}, rows {rows}");
            }
        }
    }

    #[test]
    fn a_chunk_ends_at_the_first_boundary_past_its_bytes() {
        let chunks = chunks_of(TEXT, cutting(usize::MAX, 10), 3);
        // Every chunk but the last is past 10 bytes and ends a record.
        for chunk in &chunks[..chunks.len() - 1] {
            assert!(chunk.bytes.len() >= 10 && chunk.bytes.ends_with(b"\n"));
        }
        let total: usize = chunks.iter().map(|c| c.bytes.len()).sum();
        assert_eq!(total, TEXT.len());
    }

    #[test]
    fn a_record_longer_than_the_bound_is_an_error_after_the_records_before() {
        let mut text = b"a\n1\n\"".to_vec();
        text.resize(text.len() + 5_000, b'x');
        let mut bounded = cutting(1, 1 << 20);
        bounded.max_record = 1_000;
        let mut chunks = cut(Box::new(io::Cursor::new(text)), bounded, 9);
        assert_eq!(chunks.next().unwrap().unwrap().data(), b"1\n");
        let error = chunks.next().unwrap().unwrap_err().to_string();
        assert!(
            error.contains("file 9 is longer than 1000 bytes"),
            "{error}"
        );
        assert!(chunks.next().is_none());
    }

    #[test]
    fn a_dropped_chunk_leaves_its_buffer_to_the_cutter_and_at_most_two_wait() {
        let mut cutter = Cutter::new(cutting(1, 1 << 20));
        let chunk = cutter.next_chunk(&mut &TEXT[..], 0).unwrap().unwrap();
        let capacity = chunk.bytes.capacity();
        drop(chunk);
        assert_eq!(cutter.spare.take().map(|b| b.capacity()), Some(capacity));

        let spare = Spare::default();
        for _ in 0..3 {
            spare.keep(Vec::with_capacity(10));
        }
        assert!(spare.take().is_some() && spare.take().is_some());
        assert!(spare.take().is_none());
    }

    #[test]
    fn the_leading_records_end_where_the_cutter_would_cut() {
        for rows in 1..=4 {
            let length = leading_records(TEXT, rows, true, b',');
            let first = &chunks_of(TEXT, cutting(rows, 1 << 20), 5)[0];
            assert_eq!(length, first.bytes.len(), "{rows} rows");
            assert_eq!(first.rows, rows);
        }
        // More rows than the text holds: all of it.
        assert_eq!(leading_records(TEXT, 10, true, b','), TEXT.len());
        // Without a header the first record is a row.
        assert_eq!(
            leading_records(b"1,a\n2,b\n3,c\n", 2, false, b','),
            "1,a\n2,b\n".len()
        );
    }

    #[test]
    fn an_empty_text_has_no_chunk_and_a_header_alone_one_without_rows() {
        assert!(chunks_of(b"", cutting(5, 100), 4).is_empty());
        let alone = chunks_of(b"a,b\n", cutting(5, 100), 4);
        assert_eq!(
            (alone.len(), alone[0].rows, alone[0].data()),
            (1, 0, &b""[..])
        );
    }

    #[test]
    fn results_come_in_order_whatever_order_they_finish_in() {
        let chunks = chunks_of(b"n\n1\n2\n3\n4\n5\n6\n7\n8\n", cutting(1, 1 << 20), 2);
        let decoded: Vec<u64> = in_order(
            chunks.into_iter().map(Ok),
            3,
            4,
            "test".into(),
            |chunk: Chunk| {
                // Later chunks finish first.
                std::thread::sleep(std::time::Duration::from_millis(10 - chunk.first_row));
                Ok(chunk.first_row)
            },
        )
        .collect::<Result<_, _>>()
        .unwrap();
        assert_eq!(decoded, (1..=8).collect::<Vec<_>>());
    }

    #[test]
    fn a_decoder_that_panics_is_an_error_and_a_cut_error_comes_after_the_chunks_before() {
        let chunks = chunks_of(b"n\n1\n2\n", cutting(1, 1 << 20), 2);
        let mut results = in_order(
            chunks.into_iter().map(Ok),
            2,
            2,
            "file 3".into(),
            |c: Chunk| {
                if c.first_row == 2 {
                    panic!("a decoder's bug");
                }
                Ok(c.first_row)
            },
        );
        assert_eq!(results.next().unwrap().unwrap(), 1);
        let error = results.next().unwrap().unwrap_err().to_string();
        assert!(
            error.contains("file 3") && error.contains("panicked"),
            "{error}"
        );

        let failing = vec![
            Ok(Chunk {
                bytes: b"1\n".to_vec(),
                data_start: 0,
                first_row: 1,
                rows: 1,
                spare: None,
            }),
            Err(Error::Usage("the cut failed".into())),
        ];
        let all: Vec<_> =
            in_order(failing.into_iter(), 2, 2, "x".into(), |c: Chunk| Ok(c.rows)).collect();
        assert_eq!(all.len(), 2);
        assert_eq!(*all[0].as_ref().unwrap(), 1);
        assert!(all[1]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("the cut failed"));
    }
}
