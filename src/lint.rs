//! Warnings about a record that would make a weak note, found before
//! anything is sent: `check` lists them, `render` prints them first.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::english;
use crate::record::Record;

/// One weakness, and the line of the record it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The 1-based line in the record, when there is one to point at.
    pub line: Option<usize>,
    /// What is weak and what to do about it.
    pub message: String,
}

impl Finding {
    fn at(line: usize, message: String) -> Self {
        Finding {
            line: (line > 0).then_some(line),
            message,
        }
    }
}

/// A decision date further than this after the interview is probably a typo.
const FAR_DECISION_WEEKS: i32 = 8;

/// Mail services for private addresses; the advice is to write to a work address.
const PERSONAL_DOMAINS: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "yahoo.com",
    "ymail.com",
    "hotmail.com",
    "outlook.com",
    "live.com",
    "msn.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "aol.com",
    "proton.me",
    "protonmail.com",
    "gmx.com",
    "gmx.de",
    "gmx.net",
    "mail.com",
    "yandex.com",
    "yandex.ru",
    "qq.com",
    "163.com",
    "web.de",
];

/// Everything in `record` that would make a draft weaker than it could be,
/// judged on `today`, in the order it appears in the file.
pub fn findings(record: &Record, today: Date) -> Vec<Finding> {
    let mut findings = Vec::new();
    let lines = &record.lines;
    if record.interview_date > today {
        findings.push(Finding::at(
            lines.interview_date,
            format!(
                "the interview date, {}, is in the future; check the year",
                record.interview_date
            ),
        ));
    }
    if let (Some(decision), Some(line)) = (
        record
            .recruiter
            .as_ref()
            .and_then(|recruiter| recruiter.decision_date),
        lines.decision_date,
    ) {
        let far = record
            .interview_date
            .checked_add(FAR_DECISION_WEEKS.weeks())
            .unwrap_or(record.interview_date);
        if decision > far {
            findings.push(Finding::at(
                line,
                format!(
                    "the decision date, {decision}, is more than {FAR_DECISION_WEEKS} weeks after the interview, so the first check-in waits until then; check the date"
                ),
            ));
        }
    }
    for (index, person) in record.interviewers.iter().enumerate() {
        let at = lines.interviewers.get(index).cloned().unwrap_or_default();
        if person.topics.is_empty() {
            findings.push(Finding::at(
                at.name,
                format!(
                    "{} has no topics, so their notes can only be generic; add what you talked about under `topics`",
                    person.name
                ),
            ));
        }
        match &person.email {
            None => findings.push(Finding::at(
                at.name,
                format!("{} has no email, so their thank-you email cannot be sent; add their work address", person.name),
            )),
            Some(email) if is_personal(email) => findings.push(Finding::at(
                at.email.unwrap_or(at.name),
                format!("{email} looks like a personal address; write to {}'s work address instead", person.name),
            )),
            Some(_) => {}
        }
        for (topic_index, topic) in person.topics.iter().enumerate() {
            let key = topic_key(topic);
            let earlier = record.interviewers[..index].iter().find(|other| {
                other
                    .topics
                    .iter()
                    .any(|other_topic| topic_key(other_topic) == key)
            });
            if let Some(other) = earlier {
                findings.push(Finding::at(
                    at.topics.get(topic_index).copied().unwrap_or(at.name),
                    format!(
                        "{} and {} share the topic \"{topic}\", so their notes will look alike; give each something of their own",
                        other.name, person.name
                    ),
                ));
            }
        }
    }
    for (index, question) in record.unanswered_questions.iter().enumerate() {
        if question.answer.is_none() {
            let to = record
                .interviewers
                .get(question.addressee())
                .map_or("the interviewer", |person| person.name.as_str());
            findings.push(Finding::at(
                lines.questions.get(index).copied().unwrap_or(0),
                format!("this question has no answer yet, so the email to {to} leaves it out; add `answer:`"),
            ));
        }
    }
    findings.sort_by_key(|finding| finding.line);
    findings
}

fn is_personal(email: &str) -> bool {
    email
        .rsplit_once('@')
        .is_some_and(|(_, domain)| PERSONAL_DOMAINS.contains(&domain.to_ascii_lowercase().as_str()))
}

