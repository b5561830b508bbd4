//! Messages on stderr: warnings, notes and errors, in colour only on a
//! terminal and never when `NO_COLOR` is set.

use anstyle::{AnsiColor, Style};

use crate::lint::Finding;

const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const ERROR: Style = AnsiColor::Red.on_default().bold();
const NOTE: Style = AnsiColor::Cyan.on_default().bold();

/// `warning: message`.
pub fn warning(message: &str) {
    anstream::eprintln!("{WARNING}warning:{WARNING:#} {message}");
}

/// `file:line: warning: message`, for a finding in the record `source_name`.
pub fn finding(source_name: &str, finding: &Finding) {
    let location = match finding.line {
        Some(line) => format!("{source_name}:{line}"),
        None => source_name.to_owned(),
    };
    anstream::eprintln!(
        "{location}: {WARNING}warning:{WARNING:#} {}",
        finding.message
    );
}

/// `file:line: note: message`, for what `check` read into the record
/// `source_name`.
pub fn inferred(source_name: &str, inference: &Finding) {
    let location = match inference.line {
        Some(line) => format!("{source_name}:{line}"),
        None => source_name.to_owned(),
    };
    anstream::eprintln!("{location}: {NOTE}note:{NOTE:#} {}", inference.message);
}

/// `note: message`, for something the user should know that is not a fault.
pub fn note(message: &str) {
    anstream::eprintln!("{NOTE}note:{NOTE:#} {message}");
}

/// `error: message`.
pub fn error(message: &str) {
    anstream::eprintln!("{ERROR}error:{ERROR:#} {message}");
}

/// A message kept to print later, so work done in parallel reports in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// `warning: …`
    Warning(String),
    /// `note: …`
    Note(String),
    /// `file:line: warning: …`
    Finding {
        /// The record's file, as messages name it.
        source: String,
        /// What was found, and where.
        finding: Finding,
    },
}

impl Message {
    /// Prints the message on stderr.
    pub fn print(&self) {
        match self {
            Message::Warning(message) => warning(message),
            Message::Note(message) => note(message),
            Message::Finding {
                source,
                finding: found,
            } => finding(source, found),
        }
    }
}
