//! The errors the library reports, typed where a caller must tell them apart.

use std::fmt;
use std::path::PathBuf;

/// A record that cannot be used: unreadable, not YAML, or not a valid record.
///
/// Its message names the file, and where it can the line, column and field,
/// and quotes the offending line, so the user can go straight to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// The file the record came from, as the user named it (`<stdin>` for `-`).
    pub source_name: String,
    /// The 1-based line and column of the problem, when known.
    pub position: Option<Position>,
    /// The field's path, such as `interviewers[1].topics`, when known;
    /// the message names it in words ("the second interviewer's `topics`").
    pub field: Option<Box<str>>,
    /// What is wrong, in words a user can act on.
    pub message: String,
    /// The text of the offending line, quoted under the message.
    pub line_text: Option<Box<str>>,
    /// Each mistake, when the record has more than one; the message then
    /// introduces the list, and each names its own line.
    pub mistakes: Box<[RecordError]>,
}

impl RecordError {
    /// How many mistakes the user must mend: one, or each of the list.
    pub fn count(&self) -> usize {
        self.mistakes.len().max(1)
    }

    /// Each mistake on its own: the list, or this error when it is one.
    pub fn each(&self) -> impl Iterator<Item = &RecordError> {
        let single = self.mistakes.is_empty().then_some(self);
        single.into_iter().chain(&self.mistakes)
    }
}

