//! What in the candidate's own words would not read well in a note: an
//! answer written as a note to self, a person with whom you discussed
//! only pay or perks, a strength no sentence can take.

use super::finding::Finding;
use crate::prose::{self, Shape};
use crate::record::Record;

/// Words that mark a topic as being about the package, not the work.
const PERKS: &[&str] = &[
    "pay",
    "salary",
    "salaries",
    "compensation",
    "bonus",
    "bonuses",
    "equity",
    "stock",
    "options",
    "benefits",
    "perks",
    "pension",
    "401k",
    "vacation",
    "holiday",
    "holidays",
    "pto",
    "leave",
    "hybrid",
    "remote",
    "home",
    "wfh",
    "parking",
    "relocation",
    "commute",
    "hours",
    "schedule",
];

/// Findings about how the record's words will read in the drafts.
pub fn findings(record: &Record) -> Vec<Finding> {
    let mut findings = Vec::new();
    let lines = &record.lines;
    for (index, question) in record.unanswered_questions.iter().enumerate() {
        let Some(answer) = &question.answer else {
            continue;
        };
        if reads_as_a_note(answer) {
            findings.push(Finding::at(
                lines.questions.get(index).copied().unwrap_or(0),
                format!(
                    "the answer `{answer}` reads as a note to yourself; the email quotes it after a colon, but it reads better as the sentence you would say"
                ),
            ));
        }
    }
    for (index, person) in record.interviewers.iter().enumerate() {
        if !person.topics.is_empty() && person.topics.iter().all(|topic| is_a_perk(topic)) {
            let at = lines.interviewers.get(index).map_or(0, |lines| lines.name);
            findings.push(Finding::at(
                at,
                format!(
                    "the only thing you list with {} is about pay or perks; a thank-you note should recall the work you talked about, so add a topic about the role",
                    person.name
                ),
            ));
        }
    }
    for (index, strength) in record.strengths.iter().enumerate() {
        if prose::shape(strength) == Shape::Sentence {
            findings.push(Finding::at(
                lines.strengths.get(index).copied().unwrap_or(0),
                format!(
                    "the strength `{strength}` is a sentence, which no note can fit into; write it as a phrase that follows \"I'd bring\", such as \"five years running Kafka in production\""
                ),
            ));
        }
    }
    findings
}

/// Verbs that make a line of notes a sentence.
const VERBS: &[&str] = &[
    "is", "are", "was", "were", "would", "will", "can", "could", "should", "have", "has", "had",
    "do", "does", "did", "start", "use", "build", "check", "ask", "begin", "think", "want",
];

/// Whether an answer is a fragment or a note rather than a sentence: very
/// short, opening with a lowercase word no sentence starts with, or without
/// a verb a sentence would have.
fn reads_as_a_note(answer: &str) -> bool {
    let words: Vec<String> = answer
        .split_whitespace()
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                .to_lowercase()
        })
        .collect();
    let first_word = answer.split_whitespace().next().unwrap_or_default();
    let lowercase_start = first_word.chars().next().is_some_and(char::is_lowercase)
        && !words
            .first()
            .is_some_and(|word| prose::SENTENCE_STARTS.contains(&word.as_str()));
    // A subject of its own, a verb from the list, or a past tense.
    let has_verb = words.iter().any(|word| {
        VERBS.contains(&word.as_str())
            || matches!(word.as_str(), "i" | "we" | "they" | "he" | "she")
            || word.ends_with("'d")
            || word.ends_with("'ll")
            || (word.len() > 4 && word.ends_with("ed"))
    });
    words.len() < 3 || lowercase_start || !has_verb
}

/// Whether a topic is only about the package: every word that carries
/// meaning is a perk word.
fn is_a_perk(topic: &str) -> bool {
    const FILLER: &[&str] = &[
        "the", "and", "for", "our", "your", "working", "work", "from", "policy", "days", "time",
        "package",
    ];
    let is = |list: &[&str], word: &str| list.iter().any(|item| item.eq_ignore_ascii_case(word));
    let mut words = topic
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.len() > 2 && !is(FILLER, word))
        .peekable();
    words.peek().is_some() && words.all(|word| is(PERKS, word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_told_from_sentences() {
        assert!(reads_as_a_note("statsmodels for the logistic fits"));
        assert!(reads_as_a_note("By date."));
        assert!(reads_as_a_note("by event date, then by region"));
        assert!(reads_as_a_note(
            "A CAREER proposal on solid electrolytes, building on my results"
        ));
        assert!(!reads_as_a_note("I would partition by event date."));
        assert!(!reads_as_a_note("We would shard by tenant"));
        assert!(!reads_as_a_note(
            "The density lab ran long because I skipped the dry run; now I time every lab."
        ));
    }

    #[test]
    fn perks_are_told_from_work() {
        assert!(is_a_perk("hybrid working"));
        assert!(is_a_perk("the salary and benefits"));
        assert!(is_a_perk("PTO policy"));
        assert!(!is_a_perk("the on-call rotation and its hours"));
        assert!(!is_a_perk("moving batch jobs to streaming"));
    }
}
