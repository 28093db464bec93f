//! One open file read at several positions at once: the parts of a multipart upload (and their
//! retries) each read their own range of the same open file, which is never opened again by
//! name, so that a file renamed over the path mid-way cannot mix into the upload.

use std::fs::File;
use std::io::{self, Read};

/// An open file whose readers at different positions do not disturb each other: positional
/// reads on Unix, a lock around seek-and-read elsewhere.
pub(crate) struct SharedFile {
    #[cfg(unix)]
    file: File,
    #[cfg(not(unix))]
    file: std::sync::Mutex<File>,
}

impl SharedFile {
    pub(crate) fn new(file: File) -> Self {
        Self {
            #[cfg(unix)]
            file,
            #[cfg(not(unix))]
            file: std::sync::Mutex::new(file),
        }
    }

    /// The open file's metadata now.
    pub(crate) fn metadata(&self) -> io::Result<std::fs::Metadata> {
        #[cfg(unix)]
        {
            self.file.metadata()
        }
        #[cfg(not(unix))]
        {
            self.file
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .metadata()
        }
    }

    /// A reader of the file from `offset` on.
    pub(crate) fn reader_at(&self, offset: u64) -> At<'_> {
        At {
            file: self,
            position: offset,
        }
    }
}

/// A reader of a [`SharedFile`] from a position on.
pub(crate) struct At<'a> {
    file: &'a SharedFile,
    position: u64,
}

impl Read for At<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        #[cfg(unix)]
        let n = std::os::unix::fs::FileExt::read_at(&self.file.file, buf, self.position)?;
        #[cfg(not(unix))]
        let n = {
            use std::io::{Seek, SeekFrom};
            let mut file = self.file.file.lock().unwrap_or_else(|e| e.into_inner());
            file.seek(SeekFrom::Start(self.position))?;
            file.read(buf)?
        };
        self.position += n as u64;
        Ok(n)
    }
}
