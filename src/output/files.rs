//! Writing files: atomically, and never over a user's file without `--force`.
//!
//! Every file is written to a temporary file in the same folder, flushed to
//! disk, then renamed over its name, so a reader sees the old file or the
//! new one, never half of it.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::cleanup::Temporary;

use crate::error::{Error, Result};

/// Writes each `(file name, contents)` into `dir`, each atomically.
///
/// Without `force`, nothing is written if any target already exists, so a
/// refused run leaves the folder as it was.
pub fn write_files(dir: &Path, files: &[(String, &str)], force: bool) -> Result<Vec<PathBuf>> {
    if !dir.as_os_str().is_empty() {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            path: dir.to_owned(),
            reason: source,
        })?;
    }
    let paths: Vec<PathBuf> = files.iter().map(|(name, _)| dir.join(name)).collect();
    if let Some(existing) = paths.iter().find(|path| !force && path.exists()) {
        return Err(Error::WouldOverwrite {
            path: existing.clone(),
        });
    }
    for (path, (_, contents)) in paths.iter().zip(files) {
        write_atomically(path, contents, force)?;
    }
    Ok(paths)
}

/// Writes one file atomically, never over an existing one without `force`.
pub fn write_file(path: &Path, contents: &str, force: bool) -> Result<PathBuf> {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .ok_or_else(|| Error::Io {
            path: path.to_owned(),
            reason: std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name"),
        })?;
    let dir = path.parent().unwrap_or(Path::new(""));
    let mut written = write_files(dir, &[(name, contents)], force)?;
    Ok(written.pop().unwrap_or_else(|| path.to_owned()))
}

fn write_atomically(path: &Path, contents: &str, force: bool) -> Result<()> {
    let file = flushed_temp_file(path, contents)?;
    file.persist(path, force).map_err(|error| {
        if error.kind() == std::io::ErrorKind::AlreadyExists {
            Error::WouldOverwrite {
                path: path.to_owned(),
            }
        } else {
            io_error(path)(error)
        }
    })
}

/// A temporary file beside `path` holding `contents`, flushed to disk.
fn flushed_temp_file(path: &Path, contents: &str) -> Result<Temporary> {
    let io_error = io_error(path);
    let mut file = Temporary::new_in(folder_of(path)).map_err(io_error)?;
    let handle = file.as_file_mut().map_err(io_error)?;
    handle.write_all(contents.as_bytes()).map_err(io_error)?;
    handle.sync_all().map_err(io_error)?;
    Ok(file)
}

/// The folder a file is in, `.` for a bare file name.
pub(super) fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Turns an I/O error into one that names `path`.
pub(super) fn io_error(path: &Path) -> impl Fn(std::io::Error) -> Error + Copy + '_ {
    move |reason| Error::Io {
        path: path.to_owned(),
        reason,
    }
}
