//! When to send each draft, from the follow-up rules and the record's log.
//!
//! Emails go out on the interview day and cards are mailed the next day (the
//! Monday when that is a Sunday, when the post is not collected). The first
//! check-in waits a week, or until the business day after a promised
//! decision; later ones follow about a week after the one before, as it was
//! actually sent; after the last comes a closing note.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

use crate::record::{Event, Record};

/// How many check-ins come before the closing note unless the record or the
/// command line says otherwise: two is what career advisers most often advise.
pub const DEFAULT_MAX_CHECKINS: u8 = 2;

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
    clap::ValueEnum,
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
    /// The name used in file names, the record's log and `--kind`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Email => "email",
            Kind::Card => "card",
            Kind::Checkin => "checkin",
            Kind::Closing => "closing",
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
}

/// One thing to send, on one day, to one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// The day to send it.
    #[serde(serialize_with = "iso_date")]
    pub date: Date,
    /// What to send.
    pub kind: Kind,
    /// Who receives it, spelt as in the record.
    pub to: String,
    /// For a check-in, which one it is, counting from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<u8>,
}

impl Step {
    /// "check-in 2", "email": the step as a person names it.
    pub fn title(&self) -> String {
        match self.step {
            Some(step) => format!("{} {step}", self.kind.label()),
            None => self.kind.label().to_owned(),
        }
    }

    /// Whether the record's log shows this step as sent.
    pub fn is_logged(&self, record: &Record) -> bool {
        let sent = |kind: Kind| {
            record.log.iter().filter(move |entry| {
                matches!(&entry.event, Event::Sent { kind: logged, .. } if *logged == kind)
            })
        };
        match (self.kind, self.step) {
            (Kind::Checkin, Some(step)) => sent(Kind::Checkin).count() >= usize::from(step),
            (Kind::Closing, _) => sent(Kind::Closing).next().is_some(),
            (kind, _) => sent(kind).any(|entry| {
                matches!(&entry.event, Event::Sent { to, .. } if to.eq_ignore_ascii_case(&self.to))
            }),
        }
    }
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde passes fields by reference
fn iso_date<S: serde::Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(date)
}

/// Every draft the record calls for, in the order to send them, with
/// `max_checkins` check-ins before the closing note.
pub fn plan(record: &Record, max_checkins: u8) -> Vec<Step> {
    let mut steps =
        Vec::with_capacity(record.interviewers.len() * 2 + usize::from(max_checkins) + 1);
    for kind in [Kind::Email, Kind::Card] {
        let date = match kind {
            Kind::Card => mailing_day(next_day(record.interview_date)),
            _ => record.interview_date,
        };
        steps.extend(record.interviewers.iter().map(|person| Step {
            date,
            kind,
            to: person.name.clone(),
            step: None,
        }));
    }
    if let Some((to, first)) = checkin(record) {
        steps.extend(follow_ups(record, &to, first, max_checkins));
    }
    steps.sort_by_key(|step| (step.date, step.kind, step.step));
    steps
}

/// The check-ins and the closing note, each about a week after the check-in
/// before it was actually sent, or was planned when the log does not say.
fn follow_ups(record: &Record, to: &str, first: Date, max_checkins: u8) -> Vec<Step> {
    let mut sent: Vec<Date> = record
        .log
        .iter()
        .filter(|entry| {
            matches!(
                entry.event,
                Event::Sent {
                    kind: Kind::Checkin,
                    ..
                }
            )
        })
        .map(|entry| entry.date)
        .collect();
    sent.sort();
    let mut steps = Vec::with_capacity(usize::from(max_checkins) + 1);
    let mut date = first;
    for step in 1..=max_checkins {
        steps.push(Step {
            date,
            kind: Kind::Checkin,
            to: to.to_owned(),
            step: Some(step),
        });
        let anchor = sent.get(usize::from(step) - 1).copied().unwrap_or(date);
        date = on_business_day(week_later(anchor));
    }
    steps.push(Step {
        date,
        kind: Kind::Closing,
        to: to.to_owned(),
        step: None,
    });
    steps
}

/// Who gets the check-ins and when the first is due, or `None` when the
/// recruiter asked for no follow-up.
pub fn checkin(record: &Record) -> Option<(String, Date)> {
    let recruiter = record.recruiter.as_ref();
    if recruiter.is_some_and(|recruiter| recruiter.no_follow_up) {
        return None;
    }
    let to = match recruiter {
        Some(recruiter) => recruiter.name.clone(),
        None => record.interviewers.first()?.name.clone(),
    };
    let date = match recruiter.and_then(|recruiter| recruiter.decision_date) {
        Some(decision) => next_business_day(decision),
        None => on_business_day(week_later(record.interview_date)),
    };
    Some((to, date))
}

fn next_day(date: Date) -> Date {
    date.checked_add(1.day()).unwrap_or(date)
}

fn week_later(date: Date) -> Date {
    date.checked_add(1.week()).unwrap_or(date)
}

/// `date`, or the Monday after when it is a Sunday and the post is not collected.
pub fn mailing_day(date: Date) -> Date {
    if date.weekday() == Weekday::Sunday {
        next_day(date)
    } else {
        date
    }
}

/// The first business day strictly after `date`.
pub fn next_business_day(date: Date) -> Date {
    on_business_day(next_day(date))
}

/// `date` itself on a weekday, otherwise the Monday after it.
pub fn on_business_day(date: Date) -> Date {
    match date.weekday() {
        Weekday::Saturday => date.checked_add(2.days()).unwrap_or(date),
        Weekday::Sunday => next_day(date),
        _ => date,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn weekends_move_to_monday() {
        assert_eq!(on_business_day(date(2026, 11, 21)), date(2026, 11, 23));
        assert_eq!(on_business_day(date(2026, 11, 22)), date(2026, 11, 23));
        assert_eq!(on_business_day(date(2026, 11, 20)), date(2026, 11, 20));
    }

    #[test]
    fn the_next_business_day_skips_the_weekend() {
        // Friday -> Monday, Saturday -> Monday, Wednesday -> Thursday.
        assert_eq!(next_business_day(date(2026, 12, 4)), date(2026, 12, 7));
        assert_eq!(next_business_day(date(2026, 12, 5)), date(2026, 12, 7));
        assert_eq!(next_business_day(date(2026, 12, 2)), date(2026, 12, 3));
    }

    #[test]
    fn cards_are_mailed_monday_to_saturday() {
        assert_eq!(mailing_day(date(2026, 11, 21)), date(2026, 11, 21));
        assert_eq!(mailing_day(date(2026, 11, 22)), date(2026, 11, 23));
    }

    #[test]
    fn the_next_business_day_crosses_the_year() {
        assert_eq!(next_business_day(date(2027, 12, 31)), date(2028, 1, 3));
    }
}
