//! The "New interview" form as the page sends it, checked answer by answer
//! with the record's own rules into the answers `thankyou new` collects.
//!
//! A refusal names the answer in words ("the second person's email: …"),
//! so the page can show it beside the form.

use serde::Deserialize;

use crate::english::ordinal;
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

impl Form {
    /// The answers, each checked by the record's rules; `Err` names the
    /// first answer that is not valid, and says why.
    pub fn answers(&self, settings: &Settings) -> Result<Answers, String> {
        let (name, email, phone) = self.candidate(settings)?;
        let people = self
            .people
            .iter()
            .enumerate()
            .map(|(index, person)| person.checked(index))
            .collect::<Result<Vec<_>, _>>()?;
        if people.is_empty() {
            return Err("the people you met: add at least one person".into());
        }
        let questions = self
            .questions
            .iter()
            .filter(|question| !question.is_blank())
            .enumerate()
            .map(|(index, question)| question.checked(index, &people))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Answers {
            name,
            email,
            phone,
            company: required("the company", self.company.as_deref())?,
            role: required("the role", self.role.as_deref())?,
            date: Some(date("the interview date", self.date.as_deref())?),
            medium: medium(self.medium.as_deref())?,
            people,
            questions,
            recruiter: self
                .recruiter
                .as_ref()
                .map(FormRecruiter::checked)
                .transpose()?
                .flatten(),
            tone: tone(self.tone.as_deref(), settings.tone)?,
        })
    }

    /// The candidate's name, email and phone: from the form when it names
    /// them; none when the config does; otherwise the name is missing.
    #[allow(clippy::type_complexity)]
    fn candidate(
        &self,
        settings: &Settings,
    ) -> Result<(Option<String>, Option<String>, Option<String>), String> {
        let given = self.candidate.as_ref();
        let name = given.and_then(|candidate| candidate.name.as_deref());
        if is_blank(name) && settings.candidate.name.is_some() {
            return Ok((None, None, None));
        }
        let name = required("your name", name)?;
        let email = optional_email("your email", given.and_then(|c| c.email.as_deref()))?;
        let phone = optional("your phone", given.and_then(|c| c.phone.as_deref()))?;
        Ok((Some(name), email, phone))
    }
}

impl FormPerson {
    /// The `index`th person (from 0), checked.
    fn checked(&self, index: usize) -> Result<Person, String> {
        let who = format!("the {} person's", ordinal(index));
        let topics = self
            .topics
            .iter()
            .filter(|topic| !topic.trim().is_empty())
            .enumerate()
            .map(|(at, topic)| {
                check_line(topic).map_err(|error| format!("{who} {} topic: {error}", ordinal(at)))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Person {
            name: required(&format!("{who} name"), self.name.as_deref())?,
            title: optional(&format!("{who} job title"), self.title.as_deref())?,
            email: optional_email(&format!("{who} email"), self.email.as_deref())?,
            topics,
        })
    }
}

impl FormQuestion {
    /// Whether the question was left empty, so it is no question at all.
    fn is_blank(&self) -> bool {
        is_blank(self.question.as_deref()) && is_blank(self.answer.as_deref())
    }

