//! The starter record `init` writes, and the sample values in it that a
//! record must not keep: a note signed by the starter's sample candidate, or
//! sent to its sample interviewer, would embarrass whoever sent it.
//!
//! The samples are read from the starter itself, so they can never drift
//! from it; a record is read the same way, line by line as the starter
//! writes its fields (block YAML, one `key: value` a line), apart from and
//! after the checks that make it a valid record.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::english;
use crate::error::{Position, RecordError};

/// The starter record `init` writes: every field, each with a comment.
pub const STARTER: &str = include_str!("../starter.yaml");

/// The fields whose starter values must be replaced, by their path without
/// list positions.
const CHECKED: &[&str] = &[
    "candidate.name",
    "candidate.email",
    "candidate.phone",
    "company",
    "recruiter.name",
    "recruiter.email",
    "interviewers.name",
    "interviewers.email",
    "interviewers.topics",
    "unanswered_questions.question",
    "unanswered_questions.answer",
    "strengths",
];

/// One value written in a block-YAML file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Value {
    /// The keys down to it, each with its list position when it is in a list.
    path: Vec<(String, Option<usize>)>,
    /// The value, without quotes or a comment.
    text: String,
    /// Where the value starts.
    position: Position,
}

impl Value {
    /// The path without list positions: `interviewers.name`.
    fn field(&self) -> String {
        self.path
            .iter()
            .map(|(key, _)| key.as_str())
            .collect::<Vec<_>>()
            .join(".")
    }
}

/// An open key while reading: its indent, its name, how many list items
/// it has had so far.
struct Open {
    indent: usize,
    key: String,
    items: usize,
}

/// Every scalar value of a block-YAML `text`, with its path and position;
/// what is not written as the starter writes (flow mappings, multi-line
/// strings) is passed over.
fn values(text: &str) -> Vec<Value> {
    let mut open: Vec<Open> = Vec::new();
    let mut found = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let content = line.trim_start_matches(' ');
        let mut indent = line.len() - content.len();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let mut rest = content;
        let mut item = false;
        if let Some(after) = rest.strip_prefix("- ").or((rest == "-").then_some("")) {
            while open.last().is_some_and(|last| last.indent > indent) {
                open.pop();
            }
            if let Some(parent) = open.last_mut() {
                parent.items += 1;
            }
            item = true;
            let inner = after.trim_start_matches(' ');
            indent += content.len() - inner.len();
            rest = inner;
        }
        let position = |indent: usize| Position {
            line: index + 1,
            column: indent + 1,
        };
        let path = |open: &[Open]| -> Vec<(String, Option<usize>)> {
            open.iter()
                .map(|entry| (entry.key.clone(), entry.items.checked_sub(1)))
                .collect()
        };
        match key_and_value(rest) {
            Some((key, value, offset)) => {
                while open.last().is_some_and(|last| last.indent >= indent) {
                    open.pop();
                }
                if !value.is_empty() {
                    let mut at = path(&open);
                    at.push((key.to_owned(), None));
                    found.push(Value {
                        path: at,
                        text: value,
                        position: position(indent + offset),
                    });
                }
                open.push(Open {
                    indent,
                    key: key.to_owned(),
                    items: 0,
                });
            }
            None if item => {
                let value = scalar(rest);
                if !value.is_empty() {
                    found.push(Value {
                        path: path(&open),
                        text: value,
                        position: position(indent),
                    });
                }
            }
            None => {}
        }
    }
    found
}

/// `key: value` split into the key, the value as a plain string, and the
/// byte offset of the value in `text`; `None` when `text` is no such pair.
fn key_and_value(text: &str) -> Option<(&str, String, usize)> {
    let colon = text
        .find(": ")
        .or_else(|| text.ends_with(':').then(|| text.len() - 1))?;
    let key = &text[..colon];
    if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    let after = &text[colon + 1..];
    let value = after.trim_start_matches(' ');
    Some((key, scalar(value), colon + 1 + after.len() - value.len()))
}

/// A written scalar as its plain string: without its quotes, or without
/// a trailing comment.
fn scalar(text: &str) -> String {
    for quote in ['"', '\''] {
        if let Some(inner) = text.strip_prefix(quote)
            && let Some(end) = inner.find(quote)
        {
            return inner[..end].to_owned();
        }
    }
    let text = match text.find(" #") {
        Some(comment) => &text[..comment],
        None if text.starts_with('#') => "",
        None => text,
    };
    text.trim().to_owned()
}

