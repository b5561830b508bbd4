//! Runs a parsed command line: reads the record, renders or schedules, and
//! writes the result. With [`crate::followup`], the only place that touches
//! stdin, stdout and stderr.

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::Path;

use anyhow::{Context as _, Result, bail};

use crate::arguments::{Arguments, Command, PlanArguments, RenderArguments, ScheduleArguments};
use crate::output::{self, Format};
use crate::record::{self, Record};
use crate::render::{Draft, Renderer, Selection};
use crate::schedule::{self, Kind};
use crate::{calendar, english, followup, lint};

/// Carries out the command.
pub fn run(arguments: Arguments) -> Result<()> {
    match arguments.command {
        Command::Render(render) => run_render(&render),
        Command::Schedule(schedule) => run_schedule(&schedule),
        Command::Next(next) => followup::run_next(&next),
        Command::Log(log) => followup::run_log(&log),
    }
}

/// Reads and checks the record at `path` (`-` for standard input).
pub(crate) fn read_record(path: &Path) -> Result<Record> {
    let (name, bytes) = if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(u64::try_from(crate::yaml::MAX_BYTES).unwrap_or(u64::MAX) + 1)
            .read_to_end(&mut bytes)
            .context("cannot read the record from standard input")?;
        ("<stdin>".to_owned(), bytes)
    } else {
        let bytes =
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        (path.display().to_string(), bytes)
    };
    Ok(record::parse(&name, &bytes)?)
}

/// The number of check-ins: the flag, else the record, else the default.
pub(crate) fn max_checkins(plan: &PlanArguments, record: &Record) -> u8 {
    plan.max_checkins
        .or(record.max_checkins)
        .unwrap_or(schedule::DEFAULT_MAX_CHECKINS)
}

/// Prints a warning on stderr.
pub(crate) fn warn(message: &str) {
    eprintln!("warning: {message}");
}

/// Writes `text` to stdout; a closed pipe (`| head`) is not an error.
pub(crate) fn print(text: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

fn run_render(arguments: &RenderArguments) -> Result<()> {
    let record = read_record(&arguments.record)?;
    let renderer = Renderer::new()?;
    let selection = Selection {
        kinds: arguments.kind.clone(),
        to: arguments.to.clone(),
        step: arguments.step,
        max_checkins: max_checkins(&arguments.plan, &record),
    };
    let drafts = renderer.render(&record, &selection)?;
    for warning in lint::warnings(&record) {
        warn(&warning);
    }
    if drafts.is_empty() {
        return nothing_selected(&record, &selection);
    }
    let width = usize::from(arguments.width);
    let formatted: Vec<_> = drafts
        .iter()
        .map(|draft| (draft, output::format_draft(draft, arguments.format, width)))
        .collect();
    warn_weak_drafts(
        &record,
        &formatted,
        usize::from(arguments.card_words),
        arguments.format,
    );
    match &arguments.out_dir {
        Some(dir) => {
            let names = output::unique_names(
                drafts
                    .iter()
                    .map(|draft| output::file_name(&draft.step, arguments.format))
                    .collect(),
            );
            let files: Vec<(String, String)> = names
                .into_iter()
                .zip(formatted.into_iter().map(|(_, body)| body))
                .collect();
            let written = output::write_files(dir, &files, arguments.force)?;
            let mut listing = String::new();
            for path in written {
                let _ = writeln!(listing, "{}", path.display());
            }
            print(&listing)
        }
        None => print(&output::to_stdout(&formatted)),
    }
}

fn nothing_selected(record: &Record, selection: &Selection) -> Result<()> {
    let follow_up_only = !selection.kinds.is_empty()
        && selection
            .kinds
            .iter()
            .all(|kind| matches!(kind, Kind::Checkin | Kind::Closing));
    match schedule::checkin(record) {
        // The reason was given as a warning; an empty result is the right answer.
        None if follow_up_only => Ok(()),
        Some((to, _)) if follow_up_only && selection.step.is_none() => bail!(
            "the check-ins and the closing note go to {to}, not {}",
            selection.to.as_deref().unwrap_or("them")
        ),
        Some(_) if selection.step.is_some() => bail!(
            "there is no check-in {} for {}; the plan has {} (see --max-checkins)",
            selection.step.unwrap_or_default(),
            selection.to.as_deref().unwrap_or("anyone"),
            selection.max_checkins
        ),
        _ => bail!(
            "no {} goes to {}",
            english::join_or(selection.kinds.iter().map(|kind| kind.label())),
            selection.to.as_deref().unwrap_or("anyone")
        ),
    }
}

fn warn_weak_drafts(
    record: &Record,
    drafts: &[(&Draft, String)],
    card_words: usize,
    format: Format,
) {
    for (draft, body) in drafts {
        if draft.step.kind == Kind::Card {
            let words = lint::word_count(&match format {
                Format::Markdown => crate::text::to_text(body),
                Format::Text => body.clone(),
            });
            if let Some(warning) = lint::card_length(&draft.step.to, words, card_words) {
                warn(&warning);
            }
        }
    }
    let masks = |to: &str| -> Vec<String> {
        let mut phrases = vec![to.to_owned(), english::first_name(to)];
        if let Some(person) = record.interviewers.iter().find(|person| person.name == to) {
            phrases.extend(person.topics.iter().cloned());
        }
        phrases
    };
    for (index, (first, first_body)) in drafts.iter().enumerate() {
        for (second, second_body) in &drafts[index + 1..] {
            if first.step.kind != second.step.kind || first.step.step != second.step.step {
                continue;
            }
            let (first_masks, second_masks) = (masks(&first.step.to), masks(&second.step.to));
            let first_refs: Vec<&str> = first_masks.iter().map(String::as_str).collect();
            let second_refs: Vec<&str> = second_masks.iter().map(String::as_str).collect();
            if lint::similarity(first_body, &first_refs, second_body, &second_refs)
                > lint::SAME_WORDING
            {
                warn(&lint::same_wording(
                    first.step.kind.label(),
                    &first.step.to,
                    &second.step.to,
                ));
            }
        }
    }
}

fn run_schedule(arguments: &ScheduleArguments) -> Result<()> {
    let record = read_record(&arguments.record)?;
    let steps = schedule::plan(&record, max_checkins(&arguments.plan, &record));
    if record
        .recruiter
        .as_ref()
        .is_some_and(|recruiter| recruiter.no_follow_up)
    {
        warn("the recruiter asked candidates not to follow up, so no check-in is planned");
    }
    if let Some(path) = &arguments.ics {
        let text = calendar::calendar(&record, &steps, &arguments.record.display().to_string());
        if path == Path::new("-") {
            return print(&text);
        }
        let dir = path
            .parent()
            .filter(|dir| !dir.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        output::write_files(dir, &[(name, text)], arguments.force)?;
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
