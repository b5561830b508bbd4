//! What a template sees: one documented struct per draft, [`Context`],
//! built from the record and the draft's step, and rendered as it is.
//! `docs/templates.md` documents every field (a test walks this struct).
//!
//! Templates get only what the draft's recipient should read: an email to
//! one interviewer carries that person's topics and questions, never
//! another's.

use std::borrow::Cow;

use serde::Serialize;

use crate::plan::{self, Step};
use crate::record::{self, Event, Kind, Locale, Medium, Question, Record, Tone, Who};
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
                variant: if step.kind.is_follow_up() {
                    0
                } else {
                    shared
                        .notes
                        .iter()
                        .position(|(who, _)| *who == step.who)
                        .unwrap_or(0)
                },
                news: match (step.who, step.step) {
                    (Who::Recruiter, Some(number)) if number > 1 => {
                        shared.news.get(usize::from(number) - 2).cloned()
                    }
                    _ => None,
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
    /// The English the drafts are written in: `en-US`, `en-GB`, `en-CA`,
    /// `en-AU`, `en-NZ`, `en-IE` or `en-IN`; the list and date filters follow it.
    pub locale: Locale,
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
    /// Everyone who interviewed the candidate apart from the recruiter, in
    /// record order, as a note refers to them in passing, in one form for
    /// all: "Dr. Okonkwo" when every one of them has an honorific, else
    /// full names ("Ada Okonkwo", "Zoë Müller-Łukasiewicz").
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
    /// The strength each interviewed person's email reaffirms, in the
    /// order of [`Record::interviewed`].
    #[serde(skip)]
    strength_of: Vec<Option<Strength>>,
    /// Each of `strengths`, shaped for a sentence, in record order.
    #[serde(skip)]
    shaped: Vec<Option<Strength>>,
    /// Each question with its answer shaped for a sentence, in record
    /// order; `None` for a question not yet answered.
    #[serde(skip)]
    answers: Vec<Option<(String, String)>>,
    /// What the card and the email to each interviewed person say to
    /// them, in the order of [`Record::interviewed`].
    #[serde(skip)]
    notes: Vec<(Who, Personal)>,
    /// What the check-ins and the closing note say to whoever the plan
    /// sends them to, built once.
    #[serde(skip)]
    follow_up: Option<(Who, Personal)>,
    /// Topics the check-ins to the recruiter may bring up, one each from
    /// the second on: what the candidate talked about with the others,
    /// which no earlier draft to the recruiter mentioned.
    #[serde(skip)]
    news: Vec<News>,
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
    /// For a check-in after the first, something it can bring that no
    /// earlier draft to the recipient said: a topic from the interview not
    /// yet mentioned to the recruiter. None when there is nothing new; the
    /// check-in is then shorter.
    pub news: Option<News>,
}

/// A topic a check-in to the recruiter brings up, with who discussed it:
/// the recruiter was not in that conversation.
#[derive(Debug, Clone, Serialize)]
pub struct News {
    /// The topic, as the notes write it.
    pub topic: String,
    /// Who the candidate discussed it with, as `interviewers` names them.
    pub with: String,
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
    /// How the candidate talked with the recipient (a follow-up: how the
    /// interview took place): `in_person`, `video` or `phone`.
    pub medium: Medium,
    /// Words for that conversation, so a phone screen never "met" anyone.
    pub talk: Talk,
    /// For a check-in or closing note, the answers already sent in the
    /// thank-you emails, to refer back to and never to offer again.
    pub sent_answers: Vec<SentAnswer>,
}

/// Words for how the candidate talked with someone: "meet" in person,
/// "speak with" by phone or video.
#[derive(Debug, Clone, Serialize)]
pub struct Talk {
    /// "meet", or "speak with".
    pub meet: &'static str,
    /// "meeting", or "speaking with".
    pub meeting: &'static str,
    /// "met", or "spoke with".
    pub met: &'static str,
    /// "our meeting", "our call" or "our video call".
    pub ours: &'static str,
}

impl Talk {
    fn of(medium: Medium) -> Self {
        match medium {
            Medium::InPerson => Talk {
                meet: "meet",
                meeting: "meeting",
                met: "met",
                ours: "our meeting",
            },
            Medium::Video | Medium::Phone => Talk {
                meet: "speak with",
                meeting: "speaking with",
                met: "spoke with",
                ours: if medium == Medium::Video {
                    "our video call"
                } else {
                    "our call"
                },
            },
        }
    }
}

/// Words for the interview as a whole: as its medium says, unless people
/// took part in different ways (one by video, the rest in person), when
/// only "speak with" and "our conversation" fit everyone.
fn follow_up_talk(record: &Record) -> Talk {
    if record
        .interviewed()
        .all(|(_, person)| person.medium == record.medium)
    {
        Talk::of(record.medium)
    } else {
        Talk {
            ours: "our conversation",
            ..Talk::of(Medium::Video)
        }
    }
}

