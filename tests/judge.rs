//! An independent judge of the prose: every example, every fixture and a
//! few hundred generated records (names, topics, answers and strengths in
//! every shape the templates must handle, panels of 1 to 10), rendered and
//! read with rules of its own, not the library's lint; and a grammar
//! checker, harper, as a second judge.

use std::collections::HashMap;

use proptest::prelude::*;
use thankyou::format::text::to_text;
use thankyou::record::{self, Medium, Record};
use thankyou::render::{Draft, Renderer};
use thankyou::{lint, plan};

use crate::test::{EXAMPLES, example, fixture, with_tone};

/// A draft as its reader sees it, split into what the judge reads.
struct Read {
    kind: String,
    to: String,
    /// The sentences between the greeting and the sign-off.
    sentences: Vec<String>,
    /// The body as one text.
    body: String,
}

fn read(draft: &Draft) -> Read {
    let text = to_text(&draft.markdown);
    let paragraphs: Vec<&str> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|paragraph| !paragraph.is_empty() && !paragraph.starts_with("Subject:"))
        .collect();
    let body: Vec<&str> = match paragraphs.as_slice() {
        [_, body @ .., _] => body.to_vec(),
        _ => Vec::new(),
    };
    let body = body.join("\n\n").replace('\n', " ");
    let mut sentences = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = body.chars().collect();
    for (index, c) in chars.iter().enumerate() {
        current.push(*c);
        let closes = matches!(c, '.' | '!' | '?')
            && chars.get(index + 1).is_none_or(|next| next.is_whitespace());
        if closes {
            sentences.push(current.trim().to_owned());
            current.clear();
        }
    }
    if !current.trim().is_empty() {
        sentences.push(current.trim().to_owned());
    }
    Read {
        kind: format!("{:?}{:?}", draft.step.kind, draft.step.step),
        to: draft.step.to.clone(),
        sentences,
        body,
    }
}

/// What makes a draft personal, to set aside before comparing drafts.
fn masks(record: &Record, to: &str) -> Vec<String> {
    let mut masks = vec![to.to_owned()];
    masks.extend(to.split_whitespace().map(str::to_owned));
    for person in &record.interviewers {
        if person.name == to {
            for topic in &person.topics {
                masks.push(topic.clone());
                masks.push(thankyou::prose::notes(topic));
            }
        }
    }
    masks.sort_by_key(|mask| std::cmp::Reverse(mask.len()));
    masks
}

fn masked(text: &str, masks: &[String]) -> String {
    let mut text = text.to_owned();
    for mask in masks {
        if !mask.trim().is_empty() {
            text = text.replace(mask.as_str(), "MASK");
        }
    }
    text.to_lowercase()
}

/// Python difflib's ratio over words: 2 * common / (len a + len b).
fn shared_ratio(a: &str, b: &str) -> f64 {
    let a: Vec<&str> = a.split_whitespace().collect();
    let b: Vec<&str> = b.split_whitespace().collect();
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
    2.0 * table[0][0] as f64 / (a.len() + b.len()).max(1) as f64
}

/// Phrases that rank one panellist above the others, who compare notes.
const RANKING: &[&str] = &[
    "highlight of my",
    "most rewarding",
    "favorite conversation",
    "favourite conversation",
    "best part of",
    "stood out most",
    "the most memorable",
];

/// Words a sentence may well start with more than once in a note.
const COMMON_STARTS: &[&str] = &[
    "i", "i’d", "i’m", "i’ve", "i’ll", "the", "a", "it", "my", "your", "you", "thank", "thanks",
    "this", "our", "we", "if", "one", "since", "please",
];

