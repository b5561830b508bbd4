//! Adding an entry to a record's `log:` by editing its text, so the user's
//! comments, key order and formatting survive byte for byte.
//!
//! The document is never re-serialised: the new lines go after the last
//! entry of the top-level `log:` list, or a new `log:` goes at the end.

use std::fmt::Write as _;

use jiff::civil::Date;
use serde_json::{Map, Value};

use super::kind::Kind;
use super::yaml;
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
    /// The entry as its YAML reads back: every field a string.
    fn value(&self) -> Value {
        let fields = self.fields_unquoted();
        Value::Object(
            fields
                .into_iter()
                .map(|(key, value)| (key.to_owned(), Value::String(value)))
                .collect::<Map<_, _>>(),
        )
    }

    /// The entry's fields in the order they are written, with their text.
    fn fields_unquoted(&self) -> Vec<(&'static str, String)> {
        let (date, mut fields, note) = match self {
            NewEntry::Sent {
                date,
                kind,
                to,
                note,
            } => (
                date,
                vec![("sent", kind.name().to_owned()), ("to", to.clone())],
                note,
            ),
            NewEntry::Reply { date, from, note } => (date, vec![("reply", from.clone())], note),
        };
        fields.insert(0, ("date", date.to_string()));
        fields.extend(note.iter().map(|note| ("note", note.clone())));
        fields
    }

    /// The entry's fields as YAML scalars, in the order they are written.
    fn fields(&self) -> Vec<(&'static str, String)> {
        self.fields_unquoted()
            .into_iter()
            .map(|(key, value)| match key {
                "date" | "sent" => (key, value),
                _ => (key, scalar(&value)),
            })
            .collect()
    }
}

/// `text` with `entries` added to its top-level `log:` list, after
/// checking that everything already in the file reads back the same.
pub fn append(text: &str, entries: &[NewEntry]) -> Result<String> {
    let mut out = text.to_owned();
    for entry in entries {
        out = append_one(&out, entry)?;
    }
    verify(text, &out, entries)?;
    Ok(out)
}

/// `text` with `entry` added to its top-level `log:` list.
fn append_one(text: &str, entry: &NewEntry) -> Result<String> {
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
    let mut out: String = lines[..key].concat();
    match strip_comment(lines[key].trim_end())
        .trim_start_matches('\u{feff}')
        .trim_start_matches("log:")
        .trim()
    {
        "" => out.push_str(lines[key]),
        "[]" => out.push_str(&emptied(lines[key], newline)),
        _ => return Err(Error::InlineLog { line: key + 1 }),
    }
    let block_end = lines[key + 1..]
        .iter()
        .position(|line| ends_block(line))
        .map_or(lines.len(), |offset| key + 1 + offset);
    let body = &lines[key + 1..block_end];
    let at = key + 1 + insertion_point(body);
    let indent = body
        .iter()
        .find(|line| line.trim_start().starts_with('-'))
        .map_or("  ", |line| &line[..line.len() - line.trim_start().len()]);
    out.push_str(&lines[key + 1..at].concat());
    if !out.ends_with('\n') {
        out.push_str(newline);
    }
    out.push_str(&entry_lines(entry, indent, newline));
    out.push_str(&lines[at..].concat());
    Ok(out)
}

/// The `log: []` line as `log:`, its comment kept in the same column.
fn emptied(line: &str, newline: &str) -> String {
    let Some(brackets) = line.find("[]") else {
        return line.to_owned();
    };
    let rest = &line[brackets + 2..];
    if rest.trim().is_empty() {
        format!("{}{newline}", line[..brackets].trim_end())
    } else {
        format!("{}  {rest}", &line[..brackets])
    }
}

/// Where in the lines of the `log:` block a new entry goes: after the last
/// line of the last entry, which takes in the blank lines a kept block
/// scalar (`|+`, `>+`) ends with; with no entry yet, after the comment
/// that continues the `log:` line.
fn insertion_point(body: &[&str]) -> usize {
    let mut end = None;
    let mut scalar: Option<Block> = None;
    for (index, line) in body.iter().enumerate() {
        if let Some(block) = scalar {
            if line.trim().is_empty() {
                // Kept blank lines are the note's; so are spaces past
                // its indentation, which are text.
                if block.keep || indentation(line) > block.column {
                    end = Some(index + 1);
                }
                continue;
            }
            if indentation(line) > block.column {
                end = Some(index + 1);
                continue;
            }
            scalar = None;
        }
        if !is_blank_or_comment(line) {
            end = Some(index + 1);
            scalar = block_scalar(line);
        }
    }
    end.unwrap_or_else(|| {
        body.iter()
            .take_while(|line| indentation(line) > 0 && line.trim_start().starts_with('#'))
            .count()
    })
}

