//! What a template sees: one documented struct per draft, [`Context`],
//! built from the record and the draft's step, and rendered as it is.
//! `docs/templates.md` documents every field (a test walks this struct).
//!
//! Templates get only what the draft's recipient should read: an email to
//! one interviewer carries that person's topics and questions, never
//! another's.

use std::borrow::Cow;

use serde::Serialize;

use crate::plan::Step;
use crate::record::{Interviewer, Kind, Question, Record, Tone, Who};
use crate::{english, prose};

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
    /// What kind of draft this is, and its place among its kind.
    #[serde(flatten)]
    pub addressed: Addressed,
    /// What this draft says to its recipient: the same for every draft of
    /// one kind (a note or a follow-up) to one person.
    #[serde(flatten)]
    pub personal: Cow<'a, Personal>,
}

impl<'a> Context<'a> {
    /// The context of the draft for `step`, with `shared` built from the same record.
    pub fn new(shared: &'a Shared, record: &Record, step: &Step) -> Self {
        Context {
            shared,
            addressed: Addressed {
                kind: step.kind,
                step: step.step,
                variant: match step.who {
                    Who::Interviewer(index) if !step.kind.is_follow_up() => index,
                    _ => 0,
                },
            },
            personal: Personal::new(shared, record, step),
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
    /// Points of fit the candidate wants to reaffirm, as written.
    pub strengths: Vec<String>,
    /// Everything the candidate talked about, with anyone, in record order:
    /// for a follow-up to the recruiter. A note to an interviewer mentions
    /// only `recipient.topics`.
    pub topics: Vec<String>,
    /// A number drawn from the record (company, role and day), so the same
    /// record always gets the same phrasings and different records do not
    /// all start alike; `choose` reads it.
    pub seed: u64,
    /// The strength each interviewer's email reaffirms, by position.
    #[serde(skip)]
    strength_of: Vec<Option<Strength>>,
    /// The strength the check-ins and the closing note reaffirm: the first.
    #[serde(skip)]
    follow_up_strength: Option<Strength>,
    /// Each question with its answer shaped for a sentence, in record
    /// order; `None` for a question not yet answered.
    #[serde(skip)]
    answers: Vec<Option<(String, String)>>,
    /// What the card and the email to each interviewer say to them, by
    /// position.
    #[serde(skip)]
    notes: Vec<Personal>,
}

/// The variables of one draft: what it is.
#[derive(Debug, Clone, Serialize)]
pub struct Addressed {
    /// The kind of draft: `card`, `email`, `checkin` or `closing`.
    pub kind: Kind,
    /// Which check-in this is, counting from 1; none for other kinds.
    pub step: Option<u8>,
    /// Chooses among phrasings, so notes to different people read
    /// differently: the recipient's position among the interviewers
    /// (0 for the first), and 0 for the check-in. `choose` reads it.
    pub variant: usize,
}

/// The variables of a draft that depend on who receives it.
#[derive(Debug, Clone, Serialize)]
pub struct Personal {
    /// Who receives the draft.
    pub recipient: Recipient,
    /// The questions this recipient asked that the candidate has answered
    /// since; for a check-in or closing note, every answered question.
    pub answers: Vec<Answer>,
    /// The one strength this draft reaffirms: the one the record pins to
    /// the recipient, else the one closest to what you talked about with
    /// them; the strengths take turns, so a panel does not all read the
    /// same pitch.
    pub strength: Option<Strength>,
}

/// A strength, with the forms a sentence needs.
#[derive(Debug, Clone, Serialize)]
pub struct Strength {
    /// As the record writes it: "leading a warehouse migration".
    pub text: String,
    /// As a noun phrase that reads in any frame: "my experience leading a
    /// warehouse migration", "my five years running Kafka".
    pub phrase: String,
    /// `duration`, `gerund`, `noun` or `sentence` (which no frame takes).
    pub shape: prose::Shape,
}

impl Strength {
    /// The strength `text`, or `None` when it has no word to say.
    fn new(text: &str) -> Option<Self> {
        text.chars().any(char::is_alphanumeric).then(|| Strength {
            text: text.to_owned(),
            phrase: prose::strength(text),
            shape: prose::shape(text),
        })
    }
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
    /// The question as it was asked, capitalised, ending in its own
    /// question mark or in nothing, so it can be quoted inside a sentence.
    pub question: String,
    /// The candidate's considered answer, as a sentence's end: capitalised
    /// when it starts with an ordinary word, with a closing full stop.
    pub answer: String,
    /// Whether the recipient asked it; a question the record does not
    /// attribute goes to the first interviewer, worded so as not to credit them.
    pub asked_by_recipient: bool,
}

impl Shared {
    /// What every draft of `record` shares.
    pub fn new(record: &Record) -> Self {
        let candidate = &record.candidate;
        let mut shared = Shared {
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
            strengths: record
                .strengths
                .iter()
                .map(|text| prose::notes(text))
                .collect(),
            topics: record
                .interviewers
                .iter()
                .flat_map(|person| person.topics.iter().map(|topic| prose::notes(topic)))
                .collect(),
            seed: seed(record),
            strength_of: assign_strengths(record),
            follow_up_strength: record
                .strengths
                .first()
                .and_then(|text| Strength::new(text)),
            answers: record
                .unanswered_questions
                .iter()
                .map(|question| {
                    let answer = question.answer.as_deref()?;
                    Some((prose::question(&question.question), prose::answer(answer)))
                })
                .collect(),
            notes: Vec::new(),
        };
        shared.notes = record
            .interviewers
            .iter()
            .enumerate()
            .map(|(index, person)| Personal::for_interviewer(&shared, record, index, person))
            .collect();
        shared
    }
}

/// A hash of what identifies the interview (FNV-1a), stable across runs.
fn seed(record: &Record) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let date = record.interview_date.to_string();
    for byte in [&record.company, &record.role, &date]
        .iter()
        .flat_map(|text| text.bytes().chain([0]))
    {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The strength each interviewer's email reaffirms: the one the record
/// pins to them, else, among the strengths used least so far, the one
/// sharing the most words with their topics (the earliest on a tie).
fn assign_strengths(record: &Record) -> Vec<Option<Strength>> {
    if record.strengths.is_empty() {
        return record
            .interviewers
            .iter()
            .map(|person| person.strength.as_deref().and_then(Strength::new))
            .collect();
    }
    // Each strength is shaped once, then handed out.
    let shaped: Vec<Option<Strength>> = record
        .strengths
        .iter()
        .map(|text| Strength::new(text))
        .collect();
    let words: Vec<Vec<String>> = if record.strengths.len() > 1 {
        record
            .strengths
            .iter()
            .map(|text| content_words(text))
            .collect()
    } else {
        vec![Vec::new()]
    };
    let mut used = vec![0usize; record.strengths.len()];
    record
        .interviewers
        .iter()
        .enumerate()
        .map(|(index, person)| {
            if let Some(pinned) = &person.strength {
                if let Some(at) = record.strengths.iter().position(|text| text == pinned) {
                    used[at] += 1;
                }
                return Strength::new(pinned);
            }
            let topics: Vec<String> = if record.strengths.len() > 1 {
                person
                    .topics
                    .iter()
                    .flat_map(|topic| content_words(topic))
                    .collect()
            } else {
                Vec::new()
            };
            let fewest = used.iter().copied().min().unwrap_or(0);
            let count = record.strengths.len();
            let best = (0..count)
                .map(|offset| (index + offset) % count)
                .filter(|&at| used[at] == fewest)
                .max_by_key(|&at| {
                    let overlap = words[at]
                        .iter()
                        .filter(|word| topics.contains(word))
                        .count();
                    // Earlier in the rotation wins a tie.
                    (
                        overlap,
                        std::cmp::Reverse((at + count - index % count) % count),
                    )
                })?;
            used[best] += 1;
            shaped[best].clone()
        })
        .collect()
}

/// The words of `text` that carry meaning, lowercased, with a crude stem:
/// "migrations" and "migration" match.
fn content_words(text: &str) -> Vec<String> {
    const SMALL: &[&str] = &[
        "about", "after", "also", "and", "from", "have", "into", "more", "over", "than", "that",
        "their", "them", "then", "this", "with", "your", "years", "year", "the", "for", "our",
    ];
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|word| word.chars().count() > 2 && !SMALL.contains(&word.as_str()))
        .map(|word| word.trim_end_matches('s').to_owned())
        .collect()
}

impl Personal {
    /// What the draft for `step` says to its recipient: the card or email
    /// to one interviewer (built once, with `shared`), or a follow-up to
    /// whoever the plan sends it to.
    fn new<'a>(shared: &'a Shared, record: &Record, step: &Step) -> Cow<'a, Personal> {
        match (step.who, record.interviewer(step.who)) {
            (Who::Interviewer(index), Some(person)) if !step.kind.is_follow_up() => {
                match shared.notes.get(index) {
                    Some(note) => Cow::Borrowed(note),
                    None => Cow::Owned(Self::for_interviewer(shared, record, index, person)),
                }
            }
            (_, Some(person)) => Cow::Owned(Self::for_follow_up(
                shared,
                record,
                Recipient::interviewer(person),
                step.who,
            )),
            (_, None) => {
                let email = record.email(step.who).map(str::to_owned);
                let recipient = Recipient::recruiter(record.name(step.who), email);
                Cow::Owned(Self::for_follow_up(shared, record, recipient, step.who))
            }
        }
    }

