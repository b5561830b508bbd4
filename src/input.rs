//! What the commands read: records from files, folders, patterns or
//! standard input, and the day it is.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::config;
use crate::error::{Error, RecordError, Result};
use crate::record::fields::parse_date;
use crate::record::{self, Record, Settings};
use crate::report;
use crate::today::Today;

/// A record as read: how messages name its file, and its content.
pub struct Loaded {
    /// The file as the user named it, `<stdin>` for standard input.
    pub name: String,
    /// The checked record.
    pub record: Record,
}

/// Reads and checks the record at `path` (`-` for standard input),
/// refusing one that still holds the starter's sample values.
pub fn read_record(path: &Path) -> Result<Loaded> {
    let (name, bytes) = if path == Path::new("-") {
        let name = "<stdin>".to_owned();
        let bytes = read_limited(std::io::stdin(), None).map_err(|reason| Error::Read {
            what: "the record from standard input".into(),
            reason,
        })?;
        (name, bytes)
    } else {
        let name = path.display().to_string();
        let bytes = read_file(path, &name)?;
        (name, bytes)
    };
    if bytes.len() > record::yaml::MAX_BYTES {
        return Err(record::yaml::too_large(&name, None).into());
    }
    let record = record::parse_with(&name, &bytes, settings()?)?;
    let text = record::yaml::decode(&name, &bytes)?;
    if let Some(error) = record::placeholders::find(&name, text) {
        return Err(error.into());
    }
    Ok(Loaded { name, record })
}

/// The bytes of the record file at `path`, named `name` in messages: only a
/// regular file is opened, so a pipe, device or socket named as a record is
/// refused instead of read without end or waited on; and no more than one
/// byte past the limit is read, whatever the file claims its size is.
fn read_file(path: &Path, name: &str) -> Result<Vec<u8>> {
    let cannot_read = |reason| Error::Read {
        what: name.to_owned(),
        reason,
    };
    let metadata = std::fs::metadata(path).map_err(cannot_read)?;
    if let Some(kind) = not_a_file(&metadata) {
        return Err(refused(name, kind).into());
    }
    if metadata.len() > u64::try_from(record::yaml::MAX_BYTES).unwrap_or(u64::MAX) {
        return Err(record::yaml::too_large(name, Some(metadata.len())).into());
    }
    let file = std::fs::File::open(path).map_err(cannot_read)?;
    // Replaced by something else between the look and the open: look again.
    if let Some(kind) = file.metadata().ok().as_ref().and_then(not_a_file) {
        return Err(refused(name, kind).into());
    }
    read_limited(file, Some(metadata.len())).map_err(cannot_read)
}

/// Up to one byte more than a record may have from `reader`.
fn read_limited(reader: impl Read, size_hint: Option<u64>) -> std::io::Result<Vec<u8>> {
    let limit = u64::try_from(record::yaml::MAX_BYTES).unwrap_or(u64::MAX);
    let capacity = size_hint.map_or(0, |size| size.min(limit));
    let mut bytes = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
    reader.take(limit + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// What `metadata` describes when it is not a regular file, in words for a
/// message: `a folder`, `a pipe`; `None` for a regular file.
fn not_a_file(metadata: &std::fs::Metadata) -> Option<&'static str> {
    let kind = metadata.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return Some("a pipe");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some("a device");
        }
    }
    Some("a special file")
}

/// The error for a record path that is `kind` rather than a file.
fn refused(name: &str, kind: &str) -> RecordError {
    let advice = match kind {
        "a folder" => "name a record file in it, or give the folder to `render`, `check` or `next`",
        "a pipe" => "to read a record from another program, give `-` and pipe it to standard input",
        _ => "name the record's .yaml file instead",
    };
    RecordError {
        source_name: name.to_owned(),
        position: None,
        field: None,
        message: format!("this is {kind}, not a record file; {advice}"),
        line_text: None,
        mistakes: Box::default(),
    }
}

/// The user's settings from their config folder, read once per process.
pub fn settings() -> Result<&'static Settings> {
    static SETTINGS: OnceLock<std::result::Result<Settings, RecordError>> = OnceLock::new();
    SETTINGS
        .get_or_init(config::load)
        .as_ref()
        .map_err(|error| Error::Record(error.clone()))
}

