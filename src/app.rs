//! Runs a parsed command line: reads the record, renders or schedules, and
//! writes the result. With [`crate::followup`], the only place that touches
//! stdin, stdout and stderr.

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, anyhow, bail};
use clap::CommandFactory;
use jiff::civil::Date;

use crate::arguments::{
    Arguments, CheckArguments, Command, PlanArguments, RenderArguments, ScheduleArguments,
    TemplatesCommand,
};
use crate::fields::parse_date;
use crate::output::{self, Format};
use crate::record::{self, Record};
use crate::render::{Draft, Renderer, Selection};
use crate::schedule::{self, Kind};
use crate::{calendar, english, followup, lint, mail, print, report, templates};

/// Carries out the command.
pub fn run(arguments: Arguments) -> Result<()> {
    match arguments.command {
        Command::Render(render) => run_render(&render),
        Command::Schedule(schedule) => run_schedule(&schedule),
        Command::Next(next) => followup::run_next(&next),
        Command::Log(log) => followup::run_log(&log),
        Command::Check(check) => run_check(&check),
        Command::Templates(command) => run_templates(&command),
        Command::Init { file, force } => run_init(&file, force),
        Command::Schema => {
            let mut json = serde_json::to_string_pretty(&record::json_schema())?;
            json.push('\n');
            print(&json)
        }
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Arguments::command(), "thankyou", &mut script);
            print(&String::from_utf8_lossy(&script))
        }
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Arguments::command()).render(&mut page)?;
            print(&String::from_utf8_lossy(&page))
        }
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

fn run_render(arguments: &RenderArguments) -> Result<()> {
    let renderer = Renderer::with_sources(&templates::sources(arguments.templates.as_deref())?)?;
    let paths = if arguments.records == ["-"] {
        vec![PathBuf::from("-")]
    } else {
        expand(&arguments.records)?
    };
    if paths.len() == 1 {
        let documents = render_record(&renderer, &paths[0], arguments)?;
        return write_documents(&documents, arguments.out_dir.as_deref(), arguments.force);
    }
    // A batch: each record's drafts under its own header or subfolder; a
    // record that fails is reported and the others still render.
    let folders = output::unique_names(
        paths
            .iter()
            .map(|path| output::slug(&path.file_stem().unwrap_or_default().to_string_lossy()))
            .collect(),
    );
    let mut failed = 0;
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    for (path, folder) in paths.iter().zip(folders) {
        let written = render_record(&renderer, path, arguments).and_then(|documents| {
            if let Some(dir) = &arguments.out_dir {
                return write_documents(&documents, Some(&dir.join(folder)), arguments.force);
            }
            let label = path.display().to_string();
            for document in documents {
                let header = document.header.map_or_else(
                    || format!("==> {label} <=="),
                    |header| header.replacen("==> ", &format!("==> {label}: "), 1),
                );
                write!(stdout, "{header}\n\n{}\n", document.body)?;
            }
            Ok(())
        });
        if let Err(error) = written {
            if is_broken_pipe(&error) {
                return Ok(());
            }
            // Name the record, unless the message already starts with it.
            let name = path.display().to_string();
            let message = format!("{error:#}");
            if message.starts_with(&name) || message.starts_with(&format!("cannot read {name}")) {
                report::error(&message);
            } else {
                report::error(&format!("{name}: {message}"));
            }
            failed += 1;
        }
    }
    if let Err(error) = stdout.flush()
        && error.kind() != std::io::ErrorKind::BrokenPipe
    {
        return Err(error.into());
    }
    if failed > 0 {
        bail!(
            "{failed} of {} records failed; the others were rendered",
            paths.len()
        );
    }
    Ok(())
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .downcast_ref::<std::io::Error>()
        .is_some_and(|error| error.kind() == std::io::ErrorKind::BrokenPipe)
}

