//! A file that appears under its final name only when it is complete: written under a
//! temporary name beside the target (`.NAME.civis-partial`, in the same directory, so that the
//! rename is atomic), synced, then renamed over it. Until then an existing file of that name is
//! untouched; a failure removes the temporary file, and a process killed mid-way leaves only the
//! temporary one, whose name says it is not the download. Beside it, `.NAME.civis-partial.json`
//! says which Civis file and which version of the stored object (its size and `ETag`) the bytes
//! are from, so that the next download of the same file to the same target goes on from where
//! the killed one stopped, when storage still holds that version (`If-Range`).

use std::fs::{File, OpenOptions};
use std::io::{self, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::data::error::Error;

/// The temporary file of a download to `target`, renamed onto it by [`commit`](Self::commit).
#[derive(Debug)]
pub(crate) struct PartialFile {
    target: PathBuf,
    temporary: PathBuf,
    file: Option<File>,
}

/// Where an earlier, interrupted download of the same file to the same target stopped.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Resume {
    /// The Civis file.
    pub(crate) file_id: i64,
    /// The stored object's `ETag` when those bytes were received.
    pub(crate) etag: String,
    /// The bytes already in the temporary file.
    #[serde(skip)]
    pub(crate) received: u64,
}

impl PartialFile {
    /// Creates (or truncates) the temporary file of `target` (for SQL exports, feature `io`).
    #[cfg_attr(not(feature = "io"), allow(dead_code))]
    pub(crate) fn create(target: &Path) -> Result<Self, Error> {
        Self::open(target, 0)
    }

    /// The temporary file of `target`, holding its first `keep` bytes (from an interrupted
    /// download that goes on) or created afresh when `keep` is 0.
    pub(crate) fn open(target: &Path, keep: u64) -> Result<Self, Error> {
        let temporary = temporary_of(target)?;
        let io = |source: io::Error| Error::Io {
            path: temporary.display().to_string(),
            source,
        };
        let file = if keep > 0 {
            let mut file = OpenOptions::new()
                .write(true)
                .open(&temporary)
                .map_err(io)?;
            file.set_len(keep).map_err(io)?;
            file.seek(SeekFrom::End(0)).map_err(io)?;
            file
        } else {
            File::create(&temporary).map_err(io)?
        };
        Ok(Self {
            target: target.to_path_buf(),
            temporary,
            file: Some(file),
        })
    }

    /// What an interrupted download of file `file_id` to `target` left to go on from: its
    /// temporary file and the note of which object version it holds.
    pub(crate) fn resumable(target: &Path, file_id: i64) -> Option<Resume> {
        let temporary = temporary_of(target).ok()?;
        let note = std::fs::read(note_of(&temporary)).ok()?;
        let mut resume: Resume = serde_json::from_slice(&note).ok()?;
        resume.received = std::fs::metadata(&temporary).ok()?.len();
        (resume.file_id == file_id && resume.received > 0).then_some(resume)
    }

    /// Notes which object version the temporary file's bytes come from, so that a download
    /// killed from now on can go on.
    pub(crate) fn note(&self, file_id: i64, etag: &str) {
        let note = Resume {
            file_id,
            etag: etag.to_string(),
            received: 0,
        };
        if let Ok(text) = serde_json::to_vec(&note) {
            let _ = std::fs::write(note_of(&self.temporary), text);
        }
    }

    /// The temporary file, to write to.
    pub(crate) fn file(&mut self) -> &mut File {
        self.file
            .as_mut()
            .expect("the file is there until the partial file is committed")
    }

    /// Syncs the temporary file and renames it onto the target.
    pub(crate) fn commit(mut self) -> Result<(), Error> {
        let shown = self.target.display().to_string();
        let io = |source: io::Error| Error::Io {
            path: shown.clone(),
            source,
        };
        if let Some(mut file) = self.file.take() {
            file.flush().map_err(io)?;
            file.sync_all().map_err(io)?;
        }
        std::fs::rename(&self.temporary, &self.target).map_err(io)?;
        let _ = std::fs::remove_file(note_of(&self.temporary));
        Ok(())
    }
}

/// `.NAME.civis-partial` beside `target`.
fn temporary_of(target: &Path) -> Result<PathBuf, Error> {
    let name = target.file_name().ok_or_else(|| {
        Error::Usage(format!(
            "{} names no file to write: give a file's path",
            target.display()
        ))
    })?;
    Ok(target.with_file_name(format!(".{}.civis-partial", name.to_string_lossy())))
}

/// The note beside a temporary file.
fn note_of(temporary: &Path) -> PathBuf {
    let mut name = temporary.as_os_str().to_owned();
    name.push(".json");
    PathBuf::from(name)
}

impl Drop for PartialFile {
    /// A partial file not committed (a failure, an early return) is removed.
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = std::fs::remove_file(&self.temporary);
            let _ = std::fs::remove_file(note_of(&self.temporary));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("civis-partial-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn the_target_changes_only_on_commit_and_a_dropped_file_leaves_nothing() {
        let dir = dir("commit");
        let target = dir.join("out.csv");
        std::fs::write(&target, "the good copy").unwrap();
        let mut partial = PartialFile::create(&target).unwrap();
        partial.file().write_all(b"half").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "the good copy");
        assert!(dir.join(".out.csv.civis-partial").exists());
        drop(partial);
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "the good copy");
        assert!(!dir.join(".out.csv.civis-partial").exists());

        let mut partial = PartialFile::create(&target).unwrap();
        partial.file().write_all(b"new, whole").unwrap();
        partial.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new, whole");
        assert!(!dir.join(".out.csv.civis-partial").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
