//! Temporary files that do not outlive an interrupted run.
//!
//! Every file is written beside its target under a hidden temporary name,
//! then renamed. Dropping the temporary file removes it, but a signal
//! (Ctrl-C, `kill`, a closed terminal) ends the process without running
//! any drop, so every temporary file is also listed here, and on SIGINT,
//! SIGTERM or SIGHUP a watching thread removes the listed files before the
//! process ends the way the signal asks.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, Once, PoisonError};

use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;
use tempfile::{NamedTempFile, PersistError};

/// The temporary files that exist now, to remove on a signal.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Whether the program stops on a signal by itself, finishing its work,
/// so no watcher must end it (`thankyou serve`).
static SIGNALS_LEFT_TO_CALLER: AtomicBool = AtomicBool::new(false);

/// A temporary file that is removed when dropped, and also when the
/// process is ended by a signal before it is renamed into place.
#[derive(Debug)]
pub struct Temporary {
    /// The file, until it is renamed into place.
    file: Option<NamedTempFile>,
    /// Its name, as listed for the signal watcher.
    path: PathBuf,
}

impl Temporary {
    /// Makes a new hidden temporary file in `dir`.
    pub fn new_in(dir: &Path) -> io::Result<Self> {
        watch();
        // Made and listed under the lock, so a signal never finds a file
        // that exists but is not listed yet.
        let mut pending = pending();
        let file = NamedTempFile::new_in(dir)?;
        let path = file.path().to_owned();
        pending.push(path.clone());
        Ok(Temporary {
            file: Some(file),
            path,
        })
    }

    /// The open file, to write to.
    pub fn as_file_mut(&mut self) -> io::Result<&mut fs::File> {
        self.file
            .as_mut()
            .map(NamedTempFile::as_file_mut)
            .ok_or_else(|| io::Error::other("the temporary file was already renamed"))
    }

    /// Renames the file to `target`, replacing it when `replace`, else
    /// failing with `AlreadyExists` when `target` exists.
    pub fn persist(mut self, target: &Path, replace: bool) -> io::Result<()> {
        let mut pending = pending();
        let file = self
            .file
            .take()
            .ok_or_else(|| io::Error::other("the temporary file was already renamed"))?;
        let persisted = if replace {
            file.persist(target).map(drop)
        } else {
            file.persist_noclobber(target).map(drop)
        };
        pending.retain(|path| *path != self.path);
        persisted.map_err(|PersistError { error, .. }| error)
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        let mut pending = pending();
        pending.retain(|path| *path != self.path);
        // Dropping the file removes it, still under the lock.
        self.file.take();
    }
}

/// Says that the program handles SIGINT and SIGTERM itself and ends by
/// returning, dropping its temporary files (`thankyou serve` finishes the
/// requests under way): the watcher then ends the process on SIGHUP only.
/// Call it before the first temporary file is made.
pub fn leave_signals_to_caller() {
    SIGNALS_LEFT_TO_CALLER.store(true, Ordering::SeqCst);
}

/// Removes every temporary file that exists now, and returns how many it
/// removed; what the signal watcher does before the process ends.
pub fn remove_pending() -> usize {
    remove_all(&mut pending())
}

/// Removes each file in `pending`, emptying it; how many were removed.
fn remove_all(pending: &mut Vec<PathBuf>) -> usize {
    pending
        .drain(..)
        .filter(|path| fs::remove_file(path).is_ok())
        .count()
}

/// The list of temporary files, even if a thread panicked holding it.
fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
    PENDING.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Starts, once per process, the thread that cleans up on a signal. If
/// the signals cannot be watched, files are written all the same.
fn watch() {
    static WATCHING: Once = Once::new();
    WATCHING.call_once(|| {
        let watched: &[i32] = if SIGNALS_LEFT_TO_CALLER.load(Ordering::SeqCst) {
            &[SIGHUP]
        } else {
            &[SIGINT, SIGTERM, SIGHUP]
        };
        let Ok(mut signals) = Signals::new(watched) else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("cleanup".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    // The list stays locked, so no new temporary file is
                    // made between the cleaning and the end.
                    let mut pending = pending();
                    remove_all(&mut pending);
                    let _ = signal_hook::low_level::emulate_default_handler(signal);
                    std::process::exit(128 + signal);
                }
            });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signal_removes_the_temporary_files_that_exist() {
        let dir = tempfile::tempdir().unwrap();
        let kept = Temporary::new_in(dir.path()).unwrap();
        let renamed = Temporary::new_in(dir.path()).unwrap();
        let unrenamed_path = kept.path.clone();
        renamed.persist(&dir.path().join("done"), false).unwrap();
        assert!(unrenamed_path.exists());
        assert!(remove_pending() >= 1);
        assert!(!unrenamed_path.exists());
        assert!(dir.path().join("done").exists());
        drop(kept);
        assert!(!pending().contains(&unrenamed_path));
    }

    #[test]
    fn a_dropped_temporary_file_is_gone_and_unlisted() {
        let dir = tempfile::tempdir().unwrap();
        let file = Temporary::new_in(dir.path()).unwrap();
        let path = file.path.clone();
        drop(file);
        assert!(!path.exists());
        assert!(!pending().contains(&path));
    }
}
