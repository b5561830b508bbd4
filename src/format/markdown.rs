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
    Ok(each_draft(input, "md", |draft| draft.markdown.clone()))
}

/// The parser options every reader of a draft's Markdown uses.
pub fn parser_options() -> Options {
    Options::ENABLE_STRIKETHROUGH
}
