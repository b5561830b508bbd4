//! Warnings about a record that would make a weak note, printed before the
//! drafts so the user can strengthen the record first.

use crate::english;
use crate::record::Record;

/// Everything in `record` that would make a draft weaker than it could be.
pub fn warnings(record: &Record) -> Vec<String> {
    let mut warnings = Vec::new();
    for (index, person) in record.interviewers.iter().enumerate() {
        if person.topics.is_empty() {
            warnings.push(format!(
                "interviewers[{index}]: {} has no topics, so their notes can only be generic; \
                 add what you talked about under `topics`",
                person.name
            ));
        }
    }
    for (index, question) in record.unanswered_questions.iter().enumerate() {
        if question.answer.is_none() {
            warnings.push(format!(
                "unanswered_questions[{index}]: no answer yet, so the email to {} leaves the question out",
                record
                    .interviewers
                    .get(question.addressee())
                    .map_or("the interviewer", |person| person.name.as_str())
            ));
        }
    }
    if let Some(recruiter) = record
        .recruiter
        .as_ref()
        .filter(|recruiter| recruiter.no_follow_up)
    {
        warnings.push(format!(
            "{} asked candidates not to follow up, so there is no check-in; send the thank-you notes only",
            recruiter.name
        ));
    }
    warnings
}

/// A warning when a card has more words than fit on a note card.
pub fn card_length(to: &str, words: usize, budget: usize) -> Option<String> {
    (words > budget).then(|| {
        format!(
            "the card to {to} has {words} words, more than the {budget} a note card holds; \
             shorten its topics or raise --card-words"
        )
    })
}

/// Counts the words of a draft as the reader sees them.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Drafts of one kind that share more than this share of their wording,
/// once names and topics are masked, read as one form letter.
pub const SAME_WORDING: f64 = 0.85;

/// The warning for two drafts that read almost the same.
pub fn same_wording(kind: &str, first: &str, second: &str) -> String {
    format!(
        "the {kind}s to {} read almost the same; interviewers compare notes, so make one of them more personal",
        english::join_and([first, second])
    )
}

/// How much wording two texts share, from 0 (nothing) to 1 (the same):
/// the Dice coefficient of their word pairs, with each text's own `masked`
/// phrases (names, topics) replaced by one placeholder first.
pub fn similarity(first: &str, first_masked: &[&str], second: &str, second_masked: &[&str]) -> f64 {
    let first = word_pairs(&mask(first, first_masked));
    let second = word_pairs(&mask(second, second_masked));
    if first.is_empty() && second.is_empty() {
        return 1.0;
    }
    let mut remaining = second.clone();
    let mut shared = 0usize;
    for pair in &first {
        if let Some(position) = remaining.iter().position(|other| other == pair) {
            remaining.swap_remove(position);
            shared += 1;
        }
    }
    let total = first.len() + second.len();
    #[allow(clippy::cast_precision_loss)]
    let ratio = (2 * shared) as f64 / total as f64;
    ratio
}

fn mask(text: &str, phrases: &[&str]) -> String {
    let mut masked = text.to_owned();
    let mut phrases: Vec<&str> = phrases
        .iter()
        .copied()
        .filter(|p| !p.trim().is_empty())
        .collect();
    phrases.sort_by_key(|phrase| std::cmp::Reverse(phrase.len()));
    for phrase in phrases {
        masked = masked.replace(phrase, "\u{2022}");
    }
    masked
}

fn word_pairs(text: &str) -> Vec<(String, String)> {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\u{2022}')
                .to_lowercase()
        })
        .filter(|word| !word.is_empty())
        .collect();
    words
        .windows(2)
        .map(|pair| (pair[0].clone(), pair[1].clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_ignores_masked_names() {
        let a = "Hi Priya, thank you for the talk about streaming.";
        let b = "Hi Marcus, thank you for the talk about hiring.";
        assert!(
            (similarity(a, &["Priya", "streaming"], b, &["Marcus", "hiring"]) - 1.0).abs() < 1e-9
        );
        assert!(similarity(a, &[], "Something else entirely here.", &[]) < 0.1);
    }
}
