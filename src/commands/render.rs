//! `thankyou render`: one record or many, to stdout or into files.
//!
//! A batch is rendered in chunks, spread over the machine's cores with the
//! templates compiled once and shared; each record's warnings are collected
//! and printed with its output, in the order the records were given, so a
//! batch prints the same thing however it was scheduled.

use std::fmt::Write as _;
use std::io::Write as _;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use jiff::civil::Date;

use crate::app::{Loaded, expand, max_checkins, print, read_record};
use crate::arguments::RenderArguments;
use crate::english;
use crate::lint::{self, Wording};
use crate::output::{self, Format};
use crate::record::Record;
use crate::render::{Draft, Renderer, Selection};
use crate::report::Message;
use crate::schedule::{self, Kind};
use crate::{mail, print as card_sheet, report, templates};

/// Records rendered between two writes: enough to keep every core busy,
/// few enough that memory stays small however many records there are.
const CHUNK_PER_WORKER: usize = 32;

/// Runs `thankyou render`.
pub fn run(arguments: &RenderArguments) -> Result<()> {
    let renderer = Renderer::with_sources(&templates::sources(arguments.templates.as_deref())?)?;
    // The date only tells whether the interview is in the future, so UTC's
    // date will do, and spares every run a walk of the time zone database.
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .date();
    let paths = if arguments.records == ["-"] {
        vec![PathBuf::from("-")]
    } else {
        expand(&arguments.records)?
    };
    if let [path] = paths.as_slice() {
        let mut messages = Vec::new();
        let documents = render_record(&renderer, path, arguments, today, &mut messages);
        messages.iter().for_each(Message::print);
        return write_documents(&documents?, arguments.out_dir.as_deref(), arguments.force);
    }
    run_batch(&renderer, &paths, arguments, today)
}

