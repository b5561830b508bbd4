//! The "New interview" form as the page sends it, checked answer by answer
//! with the record's own rules into the answers `thankyou new` collects.
//!
//! Every answer is checked, and every one that is not valid is named, in
//! the order of the form, by its field (`people[1].email`) and in a
//! sentence that starts with the label the form shows it under ("Person 2,
//! work email: …"), so the page can show each beside its field at once.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::output::starter::{Answers, Person, Question, Recruiter};
use crate::record::fields::{check_email, check_line, parse_date};
use crate::record::{Settings, Tone};

/// The form, as JSON: every answer optional here, so a missing one is
/// named in words rather than refused by the JSON reader.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Form {
    /// The company that interviewed the candidate.
    pub company: Option<String>,
    /// The role.
    pub role: Option<String>,
    /// The interview date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// `in_person`, `video` or `phone`.
    pub medium: Option<String>,
    /// Everyone the candidate met.
    pub people: Vec<FormPerson>,
    /// The questions the candidate could not answer well.
    pub questions: Vec<FormQuestion>,
    /// Who arranged the interview.
    pub recruiter: Option<FormRecruiter>,
    /// `warm` or `formal`; the config's tone, or warm, without one.
    pub tone: Option<String>,
    /// The candidate, when the config does not name them.
    pub candidate: Option<FormCandidate>,
    /// The file to write, in the folder; named after the company and date
    /// without one.
    pub file: Option<String>,
}

/// One person met, as the form sends them.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FormPerson {
    /// Their name.
    pub name: Option<String>,
    /// Their job title.
    pub title: Option<String>,
    /// Their work email.
    pub email: Option<String>,
    /// What the candidate talked about with them; blank ones are skipped.
    pub topics: Vec<String>,
}

/// A question the candidate could not answer well, as the form sends it.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FormQuestion {
    /// The question.
    pub question: Option<String>,
    /// The name of the person who asked it.
    pub asked_by: Option<String>,
    /// The better answer now.
    pub answer: Option<String>,
}

/// The recruiter, as the form sends them.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FormRecruiter {
    /// Their name.
    pub name: Option<String>,
    /// Their email.
    pub email: Option<String>,
    /// The day they said they would decide by, `YYYY-MM-DD`.
    pub decision_date: Option<String>,
}

/// The candidate, as the form sends them.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FormCandidate {
    /// Their name, which signs every draft.
    pub name: Option<String>,
    /// Their email.
    pub email: Option<String>,
    /// Their phone.
    pub phone: Option<String>,
}

/// One answer that is not valid: which field, and why in a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The field as the form's JSON names it (`company`,
    /// `people[1].email`, `questions[0].asked_by`); none for a problem of
    /// the record as a whole.
    pub field: Option<String>,
    /// What is wrong and what to do, starting with the field's label.
    pub message: String,
}

impl Problem {
    /// The problem of the field `field`, labelled `label` on the form.
    pub fn at(field: &str, label: &str, detail: &str) -> Problem {
        Problem {
            field: Some(field.to_owned()),
            message: sentence(label, detail),
        }
    }
}

/// `Label: detail.`, the detail in plain words: no backticks, one full
/// stop at the end.
fn sentence(label: &str, detail: &str) -> String {
    let detail = detail
        .replace('`', "")
        .replace(" (U+0020)", "")
        .replace("; write a single address", ". Write a single address")
        .replace("; delete it", ". Delete it");
    format!("{label}: {}.", detail.trim_end_matches('.'))
}

/// The answers checked so far, and the problems found.
#[derive(Default)]
struct Check {
    /// Every problem, in the order of the form.
    problems: Vec<Problem>,
}

impl Check {
    /// Notes a problem with `field`.
    fn fail(&mut self, field: &str, label: &str, detail: &str) {
        self.problems.push(Problem::at(field, label, detail));
    }

    /// A line that must be given; `missing` says what to write when it is
    /// not.
    fn required(&mut self, field: &str, label: &str, missing: &str, text: Option<&str>) -> String {
        if is_blank(text) {
            self.fail(field, label, missing);
            return String::new();
        }
        self.line(field, label, text).unwrap_or_default()
    }

    /// A line that may be left empty.
    fn optional(&mut self, field: &str, label: &str, text: Option<&str>) -> Option<String> {
        if is_blank(text) {
            return None;
        }
        self.line(field, label, text)
    }

    /// A line checked as the record checks it.
    fn line(&mut self, field: &str, label: &str, text: Option<&str>) -> Option<String> {
        match check_line(text.unwrap_or_default()) {
            Ok(line) => Some(line),
            Err(error) => {
                self.fail(field, label, &line_problem(&error));
                None
            }
        }
    }