/// Everything the judge finds wrong with the drafts of `record`.
fn faults(record: &Record, drafts: &[Draft]) -> Vec<String> {
    let mut faults = Vec::new();
    let reads: Vec<Read> = drafts.iter().map(read).collect();
    let one_person = record.interviewers.len() == 1;
    // Every answer goes in a thank-you email; a follow-up never offers one again.
    let answered: Vec<&str> = record
        .unanswered_questions
        .iter()
        .filter(|question| question.answer.is_some())
        .map(|question| question.question.trim_end_matches(['?', '.']))
        .collect();
    for (draft, read) in drafts.iter().zip(&reads) {
        let label = format!("{} to {}", read.kind, read.to);
        let text = to_text(&draft.markdown);
        let body = &read.body;
        let by_call = match record.person(draft.step.who) {
            Some(person) if !draft.step.kind.is_follow_up() => person.medium != Medium::InPerson,
            _ => record
                .interviewed()
                .any(|(_, person)| person.medium != Medium::InPerson),
        };
        if by_call && speaks_of_meeting(body) {
            faults.push(format!("{label}: speaks of meeting after a call: {body}"));
        }
        if draft.step.kind.is_follow_up() {
            for question in &answered {
                if body.to_lowercase().contains(&question.to_lowercase()) {
                    faults.push(format!("{label}: offers the answer to “{question}” again"));
                }
            }
        }
        let checks: [(&str, bool); 7] = [
            (
                "a phrase that ranks the reader above the panel",
                RANKING
                    .iter()
                    .any(|phrase| body.to_lowercase().contains(phrase)),
            ),
            (
                "a Markdown sign-off that a renderer would run into one line",
                soft_breaks_in_sign_off(&draft.markdown),
            ),
            (
                "a sentence that starts in lowercase",
                has_lowercase_start(body),
            ),
            ("doubled punctuation", has_doubled_punctuation(body)),
            (
                "a spaced ampersand between lowercase words",
                has_spaced_ampersand(body),
            ),
            ("a straight double quote", text.contains('"')),
            (
                "a plural pronoun for one person",
                one_person
                    && [
                        "met them",
                        "Meeting them",
                        "with them",
                        "them made",
                        "They were",
                    ]
                    .iter()
                    .any(|phrase| body.contains(phrase)),
            ),
        ];
        for (what, found) in checks {
            if found {
                faults.push(format!("{label}: {what}: {body}"));
            }
        }
        let mut starts: HashMap<String, usize> = HashMap::new();
        for sentence in &read.sentences {
            let first = sentence
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '’')
                .to_lowercase();
            if !COMMON_STARTS.contains(&first.as_str()) {
                *starts.entry(first).or_default() += 1;
            }
        }
        if let Some(word) = echoed_word(&read.sentences, &masks(record, &read.to), record) {
            faults.push(format!(
                "{label}: “{word}” in two sentences in a row: {body}"
            ));
        }
        if let Some((word, _)) = starts.iter().find(|(_, count)| **count > 1) {
            faults.push(format!(
                "{label}: two sentences start with “{word}”: {body}"
            ));
        }
        for (what, name) in [
            ("the role", record.role.as_str()),
            ("the company", record.company.as_str()),
        ] {
            if body.matches(name).count() > 2 {
                faults.push(format!("{label}: {what} named more than twice: {body}"));
            }
        }
        if body.matches(" role").count() + body.matches(" position").count() > 3 {
            faults.push(format!("{label}: “role” over and over: {body}"));
        }
    }
    let panel = record.interviewers.len();
    // `render` and `check` leave the form-letter check out for the built-in
    // templates up to this panel size, as it can find nothing there.
    if panel <= lint::VARIED_PANEL {
        for finding in lint::form_letters(record, drafts) {
            faults.push(format!("form letter: {}", finding.message));
        }
    }
    for (i, first) in reads.iter().enumerate() {
        for second in &reads[i + 1..] {
            if first.kind != second.kind || first.to == second.to {
                continue;
            }
            let (one, other) = (masks(record, &first.to), masks(record, &second.to));
            let ratio = shared_ratio(&masked(&first.body, &one), &masked(&second.body, &other));
            if ratio > 0.70 {
                faults.push(format!(
                    "{} to {} and {}: {ratio:.2} of the wording shared",
                    first.kind, first.to, second.to
                ));
            }
            if panel <= 8 {
                for sentence in &first.sentences {
                    let key = masked(sentence, &one);
                    let shared = second
                        .sentences
                        .iter()
                        .any(|theirs| masked(theirs, &other) == key);
                    if shared && sentence.split_whitespace().count() > 3 {
                        faults.push(format!(
                            "{} to {} and {} share “{sentence}”",
                            first.kind, first.to, second.to
                        ));
                    }
                }
            }
        }
    }
    faults
}

