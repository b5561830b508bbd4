//! Markdown, as the templates write it: the default format, and how every
//! reader of a draft's Markdown parses it.

use pulldown_cmark::Options;

use super::common::{Format, Input, Written, each_draft};

/// Markdown, as the templates write it.
pub const FORMAT: Format = Format {
    name: "markdown",
    about: "Markdown, as the templates write it",
    write,
};

#[allow(clippy::unnecessary_wraps)] // every format has the one signature
fn write(input: &Input<'_>) -> crate::error::Result<Written> {
    Ok(each_draft(input, "md", escape, |draft| {
        draft.markdown.clone()
    }))
}

/// `text` from the record escaped to stand as text in Markdown, as the
/// templates escape it.
pub fn escape(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len() + 8);
    // Writing to a Vec cannot fail, and the escape adds only ASCII
    // backslashes to UTF-8 text.
    let _ = crate::render::escape::markdown(text, &mut out);
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

/// The parser options every reader of a draft's Markdown uses.
pub fn parser_options() -> Options {
    Options::ENABLE_STRIKETHROUGH
}
