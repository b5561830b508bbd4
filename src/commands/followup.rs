//! The follow-up commands: `next` (what is due across many records) and
//! `log` (recording what was sent or received).

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context as _, Result, anyhow, bail};
use jiff::civil::Date;

use crate::app::{Loaded, expand, max_checkins, print, read_record, today_or};
use crate::arguments::{LogArguments, NextArguments};
use crate::due::{self, Stopped};
use crate::english;
use crate::log::{self, NewEntry};
use crate::output;
use crate::record::{self, Event, Record};
use crate::report;
use crate::schedule::Step;

/// `thankyou next`: what is due on or before today, across every record.
pub fn run_next(arguments: &NextArguments) -> Result<()> {
    let today = today_or(arguments.today.as_deref(), "--today")?;
    let paths = expand(&arguments.records)?;
    let mut due: Vec<(Step, String, String)> = Vec::new();
    let mut quiet: Vec<String> = Vec::new();
    let mut failed = 0;
    for path in &paths {
        let name = path.strip_prefix(".").unwrap_or(path).display().to_string();
        let record = match read_record(path) {
            Ok(Loaded { record, .. }) => record,
            Err(error) => {
                report::error(&format!("{error:#}"));
                failed += 1;
                continue;
            }
        };
        let outcome = due::outcome(&record, max_checkins(&arguments.plan, &record), today);
        if let Some(reason) = &outcome.stopped {
            quiet.push(format!("{name}: {}", stopped_reason(reason)));
        } else if let Some(step) = outcome.upcoming.as_ref().filter(|_| outcome.due.is_empty()) {
            quiet.push(format!(
                "{name}: next, {} on {}",
                output::action(step),
                english::long_date(step.date)
            ));
        }
        let about = format!("{} at {}", record.role, record.company);
        due.extend(
            outcome
                .due
                .into_iter()
                .map(|step| (step, name.clone(), about.clone())),
        );
    }
    due.sort_by(|a, b| (a.0.date, &a.1).cmp(&(b.0.date, &b.1)));
    print(&next_report(today, &due, &quiet))?;
    if failed > 0 {
        bail!(
            "{failed} of {} records could not be read; the others are listed above",
            paths.len()
        );
    }
    Ok(())
}

fn next_report(today: Date, due: &[(Step, String, String)], quiet: &[String]) -> String {
    let mut out = String::new();
    if due.is_empty() {
        let _ = writeln!(out, "Nothing is due by {}.", english::long_date(today));
    } else {
        let _ = writeln!(out, "Due by {}, oldest first:", english::long_date(today));
    }
    for (step, name, about) in due {
        let _ = writeln!(
            out,
            "\n{} ({}): {}\n    {about}\n    {}",
            english::long_date(step.date),
            lateness(due::days_overdue(step, today)),
            output::action(step),
            output::render_command(name, step)
        );
    }
    if !quiet.is_empty() {
        let _ = writeln!(out, "\nNothing due now:");
        for line in quiet {
            let _ = writeln!(out, "    {line}");
        }
    }
    out
}

fn lateness(days: i32) -> String {
    match days {
        0 => "today".into(),
        1 => "1 day overdue".into(),
        days => format!("{days} days overdue"),
    }
}

fn stopped_reason(reason: &Stopped) -> String {
    match reason {
        Stopped::Status(status) => format!(
            "the status is `{}`, so there is nothing more to send",
            status.name()
        ),
        Stopped::Replied(entry) => {
            let from = match &entry.event {
                Event::Reply { from } => from.as_str(),
                Event::Sent { to, .. } => to.as_str(),
            };
            let note = entry
                .note
                .as_ref()
                .map(|note| format!(" ({note})"))
                .unwrap_or_default();
            format!(
                "{from} replied on {}{note}; nothing is due until you write again",
                english::long_date(entry.date)
            )
        }
        Stopped::Finished => {
            "the closing note is sent; it is time to put your energy into other openings".into()
        }
    }
}

/// `thankyou log`: appends one entry to the record's `log:`.
pub fn run_log(arguments: &LogArguments) -> Result<()> {
    let path = &arguments.record;
    if path == Path::new("-") {
        bail!("log adds to a file; give the record's path instead of `-`");
    }
    let date = today_or(arguments.date.as_deref(), "--date")?;
    let name = path.display().to_string();
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {name}"))?;
    let record = record::parse(&name, &bytes)?;
    if date < record.interview_date {
        bail!(
            "--date: {date} is before the interview on {}",
            record.interview_date
        );
    }
    let text = String::from_utf8(bytes).with_context(|| format!("{name} is not UTF-8 text"))?;
    let note = arguments.note.clone();
    let entry = match (&arguments.sent, &arguments.to, &arguments.reply) {
        (Some(kind), Some(to), None) => NewEntry::Sent {
            date,
            kind: *kind,
            to: person(&record, to, "--to")?,
            note,
        },
        (None, None, Some(from)) => NewEntry::Reply {
            date,
            from: person(&record, from, "--reply")?,
            note,
        },
        _ => bail!("give either --sent KIND with --to NAME, or --reply NAME"),
    };
    let updated = log::append(&text, &entry).map_err(|error| anyhow!("{name}: {error}"))?;
    record::parse(&name, updated.as_bytes()).with_context(|| {
        format!("the new entry would make {name} invalid, so it was not written")
    })?;
    output::replace_file(path, &updated)?;
    print(&format!(
        "{name}: logged {}.\nSee what is due next with: thankyou next {}\n",
        describe(&entry),
        output::shell_quote(&name)
    ))
}

/// The record's spelling of `name`, or an error listing the people in it.
fn person(record: &Record, name: &str, flag: &str) -> Result<String> {
    record
        .people()
        .find(|known| known.eq_ignore_ascii_case(name.trim()))
        .map(str::to_owned)
        .ok_or_else(|| {
            anyhow!(
                "{flag}: `{name}` is not in the record; the people in it are {}",
                english::join_and(record.people())
            )
        })
}

fn describe(entry: &NewEntry) -> String {
    match entry {
        NewEntry::Sent { date, kind, to, .. } => format!(
            "{} sent to {to} on {}",
            kind.label(),
            english::long_date(*date)
        ),
        NewEntry::Reply { date, from, .. } => {
            format!("a reply from {from} on {}", english::long_date(*date))
        }
    }
}