    /// An email address that may be left empty.
    fn email(&mut self, field: &str, label: &str, text: Option<&str>) -> Option<String> {
        let text = text.map(str::trim).filter(|text| !text.is_empty())?;
        match check_email(text) {
            Ok(()) => Some(text.to_owned()),
            Err(error) => {
                self.fail(field, label, &error);
                None
            }
        }
    }

    /// A day picked on the form's calendar, which sends it `YYYY-MM-DD`.
    fn date(
        &mut self,
        field: &str,
        label: &str,
        missing: &str,
        text: Option<&str>,
    ) -> Option<Date> {
        let text = text.unwrap_or_default().trim();
        if text.is_empty() {
            self.fail(field, label, missing);
            return None;
        }
        let date = parse_date(text);
        if date.is_none() {
            self.fail(
                field,
                label,
                &format!("{text} is not a day on the calendar; pick the day from the calendar"),
            );
        }
        date
    }
}

/// A record rule's complaint about a line, as the form says it.
fn line_problem(error: &str) -> String {
    match error {
        "must not be blank" => "write it".into(),
        "must contain a letter or a digit" => "write it with at least one letter or digit".into(),
        "must be on one line" => "write it on one line".into(),
        other => other.into(),
    }
}

impl Form {
    /// The answers, each checked by the record's rules; `Err` names every
    /// answer that is not valid, in the order of the form.
    pub fn answers(&self, settings: &Settings) -> Result<Answers, Vec<Problem>> {
        let mut check = Check::default();
        let (name, email, phone) = self.candidate(settings, &mut check);
        let company = check.required(
            "company",
            "Company",
            "write the company that interviewed you",
            self.company.as_deref(),
        );
        let role = check.required(
            "role",
            "Role",
            "write the role you interviewed for, as the job ad names it",
            self.role.as_deref(),
        );
        let date = check.date(
            "date",
            "Interview date",
            "pick the day of the interview",
            self.date.as_deref(),
        );
        let medium = medium(self.medium.as_deref(), &mut check);
        let mut people: Vec<Person> = Vec::with_capacity(self.people.len());
        for (index, person) in self.people.iter().enumerate() {
            let person = person.checked(index, &people, &mut check);
            people.push(person);
        }
        if people.is_empty() {
            check.fail(
                "people",
                "People you met",
                "add at least one person you met, with their name",
            );
        }
        let questions = self
            .questions
            .iter()
            .enumerate()
            .filter(|(_, question)| !question.is_blank())
            .map(|(index, question)| question.checked(index, &self.people, &mut check))
            .collect();
        let recruiter = self
            .recruiter
            .as_ref()
            .and_then(|recruiter| recruiter.checked(date, &mut check));
        let tone = tone(self.tone.as_deref(), settings.tone, &mut check);
        if !check.problems.is_empty() {
            return Err(check.problems);
        }
        Ok(Answers {
            name,
            email,
            phone,
            company,
            role,
            date,
            medium,
            people,
            questions,
            recruiter,
            tone,
        })
    }

    /// The candidate's name, email and phone: from the form when it names
    /// them; none when the config does; otherwise the name is missing.
    #[allow(clippy::type_complexity)]
    fn candidate(
        &self,
        settings: &Settings,
        check: &mut Check,
    ) -> (Option<String>, Option<String>, Option<String>) {
        let given = self.candidate.as_ref();
        let name = given.and_then(|candidate| candidate.name.as_deref());
        if is_blank(name) && settings.candidate.name.is_some() {
            return (None, None, None);
        }
        let name = check.required(
            "candidate.name",
            "Your name",
            "write your name; it signs every draft",
            name,
        );
        let email = check.email(
            "candidate.email",
            "Your email",
            given.and_then(|c| c.email.as_deref()),
        );
        let phone = check.optional(
            "candidate.phone",
            "Your phone",
            given.and_then(|c| c.phone.as_deref()),
        );
        (Some(name), email, phone)
    }
}

impl FormPerson {
    /// The `index`th person (from 0), checked, `earlier` the people
    /// before them, whose names theirs must differ from, as the record's.
    fn checked(&self, index: usize, earlier: &[Person], check: &mut Check) -> Person {
        let who = format!("Person {}", index + 1);
        let field = |name: &str| format!("people[{index}].{name}");
        let name = check.required(
            &field("name"),
            &format!("{who}, name"),
            "write their name, or remove this person",
            self.name.as_deref(),
        );
        if let Some(other) = earlier
            .iter()
            .position(|other| !name.is_empty() && other.name.eq_ignore_ascii_case(&name))
        {
            check.fail(
                &field("name"),
                &format!("{who}, name"),
                &format!(
                    "Person {} is named {name} too; give each person a different name, \
                     with an initial if two share one",
                    other + 1
                ),
            );
        }
        let title = check.optional(
            &field("title"),
            &format!("{who}, job title"),
            self.title.as_deref(),
        );
        let email = check.email(
            &field("email"),
            &format!("{who}, work email"),
            self.email.as_deref(),
        );
        let topics = self
            .topics
            .iter()
            .filter(|topic| !topic.trim().is_empty())
            .enumerate()
            .filter_map(|(at, topic)| {
                check.line(
                    &field("topics"),
                    &format!("{who}, topic {}", at + 1),
                    Some(topic),
                )
            })
            .collect();
        Person {
            name,
            title,
            email,
            topics,
        }
    }
}

