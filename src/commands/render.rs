//! `thankyou render`: one record or many, to stdout or into files.
//!
//! A batch is rendered on every core with the templates compiled once and
//! shared, and written as it comes, in the order the records were given,
//! each record's warnings with its output, so a batch prints the same thing
//! however it was scheduled.

use std::fmt::Write as _;
use std::io::Write as _;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::arguments::RenderArguments;
use crate::english;
use crate::format::{self, Document, Format, Input};
use crate::input::{Loaded, expand, read_record, today};
use crate::lint;
use crate::output::{self, names};
use crate::parallel;
use crate::plan::{self, Selection};
use crate::record::{Kind, Medium, Record};
use crate::render::{Renderer, templates};
use crate::report::{self, Message};

/// What `render` was asked for, resolved once from its arguments.
struct Options {
    selection: Selection,
    /// Check-ins before the closing note, when the command line says.
    max_checkins: Option<u8>,
    format: &'static Format,
    layout: format::Options,
    lint: lint::Options,
    out_dir: Option<PathBuf>,
    force: bool,
}

impl Options {
    fn new(arguments: RenderArguments) -> Result<Self> {
        Ok(Options {
            selection: Selection {
                kinds: arguments.kind,
                to: arguments.to,
                step: arguments.step,
                pending: arguments.pending,
            },
            max_checkins: arguments.plan.max_checkins,
            format: arguments.format,
            layout: format::Options {
                width: usize::from(arguments.width),
                guides: arguments.guides,
                to_stdout: arguments.out_dir.is_none(),
            },
            lint: lint::Options {
                today: today(arguments.today.as_deref(), "--today")?,
                card_words: usize::from(arguments.card_words),
                built_in_templates: false,
            },
            out_dir: arguments.out_dir,
            force: arguments.force,
        })
    }
}

/// Renders the records named on the command line.
pub fn run(arguments: RenderArguments) -> Result<()> {
    let renderer = {
        let sources = templates::sources(arguments.templates.as_deref())?;
        for warning in templates::misnamed(&sources, arguments.templates.as_deref()) {
            report::warning(&warning);
        }
        Renderer::with_sources(&sources)?
    };
    let paths = if arguments.records == ["-"] {
        vec![PathBuf::from("-")]
    } else {
        expand(&arguments.records)?
    };
    let mut options = Options::new(arguments)?;
    options.lint.built_in_templates = renderer.is_built_in();
    if let [path] = paths.as_slice() {
        let mut messages = Vec::new();
        let documents = render_record(&renderer, path, &options, &mut messages);
        messages.iter().for_each(Message::print);
        let documents = documents?;
        return write(&documents, options.out_dir.as_deref(), options.force);
    }
    run_batch(&renderer, &paths, &options)
}

/// Renders many records: each under its own header on stdout, or into its
/// own subfolder; a record that fails is named and the others still render.
/// The record's name as a batch's header lines show it: escaped where the
/// output is HTML, so a file called `<b>.yaml` stays text.
fn batch_label(path: &Path, format: &Format) -> String {
    let label = path.display().to_string();
    if matches!(format.name, "html" | "print") {
        format::html::escape(&label)
    } else {
        label
    }
}

