//! The checked record: what the rest of the program reads, with people
//! named by their place in it.

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::Deserialize;

use super::kind::Kind;
use super::locale::Locale;

/// A checked interview record, ready to render and schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Who is writing the notes.
    pub candidate: Candidate,
    /// The company that interviewed the candidate.
    pub company: String,
    /// The role interviewed for.
    pub role: String,
    /// The day of the interview.
    pub interview_date: Date,
    /// The recruiter who arranged the interview, if any.
    pub recruiter: Option<Recruiter>,
    /// Everyone who interviewed the candidate apart from the recruiter, in
    /// the order the user listed them; empty for a screen with the recruiter
    /// alone (who then has topics: see [`Record::interviewed`]).
    pub interviewers: Vec<Person>,
    /// Questions the candidate wants to answer better in writing.
    pub unanswered_questions: Vec<Question>,
    /// Points of fit the candidate wants to reaffirm.
    pub strengths: Vec<String>,
    /// How the drafts address people.
    pub tone: Tone,
    /// How the interview took place, unless a person's own `medium` says otherwise.
    pub medium: Medium,
    /// The English the drafts are written in.
    pub locale: Locale,
    /// Whose public holidays no step falls on: ISO 3166-1 alpha-2, upper case.
    pub country: String,
    /// The part of the country whose own holidays apply too (ISO 3166-2
    /// without the country prefix, upper case), if any.
    pub region: Option<String>,
    /// Other days that are not sending days.
    pub holidays: Vec<Date>,
    /// How many check-ins to send before the closing note, if the record says.
    pub max_checkins: Option<u8>,
    /// What has been sent and received since the interview, in file order.
    pub log: Vec<LogEntry>,
    /// Where the application stands.
    pub status: Status,
    /// Where things are in the file, for warnings that name a line.
    pub lines: Lines,
}

impl Record {
    /// Everyone a draft can be addressed to: the interviewers in order,
    /// then the recruiter.
    pub fn people(&self) -> impl Iterator<Item = (Who, &Person)> {
        self.interviewers
            .iter()
            .enumerate()
            .map(|(index, person)| (Who::Interviewer(index), person))
            .chain(
                self.recruiter
                    .as_ref()
                    .map(|recruiter| (Who::Recruiter, &recruiter.person)),
            )
    }

    /// Everyone who interviewed the candidate, each of whom gets a
    /// thank-you email (and a card, when they get cards): the interviewers
    /// in order, then the recruiter when they have topics of their own.
    pub fn interviewed(&self) -> impl Iterator<Item = (Who, &Person)> {
        self.people()
            .filter(|(who, person)| *who != Who::Recruiter || !person.topics.is_empty())
    }

    /// Every name in the record, interviewers first, for messages that list them.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.people().map(|(_, person)| person.name.as_str())
    }

    /// The person `who` names.
    pub fn person(&self, who: Who) -> Option<&Person> {
        match who {
            Who::Interviewer(index) => self.interviewers.get(index),
            Who::Recruiter => self.recruiter.as_ref().map(|recruiter| &recruiter.person),
        }
    }

    /// The interviewer `who` names, if they are one.
    pub fn interviewer(&self, who: Who) -> Option<&Person> {
        match who {
            Who::Interviewer(index) => self.interviewers.get(index),
            Who::Recruiter => None,
        }
    }

    /// The name of `who`, as the record spells it.
    pub fn name(&self, who: Who) -> &str {
        self.person(who).map_or("", |person| person.name.as_str())
    }

    /// The work address of `who`, if the record has one.
    pub fn email(&self, who: Who) -> Option<&str> {
        self.person(who)?.email.as_deref()
    }

    /// Who takes up `question` in their thank-you email: who asked it, or
    /// the first person interviewed when the record does not say.
    pub fn addressee(&self, question: &Question) -> Option<Who> {
        question
            .asked_by
            .or_else(|| self.interviewed().next().map(|(who, _)| who))
    }
}

/// A person of the record, by place: who a draft goes to or a log entry
/// names. Made only from a checked record, so it always names someone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Who {
    /// The interviewer at this position in [`Record::interviewers`].
    Interviewer(usize),
    /// The recruiter ([`Record::recruiter`]).
    Recruiter,
}

/// The 1-based lines where parts of the record are written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lines {
    /// The `interview_date:` line.
    pub interview_date: usize,
    /// The recruiter's `decision_date:` line.
    pub decision_date: Option<usize>,
    /// Each interviewer's lines, in record order.
    pub interviewers: Vec<PersonLines>,
    /// The recruiter's lines, when there is a recruiter.
    pub recruiter: Option<PersonLines>,
    /// Each unanswered question's `question:` line.
    pub questions: Vec<usize>,
    /// Each strength's line.
    pub strengths: Vec<usize>,
}

