//! What in the drafts themselves would make a weak note: a card with more
//! words than a card holds, and notes of one kind that read as one form
//! letter once names and topics are set aside.

use std::collections::{HashMap, HashSet};

use super::alike::similar_pairs;
use super::finding::Finding;
use super::wording::{Wording, mask};
use crate::record::{Kind, MAX_INTERVIEWERS, Record, Who};
use crate::render::Draft;
use crate::{english, prose};

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

/// How many drafts there are of each kind (and step).
fn count_kinds(drafts: &[Draft]) -> HashMap<(Kind, Option<u8>), usize> {
    let mut kinds = HashMap::new();
    for draft in drafts {
        *kinds.entry((draft.step.kind, draft.step.step)).or_default() += 1;
    }
    kinds
}

/// Whether no kind (and step) has more than `most` drafts in `drafts`.
pub fn at_most_of_a_kind(drafts: &[Draft], most: usize) -> bool {
    count_kinds(drafts).values().all(|&count| count <= most)
}

/// What makes a draft personal: its recipient's name, first name and
/// surname, and what the candidate talked about with them.
fn masks(record: &Record, draft: &Draft) -> Vec<String> {
    let mut masks = vec![draft.step.to.clone(), english::first_name(&draft.step.to)];
    if let Some(person) = record.person(draft.step.who) {
        masks.push(person.surname.clone());
        for topic in &person.topics {
            // As the record writes it, and as the drafts print it.
            masks.push(topic.clone());
            masks.push(prose::notes(topic));
        }
    }
    masks
}

/// The byte range of a draft's body in `text`: after its subject and
/// greeting, before its sign-off.
fn body(text: &str) -> std::ops::Range<usize> {
    let mut paragraphs = text
        .split("\n\n")
        .filter(|paragraph| !paragraph.trim().is_empty() && !paragraph.starts_with("Subject:"))
        .map(|paragraph| paragraph.as_ptr() as usize - text.as_ptr() as usize);
    let start = paragraphs.nth(1).unwrap_or(0);
    let end = text.trim_end().rfind("\n\n").unwrap_or(0);
    start..end.max(start)
}

/// The sentence of a draft's body, as the reader sees it, whose masked
/// wording hashes to `hash`: for quoting the one two drafts share.
fn sentence_with_hash<'a>(markdown: &'a str, masks: &[&str], hash: u64) -> Option<&'a str> {
    let body = &markdown[body(markdown)];
    let mut start = 0;
    for (index, c) in body.char_indices() {
        let next = body[index + c.len_utf8()..].chars().next();
        if matches!(c, '.' | '!' | '?') && next.is_none_or(char::is_whitespace) {
            let sentence = body[start..=index].trim();
            let masked = mask(sentence, masks);
            if Wording::with_sentences(&masked, 0..masked.len()).sentences() == [hash] {
                return Some(sentence);
            }
            start = index + 1;
        }
    }
    None
}

/// A finding for each pair of drafts of one kind that a panel comparing
/// notes would take for one form letter: a sentence of their body the same
/// once names and topics are masked, or most of their wording.
pub fn form_letters(record: &Record, drafts: &[Draft]) -> Vec<Finding> {
    // Only drafts with a sibling of the same kind can read alike; each is
    // masked once, for both comparisons.
    let kinds = count_kinds(drafts);
    let wordings: Vec<Option<Wording>> = drafts
        .iter()
        .map(|draft| {
            if kinds[&(draft.step.kind, draft.step.step)] < 2 {
                return None;
            }
            let masks = masks(record, draft);
            let masks: Vec<&str> = masks.iter().map(String::as_str).collect();
            let masked = mask(&draft.markdown, &masks);
            Some(Wording::with_sentences(&masked, body(&masked)))
        })
        .collect();
    let mut reported = HashSet::new();
    let mut findings = shared_sentences(record, drafts, &wordings, &mut reported);
    findings.extend(read_alike(drafts, &wordings, &reported));
    findings
}

/// A finding for each pair of drafts of one kind that share a sentence of
/// their body once names and topics are masked; the pairs go in `reported`.
fn shared_sentences(
    record: &Record,
    drafts: &[Draft],
    wordings: &[Option<Wording>],
    reported: &mut HashSet<(usize, usize)>,
) -> Vec<Finding> {
    let mut seen: HashMap<(Kind, Option<u8>, u64), usize> = HashMap::new();
    let mut findings = Vec::new();
    for (index, (draft, wording)) in drafts.iter().zip(wordings).enumerate() {
        let Some(wording) = wording else { continue };
        for &hash in wording.sentences() {
            let key = (draft.step.kind, draft.step.step, hash);
            let earlier = *seen.entry(key).or_insert(index);
            if earlier != index && reported.insert((earlier, index)) {
                // Quote the sentence as the reader sees it, names and all.
                let masks = masks(record, draft);
                let masks: Vec<&str> = masks.iter().map(String::as_str).collect();
                let original = sentence_with_hash(&draft.markdown, &masks, hash).unwrap_or("");
                findings.push(Finding {
                    line: None,
                    message: format!(
                        "the {}s to {} share the sentence \u{201C}{original}\u{201D}; interviewers compare notes, so reword it in one of them",
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
/// masked, in the order of the drafts. Each draft is compared with at most
/// as many others of its kind as a record may list interviewers, those
/// sharing its rarest wording: every pair, for any record `check` accepts.
fn read_alike(
    drafts: &[Draft],
    wordings: &[Option<Wording>],
    reported: &HashSet<(usize, usize)>,
) -> Vec<Finding> {
    let mut groups: HashMap<(Kind, Option<u8>), Vec<usize>> = HashMap::new();
    for (index, (draft, wording)) in drafts.iter().zip(wordings).enumerate() {
        if wording.is_some() {
            groups
                .entry((draft.step.kind, draft.step.step))
                .or_default()
                .push(index);
        }
    }
    let mut pairs: Vec<(usize, usize)> = groups
        .values()
        .flat_map(|group| {
            let group_wordings: Vec<&Wording> = group
                .iter()
                .filter_map(|&index| wordings[index].as_ref())
                .collect();
            similar_pairs(&group_wordings, SAME_WORDING, MAX_INTERVIEWERS)
                .into_iter()
                .map(|(one, other)| (group[one], group[other]))
        })
        .filter(|pair| !reported.contains(pair))
        .collect();
    pairs.sort_unstable();
    pairs
        .into_iter()
        .map(|(one, other)| {
            let (first, second) = (&drafts[one], &drafts[other]);
            Finding {
                line: None,
                message: format!(
                    "the {}s to {} read almost the same; interviewers compare notes, so make one of them more personal",
                    first.step.kind.label(),
                    english::join_and([first.step.to.as_str(), second.step.to.as_str()])
                ),
            }
        })
        .collect()
}
