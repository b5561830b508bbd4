//! Email drafts ready for a mail client: RFC 5322 messages (`.eml`) that
//! open as unsent drafts, and `mailto:` links for webmail.
//!
//! Headers are built by mail-builder, which encodes non-ASCII names and
//! subjects (RFC 2047) and folds long lines. Nothing from the record can add
//! a header: names and addresses are one-line fields, checked when read, and
//! a subject or address with a line break here is refused all the same.

use jiff::civil::Time;
use jiff::tz::TimeZone;
use mail_builder::MessageBuilder;
use mail_builder::headers::raw::Raw;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::error::{Error, Result};
use crate::output::ascii_slug;
use crate::record::Record;
use crate::render::Draft;
use crate::schedule::{Kind, Step};
use crate::text;

/// Whether a draft of this kind is sent by email (cards are written by hand).
pub fn is_emailed(kind: Kind) -> bool {
    kind != Kind::Card
}

/// The work address a step goes to, if the record has one.
pub fn recipient_email<'a>(record: &'a Record, step: &Step) -> Option<&'a str> {
    let interviewer = record
        .interviewers
        .iter()
        .find(|person| person.name == step.to)
        .and_then(|person| person.email.as_deref());
    let recruiter = record
        .recruiter
        .as_ref()
        .filter(|recruiter| recruiter.name == step.to)
        .and_then(|recruiter| recruiter.email.as_deref());
    interviewer.or(recruiter)
}

/// The draft as an RFC 5322 message marked unsent, or `None` when the
/// record has no address for its recipient.
pub fn eml(record: &Record, draft: &Draft) -> Result<Option<String>> {
    let Some(to) = recipient_email(record, &draft.step) else {
        return Ok(None);
    };
    let (subject, body) = text::split_subject(&draft.markdown);
    let subject = subject.unwrap_or(&record.role);
    let to_name = draft.step.to.as_str();
    for (what, value) in [
        ("subject", subject),
        ("recipient", to_name),
        ("address", to),
    ] {
        if value.contains(['\r', '\n']) {
            return Err(Error::Header {
                to: draft.step.to.clone(),
                what,
            });
        }
    }
    let mut message = MessageBuilder::new()
        .to((to_name, to))
        .subject(subject)
        .date(send_time(draft))
        .message_id(message_id(record, &draft.step))
        .header("X-Unsent", Raw::new("1"))
        .text_body(text::to_text(body))
        .html_body(html_document(subject, &text::to_html(body)));
    if let Some(from) = record.candidate.email.as_deref() {
        message = message.from((record.candidate.name.as_str(), from));
    }
    message
        .write_to_string()
        .map(Some)
        .map_err(|source| Error::Io {
            path: std::path::PathBuf::from(format!("<{} email>", draft.step.to)),
            reason: source,
        })
}

/// A `mailto:` link that opens the draft in a webmail or desktop client, or
/// `None` when the record has no address for its recipient.
pub fn mailto(record: &Record, draft: &Draft) -> Option<String> {
    // RFC 6068: everything outside the unreserved set is percent-encoded.
    const ENCODE: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~');
    let to = recipient_email(record, &draft.step)?;
    let (subject, body) = text::split_subject(&draft.markdown);
    let body = text::to_text(body).replace('\n', "\r\n");
    let mut link = format!("mailto:{}", utf8_percent_encode(to, ENCODE)).replace("%40", "@");
    link.push_str("?subject=");
    link.extend(utf8_percent_encode(subject.unwrap_or(&record.role), ENCODE));
    link.push_str("&body=");
    link.extend(utf8_percent_encode(&body, ENCODE));
    Some(link)
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

/// A stable Message-ID, so writing the drafts again gives the same files.
fn message_id(record: &Record, step: &Step) -> String {
    let what = match step.step {
        Some(number) => format!("{}-{number}", step.kind.name()),
        None => step.kind.name().to_owned(),
    };
    format!(
        "{what}.{}.{}.{}@thankyou.invalid",
        ascii_slug(&step.to),
        record.interview_date,
        ascii_slug(&record.company)
    )
}

/// The HTML part: the draft's HTML in a minimal document.
fn html_document(subject: &str, body: &str) -> String {
    let title = escape_html(subject);
    format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title></head>\n<body>\n{body}</body></html>\n"
    )
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
