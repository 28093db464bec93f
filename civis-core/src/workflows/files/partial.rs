//! A file that appears under its final name only when it is complete: written under a
//! temporary name beside the target (`.NAME.civis-partial`, in the same directory, so that the
//! rename is atomic; for a name too long for that, `.HEAD~HASH.civis-partial`), synced, then
//! renamed over it. Until then an existing file of that name is untouched. Beside it,
//! `.NAME.civis-partial.json` says which Civis file and which version of the stored object (its
//! `ETag`) the bytes are from, so that the next download of the same file to the same target
//! goes on from where an interrupted one stopped, when storage still holds that version
//! (`If-Range`).
//!
//! Nothing else is ever written through those names: the temporary file and the note are
//! created with `create_new` (`O_EXCL`, which never follows a link) after whatever stood under
//! their names is removed (a link is removed, not what it points to), and only a regular file
//! that is no link (on Unix: one name, the same file once opened) is resumed. A state that
//! cannot be resumed is discarded, and the download starts afresh.

use std::fs::{File, Metadata, OpenOptions};
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
    /// The temporary file.
    #[serde(skip)]
    pub(crate) path: PathBuf,
}

/// The longest file name most file systems take (`NAME_MAX`), in bytes.
const NAME_MAX: usize = 255;

impl PartialFile {
    /// Creates the temporary file of `target` afresh (for SQL exports, feature `io`).
    #[cfg_attr(not(feature = "io"), allow(dead_code))]
    pub(crate) fn create(target: &Path) -> Result<Self, Error> {
        Self::open(target, 0)
    }

    /// The temporary file of `target`, holding its first `keep` bytes (from an interrupted
    /// download that goes on, which [`resumable`](Self::resumable) found) or created afresh
    /// when `keep` is 0.
    pub(crate) fn open(target: &Path, keep: u64) -> Result<Self, Error> {
        let temporary = temporary_of(target)?;
        let io = |source: io::Error| Error::Io {
            path: temporary.display().to_string(),
            source,
        };
        let file = if keep > 0 {
            let mut file = open_resumable(&temporary).map_err(io)?;
            file.set_len(keep).map_err(io)?;
            file.seek(SeekFrom::End(0)).map_err(io)?;
            file
        } else {
            create_afresh(&temporary).map_err(io)?
        };
        Ok(Self {
            target: target.to_path_buf(),
            temporary,
            file: Some(file),
        })
    }

    /// What an interrupted download of file `file_id` to `target` left to go on from: its
    /// temporary file and the note of which object version it holds. A state that cannot be
    /// resumed (a link, a note that is missing, unreadable, of another file or with an `ETag`
    /// no header can carry, an empty file) is removed, and logged.
    pub(crate) fn resumable(target: &Path, file_id: i64) -> Option<Resume> {
        let temporary = temporary_of(target).ok()?;
        // Nothing there: nothing to resume, nothing to discard.
        std::fs::symlink_metadata(&temporary).ok()?;
        match read_resume(&temporary, file_id) {
            Ok(resume) => Some(resume),
            Err(why) => {
                log::info!(
                    "{} is not resumed ({why}): it is removed and the download starts afresh",
                    temporary.display()
                );
                discard(&temporary);
                None
            }
        }
    }

    /// Notes which object version the temporary file's bytes come from, so that a download
    /// interrupted from now on can go on.
    pub(crate) fn note(&self, file_id: i64, etag: &str) {
        let note = Resume {
            file_id,
            etag: etag.to_string(),
            received: 0,
            path: PathBuf::new(),
        };
        if let Ok(text) = serde_json::to_vec(&note) {
            let _ = create_afresh(&note_of(&self.temporary)).and_then(|mut f| f.write_all(&text));
        }
    }

    /// The temporary file, to write to.
    pub(crate) fn file(&mut self) -> &mut File {
        self.file
            .as_mut()
            .expect("the file is there until the partial file is committed")
    }

    /// Where the temporary file is.
    pub(crate) fn path(&self) -> &Path {
        &self.temporary
    }

