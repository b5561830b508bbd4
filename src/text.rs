//! Markdown in, plain text or HTML out: passes over pulldown-cmark's events.
//!
//! Drafts are written as Markdown; the text format drops emphasis, keeps
//! list items as lines and links as `text (url)`, and both formats keep the
//! line breaks of a letter (a signature block stays one line per line).

use std::fmt::Write as _;
use std::io::{self, Write};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The parser options every reader of a draft's Markdown uses.
pub fn parser_options() -> Options {
    Options::ENABLE_STRIKETHROUGH
}

/// Converts a Markdown draft to plain text, paragraphs separated by one blank line.
pub fn to_text(markdown: &str) -> String {
    let mut writer = TextWriter::default();
    for event in Parser::new_ext(markdown, parser_options()) {
        writer.event(event);
    }
    writer.finish()
}

#[derive(Default)]
struct TextWriter {
    out: String,
    lists: Vec<Option<u64>>,
    links: Vec<String>,
    link_text_start: Vec<usize>,
}

impl TextWriter {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                self.out.push_str(&text);
            }
            Event::SoftBreak | Event::HardBreak => self.out.push('\n'),
            Event::Rule => {
                self.block_break();
                self.out.push_str("---");
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph | Tag::Heading { .. } | Tag::BlockQuote(_) | Tag::CodeBlock(_)
                if self.lists.is_empty() =>
            {
                self.block_break();
            }
            Tag::List(first) => {
                if self.lists.is_empty() {
                    self.block_break();
                }
                self.lists.push(first);
            }
            Tag::Item => self.start_item(),
            Tag::Link { dest_url, .. } => {
                self.links.push(dest_url.into_string());
                self.link_text_start.push(self.out.len());
            }
            _ => {}
        }
    }

    fn start_item(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
        let depth = self.lists.len().saturating_sub(1);
        self.out.push_str(&"  ".repeat(depth));
        match self.lists.last_mut() {
            Some(Some(number)) => {
                let _ = write!(self.out, "{number}. ");
                *number += 1;
            }
            _ => self.out.push_str("- "),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::List(_) => {
                self.lists.pop();
            }
            TagEnd::Link => {
                let url = self.links.pop().unwrap_or_default();
                let start = self.link_text_start.pop().unwrap_or(self.out.len());
                let text = self.out.get(start..).unwrap_or_default();
                let bare = url.strip_prefix("mailto:").unwrap_or(&url);
                if !url.is_empty() && text != bare {
                    let _ = write!(self.out, " ({url})");
                }
            }
            _ => {}
        }
    }

    fn block_break(&mut self) {
        let trimmed = self.out.trim_end_matches('\n').len();
        self.out.truncate(trimmed);
        if !self.out.is_empty() {
            self.out.push_str("\n\n");
        }
    }

    fn finish(mut self) -> String {
        let trimmed = self.out.trim_end().len();
        self.out.truncate(trimmed);
        self.out.push('\n');
        self.out
    }
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

/// Wraps every line of `text` to `width` columns, for copying by hand.
pub fn wrap(text: &str, width: usize) -> String {
    // Break only at spaces: a hand-copied "on-call" split across two lines
    // reads as two words.
    let options = textwrap::Options::new(width.max(1))
        .break_words(true)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    let mut out = String::with_capacity(text.len() + text.len() / width.max(1));
    for line in text.lines() {
        if line.is_empty() {
            out.push('\n');
            continue;
        }
        for piece in textwrap::wrap(line, &options) {
            out.push_str(piece.trim_end());
            out.push('\n');
        }
    }
    out
}

