//! The checked record: what the rest of the program reads, with people
//! named by their place in it.

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::Deserialize;

use super::kind::Kind;

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
    /// Everyone the candidate met, in the order the user listed them; never empty.
    pub interviewers: Vec<Interviewer>,
    /// Questions the candidate wants to answer better in writing.
    pub unanswered_questions: Vec<Question>,
    /// Points of fit the candidate wants to reaffirm.
    pub strengths: Vec<String>,
    /// How the drafts address people.
    pub tone: Tone,
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
    /// Everyone a draft can be addressed to, with their name: the
    /// interviewers in order, then the recruiter.
    pub fn people(&self) -> impl Iterator<Item = (Who, &str)> {
        self.interviewers
            .iter()
            .enumerate()
            .map(|(index, person)| (Who::Interviewer(index), person.name.as_str()))
            .chain(
                self.recruiter
                    .as_ref()
                    .map(|recruiter| (Who::Recruiter, recruiter.name.as_str())),
            )
    }

    /// Every name in the record, interviewers first, for messages that list them.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.people().map(|(_, name)| name)
    }

    /// The people called `name`, ignoring case and surrounding spaces: one,
    /// or two when the recruiter shares an interviewer's name.
    pub fn find(&self, name: &str) -> Vec<Who> {
        let name = name.trim();
        self.people()
            .filter(|(_, known)| known.eq_ignore_ascii_case(name))
            .map(|(who, _)| who)
            .collect()
    }

    /// The interviewer `who` names, if they are one.
    pub fn interviewer(&self, who: Who) -> Option<&Interviewer> {
        match who {
            Who::Interviewer(index) => self.interviewers.get(index),
            Who::Recruiter => None,
        }
    }

    /// The name of `who`, as the record spells it.
    pub fn name(&self, who: Who) -> &str {
        match who {
            Who::Interviewer(index) => self
                .interviewers
                .get(index)
                .map_or("", |person| person.name.as_str()),
            Who::Recruiter => self
                .recruiter
                .as_ref()
                .map_or("", |recruiter| recruiter.name.as_str()),
        }
    }

    /// The work address of `who`, if the record has one.
    pub fn email(&self, who: Who) -> Option<&str> {
        match who {
            Who::Interviewer(index) => self.interviewers.get(index)?.email.as_deref(),
            Who::Recruiter => self.recruiter.as_ref()?.email.as_deref(),
        }
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
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// Full name.
    pub name: String,
    /// Work email address.
    pub email: Option<String>,
    /// The staffing agency they work for, when they are not the company's own.
    pub agency: Option<String>,
    /// The day they said a decision would be made by.
    pub decision_date: Option<Date>,
    /// They asked candidates not to follow up.
    pub no_follow_up: bool,
}

/// One person the candidate met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interviewer {
    /// Full name, unique within the record.
    pub name: String,
    /// Job title.
    pub title: Option<String>,
    /// Work email address.
    pub email: Option<String>,
    /// What the candidate and this person talked about.
    pub topics: Vec<String>,
    /// The strength to reaffirm to this person, when the record pins one.
    pub strength: Option<String>,
}

/// A question the candidate could not answer well in the interview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The question as it was asked.
    pub question: String,
    /// The position in [`Record::interviewers`] of who asked it, when the
    /// record says.
    pub asked_by: Option<usize>,
    /// The candidate's considered answer, if they have written one.
    pub answer: Option<String>,
}

impl Question {
    /// The interviewer whose email takes up this question: who asked it, or
    /// the first interviewer when the record does not say.
    pub fn addressee(&self) -> usize {
        self.asked_by.unwrap_or(0)
    }
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
