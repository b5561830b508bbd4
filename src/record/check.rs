//! The rules a record must meet, checked once as it is read: every error
//! names the field and points at its line.

use std::cell::RefCell;

use jiff::civil::Date;
use serde_saphyr::Spanned;

use super::fields::{Line, Whole};
use super::find::Found;
use super::locale::Locale;
use super::model::{
    Candidate, Event, Lines, LogEntry, Medium, Person, PersonLines, Question, Record, Recruiter,
    Tone, Who,
};
use super::raw::{
    PersonFields, RawCandidate, RawInterviewer, RawLogEntry, RawQuestion, RawRecord, RawRecruiter,
};
use super::yaml;
use crate::english;
use crate::error::RecordError;

/// The most check-ins a record may ask for: past two or three, advisers
/// agree, more only annoys.
pub const MAX_CHECKINS: u8 = 6;

/// The most interviewers a record may list: a panel is rarely more than a
/// dozen, and a limit keeps every check on the drafts quick.
pub const MAX_INTERVIEWERS: usize = 50;

/// Reads and checks a record; `source_name` is how errors refer to the file.
pub fn parse(source_name: &str, bytes: &[u8]) -> Result<Record, RecordError> {
    parse_with(source_name, bytes, &Settings::default())
}

/// Reads and checks a record, taking what it leaves out from the user's
/// `settings`.
pub fn parse_with(
    source_name: &str,
    bytes: &[u8],
    settings: &Settings,
) -> Result<Record, RecordError> {
    let text = yaml::decode(source_name, bytes)?;
    let checker = Checker {
        source_name,
        text,
        settings,
        mistakes: RefCell::new(Vec::new()),
    };
    match yaml::from_str_or_mistakes::<RawRecord>(source_name, text) {
        Ok(raw) => checker
            .check(raw)
            .map_err(|mistakes| yaml::combined(source_name, mistakes)),
        // What the reading found, and what the checks find in the rest.
        Err((mut mistakes, rest)) => {
            // Some may be of the setting aside's making: a list left empty
            // (no line), or an entry that lost the field set aside (the
            // same place): only the others count.
            if let Some(Err(found)) = rest.map(|raw| checker.check(raw)) {
                let others: Vec<RecordError> = found
                    .into_iter()
                    .filter(|error| {
                        error.position.is_some()
                            && !mistakes.iter().any(|mistake| same_place(mistake, error))
                    })
                    .collect();
                mistakes.extend(others);
            }
            Err(yaml::combined(source_name, mistakes))
        }
    }
}

/// Whether two errors are about one field or one holding the other
/// (`log[0]` and `log[0].sent`).
fn same_place(one: &RecordError, other: &RecordError) -> bool {
    match (&one.field, &other.field) {
        (Some(one), Some(other)) => one.starts_with(&**other) || other.starts_with(&**one),
        _ => false,
    }
}

/// What the user set once, for every record that does not say: the
/// config file's settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// The English the drafts are written in.
    pub locale: Option<Locale>,
    /// Where the candidate lives, as an ISO 3166-1 code ("GB").
    pub country: Option<String>,
    /// The part of the country with holidays of its own, as an ISO 3166-2
    /// code without the country ("SCT").
    pub region: Option<String>,
    /// The candidate's name, email and phone, each for the records that
    /// leave it out.
    pub candidate: CandidateSettings,
    /// How formally the drafts address people.
    pub tone: Option<Tone>,
    /// Where the config file is or would be, for the messages that send
    /// the user there.
    pub path: Option<String>,
}

/// The config's candidate: each field fills the record's when it is missing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CandidateSettings {
    /// The full name every draft is signed with.
    pub name: Option<String>,
    /// The email address under the signature.
    pub email: Option<String>,
    /// The phone number under the signature.
    pub phone: Option<String>,
}

impl From<RawCandidate> for CandidateSettings {
    fn from(raw: RawCandidate) -> Self {
        CandidateSettings {
            name: raw.name.map(String::from),
            email: raw.email.map(String::from),
            phone: raw.phone.map(String::from),
        }
    }
}

/// A `country` (two letters) or `region` (one to three letters or digits)
/// code in upper case, or what to write instead.
pub fn place_code(text: &str, field: &str) -> Result<String, String> {
    let text = text.trim();
    let well_formed = text.chars().all(|c| c.is_ascii_alphanumeric())
        && if field == "country" {
            text.len() == 2
        } else {
            (1..=3).contains(&text.len())
        };
    if well_formed {
        return Ok(text.to_ascii_uppercase());
    }
    let example = if field == "country" {
        "two letters, such as `GB` or `IE`"
    } else {
        "the subdivision code without the country, such as `SCT` or `NIR`"
    };
    Err(format!("`{text}` is not a {field} code; write {example}"))
}