/// Escapes text from the record so Markdown shows it exactly as typed.
///
/// Used as Tera's escape function for `.md` templates: a topic holding `*`,
/// `<b>` or `[x](y)` must come out as those characters, never as markup.
pub fn escape_markdown(input: &str, output: &mut dyn Write) -> io::Result<()> {
    let may_need_escape = input.bytes().any(|b| {
        matches!(
            b,
            b'\\'
                | b'`'
                | b'*'
                | b'['
                | b']'
                | b'~'
                | b'<'
                | b'&'
                | b'_'
                | b'>'
                | b'#'
                | b'-'
                | b'+'
                | b'='
                | b'.'
                | b')'
                | b'!'
        )
    });
    if !may_need_escape {
        return output.write_all(input.as_bytes());
    }
    let chars: Vec<char> = input.chars().collect();
    let mut escaped = String::with_capacity(input.len() + 8);
    let mut digits_so_far = true;
    for (index, &c) in chars.iter().enumerate() {
        let at_start = index == 0;
        let needs_escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '~' => true,
            '<' => chars
                .get(index + 1)
                .is_some_and(|next| next.is_ascii_alphabetic() || matches!(next, '/' | '!' | '?')),
            '&' => starts_entity(&chars[index + 1..]),
            '_' => {
                let before = index.checked_sub(1).and_then(|i| chars.get(i));
                let after = chars.get(index + 1);
                !(before.is_some_and(|c| c.is_alphanumeric())
                    && after.is_some_and(|c| c.is_alphanumeric()))
            }
            '>' => at_start,
            '#' | '-' | '+' | '=' if at_start => starts_block(&chars),
            '.' | ')' => digits_so_far && index > 0,
            '!' => chars.get(index + 1) == Some(&'['),
            _ => false,
        };
        digits_so_far &= c.is_ascii_digit();
        if needs_escape {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    output.write_all(escaped.as_bytes())
}

/// Whether text opening with a `#`, `-`, `+` or `=` would start a heading, a
/// list item or a rule: the run of that character ends the text or is
/// followed by a space.
fn starts_block(chars: &[char]) -> bool {
    let Some(&first) = chars.first() else {
        return false;
    };
    let rest = chars
        .iter()
        .skip_while(|&&c| c == first)
        .collect::<Vec<_>>();
    match rest.first() {
        None => true,
        Some(next) => next.is_whitespace() && first != '=',
    }
}

/// Whether the characters after an `&` would make it an entity such as `&amp;`.
fn starts_entity(rest: &[char]) -> bool {
    let name_len = rest
        .iter()
        .take(32)
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name_len > 0 && rest.get(name_len) == Some(&';')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(input: &str) -> String {
        let mut out = Vec::new();
        escape_markdown(input, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn record_text_survives_markdown() {
        for input in [
            "*bold* and _under_",
            "<b>tags</b> & &amp;",
            "[link](http://x)",
            "snake_case_name",
            "# not a heading",
            "- not a list",
            "1. not a list",
            "a \\ backslash and `code`",
            "![image](x.png)",
            "~~strike~~ | pipe",
            "R&D, 3 < 4 > 2",
            "> not a quote",
            "+31 20 555 0199",
            "+ not a list",
            "## not a heading",
            "---",
            "===",
        ] {
            assert_eq!(to_text(&escaped(input)), format!("{input}\n"), "{input}");
        }
    }

    #[test]
    fn harmless_text_is_left_alone() {
        for text in [
            "jordan_lee@example.com",
            "+31 20 555 0199",
            "-5 degrees",
            "#hashtag",
            "R&D",
            "a < b",
        ] {
            assert_eq!(escaped(text), text);
        }
    }

    #[test]
    fn converts_markdown_to_text() {
        let cases = [
            (
                "Hi *Priya*,\n\nThanks **again**.\n",
                "Hi Priya,\n\nThanks again.\n",
            ),
            ("Best,\nJordan\n", "Best,\nJordan\n"),
            ("- one\n- two\n\nAfter\n", "- one\n- two\n\nAfter\n"),
            ("1. one\n2. two\n", "1. one\n2. two\n"),
            (
                "See [the post](https://x.example).\n",
                "See the post (https://x.example).\n",
            ),
            ("<https://x.example>\n", "https://x.example\n"),
            ("# Title\n\nBody\n", "Title\n\nBody\n"),
        ];
        for (markdown, text) in cases {
            assert_eq!(to_text(markdown), text, "{markdown}");
        }
    }

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

    #[test]
    fn splits_the_subject_line() {
        assert_eq!(
            split_subject("Subject: Hi there\n\nBody\n"),
            (Some("Hi there"), "Body\n")
        );
        assert_eq!(split_subject("Hi Priya,\n"), (None, "Hi Priya,\n"));
    }

    #[test]
    fn wraps_each_line() {
        assert_eq!(
            wrap(
                "Thank you for meeting with me on Thursday.\n\nBest,\nJordan\n",
                20
            ),
            "Thank you for\nmeeting with me on\nThursday.\n\nBest,\nJordan\n"
        );
    }
}
