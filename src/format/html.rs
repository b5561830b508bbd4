//! HTML: the body of each draft, with a letter's line breaks kept and
//! anything that looks like markup shown as text.

use pulldown_cmark::{Event, Parser};

use super::common::{Format, Input, Written, each_draft, split_subject};
use super::markdown::parser_options;

/// The HTML body of each draft.
pub const FORMAT: Format = Format {
    name: "html",
    about: "The HTML body of each draft",
    write,
};

#[allow(clippy::unnecessary_wraps)] // every format has the one signature
fn write(input: &Input<'_>) -> crate::error::Result<Written> {
    Ok(each_draft(input, "html", escape, |draft| {
        to_html(split_subject(&draft.markdown).1)
    }))
}

/// Converts a Markdown draft to an HTML fragment. A line break in the draft
/// stays a line break (`<br />`), and raw HTML is shown as text: a draft is
/// a letter, and nothing in it should run as markup.
pub fn to_html(markdown: &str) -> String {
    let events = Parser::new_ext(markdown, parser_options()).map(|event| match event {
        Event::SoftBreak => Event::HardBreak,
        Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
        other => other,
    });
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// `text` escaped to stand as text in HTML (not in an attribute): `&`,
/// `<` and `>`, as pulldown-cmark escapes the text of a draft.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Writing to a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html_body_text(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::escape::tests::escaped;

    #[test]
    fn html_keeps_line_breaks_and_shows_markup_as_text() {
        assert_eq!(
            to_html("Best,\nJordan\n\n<script>x</script>\n"),
            "<p>Best,<br />\nJordan</p>\n&lt;script&gt;x&lt;/script&gt;\n"
        );
        assert_eq!(
            to_html(&escaped("a <b>tag</b> & *stars*")),
            "<p>a &lt;b&gt;tag&lt;/b&gt; &amp; *stars*</p>\n"
        );
    }
}