    /// Leaves the temporary file and its note in place (flushed) for a later download to go
    /// on from.
    pub(crate) fn keep(mut self) {
        if let Some(mut file) = self.file.take() {
            let _ = file.flush();
        }
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

/// The resume state beside `temporary`, or why it cannot be resumed.
fn read_resume(temporary: &Path, file_id: i64) -> Result<Resume, String> {
    let metadata = std::fs::symlink_metadata(temporary).map_err(|e| e.to_string())?;
    one_regular_file(&metadata)?;
    let note = note_of(temporary);
    let note_metadata =
        std::fs::symlink_metadata(&note).map_err(|_| "no note of its version".to_string())?;
    one_regular_file(&note_metadata).map_err(|why| format!("its note: {why}"))?;
    let text = std::fs::read(&note).map_err(|e| format!("its note: {e}"))?;
    let mut resume: Resume = serde_json::from_slice(&text).map_err(|e| format!("its note: {e}"))?;
    if resume.file_id != file_id {
        return Err(format!("it holds file {}", resume.file_id));
    }
    if !is_header_value(&resume.etag) {
        return Err("its note's ETag cannot be sent in a header".into());
    }
    resume.received = metadata.len();
    resume.path = temporary.to_path_buf();
    if resume.received == 0 {
        return Err("it is empty".into());
    }
    Ok(resume)
}

/// `error` of a download to a path, saying that the `bytes` received are kept in `temporary`
/// for the next download of the same file to the same path to go on from: for storage's
/// failures, which a later try may not meet. Other errors are returned as they are.
pub(crate) fn naming_kept(error: Error, temporary: &Path, bytes: u64) -> Error {
    match error {
        Error::Storage {
            method,
            url,
            status,
            message,
        } => Error::Storage {
            method,
            url,
            status,
            message: format!(
                "{message}; the {bytes} bytes received are kept in {}, for a download of the same file to the same path to go on from (delete it to start afresh)",
                temporary.display()
            ),
        },
        other => other,
    }
}

/// Whether `metadata` (not followed through a link) is of a regular file with one name.
fn one_regular_file(metadata: &Metadata) -> Result<(), String> {
    if metadata.file_type().is_symlink() {
        return Err("a symbolic link".into());
    }
    if !metadata.is_file() {
        return Err("not a regular file".into());
    }
    #[cfg(unix)]
    {
        if std::os::unix::fs::MetadataExt::nlink(metadata) != 1 {
            return Err("a file with other names (a hard link)".into());
        }
    }
    Ok(())
}

/// Whether `text` may stand as a header's value: visible ASCII and spaces, no CR or LF.
fn is_header_value(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| (b' '..=b'~').contains(&b))
}

/// Opens the temporary file of an interrupted download to write on: only the regular file
/// with one name that stands there (a link planted since it was checked is refused).
fn open_resumable(temporary: &Path) -> io::Result<File> {
    let before = std::fs::symlink_metadata(temporary)?;
    let refused = |why: String| io::Error::other(format!("not resumed: {why}"));
    one_regular_file(&before).map_err(refused)?;
    let file = OpenOptions::new().write(true).open(temporary)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let opened = file.metadata()?;
        if (opened.dev(), opened.ino()) != (before.dev(), before.ino()) {
            return Err(refused("it was replaced while being opened".into()));
        }
    }
    Ok(file)
}

/// A new, empty file at `path`: whatever stood there (an old partial file, a link) is removed
/// first, and `create_new` fails rather than open anything planted in between.
fn create_afresh(path: &Path) -> io::Result<File> {
    match std::fs::remove_file(path) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    OpenOptions::new().write(true).create_new(true).open(path)
}

/// Removes the temporary file and its note (links are removed, not what they point to).
fn discard(temporary: &Path) {
    let _ = std::fs::remove_file(temporary);
    let _ = std::fs::remove_file(note_of(temporary));
}

