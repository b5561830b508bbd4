//! When to send each draft, from the follow-up rules in the record.
//!
//! Emails go out on the interview day, cards are mailed the next day (the
//! Monday when that is a Sunday, when the post is not collected), and
//! the check-in waits a week, or until the day after a promised decision.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use serde::Serialize;

use crate::record::Record;

/// The kinds of draft the tool writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A thank-you email to one interviewer, sent the day of the interview.
    Email,
    /// A short handwritten card to one interviewer, mailed the next day.
    Card,
    /// A message to the recruiter asking where things stand.
    Checkin,
}

impl Kind {
    /// The name used in file names, headers and `--kind`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Email => "email",
            Kind::Card => "card",
            Kind::Checkin => "checkin",
        }
    }

    /// What the user does with this kind of draft, for headers and tables.
    pub fn action(self) -> &'static str {
        match self {
            Kind::Email => "send email",
            Kind::Card => "mail card",
            Kind::Checkin => "send check-in",
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
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde passes fields by reference
fn iso_date<S: serde::Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(date)
}

/// Every draft the record calls for, in the order to send them.
pub fn plan(record: &Record) -> Vec<Step> {
    let mut steps = Vec::with_capacity(record.interviewers.len() * 2 + 1);
    for kind in [Kind::Email, Kind::Card] {
        let date = match kind {
            Kind::Card => mailing_day(next_day(record.interview_date)),
            _ => record.interview_date,
        };
        steps.extend(record.interviewers.iter().map(|person| Step {
            date,
            kind,
            to: person.name.clone(),
        }));
    }
    if let Some((to, date)) = checkin(record) {
        steps.push(Step {
            date,
            kind: Kind::Checkin,
            to,
        });
    }
    steps.sort_by_key(|step| (step.date, step.kind));
    steps
}

/// Who gets the check-in and when, or `None` when the recruiter asked for no follow-up.
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