/// What a record without anyone interviewed is told.
const NO_ONE_MET: &str = "list the people who interviewed you under `interviewers`, each with `name` and `topics`; for a screen with the recruiter alone, give the recruiter `topics` instead";

/// What the record says for everyone unless a person says otherwise.
struct Defaults {
    medium: Medium,
    cards: Option<bool>,
    /// How honorifics are written: "Dr" without a full stop in British use.
    locale: Locale,
}

impl Defaults {
    /// Whether someone the candidate talked with by `medium` gets a card.
    fn card_for(&self, medium: Medium) -> bool {
        self.cards.unwrap_or(medium.has_cards())
    }
}

/// The honorific a person is addressed by: the record's, else the one
/// their name opens with.
fn honorific(given: Option<Line>, name: &str, locale: Locale) -> Option<String> {
    let honorific = given
        .map(String::from)
        .or_else(|| english::honorific_of(name).map(str::to_owned))?;
    Some(english::honorific_in(&honorific, locale))
}

/// The surname a formal greeting uses: the record's, else the name's own.
fn surname(given: Option<Line>, name: &str) -> String {
    given.map_or_else(
        || english::surname(english::without_honorific(name)),
        String::from,
    )
}

/// A person as the record writes them, with the lines they are written on.
fn person(fields: PersonFields, defaults: &Defaults) -> (Person, PersonLines) {
    let name = fields.name.value.as_str();
    let lines = PersonLines {
        name: line(&fields.name),
        email: fields.email.as_ref().map(line),
        topics: fields.topics.iter().map(line).collect(),
    };
    let medium = fields.medium.unwrap_or(defaults.medium);
    let person = Person {
        honorific: honorific(fields.honorific, name, defaults.locale),
        surname: surname(fields.surname, name),
        title: fields.title.map(String::from),
        email: fields.email.map(|email| email.value.into()),
        topics: fields
            .topics
            .into_iter()
            .map(|topic| topic.value.into())
            .collect(),
        strength: fields.strength.map(String::from),
        medium,
        card: fields.card.unwrap_or_else(|| defaults.card_for(medium)),
        name: english::name_in(name, defaults.locale),
    };
    (person, lines)
}

/// One person written twice, as the recruiter and as an interviewer: the
/// recruiter's entry first, the other filling what it leaves out.
fn merged(recruiter: Person, interviewer: Person) -> Person {
    let mut topics = recruiter.topics;
    topics.extend(interviewer.topics);
    Person {
        honorific: recruiter.honorific.or(interviewer.honorific),
        title: recruiter.title.or(interviewer.title),
        email: recruiter.email.or(interviewer.email),
        strength: recruiter.strength.or(interviewer.strength),
        topics,
        ..recruiter
    }
}

fn line<T>(spanned: &Spanned<T>) -> usize {
    usize::try_from(spanned.referenced.line()).unwrap_or(0)
}

struct Checker<'a> {
    source_name: &'a str,
    text: &'a str,
    settings: &'a Settings,
    /// Every mistake found so far, so that one run reports them all.
    mistakes: RefCell<Vec<RecordError>>,
}