/// A block scalar begun on a line: the column its text must be indented
/// past, and whether it keeps its trailing blank lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Block {
    column: usize,
    keep: bool,
}

/// The block scalar `line` begins (`note: |+`, `- >`), if any.
fn block_scalar(line: &str) -> Option<Block> {
    let mut column = indentation(line);
    let mut rest = strip_comment(line.trim_end()).trim_start();
    let mut item = column;
    while let Some(after) = rest
        .strip_prefix('-')
        .filter(|after| after.is_empty() || after.starts_with([' ', '\t']))
    {
        item = column;
        let trimmed = after.trim_start();
        column += rest.len() - trimmed.len();
        rest = trimmed;
    }
    let (value, column) = match rest.split_once(": ") {
        Some((_, value)) if !rest.starts_with(['|', '>']) => (value, column),
        _ => (rest, item),
    };
    let mut words = value.split_whitespace();
    let header = words.next_back()?;
    let decorated = words.all(|word| word.starts_with(['!', '&']));
    let mut chars = header.chars();
    let is_header = matches!(chars.next(), Some('|' | '>'))
        && chars.all(|c| c.is_ascii_digit() || c == '+' || c == '-');
    (decorated && is_header).then_some(Block {
        column,
        keep: header.contains('+'),
    })
}