/// Where one interviewer is written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonLines {
    /// The `name:` line.
    pub name: usize,
    /// The `email:` line, when there is one.
    pub email: Option<usize>,
    /// The line of each topic.
    pub topics: Vec<usize>,
}

/// The person writing the follow-up.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Candidate {
    /// Full name, used to sign every draft.
    pub name: String,
    /// Email address, added under the signature.
    pub email: Option<String>,
    /// Phone number, added under the signature.
    pub phone: Option<String>,
}

/// The recruiter or agency contact who arranged the interview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recruiter {
    /// Who they are; with topics, they interviewed the candidate too.
    pub person: Person,
    /// The staffing agency they work for, when they are not the company's own.
    pub agency: Option<String>,
    /// The day they said a decision would be made by.
    pub decision_date: Option<Date>,
    /// They asked candidates not to follow up.
    pub no_follow_up: bool,
    /// The line where the record also lists them among the interviewers,
    /// when it does: one person, whose two entries are read as one.
    pub also_interviewer_at: Option<usize>,
}

/// Someone the candidate dealt with: an interviewer, or the recruiter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Full name as the record spells it, unique within the record; it
    /// may start with an honorific ("Dr. Helen Marsh").
    pub name: String,
    /// How a formal note addresses them: "Dr.", "Professor", "Ms.", from
    /// the record's `honorific` or the start of the name.
    pub honorific: Option<String>,
    /// The surname a formal greeting uses: the record's `surname`, else the
    /// last word of the name with any particle before it ("van Dijk").
    pub surname: String,
    /// Job title.
    pub title: Option<String>,
    /// Work email address.
    pub email: Option<String>,
    /// What the candidate and this person talked about.
    pub topics: Vec<String>,
    /// The strength to reaffirm to this person, when the record pins one.
    pub strength: Option<String>,
    /// How the candidate talked with them.
    pub medium: Medium,
    /// Whether they get a handwritten card.
    pub card: bool,
}

impl Person {
    /// The name without an honorific written into it: "Helen Marsh".
    pub fn bare_name(&self) -> &str {
        crate::english::without_honorific(&self.name)
    }

    /// The first word of the name, for a warm greeting: "Helen".
    pub fn given_name(&self) -> &str {
        self.bare_name()
            .split_whitespace()
            .next()
            .unwrap_or_default()
    }

    /// How a formal note names them: "Dr. Marsh" with an honorific, else
    /// the full name, which is the gender-neutral business form.
    pub fn formal_name(&self) -> String {
        match &self.honorific {
            Some(honorific) => format!("{honorific} {}", self.surname),
            None => self.bare_name().to_owned(),
        }
    }
}

/// How an interview, or one conversation in it, took place.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Medium {
    /// Face to face.
    #[default]
    InPerson,
    /// On a video call.
    Video,
    /// On the phone.
    Phone,
}

impl Medium {
    /// Whether people who talked this way get a card unless the record says.
    pub fn has_cards(self) -> bool {
        !matches!(self, Medium::Phone)
    }
}

/// A question the candidate could not answer well in the interview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The question as it was asked.
    pub question: String,
    /// Who asked it, when the record says: an interviewer, or the
    /// recruiter when they interviewed the candidate.
    pub asked_by: Option<Who>,
    /// The candidate's considered answer, if they have written one.
    pub answer: Option<String>,
}

/// How formally the drafts address people.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Tone {
    /// First names, contractions, a friendly sign-off.
    #[default]
    Warm,
    /// No contractions, a conventional sign-off.
    Formal,
}

/// One thing that happened after the interview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
    /// The day it happened.
    pub date: Date,
    /// What happened.
    pub event: Event,
    /// The user's own note, if any.
    pub note: Option<String>,
}

/// What a log entry records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The candidate sent a draft.
    Sent {
        /// What was sent.
        kind: Kind,
        /// Who it went to.
        to: Who,
    },
    /// Someone on the hiring side replied.
    Reply {
        /// Who replied.
        from: Who,
    },
}

/// Where the application stands; only an open one has anything due.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Still waiting to hear.
    #[default]
    Open,
    /// An offer came.
    Offer,
    /// The company said no.
    Rejected,
    /// The candidate withdrew.
    Withdrawn,
}

impl Status {
    /// The status as the record spells it.
    pub fn name(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Offer => "offer",
            Status::Rejected => "rejected",
            Status::Withdrawn => "withdrawn",
        }
    }
}
