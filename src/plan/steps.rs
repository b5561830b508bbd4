//! The steps of the plan: every draft the record calls for, with its day
//! and its recipient.

use jiff::civil::Date;
use serde::Serialize;

use super::days::{Calendar, Moved, next_day, week_later};
use crate::record::{Event, Kind, Record, Who};

/// How many check-ins come before the closing note unless the record or the
/// command line says otherwise: two is what career advisers most often advise.
pub const DEFAULT_MAX_CHECKINS: u8 = 2;

/// One thing to send, on one day, to one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// The day to send it.
    #[serde(serialize_with = "iso_date")]
    pub date: Date,
    /// What to send.
    pub kind: Kind,
    /// Who receives it, by name, spelt as in the record.
    pub to: String,
    /// For a check-in, which one it is, counting from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<u8>,
    /// Who receives it, by place in the record.
    #[serde(skip)]
    pub who: Who,
    /// When a public holiday (or a day off in the record) moved it: the
    /// day it would have been, and why.
    #[serde(
        flatten,
        serialize_with = "moved",
        skip_serializing_if = "Option::is_none"
    )]
    pub moved: Option<Moved>,
}

impl Step {
    /// "check-in 2", "email": the step as a person names it.
    pub fn title(&self) -> String {
        match self.step {
            Some(step) => format!("{} {step}", self.kind.label()),
            None => self.kind.label().to_owned(),
        }
    }

    /// What to do, as a sentence fragment: "send check-in 2 to Sam Ortiz".
    pub fn action(&self) -> String {
        format!("{} {} to {}", self.kind.verb(), self.title(), self.to)
    }

    /// "email", "checkin-2": the step as file names and identifiers spell it.
    pub fn id(&self) -> String {
        match self.step {
            Some(number) => format!("{}-{number}", self.kind.name()),
            None => self.kind.name().to_owned(),
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
            (kind, _) => sent(kind)
                .any(|entry| matches!(&entry.event, Event::Sent { to, .. } if *to == self.who)),
        }
    }
}

/// A move as JSON: `"moved_from": "2026-11-26", "because": "Thanksgiving Day"`.
#[allow(clippy::ref_option)] // serde passes fields by reference
fn moved<S: serde::Serializer>(moved: &Option<Moved>, serializer: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = serializer.serialize_map(None)?;
    if let Some(moved) = moved {
        map.serialize_entry("moved_from", &moved.from.to_string())?;
        map.serialize_entry("because", &moved.because)?;
    }
    map.end()
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde passes fields by reference
fn iso_date<S: serde::Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(date)
}

/// Every draft the record calls for, in the order to send them, with
/// `max_checkins` check-ins before the closing note.
pub fn steps(record: &Record, max_checkins: u8) -> Vec<Step> {
    let calendar = Calendar::of(record);
    let mut steps =
        Vec::with_capacity(record.interviewers.len() * 2 + usize::from(max_checkins) + 1);
    for kind in [Kind::Email, Kind::Card] {
        let (date, moved) = match kind {
            Kind::Card => calendar.mailing_day(next_day(record.interview_date)),
            // The interview shows the office was open that day, holiday
            // or not: the thank-you goes while it is fresh.
            _ => (record.interview_date, None),
        };
        steps.extend(
            record
                .interviewed()
                .filter(|(_, person)| kind != Kind::Card || person.card)
                .map(|(who, person)| Step {
                    date,
                    kind,
                    to: person.name.clone(),
                    step: None,
                    who,
                    moved: moved.clone(),
                }),
        );
    }
    if let Some((who, first)) = first_checkin(record) {
        steps.extend(follow_ups(record, &calendar, who, first, max_checkins));
    }
    steps.sort_by_key(|step| (step.date, step.kind, step.step));
    steps
}

/// The check-ins and the closing note, each about a week after the check-in
/// before it was actually sent, or was planned when the log does not say.
fn follow_ups(
    record: &Record,
    calendar: &Calendar,
    who: Who,
    first: Date,
    max_checkins: u8,
) -> Vec<Step> {
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
    let to = record.name(who);
    let step = |(date, moved), kind, step| Step {
        date,
        kind,
        to: to.to_owned(),
        step,
        who,
        moved,
    };
    let mut steps = Vec::with_capacity(usize::from(max_checkins) + 1);
    let mut day = calendar.business_day(first);
    for number in 1..=max_checkins {
        let anchor = sent.get(usize::from(number) - 1).copied().unwrap_or(day.0);
        steps.push(step(day, Kind::Checkin, Some(number)));
        day = calendar.business_day(week_later(anchor));
    }
    steps.push(step(day, Kind::Closing, None));
    steps
}

/// Who gets the check-ins and when the first is due (a business day that
/// is no holiday), or `None` when the recruiter asked for no follow-up.
pub fn checkin(record: &Record) -> Option<(Who, Date)> {
    let (who, first) = first_checkin(record)?;
    Some((who, Calendar::of(record).business_day(first).0))
}

/// Who gets the check-ins, and the day the first would be due before
/// holidays: the day after the decision date, else a week after the
/// interview.
fn first_checkin(record: &Record) -> Option<(Who, Date)> {
    let recruiter = record.recruiter.as_ref();
    if recruiter.is_some_and(|recruiter| recruiter.no_follow_up) {
        return None;
    }
    let who = match recruiter {
        Some(_) => Who::Recruiter,
        None => record.interviewed().next()?.0,
    };
    let date = match recruiter.and_then(|recruiter| recruiter.decision_date) {
        Some(decision) => next_day(decision),
        None => week_later(record.interview_date),
    };
    Some((who, date))
}

/// The number of check-ins before the closing note: `given` (the command
/// line), else the record's, else the default.
pub fn max_checkins(given: Option<u8>, record: &Record) -> u8 {
    given
        .or(record.max_checkins)
        .unwrap_or(DEFAULT_MAX_CHECKINS)
}

/// A note when the recruiter asked for no follow-up, saying what that leaves.
pub fn no_follow_up(record: &Record) -> Option<String> {
    let recruiter = record
        .recruiter
        .as_ref()
        .filter(|recruiter| recruiter.no_follow_up)?;
    Some(format!(
        "{} asked candidates not to follow up, so there are no check-ins and no closing note; send the thank-you notes only",
        recruiter.person.name
    ))
}