/// An answer that went in a thank-you email, as a later note refers to it.
#[derive(Debug, Clone, Serialize)]
pub struct SentAnswer {
    /// The question, as `answers[].question` gives it.
    pub question: String,
    /// Who it went to, as a note refers to them in passing.
    pub to: String,
    /// The day it went, `YYYY-MM-DD`: as logged, else the day it was due.
    pub date: String,
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
    /// How the greeting names them, as the tone asks: a warm note says
    /// "Priya"; a formal one "Dr. Marsh" (honorific and surname) or, with
    /// no honorific, the full name, which is the gender-neutral business
    /// form. Any note says "Dr. Marsh" when the record gives an honorific.
    pub greeting: String,
    /// "Priya", or "Dr. Chu" when the record gives an honorific.
    pub first_name: String,
    /// The honorific the record gives them ("Dr.", "Professor", "Ms."), if any.
    pub honorific: Option<String>,
    /// Their surname, as a formal greeting uses it ("van Dijk").
    pub surname: String,
    /// Whether the record gives them an honorific, which asks for "Dear"
    /// and a full-name signature even in a warm note.
    pub uses_honorific: bool,
    /// Job title, if given.
    pub title: Option<String>,
    /// Work email, if given.
    pub email: Option<String>,
    /// What the candidate talked about with this person; empty for a
    /// recruiter who did not interview them.
    pub topics: Vec<String>,
    /// Whether this is the recruiter rather than an interviewer.
    pub is_recruiter: bool,
    /// Whether they interviewed the candidate: every interviewer, and a
    /// recruiter with topics of their own (a screen).
    pub interviewed: bool,
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
            locale: record.locale,
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
            interviewers: listed(&record.interviewers.iter().collect::<Vec<_>>()),
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
            strength_of: Vec::new(),
            shaped: record
                .strengths
                .iter()
                .map(|text| Strength::new(text))
                .collect(),
            answers: record
                .unanswered_questions
                .iter()
                .map(|question| {
                    let answer = question.answer.as_deref()?;
                    Some((prose::question(&question.question), prose::answer(answer)))
                })
                .collect(),
            notes: Vec::new(),
            follow_up: None,
            news: news(record),
        };
        shared.strength_of = assign_strengths(record, &shared.shaped);
        shared.notes = record
            .interviewed()
            .enumerate()
            .map(|(variant, (who, person))| {
                (
                    who,
                    Personal::for_note(&shared, record, who, variant, person),
                )
            })
            .collect();
        shared.follow_up = plan::checkin(record).and_then(|(who, _)| {
            let person = record.person(who)?;
            let recipient = Recipient::of(record, who, person);
            Some((
                who,
                Personal::for_follow_up(&shared, record, recipient, who),
            ))
        });
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
fn assign_strengths(record: &Record, shaped: &[Option<Strength>]) -> Vec<Option<Strength>> {
    if record.strengths.is_empty() {
        return record
            .interviewed()
            .map(|(_, person)| person.strength.as_deref().and_then(Strength::new))
            .collect();
    }
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
        .interviewed()
        .enumerate()
        .map(|(index, (_, person))| {
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
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.chars().count() > 2 && !SMALL.contains(word))
        .map(|word| word.trim_end_matches('s').to_owned())
        .collect()
}

impl Personal {
    /// What the draft for `step` says to its recipient: the card or email
    /// to someone interviewed (built once, with `shared`), or a follow-up
    /// to whoever the plan sends it to.
    fn new<'a>(shared: &'a Shared, record: &Record, step: &Step) -> Cow<'a, Personal> {
        let built = if step.kind.is_follow_up() {
            shared.follow_up.iter().find(|(who, _)| *who == step.who)
        } else {
            shared.notes.iter().find(|(who, _)| *who == step.who)
        };
        match (built, record.person(step.who)) {
            (Some((_, built)), _) => Cow::Borrowed(built),
            (None, Some(person)) => Cow::Owned(Self::for_follow_up(
                shared,
                record,
                Recipient::of(record, step.who, person),
                step.who,
            )),
            (None, None) => Cow::Owned(Self::for_follow_up(
                shared,
                record,
                Recipient::unknown(step.who),
                step.who,
            )),
        }
    }

    /// The card or email to `person`, the `variant`th person interviewed.
    fn for_note(
        shared: &Shared,
        record: &Record,
        who: Who,
        variant: usize,
        person: &record::Person,
    ) -> Self {
        Personal {
            recipient: Recipient::of(record, who, person),
            answers: answered(shared, record, |question| {
                (record.addressee(question) == Some(who)).then_some(question.asked_by == Some(who))
            }),
            strength: shared.strength_of.get(variant).cloned().flatten(),
            medium: person.medium,
            talk: Talk::of(person.medium),
            sent_answers: Vec::new(),
        }
    }

    /// A check-in or the closing note to `recipient`: no answer again, as
    /// every answer went in a thank-you email, but those answers to refer
    /// back to.
    fn for_follow_up(shared: &Shared, record: &Record, recipient: Recipient, who: Who) -> Self {
        Personal {
            recipient,
            answers: Vec::new(),
            strength: follow_up_strength(shared, record, who),
            medium: record.medium,
            talk: follow_up_talk(record),
            sent_answers: sent_answers(shared, record, who),
        }
    }
}

