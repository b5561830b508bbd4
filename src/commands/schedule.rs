//! `thankyou schedule`: the plan as a table, JSON or a calendar file.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Result;

use crate::arguments::ScheduleArguments;
use crate::english;
use crate::format::ics;
use crate::input::{Loaded, read_record};
use crate::output::{files, print};
use crate::plan::{self, Step};
use crate::report;

/// Prints when to send each draft, or writes the plan as a calendar.
pub fn run(arguments: &ScheduleArguments) -> Result<()> {
    let Loaded { record, .. } = read_record(&arguments.record)?;
    let steps = plan::steps(
        &record,
        plan::max_checkins(arguments.plan.max_checkins, &record),
    );
    if let Some(note) = plan::no_follow_up(&record) {
        report::note(&note);
    }
    if let Some(path) = &arguments.ics {
        let steps: Vec<&Step> = steps.iter().collect();
        let text = ics::calendar(&record, &steps, &arguments.record.display().to_string());
        if path == Path::new("-") {
            return Ok(print(&text)?);
        }
        files::write_file(path, &text, arguments.force)?;
        return Ok(());
    }
    let text = if arguments.json {
        let mut json = serde_json::to_string_pretty(&steps)?;
        json.push('\n');
        json
    } else {
        table(&steps)
    };
    Ok(print(&text)?)
}

fn table(steps: &[Step]) -> String {
    let rows: Vec<[String; 3]> = steps
        .iter()
        .map(|step| {
            [
                english::long_date(step.date),
                format!("{} {}", step.kind.verb(), step.title()),
                step.to.clone(),
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
    let (date_width, action_width) = (width(0), width(1));
    let mut out = format!("{:date_width$}  {:action_width$}  TO\n", "WHEN", "WHAT");
    for [date, action, to] in rows {
        let _ = writeln!(out, "{date:date_width$}  {action:action_width$}  {to}");
    }
    out
}