impl FormQuestion {
    /// Whether the question was left empty, so it is no question at all.
    fn is_blank(&self) -> bool {
        is_blank(self.question.as_deref()) && is_blank(self.answer.as_deref())
    }

    /// The `index`th question (from 0), asked by one of `people`.
    fn checked(&self, index: usize, people: &[FormPerson], check: &mut Check) -> Question {
        let which = format!("Question {}", index + 1);
        let field = |name: &str| format!("questions[{index}].{name}");
        let text = check.required(
            &field("question"),
            &which,
            "write the question, or remove it",
            self.question.as_deref(),
        );
        // Names as the record reads them, spaces folded.
        let names: Vec<String> = people
            .iter()
            .filter_map(|person| check_line(person.name.as_deref()?).ok())
            .collect();
        let asked = self
            .asked_by
            .as_deref()
            .and_then(|name| check_line(name).ok());
        let label = format!("{which}, who asked it");
        let asked_by = match (asked, names.as_slice()) {
            (None, [only]) => only.clone(),
            (None, _) => {
                check.fail(
                    &field("asked_by"),
                    &label,
                    "choose one of the people you met",
                );
                String::new()
            }
            (Some(name), _) if names.contains(&name) => name,
            (Some(name), _) => {
                check.fail(
                    &field("asked_by"),
                    &label,
                    &format!(
                        "{name} is not one of the people you met ({}); choose one of them",
                        names.join(", ")
                    ),
                );
                String::new()
            }
        };
        Question {
            text,
            asked_by,
            answer: check.optional(
                &field("answer"),
                &format!("{which}, your better answer"),
                self.answer.as_deref(),
            ),
        }
    }
}

impl FormRecruiter {
    /// The recruiter, checked, deciding on or after `interview` when it is
    /// known; none when every answer is empty.
    fn checked(&self, interview: Option<Date>, check: &mut Check) -> Option<Recruiter> {
        let decision = self.decision_date.as_deref();
        if [self.name.as_deref(), self.email.as_deref(), decision]
            .into_iter()
            .all(is_blank)
        {
            return None;
        }
        let name = check.required(
            "recruiter.name",
            "Recruiter, name",
            "write the recruiter's name, or leave all the recruiter's answers empty",
            self.name.as_deref(),
        );
        let email = check.email("recruiter.email", "Recruiter, email", self.email.as_deref());
        let decision_date = if is_blank(decision) {
            None
        } else {
            check.date(
                "recruiter.decision_date",
                "Recruiter, decision day",
                "pick the day they said they would decide by",
                decision,
            )
        };
        if let (Some(decision), Some(interview)) = (decision_date, interview)
            && decision < interview
        {
            let day = |date: Date| date.strftime("%A, %B %-d, %Y").to_string();
            check.fail(
                "recruiter.decision_date",
                "Recruiter, decision day",
                &format!(
                    "{} is before the interview on {}; pick the day of the interview or a later one",
                    day(decision),
                    day(interview)
                ),
            );
        }
        Some(Recruiter {
            name,
            email,
            decision_date,
        })
    }
}

/// Whether an answer was left empty.
fn is_blank(text: Option<&str>) -> bool {
    text.is_none_or(|text| text.trim().is_empty())
}

/// How the interview took place, as the record writes it; in person
/// without an answer, as `new` first offers.
fn medium(text: Option<&str>, check: &mut Check) -> &'static str {
    match text.map(str::trim) {
        None | Some("" | "in_person") => "in_person",
        Some("video") => "video",
        Some("phone") => "phone",
        Some(_) => {
            check.fail(
                "medium",
                "How it took place",
                "choose in person, video or phone",
            );
            "in_person"
        }
    }
}

/// The tone, as the record writes it; the config's without an answer,
/// then warm, as `new` first offers.
fn tone(text: Option<&str>, config: Option<Tone>, check: &mut Check) -> &'static str {
    match text.map(str::trim) {
        None | Some("") => match config {
            Some(Tone::Formal) => "formal",
            _ => "warm",
        },
        Some("warm") => "warm",
        Some("formal") => "formal",
        Some(_) => {
            check.fail("tone", "Tone", "choose warm or formal");
            "warm"
        }
    }
}

#[cfg(test)]
mod tests;