/// The strength a follow-up to `who` reaffirms: the first, unless their
/// own thank-you email reaffirmed it (a recruiter who interviewed you),
/// when another one says something new.
fn follow_up_strength(shared: &Shared, record: &Record, who: Who) -> Option<Strength> {
    let first = shared.shaped.first().cloned().flatten();
    let sent = record
        .interviewed()
        .position(|(one, _)| one == who)
        .and_then(|at| shared.strength_of.get(at).cloned().flatten());
    match sent {
        Some(sent) => shared
            .shaped
            .iter()
            .flatten()
            .find(|strength| strength.text != sent.text)
            .cloned()
            .or(Some(sent)),
        None => first,
    }
}

/// The answers the thank-you emails carried, each with who it went to and
/// when; those to `who` say "you" in the draft to them, so they are left
/// out here.
fn sent_answers(shared: &Shared, record: &Record, who: Who) -> Vec<SentAnswer> {
    let everyone: Vec<&record::Person> = record.interviewed().map(|(_, person)| person).collect();
    let names = listed(&everyone);
    record
        .unanswered_questions
        .iter()
        .zip(&shared.answers)
        .filter_map(|(question, shaped)| {
            let (question_text, _) = shaped.as_ref()?;
            let to = record.addressee(question)?;
            let at = record.interviewed().position(|(one, _)| one == to)?;
            (to != who).then(|| SentAnswer {
                question: question_text.clone(),
                to: names.get(at).cloned().unwrap_or_default(),
                date: email_day(record, to).to_string(),
            })
        })
        .collect()
}

/// The day the thank-you email to `who` went: as logged, else the interview day.
fn email_day(record: &Record, who: Who) -> jiff::civil::Date {
    record
        .log
        .iter()
        .find(|entry| matches!(entry.event, Event::Sent { kind: Kind::Email, to } if to == who))
        .map_or(record.interview_date, |entry| entry.date)
}

/// Topics a check-in to the recruiter can bring that no earlier draft to
/// them did: what the candidate talked about with the others (the
/// recruiter's own went in their thank-you email), each once.
fn news(record: &Record) -> Vec<News> {
    let names = listed(&record.interviewers.iter().collect::<Vec<_>>());
    let mut news: Vec<News> = Vec::new();
    for (person, name) in record.interviewers.iter().zip(names) {
        for topic in &person.topics {
            let topic = prose::notes(topic);
            if !news.iter().any(|known| known.topic == topic) {
                news.push(News {
                    topic,
                    with: name.clone(),
                });
            }
        }
    }
    news
}

/// People as one note lists them, in one form for all: "Dr. Okonkwo" when
/// every one has an honorific, else full names without honorifics.
fn listed(people: &[&record::Person]) -> Vec<String> {
    let formal = !people.is_empty() && people.iter().all(|person| person.honorific.is_some());
    people
        .iter()
        .map(|person| {
            if formal {
                person.formal_name()
            } else {
                person.bare_name().to_owned()
            }
        })
        .collect()
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
    /// `person`, whom `who` names, as the recipient of a draft of `record`.
    fn of(record: &Record, who: Who, person: &record::Person) -> Self {
        let interviewed = record.interviewed().any(|(one, _)| one == who);
        let first_name = match person.honorific {
            Some(_) => person.formal_name(),
            None => person.given_name().to_owned(),
        };
        Recipient {
            name: person.name.clone(),
            greeting: match record.tone {
                Tone::Formal => person.formal_name(),
                Tone::Warm => first_name.clone(),
            },
            first_name,
            honorific: person.honorific.clone(),
            surname: person.surname.clone(),
            uses_honorific: person.honorific.is_some(),
            title: person.title.clone(),
            email: person.email.clone(),
            topics: if interviewed {
                person
                    .topics
                    .iter()
                    .map(|topic| prose::notes(topic))
                    .collect()
            } else {
                Vec::new()
            },
            is_recruiter: who == Who::Recruiter,
            interviewed,
        }
    }

    /// Someone the record does not name (never the case for a checked record).
    fn unknown(who: Who) -> Self {
        Recipient {
            name: String::new(),
            greeting: String::new(),
            first_name: String::new(),
            honorific: None,
            surname: String::new(),
            uses_honorific: false,
            title: None,
            email: None,
            topics: Vec::new(),
            is_recruiter: who == Who::Recruiter,
            interviewed: false,
        }
    }
}
