//! `thankyou next`: what is due across many records, oldest first.

use std::fmt::Write as _;

use anyhow::{Result, bail};
use jiff::civil::Date;

use crate::arguments::NextArguments;
use crate::english;
use crate::input::{Loaded, expand, read_record, today};
use crate::output::{names, print};
use crate::plan::due;
use crate::plan::{self, Step};
use crate::record::Locale;
use crate::report;

/// Lists what is due on or before today, across every record.
pub fn run(arguments: &NextArguments) -> Result<()> {
    let today = today(arguments.today.as_deref(), "--today")?.date();
    let paths = expand(&arguments.records)?;
    let mut due: Vec<Due> = Vec::new();
    let mut quiet: Vec<String> = Vec::new();
    let mut locales: Vec<Locale> = Vec::new();
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
        let max_checkins = plan::max_checkins(arguments.plan.max_checkins, &record);
        let outcome = due::outcome(&record, max_checkins, today);
        let locale = record.locale;
        if !locales.contains(&locale) {
            locales.push(locale);
        }
        if let Some(reason) = &outcome.stopped {
            quiet.push(format!("{name}: {}", reason.describe(&record)));
        } else if let Some(step) = outcome.upcoming.as_ref().filter(|_| outcome.due.is_empty()) {
            quiet.push(format!(
                "{name}: next, {} on {}",
                step.action(),
                english::long_date_in(step.date, locale)
            ));
        }
        let about = format!("{} at {}", record.role, record.company);
        due.extend(outcome.due.into_iter().map(|step| Due {
            step,
            name: name.clone(),
            about: about.clone(),
            locale,
        }));
    }
    due.sort_by(|a, b| (a.step.date, &a.name).cmp(&(b.step.date, &b.name)));
    // Today as the records write dates, when they all write them one way.
    let locale = match locales.as_slice() {
        [one] => *one,
        _ => Locale::default(),
    };
    print(&next_report(today, locale, &due, &quiet))?;
    if failed > 0 {
        bail!(
            "{failed} of {} records could not be read; the others are listed above",
            paths.len()
        );
    }
    Ok(())
}

/// A step that is due, with the record it comes from.
struct Due {
    step: Step,
    /// The record's file, as the user named it.
    name: String,
    /// "Role at Company".
    about: String,
    /// How the record writes dates.
    locale: Locale,
}

fn next_report(today: Date, locale: Locale, due: &[Due], quiet: &[String]) -> String {
    let mut out = String::new();
    let day = english::long_date_in(today, locale);
    if due.is_empty() {
        let _ = writeln!(out, "Nothing is due by {day}.");
    } else {
        let _ = writeln!(out, "Due by {day}, oldest first:");
    }
    for Due {
        step,
        name,
        about,
        locale,
    } in due
    {
        let _ = writeln!(
            out,
            "\n{} ({}): {}\n    {about}\n    {}",
            english::long_date_in(step.date, *locale),
            lateness(due::days_overdue(step, today)),
            step.action(),
            names::render_command(name, step)
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
