//! Property tests: generated records, from plain to hostile, through every
//! kind, tone and format. The case count is bounded for CI; raise it with
//! `PROPTEST_CASES=5000 cargo test properties`.

use std::path::{Component, Path};

use proptest::prelude::*;
use serde::Serialize;
use thankyou::format::{self, FORMATS, Input, text};
use thankyou::plan;
use thankyou::record::{self, Kind, Who};
use thankyou::render::Renderer;

#[derive(Debug, Clone, Serialize)]
struct Candidate {
    name: String,
    email: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
struct Interviewer {
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    topics: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
struct Recruiter {
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    decision_date: Option<String>,
    no_follow_up: bool,
}

#[derive(Debug, Clone, Serialize)]
struct Record {
    candidate: Candidate,
    company: String,
    role: String,
    interview_date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    recruiter: Option<Recruiter>,
    interviewers: Vec<Interviewer>,
    strengths: Vec<String>,
    tone: String,
}

/// Text users might type: letters of any script, digits, quotes, slashes,
/// Markdown and template characters, RTL text and emoji.
fn phrase() -> impl Strategy<Value = String> {
    "[\\p{L}\\p{N} '\"/\\\\.,:;!?&<>*_`#{}%()\\[\\]~|=+\u{05D0}-\u{05EA}\u{0627}-\u{064A}😀🎉-]{1,24}"
        .prop_filter("not blank", |text| !text.trim().is_empty())
}

/// A name or title: a phrase with at least one letter or digit.
fn line() -> impl Strategy<Value = String> {
    phrase().prop_filter("has a letter or digit", |text| {
        text.chars().any(char::is_alphanumeric)
    })
}

fn date() -> impl Strategy<Value = String> {
    (2024i16..2030, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
}

fn record() -> impl Strategy<Value = Record> {
    let interviewer = (
        line(),
        proptest::option::of(line()),
        any::<bool>(),
        proptest::collection::vec(phrase(), 0..=10),
    );
    (
        line(),
        any::<bool>(),
        line(),
        line(),
        date(),
        proptest::option::of((line(), proptest::option::of(0i64..60), any::<bool>())),
        proptest::collection::vec(interviewer, 0..=20),
        proptest::collection::vec(phrase(), 0..=3),
        prop_oneof![Just("warm".to_owned()), Just("formal".to_owned())],
    )
        .prop_map(
            |(name, has_email, company, role, date, recruiter, people, strengths, tone)| {
                let interview = date.parse::<jiff::civil::Date>().unwrap();
                Record {
                    candidate: Candidate {
                        name,
                        email: has_email.then(|| "me@example.com".to_owned()),
                    },
                    company,
                    role,
                    interview_date: date,
                    recruiter: recruiter.map(|(name, days, no_follow_up)| Recruiter {
                        name: format!("{name} (recruiter)"),
                        decision_date: days.map(|days| {
                            interview
                                .checked_add(jiff::Span::new().days(days))
                                .unwrap()
                                .to_string()
                        }),
                        no_follow_up,
                    }),
                    // Names and topics carry their position, so each is unique
                    // and a leak from one note into another can be seen.
                    interviewers: people
                        .into_iter()
                        .enumerate()
                        .map(|(index, (name, title, has_email, topics))| Interviewer {
                            name: format!("{name} #{index}"),
                            title,
                            email: has_email.then(|| format!("p{index}@example.com")),
                            topics: topics
                                .into_iter()
                                .enumerate()
                                .map(|(number, topic)| format!("topic-{index}-{number} {topic}"))
                                .collect(),
                        })
                        .collect(),
                    strengths,
                    tone,
                }
            },
        )
}

/// Every piece of text the record supplies, longest first, with the first
/// word of each name (what a greeting uses).
fn typed_text(record: &Record) -> Vec<String> {
    let mut values = vec![
        record.candidate.name.clone(),
        record.company.clone(),
        record.role.clone(),
    ];
    values.extend(record.strengths.iter().cloned());
    for person in &record.interviewers {
        values.push(person.name.clone());
        values.extend(person.title.iter().cloned());
        values.extend(person.topics.iter().cloned());
    }
    values.extend(
        record
            .recruiter
            .iter()
            .map(|recruiter| recruiter.name.clone()),
    );
    let words: Vec<String> = values
        .iter()
        .filter_map(|value| value.split_whitespace().next().map(str::to_owned))
        .collect();
    values.extend(words);
    // The drafts print the candidate's notes as prose ("&" as "and", curly
    // quotes) and answers and questions as sentences: each form is typed text.
    let prose: Vec<String> = values
        .iter()
        .flat_map(|value| {
            [
                thankyou::prose::notes(value),
                thankyou::prose::answer(value),
                thankyou::prose::question(value),
                thankyou::prose::strength(value),
                // A greeting uses the first word with a letter or digit.
                thankyou::english::first_name(value),
            ]
        })
        .collect();
    values.extend(prose);
    let mut values: Vec<String> = values
        .into_iter()
        .map(|value| value.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    values.sort_by_key(|value| std::cmp::Reverse(value.len()));
    values
}

fn config() -> ProptestConfig {
    crate::test::proptest_config(48)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_valid_record_renders_safely(generated in record()) {
        let yaml = serde_saphyr::to_string(&generated).unwrap();
        let parsed = record::parse("generated.yaml", yaml.as_bytes());
        if generated.interviewers.is_empty() {
            prop_assert!(parsed.is_err());
            return Ok(());
        }
        let record = parsed.map_err(|error| TestCaseError::fail(format!("{error}\n{yaml}")))?;
        let renderer = Renderer::new().unwrap();
        let drafts = renderer.drafts(&record, plan::steps(&record, 2)).unwrap();
        let width = 30;
        let typed = typed_text(&generated);
        for draft in &drafts {
            let plain = text::to_text(&draft.markdown);
            // What the user typed may hold `{{`; what the templates add may not.
            let mut added = plain.clone();
            for value in &typed {
                added = added.replace(value.as_str(), "");
            }
            for leftover in ["{{", "{%", "}}", "%}"] {
                prop_assert!(!added.contains(leftover), "`{}` in {}", leftover, plain);
            }
            for leftover in ["Dear ,\n", "Hi ,\n", " .\n", "  ", "\n\n\n"] {
                prop_assert!(!plain.contains(leftover), "`{}` in {}", leftover, plain);
            }
            // A note to an interviewer names only what was said with them; a
            // follow-up to the recruiter may recall any of it.
            let own = match draft.step.who {
                Who::Interviewer(index) => Some(index),
                Who::Recruiter => None,
            };
            for (index, person) in record.interviewers.iter().enumerate() {
                if own.is_some() && Some(index) != own {
                    for topic in &person.topics {
                        prop_assert!(!plain.contains(topic.as_str()), "{}'s topic in a draft to {}", person.name, draft.step.to);
                    }
                }
            }
        }
        let options = format::Options { width, guides: true, to_stdout: false };
        for format in FORMATS {
            let input = Input { record: &record, source: "generated.yaml", drafts: &drafts, options: &options };
            let written = (format.write)(&input).unwrap();
            for (document, draft) in written.documents.iter().zip(&drafts) {
                if format.name == "text" && draft.step.kind == Kind::Card {
                    for line in document.body.lines() {
                        prop_assert!(textwrap::core::display_width(line) <= width || !line.contains(' '), "`{}` is wider than {}", line, width);
                    }
                }
                let components: Vec<Component> = Path::new(&document.file).components().collect();
                prop_assert!(matches!(components.as_slice(), [Component::Normal(_)]), "{} leaves the folder", document.file);
            }
        }
        let plan = plan::steps(&record, 2);
        prop_assert!(plan.windows(2).all(|pair| pair[0].date <= pair[1].date), "in order");
        for step in plan.iter().filter(|step| step.kind.is_follow_up()) {
            let weekday = step.date.weekday();
            prop_assert!(!matches!(weekday, jiff::civil::Weekday::Saturday | jiff::civil::Weekday::Sunday), "{:?} on a weekend", step);
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        if let Ok(record) = record::parse("any.yaml", &bytes) {
            let renderer = Renderer::new().unwrap();
            let _ = renderer.drafts(&record, plan::steps(&record, 2)).unwrap();
        }
    }
}