/// Renders one record into the documents `render` writes, printing its warnings.
fn render_record(
    renderer: &Renderer,
    path: &Path,
    arguments: &RenderArguments,
) -> Result<Vec<Document>> {
    let Loaded { name, record } = read_record(path)?;
    let selection = Selection {
        kinds: arguments.kind.clone(),
        to: arguments.to.clone(),
        step: arguments.step,
        max_checkins: max_checkins(&arguments.plan, &record),
    };
    let drafts = renderer.render(&record, &selection)?;
    note_no_follow_up(&record);
    if drafts.is_empty() {
        nothing_selected(&record, &selection)?;
        return Ok(Vec::new());
    }
    for finding in lint::findings(&record, today_or(None, "")?) {
        report::finding(&name, &finding);
    }
    warn_weak_drafts(&name, &record, &drafts, usize::from(arguments.card_words));
    let emailed = drafts
        .iter()
        .filter(|draft| mail::is_emailed(draft.step.kind))
        .count();
    if arguments.format == Format::Eml && arguments.out_dir.is_none() && emailed > 1 {
        bail!(
            "--format eml writes one file per message; add --out-dir DIR, or pick one draft with --kind and --to"
        );
    }
    documents(&record, &drafts, arguments)
}

/// Writes documents into `dir` (listing the files on stdout), or to stdout.
fn write_documents(documents: &[Document], dir: Option<&Path>, force: bool) -> Result<()> {
    if documents.is_empty() {
        return Ok(());
    }
    match dir {
        Some(dir) => {
            let names = output::unique_names(
                documents
                    .iter()
                    .map(|document| document.file.clone())
                    .collect(),
            );
            let files: Vec<(String, String)> = names
                .into_iter()
                .zip(documents.iter().map(|document| document.body.clone()))
                .collect();
            let written = output::write_files(dir, &files, force)?;
            let mut listing = String::new();
            for path in written {
                let _ = writeln!(listing, "{}", path.display());
            }
            print(&listing)
        }
        None => print(&output::to_stdout(
            &documents
                .iter()
                .map(|document| (document.header.clone(), document.body.clone()))
                .collect::<Vec<_>>(),
        )),
    }
}

/// One thing `render` writes: a file's name, the header that introduces it
/// on stdout, and its text.
struct Document {
    file: String,
    header: Option<String>,
    body: String,
}

/// The drafts in the chosen format: one document per draft, or for
/// `--format print` one sheet of cards.
fn documents(
    record: &Record,
    drafts: &[Draft],
    arguments: &RenderArguments,
) -> Result<Vec<Document>> {
    let format = arguments.format;
    let per_draft = |draft: &Draft, body: String| Document {
        file: output::file_name(&draft.step, format),
        header: Some(output::header(draft)),
        body,
    };
    let emailed: Vec<&Draft> = drafts
        .iter()
        .filter(|draft| mail::is_emailed(draft.step.kind))
        .collect();
    if matches!(format, Format::Eml | Format::Mailto) && emailed.len() < drafts.len() {
        report::note(
            "cards are written by hand, so they are left out; use --format print for a sheet to copy from",
        );
    }
    let skipped = |draft: &Draft| {
        report::warning(&format!(
            "the record has no email address for {}, so the {} to them was skipped",
            draft.step.to,
            draft.step.title()
        ));
    };
    let mut documents = Vec::new();
    match format {
        Format::Markdown | Format::Text | Format::Html => {
            let width = usize::from(arguments.width);
            documents.extend(
                drafts
                    .iter()
                    .map(|draft| per_draft(draft, output::format_draft(draft, format, width))),
            );
        }
        Format::Eml => {
            for draft in emailed {
                match mail::eml(record, draft)? {
                    Some(eml) => documents.push(per_draft(draft, eml)),
                    None => skipped(draft),
                }
            }
        }
        Format::Mailto => {
            for draft in emailed {
                match mail::mailto(record, draft) {
                    Some(link) => documents.push(per_draft(draft, link + "\n")),
                    None => skipped(draft),
                }
            }
        }
        Format::Print => {
            let cards: Vec<&Draft> = drafts
                .iter()
                .filter(|draft| draft.step.kind == Kind::Card)
                .collect();
            if cards.is_empty() {
                bail!("--format print lays out cards; select some with --kind card");
            }
            let (sheet, warnings) = print::sheet(record, &cards, arguments.guides);
            for warning in warnings {
                report::warning(&warning);
            }
            documents.push(Document {
                file: "cards.html".into(),
                header: None,
                body: sheet,
            });
        }
    }
    Ok(documents)
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

fn note_no_follow_up(record: &Record) {
    if let Some(recruiter) = record
        .recruiter
        .as_ref()
        .filter(|recruiter| recruiter.no_follow_up)
    {
        report::note(&format!(
            "{} asked candidates not to follow up, so there are no check-ins and no closing note; send the thank-you notes only",
            recruiter.name
        ));
    }
}

/// The word count of each card, with the interviewer it goes to, from the
/// drafts' plain text.
fn card_lengths<'a>(
    record: &Record,
    drafts: impl IntoIterator<Item = (&'a Draft, &'a str)>,
) -> Vec<(usize, usize)> {
    drafts
        .into_iter()
        .filter(|(draft, _)| draft.step.kind == Kind::Card)
        .filter_map(|(draft, text)| {
            let index = record
                .interviewers
                .iter()
                .position(|person| person.name == draft.step.to)?;
            Some((index, lint::word_count(text)))
        })
        .collect()
}

