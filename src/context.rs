//! What a template sees: one documented struct per draft, [`Context`],
//! built from the record and the draft's step, and rendered as it is.
//! `docs/templates.md` documents every field (a test walks this struct).
//!
//! Templates get only what the draft's recipient should read: an email to
//! one interviewer carries that person's topics and questions, never
//! another's.

use serde::Serialize;

use crate::english;
use crate::plan::Step;
use crate::record::{Interviewer, Kind, Question, Record, Tone, Who};

/// Everything a draft template can use: what the whole record shares, and
/// what belongs to this one draft, side by side as one set of variables.
///
/// The shared part is built once per record and borrowed by each draft's
/// context, so the renderer converts it for Tera once, not per draft.
#[derive(Debug, Clone, Serialize)]
pub struct Context<'a> {
    /// The variables every draft of the record shares.
    #[serde(flatten)]
    pub shared: &'a Shared,
    /// The variables of this draft alone.
    #[serde(flatten)]
    pub addressed: Addressed,
}

impl<'a> Context<'a> {
    /// The context of the draft for `step`, with `shared` built from the same record.
    pub fn new(shared: &'a Shared, record: &Record, step: &Step) -> Self {
        Context {
            shared,
            addressed: Addressed::new(record, step),
        }
    }
}

/// The variables every draft of one record shares.
#[derive(Debug, Clone, Serialize)]
pub struct Shared {
    /// `warm` or `formal`.
    pub tone: Tone,
    /// Who writes the draft.
    pub candidate: Person,
    /// The company that interviewed the candidate, as the record spells it.
    pub company: String,
    /// The company without a legal suffix ("Halden & Pike" for "Halden &
    /// Pike LLP"), for running text.
    pub company_short: String,
    /// The role interviewed for.
    pub role: String,
    /// The interview day, `YYYY-MM-DD`.
    pub interview_date: String,
    /// The recruiter's promised decision day, `YYYY-MM-DD`, if any.
    pub decision_date: Option<String>,
    /// The staffing agency that arranged the interview, if any.
    pub agency: Option<String>,
    /// Everyone the candidate met, in record order, as a note refers to
    /// them in passing ("Priya Shah", or "Dr. Marsh" given an honorific).
    pub interviewers: Vec<String>,
    /// Points of fit the candidate wants to reaffirm.
    pub strengths: Vec<String>,
    /// Everything the candidate talked about, with anyone, in record order:
    /// for a follow-up to the recruiter. A note to an interviewer mentions
    /// only `recipient.topics`.
    pub topics: Vec<String>,
}

/// The variables of one draft: what it is and who it is for.
#[derive(Debug, Clone, Serialize)]
pub struct Addressed {
    /// The kind of draft: `card`, `email`, `checkin` or `closing`.
    pub kind: Kind,
    /// Which check-in this is, counting from 1; none for other kinds.
    pub step: Option<u8>,
    /// Chooses among phrasings, so notes to different people read
    /// differently: the recipient's position among the interviewers
    /// (0 for the first), and 0 for the check-in.
    pub variant: usize,
    /// Who receives the draft.
    pub recipient: Recipient,
    /// The questions this recipient asked that the candidate has answered
    /// since; for a check-in or closing note, every answered question.
    pub answers: Vec<Answer>,
    /// The one strength this draft reaffirms: the strengths take turns
    /// across recipients, so a panel does not all read the same pitch.
    pub strength: Option<String>,
}

/// The candidate, as a signature needs them.
#[derive(Debug, Clone, Serialize)]
pub struct Person {
    /// Full name.
    pub name: String,
    /// First name, for a warm sign-off.
    pub first_name: String,
    /// Email address, if given.
    pub email: Option<String>,
    /// Phone number, if given.
    pub phone: Option<String>,
}

/// The person a draft is addressed to.
#[derive(Debug, Clone, Serialize)]
pub struct Recipient {
    /// Full name, as in the record.
    pub name: String,
    /// What a greeting calls them: "Priya", or "Dr. Chu" when the record
    /// gives an honorific.
    pub first_name: String,
    /// Whether the record gives them an honorific ("Dr. Alan Chu"), which
    /// asks for "Dear" and a full-name signature even in a warm note.
    pub uses_honorific: bool,
    /// Job title, if given.
    pub title: Option<String>,
    /// Work email, if given.
    pub email: Option<String>,
    /// What the candidate talked about with this person; empty for a recruiter.
    pub topics: Vec<String>,
    /// Whether this is the recruiter rather than an interviewer.
    pub is_recruiter: bool,
}

