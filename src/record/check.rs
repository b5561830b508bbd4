//! The rules a record must meet, checked once as it is read: every error
//! names the field and points at its line.

use jiff::civil::Date;
use serde_saphyr::Spanned;

use super::fields::Line;
use super::model::{
    Candidate, Event, Interviewer, Lines, LogEntry, PersonLines, Question, Record, Recruiter, Who,
};
use super::raw::{RawInterviewer, RawLogEntry, RawQuestion, RawRecord, RawRecruiter};
use super::yaml;
use crate::english;
use crate::error::{Position, RecordError};

/// The most check-ins a record may ask for: past two or three, advisers
/// agree, more only annoys.
pub const MAX_CHECKINS: u8 = 6;

/// Reads and checks a record; `source_name` is how errors refer to the file.
pub fn parse(source_name: &str, bytes: &[u8]) -> Result<Record, RecordError> {
    let text = yaml::decode(source_name, bytes)?;
    let raw: RawRecord = yaml::from_str(source_name, text)?;
    Checker { source_name, text }.check(raw)
}

fn line<T>(spanned: &Spanned<T>) -> usize {
    usize::try_from(spanned.referenced.line()).unwrap_or(0)
}

struct Checker<'a> {
    source_name: &'a str,
    text: &'a str,
}