/// The number of spaces a line starts with.
fn indentation(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Checks that `new` reads as `old` with `entries` added to its log and
/// nothing else changed, so a slip in editing the text is never written.
fn verify(old: &str, new: &str, entries: &[NewEntry]) -> Result<()> {
    let changed = |field: &str| Error::AppendChanged {
        what: format!("`{field}`"),
    };
    let old = yaml::from_str::<Value>("", yaml::decode("", old.as_bytes())?)?;
    let new = yaml::decode("", new.as_bytes())
        .and_then(|new| yaml::from_str::<Value>("", new))
        .map_err(|error| Error::AppendChanged {
            what: match error.position {
                Some(at) => format!("how the file reads (line {}: {})", at.line, error.message),
                None => format!("how the file reads ({})", error.message),
            },
        })?;
    let (Value::Object(old), Value::Object(mut new)) = (old, new) else {
        return Err(changed("the file"));
    };
    let old_log = log_entries(old.get("log"));
    let new_log = log_entries(new.remove("log").as_ref());
    let mut old = old;
    old.remove("log");
    if let Some(field) = difference(String::new(), &Value::Object(old), &Value::Object(new)) {
        return Err(changed(&field));
    }
    if new_log.len() != old_log.len() + entries.len() {
        return Err(changed("log"));
    }
    let written = old_log
        .iter()
        .cloned()
        .chain(entries.iter().map(NewEntry::value));
    for (index, (want, got)) in written.zip(&new_log).enumerate() {
        if let Some(field) = difference(format!("log[{index}]"), &want, got) {
            return Err(changed(&field));
        }
    }
    Ok(())
}

/// The entries of a `log:` value; none for `log: []` or no log at all.
fn log_entries(log: Option<&Value>) -> Vec<Value> {
    match log {
        Some(Value::Array(entries)) => entries.clone(),
        None | Some(Value::Null) => Vec::new(),
        Some(other) => vec![other.clone()],
    }
}

/// The first field where `old` and `new` differ, named from `path`.
fn difference(path: String, old: &Value, new: &Value) -> Option<String> {
    let name = |inner: &str| {
        if path.is_empty() {
            inner.to_owned()
        } else {
            format!("{path}.{inner}")
        }
    };
    match (old, new) {
        _ if old == new => None,
        (Value::Object(old), Value::Object(new)) => old
            .keys()
            .chain(new.keys())
            .find(|key| old.get(*key) != new.get(*key))
            .and_then(|key| {
                let missing = Value::Null;
                difference(
                    name(key),
                    old.get(key).unwrap_or(&missing),
                    new.get(key).unwrap_or(&missing),
                )
                .or_else(|| Some(name(key)))
            }),
        (Value::Array(old), Value::Array(new)) if old.len() == new.len() => old
            .iter()
            .zip(new)
            .enumerate()
            .find_map(|(index, (old, new))| difference(format!("{path}[{index}]"), old, new)),
        _ => Some(if path.is_empty() {
            "the file".to_owned()
        } else {
            path
        }),
    }
}

/// A top-level `log:` key line, with or without a byte-order mark.
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

/// A line with nothing on it but perhaps a comment.
fn is_blank_or_comment(line: &str) -> bool {
    let trimmed = line.trim();
    trimmed.is_empty() || trimmed.starts_with('#')
}

/// `text` without a trailing ` # comment`.
fn strip_comment(text: &str) -> &str {
    text.split_once(" #").map_or(text, |(before, _)| before)
}

/// The lines of `entry`, as a list item indented by `indent`.
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
            append("company: X # mine\n", &[sent("Priya Shah")]).unwrap(),
            "company: X # mine\nlog:\n  - date: 2026-11-19\n    sent: email\n    to: Priya Shah\n"
        );
        assert_eq!(
            append("company: X", &[sent("A")]).unwrap(),
            "company: X\nlog:\n  - date: 2026-11-19\n    sent: email\n    to: A\n"
        );
    }

    #[test]
    fn appends_after_the_last_entry_in_its_indentation() {
        let text =
            "log:\n- date: 2026-11-19\n  sent: card\n  to: A\n\n# the next part\nstatus: open\n";
        assert_eq!(
            append(text, &[sent("B")]).unwrap(),
            "log:\n- date: 2026-11-19\n  sent: card\n  to: A\n- date: 2026-11-19\n  sent: email\n  to: B\n\n# the next part\nstatus: open\n"
        );
    }

    #[test]
    fn fills_an_empty_inline_log() {
        assert_eq!(
            append("log: []  # none yet\nstatus: open\n", &[sent("A")]).unwrap(),
            "log:     # none yet\n  - date: 2026-11-19\n    sent: email\n    to: A\nstatus: open\n"
        );
    }

    #[test]
    fn refuses_a_filled_inline_log() {
        assert_eq!(
            append("a: 1\nlog: [{date: 2026-11-19, reply: A}]\n", &[sent("A")])
                .map_err(|error| error.to_string()),
            Err(Error::InlineLog { line: 2 }.to_string())
        );
    }

    #[test]
    fn keeps_windows_line_endings() {
        assert_eq!(
            append("company: X\r\n", &[sent("A")]).unwrap(),
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

    #[test]
    fn finds_where_block_scalars_begin() {
        let block = |column, keep| Some(Block { column, keep });
        for (line, found) in [
            ("    note: |+\n", block(4, true)),
            ("  - note: >-  # folded\n", block(4, false)),
            ("    note: !!str |2+\n", block(4, true)),
            ("  - |\n", block(2, false)),
            ("    note: a | b\n", None),
            ("    note: '|'\n", None),
            ("    note: plain\n", None),
        ] {
            assert_eq!(block_scalar(line), found, "{line:?}");
        }
    }

    #[test]
    fn refuses_a_text_that_changes_anything_else() {
        let old = "a: 1\nlog:\n  - date: 2026-11-19\n    reply: A\n    note: |+\n      x\n\n";
        let entry = "  - date: 2026-11-19\n    sent: email\n    to: A\n";
        let new = format!("{old}{entry}");
        assert_eq!(
            verify(old, &new, &[sent("A")]).map_err(|e| e.to_string()),
            Ok(())
        );
        for (changed, field) in [
            (new.replace("a: 1", "a: 2"), "`a`"),
            (new.replace("x\n\n", "x\n"), "`log[0].note`"),
            (new.replace("to: A", "to: B"), "`log[1].to`"),
            (format!("{old}{entry}b: 2\n"), "`b`"),
            (format!("{old}{entry}{entry}"), "`log`"),
            (new.replace("a: 1", "a: [1"), "how the file reads"),
        ] {
            let error = verify(old, &changed, &[sent("A")]).map_err(|e| e.to_string());
            assert!(
                error.as_ref().is_err_and(|error| error.contains(field)),
                "{changed:?}: {error:?}"
            );
        }
    }
}