/// A question the recipient asked, with the answer the candidate has since worked out.
#[derive(Debug, Clone, Serialize)]
pub struct Answer {
    /// The question as it was asked.
    pub question: String,
    /// The candidate's considered answer.
    pub answer: String,
    /// Whether the recipient asked it; a question the record does not
    /// attribute goes to the first interviewer, worded so as not to credit them.
    pub asked_by_recipient: bool,
}

impl Shared {
    /// What every draft of `record` shares.
    pub fn new(record: &Record) -> Self {
        let candidate = &record.candidate;
        Shared {
            tone: record.tone,
            candidate: Person {
                name: candidate.name.clone(),
                first_name: english::first_name(&candidate.name),
                email: candidate.email.clone(),
                phone: candidate.phone.clone(),
            },
            company: record.company.clone(),
            company_short: english::short_company(&record.company),
            role: record.role.clone(),
            interview_date: record.interview_date.to_string(),
            decision_date: record
                .recruiter
                .as_ref()
                .and_then(|recruiter| recruiter.decision_date)
                .map(|date| date.to_string()),
            agency: record
                .recruiter
                .as_ref()
                .and_then(|recruiter| recruiter.agency.clone()),
            interviewers: record
                .interviewers
                .iter()
                .map(|person| english::reference_name(&person.name))
                .collect(),
            strengths: record.strengths.clone(),
            topics: record
                .interviewers
                .iter()
                .flat_map(|person| person.topics.iter().cloned())
                .collect(),
        }
    }
}

impl Addressed {
    /// The variables of the draft for `step`: a card or email to one
    /// interviewer, or a follow-up to whoever the plan sends it to.
    pub fn new(record: &Record, step: &Step) -> Self {
        match (step.who, record.interviewer(step.who)) {
            (Who::Interviewer(index), Some(person)) if !step.kind.is_follow_up() => {
                Self::for_interviewer(record, step.kind, index, person)
            }
            (_, Some(person)) => {
                Self::for_follow_up(record, step, Recipient::interviewer(person), step.who)
            }
            (_, None) => {
                let email = record.email(step.who).map(str::to_owned);
                let recipient = Recipient::recruiter(record.name(step.who), email);
                Self::for_follow_up(record, step, recipient, step.who)
            }
        }
    }

    /// The card or email to the interviewer at `index`.
    fn for_interviewer(record: &Record, kind: Kind, index: usize, person: &Interviewer) -> Self {
        let answers = answered(record, |question| {
            (question.addressee() == index).then_some(question.asked_by == Some(index))
        });
        let strength = match record.strengths.len() {
            0 => None,
            count => record.strengths.get(index % count).cloned(),
        };
        Addressed {
            kind,
            step: None,
            variant: index,
            recipient: Recipient::interviewer(person),
            answers,
            strength,
        }
    }

    /// A check-in or the closing note to `recipient`; when they are an
    /// interviewer, only their own questions come up.
    fn for_follow_up(record: &Record, step: &Step, recipient: Recipient, who: Who) -> Self {
        let interviewer = match who {
            Who::Interviewer(index) => Some(index),
            Who::Recruiter => None,
        };
        Addressed {
            kind: step.kind,
            step: step.step,
            variant: 0,
            recipient,
            answers: answered(record, |question| {
                interviewer
                    .is_none_or(|index| question.addressee() == index)
                    .then_some(false)
            }),
            strength: record.strengths.first().cloned(),
        }
    }
}

/// The answered questions `pick` keeps, each with whether the recipient
/// asked it (`pick`'s answer; `None` leaves the question out).
fn answered(record: &Record, pick: impl Fn(&Question) -> Option<bool>) -> Vec<Answer> {
    record
        .unanswered_questions
        .iter()
        .filter_map(|question| {
            Some(Answer {
                asked_by_recipient: pick(question)?,
                question: question.question.clone(),
                answer: question.answer.clone()?,
            })
        })
        .collect()
}

impl Recipient {
    /// An interviewer as a recipient.
    fn interviewer(person: &Interviewer) -> Self {
        Recipient {
            topics: person.topics.clone(),
            title: person.title.clone(),
            ..Self::named(&person.name, person.email.clone(), false)
        }
    }

    /// The recruiter as a recipient.
    fn recruiter(name: &str, email: Option<String>) -> Self {
        Self::named(name, email, true)
    }

    fn named(name: &str, email: Option<String>, is_recruiter: bool) -> Self {
        let first_name = english::first_name(name);
        Recipient {
            name: name.to_owned(),
            first_name,
            uses_honorific: english::has_honorific(name),
            title: None,
            email,
            topics: Vec::new(),
            is_recruiter,
        }
    }
}
