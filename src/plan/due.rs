//! What is due on a given day: the planned steps not yet in the log.
//!
//! A follow-up is a chain: a second check-in makes no sense before the
//! first, so only the earliest unsent check-in or closing note is ever due,
//! while each email and card stands on its own.

use jiff::civil::Date;

use super::steps::{Step, steps};
use crate::english;
use crate::record::{Event, LogEntry, Record, Status};

/// What one record has due, or why it has nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Steps due on or before the day, oldest first.
    pub due: Vec<Step>,
    /// The next step after the day, if any.
    pub upcoming: Option<Step>,
    /// Why nothing at all is due, when the plan has stopped.
    pub stopped: Option<Stopped>,
}

/// Why a record's plan has stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stopped {
    /// The application is no longer open.
    Status(Status),
    /// Someone replied after the last message the candidate sent.
    Replied(LogEntry),
    /// Every step, the closing note included, is in the log.
    Finished,
}

impl Stopped {
    /// Why the plan stopped, as `next` and `schedule` both say it.
    pub fn describe(&self, record: &Record) -> String {
        match self {
            Stopped::Status(status) => format!(
                "the status is `{}`, so there is nothing more to send",
                status.name()
            ),
            Stopped::Replied(entry) => {
                let from = match entry.event {
                    Event::Reply { from: who } | Event::Sent { to: who, .. } => record.name(who),
                };
                let note = entry
                    .note
                    .as_ref()
                    .map(|note| format!(" ({note})"))
                    .unwrap_or_default();
                format!(
                    "{from} replied on {}{note}; nothing is due until you write again",
                    english::long_date_in(entry.date, record.locale)
                )
            }
            Stopped::Finished => {
                "the closing note is sent; it is time to put your energy into other openings".into()
            }
        }
    }
}

/// Why the plan has stopped before its end, if it has: the application
/// is closed, or someone replied after the last message sent.
pub fn stopped_early(record: &Record) -> Option<Stopped> {
    if record.status != Status::Open {
        return Some(Stopped::Status(record.status));
    }
    reply_after_last_message(record).map(|reply| Stopped::Replied(reply.clone()))
}

/// The plan as `schedule` shows it: each step with whether the log shows
/// it sent; once the plan has stopped early, only the steps sent, and why
/// it stopped, as `next` says it.
pub fn schedule(record: &Record, max_checkins: u8) -> (Vec<(Step, bool)>, Option<Stopped>) {
    let stopped = stopped_early(record);
    let steps = steps(record, max_checkins)
        .into_iter()
        .map(|step| {
            let sent = step.is_logged(record);
            (step, sent)
        })
        .filter(|(_, sent)| *sent || stopped.is_none())
        .collect();
    (steps, stopped)
}

/// What `record` has due on `today`.
pub fn outcome(record: &Record, max_checkins: u8, today: Date) -> Outcome {
    if let Some(reason) = stopped_early(record) {
        return stopped(reason);
    }
    let mut pending: Vec<Step> = Vec::new();
    let mut chain_started = false;
    for step in steps(record, max_checkins) {
        if step.is_logged(record) {
            continue;
        }
        let in_chain = step.kind.is_follow_up();
        if in_chain && chain_started {
            continue;
        }
        chain_started |= in_chain;
        pending.push(step);
    }
    if pending.is_empty() {
        return stopped(Stopped::Finished);
    }
    let upcoming = pending.iter().find(|step| step.date > today).cloned();
    pending.retain(|step| step.date <= today);
    Outcome {
        due: pending,
        upcoming,
        stopped: None,
    }
}

fn stopped(reason: Stopped) -> Outcome {
    Outcome {
        due: Vec::new(),
        upcoming: None,
        stopped: Some(reason),
    }
}

/// The latest reply, when nothing was sent after it.
fn reply_after_last_message(record: &Record) -> Option<&LogEntry> {
    let last_reply = record
        .log
        .iter()
        .filter(|entry| matches!(entry.event, Event::Reply { .. }))
        .max_by_key(|entry| entry.date)?;
    let sent_since = record
        .log
        .iter()
        .any(|entry| matches!(entry.event, Event::Sent { .. }) && entry.date > last_reply.date);
    (!sent_since).then_some(last_reply)
}

/// How many days late a step is on `today`; 0 when it is due today.
pub fn days_overdue(step: &Step, today: Date) -> i32 {
    (today - step.date).get_days()
}
