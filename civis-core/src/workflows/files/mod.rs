//! Files in and out of Civis: civis-python's `file_to_civis`, `civis_to_file`, `json_to_file`
//! and `file_to_json`, as
//! [`Client::upload_file`](crate::Client::upload_file),
//! [`Client::upload_reader`](crate::Client::upload_reader),
//! [`Client::upload_json`](crate::Client::upload_json) and
//! [`Client::download_file`](crate::Client::download_file).
//!
//! ```no_run
//! # extern crate civis_core as civis;
//! # fn main() -> Result<(), civis::Error> {
//! let client = civis::Client::new()?;
//! let id = client.upload_file("data.csv").expires_at("2027-01-01T00:00:00Z").send()?;
//! client.download_file(id).to_path("copy.csv")?;
//! # Ok(()) }
//! ```
//!
//! The API hands out presigned URLs on file storage (S3), another host than the API: requests
//! there go through the client's connection pool, TLS and timeouts, are retried by the client's
//! retry rules, and never carry the API key.
//!
//! Where this differs from civis-python on purpose:
//! - memory does not grow with the file: uploads stream from the file (a reader is first spooled
//!   to a temporary file, as civis-python spools it, because the API wants the number of parts up
//!   front), and downloads stream to their destination;
//! - a download whose connection drops, or that storage answers with a 5xx, resumes from the
//!   last byte received with a `Range` request (civis-python starts over), and the bytes
//!   received are checked against the file's size; a download to a path that storage fails
//!   keeps its bytes beside the target, named in the error, and a rerun goes on from them;
//! - a failed multipart upload is an error naming the failed part (civis-python leaves it
//!   half done), and one whose file was replaced or changed while it was sent is not completed;
//! - storage requests have the client's connect and read timeouts, but no limit on a whole
//!   transfer, which for gigabytes may rightly take longer than an API call may.

mod download;
mod form_post;
mod multipart;
pub(crate) mod parallel;
pub(crate) mod partial;
mod progress;
mod run_output;
mod sending;
mod shared_file;
pub(crate) mod spool;
mod storage;
mod upload;

#[cfg(feature = "io")]
pub(crate) use download::from_io;
pub use download::{DownloadBuilder, DownloadReader};
pub use upload::UploadBuilder;

const MIB: u64 = 1024 * 1024;

/// Files larger than this go through the multipart endpoints (civis-python's
/// `MIN_MULTIPART_SIZE`, 50 MiB).
///
/// ```
/// # extern crate civis_core as civis;
/// assert_eq!(civis::files::MULTIPART_THRESHOLD, 50 * 1024 * 1024);
/// ```
pub const MULTIPART_THRESHOLD: u64 = 50 * MIB;

/// The smallest part of a multipart upload (civis-python's `MIN_PART_SIZE`, 5 MiB; S3's own
/// minimum).
///
/// ```
/// # extern crate civis_core as civis;
/// assert_eq!(civis::files::MIN_PART_SIZE, 5 * 1024 * 1024);
/// ```
pub const MIN_PART_SIZE: u64 = 5 * MIB;

/// How many parts of a multipart upload are in flight at once, each on its own thread
/// (civis-python's `MAX_THREADS`).
///
/// ```
/// # extern crate civis_core as civis;
/// assert_eq!(civis::files::MAX_PARALLEL_PARTS, 4);
/// ```
pub const MAX_PARALLEL_PARTS: usize = 4;

/// The largest file Civis stores, 5 TiB (file storage's limit for one object; civis-python's
/// `MAX_FILE_SIZE`): a larger upload is refused before any request.
///
/// ```
/// # extern crate civis_core as civis;
/// assert_eq!(civis::files::MAX_FILE_SIZE, 5 * (1u64 << 40));
/// ```
pub const MAX_FILE_SIZE: u64 = 5 << 40;

/// The longest description the API accepts, in characters.
///
/// ```
/// # extern crate civis_core as civis;
/// assert_eq!(civis::files::MAX_DESCRIPTION_CHARS, 512);
/// ```
pub const MAX_DESCRIPTION_CHARS: usize = 512;

/// The part size of a multipart upload of `file_size` bytes, as civis-python computes it:
/// `max(int(sqrt(5 MiB) * sqrt(size)), 5 MiB)`, so that the number of parts grows with the
/// square root of the size (a 1 GiB file goes in 15 parts of about 72 MiB).
///
/// ```
/// # extern crate civis_core as civis;
/// use civis::files::{part_size, MIN_PART_SIZE};
/// assert_eq!(part_size(60 * 1024 * 1024), 18_161_869);
/// assert_eq!(part_size(1024), MIN_PART_SIZE);
/// ```
pub fn part_size(file_size: u64) -> u64 {
    let size = ((MIN_PART_SIZE as f64).sqrt() * (file_size as f64).sqrt()) as u64;
    size.max(MIN_PART_SIZE)
}

/// The byte ranges (offset, length) of the parts of a multipart upload of `file_size` bytes.
///
/// ```
/// # extern crate civis_core as civis;
/// let parts = civis::files::parts(1 << 30);
/// assert_eq!(parts.len(), 15);
/// assert_eq!(parts.iter().map(|(_, len)| len).sum::<u64>(), 1 << 30);
/// ```
pub fn parts(file_size: u64) -> Vec<(u64, u64)> {
    let size = part_size(file_size);
    (0..file_size.div_ceil(size))
        .map(|i| {
            let offset = i * size;
            (offset, size.min(file_size - offset))
        })
        .collect()
}
