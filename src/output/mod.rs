//! Where documents go: standard output, or files in a folder, written
//! atomically and never over a user's file without `--force`. [`names`]
//! makes every file name and identifier safe; [`files`] writes;
//! [`update`] changes a user's file in place under a lock, as [`log`]
//! does to add to a record's log; [`cleanup`] removes temporary files when
//! a signal ends the run; [`starter`] writes a new record from the answers
//! to `new`.

pub mod cleanup;
pub mod files;
pub mod log;
pub mod names;
pub mod starter;
pub mod update;

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::error::Result;

/// One thing to write: a file's name, the header that introduces it on
/// standard output, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The file name in `--out-dir`.
    pub file: String,
    /// The line that introduces it among several on standard output.
    pub header: Option<String>,
    /// The text itself.
    pub body: String,
}

/// The documents as one text for standard output: a lone one exactly as it
/// is, several each under its header.
pub fn to_stdout(documents: &[Document]) -> String {
    if let [only] = documents {
        return only.body.clone();
    }
    let mut out = String::new();
    for (index, document) in documents.iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        if let Some(header) = &document.header {
            let _ = writeln!(out, "{header}\n");
        }
        out.push_str(&document.body);
    }
    out
}

/// Writes `documents` of the record `label` to `out` as part of a batch:
/// each under its header, which names the record.
pub fn write_labelled(
    out: &mut impl std::io::Write,
    label: &str,
    documents: &[Document],
) -> std::io::Result<()> {
    for document in documents {
        match &document.header {
            Some(header) => {
                let rest = header.strip_prefix("==> ").unwrap_or(header);
                write!(out, "==> {label}: {rest}\n\n{}\n", document.body)?;
            }
            None => write!(out, "==> {label} <==\n\n{}\n", document.body)?,
        }
    }
    Ok(())
}

/// Writes `documents` into `dir`, each under a name of its own, and
/// returns the paths written.
pub fn write_into(dir: &Path, documents: &[Document], force: bool) -> Result<Vec<PathBuf>> {
    let names = names::unique_names(
        documents
            .iter()
            .map(|document| document.file.clone())
            .collect(),
    );
    let files: Vec<(String, &str)> = names
        .into_iter()
        .zip(documents.iter().map(|document| document.body.as_str()))
        .collect();
    files::write_files(dir, &files, force)
}

/// Writes `text` to stdout; a closed pipe (`| head`) is not an error.
pub fn print(text: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