/// Words too plain to notice when they come twice in a row.
const PLAIN_WORDS: &[&str] = &[
    "about",
    "after",
    "again",
    "their",
    "there",
    "these",
    "those",
    "which",
    "would",
    "could",
    "should",
    "while",
    "where",
    "other",
    "first",
    "since",
    "thank",
    "thanks",
    "really",
    "question",
    "questions",
    "answer",
    "answers",
    "interview",
    "think",
    "thinking",
    "asked",
    "fuller",
    "better",
    "clearer",
];

/// A word of five letters or more that the template put in two
/// neighbouring sentences (not a name, topic or other text of the record).
fn echoed_word(sentences: &[String], masks: &[String], record: &Record) -> Option<String> {
    let supplied = record_values(record).join(" ").to_lowercase();
    let words = |sentence: &String| -> Vec<String> {
        masked(sentence, masks)
            .split(|c: char| !c.is_alphanumeric() && c != '’')
            .filter(|word| word.chars().count() >= 5 && !PLAIN_WORDS.contains(word))
            .filter(|word| !supplied.contains(*word))
            .map(str::to_owned)
            .collect()
    };
    sentences.windows(2).find_map(|pair| {
        let first = words(&pair[0]);
        words(&pair[1])
            .into_iter()
            .find(|word| first.contains(word))
    })
}

/// Whether a line of the Markdown sign-off block (the sign-off, the name,
/// the contact lines) but the last ends without a hard break (`\`).
fn soft_breaks_in_sign_off(markdown: &str) -> bool {
    let block = markdown
        .trim_end()
        .rsplit("\n\n")
        .next()
        .unwrap_or_default();
    let lines: Vec<&str> = block.lines().collect();
    lines.len() > 1
        && lines[..lines.len() - 1]
            .iter()
            .any(|line| !line.ends_with('\\'))
}

/// A sentence ending and a lowercase word after it. A quoted question may
/// sit inside a sentence (“How would you shard it?” was…), a quoted
/// statement may not end one and go on.
fn has_lowercase_start(body: &str) -> bool {
    let chars: Vec<char> = body.chars().collect();
    chars
        .windows(3)
        .any(|w| matches!(w[0], '.' | '!' | '?') && w[1] == ' ' && w[2].is_lowercase())
        || chars
            .windows(4)
            .any(|w| w[0] == '.' && w[1] == '”' && w[2] == ' ' && w[3].is_lowercase())
}

fn has_doubled_punctuation(body: &str) -> bool {
    let chars: Vec<char> = body.chars().collect();
    chars
        .windows(2)
        .any(|w| matches!(w[0], '.' | '?' | '!') && matches!(w[1], '.' | ','))
        || chars.windows(3).any(|w| {
            matches!(w[0], '.' | '?' | '!')
                && matches!(w[1], '”' | '"')
                && matches!(w[2], '.' | ',')
        })
}

fn has_spaced_ampersand(body: &str) -> bool {
    let chars: Vec<char> = body.chars().collect();
    chars.windows(5).any(|w| {
        w[0].is_lowercase() && w[1] == ' ' && w[2] == '&' && w[3] == ' ' && w[4].is_lowercase()
    })
}

fn drafts_of(text: &str) -> (Record, Vec<Draft>) {
    let record = record::parse("judged.yaml", text.as_bytes()).unwrap();
    let renderer = Renderer::new().unwrap();
    let drafts = renderer.drafts(&record, plan::steps(&record, 3)).unwrap();
    (record, drafts)
}

