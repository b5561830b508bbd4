//! The plan as an iCalendar file (RFC 5545): one all-day event per step.
//!
//! Every event has a UID made from the record and the step, and a fixed
//! DTSTAMP, so importing the file again after a change updates the events
//! instead of adding copies.
//!
//! icalendar takes its dates as chrono's; the conversion from jiff's is
//! here, and chrono is used nowhere else.

use icalendar::{Calendar, Component, EventLike, Property};

use super::common::{Format, Input, Written};
use crate::english;
use crate::error::Result;
use crate::output::Document;
use crate::output::names::{ascii_slug, person_id, render_command};
use crate::plan::Step;
use crate::record::Record;

/// `follow-up.ics`: a calendar with one all-day event per draft, on the day to send it.
pub const FORMAT: Format = Format {
    name: "ics",
    about: "`follow-up.ics`: a calendar with one all-day event per draft, on the day to send it",
    write,
};

#[allow(clippy::unnecessary_wraps)] // every format has the one signature
fn write(input: &Input<'_>) -> Result<Written> {
    let steps: Vec<&Step> = input.drafts.iter().map(|draft| &draft.step).collect();
    Ok(Written {
        documents: vec![Document {
            file: "follow-up.ics".into(),
            header: None,
            body: calendar(input.record, &steps, input.source),
        }],
        messages: Vec::new(),
    })
}

/// The calendar for `steps` of `record`, read from the file `record_name`.
pub fn calendar(record: &Record, steps: &[&Step], record_name: &str) -> String {
    let mut calendar = Calendar::new();
    let name = format!("Follow-up: {} at {}", record.role, record.company);
    // icalendar escapes TEXT values by the property's type, and does not
    // know RFC 7986's NAME: saying its type is TEXT has the crate escape it
    // as it escapes X-WR-CALNAME.
    calendar.append_property(
        Property::new("NAME", &name)
            .add_parameter("VALUE", "TEXT")
            .done(),
    );
    calendar.append_property(Property::new("X-WR-CALNAME", &name));
    for step in steps {
        calendar.push(event(record, step, record_name));
    }
    calendar.done().to_string()
}

fn event(record: &Record, step: &Step, record_name: &str) -> icalendar::Event {
    let mut summary = step.action();
    if let Some(first) = summary.get(..1) {
        summary.replace_range(..1, &first.to_uppercase());
    }
    let interviewed = english::long_date_in(record.interview_date, record.locale);
    icalendar::Event::new()
        .uid(&uid(record, step))
        .timestamp(stamp(record))
        .starts(naive(step.date))
        // An all-day event ends, exclusively, on the next day.
        .ends(naive(step.date.tomorrow().unwrap_or(step.date)))
        .summary(&format!(
            "{summary}: {} at {}, interviewed {interviewed}",
            record.role, record.company
        ))
        .description(&description(record, step, record_name))
        .done()
}

/// Why the event is on its day, when a holiday moved it, and the command
/// that writes the draft.
fn description(record: &Record, step: &Step, record_name: &str) -> String {
    let command = render_command(record_name, step);
    match &step.moved {
        Some(moved) => format!(
            "Moved from {}: {}.\nThe draft: {command}",
            english::long_date_in(moved.from, record.locale),
            moved.because
        ),
        None => format!("The draft: {command}"),
    }
}

/// The same step of the same interview always gets the same UID; each
/// person their own, however alike their names, and the UID short however
/// long the names are (every slug is bounded).
fn uid(record: &Record, step: &Step) -> String {
    let what = match step.step {
        Some(_) => step.id(),
        None => format!("{}-{}", step.id(), person_id(&step.to)),
    };
    format!(
        "{what}.{}.{}.{}@thankyou",
        record.interview_date,
        ascii_slug(&record.company),
        ascii_slug(&record.role)
    )
}

/// A fixed DTSTAMP (the interview day), so an unchanged plan gives a byte-identical file.
fn stamp(record: &Record) -> chrono::DateTime<chrono::Utc> {
    naive(record.interview_date)
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default()
        .and_utc()
}

fn naive(date: jiff::civil::Date) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(
        i32::from(date.year()),
        u32::from(date.month().unsigned_abs()),
        u32::from(date.day().unsigned_abs()),
    )
    .unwrap_or_default()
}