impl Checker<'_> {
    fn error_at<T>(&self, spanned: &Spanned<T>, field: String, message: String) -> RecordError {
        let location = spanned.referenced;
        yaml::error_at(
            self.source_name,
            self.text,
            usize::try_from(location.line())
                .ok()
                .zip(usize::try_from(location.column()).ok())
                .map(|(line, column)| Position { line, column }),
            Some(field),
            message,
        )
    }

    fn check(&self, raw: RawRecord) -> Result<Record, RecordError> {
        let interview_date = raw.interview_date.value.0;
        if raw.interviewers.value.is_empty() {
            return Err(self.error_at(
                &raw.interviewers,
                "interviewers".into(),
                "list at least one person you met".into(),
            ));
        }
        let mut lines = Lines {
            interview_date: line(&raw.interview_date),
            decision_date: raw
                .recruiter
                .as_ref()
                .and_then(|recruiter| recruiter.decision_date.as_ref())
                .map(line),
            questions: raw
                .unanswered_questions
                .iter()
                .map(|question| line(&question.question))
                .collect(),
            strengths: raw.strengths.iter().map(line).collect(),
            interviewers: Vec::new(),
        };
        let interviewers = self.check_interviewers(raw.interviewers.value, &mut lines)?;
        let recruiter = raw
            .recruiter
            .map(|recruiter| self.check_recruiter(recruiter, interview_date))
            .transpose()?;
        let unanswered_questions = raw
            .unanswered_questions
            .into_iter()
            .enumerate()
            .map(|(index, question)| self.check_question(index, question, &interviewers))
            .collect::<Result<_, _>>()?;
        let max_checkins = raw
            .followup
            .and_then(|followup| followup.max_checkins)
            .map(|max| self.check_max_checkins(&max))
            .transpose()?;
        let mut record = Record {
            candidate: Candidate {
                name: raw.candidate.name.into(),
                email: raw.candidate.email.map(String::from),
                phone: raw.candidate.phone.map(String::from),
            },
            company: raw.company.into(),
            role: raw.role.into(),
            interview_date,
            recruiter,
            interviewers,
            unanswered_questions,
            strengths: raw
                .strengths
                .into_iter()
                .map(|strength| strength.value.into())
                .collect(),
            tone: raw.tone,
            max_checkins,
            log: Vec::new(),
            status: raw.status,
            lines,
        };
        record.log = raw
            .log
            .into_iter()
            .enumerate()
            .map(|(index, entry)| self.check_log_entry(index, entry, &record))
            .collect::<Result<_, _>>()?;
        Ok(record)
    }

    fn check_interviewers(
        &self,
        raw: Vec<RawInterviewer>,
        lines: &mut Lines,
    ) -> Result<Vec<Interviewer>, RecordError> {
        let mut interviewers: Vec<Interviewer> = Vec::with_capacity(raw.len());
        for (index, person) in raw.into_iter().enumerate() {
            let name = person.name.value.as_str();
            if interviewers
                .iter()
                .any(|other| other.name.eq_ignore_ascii_case(name))
            {
                return Err(self.error_at(
                    &person.name,
                    format!("interviewers[{index}].name"),
                    format!("`{name}` is listed twice; give each person one entry"),
                ));
            }
            lines.interviewers.push(PersonLines {
                name: line(&person.name),
                email: person.email.as_ref().map(line),
                topics: person.topics.iter().map(line).collect(),
            });
            interviewers.push(Interviewer {
                name: person.name.value.into(),
                title: person.title.map(String::from),
                email: person.email.map(|email| email.value.into()),
                topics: person
                    .topics
                    .into_iter()
                    .map(|topic| topic.value.into())
                    .collect(),
                strength: person.strength.map(String::from),
            });
        }
        Ok(interviewers)
    }

    fn check_recruiter(
        &self,
        raw: RawRecruiter,
        interview_date: Date,
    ) -> Result<Recruiter, RecordError> {
        if let Some(decision) = &raw.decision_date
            && decision.value.0 < interview_date
        {
            return Err(self.error_at(
                decision,
                "recruiter.decision_date".into(),
                format!(
                    "{} is before the interview on {interview_date}; the decision date must be on or after it",
                    decision.value.0
                ),
            ));
        }
        Ok(Recruiter {
            name: raw.name.into(),
            email: raw.email.map(String::from),
            agency: raw.agency.map(String::from),
            decision_date: raw.decision_date.map(|date| date.value.0),
            no_follow_up: raw.no_follow_up,
        })
    }

    fn check_question(
        &self,
        index: usize,
        raw: RawQuestion,
        interviewers: &[Interviewer],
    ) -> Result<Question, RecordError> {
        let asked_by = match &raw.asked_by {
            None => None,
            Some(name) => Some(
                interviewers
                    .iter()
                    .position(|person| person.name.eq_ignore_ascii_case(name.value.as_str()))
                    .ok_or_else(|| {
                        self.error_at(
                            name,
                            format!("unanswered_questions[{index}].asked_by"),
                            format!(
                                "`{}` is not one of the interviewers ({})",
                                name.value.as_str(),
                                english::join_or(interviewers.iter().map(|p| p.name.as_str()))
                            ),
                        )
                    })?,
            ),
        };
        Ok(Question {
            question: raw.question.value.into(),
            asked_by,
            answer: raw.answer.map(String::from),
        })
    }

    fn check_max_checkins(&self, max: &Spanned<u8>) -> Result<u8, RecordError> {
        if (1..=MAX_CHECKINS).contains(&max.value) {
            Ok(max.value)
        } else {
            Err(self.error_at(
                max,
                "followup.max_checkins".into(),
                format!(
                    "must be between 1 and {MAX_CHECKINS}; to send no check-ins at all, set recruiter.no_follow_up"
                ),
            ))
        }
    }

    fn check_log_entry(
        &self,
        index: usize,
        raw: Spanned<RawLogEntry>,
        record: &Record,
    ) -> Result<LogEntry, RecordError> {
        let field = |name: &str| format!("log[{index}]{name}");
        let entry = &raw.value;
        let date = entry.date.value.0;
        if date < record.interview_date {
            return Err(self.error_at(
                &entry.date,
                field(".date"),
                format!(
                    "{date} is before the interview on {}",
                    record.interview_date
                ),
            ));
        }
        let person = |name: &Spanned<Line>, at: &str| -> Result<Who, RecordError> {
            record
                .find(name.value.as_str())
                .first()
                .copied()
                .ok_or_else(|| {
                    self.error_at(
                        name,
                        field(at),
                        format!(
                            "`{}` is not in the record; the people in it are {}",
                            name.value.as_str(),
                            english::join_and(record.names())
                        ),
                    )
                })
        };
        let event = match (entry.sent, &entry.to, &entry.reply) {
            (Some(kind), Some(to), None) => Event::Sent {
                kind,
                to: person(to, ".to")?,
            },
            (Some(_), None, None) => {
                return Err(self.error_at(
                    &raw,
                    field(""),
                    "`sent:` needs `to:`, naming who it went to".into(),
                ));
            }
            (None, None, Some(from)) => Event::Reply {
                from: person(from, ".reply")?,
            },
            (None, Some(_), Some(_)) | (Some(_), _, Some(_)) => {
                return Err(self.error_at(
                    &raw,
                    field(""),
                    "an entry records one thing: either `sent:` with `to:`, or `reply:`".into(),
                ));
            }
            (None, _, None) => {
                return Err(self.error_at(
                    &raw,
                    field(""),
                    "say what happened: `sent: email` with `to: NAME`, or `reply: NAME`".into(),
                ));
            }
        };
        Ok(LogEntry {
            date,
            event,
            note: raw.value.note.map(String::from),
        })
    }
}