    /// The card or email to the interviewer at `index`.
    fn for_interviewer(
        shared: &Shared,
        record: &Record,
        index: usize,
        person: &Interviewer,
    ) -> Self {
        Personal {
            recipient: Recipient::interviewer(person),
            answers: answered(shared, record, |question| {
                (question.addressee() == index).then_some(question.asked_by == Some(index))
            }),
            strength: shared.strength_of.get(index).cloned().flatten(),
        }
    }

    /// A check-in or the closing note to `recipient`; when they are an
    /// interviewer, only their own questions come up.
    fn for_follow_up(shared: &Shared, record: &Record, recipient: Recipient, who: Who) -> Self {
        let interviewer = match who {
            Who::Interviewer(index) => Some(index),
            Who::Recruiter => None,
        };
        Personal {
            recipient,
            answers: answered(shared, record, |question| {
                interviewer
                    .is_none_or(|index| question.addressee() == index)
                    .then_some(false)
            }),
            strength: shared.follow_up_strength.clone(),
        }
    }
}

/// The answered questions `pick` keeps, each with whether the recipient
/// asked it (`pick`'s answer; `None` leaves the question out).
fn answered(
    shared: &Shared,
    record: &Record,
    pick: impl Fn(&Question) -> Option<bool>,
) -> Vec<Answer> {
    record
        .unanswered_questions
        .iter()
        .zip(&shared.answers)
        .filter_map(|(question, shaped)| {
            let (question_text, answer) = shaped.as_ref()?;
            Some(Answer {
                asked_by_recipient: pick(question)?,
                question: question_text.clone(),
                answer: answer.clone(),
            })
        })
        .collect()
}

impl Recipient {
    /// An interviewer as a recipient.
    fn interviewer(person: &Interviewer) -> Self {
        Recipient {
            topics: person
                .topics
                .iter()
                .map(|topic| prose::notes(topic))
                .collect(),
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
