//! Email drafts ready for a mail client: RFC 5322 messages (`.eml`) that
//! open as unsent drafts.
//!
//! Headers are built by mail-builder, which encodes non-ASCII names and
//! subjects (RFC 2047) and folds long lines. Nothing from the record can add
//! a header: names and addresses are one-line fields, checked when read, and
//! a subject or address with a line break here is refused all the same.

use jiff::civil::Time;
use jiff::tz::TimeZone;
use mail_builder::MessageBuilder;
use mail_builder::headers::raw::Raw;

use super::common::{Format, Input, Written, document, emailed, split_subject};
use super::{html, text};
use crate::error::{Error, Result};
use crate::output::names::{ascii_slug, person_id};
use crate::record::Record;
use crate::render::Draft;

/// One RFC 5322 message per email, check-in and closing note, marked unsent.
pub const FORMAT: Format = Format {
    name: "eml",
    about: "One RFC 5322 message per email, check-in and closing note, marked unsent",
    write,
};

fn write(input: &Input<'_>) -> Result<Written> {
    let messages = input
        .drafts
        .iter()
        .filter(|draft| draft.step.kind.is_emailed())
        .count();
    if input.options.to_stdout && messages > 1 {
        return Err(Error::Request(
            "--format eml writes one file per message; add --out-dir DIR, or pick one draft with --kind and --to".into(),
        ));
    }
    emailed(input, |draft, address| {
        Ok(document(
            draft,
            input.record.locale,
            "eml",
            message(input.record, draft, address)?,
        ))
    })
}

/// The draft as an RFC 5322 message to `address`, marked unsent.
pub fn message(record: &Record, draft: &Draft, address: &str) -> Result<String> {
    let (subject, body) = split_subject(&draft.markdown);
    let subject = subject.map_or_else(|| record.role.clone(), text::subject);
    let subject = subject.as_str();
    let to_name = draft.step.to.as_str();
    for (what, value) in [
        ("subject", subject),
        ("recipient", to_name),
        ("address", address),
    ] {
        if value.contains(['\r', '\n']) {
            return Err(Error::Header {
                to: draft.step.to.clone(),
                what,
            });
        }
    }
    let mut message = MessageBuilder::new()
        .to((to_name, address))
        .subject(subject)
        .date(send_time(draft))
        .message_id(message_id(record, draft))
        .header("X-Unsent", Raw::new("1"))
        .text_body(text::to_text(body))
        .html_body(html_document(subject, &html::to_html(body)));
    if let Some(from) = record.candidate.email.as_deref() {
        message = message.from((record.candidate.name.as_str(), from));
    }
    message.write_to_string().map_err(|reason| Error::Mail {
        to: draft.step.to.clone(),
        reason,
    })
}

/// Nine in the morning, UTC, on the day the draft is to be sent.
fn send_time(draft: &Draft) -> i64 {
    draft
        .step
        .date
        .to_datetime(Time::constant(9, 0, 0, 0))
        .to_zoned_datetime(TimeZone::UTC)
        .map_or(0, |zoned| zoned.timestamp().as_second())
}

/// A stable Message-ID, so writing the drafts again gives the same files;
/// one of its own for each person, however alike their names, and short
/// (the slugs are bounded) however long the names are.
fn message_id(record: &Record, draft: &Draft) -> String {
    format!(
        "{}.{}.{}.{}@thankyou.invalid",
        draft.step.id(),
        person_id(&draft.step.to),
        record.interview_date,
        ascii_slug(&record.company)
    )
}

/// The HTML part: the draft's HTML in a minimal document.
fn html_document(subject: &str, body: &str) -> String {
    let title = html::escape(subject);
    format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title></head>\n<body>\n{body}</body></html>\n"
    )
}
