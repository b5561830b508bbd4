//! Adding an entry to a record's `log:` by editing its text, so the user's
//! comments, key order and formatting survive byte for byte.
//!
//! The document is never re-serialised: the new lines go after the last
//! entry of the top-level `log:` list, or a new `log:` goes at the end.

use std::fmt::Write as _;

use jiff::civil::Date;

use super::kind::Kind;
use crate::error::{Error, Result};

/// A log entry about to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewEntry {
    /// The candidate sent `kind` to `to`.
    Sent {
        /// The day it was sent.
        date: Date,
        /// What was sent.
        kind: Kind,
        /// Who it went to.
        to: String,
        /// The user's note.
        note: Option<String>,
    },
    /// `from` replied.
    Reply {
        /// The day of the reply.
        date: Date,
        /// Who replied.
        from: String,
        /// The user's note, such as what they said.
        note: Option<String>,
    },
}

impl NewEntry {
    fn fields(&self) -> Vec<(&'static str, String)> {
        let (date, mut fields, note) = match self {
            NewEntry::Sent {
                date,
                kind,
                to,
                note,
            } => (
                date,
                vec![("sent", kind.name().to_owned()), ("to", scalar(to))],
                note,
            ),
            NewEntry::Reply { date, from, note } => (date, vec![("reply", scalar(from))], note),
        };
        fields.insert(0, ("date", date.to_string()));
        if let Some(note) = note {
            fields.push(("note", scalar(note)));
        }
        fields
    }
}

/// `text` with `entry` added to its top-level `log:` list.
pub fn append(text: &str, entry: &NewEntry) -> Result<String> {
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let Some(key) = lines.iter().position(|line| is_log_key(line)) else {
        let mut out = text.to_owned();
        if !out.is_empty() && !out.ends_with('\n') {
            out.push_str(newline);
        }
        let _ = write!(out, "log:{newline}");
        out.push_str(&entry_lines(entry, "  ", newline));
        return Ok(out);
    };
    let after_key = strip_comment(lines[key].trim_end())
        .trim_start_matches("log:")
        .trim();
    match after_key {
        "" => {}
        "[]" => {
            let mut out: String = lines[..key].concat();
            let _ = write!(out, "log:{newline}");
            out.push_str(&entry_lines(entry, "  ", newline));
            out.push_str(&lines[key + 1..].concat());
            return Ok(out);
        }
        _ => return Err(Error::InlineLog { line: key + 1 }),
    }
    let block_end = lines[key + 1..]
        .iter()
        .position(|line| ends_block(line))
        .map_or(lines.len(), |offset| key + 1 + offset);
    let last_content = (key + 1..block_end)
        .rev()
        .find(|&index| !is_blank_or_comment(lines[index]))
        .unwrap_or(key);
    let indent = lines[key + 1..block_end]
        .iter()
        .find(|line| line.trim_start().starts_with('-'))
        .map_or("  ", |line| &line[..line.len() - line.trim_start().len()]);
    let mut out: String = lines[..=last_content].concat();
    if !out.ends_with('\n') {
        out.push_str(newline);
    }
    out.push_str(&entry_lines(entry, indent, newline));
    out.push_str(&lines[last_content + 1..].concat());
    Ok(out)
}

fn is_log_key(line: &str) -> bool {
    line.strip_prefix("log:")
        .or_else(|| line.strip_prefix("\u{feff}log:"))
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t', '\r', '\n', '#']))
}

/// A line that ends the `log:` block: the next top-level key or a document marker.
fn ends_block(line: &str) -> bool {
    let first = line.chars().next();
    match first {
        None | Some(' ' | '\t' | '\r' | '\n' | '#') => false,
        Some('-') => line.starts_with("---"),
        Some('.') => line.starts_with("..."),
        Some(_) => true,
    }
}

fn is_blank_or_comment(line: &str) -> bool {
    let trimmed = line.trim();
    trimmed.is_empty() || trimmed.starts_with('#')
}

fn strip_comment(text: &str) -> &str {
    text.split_once(" #").map_or(text, |(before, _)| before)
}

fn entry_lines(entry: &NewEntry, indent: &str, newline: &str) -> String {
    let mut out = String::new();
    for (index, (key, value)) in entry.fields().into_iter().enumerate() {
        let lead = if index == 0 { "- " } else { "  " };
        let _ = write!(out, "{indent}{lead}{key}: {value}{newline}");
    }
    out
}

/// `text` as a YAML scalar: plain when that reads back as the same string,
/// otherwise double-quoted (a JSON string is a valid YAML one).
fn scalar(text: &str) -> String {
    let plain = text
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '-' | '\'' | '(' | ')' | '/'))
        && text.chars().next().is_some_and(char::is_alphabetic)
        && !text.ends_with(' ')
        && !matches!(
            text.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "y" | "n"
        );
    if plain {
        text.to_owned()
    } else {
        serde_json::to_string(text).unwrap_or_else(|_| format!("\"{text}\""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn sent(to: &str) -> NewEntry {
        NewEntry::Sent {
            date: date(2026, 11, 19),
            kind: Kind::Email,
            to: to.to_owned(),
            note: None,
        }
    }

    #[test]
    fn starts_a_log_at_the_end() {
        assert_eq!(
            append("company: X # mine\n", &sent("Priya Shah")).unwrap(),
            "company: X # mine\nlog:\n  - date: 2026-11-19\n    sent: email\n    to: Priya Shah\n"
        );
        assert_eq!(
            append("company: X", &sent("A")).unwrap(),
            "company: X\nlog:\n  - date: 2026-11-19\n    sent: email\n    to: A\n"
        );
    }

    #[test]
    fn appends_after_the_last_entry_in_its_indentation() {
        let text =
            "log:\n- date: 2026-11-19\n  sent: card\n  to: A\n\n# the next part\nstatus: open\n";
        assert_eq!(
            append(text, &sent("B")).unwrap(),
            "log:\n- date: 2026-11-19\n  sent: card\n  to: A\n- date: 2026-11-19\n  sent: email\n  to: B\n\n# the next part\nstatus: open\n"
        );
    }

    #[test]
    fn fills_an_empty_inline_log() {
        assert_eq!(
            append("log: []  # none yet\nstatus: open\n", &sent("A")).unwrap(),
            "log:\n  - date: 2026-11-19\n    sent: email\n    to: A\nstatus: open\n"
        );
    }

    #[test]
    fn refuses_a_filled_inline_log() {
        assert_eq!(
            append("a: 1\nlog: [{date: 2026-11-19, reply: A}]\n", &sent("A"))
                .map_err(|error| error.to_string()),
            Err(Error::InlineLog { line: 2 }.to_string())
        );
    }

    #[test]
    fn keeps_windows_line_endings() {
        assert_eq!(
            append("company: X\r\n", &sent("A")).unwrap(),
            "company: X\r\nlog:\r\n  - date: 2026-11-19\r\n    sent: email\r\n    to: A\r\n"
        );
    }

    #[test]
    fn quotes_values_yaml_would_misread() {
        for (text, written) in [
            ("Priya Shah", "Priya Shah"),
            ("Dr. Helen Marsh", "Dr. Helen Marsh"),
            ("second round: Dec 3", "\"second round: Dec 3\""),
            ("yes", "\"yes\""),
            ("#1 fan", "\"#1 fan\""),
            ("Zoë O'Neil", "Zoë O'Neil"),
        ] {
            assert_eq!(scalar(text), written);
        }
    }
}
