//! A print sheet for the cards: one card per page, each page the size of a
//! folded note card (A2, 5.5 × 4.25 in, in the US and Canada; A6, 148 ×
//! 105 mm, elsewhere), landscape, the text large and well spaced for
//! copying by hand. Both sizes hold the same lines.
//!
//! The text is set in a monospaced font, already broken into lines here, so
//! how much fits on a page is measured, not guessed: a line is at most
//! [`COLUMNS`] characters, and a page holds [`LINES`] lines.

use std::fmt::Write as _;

use super::common::{Format, Input, Written};
use super::html::escape;
use super::text;
use crate::english;
use crate::error::{Error, Result};
use crate::output::Document;
use crate::record::{Kind, Record};
use crate::render::Draft;
use crate::report::Message;

/// `cards.html`: the cards, one per printed page, to copy by hand.
pub const FORMAT: Format = Format {
    name: "print",
    about: "`cards.html`: the cards, one per printed page, to copy by hand",
    write,
};

fn write(input: &Input<'_>) -> Result<Written> {
    let cards: Vec<&Draft> = input
        .drafts
        .iter()
        .filter(|draft| draft.step.kind == Kind::Card)
        .collect();
    if cards.is_empty() {
        return Err(Error::Request(
            "--format print lays out cards; select some with --kind card".into(),
        ));
    }
    let (sheet, warnings) = sheet(input.record, &cards, input.options.guides);
    Ok(Written {
        documents: vec![Document {
            file: "cards.html".into(),
            header: None,
            body: sheet,
        }],
        messages: warnings.into_iter().map(Message::Warning).collect(),
    })
}

/// Characters per line: the text block (4.7 in) over the width of a
/// monospaced character at 12 pt (at most 0.61 em).
pub const COLUMNS: usize = 46;

/// Lines per page: the text block under the header (3.35 in on A2, 3.28 in
/// on A6) over the line height (12 pt × 1.5).
pub const LINES: usize = 13;

/// The sheet, and a warning for each card that needs more lines than a page holds.
fn sheet(record: &Record, cards: &[&Draft], guides: bool) -> (String, Vec<String>) {
    let mut warnings = Vec::new();
    let mut pages = String::new();
    for card in cards {
        let lines = text::wrap(&text::to_text(&card.markdown), COLUMNS);
        let count = lines.lines().count();
        if count > LINES {
            warnings.push(format!(
                "the card to {} needs {count} lines, more than the {LINES} that fit on a printed card; shorten it",
                card.step.to
            ));
        }
        let mut to = escape(&card.step.to);
        let person = record.interviewer(card.step.who);
        if let Some(title) = person.and_then(|person| person.title.as_deref()) {
            let _ = write!(to, ", {}", escape(title));
        }
        let _ = write!(
            pages,
            "<section class=\"card\">\n<header><span>To {to}</span><span>Mail on {}</span></header>\n<pre>{}</pre>\n</section>\n",
            english::long_date_in(card.step.date, record.locale),
            escape(lines.trim_end())
        );
    }
    let title = escape(&format!("Cards: {} at {}", record.role, record.company));
    let class = if guides { " class=\"guides\"" } else { "" };
    let lang = record.locale.name();
    let paper = paper(record);
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>\n{paper}{STYLE}</style>\n</head>\n<body{class}>\n{pages}</body>\n</html>\n"
    );
    (html, warnings)
}

/// The page and card size where the candidate lives: A2 note cards in
/// North America, A6 elsewhere.
fn paper(record: &Record) -> &'static str {
    if record.locale.north_american() {
        "\
@page { size: 5.5in 4.25in; margin: 0; }
.card { width: 5.5in; height: 4.25in; padding: 0.3in 0.4in; }
"
    } else {
        "\
@page { size: 148mm 105mm; margin: 0; }
.card { width: 148mm; height: 105mm; padding: 0.25in 0.4in; }
"
    }
}

const STYLE: &str = "\
html, body { margin: 0; padding: 0; }
.card {
  box-sizing: border-box; overflow: hidden;
  break-after: page; page-break-after: always;
}
.card:last-child { break-after: auto; page-break-after: auto; }
header {
  display: flex; justify-content: space-between;
  height: 0.3in; box-sizing: border-box; margin-bottom: 0.05in;
  font: 9pt/1.2 sans-serif; color: #555; border-bottom: 0.5pt solid #999;
}
pre {
  margin: 0; white-space: pre;
  font-family: \"DejaVu Sans Mono\", \"Liberation Mono\", \"Courier New\", monospace;
  font-size: 12pt; line-height: 18pt;
}
.guides pre {
  background-image: linear-gradient(to bottom, transparent 17pt, #ccd 17pt, #ccd 18pt);
  background-size: 100% 18pt;
}
";