fn warn_weak_drafts(name: &str, record: &Record, drafts: &[Draft], card_words: usize) {
    // Measure and compare the plain text: a topic split across card lines would escape its mask.
    let plain: Vec<String> = drafts
        .iter()
        .map(|draft| crate::text::to_text(&draft.markdown))
        .collect();
    let cards = card_lengths(
        record,
        drafts
            .iter()
            .zip(&plain)
            .map(|(draft, text)| (draft, text.as_str())),
    );
    for (index, words) in cards {
        if let Some(finding) = lint::card_length(record, index, words, card_words) {
            report::finding(name, &finding);
        }
    }
    let masks = |to: &str| -> Vec<String> {
        let mut phrases = vec![to.to_owned(), english::first_name(to)];
        if let Some(person) = record.interviewers.iter().find(|person| person.name == to) {
            phrases.extend(person.topics.iter().cloned());
        }
        phrases
    };
    for (index, first) in drafts.iter().enumerate() {
        for (offset, second) in drafts[index + 1..].iter().enumerate() {
            if first.step.kind != second.step.kind || first.step.step != second.step.step {
                continue;
            }
            let (first_masks, second_masks) = (masks(&first.step.to), masks(&second.step.to));
            let first_refs: Vec<&str> = first_masks.iter().map(String::as_str).collect();
            let second_refs: Vec<&str> = second_masks.iter().map(String::as_str).collect();
            let (first_text, second_text) = (&plain[index], &plain[index + 1 + offset]);
            if lint::similarity(first_text, &first_refs, second_text, &second_refs)
                > lint::SAME_WORDING
            {
                report::warning(&lint::same_wording(
                    first.step.kind.label(),
                    &first.step.to,
                    &second.step.to,
                ));
            }
        }
    }
}

