//! The kinds of draft: what the plan schedules, the log records and
//! `--kind` selects.

use serde::{Deserialize, Serialize};

/// The kinds of draft the tool writes.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A thank-you email to one interviewer, sent the day of the interview.
    Email,
    /// A short handwritten card to one interviewer, mailed the next day.
    Card,
    /// A message to the recruiter asking where things stand.
    Checkin,
    /// The last message: thanks, and a polite request for a word either way.
    Closing,
}

impl Kind {
    /// Every kind, in the order a plan sends them on one day.
    pub const ALL: [Kind; 4] = [Kind::Email, Kind::Card, Kind::Checkin, Kind::Closing];

    /// The name used in file names, the record's log and `--kind`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Email => "email",
            Kind::Card => "card",
            Kind::Checkin => "checkin",
            Kind::Closing => "closing",
        }
    }

    /// One line on what this kind of draft is, for help texts.
    pub fn about(self) -> &'static str {
        match self {
            Kind::Email => "A thank-you email to one interviewer, sent the day of the interview",
            Kind::Card => "A short handwritten card to one interviewer, mailed the next day",
            Kind::Checkin => "A message to the recruiter asking where things stand",
            Kind::Closing => "The last message: thanks, and a polite request for a word either way",
        }
    }

    /// The name a person reads: "check-in", "closing note".
    pub fn label(self) -> &'static str {
        match self {
            Kind::Email => "email",
            Kind::Card => "card",
            Kind::Checkin => "check-in",
            Kind::Closing => "closing note",
        }
    }

    /// What the user does with this kind of draft.
    pub fn verb(self) -> &'static str {
        match self {
            Kind::Card => "mail",
            _ => "send",
        }
    }

    /// Whether a draft of this kind is sent by email (cards are written by hand).
    pub fn is_emailed(self) -> bool {
        self != Kind::Card
    }

    /// Whether this kind follows up after the thank-you notes (a check-in
    /// or the closing note), going to the recruiter rather than to each
    /// interviewer.
    pub fn is_follow_up(self) -> bool {
        matches!(self, Kind::Checkin | Kind::Closing)
    }
}
