//! The record file as written: serde types that mirror the YAML, read
//! strictly, and the JSON Schema editors get from them. [`super::parse`]
//! checks them into a [`super::Record`].

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::fields::{Email, IsoDate, Line, Text, Whole, optional_line, optional_text};
use super::kind::Kind;
use super::locale::Locale;
use super::model::{Medium, Status, Tone};

/// One job interview, and the follow-up that `thankyou` drafts from it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "thankyou interview record",
    rename = "Record",
    extend("anyOf" = [
        {"required": ["interviewers"], "properties": {"interviewers": {"minItems": 1}}},
        {"required": ["recruiter"], "properties": {"recruiter": {"required": ["topics"], "properties": {"topics": {"minItems": 1}}}}}
    ])
)]
pub(super) struct RawRecord {
    /// Who is writing the notes; what it leaves out comes from the
    /// `candidate` of your `config.yaml`, field by field.
    #[serde(default)]
    pub(super) candidate: Option<RawCandidate>,
    /// The company that interviewed you.
    pub(super) company: Line,
    /// The role you interviewed for.
    pub(super) role: Line,
    /// The day of the interview, YYYY-MM-DD.
    #[schemars(with = "IsoDate")]
    pub(super) interview_date: Spanned<IsoDate>,
    /// The recruiter who arranged the interview; the check-ins go to them.
    #[serde(default)]
    pub(super) recruiter: Option<RawRecruiter>,
    /// How the interview took place: `in_person` (the default), `video`
    /// or `phone`; a person's own `medium` overrides it.
    #[serde(default)]
    pub(super) medium: Medium,
    /// Whether the interviewers get a handwritten card: by default yes
    /// for an interview in person or by video, no by phone; a person's own
    /// `card` overrides it.
    #[serde(default)]
    pub(super) cards: Option<bool>,
    /// Everyone who interviewed you, each with what you talked about; may
    /// be left out when the recruiter has `topics` (a screen with the
    /// recruiter alone).
    #[serde(default)]
    #[schemars(with = "Vec<RawInterviewer>")]
    pub(super) interviewers: Option<Spanned<Vec<RawInterviewer>>>,
    /// Questions you could not answer well, with the answer you would give now.
    #[serde(default)]
    pub(super) unanswered_questions: Vec<RawQuestion>,
    /// What you want to reaffirm about your fit, as phrases that follow "I'd bring".
    #[serde(default)]
    #[schemars(with = "Vec<Text>")]
    pub(super) strengths: Vec<Spanned<Text>>,
    /// `warm` or `formal`; by default the config's `tone`, else `warm`.
    #[serde(default)]
    pub(super) tone: Option<Tone>,
    /// The English you write: `en-US` (the default), `en-GB`, `en-CA`,
    /// `en-AU`, `en-NZ`, `en-IE` or `en-IN`: spelling, list commas and
    /// dates follow it.
    #[serde(default)]
    pub(super) locale: Option<Locale>,
    /// The country whose public holidays no draft is due on (ISO 3166-1,
    /// such as `GB`); by default the config's, then the locale's. Known:
    /// US, GB, IE, CA, AU, NZ and IN.
    #[serde(default)]
    #[schemars(with = "Option<Line>")]
    pub(super) country: Option<Spanned<Line>>,
    /// The part of the country whose own holidays apply too (ISO 3166-2
    /// without the country: `SCT` or `NIR`, a province such as `ON`, a
    /// state such as `NSW`, a New Zealand region such as `AUK`).
    #[serde(default)]
    #[schemars(with = "Option<Line>")]
    pub(super) region: Option<Spanned<Line>>,
    /// Other days that are not sending days (an office closure), YYYY-MM-DD.
    #[serde(default)]
    #[schemars(with = "Vec<IsoDate>")]
    pub(super) holidays: Vec<Spanned<IsoDate>>,
    /// How the follow-up runs after the thank-you notes.
    #[serde(default)]
    pub(super) followup: Option<RawFollowUp>,
    /// What you have sent and received since the interview.
    #[serde(default)]
    #[schemars(with = "Vec<RawLogEntry>")]
    pub(super) log: Vec<Spanned<RawLogEntry>>,
    /// Where the application stands; only an open one has anything due.
    #[serde(default)]
    pub(super) status: Status,
}

