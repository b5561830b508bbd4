//! Runs a parsed command line: the one place, with [`crate::commands`], that
//! touches stdin, stdout and stderr. Holds what the commands share: reading
//! records, finding them on disk, today's date and printing.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, anyhow, bail};
use jiff::civil::Date;

use crate::arguments::{Arguments, Command, PlanArguments};
use crate::commands::{check, followup, plan, render, setup};
use crate::fields::parse_date;
use crate::record::{self, Record};
use crate::schedule;

/// Carries out the command.
pub fn run(arguments: Arguments) -> Result<()> {
    match arguments.command {
        Command::Render(arguments) => render::run(&arguments),
        Command::Schedule(arguments) => plan::run(&arguments),
        Command::Next(arguments) => followup::run_next(&arguments),
        Command::Log(arguments) => followup::run_log(&arguments),
        Command::Check(arguments) => check::run(&arguments),
        Command::Templates(command) => setup::run_templates(&command),
        Command::Init { file, force } => setup::run_init(&file, force),
        Command::Schema => setup::run_schema(),
        Command::Completions { shell } => setup::run_completions(shell),
        Command::Man => setup::run_man(),
    }
}

/// A record as read: how messages name its file, and its content.
pub(crate) struct Loaded {
    pub(crate) name: String,
    pub(crate) record: Record,
}

/// Reads and checks the record at `path` (`-` for standard input).
pub(crate) fn read_record(path: &Path) -> Result<Loaded> {
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
    let record = record::parse(&name, &bytes)?;
    Ok(Loaded { name, record })
}

/// The record files named by `arguments`: files as given, folders as the
/// `.yaml` and `.yml` files in them, patterns as their matches; sorted within each.
pub(crate) fn expand(arguments: &[String]) -> Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for argument in arguments {
        let path = Path::new(argument);
        if path.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(path)
                .with_context(|| format!("cannot read the folder {argument}"))?
                .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                .filter(|path| {
                    path.extension()
                        .is_some_and(|extension| extension == "yaml" || extension == "yml")
                })
                .collect();
            found.sort();
            if found.is_empty() {
                bail!("{argument} holds no .yaml or .yml records");
            }
            paths.extend(found);
        } else if !path.exists() && argument.contains(['*', '?', '[']) {
            let mut found: Vec<PathBuf> = glob::glob(argument)
                .map_err(|error| anyhow!("`{argument}` is not a valid pattern: {error}"))?
                .filter_map(std::result::Result::ok)
                .collect();
            found.sort();
            if found.is_empty() {
                bail!("no records match `{argument}`");
            }
            paths.extend(found);
        } else {
            paths.push(path.to_owned());
        }
    }
    Ok(paths)
}

/// The date given for `flag`, or today's local date.
pub(crate) fn today_or(text: Option<&str>, flag: &str) -> Result<Date> {
    match text {
        Some(text) => parse_date(text.trim()).ok_or_else(|| {
            anyhow!("{flag}: `{text}` is not a date; write it as YYYY-MM-DD, such as 2026-11-19")
        }),
        None => Ok(jiff::ZonedDateTime::now().date()),
    }
}

/// The number of check-ins: the flag, else the record, else the default.
pub(crate) fn max_checkins(plan: &PlanArguments, record: &Record) -> u8 {
    plan.max_checkins
        .or(record.max_checkins)
        .unwrap_or(schedule::DEFAULT_MAX_CHECKINS)
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
