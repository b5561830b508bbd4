//! What in the drafts themselves would make a weak note: a card with more
//! words than a card holds, and notes of one kind that read as one form
//! letter once names and topics are set aside.

use std::collections::HashMap;

use super::finding::Finding;
use super::wording::{Wording, mask};
use crate::english;
use crate::record::{Kind, Record, Who};
use crate::render::Draft;

/// Drafts of one kind that share more than this share of their wording,
/// once names and topics are masked, read as one form letter.
pub const SAME_WORDING: f64 = 0.85;

/// A finding for each card with more than `budget` words.
pub fn card_lengths(record: &Record, drafts: &[Draft], budget: usize) -> Vec<Finding> {
    drafts
        .iter()
        .filter(|draft| draft.step.kind == Kind::Card)
        .filter_map(|card| {
            // A card's Markdown has no markup but escapes: its words are the card's.
            let words = card.markdown.split_whitespace().count();
            let Who::Interviewer(index) = card.step.who else {
                return None;
            };
            let person = record.interviewers.get(index)?;
            let line = record.lines.interviewers.get(index).map_or(0, |lines| lines.name);
            (words > budget).then(|| {
                Finding::at(
                    line,
                    format!(
                        "the card to {} has {words} words, more than the {budget} a note card holds; shorten its topics or raise --card-words",
                        person.name
                    ),
                )
            })
        })
        .collect()
}

/// Whether two drafts are of one kind (and step), so their readers may
/// compare them.
fn alike(one: &Draft, other: &Draft) -> bool {
    one.step.kind == other.step.kind && one.step.step == other.step.step
}

/// What makes a draft personal: its recipient's name and first name, and
/// what the candidate talked about with them.
fn masks<'a>(record: &'a Record, draft: &'a Draft, first_name: &'a str) -> Vec<&'a str> {
    let mut masks = vec![draft.step.to.as_str(), first_name];
    if let Some(person) = record.interviewer(draft.step.who) {
        masks.extend(person.topics.iter().map(String::as_str));
    }
    masks
}

/// The sentences of a draft's body: not its subject, greeting or sign-off.
fn body_sentences(markdown: &str) -> Vec<&str> {
    let paragraphs: Vec<&str> = markdown
        .split("\n\n")
        .map(str::trim)
        .filter(|paragraph| !paragraph.is_empty() && !paragraph.starts_with("Subject:"))
        .collect();
    let body = match paragraphs.as_slice() {
        [_, body @ .., _] => body,
        _ => &[],
    };
    let mut sentences = Vec::new();
    for paragraph in body {
        let mut start = 0;
        let bytes = paragraph.as_bytes();
        for (index, c) in paragraph.char_indices() {
            let ends = matches!(c, '.' | '!' | '?')
                && bytes.get(index + 1).is_none_or(u8::is_ascii_whitespace);
            if ends {
                sentences.push(paragraph[start..=index].trim());
                start = index + 1;
            }
        }
        if start < paragraph.len() {
            sentences.push(paragraph[start..].trim());
        }
    }
    sentences
}

/// A finding for each pair of drafts of one kind that a panel comparing
/// notes would take for one form letter: a sentence of their body the same
/// once names and topics are masked, or most of their wording.
pub fn form_letters(record: &Record, drafts: &[Draft]) -> Vec<Finding> {
    let mut reported = Vec::new();
    let mut findings = shared_sentences(record, drafts, &mut reported);
    findings.extend(read_alike(record, drafts, &reported));
    findings
}

/// A finding for each pair of drafts of one kind that share a sentence of
/// their body once names and topics are masked; the pairs go in `reported`.
fn shared_sentences(
    record: &Record,
    drafts: &[Draft],
    reported: &mut Vec<(usize, usize)>,
) -> Vec<Finding> {
    let mut seen: HashMap<(Kind, Option<u8>, String), usize> = HashMap::new();
    let mut findings = Vec::new();
    for (index, draft) in drafts.iter().enumerate() {
        let first_name = english::first_name(&draft.step.to);
        let masks = masks(record, draft, &first_name);
        for sentence in body_sentences(&draft.markdown) {
            if sentence.split_whitespace().count() < 4 {
                continue;
            }
            let key = mask(sentence, &masks).to_lowercase();
            let earlier = *seen
                .entry((draft.step.kind, draft.step.step, key))
                .or_insert(index);
            if earlier != index && !reported.contains(&(earlier, index)) {
                reported.push((earlier, index));
                findings.push(Finding {
                    line: None,
                    message: format!(
                        "the {}s to {} share the sentence \u{201C}{sentence}\u{201D}; interviewers compare notes, so reword it in one of them",
                        draft.step.kind.label(),
                        english::join_and([drafts[earlier].step.to.as_str(), draft.step.to.as_str()])
                    ),
                });
            }
        }
    }
    findings
}

/// A finding for each pair of drafts of one kind (and step), not already
/// `reported`, that read almost the same once their names and topics are
/// masked.
fn read_alike(record: &Record, drafts: &[Draft], reported: &[(usize, usize)]) -> Vec<Finding> {
    // Only drafts with a sibling of the same kind can read alike.
    let wordings: Vec<Option<Wording>> = drafts
        .iter()
        .map(|draft| {
            if drafts.iter().filter(|other| alike(draft, other)).count() < 2 {
                return None;
            }
            let first_name = english::first_name(&draft.step.to);
            Some(Wording::new(
                &draft.markdown,
                &masks(record, draft, &first_name),
            ))
        })
        .collect();
    let mut findings = Vec::new();
    for (index, first) in drafts.iter().enumerate() {
        for (offset, second) in drafts[index + 1..].iter().enumerate() {
            let (Some(one), Some(other)) = (&wordings[index], &wordings[index + 1 + offset]) else {
                continue;
            };
            let pair = (index, index + 1 + offset);
            if alike(first, second)
                && !reported.contains(&pair)
                && one.similarity(other) > SAME_WORDING
            {
                findings.push(Finding {
                    line: None,
                    message: format!(
                        "the {}s to {} read almost the same; interviewers compare notes, so make one of them more personal",
                        first.step.kind.label(),
                        english::join_and([first.step.to.as_str(), second.step.to.as_str()])
                    ),
                });
            }
        }
    }
    findings
}
