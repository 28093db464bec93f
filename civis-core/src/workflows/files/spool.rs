//! A reader of unknown size spooled to a temporary file: the API wants the number of parts
//! before the first byte is sent, and parts are sent in parallel from their offsets.

use std::fs::OpenOptions;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

#[cfg(unix)]
use super::shared_file::SharedFile;
use crate::data::error::Error;

/// A temporary file, removed when dropped. (Made with the standard library so that plain
/// client users do not compile a temporary-file crate for this one use.)
pub(crate) struct Spooled {
    path: PathBuf,
    size: u64,
}

// Named spools serve uploads off Unix.
#[cfg_attr(unix, allow(dead_code))]
impl Spooled {
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Spooled {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// The spool of an upload: on Unix a file without a name (removed from its directory as soon
/// as it is open, so that no kill, crash or time limit leaves it behind), read by position;
/// elsewhere a named temporary file, removed when dropped.
pub(crate) enum UploadSpool {
    #[cfg(unix)]
    Unlinked { file: SharedFile, size: u64 },
    #[cfg_attr(unix, allow(dead_code))]
    Named(Spooled),
}

impl UploadSpool {
    pub(crate) fn size(&self) -> u64 {
        match self {
            #[cfg(unix)]
            Self::Unlinked { size, .. } => *size,
            Self::Named(spooled) => spooled.size,
        }
    }

    /// The bytes from `offset` on; readers at different offsets may run at once (the parts of
    /// a multipart upload).
    pub(crate) fn reader_at(&self, offset: u64) -> Result<Box<dyn Read + Send + '_>, Error> {
        match self {
            #[cfg(unix)]
            Self::Unlinked { file, .. } => Ok(Box::new(file.reader_at(offset))),
            Self::Named(spooled) => {
                let io_error = |source| Error::Io {
                    path: spooled.path.display().to_string(),
                    source,
                };
                let mut file = std::fs::File::open(&spooled.path).map_err(io_error)?;
                io::Seek::seek(&mut file, io::SeekFrom::Start(offset)).map_err(io_error)?;
                Ok(Box::new(file))
            }
        }
    }
}

/// Copies `reader` into an [`UploadSpool`].
pub(crate) fn spool_upload(reader: &mut dyn Read) -> Result<UploadSpool, Error> {
    #[cfg(unix)]
    {
        let (path, file) = create(true)?;
        // The name goes at once; the open file stays until it is dropped.
        std::fs::remove_file(&path).map_err(|source| Error::Io {
            path: path.display().to_string(),
            source,
        })?;
        let (file, size) = fill(reader, file, &path)?;
        Ok(UploadSpool::Unlinked {
            file: SharedFile::new(file),
            size,
        })
    }
    #[cfg(not(unix))]
    {
        spool(reader).map(UploadSpool::Named)
    }
}

/// A new file in the system's temporary directory, readable too when `readable`.
fn create(readable: bool) -> Result<(PathBuf, std::fs::File), Error> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = std::env::temp_dir();
    loop {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let path = dir.join(format!(
            "civis-upload-{}-{nanos}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        // `create_new` never opens a file someone else made under the same name.
        match OpenOptions::new()
            .read(readable)
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(source) => {
                return Err(Error::Io {
                    path: path.display().to_string(),
                    source,
                })
            }
        }
    }
}

/// Copies `reader` into `file` (shown as `path`); the file and the bytes written.
fn fill(
    reader: &mut dyn Read,
    file: std::fs::File,
    path: &Path,
) -> Result<(std::fs::File, u64), Error> {
    let io_error = |source: io::Error| Error::Io {
        path: path.display().to_string(),
        source,
    };
    let mut writer = io::BufWriter::with_capacity(256 * 1024, file);
    let mut buf = vec![0; 64 * 1024];
    let mut size = 0u64;
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(source) => {
                return Err(Error::Io {
                    path: "the reader being uploaded".into(),
                    source,
                })
            }
        };
        writer.write_all(&buf[..n]).map_err(io_error)?;
        size += n as u64;
    }
    writer.flush().map_err(io_error)?;
    let file = writer.into_inner().map_err(|e| io_error(e.into_error()))?;
    Ok((file, size))
}

/// Copies `reader` to a new file in the system's temporary directory.
#[cfg_attr(unix, allow(dead_code))]
pub(crate) fn spool(reader: &mut dyn Read) -> Result<Spooled, Error> {
    let (path, file) = create(false)?;
    // Removed when dropped, also when the copy fails.
    let mut spooled = Spooled { path, size: 0 };
    let (_, size) = fill(reader, file, &spooled.path)?;
    spooled.size = size;
    Ok(spooled)
}
