//! Plain text: no markup, a letter's line breaks kept, and cards wrapped in
//! short lines to copy by hand. One pass over pulldown-cmark's events.

use std::fmt::Write as _;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::common::{Format, Input, Written, each_draft};
use super::markdown::parser_options;
use crate::record::Kind;

/// Plain text: no markup, cards wrapped in short lines for copying by hand.
pub const FORMAT: Format = Format {
    name: "text",
    about: "Plain text: no markup, cards wrapped in short lines for copying by hand",
    write,
};

#[allow(clippy::unnecessary_wraps)] // every format has the one signature
fn write(input: &Input<'_>) -> crate::error::Result<Written> {
    let width = input.options.width;
    Ok(each_draft(
        input,
        "txt",
        str::to_owned,
        |draft| match draft.step.kind {
            Kind::Card => wrap(&to_text(&draft.markdown), width),
            _ => to_text(&draft.markdown),
        },
    ))
}

/// Converts a Markdown draft to plain text, paragraphs separated by one blank line.
pub fn to_text(markdown: &str) -> String {
    let mut writer = TextWriter::default();
    for event in Parser::new_ext(markdown, parser_options()) {
        writer.event(event);
    }
    writer.finish()
}

/// A draft's `Subject:` line as plain text, for a mail header or a
/// `mailto:` link: the line is Markdown, whose escapes (`R&D \\[Platform\\]`)
/// are read as Markdown reads them (`R&D [Platform]`), exactly the text the
/// record holds. Every format that writes a subject takes it from here.
pub fn subject(markdown: &str) -> String {
    to_text(markdown)
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
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
        for piece in textwrap::wrap(&bound(line, width), &options) {
            out.push_str(&piece.trim_end().replace(NO_BREAK, " "));
            out.push('\n');
        }
    }
    out
}

/// The space `wrap` never breaks at, put between a word and the next where
/// a line must not end, and turned back into a space once wrapped.
const NO_BREAK: char = '\u{a0}';

/// Abbreviations that belong to the word after them: "St. Brigid's",
/// "Dr. Marsh", "No. 4".
const ABBREVIATIONS: &[&str] = &[
    "St.", "Dr.", "Mr.", "Mrs.", "Ms.", "Mx.", "Prof.", "Rev.", "Mt.", "Ft.", "No.", "Nos.",
];

/// `line` with each number or abbreviation joined to the word after it by
/// [`NO_BREAK`], so a card never ends a line on "4" with "West's" below it
/// or on "St." with "Brigid's" below; a join that would make a run longer
/// than `width` is left a plain space, so no word is ever cut.
fn bound(line: &str, width: usize) -> String {
    let words: Vec<&str> = line.split(' ').collect();
    let mut out = String::with_capacity(line.len());
    let mut run = 0;
    for (index, word) in words.iter().enumerate() {
        out.push_str(word);
        run += word.chars().count();
        let Some(next) = words.get(index + 1) else {
            break;
        };
        let joined = run + 1 + next.chars().count();
        if binds_to_next(word) && !next.is_empty() && joined <= width {
            out.push(NO_BREAK);
            run += 1;
        } else {
            out.push(' ');
            run = 0;
        }
    }
    out
}

/// Whether `word` must stay on the line of the word after it: a number
/// ("4", "1,200") or one of the [`ABBREVIATIONS`].
fn binds_to_next(word: &str) -> bool {
    let word = word.trim_start_matches(['(', '"', '\u{201c}', '\u{2018}']);
    let number = word.starts_with(|c: char| c.is_ascii_digit())
        && word.ends_with(|c: char| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
    number || ABBREVIATIONS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::escape::tests::escaped;

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
    fn keeps_a_number_or_an_abbreviation_with_the_word_after_it() {
        for (text, width, wrapped) in [
            (
                "I loved the tour of Pier 4 West's kitchen.\n",
                26,
                "I loved the tour of Pier\n4 West's kitchen.\n",
            ),
            (
                "We talked about the St. Brigid's fundraiser.\n",
                23,
                "We talked about\nthe St. Brigid's\nfundraiser.\n",
            ),
            ("Thanks, Dr. Marsh.\n", 20, "Thanks, Dr. Marsh.\n"),
            (
                "a b c d e f g 12 Longwordhere\n",
                20,
                "a b c d e f g\n12 Longwordhere\n",
            ),
            ("In 2019. Then more\n", 20, "In 2019. Then more\n"),
        ] {
            assert_eq!(wrap(text, width), wrapped, "{text}");
        }
    }

    #[test]
    fn a_join_longer_than_the_line_is_not_kept() {
        assert_eq!(bound("St. Brigid's", 8), "St. Brigid's");
        assert_eq!(bound("St. Brigid's", 12), "St.\u{a0}Brigid's");
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