/// The starter's sample values: each checked field with its value.
fn samples() -> &'static HashSet<(String, String)> {
    static SAMPLES: OnceLock<HashSet<(String, String)>> = OnceLock::new();
    SAMPLES.get_or_init(|| {
        values(STARTER)
            .into_iter()
            .map(|value| (value.field(), value.text))
            .filter(|(field, _)| CHECKED.contains(&field.as_str()))
            .collect()
    })
}

/// The list position of `key` in the path of `value`, in words.
fn nth(value: &Value, key: &str) -> String {
    let index = value
        .path
        .iter()
        .find(|(name, _)| name == key)
        .and_then(|(_, index)| *index)
        .unwrap_or(0);
    english::ordinal(index)
}

/// The field `value` is written in, in plain words, and what to write in
/// its place.
fn described(value: &Value) -> (String, &'static str) {
    match value.field().as_str() {
        "candidate.name" => ("your name".into(), "write your own name"),
        "candidate.email" => (
            "your email address".into(),
            "write your own, or delete the line",
        ),
        "candidate.phone" => (
            "your phone number".into(),
            "write your own, or delete the line",
        ),
        "company" => (
            "the company".into(),
            "write the company that interviewed you",
        ),
        "recruiter.name" => (
            "the recruiter's name".into(),
            "write the name of the person who arranged the interview, or delete the recruiter",
        ),
        "recruiter.email" => (
            "the recruiter's email address".into(),
            "write their work address, or delete the line",
        ),
        "interviewers.name" => (
            format!("the {} interviewer's name", nth(value, "interviewers")),
            "write the name of the person you met",
        ),
        "interviewers.email" => (
            format!(
                "the {} interviewer's email address",
                nth(value, "interviewers")
            ),
            "write their work address, or delete the line",
        ),
        "interviewers.topics" => (
            format!("a topic of the {} interviewer", nth(value, "interviewers")),
            "write what you talked about with them",
        ),
        "unanswered_questions.question" => (
            format!(
                "the {} unanswered question",
                nth(value, "unanswered_questions")
            ),
            "write a question you were asked, or delete the list",
        ),
        "unanswered_questions.answer" => (
            format!(
                "the answer to the {} unanswered question",
                nth(value, "unanswered_questions")
            ),
            "write your own answer",
        ),
        _ => (
            format!("the {} strength", nth(value, "strengths")),
            "write what you would bring, or delete the list",
        ),
    }
}

/// Every sample value of the starter that `text` still holds, as one
/// error naming each, with its line, column and field; `None` when
/// every sample has been replaced.
pub fn find(source_name: &str, text: &str) -> Option<RecordError> {
    let samples = samples();
    let left: Vec<RecordError> = values(text)
        .into_iter()
        .filter(|value| samples.contains(&(value.field(), value.text.clone())))
        .map(|value| {
            let (field, advice) = described(&value);
            RecordError {
                source_name: source_name.to_owned(),
                position: Some(value.position),
                field: None,
                message: format!(
                    "{field} is still the starter's sample `{}`; {advice}",
                    value.text
                ),
                line_text: None,
                mistakes: Box::default(),
            }
        })
        .collect();
    if left.is_empty() {
        return None;
    }
    Some(RecordError {
        source_name: source_name.to_owned(),
        position: None,
        field: None,
        message: format!(
            "{} of the starter's sample values {} still here; replace {} with your own:",
            left.len(),
            if left.len() == 1 { "is" } else { "are" },
            if left.len() == 1 { "it" } else { "each" },
        ),
        line_text: None,
        mistakes: left.into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_has_samples_for_every_checked_field() {
        let fields: HashSet<&str> = samples().iter().map(|(field, _)| field.as_str()).collect();
        for field in CHECKED {
            assert!(fields.contains(field), "{field}");
        }
    }

    #[test]
    fn values_know_their_path_and_place() {
        let text =
            "interviewers:\n  - name: \"A B\"   # who\n    topics:\n      - one # c\n  - name: C\n";
        let found = values(text);
        let described: Vec<(String, String, usize, usize)> = found
            .iter()
            .map(|value| {
                (
                    described(value).0,
                    value.text.clone(),
                    value.position.line,
                    value.position.column,
                )
            })
            .collect();
        assert_eq!(
            described,
            [
                ("the first interviewer's name".into(), "A B".into(), 2, 11),
                (
                    "a topic of the first interviewer".into(),
                    "one".into(),
                    4,
                    9
                ),
                ("the second interviewer's name".into(), "C".into(), 5, 11),
            ]
        );
    }

    #[test]
    fn the_starter_itself_is_found_out() {
        let error = find("interview.yaml", STARTER).map(|error| error.to_string());
        assert!(error.is_some_and(|error| error.contains("the first interviewer's name")));
    }
}