    /// The `index`th question (from 0), asked by one of `people`.
    fn checked(&self, index: usize, people: &[Person]) -> Result<Question, String> {
        let nth = ordinal(index);
        let text = required(&format!("the {nth} question"), self.question.as_deref())?;
        let asked_by = match (self.asked_by.as_deref(), people) {
            (asked_by, [only]) if is_blank(asked_by) => only.name.clone(),
            (asked_by, _) => {
                let name = required(&format!("who asked the {nth} question"), asked_by)?;
                if !people.iter().any(|person| person.name == name) {
                    let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
                    return Err(format!(
                        "who asked the {nth} question: `{name}` is not one of the people you met ({})",
                        names.join(", ")
                    ));
                }
                name
            }
        };
        Ok(Question {
            text,
            asked_by,
            answer: optional(
                &format!("your answer to the {nth} question"),
                self.answer.as_deref(),
            )?,
        })
    }
}

impl FormRecruiter {
    /// The recruiter, checked; none when every answer is empty.
    fn checked(&self) -> Result<Option<Recruiter>, String> {
        let decision = self.decision_date.as_deref();
        if [self.name.as_deref(), self.email.as_deref(), decision]
            .into_iter()
            .all(is_blank)
        {
            return Ok(None);
        }
        Ok(Some(Recruiter {
            name: required("the recruiter's name", self.name.as_deref())?,
            email: optional_email("the recruiter's email", self.email.as_deref())?,
            decision_date: if is_blank(decision) {
                None
            } else {
                Some(date("the recruiter's decision date", decision)?)
            },
        }))
    }
}

/// Whether an answer was left empty.
fn is_blank(text: Option<&str>) -> bool {
    text.is_none_or(|text| text.trim().is_empty())
}

/// A line that must be given, checked as the record checks it.
fn required(what: &str, text: Option<&str>) -> Result<String, String> {
    check_line(text.unwrap_or_default()).map_err(|error| format!("{what}: {error}"))
}

/// A line that may be left empty.
fn optional(what: &str, text: Option<&str>) -> Result<Option<String>, String> {
    if is_blank(text) {
        return Ok(None);
    }
    required(what, text).map(Some)
}

/// An email address that may be left empty.
fn optional_email(what: &str, text: Option<&str>) -> Result<Option<String>, String> {
    let Some(text) = text.map(str::trim).filter(|text| !text.is_empty()) else {
        return Ok(None);
    };
    check_email(text).map_err(|error| format!("{what}: {error}"))?;
    Ok(Some(text.to_owned()))
}

/// A date written `YYYY-MM-DD`.
fn date(what: &str, text: Option<&str>) -> Result<jiff::civil::Date, String> {
    let text = text.unwrap_or_default().trim();
    if text.is_empty() {
        return Err(format!("{what}: give the day, as YYYY-MM-DD"));
    }
    parse_date(text).ok_or_else(|| {
        format!("{what}: `{text}` is not a date; write it as YYYY-MM-DD, such as 2026-11-19")
    })
}

/// How the interview took place, as the record writes it; in person
/// without an answer, as `new` first offers.
fn medium(text: Option<&str>) -> Result<&'static str, String> {
    match text.map(str::trim) {
        None | Some("" | "in_person") => Ok("in_person"),
        Some("video") => Ok("video"),
        Some("phone") => Ok("phone"),
        Some(other) => Err(format!(
            "how it took place: `{other}` is not one of in_person, video or phone"
        )),
    }
}

/// The tone, as the record writes it; the config's without an answer,
/// then warm, as `new` first offers.
fn tone(text: Option<&str>, config: Option<Tone>) -> Result<&'static str, String> {
    match text.map(str::trim) {
        None | Some("") => Ok(match config {
            Some(Tone::Formal) => "formal",
            _ => "warm",
        }),
        Some("warm") => Ok("warm"),
        Some("formal") => Ok("formal"),
        Some(other) => Err(format!("the tone: `{other}` is not one of warm or formal")),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    /// The form of `tests/new.rs`'s interview, as the page sends it.
    fn northwind() -> Form {
        serde_json::from_str(
            r#"{"company": "Northwind Traders", "role": "Senior Data Engineer",
                "date": "2026-11-19", "medium": "video",
                "people": [
                  {"name": "Priya Shah", "title": "Engineering Manager",
                   "email": "priya.shah@northwind.example",
                   "topics": ["moving the nightly batch jobs to a streaming pipeline",
                              "how the team splits on-call, and why", ""]},
                  {"name": "Marcus Bell", "title": "Staff Data Engineer", "email": "",
                   "topics": ["the schema registry you built for the order events"]}],
                "questions": [
                  {"question": "How would you partition the events table?",
                   "asked_by": "Priya Shah",
                   "answer": "I would partition it by event date, with a daily compaction job."},
                  {"question": "", "asked_by": "Priya Shah", "answer": ""}],
                "recruiter": {"name": "Sam Ortiz", "email": "sam.ortiz@northwind.example",
                              "decision_date": "2026-12-04"},
                "tone": "formal",
                "candidate": {"name": "Jordan Lee", "email": "jordan.lee@example.com",
                              "phone": "+1 312 555 0142"},
                "file": null}"#,
        )
        .unwrap()
    }

    #[test]
    fn the_form_gives_the_answers_new_collects() {
        let answers = northwind().answers(&Settings::default()).unwrap();
        assert_eq!(answers.name.as_deref(), Some("Jordan Lee"));
        assert_eq!(answers.people.len(), 2);
        assert_eq!(answers.people[0].topics.len(), 2);
        assert_eq!(answers.people[1].email, None);
        assert_eq!(answers.questions.len(), 1);
        assert_eq!(answers.medium, "video");
        assert_eq!(answers.tone, "formal");
    }

    #[test]
    fn a_wrong_answer_is_named_in_words() {
        let mut form = northwind();
        form.people[1].email = Some("marcus@northwind".into());
        let error = form.answers(&Settings::default()).unwrap_err();
        assert!(
            error.starts_with("the second person's email: `marcus@northwind` is not an email"),
            "{error}"
        );
        let mut form = northwind();
        form.questions[0].asked_by = Some("Sam Ortiz".into());
        let error = form.answers(&Settings::default()).unwrap_err();
        assert!(
            error.starts_with("who asked the first question: `Sam Ortiz` is not one"),
            "{error}"
        );
        let mut form = northwind();
        form.candidate = None;
        let error = form.answers(&Settings::default()).unwrap_err();
        assert_eq!(error, "your name: must not be blank");
    }
}
