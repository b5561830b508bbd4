//! `thankyou schedule`: the plan as a table, JSON or a calendar file.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Result;
use serde::Serialize;

use crate::arguments::ScheduleArguments;
use crate::english;
use crate::format::ics;
use crate::input::{Loaded, read_record};
use crate::output::{files, print};
use crate::plan::{self, Step, due};
use crate::record::Locale;
use crate::report;

/// Prints when to send each draft, or writes the plan as a calendar; what
/// the log shows sent is marked, and once the plan has stopped (a closed
/// status, a reply) only what was sent is left, with the reason `next` gives.
pub fn run(arguments: &ScheduleArguments) -> Result<()> {
    let Loaded { record, .. } = read_record(&arguments.record)?;
    let max_checkins = plan::max_checkins(arguments.plan.max_checkins, &record);
    let (steps, stopped) = due::schedule(&record, max_checkins);
    if let Some(note) = plan::no_follow_up(&record) {
        report::note(&note);
    }
    if let Some(reason) = &stopped {
        report::note(&reason.describe(&record));
    }
    if let Some(path) = &arguments.ics {
        let steps: Vec<&Step> = steps.iter().map(|(step, _)| step).collect();
        let text = ics::calendar(&record, &steps, &arguments.record.display().to_string());
        if path == Path::new("-") {
            return Ok(print(&text)?);
        }
        files::write_file(path, &text, arguments.force)?;
        // Like `render --out-dir`: the file written, on stdout.
        return Ok(print(&format!("{}\n", path.display()))?);
    }
    let text = if arguments.json {
        let rows: Vec<Row> = steps
            .iter()
            .map(|(step, sent)| Row { step, sent: *sent })
            .collect();
        let mut json = serde_json::to_string_pretty(&rows)?;
        json.push('\n');
        json
    } else if steps.is_empty() {
        String::new()
    } else {
        table(&steps, record.locale)
    };
    Ok(print(&text)?)
}

/// One step of the plan as JSON: the step, and `"sent": true` once logged.
#[derive(Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    step: &'a Step,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    sent: bool,
}

fn table(steps: &[(Step, bool)], locale: Locale) -> String {
    let rows: Vec<[String; 4]> = steps
        .iter()
        .map(|(step, sent)| {
            [
                english::long_date_in(step.date, locale),
                format!("{} {}", step.kind.verb(), step.title()),
                step.to.clone(),
                if *sent { "sent".into() } else { String::new() },
            ]
        })
        .collect();
    let width = |column: usize| {
        rows.iter()
            .map(|row| row[column].chars().count())
            .max()
            .unwrap_or(0)
            .max(4)
    };
    let (date_width, action_width, to_width) = (width(0), width(1), width(2));
    let any_sent = steps.iter().any(|(_, sent)| *sent);
    let mut out = if any_sent {
        format!(
            "{:date_width$}  {:action_width$}  {:to_width$}  DONE\n",
            "WHEN", "WHAT", "TO"
        )
    } else {
        format!("{:date_width$}  {:action_width$}  TO\n", "WHEN", "WHAT")
    };
    for ([date, action, to, sent], (step, _)) in rows.into_iter().zip(steps) {
        let line = if any_sent {
            format!("{date:date_width$}  {action:action_width$}  {to:to_width$}  {sent}")
        } else {
            format!("{date:date_width$}  {action:action_width$}  {to}")
        };
        let _ = writeln!(out, "{}", line.trim_end());
        if let Some(moved) = &step.moved {
            let _ = writeln!(
                out,
                "{:date_width$}  moved from {}: {}",
                "",
                english::long_date_in(moved.from, locale),
                moved.because
            );
        }
    }
    out
}
