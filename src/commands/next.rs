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
use crate::report;

/// Lists what is due on or before today, across every record.
pub fn run(arguments: &NextArguments) -> Result<()> {
    let today = today(arguments.today.as_deref(), "--today")?.date();
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
        let max_checkins = plan::max_checkins(arguments.plan.max_checkins, &record);
        let outcome = due::outcome(&record, max_checkins, today);
        if let Some(reason) = &outcome.stopped {
            quiet.push(format!("{name}: {}", reason.describe(&record)));
        } else if let Some(step) = outcome.upcoming.as_ref().filter(|_| outcome.due.is_empty()) {
            quiet.push(format!(
                "{name}: next, {} on {}",
                step.action(),
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
