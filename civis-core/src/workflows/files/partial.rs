//! A file that appears under its final name only when it is complete: written under a
//! temporary name beside the target (`.NAME.civis-partial`, in the same directory, so that the
//! rename is atomic), synced, then renamed over it. Until then an existing file of that name is
//! untouched; a failure removes the temporary file, and a process killed mid-way leaves only the
//! temporary one, whose name says it is not the download (the next download of the same target
//! starts it afresh).

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::data::error::Error;

/// The temporary file of a download to `target`, renamed onto it by [`commit`](Self::commit).
#[derive(Debug)]
pub(crate) struct PartialFile {
    target: PathBuf,
    temporary: PathBuf,
    file: Option<File>,
}

impl PartialFile {
    /// Creates (or truncates) the temporary file of `target`.
    pub(crate) fn create(target: &Path) -> Result<Self, Error> {
        let name = target.file_name().ok_or_else(|| {
            Error::Usage(format!(
                "{} names no file to write: give a file's path",
                target.display()
            ))
        })?;
        let temporary = target.with_file_name(format!(".{}.civis-partial", name.to_string_lossy()));
        let file = File::create(&temporary).map_err(|source| Error::Io {
            path: temporary.display().to_string(),
            source,
        })?;
        Ok(Self {
            target: target.to_path_buf(),
            temporary,
            file: Some(file),
        })
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
        std::fs::rename(&self.temporary, &self.target).map_err(io)
    }
}

impl Drop for PartialFile {
    /// A partial file not committed (a failure, an early return) is removed.
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = std::fs::remove_file(&self.temporary);
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
