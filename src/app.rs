//! Runs a parsed command line: reads the record, renders or schedules, and
//! writes the result. The only place that touches stdin, stdout and stderr.

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::Path;

use anyhow::{Context as _, Result, bail};

use crate::arguments::{Arguments, Command, RenderArguments, ScheduleArguments};
use crate::output::{self, Format};
use crate::record::{self, Record};
use crate::render::{Renderer, Selection};
use crate::schedule::{self, Kind};
use crate::{english, lint};

/// Carries out the command.
pub fn run(arguments: Arguments) -> Result<()> {
    match arguments.command {
        Command::Render(render) => run_render(&render),
        Command::Schedule(schedule) => run_schedule(&schedule),
    }
}

fn read_record(path: &Path) -> Result<Record> {
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

fn warn(message: &str) {
    eprintln!("warning: {message}");
}

fn run_render(arguments: &RenderArguments) -> Result<()> {
    let record = read_record(&arguments.record)?;
    let renderer = Renderer::new()?;
    let selection = Selection {
        kinds: arguments.kind.clone(),
        to: arguments.to.clone(),
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
                    .map(|draft| output::file_name(draft.kind, &draft.to, arguments.format))
                    .collect(),
            );
            let files: Vec<(String, String)> = names
                .into_iter()
                .zip(formatted.into_iter().map(|(_, body)| body))
                .collect();
            let written = output::write_files(dir, &files, arguments.force)?;
            let mut stdout = std::io::stdout().lock();
            for path in written {
                writeln!(stdout, "{}", path.display())?;
            }
        }
        None => print(&output::to_stdout(&formatted))?,
    }
    Ok(())
}

fn nothing_selected(record: &Record, selection: &Selection) -> Result<()> {
    let checkin_only =
        !selection.kinds.is_empty() && selection.kinds.iter().all(|kind| *kind == Kind::Checkin);
    match schedule::checkin(record) {
        None if checkin_only => {
            // The reason was given as a warning; an empty result is the right answer.
            Ok(())
        }
        Some((to, _)) if checkin_only => bail!(
            "the check-in goes to {to}, not {}",
            selection.to.as_deref().unwrap_or("them")
        ),
        _ => bail!(
            "no {} goes to {}",
            english::join_or(selection.kinds.iter().map(|kind| kind.name())),
            selection.to.as_deref().unwrap_or("anyone")
        ),
    }
}

fn warn_weak_drafts(
    record: &Record,
    drafts: &[(&crate::render::Draft, String)],
    card_words: usize,
    format: Format,
) {
    for (draft, body) in drafts {
        if draft.kind == Kind::Card {
            let words = lint::word_count(&match format {
                Format::Markdown => crate::text::to_text(body),
                Format::Text => body.clone(),
            });
            if let Some(warning) = lint::card_length(&draft.to, words, card_words) {
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
            if first.kind != second.kind {
                continue;
            }
            let (first_masks, second_masks) = (masks(&first.to), masks(&second.to));
            let first_refs: Vec<&str> = first_masks.iter().map(String::as_str).collect();
            let second_refs: Vec<&str> = second_masks.iter().map(String::as_str).collect();
            if lint::similarity(first_body, &first_refs, second_body, &second_refs)
                > lint::SAME_WORDING
            {
                warn(&lint::same_wording(
                    first.kind.name(),
                    &first.to,
                    &second.to,
                ));
            }
        }
    }
}

fn run_schedule(arguments: &ScheduleArguments) -> Result<()> {
    let record = read_record(&arguments.record)?;
    let steps = schedule::plan(&record);
    if record
        .recruiter
        .as_ref()
        .is_some_and(|recruiter| recruiter.no_follow_up)
    {
        warn("the recruiter asked candidates not to follow up, so no check-in is planned");
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
                step.kind.action().to_owned(),
                step.to.clone(),
            ]
        })
        .collect();
    let date_width = rows
        .iter()
        .map(|row| row[0].chars().count())
        .max()
        .unwrap_or(0)
        .max(4);
    let action_width = rows
        .iter()
        .map(|row| row[1].chars().count())
        .max()
        .unwrap_or(0)
        .max(4);
    let mut out = format!("{:date_width$}  {:action_width$}  TO\n", "WHEN", "WHAT");
    for [date, action, to] in rows {
        let _ = writeln!(out, "{date:date_width$}  {action:action_width$}  {to}");
    }
    out
}

fn print(text: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
