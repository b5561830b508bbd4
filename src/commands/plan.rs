//! `thankyou schedule`: the plan as a table, JSON or a calendar file.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Result;

use crate::app::{Loaded, max_checkins, print, read_record};
use crate::arguments::ScheduleArguments;
use crate::commands::render::note_no_follow_up;
use crate::report::Message;
use crate::schedule;
use crate::{calendar, english, output};

/// Runs `thankyou schedule`.
pub fn run(arguments: &ScheduleArguments) -> Result<()> {
    let Loaded { record, .. } = read_record(&arguments.record)?;
    let steps = schedule::plan(&record, max_checkins(&arguments.plan, &record));
    let mut messages = Vec::new();
    note_no_follow_up(&record, &mut messages);
    messages.iter().for_each(Message::print);
    if let Some(path) = &arguments.ics {
        let text = calendar::calendar(&record, &steps, &arguments.record.display().to_string());
        if path == Path::new("-") {
            return print(&text);
        }
        output::write_file(path, text, arguments.force)?;
        return Ok(());
    }
    let text = if arguments.json {
        let mut json = serde_json::to_string_pretty(&steps)?;
        json.push('\n');
        json
    } else {
        table(&steps)
    };
    print(&text)
}

fn table(steps: &[schedule::Step]) -> String {
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