/// Renders many records: each under its own header on stdout, or into its
/// own subfolder; a record that fails is named and the others still render.
fn run_batch(
    renderer: &Renderer,
    paths: &[PathBuf],
    arguments: &RenderArguments,
    today: Date,
) -> Result<()> {
    let folders = output::unique_names(
        paths
            .iter()
            .map(|path| output::slug(&path.file_stem().unwrap_or_default().to_string_lossy()))
            .collect(),
    );
    let workers = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
    let mut failed = 0;
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    for (chunk, chunk_folders) in paths
        .chunks(workers * CHUNK_PER_WORKER)
        .zip(folders.chunks(workers * CHUNK_PER_WORKER))
    {
        let results = render_chunk(renderer, chunk, arguments, today, workers);
        for ((path, folder), (rendered, messages)) in chunk.iter().zip(chunk_folders).zip(results) {
            messages.iter().for_each(Message::print);
            let written = rendered.and_then(|documents| match &arguments.out_dir {
                Some(dir) => write_documents(&documents, Some(&dir.join(folder)), arguments.force),
                None => write_labelled(&mut stdout, path, documents),
            });
            if let Err(error) = written {
                if is_broken_pipe(&error) {
                    return Ok(());
                }
                report::error(&name_the_record(path, &error));
                failed += 1;
            }
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

type Rendered = (Result<Vec<Document>>, Vec<Message>);

/// Renders `chunk` on up to `workers` threads, returning results in order.
fn render_chunk(
    renderer: &Renderer,
    chunk: &[PathBuf],
    arguments: &RenderArguments,
    today: Date,
    workers: usize,
) -> Vec<Rendered> {
    let one = |path: &PathBuf| {
        let mut messages = Vec::new();
        let documents = render_record(renderer, path, arguments, today, &mut messages);
        (documents, messages)
    };
    if workers < 2 || chunk.len() < 2 {
        return chunk.iter().map(one).collect();
    }
    let share = chunk.len().div_ceil(workers);
    std::thread::scope(|scope| {
        let handles: Vec<_> = chunk
            .chunks(share)
            .map(|part| scope.spawn(move || part.iter().map(one).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| {
                handle.join().unwrap_or_else(|_| {
                    vec![(Err(anyhow::anyhow!("a worker thread failed")), Vec::new())]
                })
            })
            .collect()
    })
}

fn write_labelled(
    out: &mut impl std::io::Write,
    path: &Path,
    documents: Vec<Document>,
) -> Result<()> {
    let label = path.display().to_string();
    for document in documents {
        let header = document.header.map_or_else(
            || format!("==> {label} <=="),
            |header| header.replacen("==> ", &format!("==> {label}: "), 1),
        );
        write!(out, "{header}\n\n{}\n", document.body)?;
    }
    Ok(())
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .downcast_ref::<std::io::Error>()
        .is_some_and(|error| error.kind() == std::io::ErrorKind::BrokenPipe)
}

/// The error's message, starting with the record's file unless it already does.
fn name_the_record(path: &Path, error: &anyhow::Error) -> String {
    let name = path.display().to_string();
    let message = format!("{error:#}");
    if message.starts_with(&name) || message.starts_with(&format!("cannot read {name}")) {
        message
    } else {
        format!("{name}: {message}")
    }
}

/// Renders one record into the documents `render` writes, collecting its
/// warnings in `messages`.
fn render_record(
    renderer: &Renderer,
    path: &Path,
    arguments: &RenderArguments,
    today: Date,
    messages: &mut Vec<Message>,
) -> Result<Vec<Document>> {
    let Loaded { name, record } = read_record(path)?;
    let selection = Selection {
        kinds: arguments.kind.clone(),
        to: arguments.to.clone(),
        step: arguments.step,
        max_checkins: max_checkins(&arguments.plan, &record),
    };
    let drafts = renderer.render(&record, &selection)?;
    note_no_follow_up(&record, messages);
    if drafts.is_empty() {
        nothing_selected(&record, &selection)?;
        return Ok(Vec::new());
    }
    messages.extend(
        lint::findings(&record, today)
            .into_iter()
            .map(|finding| Message::Finding {
                source: name.clone(),
                finding,
            }),
    );
    weak_drafts(
        &name,
        &record,
        &drafts,
        usize::from(arguments.card_words),
        messages,
    );
    let emailed = drafts
        .iter()
        .filter(|draft| mail::is_emailed(draft.step.kind))
        .count();
    if arguments.format == Format::Eml && arguments.out_dir.is_none() && emailed > 1 {
        bail!(
            "--format eml writes one file per message; add --out-dir DIR, or pick one draft with --kind and --to"
        );
    }
    documents(&record, &drafts, arguments, messages)
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
    messages: &mut Vec<Message>,
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
        messages.push(Message::Note(
            "cards are written by hand, so they are left out; use --format print for a sheet to copy from".into(),
        ));
    }
    let skipped = |draft: &Draft| {
        Message::Warning(format!(
            "the record has no email address for {}, so the {} to them was skipped",
            draft.step.to,
            draft.step.title()
        ))
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
                    None => messages.push(skipped(draft)),
                }
            }
        }
        Format::Mailto => {
            for draft in emailed {
                match mail::mailto(record, draft) {
                    Some(link) => documents.push(per_draft(draft, link + "\n")),
                    None => messages.push(skipped(draft)),
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
            let (sheet, warnings) = card_sheet::sheet(record, &cards, arguments.guides);
            messages.extend(warnings.into_iter().map(Message::Warning));
            documents.push(Document {
                file: "cards.html".into(),
                header: None,
                body: sheet,
            });
        }
    }
    Ok(documents)
}

/// Why a selection matched no draft: an error, except when the recruiter
/// asked for no follow-up (said in a note already).
fn nothing_selected(record: &Record, selection: &Selection) -> Result<()> {
    let follow_up_only = !selection.kinds.is_empty()
        && selection
            .kinds
            .iter()
            .all(|kind| matches!(kind, Kind::Checkin | Kind::Closing));
    match schedule::checkin(record) {
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

/// A note when the recruiter asked for no follow-up.
pub(crate) fn note_no_follow_up(record: &Record, messages: &mut Vec<Message>) {
    if let Some(recruiter) = record
        .recruiter
        .as_ref()
        .filter(|recruiter| recruiter.no_follow_up)
    {
        messages.push(Message::Note(format!(
            "{} asked candidates not to follow up, so there are no check-ins and no closing note; send the thank-you notes only",
            recruiter.name
        )));
    }
}

/// The word count of each card, with the interviewer it goes to.
pub(crate) fn card_lengths(record: &Record, drafts: &[Draft]) -> Vec<(usize, usize)> {
    drafts
        .iter()
        .filter(|draft| draft.step.kind == Kind::Card)
        .filter_map(|draft| {
            let index = record
                .interviewers
                .iter()
                .position(|person| person.name == draft.step.to)?;
            Some((
                index,
                // A card's Markdown has no markup but escapes: its words are the card's.
                lint::word_count(&draft.markdown),
            ))
        })
        .collect()
}

/// Warnings for cards over the word budget and for drafts of one kind that
/// read almost the same once names and topics are set aside.
fn weak_drafts(
    name: &str,
    record: &Record,
    drafts: &[Draft],
    card_words: usize,
    messages: &mut Vec<Message>,
) {
    for (index, words) in card_lengths(record, drafts) {
        if let Some(finding) = lint::card_length(record, index, words, card_words) {
            messages.push(Message::Finding {
                source: name.to_owned(),
                finding,
            });
        }
    }
    let alike = |one: &Draft, other: &Draft| {
        one.step.kind == other.step.kind && one.step.step == other.step.step
    };
    // Only drafts with a sibling of the same kind can read alike.
    let wordings: Vec<Option<Wording>> = drafts
        .iter()
        .map(|draft| {
            if drafts.iter().filter(|other| alike(draft, other)).count() < 2 {
                return None;
            }
            let to = draft.step.to.as_str();
            let mut masks = vec![to.to_owned(), english::first_name(to)];
            if let Some(person) = record.interviewers.iter().find(|person| person.name == to) {
                masks.extend(person.topics.iter().cloned());
            }
            let masks: Vec<&str> = masks.iter().map(String::as_str).collect();
            Some(Wording::new(&draft.markdown, &masks))
        })
        .collect();
    for (index, first) in drafts.iter().enumerate() {
        for (offset, second) in drafts[index + 1..].iter().enumerate() {
            let (Some(one), Some(other)) = (&wordings[index], &wordings[index + 1 + offset]) else {
                continue;
            };
            if alike(first, second) && one.similarity(other) > lint::SAME_WORDING {
                messages.push(Message::Warning(lint::same_wording(
                    first.step.kind.label(),
                    &first.step.to,
                    &second.step.to,
                )));
            }
        }
    }
}