/// The person writing the follow-up, in a record or in the config: a
/// record's own fields win, the config's fill the rest.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Candidate")]
pub struct RawCandidate {
    /// Your full name, used to sign every draft.
    #[serde(default)]
    pub name: Option<Line>,
    /// Your email address, added under the signature.
    #[serde(default)]
    pub email: Option<Email>,
    /// Your phone number, added under the signature.
    #[serde(default, deserialize_with = "optional_line")]
    pub phone: Option<Line>,
}

/// The recruiter or agency contact who arranged the interview.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Recruiter")]
pub(super) struct RawRecruiter {
    /// Their full name.
    #[schemars(with = "Line")]
    pub(super) name: Spanned<Line>,
    /// How a formal note addresses them: `Ms.`, `Mr.`, `Mx.`, `Dr.`, …
    #[serde(default, deserialize_with = "optional_line")]
    pub(super) honorific: Option<Line>,
    /// Their surname, when it is not the last word of the name.
    #[serde(default, deserialize_with = "optional_line")]
    pub(super) surname: Option<Line>,
    /// Their job title.
    #[serde(default, deserialize_with = "optional_line")]
    pub(super) title: Option<Line>,
    /// Their work email address.
    #[serde(default)]
    #[schemars(with = "Option<Email>")]
    pub(super) email: Option<Spanned<Email>>,
    /// What you talked about with them, when they interviewed you (a
    /// screen): they then get the thank-you email, and a card when cards
    /// are on, as well as the check-ins.
    #[serde(default)]
    #[schemars(with = "Vec<Text>")]
    pub(super) topics: Vec<Spanned<Text>>,
    /// The strength to reaffirm in your email to them, when they interviewed you.
    #[serde(default, deserialize_with = "optional_text")]
    pub(super) strength: Option<Text>,
    /// How you talked with them, when it differs from the interview's `medium`.
    #[serde(default)]
    pub(super) medium: Option<Medium>,
    /// Whether they get a card, when they interviewed you; overrides `cards`.
    #[serde(default)]
    pub(super) card: Option<bool>,
    /// The staffing agency they work for, when they are not the company's own.
    #[serde(default, deserialize_with = "optional_line")]
    pub(super) agency: Option<Line>,
    /// The day they said a decision would be made by, YYYY-MM-DD; the first
    /// check-in waits until the business day after it.
    #[serde(default)]
    #[schemars(with = "Option<IsoDate>")]
    pub(super) decision_date: Option<Spanned<IsoDate>>,
    /// They asked candidates not to follow up: thank-you notes only.
    #[serde(default)]
    pub(super) no_follow_up: bool,
}

/// One person you met.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Interviewer")]
pub(super) struct RawInterviewer {
    /// Their full name; "Dr. Helen Marsh" makes the notes say "Dear Dr. Marsh".
    #[schemars(with = "Line")]
    pub(super) name: Spanned<Line>,
    /// How a formal note addresses them: `Dr.`, `Professor`, `Ms.`, `Mr.`,
    /// `Mx.`, …; with one, even a warm note says "Dear Dr. Marsh".
    #[serde(default, deserialize_with = "optional_line")]
    pub(super) honorific: Option<Line>,
    /// Their surname, when it is not the last word of the name (with any
    /// "van", "de", "bin" before it), such as a two-part Spanish surname.
    #[serde(default, deserialize_with = "optional_line")]
    pub(super) surname: Option<Line>,
    /// How you talked with them, when it differs from the interview's `medium`.
    #[serde(default)]
    pub(super) medium: Option<Medium>,
    /// Whether they get a handwritten card; overrides `cards`.
    #[serde(default)]
    pub(super) card: Option<bool>,
    /// Their job title.
    #[serde(default, deserialize_with = "optional_line")]
    pub(super) title: Option<Line>,
    /// Their work email address.
    #[serde(default)]
    #[schemars(with = "Option<Email>")]
    pub(super) email: Option<Spanned<Email>>,
    /// What you talked about with this person, as you would say it to them.
    #[serde(default)]
    #[schemars(with = "Vec<Text>")]
    pub(super) topics: Vec<Spanned<Text>>,
    /// The strength to reaffirm in your email to this person; by default
    /// the one of `strengths` closest to what you talked about.
    #[serde(default, deserialize_with = "optional_text")]
    pub(super) strength: Option<Text>,
}