/// A topic as compared with others: lowercase, single-spaced.
fn topic_key(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
fn same_topic(a: &str, b: &str) -> bool {
    topic_key(a) == topic_key(b)
}

/// A finding when the card to the interviewer at `index` has more words than fit.
pub fn card_length(record: &Record, index: usize, words: usize, budget: usize) -> Option<Finding> {
    let person = record.interviewers.get(index)?;
    let line = record
        .lines
        .interviewers
        .get(index)
        .map_or(0, |lines| lines.name);
    (words > budget).then(|| {
        Finding::at(
            line,
            format!(
                "the card to {} has {words} words, more than the {budget} a note card holds; shorten its topics or raise --card-words",
                person.name
            ),
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

/// The wording of a draft, as the sorted hashes of each pair of
/// neighbouring words, after the draft's own names and topics are masked:
/// what two drafts share, once what makes each personal is set aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wording {
    pairs: Vec<u64>,
}

impl Wording {
    /// The wording of `text`, with each of `masked` (names, topics) replaced
    /// by one placeholder.
    pub fn new(text: &str, masked: &[&str]) -> Self {
        let words: Vec<u64> = mask(text, masked)
            .split_whitespace()
            .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\u{2022}'))
            .filter(|word| !word.is_empty())
            .map(word_hash)
            .collect();
        let mut pairs: Vec<u64> = words
            .windows(2)
            .map(|pair| pair[0].rotate_left(17) ^ pair[1])
            .collect();
        pairs.sort_unstable();
        Wording { pairs }
    }

    /// How much wording two drafts share, from 0 (nothing) to 1 (the same):
    /// the Dice coefficient of their word pairs.
    pub fn similarity(&self, other: &Wording) -> f64 {
        let total = self.pairs.len() + other.pairs.len();
        if total == 0 {
            return 1.0;
        }
        let (mut mine, mut theirs) = (self.pairs.iter().peekable(), other.pairs.iter().peekable());
        let mut shared = 0usize;
        while let (Some(a), Some(b)) = (mine.peek(), theirs.peek()) {
            match a.cmp(b) {
                std::cmp::Ordering::Less => {
                    mine.next();
                }
                std::cmp::Ordering::Greater => {
                    theirs.next();
                }
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    mine.next();
                    theirs.next();
                }
            }
        }
        #[allow(clippy::cast_precision_loss)]
        let ratio = (2 * shared) as f64 / total as f64;
        ratio
    }
}

/// A case-insensitive hash of a word (FNV-1a over its lowercase letters).
fn word_hash(word: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut add = |c: char| {
        hash ^= u64::from(u32::from(c));
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    };
    if word.is_ascii() {
        word.bytes()
            .for_each(|b| add(char::from(b.to_ascii_lowercase())));
    } else {
        word.chars().flat_map(char::to_lowercase).for_each(add);
    }
    hash
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
        if masked.contains(phrase) {
            masked = masked.replace(phrase, "\u{2022}");
        }
    }
    masked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_ignores_masked_names() {
        let a = "Hi Priya, thank you for the talk about streaming.";
        let b = "Hi Marcus, thank you for the talk about hiring.";
        let (a, b) = (
            Wording::new(a, &["Priya", "streaming"]),
            Wording::new(b, &["Marcus", "hiring"]),
        );
        assert!((a.similarity(&b) - 1.0).abs() < 1e-9);
        let other = Wording::new("Something else entirely here.", &[]);
        assert!(a.similarity(&other) < 0.1);
        let half = Wording::new("Hi Priya, thank you for the call about hiring.", &["Priya"]);
        assert!((0.3..0.8).contains(&a.similarity(&half)));
    }

    #[test]
    fn personal_domains() {
        assert!(is_personal("priya@Gmail.com"));
        assert!(!is_personal("priya@northwind.example"));
        assert!(!is_personal("priya@mygmail.com"));
    }

    #[test]
    fn topics_match_ignoring_case_and_spacing() {
        assert!(same_topic("Kafka  in production", "kafka in production"));
        assert!(!same_topic("Kafka", "Kafka Connect"));
    }
}
