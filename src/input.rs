//! What the commands read: records from files, folders, patterns or
//! standard input, and the day it is.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::config;
use crate::error::{Error, RecordError, Result};
use crate::record::fields::parse_date;
use crate::record::{self, Record, Settings};
use crate::today::Today;

/// A record as read: how messages name its file, and its content.
pub struct Loaded {
    /// The file as the user named it, `<stdin>` for standard input.
    pub name: String,
    /// The checked record.
    pub record: Record,
}

/// Reads and checks the record at `path` (`-` for standard input).
pub fn read_record(path: &Path) -> Result<Loaded> {
    let (name, bytes) = if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(u64::try_from(record::yaml::MAX_BYTES).unwrap_or(u64::MAX) + 1)
            .read_to_end(&mut bytes)
            .map_err(|reason| Error::Read {
                what: "the record from standard input".into(),
                reason,
            })?;
        ("<stdin>".to_owned(), bytes)
    } else {
        let bytes = std::fs::read(path).map_err(|reason| Error::Read {
            what: path.display().to_string(),
            reason,
        })?;
        (path.display().to_string(), bytes)
    };
    let record = record::parse_with(&name, &bytes, settings()?)?;
    Ok(Loaded { name, record })
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
/// `.yaml` and `.yml` files in them, patterns as their matches; sorted within each.
pub fn expand(arguments: &[String]) -> Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for argument in arguments {
        let path = Path::new(argument);
        if path.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(path)
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
            if found.is_empty() {
                return Err(Error::NoRecords(format!(
                    "{argument} holds no .yaml or .yml records"
                )));
            }
            paths.extend(found);
        } else if !path.exists() && argument.contains(['*', '?', '[']) {
            let mut found: Vec<PathBuf> = glob::glob(argument)
                .map_err(|error| {
                    Error::NoRecords(format!("`{argument}` is not a valid pattern: {error}"))
                })?
                .filter_map(std::result::Result::ok)
                .collect();
            found.sort();
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