fn run_schedule(arguments: &ScheduleArguments) -> Result<()> {
    let Loaded { record, .. } = read_record(&arguments.record)?;
    let steps = schedule::plan(&record, max_checkins(&arguments.plan, &record));
    note_no_follow_up(&record);
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

/// `thankyou check`: reads each record and lists its weaknesses, rendering
/// only to measure the cards.
fn run_check(arguments: &CheckArguments) -> Result<()> {
    let today = today_or(arguments.today.as_deref(), "--today")?;
    let renderer = Renderer::with_sources(&templates::sources(arguments.templates.as_deref())?)?;
    let paths = expand(&arguments.records)?;
    let (mut errors, mut warnings) = (0, 0);
    for path in &paths {
        let Loaded { name, record } = match read_record(path) {
            Ok(loaded) => loaded,
            Err(error) => {
                report::error(&format!("{error:#}"));
                errors += 1;
                continue;
            }
        };
        let mut findings = lint::findings(&record, today);
        let selection = Selection {
            kinds: vec![Kind::Card],
            to: None,
            step: None,
            max_checkins: schedule::DEFAULT_MAX_CHECKINS,
        };
        let cards = renderer.render(&record, &selection)?;
        let plain: Vec<String> = cards
            .iter()
            .map(|draft| crate::text::to_text(&draft.markdown))
            .collect();
        let lengths = card_lengths(
            &record,
            cards
                .iter()
                .zip(&plain)
                .map(|(draft, text)| (draft, text.as_str())),
        );
        findings.extend(lengths.into_iter().filter_map(|(index, words)| {
            lint::card_length(&record, index, words, usize::from(arguments.card_words))
        }));
        findings.sort_by_key(|finding| finding.line);
        for finding in &findings {
            report::finding(&name, finding);
        }
        warnings += findings.len();
    }
    let plural =
        |count: usize, word: &str| format!("{count} {word}{}", if count == 1 { "" } else { "s" });
    let summary = format!(
        "{} checked: {}, {}",
        plural(paths.len(), "record"),
        plural(errors, "error"),
        plural(warnings, "warning")
    );
    if errors > 0 {
        bail!("{summary}");
    }
    if warnings > 0 && arguments.deny_warnings {
        bail!("{summary}, and --deny-warnings makes warnings fail");
    }
    report::note(&summary);
    Ok(())
}

/// `thankyou templates list` and `export`.
fn run_templates(command: &TemplatesCommand) -> Result<()> {
    match command {
        TemplatesCommand::List => {
            let width = templates::BUILTIN
                .iter()
                .map(|builtin| builtin.name.len())
                .max()
                .unwrap_or(0);
            let mut out = String::new();
            for builtin in templates::BUILTIN {
                let _ = writeln!(out, "{:width$}  {}", builtin.name, builtin.purpose);
            }
            if let Some(dir) = templates::config_dir() {
                let _ = writeln!(
                    out,
                    "\nYour own templates in {} replace these by name; --templates DIR wins over both.",
                    dir.display()
                );
            }
            print(&out)
        }
        TemplatesCommand::Export { dir, force } => {
            let files: Vec<(String, String)> = templates::BUILTIN
                .iter()
                .map(|builtin| (builtin.name.to_owned(), builtin.text.to_owned()))
                .collect();
            let written = output::write_files(dir, &files, *force)?;
            report::note(&format!(
                "wrote {} templates to {}; edit them, then: thankyou render RECORD --templates {}",
                written.len(),
                dir.display(),
                output::shell_quote(&dir.display().to_string())
            ));
            Ok(())
        }
    }
}

/// The starter record `init` writes: every field, each with a comment.
pub const STARTER: &str = include_str!("starter.yaml");

/// `thankyou init`: writes the starter record, never over an existing file
/// without `--force`.
fn run_init(file: &Path, force: bool) -> Result<()> {
    let dir = file
        .parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = file
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .ok_or_else(|| anyhow!("{} is not a file name", file.display()))?;
    output::write_files(dir, &[(name, STARTER.to_owned())], force)?;
    let quoted = output::shell_quote(&file.display().to_string());
    report::note(&format!(
        "wrote {}; fill it in, then: thankyou check {quoted} && thankyou render {quoted}",
        file.display()
    ));
    report::note(
        "for completion and checking as you type in an editor with the YAML language server: thankyou schema > thankyou.schema.json",
    );
    Ok(())
}