/// A 1-based line and column in a record file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// The line, counting from 1.
    pub line: usize,
    /// The column, counting from 1.
    pub column: usize,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.source_name)?;
        if let Some(position) = self.position {
            write!(f, ":{}:{}", position.line, position.column)?;
        }
        write!(f, ": ")?;
        if let Some(field) = &self.field {
            let field = field_in_words(field);
            // "the second interviewer has no `name`" names its field already.
            if !self.message.starts_with(&field) {
                write!(f, "{field}: ")?;
            }
        }
        write!(f, "{}", self.message)?;
        if let (Some(position), Some(text)) = (self.position, &self.line_text) {
            write!(f, "\n{:>5} | {text}", position.line)?;
        }
        for mistake in &self.mistakes {
            for line in mistake.to_string().lines() {
                write!(f, "\n  {line}")?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for RecordError {}

/// A field's path as a person names it, counting from one:
/// `interviewers[1].name` is "the second interviewer's `name`",
/// `interviewers[0].topics[2]` "the first interviewer's third topic",
/// `candidate.email` "your `email`".
pub fn field_in_words(path: &str) -> String {
    let mut phrase: Option<String> = None;
    let mut steps = path.split('.').peekable();
    while let Some(step) = steps.next() {
        let last = steps.peek().is_none();
        let (key, index) = match step.strip_suffix(']').and_then(|step| step.split_once('[')) {
            Some((key, index)) => (key, index.parse::<usize>().ok()),
            None => (step, None),
        };
        let item = index
            .zip(item_noun(key))
            .map(|(index, noun)| format!("{} {noun}", crate::english::ordinal(index)));
        phrase = Some(match (phrase, item) {
            (None, Some(item)) => format!("the {item}"),
            (None, None) if key == "candidate" && !last => "you".into(),
            (None, None) if key == "recruiter" && !last => "the recruiter".into(),
            (None, None) => format!("`{step}`"),
            (Some(owner), None) if owner.starts_with('`') => format!("`{step}` under {owner}"),
            (Some(owner), item) => {
                let owner = if owner == "you" {
                    "your".into()
                } else {
                    format!("{owner}'s")
                };
                format!("{owner} {}", item.unwrap_or_else(|| format!("`{step}`")))
            }
        });
    }
    phrase.unwrap_or_default()
}

/// What one item of a list is called, for the record's lists.
fn item_noun(list: &str) -> Option<&'static str> {
    Some(match list {
        "interviewers" => "interviewer",
        "unanswered_questions" => "unanswered question",
        "log" => "log entry",
        "strengths" => "strength",
        "topics" => "topic",
        "holidays" => "holiday",
        _ => return None,
    })
}

/// Everything that can go wrong between reading a record and writing its drafts.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The record is unreadable or invalid.
    #[error(transparent)]
    Record(#[from] RecordError),
    /// A template failed to compile or render; the message carries its line and column.
    #[error("template `{name}`: {message}")]
    Template {
        /// The template's name, such as `card.md`.
        name: String,
        /// Tera's report, with the template line and a caret under the problem.
        message: String,
    },
    /// A file or folder named as a record could not be read.
    #[error("cannot read {what}: {reason}")]
    Read {
        /// What was being read: a file, a folder or standard input.
        what: String,
        /// The operating system's reason.
        reason: std::io::Error,
    },
    /// A folder or pattern named on the command line holds no record.
    #[error("{0}")]
    NoRecords(String),
    /// A date on the command line is not `YYYY-MM-DD`.
    #[error("{flag}: `{text}` is not a date; write it as YYYY-MM-DD, such as 2026-11-19")]
    Date {
        /// The flag it was given with.
        flag: String,
        /// What was given.
        text: String,
    },
    /// The drafts asked for cannot be written the way they were asked for;
    /// the message says what to do instead.
    #[error("{0}")]
    Request(String),
    /// `--to` named nobody in the record, or several people.
    #[error("--to: {message}")]
    NoSuchRecipient {
        /// What the name found, and who is in the record.
        message: String,
    },
    /// A value bound for an email header holds a line break.
    #[error(
        "the {what} of the email to {to} holds a line break, which could start a header of its own; put it on one line"
    )]
    Header {
        /// Who the email was for.
        to: String,
        /// Which value: `subject`, `recipient` or `address`.
        what: &'static str,
    },
    /// The mail library could not build a message.
    #[error("cannot build the email to {to}: {reason}")]
    Mail {
        /// Who the email was for.
        to: String,
        /// What went wrong.
        reason: std::io::Error,
    },
    /// The record's log is written inline (`log: [{...}]`), where a new
    /// entry cannot be added as its own lines.
    #[error(
        "line {line}: the log is written inline; write it as a list, one `- date: ...` entry per line, and try again"
    )]
    InlineLog {
        /// The 1-based line of `log:`.
        line: usize,
    },
    /// Adding to the log would have changed something already in the
    /// record; a safeguard, so nothing was written.
    #[error(
        "adding the entry would also change {what}, so nothing was written; add the entry by hand, and please report this"
    )]
    AppendChanged {
        /// What would have changed, such as `` `log[0].note` ``.
        what: String,
    },
    /// A file cannot be changed safely as it is; the message says why and
    /// what to do, usually to pass `--force`.
    #[error("{} {problem}", .path.display())]
    Refused {
        /// The file, as the user named it.
        path: PathBuf,
        /// What is wrong and what to do, after the file's name.
        problem: String,
    },
    /// A draft file already exists and `--force` was not given.
    #[error("{} already exists; pass --force to replace it", .path.display())]
    WouldOverwrite {
        /// The file that would have been replaced.
        path: PathBuf,
    },
    /// Reading or writing a file failed.
    #[error("{}: {reason}", .path.display())]
    Io {
        /// The file being read or written.
        path: PathBuf,
        /// The operating system's reason, already in the message.
        reason: std::io::Error,
    },
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_named_in_words_counting_from_one() {
        for (path, words) in [
            ("company", "`company`"),
            ("candidate.email", "your `email`"),
            ("recruiter.decision_date", "the recruiter's `decision_date`"),
            ("interviewers[1]", "the second interviewer"),
            ("interviewers[1].name", "the second interviewer's `name`"),
            (
                "interviewers[0].topics[2]",
                "the first interviewer's third topic",
            ),
            ("interviewers[11].email", "the 12th interviewer's `email`"),
            (
                "unanswered_questions[0].asked_by",
                "the first unanswered question's `asked_by`",
            ),
            ("log[2].date", "the third log entry's `date`"),
            ("followup.max_checkins", "`max_checkins` under `followup`"),
        ] {
            assert_eq!(field_in_words(path), words, "{path}");
        }
    }
}