/// Every bundled record in both tones.
fn bundled() -> Vec<(String, String)> {
    let mut records: Vec<(String, String)> = EXAMPLES
        .iter()
        .map(|name| ((*name).to_owned(), example(name)))
        .collect();
    for name in ["minimal.yaml", "weak.yaml"] {
        records.push((name.to_owned(), fixture(name)));
    }
    records
        .into_iter()
        .flat_map(|(name, text)| {
            ["warm", "formal"].map(|tone| (format!("{name} ({tone})"), with_tone(&text, tone)))
        })
        .collect()
}

#[test]
fn the_bundled_records_pass_the_judge() {
    for (name, text) in bundled() {
        let (record, drafts) = drafts_of(&text);
        let faults = faults(&record, &drafts);
        assert!(faults.is_empty(), "{name}:\n{}", faults.join("\n"));
    }
}

const FIRST: &[&str] = &[
    "Priya", "Marcus", "Elena", "Wei", "Ama", "Tom", "Zoë", "José", "Ruth", "Sam", "Noor", "Kai",
];
const LAST: &[&str] = &[
    "Shah", "Bell", "Rossi", "Zhang", "Mensah", "Brennan", "Müller", "Núñez", "Ito", "Park",
    "Haddad", "Okafor",
];
/// Topics in the shapes people write them: gerunds, noun phrases, with
/// their own "and", an ampersand, quotes, lowercase names of tools.
const TOPICS: &[&str] = &[
    "moving the nightly batch jobs to a streaming pipeline",
    "the schema registry you built",
    "the float pool pilot and how it cut agency spend",
    "R&D budgets & hiring plans",
    "the \"two pizza\" rule for teams",
    "kubectl and the deploy scripts",
    "how the team splits on-call between two time zones",
    "getting finance to trust the revenue dashboards",
    "onboarding",
    "the patient intake redesign, and what went wrong",
];
const ANSWERS: &[&str] = &[
    "by event date, then by region",
    "statsmodels for the logistic fits",
    "I would start with the logs & the metrics, then ask the team.",
    "We would shard by tenant",
    "honestly, I'd pair with the owner first.",
];
const QUESTIONS: &[&str] = &[
    "How would you partition the events table?",
    "tell me about a time a release was late.",
    "which metric would you watch first",
    "What's your approach to \"quick wins\"?",
];
const STRENGTHS: &[&str] = &[
    "five years running Kafka in production",
    "leading a warehouse migration",
    "low-power firmware for medical wearables",
    "a track record of shipping on time",
    "fluency in Dutch, German & English",
];