impl Checker<'_> {
    /// The value of a check that passed; a mistake is kept for the report.
    fn kept<T>(&self, result: Result<T, RecordError>) -> Option<T> {
        result
            .map_err(|error| self.mistakes.borrow_mut().push(error))
            .ok()
    }

    fn error_at<T>(&self, spanned: &Spanned<T>, field: String, message: String) -> RecordError {
        yaml::error_at(
            self.source_name,
            self.text,
            yaml::position(spanned.referenced),
            Some(field),
            message,
        )
    }

    fn error_without_line(&self, field: &str, message: &str) -> RecordError {
        yaml::error_at(
            self.source_name,
            self.text,
            None,
            Some(field.into()),
            message.into(),
        )
    }

    /// The record, or every mistake the checks find in it.
    fn check(&self, raw: RawRecord) -> Result<Record, Vec<RecordError>> {
        let interview_date = raw.interview_date.value.0;
        let recruiter_interviewed = raw
            .recruiter
            .as_ref()
            .is_some_and(|recruiter| !recruiter.topics.is_empty());
        let listed = match raw.interviewers {
            Some(list) if list.value.is_empty() && !recruiter_interviewed => {
                return Err(vec![self.error_at(
                    &list,
                    "interviewers".into(),
                    NO_ONE_MET.into(),
                )]);
            }
            Some(list) if list.value.len() > MAX_INTERVIEWERS => {
                return Err(vec![self.error_at(
                    &list,
                    "interviewers".into(),
                    format!(
                        "{} people are listed, more than the {MAX_INTERVIEWERS} a record may have; keep the people you met in this interview, and give another round a record of its own",
                        list.value.len()
                    ),
                )]);
            }
            Some(list) => list.value,
            None if recruiter_interviewed => Vec::new(),
            None => return Err(vec![self.error_without_line("interviewers", NO_ONE_MET)]),
        };
        let locale = raw.locale.or(self.settings.locale).unwrap_or_default();
        let defaults = Defaults {
            medium: raw.medium,
            cards: raw.cards,
            locale,
        };
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
            recruiter: None,
        };
        let mut interviewers = self.check_interviewers(listed, &defaults, &mut lines);
        let recruiter = raw.recruiter.map(|recruiter| {
            self.check_recruiter(
                recruiter,
                interview_date,
                &defaults,
                &mut interviewers,
                &mut lines,
            )
        });
        let unanswered_questions = raw
            .unanswered_questions
            .into_iter()
            .enumerate()
            .filter_map(|(index, question)| {
                self.kept(self.check_question(index, question, &interviewers, recruiter.as_ref()))
            })
            .collect();
        let country = match &raw.country {
            Some(country) => self
                .kept(self.check_code(country, "country"))
                .unwrap_or_default(),
            None => self
                .settings
                .country
                .clone()
                .unwrap_or_else(|| locale.country().to_owned()),
        };
        let region = match &raw.region {
            Some(region) => self.kept(self.check_code(region, "region")),
            // The config's region belongs to the config's country.
            None => self.settings.region.clone().filter(|_| {
                self.settings
                    .country
                    .as_deref()
                    .is_none_or(|own| own == country)
            }),
        };
        let max_checkins = raw
            .followup
            .and_then(|followup| followup.max_checkins)
            .and_then(|max| self.kept(self.check_max_checkins(&max)));
        let candidate = self
            .kept(self.check_candidate(raw.candidate.unwrap_or_default()))
            .unwrap_or_default();
        let mut record = Record {
            candidate,
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
            tone: raw.tone.or(self.settings.tone).unwrap_or_default(),
            medium: raw.medium,
            locale,
            country,
            region,
            holidays: raw.holidays.iter().map(|date| date.value.0).collect(),
            max_checkins,
            log: Vec::new(),
            status: raw.status,
            lines,
        };
        record.log = raw
            .log
            .into_iter()
            .enumerate()
            .filter_map(|(index, entry)| self.kept(self.check_log_entry(index, entry, &record)))
            .collect();
        // A record with a mistake is never used, so the stand-ins above
        // (no candidate, no country) go no further.
        let mistakes = self.mistakes.take();
        if mistakes.is_empty() {
            Ok(record)
        } else {
            Err(mistakes)
        }
    }

    /// The candidate: the record's own fields, the config's for the rest.
    fn check_candidate(&self, raw: RawCandidate) -> Result<Candidate, RecordError> {
        let own = CandidateSettings::from(raw);
        let config = &self.settings.candidate;
        let Some(name) = own.name.or_else(|| config.name.clone()) else {
            let config = self.settings.path.as_deref().unwrap_or("your config.yaml");
            return Err(self.error_without_line(
                "candidate.name",
                &format!(
                    "no name to sign the drafts with; add `candidate:` with `name: Your Name` to this record, or write it once for every record in {config}"
                ),
            ));
        };
        Ok(Candidate {
            name,
            email: own.email.or_else(|| config.email.clone()),
            phone: own.phone.or_else(|| config.phone.clone()),
        })
    }

    fn check_interviewers(
        &self,
        raw: Vec<RawInterviewer>,
        defaults: &Defaults,
        lines: &mut Lines,
    ) -> Vec<Person> {
        let mut interviewers: Vec<Person> = Vec::with_capacity(raw.len());
        for (index, raw) in raw.into_iter().enumerate() {
            let name = raw.name.value.as_str();
            if interviewers
                .iter()
                .any(|other| other.name.eq_ignore_ascii_case(name))
            {
                self.kept::<()>(Err(self.error_at(
                    &raw.name,
                    format!("interviewers[{index}].name"),
                    format!("`{name}` is listed twice; give each person one entry"),
                )));
                continue;
            }
            let (person, person_lines) = person(raw.into_fields(), defaults);
            lines.interviewers.push(person_lines);
            interviewers.push(person);
        }
        interviewers
    }

    /// The recruiter, taken together with their entry among the
    /// interviewers when the record lists them there too: one person.
    fn check_recruiter(
        &self,
        raw: RawRecruiter,
        interview_date: Date,
        defaults: &Defaults,
        interviewers: &mut Vec<Person>,
        lines: &mut Lines,
    ) -> Recruiter {
        let (fields, only) = raw.into_fields();
        if let Some(decision) = &only.decision_date
            && decision.value.0 < interview_date
        {
            self.kept::<()>(Err(self.error_at(
                decision,
                "recruiter.decision_date".into(),
                format!(
                    "{} is before the interview on {interview_date}; the decision date must be on or after it",
                    decision.value.0
                ),
            )));
        }
        let (mut person, mut person_lines) = person(fields, defaults);
        let also = interviewers
            .iter()
            .position(|other| other.name.eq_ignore_ascii_case(&person.name));
        let mut also_interviewer_at = None;
        if let Some(index) = also {
            let other = interviewers.remove(index);
            let other_lines = lines.interviewers.remove(index);
            also_interviewer_at = Some(other_lines.name);
            person = merged(person, other);
            person_lines.topics.extend(other_lines.topics);
            person_lines.email = person_lines.email.or(other_lines.email);
        }
        lines.recruiter = Some(person_lines);
        Recruiter {
            person,
            agency: only.agency.map(String::from),
            decision_date: only.decision_date.map(|date| date.value.0),
            no_follow_up: only.no_follow_up,
            also_interviewer_at,
        }
    }

    fn check_question(
        &self,
        index: usize,
        raw: RawQuestion,
        interviewers: &[Person],
        recruiter: Option<&Recruiter>,
    ) -> Result<Question, RecordError> {
        let interviewed: Vec<(Who, &Person)> = interviewers
            .iter()
            .enumerate()
            .map(|(index, person)| (Who::Interviewer(index), person))
            .chain(
                recruiter
                    .filter(|recruiter| !recruiter.person.topics.is_empty())
                    .map(|recruiter| (Who::Recruiter, &recruiter.person)),
            )
            .collect();
        let asked_by = match &raw.asked_by {
            None => None,
            Some(name) => Some(
                interviewed
                    .iter()
                    .find(|(_, person)| {
                        // "Dr. Helen Marsh" is "Dr Helen Marsh" in British usage.
                        let asked = name.value.as_str();
                        person.name.eq_ignore_ascii_case(asked)
                            || person
                                .bare_name()
                                .eq_ignore_ascii_case(english::without_honorific(asked))
                    })
                    .map(|(who, _)| *who)
                    .ok_or_else(|| {
                        self.error_at(
                            name,
                            format!("unanswered_questions[{index}].asked_by"),
                            format!(
                                "`{}` is not one of the people who interviewed you ({})",
                                name.value.as_str(),
                                english::join_or(
                                    interviewed.iter().map(|(_, person)| person.name.as_str())
                                )
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

    /// A country or region code, read in upper case.
    fn check_code(&self, code: &Spanned<Line>, field: &str) -> Result<String, RecordError> {
        place_code(code.value.as_str(), field)
            .map_err(|message| self.error_at(code, field.into(), message))
    }

    fn check_max_checkins(&self, max: &Spanned<Whole>) -> Result<u8, RecordError> {
        max.value
            .0
            .and_then(|number| u8::try_from(number).ok())
            .filter(|number| (1..=MAX_CHECKINS).contains(number))
            .ok_or_else(|| {
                self.error_at(
                    max,
                    "followup.max_checkins".into(),
                    format!(
                        "must be a whole number from 1 to {MAX_CHECKINS}; to send no check-ins at all, set recruiter.no_follow_up"
                    ),
                )
            })
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
            let typed = name.value.as_str();
            match record.find(typed) {
                Found::One(who) => Ok(who),
                found => Err(self.error_at(
                    name,
                    field(at),
                    record.not_found(typed, &found).unwrap_or_default(),
                )),
            }
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
