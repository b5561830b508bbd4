//! The applications page's list: every record in the folder with what is
//! due, read and planned by the same code as `thankyou next`.

use std::path::Path;

use jiff::civil::Date;
use serde::Serialize;

use crate::error::{Error, RecordError, field_in_words};
use crate::input::{Loaded, read_record};
use crate::plan::{self, Step, due};
use crate::record::yaml;
use crate::serve::confine;

/// Every record in the folder, and the day they were planned for.
#[derive(Debug, Serialize)]
pub struct Applications {
    /// The day the plans were read on, `YYYY-MM-DD`.
    pub today: String,
    /// Newest interview first; the records that cannot be read last.
    pub records: Vec<Application>,
}

/// One record file and where its follow-up stands.
#[derive(Debug, Serialize)]
pub struct Application {
    /// The file's name in the folder.
    pub file: String,
    /// The company, when the record could be read.
    pub company: Option<String>,
    /// The role, when the record could be read.
    pub role: Option<String>,
    /// The day of the interview, `YYYY-MM-DD`, when the record could be read.
    pub interview_date: Option<String>,
    /// Where the follow-up stands.
    pub state: State,
    /// The steps due on or before today, oldest first.
    pub due: Vec<Due>,
    /// The next step after today, if any.
    pub next: Option<Due>,
    /// Why the plan has stopped, as `next` says it.
    pub stopped: Option<String>,
    /// Why the record cannot be read, as `check` says it, without the file's
    /// name (the page shows it already).
    pub error: Option<String>,
    /// Whether the record's page can open it, to correct it there: false
    /// for a file that is not UTF-8 text, too large, or named as the page
    /// refuses (`-rf.yaml`), which only an editor can fix.
    pub editable: bool,
}

/// Where a record's follow-up stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// A step was due before today and is not in the log.
    Overdue,
    /// A step is due today.
    Due,
    /// Nothing is due; a step is ahead.
    Waiting,
    /// The plan has stopped.
    Done,
    /// The record cannot be read.
    Invalid,
}

/// A step with its day, for the page.
#[derive(Debug, Serialize)]
pub struct Due {
    /// The day to send it, `YYYY-MM-DD`.
    pub date: String,
    /// What to do, as `next` says it: "send check-in 1 to Sam Ortiz".
    pub action: String,
}

impl From<&Step> for Due {
    fn from(step: &Step) -> Self {
        Due {
            date: step.date.to_string(),
            action: step.action(),
        }
    }
}

/// Every record directly in `dir` (canonical): its `.yaml` and `.yml`
/// regular files, not hidden, symlinks only when they stay inside `dir`;
/// planned for `today`. A file whose name the page refuses (`-rf.yaml`)
/// is listed too, as one it cannot open, saying why.
pub fn applications(dir: &Path, today: Date) -> std::io::Result<Applications> {
    let mut names: Vec<(String, bool)> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let plain = confine::is_record_name(&name);
            let listed =
                plain || refused(&name) && entry.file_type().is_ok_and(|kind| kind.is_file());
            listed.then_some((name, plain))
        })
        .collect();
    names.sort();
    let mut records: Vec<(Option<Date>, Application)> = names
        .into_iter()
        .filter_map(|(name, plain)| {
            if !plain {
                let why = confine::name_problem(&name).unwrap_or("give it a plain name.");
                let words = format!(
                    "this page cannot open a file with this name; to open it here, rename it: {why}"
                );
                return Some((None, invalid(name, words, false)));
            }
            let path = confine::existing(dir, &name)?;
            Some(application(&path, name, today))
        })
        .collect();
    // Newest first; the invalid ones, with no date, sort last.
    records.sort_by(|(a, _), (b, _)| b.cmp(a));
    Ok(Applications {
        today: today.to_string(),
        records: records.into_iter().map(|(_, record)| record).collect(),
    })
}

/// Whether `name`, which the page refuses, is still a record the user
/// would look for: one ending `.yaml` or `.yml`, not hidden. (Only a
/// regular file of that name is listed: a symlink is never followed.)
fn refused(name: &str) -> bool {
    let path = Path::new(name);
    !name.starts_with('.')
        && path
            .extension()
            .is_some_and(|extension| extension == "yaml" || extension == "yml")
}

/// The record at `path`, named `file`, with its interview date for sorting.
fn application(path: &Path, file: String, today: Date) -> (Option<Date>, Application) {
    let record = match read_record(path) {
        Ok(Loaded { record, .. }) => record,
        Err(error) => {
            let words = in_words(&error, &path.display().to_string());
            return (None, invalid(file, words, editable(path)));
        }
    };
    let outcome = due::outcome(&record, plan::max_checkins(None, &record), today);
    let state = if outcome.due.iter().any(|step| step.date < today) {
        State::Overdue
    } else if !outcome.due.is_empty() {
        State::Due
    } else if outcome.stopped.is_none() && outcome.upcoming.is_some() {
        State::Waiting
    } else {
        State::Done
    };
    let application = Application {
        file,
        company: Some(record.company.clone()),
        role: Some(record.role.clone()),
        interview_date: Some(record.interview_date.to_string()),
        state,
        due: outcome.due.iter().map(Due::from).collect(),
        next: outcome.upcoming.as_ref().map(Due::from),
        stopped: outcome
            .stopped
            .as_ref()
            .map(|reason| reason.describe(&record)),
        error: None,
        editable: true,
    };
    (Some(record.interview_date), application)
}

/// Whether the record's page can open the file at `path` to correct it:
/// UTF-8 text, not too large.
fn editable(path: &Path) -> bool {
    std::fs::read(path)
        .is_ok_and(|bytes| bytes.len() <= yaml::MAX_BYTES && std::str::from_utf8(&bytes).is_ok())
}

/// A record that cannot be read, why, and whether its page can open it.
fn invalid(file: String, error: String, editable: bool) -> Application {
    Application {
        file,
        company: None,
        role: None,
        interview_date: None,
        state: State::Invalid,
        due: Vec::new(),
        next: None,
        stopped: None,
        error: Some(error),
        editable,
    }
}

/// Why a record cannot be read, in `check`'s words, without the file's name
/// when the problem is in the record itself (`name`, as the error names it).
pub fn in_words(error: &Error, name: &str) -> String {
    match error {
        Error::Record(error) if error.source_name == name => mistakes(error, true),
        Error::Read { reason, .. } => format!("it cannot be read: {reason}"),
        other => other.to_string(),
    }
}

/// Each mistake of a record on a line of its own: "line 7: the first
/// interviewer's `email`: …", without the line unless `lines`.
pub fn mistakes(error: &RecordError, lines: bool) -> String {
    error
        .each()
        .map(|mistake| {
            let line = mistake
                .position
                .filter(|_| lines)
                .map(|position| format!("line {}: ", position.line))
                .unwrap_or_default();
            let field = mistake
                .field
                .as_deref()
                .map(field_in_words)
                .filter(|field| !mistake.message.starts_with(field.as_str()))
                .map(|field| format!("{field}: "))
                .unwrap_or_default();
            format!("{line}{field}{}", mistake.message)
        })
        .collect::<Vec<_>>()
        .join("\n")
}