fn generated() -> impl Strategy<Value = String> {
    (
        1usize..=10,
        proptest::collection::vec((0..FIRST.len(), 0..LAST.len(), proptest::collection::vec(0..TOPICS.len(), 0..=3)), 10),
        proptest::collection::vec((0..QUESTIONS.len(), 0..ANSWERS.len(), 0..10usize), 0..=3),
        proptest::collection::vec(0..STRENGTHS.len(), 0..=3),
        any::<bool>(),
        any::<bool>(),
        0..3usize,
        0..3usize,
        any::<bool>(),
    )
        .prop_map(|(panel, people, questions, strengths, formal, recruiter, medium, screen, honorifics)| {
            let mut yaml = String::from(
                "candidate:\n  name: Jordan Lee\ncompany: Northwind Traders Inc.\nrole: Senior Data Engineer\ninterview_date: 2026-11-19\n",
            );
            yaml.push_str(["", "medium: video\n", "medium: phone\n"][medium]);
            // A screen: the recruiter interviewed you, alone (0 people
            // listed) or with the panel.
            let panel = if screen == 1 { 0 } else { panel };
            if recruiter || screen > 0 {
                yaml.push_str("recruiter:\n  name: Sam Ortiz\n");
                if screen > 0 {
                    yaml.push_str("  topics: [\"how the team splits on-call (0)\"]\n");
                }
            }
            if panel > 0 {
                yaml.push_str("interviewers:\n");
            }
            let mut names = Vec::new();
            let (first, last) = (people[0].0, people[0].1);
            for (index, (_, _, topics)) in people.iter().take(panel).enumerate() {
                // Names unique within the record: a first name each.
                let name = format!(
                    "{} {}",
                    FIRST[(first + index) % FIRST.len()],
                    LAST[(last + index) % LAST.len()]
                );
                yaml.push_str(&format!("  - name: \"{name}\"\n"));
                if honorifics && index % 2 == 0 {
                    yaml.push_str(["    honorific: Dr.\n", "    honorific: Professor\n"][index / 2 % 2]);
                }
                yaml.push_str("    topics:\n");
                let mut seen = Vec::new();
                for topic in topics {
                    // Two people never share a topic: that is a warning of its own.
                    let topic = format!("{} ({})", TOPICS[*topic], index + 1);
                    if !seen.contains(&topic) {
                        yaml.push_str(&format!("      - {}\n", serde_json::to_string(&topic).unwrap()));
                        seen.push(topic);
                    }
                }
                if seen.is_empty() {
                    yaml.truncate(yaml.len() - "    topics:\n".len());
                }
                names.push(name);
            }
            let mut asked = Vec::new();
            let questions: Vec<_> = questions
                .into_iter()
                .filter(|(question, _, _)| {
                    let new = !asked.contains(question);
                    asked.push(*question);
                    new
                })
                .collect();
            if !questions.is_empty() {
                yaml.push_str("unanswered_questions:\n");
                for (question, answer, by) in &questions {
                    yaml.push_str(&format!("  - question: {}\n    answer: {}\n", serde_json::to_string(QUESTIONS[*question]).unwrap(), serde_json::to_string(ANSWERS[*answer]).unwrap()));
                    if let Some(name) = names.get(*by) {
                        yaml.push_str(&format!("    asked_by: \"{name}\"\n"));
                    }
                }
            }
            if !strengths.is_empty() {
                yaml.push_str("strengths:\n");
                for strength in &strengths {
                    yaml.push_str(&format!("  - {}\n", serde_json::to_string(STRENGTHS[*strength]).unwrap()));
                }
            }
            if formal {
                yaml.push_str("tone: formal\n");
            }
            yaml
        })
}

fn config() -> ProptestConfig {
    crate::test::proptest_config(300)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn generated_records_pass_the_judge(text in generated()) {
        let (record, drafts) = drafts_of(&text);
        let faults = faults(&record, &drafts);
        prop_assert!(faults.is_empty(), "{}\n{}", faults.join("\n"), text);
    }
}

/// Whether `text` speaks of meeting, in any form.
fn speaks_of_meeting(text: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic()).any(|word| {
        matches!(
            word.to_lowercase().as_str(),
            "meet" | "meets" | "met" | "meeting" | "meetings"
        )
    })
}

/// The texts a record supplies, as they may appear in a draft.
fn record_values(record: &Record) -> Vec<String> {
    let mut values = vec![
        record.company.clone(),
        record.role.clone(),
        record.candidate.name.clone(),
    ];
    if let Some(recruiter) = &record.recruiter {
        values.push(recruiter.person.name.clone());
        values.extend(recruiter.person.topics.iter().cloned());
        values.extend(recruiter.agency.iter().cloned());
    }
    for person in &record.interviewers {
        values.push(person.name.clone());
        values.extend(person.topics.iter().cloned());
    }
    for question in &record.unanswered_questions {
        values.push(question.question.clone());
        values.extend(question.answer.iter().cloned());
    }
    values.extend(record.strengths.iter().cloned());
    let prose: Vec<String> = values
        .iter()
        .flat_map(|value| {
            [
                thankyou::prose::notes(value),
                thankyou::prose::answer(value)
                    .trim_end_matches('.')
                    .to_owned(),
                thankyou::prose::question(value),
            ]
        })
        .collect();
    values.extend(prose);
    // And each word of them, as a greeting or a short name uses it.
    let words: Vec<String> = values
        .iter()
        .flat_map(|value| value.split_whitespace())
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
        .filter(|word| word.chars().count() > 2)
        .collect();
    values.extend(words);
    values
}