/// `.NAME.civis-partial` beside `target`, or `.HEAD~HASH.civis-partial` when that name (or
/// its note's) would pass `NAME_MAX`.
fn temporary_of(target: &Path) -> Result<PathBuf, Error> {
    let name = target.file_name().ok_or_else(|| {
        Error::Usage(format!(
            "{} names no file to write: give a file's path",
            target.display()
        ))
    })?;
    let shown = name.to_string_lossy();
    let temporary = format!(".{shown}.civis-partial");
    if temporary.len() + ".json".len() <= NAME_MAX {
        return Ok(target.with_file_name(temporary));
    }
    let mut head = 100;
    while !shown.is_char_boundary(head) {
        head -= 1;
    }
    let hash = fnv1a(name.as_encoded_bytes());
    Ok(target.with_file_name(format!(".{}~{hash:016x}.civis-partial", &shown[..head])))
}

/// The 64-bit FNV-1a hash of `bytes`: the same in every build, so that a rerun finds the
/// partial file of a long name.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The note beside a temporary file.
fn note_of(temporary: &Path) -> PathBuf {
    let mut name = temporary.as_os_str().to_owned();
    name.push(".json");
    PathBuf::from(name)
}

impl Drop for PartialFile {
    /// A partial file neither committed nor kept (a failure, an early return) is removed.
    fn drop(&mut self) {
        if self.file.take().is_some() {
            discard(&self.temporary);
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

    #[test]
    fn a_long_name_gets_a_short_partial_name_that_a_rerun_finds_again() {
        let names = [5, 200, 235, 236, 241, 250, 255]
            .map(|len| "a".repeat(len - 4) + ".csv")
            .into_iter()
            .chain(["é".repeat(127)]);
        for name in names {
            let target = Path::new("/tmp/some/dir").join(&name);
            let temporary = temporary_of(&target).unwrap();
            let note = note_of(&temporary);
            for path in [&temporary, &note] {
                let length = path.file_name().unwrap().len();
                assert!(length <= NAME_MAX, "{}: {length} bytes", name.len());
            }
            assert_eq!(temporary, temporary_of(&target).unwrap());
        }
        let a = temporary_of(&Path::new("d").join("a".repeat(250))).unwrap();
        let b = temporary_of(&Path::new("d").join("a".repeat(249) + "b")).unwrap();
        assert_ne!(a, b);
    }

    #[test]
    fn only_a_note_with_an_etag_a_header_can_carry_is_resumed() {
        assert!(is_header_value("\"5-200\""));
        assert!(is_header_value("W/\"abc\""));
        assert!(!is_header_value("\"5-200\"\r\nX-Evil: 1"));
        assert!(!is_header_value(""));
        assert!(!is_header_value("\"é\""));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_at_the_partial_name_or_at_its_note_is_removed_not_followed() {
        let dir = dir("links");
        let target = dir.join("out.bin");
        let victim = dir.join("victim.txt");
        std::fs::write(&victim, "precious").unwrap();
        let temporary = temporary_of(&target).unwrap();
        let note = note_of(&temporary);
        for planted in [&temporary, &note] {
            let _ = std::fs::remove_file(planted);
            std::os::unix::fs::symlink(&victim, planted).unwrap();
        }
        // A link is no state to resume: it is removed, its target untouched.
        assert_eq!(PartialFile::resumable(&target, 1), None);
        assert!(std::fs::symlink_metadata(&temporary).is_err());
        assert!(std::fs::symlink_metadata(&note).is_err());
        for planted in [&temporary, &note] {
            std::os::unix::fs::symlink(&victim, planted).unwrap();
        }
        let mut partial = PartialFile::create(&target).unwrap();
        partial.note(1, "\"e\"");
        partial.file().write_all(b"downloaded").unwrap();
        partial.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        assert!(!std::fs::symlink_metadata(&target)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "downloaded");
        // Resuming refuses a link planted after the check.
        std::fs::write(&temporary, "half").unwrap();
        std::fs::write(&note, r#"{"file_id":1,"etag":"\"e\""}"#).unwrap();
        assert!(PartialFile::resumable(&target, 1).is_some());
        std::fs::remove_file(&temporary).unwrap();
        std::os::unix::fs::symlink(&victim, &temporary).unwrap();
        assert!(PartialFile::open(&target, 4).is_err());
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