fn run_batch(renderer: &Renderer, paths: &[PathBuf], options: &Options) -> Result<()> {
    let folders = names::unique_names(
        paths
            .iter()
            .map(|path| names::slug(&path.file_stem().unwrap_or_default().to_string_lossy()))
            .collect(),
    );
    let jobs: Vec<(&PathBuf, &String)> = paths.iter().zip(&folders).collect();
    let mut failed = 0;
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    parallel::in_order(
        &jobs,
        |&(path, folder)| {
            let mut messages = Vec::new();
            let documents = render_record(renderer, path, options, &mut messages);
            (path, folder, documents, messages)
        },
        |(path, folder, documents, messages)| {
            messages.iter().for_each(Message::print);
            let written = documents.and_then(|documents| {
                if let Some(dir) = &options.out_dir {
                    return write(&documents, Some(&dir.join(folder)), options.force);
                }
                let label = batch_label(path, options.format);
                Ok(output::write_labelled(&mut stdout, &label, &documents)?)
            });
            match written {
                Err(error) if is_broken_pipe(&error) => return ControlFlow::Break(()),
                Err(error) => {
                    report::error(&name_the_record(path, &error));
                    failed += 1;
                }
                Ok(()) => {}
            }
            ControlFlow::Continue(())
        },
    );
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
    options: &Options,
    messages: &mut Vec<Message>,
) -> Result<Vec<Document>> {
    let Loaded { name, record } = read_record(path)?;
    let max_checkins = plan::max_checkins(options.max_checkins, &record);
    let steps = options
        .selection
        .apply(&record, plan::steps(&record, max_checkins))?;
    let drafts = renderer.drafts(&record, steps)?;
    if let Some(note) = plan::no_follow_up(&record) {
        messages.push(Message::Note(note));
    }
    if drafts.is_empty() && options.selection.pending {
        messages.push(Message::Note(nothing_pending(&record)));
        return Ok(Vec::new());
    }
    if drafts.is_empty() {
        nothing_selected(&record, &options.selection, max_checkins)?;
        return Ok(Vec::new());
    }
    messages.extend(
        lint::findings(&record, &drafts, &options.lint)
            .into_iter()
            .map(|finding| Message::Finding {
                source: name.clone(),
                finding,
            }),
    );
    let written = (options.format.write)(&Input {
        record: &record,
        source: &name,
        drafts: &drafts,
        options: &options.layout,
    })?;
    messages.extend(written.messages);
    Ok(written.documents)
}

/// Writes documents into `dir` (listing the files on stdout), or to stdout.
fn write(documents: &[Document], dir: Option<&Path>, force: bool) -> Result<()> {
    if documents.is_empty() {
        return Ok(());
    }
    let text = match dir {
        Some(dir) => {
            let mut listing = String::new();
            for path in output::write_into(dir, documents, force)? {
                let _ = writeln!(listing, "{}", path.display());
            }
            listing
        }
        None => output::to_stdout(documents),
    };
    Ok(output::print(&text)?)
}

/// Why `--pending` left no draft: the plan has stopped, or the log shows
/// every draft asked for as sent.
fn nothing_pending(record: &Record) -> String {
    match plan::due::stopped_early(record) {
        Some(stopped) => format!("nothing is pending: {}", stopped.describe(record)),
        None => "nothing is pending: the log shows every draft asked for as sent".into(),
    }
}

/// Why a selection matched no draft: an error, except when the recruiter
/// asked for no follow-up (said in a note already).
fn nothing_selected(record: &Record, selection: &Selection, max_checkins: u8) -> Result<()> {
    let follow_up_only =
        !selection.kinds.is_empty() && selection.kinds.iter().all(|kind| kind.is_follow_up());
    let to = selection.to.as_deref();
    match plan::checkin(record) {
        None if follow_up_only => Ok(()),
        Some((who, _)) if follow_up_only && selection.step.is_none() => bail!(
            "the check-ins and the closing note go to {}, not {}",
            record.name(who),
            to.unwrap_or("them")
        ),
        Some(_) if selection.step.is_some() => bail!(
            "there is no check-in {} for {}; the plan has {max_checkins} (see --max-checkins)",
            selection.step.unwrap_or_default(),
            to.unwrap_or("anyone"),
        ),
        _ if selection.kinds == [Kind::Card] => bail!(
            "no card goes to {}: {}",
            to.unwrap_or("anyone"),
            why_no_card(record)
        ),
        _ => bail!(
            "no {} goes to {}",
            english::join_or(selection.kinds.iter().map(|kind| kind.label())),
            to.unwrap_or("anyone")
        ),
    }
}

/// Why a record plans no card (for someone): what turns cards off, and how
/// to turn them on.
fn why_no_card(record: &Record) -> &'static str {
    if record.medium == Medium::Phone {
        "cards are off after a phone interview; set `cards: true`, or `card: true` on a person, to send one"
    } else {
        "the record sets `cards: false` or `card: false`; set `card: true` on a person to send one"
    }
}