/// What harper, a grammar checker, finds in the drafts of `text`, apart
/// from what lies inside the record's own words (a name harper does not
/// know, the candidate's own list without a serial comma) and the length
/// of a sentence that is mostly the candidate's long answer.
fn grammar_findings(linter: &mut harper_core::linting::LintGroup, text: &str) -> Vec<String> {
    use harper_core::Document;
    use harper_core::linting::{LintKind, Linter};
    let (record, drafts) = drafts_of(text);
    let values = record_values(&record);
    let mut findings = Vec::new();
    for draft in &drafts {
        let draft_text = to_text(&draft.markdown);
        let chars: Vec<char> = draft_text.chars().collect();
        // Where the record's words stand in the draft, in characters.
        let mut supplied: Vec<(usize, usize)> = Vec::new();
        for value in values.iter().filter(|value| !value.trim().is_empty()) {
            for (at, _) in draft_text.match_indices(value.as_str()) {
                let start = draft_text[..at].chars().count();
                supplied.push((start, start + value.chars().count()));
            }
        }
        let document = Document::new_plain_english_curated(&draft_text);
        for lint in linter.lint(&document) {
            let (start, end) = (lint.span.start, lint.span.end);
            let inside = supplied
                .iter()
                .any(|&(from, to)| from <= start && end <= to);
            let long_answer = lint.lint_kind == LintKind::Readability
                && supplied
                    .iter()
                    .any(|&(from, to)| start <= from && to <= end && to - from > 40);
            if inside || long_answer {
                continue;
            }
            let flagged: String = chars
                .get(start..end)
                .map(|chars| chars.iter().collect())
                .unwrap_or_default();
            findings.push(format!(
                "{} to {}: {:?} “{flagged}”: {}",
                draft.step.title(),
                draft.step.to,
                lint.lint_kind,
                lint.message
            ));
        }
    }
    findings
}

#[test]
fn a_grammar_checker_finds_nothing_in_the_bundled_records() {
    use harper_core::Dialect;
    use harper_core::linting::LintGroup;
    use harper_core::spell::FstDictionary;
    let mut all = Vec::new();
    // Each record in its own English, as harper knows it; British,
    // Canadian and Australian spelling come from respelt templates.
    let mut records: Vec<(String, String, Dialect)> = bundled()
        .into_iter()
        .map(|(name, text)| {
            let dialect = if text.contains("\nlocale: en-GB") {
                Dialect::British
            } else {
                Dialect::American
            };
            (name, text, dialect)
        })
        .collect();
    for (name, locale, dialect) in [
        ("panel", "en-GB", Dialect::British),
        ("academic", "en-GB", Dialect::British),
        ("formal", "en-CA", Dialect::Canadian),
        ("phone-screen", "en-AU", Dialect::Australian),
        ("single", "en-IN", Dialect::Indian),
    ] {
        for tone in ["warm", "formal"] {
            let text = format!("{}locale: {locale}\n", with_tone(&example(name), tone));
            records.push((format!("{name} ({tone}, {locale})"), text, dialect));
        }
    }
    for (name, text, dialect) in records {
        let mut linter = LintGroup::new_curated(FstDictionary::curated(), dialect);
        all.extend(
            grammar_findings(&mut linter, &text)
                .into_iter()
                .map(|finding| format!("{name}: {finding}")),
        );
    }
    assert!(all.is_empty(), "{}", all.join("\n"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, ..config() })]

    #[test]
    fn a_grammar_checker_finds_nothing_in_generated_records(text in generated()) {
        use harper_core::Dialect;
        use harper_core::linting::LintGroup;
        use harper_core::spell::FstDictionary;
        let mut linter = LintGroup::new_curated(FstDictionary::curated(), Dialect::American);
        let findings = grammar_findings(&mut linter, &text);
        prop_assert!(findings.is_empty(), "{}\n{}", findings.join("\n"), text);
    }
}
