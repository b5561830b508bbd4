//! Changing a file the user keeps, such as a record `log` adds to, without
//! losing anyone's work.
//!
//! The file is read and replaced under an exclusive lock, so two runs at
//! once take turns and each sees the other's change. The new text goes to
//! a temporary file beside the real one (a symlink's target, so the link
//! stays a link), which takes the old file's mode and owner and is then
//! renamed over it: a reader sees the old file or the new one, never half.
//!
//! The lock is on the file itself. The rename replaces the file, so a run
//! that waited for the lock may hold the old one, which no name leads to
//! any more; it checks, once it has the lock, that the name still leads to
//! the file it locked, and otherwise starts again on the new one. So
//! nothing but the record is ever left in the folder.

use std::fs::{self, File, Metadata};
use std::io::{ErrorKind, Read as _, Write as _};
use std::os::unix::fs::{MetadataExt as _, fchown};
use std::path::{Path, PathBuf};

use super::cleanup::Temporary;
use super::files::{folder_of, io_error};
use crate::error::{Error, Result};

/// How many times to start again when the file is replaced while waiting
/// for it; each time, another run finished its change.
const ATTEMPTS: usize = 1000;

/// A file held, locked, between reading it and replacing it.
#[derive(Debug)]
pub struct Update {
    /// The file as the user named it, for messages.
    shown: PathBuf,
    /// The real file, every symlink followed.
    target: PathBuf,
    /// The open file, which holds the lock until the update ends.
    file: File,
    /// The locked file's mode, owner and links, as it was.
    metadata: Metadata,
    /// Where the new text is written before it is renamed into place.
    temporary: Temporary,
    /// What the file held, read under the lock.
    contents: Vec<u8>,
    /// Whether to write even what [`refuse_harm`] and [`keep_owner`] refuse.
    force: bool,
}

impl Update {
    /// Locks the file at `path` and reads at most `limit` bytes of it.
    ///
    /// Without `force`, refuses a file that replacing would harm: one with
    /// other names (hard links) or one that is read-only.
    pub fn open(path: &Path, limit: u64, force: bool) -> Result<Self> {
        let io_error = |reason| Error::Read {
            what: path.display().to_string(),
            reason,
        };
        let target = fs::canonicalize(path).map_err(io_error)?;
        if !fs::metadata(&target).map_err(io_error)?.is_file() {
            return Err(refused(
                path,
                "is not a regular file; give the record file itself",
            ));
        }
        let folder = folder_of(&target);
        let temporary = Temporary::new_in(folder).map_err(super::files::io_error(folder))?;
        let (file, metadata) = lock(&target).map_err(io_error)?;
        if !force {
            refuse_harm(path, &metadata)?;
        }
        let mut contents = Vec::new();
        (&file)
            .take(limit)
            .read_to_end(&mut contents)
            .map_err(io_error)?;
        Ok(Update {
            shown: path.to_owned(),
            target,
            file,
            metadata,
            temporary,
            contents,
            force,
        })
    }

    /// The file's contents, as read under the lock.
    pub fn contents(&self) -> &[u8] {
        &self.contents
    }

    /// Replaces the file with `contents`, keeping its mode and owner, then
    /// lets the next run have it.
    pub fn replace(mut self, contents: &str) -> Result<()> {
        let io_error = io_error(&self.shown);
        let file = self.temporary.as_file_mut().map_err(io_error)?;
        file.write_all(contents.as_bytes()).map_err(io_error)?;
        keep_owner(file, &self.metadata, &self.shown, self.force)?;
        // After the owner: changing it clears the set-user-ID bits.
        file.set_permissions(self.metadata.permissions())
            .map_err(io_error)?;
        file.sync_all().map_err(io_error)?;
        self.temporary
            .persist(&self.target, true)
            .map_err(io_error)?;
        if let Ok(folder) = File::open(folder_of(&self.target)) {
            // Makes the rename itself last through a power cut, where the
            // system allows; the new text is on disk either way.
            let _ = folder.sync_all();
        }
        drop(self.file);
        Ok(())
    }
}

/// Opens `target` and locks it, starting again when the name has come to
/// lead to another file by the time the lock is ours.
fn lock(target: &Path) -> std::io::Result<(File, Metadata)> {
    for _ in 0..ATTEMPTS {
        let file = File::open(target)?;
        match file.lock() {
            Ok(()) => {}
            // A file system without locks: go on as before locks were taken.
            Err(error) if error.kind() == ErrorKind::Unsupported => {}
            Err(error) => return Err(error),
        }
        let locked = file.metadata()?;
        let named = fs::metadata(target)?;
        if (locked.dev(), locked.ino()) == (named.dev(), named.ino()) {
            return Ok((file, locked));
        }
    }
    Err(std::io::Error::other(
        "the file kept being replaced while waiting to change it; try again",
    ))
}

/// Refuses a file with other names, or one that is read-only.
fn refuse_harm(path: &Path, metadata: &Metadata) -> Result<()> {
    if metadata.nlink() > 1 {
        return Err(refused(
            path,
            &format!(
                "has {} names (hard links); writing replaces the file, so the other names would keep the old text; pass --force to write this name anyway",
                metadata.nlink()
            ),
        ));
    }
    if metadata.permissions().readonly() {
        return Err(refused(
            path,
            &format!(
                "is read-only; make it writable (chmod u+w {}) or pass --force to write it anyway",
                path.display()
            ),
        ));
    }
    Ok(())
}

/// Gives the new file the old one's owner and group. Only root can give a
/// file away, so anyone else whose file it is not is refused unless
/// `force`, rather than silently made its owner.
fn keep_owner(file: &File, old: &Metadata, path: &Path, force: bool) -> Result<()> {
    let new = file.metadata().map_err(io_error(path))?;
    if (new.uid(), new.gid()) == (old.uid(), old.gid()) {
        return Ok(());
    }
    match fchown(file, Some(old.uid()), Some(old.gid())) {
        Ok(()) => Ok(()),
        Err(_) if force => Ok(()),
        Err(_) => Err(refused(
            path,
            &format!(
                "belongs to user {} (group {}), and writing it would make it yours; run as its owner, or pass --force to write it anyway",
                old.uid(),
                old.gid()
            ),
        )),
    }
}

/// The error for a file that cannot be changed safely as it is.
fn refused(path: &Path, problem: &str) -> Error {
    Error::Refused {
        path: path.to_owned(),
        problem: problem.to_owned(),
    }
}