/// A question you could not answer well in the interview.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Question")]
pub(super) struct RawQuestion {
    /// The question as it was asked.
    #[schemars(with = "Text")]
    pub(super) question: Spanned<Text>,
    /// Who asked it: the name of one of the interviewers, or of the
    /// recruiter when they interviewed you.
    #[serde(default)]
    #[schemars(with = "Option<Line>")]
    pub(super) asked_by: Option<Spanned<Line>>,
    /// The answer you would give now.
    #[serde(default, deserialize_with = "optional_text")]
    pub(super) answer: Option<Text>,
}

/// How the follow-up runs after the thank-you notes.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "FollowUp")]
pub(super) struct RawFollowUp {
    /// Check-ins to send before the closing note (default 2).
    #[serde(default)]
    #[schemars(with = "Option<u8>", range(min = 1, max = 6))]
    pub(super) max_checkins: Option<Spanned<Whole>>,
}

/// What the recruiter and an interviewer both have: who they are, and
/// what you talked about with them.
pub(super) struct PersonFields {
    pub(super) name: Spanned<Line>,
    pub(super) honorific: Option<Line>,
    pub(super) surname: Option<Line>,
    pub(super) title: Option<Line>,
    pub(super) email: Option<Spanned<Email>>,
    pub(super) topics: Vec<Spanned<Text>>,
    pub(super) strength: Option<Text>,
    pub(super) medium: Option<Medium>,
    pub(super) card: Option<bool>,
}

impl RawInterviewer {
    /// The interviewer's fields, all of them a person's.
    pub(super) fn into_fields(self) -> PersonFields {
        PersonFields {
            name: self.name,
            honorific: self.honorific,
            surname: self.surname,
            title: self.title,
            email: self.email,
            topics: self.topics,
            strength: self.strength,
            medium: self.medium,
            card: self.card,
        }
    }
}

impl RawRecruiter {
    /// The recruiter's fields as a person's, with what only a recruiter has.
    pub(super) fn into_fields(self) -> (PersonFields, RecruiterFields) {
        let only = RecruiterFields {
            agency: self.agency,
            decision_date: self.decision_date,
            no_follow_up: self.no_follow_up,
        };
        let person = PersonFields {
            name: self.name,
            honorific: self.honorific,
            surname: self.surname,
            title: self.title,
            email: self.email,
            topics: self.topics,
            strength: self.strength,
            medium: self.medium,
            card: self.card,
        };
        (person, only)
    }
}

/// What only a recruiter has.
pub(super) struct RecruiterFields {
    pub(super) agency: Option<Line>,
    pub(super) decision_date: Option<Spanned<IsoDate>>,
    pub(super) no_follow_up: bool,
}

/// One thing that happened: something you sent, or a reply.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "LogEntry")]
pub(super) struct RawLogEntry {
    /// The day it happened, YYYY-MM-DD.
    #[schemars(with = "IsoDate")]
    pub(super) date: Spanned<IsoDate>,
    /// What you sent; give `to` as well.
    #[serde(default)]
    pub(super) sent: Option<Kind>,
    /// Who you sent it to.
    #[serde(default)]
    #[schemars(with = "Option<Line>")]
    pub(super) to: Option<Spanned<Line>>,
    /// Who replied; no more check-ins are due after a reply.
    #[serde(default)]
    #[schemars(with = "Option<Line>")]
    pub(super) reply: Option<Spanned<Line>>,
    /// A note of your own.
    #[serde(default, deserialize_with = "optional_text")]
    pub(super) note: Option<Text>,
}

/// The JSON Schema (draft 2020-12) of the record file, for editors.
pub fn json_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(RawRecord)).unwrap_or_default()
}