/// The record files named by `arguments`: files as given, folders as the
/// `.yaml` and `.yml` files in them, patterns as their matches; sorted within
/// each. What a folder or pattern holds that is not a regular file (a pipe,
/// a device, a folder) is skipped with a warning, never opened.
pub fn expand(arguments: &[String]) -> Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for argument in arguments {
        let path = Path::new(argument);
        if path.is_dir() {
            let found = regular_files(folder_records(argument)?);
            if found.is_empty() {
                return Err(Error::NoRecords(format!(
                    "{argument} holds no .yaml or .yml records"
                )));
            }
            paths.extend(found);
        } else if !path.exists() && argument.contains(['*', '?', '[']) {
            let found = regular_files(glob_matches(argument)?);
            if found.is_empty() {
                return Err(Error::NoRecords(format!("no records match `{argument}`")));
            }
            paths.extend(found);
        } else {
            paths.push(path.to_owned());
        }
    }
    Ok(paths)
}

/// The `.yaml` and `.yml` entries of the folder `argument`, sorted.
fn folder_records(argument: &str) -> Result<Vec<PathBuf>> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(argument)
        .map_err(|reason| Error::Read {
            what: format!("the folder {argument}"),
            reason,
        })?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "yaml" || extension == "yml")
        })
        .collect();
    found.sort();
    Ok(found)
}

/// The paths matching the pattern `argument`, sorted. Folders are walked
/// without following symbolic links to folders, so a link back up the tree
/// cannot make the walk endless; a link to a file still matches.
fn glob_matches(argument: &str) -> Result<Vec<PathBuf>> {
    let invalid = |error: glob::PatternError| {
        Error::NoRecords(format!("`{argument}` is not a valid pattern: {error}"))
    };
    let pattern = glob::Pattern::new(argument).map_err(invalid)?;
    let options = glob::MatchOptions {
        require_literal_separator: true,
        ..glob::MatchOptions::new()
    };
    let (base, rest) = literal_base(argument);
    let mut walk = walkdir::WalkDir::new(if base.as_os_str().is_empty() {
        Path::new(".")
    } else {
        &base
    })
    .min_depth(1)
    .follow_links(false);
    if !rest.contains("**") {
        walk = walk.max_depth(rest.split('/').count());
    }
    let mut found: Vec<PathBuf> = walk
        .into_iter()
        .filter_map(std::result::Result::ok)
        .map(|entry| {
            let relative = entry.path().strip_prefix(".").unwrap_or(entry.path());
            if base.as_os_str().is_empty() {
                relative.to_owned()
            } else {
                entry.path().to_owned()
            }
        })
        .filter(|path| pattern.matches_path_with(path, options))
        .collect();
    found.sort();
    Ok(found)
}

/// The leading folders of `pattern` that hold no wildcard, and the rest.
fn literal_base(pattern: &str) -> (PathBuf, &str) {
    let mut base_end = 0;
    for (at, _) in pattern.match_indices('/') {
        if pattern[..at].contains(['*', '?', '[']) {
            break;
        }
        base_end = at + 1;
    }
    let base = pattern[..base_end].trim_end_matches('/');
    let base = if base.is_empty() && pattern.starts_with('/') {
        "/"
    } else {
        base
    };
    (PathBuf::from(base), &pattern[base_end..])
}

/// `paths` without what is not a regular file, each of those named in a
/// warning; a path that cannot be looked at is kept, for reading to report.
fn regular_files(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    paths
        .into_iter()
        .filter(
            |path| match std::fs::metadata(path).ok().as_ref().and_then(not_a_file) {
                Some(kind) => {
                    report::warning(&format!(
                        "skipped {}: it is {kind}, not a record file",
                        path.display()
                    ));
                    false
                }
                None => true,
            },
        )
        .collect()
}

/// The date given for `flag`, or today where the user is.
pub fn today(given: Option<&str>, flag: &str) -> Result<Today> {
    match given {
        Some(text) => parse_date(text.trim())
            .map(Today::given)
            .ok_or_else(|| Error::Date {
                flag: flag.to_owned(),
                text: text.to_owned(),
            }),
        None => Ok(Today::now()),
    }
}
