//! What a reader would notice: form letters, empty phrases, template leftovers.

use crate::test::{EXAMPLES, example, fixture, render, with_tone};

const EMPTY_PHRASES: &[&str] = &[
    "just checking in",
    "circling back",
    "touch base",
    "finds you well",
    "reach out",
];

const LEFTOVERS: &[&str] = &[
    "{{", "}}", "{%", "%}", "Dear ,", "Hi ,", "  ", "\n\n\n", " .", " ,", "()", "None", "null",
    "[]", "“”",
];

/// Five interviewers, none with topics: the hardest case for sounding personal.
const FIVE_WITHOUT_TOPICS: &str = "\
candidate:
  name: Jordan Lee
company: Northwind Traders
role: Senior Data Engineer
interview_date: 2026-11-19
interviewers:
  - name: Priya Shah
  - name: Marcus Bell
  - name: Elena Rossi
  - name: Wei Zhang
  - name: Ama Mensah
";

fn all_records() -> Vec<(String, String)> {
    let mut records: Vec<(String, String)> = EXAMPLES
        .iter()
        .map(|name| ((*name).to_owned(), example(name)))
        .collect();
    records.push(("minimal".into(), fixture("minimal.yaml")));
    records.push(("five".into(), FIVE_WITHOUT_TOPICS.into()));
    records
        .into_iter()
        .flat_map(|(name, record)| {
            ["warm", "formal"].map(|tone| (format!("{name} ({tone})"), with_tone(&record, tone)))
        })
        .collect()
}

fn drafts(record: &str, kind: &str, to: &str) -> String {
    render(
        record,
        &[
            "render", "-", "--kind", kind, "--to", to, "--format", "text",
        ],
    )
}

/// Everyone the record says interviewed the candidate, with their topics,
/// for a kind of draft: for cards, only those who get one.
fn interviewers(record: &str, kind: &str) -> Vec<(String, Vec<String>)> {
    let record = thankyou::record::parse("record.yaml", record.as_bytes()).unwrap();
    record
        .interviewed()
        .filter(|(_, person)| kind != "card" || person.card)
        .map(|(_, person)| (person.name.clone(), person.topics.clone()))
        .collect()
}

/// Words of `text`, with each masked phrase replaced by one token.
fn masked_words(text: &str, masks: &[String]) -> Vec<String> {
    let mut text = text.to_owned();
    for mask in masks {
        text = text.replace(mask.as_str(), "MASK");
    }
    text.split_whitespace().map(str::to_lowercase).collect()
}

/// The share of two texts in their longest common subsequence of words,
/// as Python's difflib computes its ratio: 2 * common / (len a + len b).
fn shared_ratio(a: &[String], b: &[String]) -> f64 {
    let mut table = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            table[i][j] = if a[i] == b[j] {
                table[i + 1][j + 1] + 1
            } else {
                table[i + 1][j].max(table[i][j + 1])
            };
        }
    }
    2.0 * table[0][0] as f64 / (a.len() + b.len()) as f64
}

#[test]
fn no_two_notes_read_as_one_form_letter() {
    for (label, record) in all_records() {
        for kind in ["card", "email"] {
            let people = interviewers(&record, kind);
            let texts: Vec<Vec<String>> = people
                .iter()
                .map(|(name, topics)| {
                    let mut masks = topics.clone();
                    masks.push(name.clone());
                    masks.push(name.split_whitespace().next().unwrap().to_owned());
                    masked_words(&drafts(&record, kind, name), &masks)
                })
                .collect();
            for i in 0..texts.len() {
                for j in i + 1..texts.len() {
                    let ratio = shared_ratio(&texts[i], &texts[j]);
                    assert!(
                        ratio < 0.7,
                        "{label}: the {kind}s to {} and {} share {:.0}% of their wording",
                        people[i].0,
                        people[j].0,
                        ratio * 100.0
                    );
                }
            }
        }
    }
}

#[test]
fn no_empty_phrases_or_template_leftovers() {
    for (label, record) in all_records() {
        for format in ["text", "markdown"] {
            let out = render(&record, &["render", "-", "--format", format]);
            let lower = out.to_lowercase();
            for phrase in EMPTY_PHRASES {
                assert!(!lower.contains(phrase), "{label}: `{phrase}` in\n{out}");
            }
            for leftover in LEFTOVERS {
                assert!(!out.contains(leftover), "{label}: `{leftover:?}` in\n{out}");
            }
        }
    }
}

#[test]
fn each_email_mentions_only_its_own_topics_and_answers() {
    let record = example("panel");
    let people = interviewers(&record, "email");
    for (name, _) in &people {
        let email = drafts(&record, "email", name);
        for (other, topics) in &people {
            for topic in topics {
                assert_eq!(
                    email.contains(topic.as_str()),
                    other == name,
                    "{name}'s email and `{topic}`"
                );
            }
        }
        let answered = email.contains("partition the events table");
        assert_eq!(
            answered,
            name == "Priya Shah",
            "{name}'s email and Priya's question"
        );
    }
}

#[test]
fn a_question_without_asked_by_goes_to_the_first_interviewer() {
    let record = example("formal");
    let first = drafts(&record, "email", "Dr. Helen Marsh");
    let second = drafts(&record, "email", "Mr. Owen Pike");
    assert!(first.contains("brief the partners on first?"));
    assert!(!second.contains("brief the partners"));
}

#[test]
fn warm_and_formal_read_differently() {
    let record = example("panel");
    let warm = drafts(&with_tone(&record, "warm"), "email", "Priya Shah");
    let formal = drafts(&with_tone(&record, "formal"), "email", "Priya Shah");
    assert!(warm.contains("Hi Priya,"));
    // Formal with no honorific: the full name, the gender-neutral business form.
    assert!(formal.contains("Dear Priya Shah,"));
    assert!(warm.contains("I’m") || warm.contains("I’d"));
    for contraction in ["I'm", "I'd", "I've", "I’m", "I’d", "I’ve"] {
        assert!(
            !formal.contains(contraction),
            "{contraction} in a formal note"
        );
    }
    // Compare the wording the templates add, not what the record supplies.
    let record_text = [
        "moving the nightly batch jobs to a streaming pipeline and how the team splits on-call between two time zones",
        "How would you partition the events table?",
        "I would partition it by event date, with a daily compaction job, and add region as a secondary key so the finance queries never scan more than one day.",
        "five years running Kafka in production",
        "Senior Data Engineer",
        "Northwind Traders",
        "jordan.lee@example.com",
        "+1 312 555 0142",
        "Jordan Lee",
    ]
    .map(str::to_owned);
    let (warm, formal) = (
        masked_words(&warm, &record_text),
        masked_words(&formal, &record_text),
    );
    let ratio = shared_ratio(&warm, &formal);
    assert!(ratio < 0.6, "warm and formal share {:.0}%", ratio * 100.0);
}

#[test]
fn cards_fit_the_width_and_the_word_budget() {
    for (label, record) in all_records() {
        if interviewers(&record, "card").is_empty() {
            continue; // a phone screen: no cards
        }
        for width in ["30", "40"] {
            let cards = render(
                &record,
                &[
                    "render", "-", "--kind", "card", "--format", "text", "--width", width,
                ],
            );
            for line in cards.lines().filter(|line| !line.starts_with("==>")) {
                assert!(
                    line.chars().count() <= width.parse().unwrap(),
                    "{label}: `{line}`"
                );
            }
        }
        for (name, _) in interviewers(&record, "card") {
            let words = drafts(&record, "card", &name).split_whitespace().count();
            assert!(words <= 70, "{label}: the card to {name} has {words} words");
        }
    }
}
