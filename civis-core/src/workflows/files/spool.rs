//! A reader of unknown size spooled to a temporary file: the API wants the number of parts
//! before the first byte is sent, and parts are sent in parallel from their offsets.

use std::fs::OpenOptions;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::data::error::Error;

/// A temporary file, removed when dropped. (Made with the standard library so that plain
/// client users do not compile a temporary-file crate for this one use.)
pub(crate) struct Spooled {
    path: PathBuf,
    size: u64,
}

impl Spooled {
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn size(&self) -> u64 {
        self.size
    }
}

impl Drop for Spooled {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Copies `reader` to a new file in the system's temporary directory.
pub(crate) fn spool(reader: &mut dyn Read) -> Result<Spooled, Error> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = std::env::temp_dir();
    let io_error = |path: &Path, source: io::Error| Error::Io {
        path: path.display().to_string(),
        source,
    };
    let (path, file) = loop {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let path = dir.join(format!(
            "civis-upload-{}-{nanos}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        // `create_new` never opens a file someone else made under the same name.
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(file) => break (path, file),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(io_error(&path, e)),
        }
    };
    let mut spooled = Spooled { path, size: 0 };
    let mut writer = io::BufWriter::with_capacity(256 * 1024, file);
    let mut buf = vec![0; 64 * 1024];
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
        writer
            .write_all(&buf[..n])
            .map_err(|e| io_error(&spooled.path, e))?;
        spooled.size += n as u64;
    }
    writer.flush().map_err(|e| io_error(&spooled.path, e))?;
    Ok(spooled)
}
