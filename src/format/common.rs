//! What every format shares: the signature a format has, what it writes
//! from, and the helpers that build the documents of one draft each.

use crate::english;
use crate::error::Result;
use crate::output::{Document, names};
use crate::record::{Locale, Record, Who};
use crate::render::Draft;
use crate::report::Message;

/// A way of writing drafts out.
#[derive(Debug)]
pub struct Format {
    /// The name `--format` takes.
    pub name: &'static str,
    /// One line on what it writes, for `--help`.
    pub about: &'static str,
    /// Writes the drafts of one record.
    pub write: fn(&Input<'_>) -> Result<Written>,
}

impl PartialEq for Format {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

/// What a format writes from: one record and its drafts.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The record the drafts come from.
    pub record: &'a Record,
    /// How messages and commands name the record's file.
    pub source: &'a str,
    /// The drafts to write, in the order they are sent.
    pub drafts: &'a [Draft],
    /// How the output is laid out.
    pub options: &'a Options,
}

/// How the output is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Line width of cards in text.
    pub width: usize,
    /// On the print sheet, rule guide lines under the text.
    pub guides: bool,
    /// Whether the documents go to standard output rather than into files.
    pub to_stdout: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            width: 40,
            guides: false,
            to_stdout: true,
        }
    }
}

/// What a format wrote: its documents, and anything the user should hear about.
#[derive(Debug, Default)]
pub struct Written {
    /// The documents, in the order they are written.
    pub documents: Vec<Document>,
    /// Warnings and notes about what was left out or does not fit.
    pub messages: Vec<Message>,
}

/// The document for one draft: its file name, its header and `body`.
pub fn document(draft: &Draft, locale: Locale, extension: &str, body: String) -> Document {
    Document {
        file: names::file_name(&draft.step, extension),
        header: Some(header(draft, locale)),
        body,
    }
}

/// The line that introduces a draft when several are printed together,
/// its date as `locale` writes it.
pub fn header(draft: &Draft, locale: Locale) -> String {
    header_escaped(draft, locale, str::to_owned)
}

/// [`header`], with the text from the record (the recipient's name) passed
/// through `escape`, so a format whose output is markup writes the name as
/// text: the `==>` and `<==` around it stay as they are, for finding the
/// line (and for batches, which put the record's name after the `==>`).
pub fn header_escaped(draft: &Draft, locale: Locale, escape: fn(&str) -> String) -> String {
    let step = &draft.step;
    let mut title = step.title();
    if let Some(first) = title.get(..1) {
        title.replace_range(..1, &first.to_uppercase());
    }
    format!(
        "==> {title} to {} ({} on {}) <==",
        escape(&step.to),
        step.kind.verb(),
        english::long_date_in(step.date, locale)
    )
}

/// One document per draft, each `body` of the draft under a header whose
/// record text is passed through `escape`, for the formats that write every
/// draft the same way.
pub fn each_draft(
    input: &Input<'_>,
    extension: &str,
    escape: fn(&str) -> String,
    body: impl Fn(&Draft) -> String,
) -> Written {
    let locale = input.record.locale;
    Written {
        documents: input
            .drafts
            .iter()
            .map(|draft| Document {
                file: names::file_name(&draft.step, extension),
                header: Some(header_escaped(draft, locale, escape)),
                body: body(draft),
            })
            .collect(),
        messages: Vec::new(),
    }
}

/// Splits an email-like draft into its `Subject:` line and its body.
pub fn split_subject(markdown: &str) -> (Option<&str>, &str) {
    match markdown.split_once('\n') {
        Some((first, rest)) if first.starts_with("Subject:") => {
            let subject = first.trim_start_matches("Subject:").trim();
            (Some(subject), rest.trim_start_matches('\n'))
        }
        _ => (None, markdown),
    }
}

/// The drafts that go by email, with a note when cards were left out and a
/// warning for each whose recipient has no address (said once: the record's
/// findings already name an interviewer without one); `build` makes the
/// document from a draft and the address.
pub fn emailed(
    input: &Input<'_>,
    mut build: impl FnMut(&Draft, &str) -> Result<Document>,
) -> Result<Written> {
    let mut written = Written::default();
    if input
        .drafts
        .iter()
        .any(|draft| !draft.step.kind.is_emailed())
    {
        written.messages.push(Message::Note(
            "cards are written by hand, so they are left out; use --format print for a sheet to copy from".into(),
        ));
    }
    for draft in input
        .drafts
        .iter()
        .filter(|draft| draft.step.kind.is_emailed())
    {
        match input.record.email(draft.step.who) {
            Some(address) => written.documents.push(build(draft, address)?),
            // The record's findings already say it of an interviewer, with its line.
            None if matches!(draft.step.who, Who::Interviewer(_)) => {}
            None => written.messages.push(Message::Warning(format!(
                "{} has no email, so the {} to them was skipped; add their work address",
                draft.step.to,
                draft.step.title()
            ))),
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_the_subject_line() {
        assert_eq!(
            split_subject("Subject: Hi there\n\nBody\n"),
            (Some("Hi there"), "Body\n")
        );
        assert_eq!(split_subject("Hi Priya,\n"), (None, "Hi Priya,\n"));
    }
}
