//! What "Undo" after "mark as sent" needs: for each of this server's own
//! marks, the file, its version right after, and its text before. Taking
//! a mark back puts that text back exactly, so nothing else is touched.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

/// How many marks are remembered; the oldest is forgotten first.
const KEPT: usize = 16;

/// One "mark as sent" this server wrote.
pub struct Mark {
    /// The record file, as confined (symlinks followed).
    pub path: PathBuf,
    /// The file's version right after the mark.
    pub after: String,
    /// The file's text right before it.
    pub before: String,
    /// The entry in words: "card sent to Tom Brennan on Wednesday, November 25".
    pub entry: String,
}

/// The marks this server can still take back, the newest last.
#[derive(Default)]
pub struct Marks {
    /// The marks, behind a lock since requests run at once.
    kept: Mutex<VecDeque<Mark>>,
}

impl Marks {
    /// Remembers `mark`, forgetting the oldest beyond [`KEPT`].
    pub fn remember(&self, mark: Mark) {
        let mut kept = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        kept.retain(|old| old.path != mark.path || old.after != mark.after);
        kept.push_back(mark);
        while kept.len() > KEPT {
            kept.pop_front();
        }
    }

    /// Takes out the mark that left `path` at version `after`, if this
    /// server made one; [`Marks::remember`] puts it back when not used.
    pub fn take(&self, path: &Path, after: &str) -> Option<Mark> {
        let mut kept = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        let at = kept
            .iter()
            .position(|mark| mark.path == path && mark.after == after)?;
        kept.remove(at)
    }
}
