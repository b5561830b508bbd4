//! What in the drafts themselves would make a weak note: a card with more
//! words than a card holds, and notes of one kind that read as one form
//! letter once names and topics are set aside.

use super::finding::Finding;
use super::wording::Wording;
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

/// A finding for each pair of drafts of one kind (and step) that read
/// almost the same once their names and topics are masked.
pub fn read_alike(record: &Record, drafts: &[Draft]) -> Vec<Finding> {
    let alike = |one: &Draft, other: &Draft| {
        one.step.kind == other.step.kind && one.step.step == other.step.step
    };
    // Only drafts with a sibling of the same kind can read alike.
    let wordings: Vec<Option<Wording>> = drafts
        .iter()
        .map(|draft| {
            if drafts.iter().filter(|other| alike(draft, other)).count() < 2 {
                return None;
            }
            let to = draft.step.to.as_str();
            let first_name = english::first_name(to);
            let mut masks = vec![to, first_name.as_str()];
            if let Some(person) = record.interviewer(draft.step.who) {
                masks.extend(person.topics.iter().map(String::as_str));
            }
            Some(Wording::new(&draft.markdown, &masks))
        })
        .collect();
    let mut findings = Vec::new();
    for (index, first) in drafts.iter().enumerate() {
        for (offset, second) in drafts[index + 1..].iter().enumerate() {
            let (Some(one), Some(other)) = (&wordings[index], &wordings[index + 1 + offset]) else {
                continue;
            };
            if alike(first, second) && one.similarity(other) > SAME_WORDING {
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
