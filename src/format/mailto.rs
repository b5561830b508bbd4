//! `mailto:` links (RFC 6068) that open each draft in a webmail or desktop
//! mail client.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use super::common::{Format, Input, Written, document, emailed, split_subject};
use super::text;
use crate::error::Result;
use crate::record::Record;
use crate::render::Draft;

/// A mailto: link per email, check-in and closing note.
pub const FORMAT: Format = Format {
    name: "mailto",
    about: "A mailto: link per email, check-in and closing note",
    write,
};

fn write(input: &Input<'_>) -> Result<Written> {
    emailed(input, |draft, address| {
        Ok(document(
            draft,
            input.record.locale,
            "txt",
            link(input.record, draft, address) + "\n",
        ))
    })
}

/// A link that opens the draft, addressed to `address`.
pub fn link(record: &Record, draft: &Draft, address: &str) -> String {
    // RFC 6068: everything outside the unreserved set is percent-encoded.
    const ENCODE: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~');
    let (subject, body) = split_subject(&draft.markdown);
    let body = text::to_text(body).replace('\n', "\r\n");
    let mut link = format!("mailto:{}", utf8_percent_encode(address, ENCODE)).replace("%40", "@");
    link.push_str("?subject=");
    let subject = subject.map_or_else(|| record.role.clone(), text::subject);
    link.extend(utf8_percent_encode(&subject, ENCODE));
    link.push_str("&body=");
    link.extend(utf8_percent_encode(&body, ENCODE));
    link
}
