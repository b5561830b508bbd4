//! What in a record would make a weak note: a missing topic or address,
//! a shared topic, an unanswered question, an unlikely date.

use std::collections::HashMap;

use jiff::ToSpan;

use super::finding::Finding;
use crate::record::Record;
use crate::today::Today;

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
/// judged on `today`.
pub fn findings(record: &Record, today: &Today) -> Vec<Finding> {
    let mut findings = Vec::new();
    let lines = &record.lines;
    if today.is_before(record.interview_date) {
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
    let mut first_with_topic: HashMap<String, usize> = HashMap::new();
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
            // Each topic is keyed once; the first person to list it owns it.
            let first = *first_with_topic.entry(topic_key(topic)).or_insert(index);
            if first < index {
                findings.push(Finding::at(
                    at.topics.get(topic_index).copied().unwrap_or(at.name),
                    format!(
                        "{} and {} share the topic \"{topic}\", so their notes will look alike; give each something of their own",
                        record.interviewers[first].name, person.name
                    ),
                ));
            }
        }
    }
    for (index, question) in record.unanswered_questions.iter().enumerate() {
        if question.answer.is_none() {
            let to = record
                .addressee(question)
                .map_or("the interviewer", |who| record.name(who));
            findings.push(Finding::at(
                lines.questions.get(index).copied().unwrap_or(0),
                format!("this question has no answer yet, so the email to {to} leaves it out; add `answer:`"),
            ));
        }
    }
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
mod tests {
    use super::*;

    fn same_topic(a: &str, b: &str) -> bool {
        topic_key(a) == topic_key(b)
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
