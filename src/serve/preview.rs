//! A record's text as the page shows it: every draft `render` would
//! write, with its date, subject, plain text, HTML and `mailto:` link, or
//! every mistake with its line. The same code as the commands, run on the
//! text being typed rather than on a file.

use jiff::civil::Date;
use serde::Serialize;

use super::app::App;
use super::confine;
use crate::english;
use crate::error::{Error, RecordError, field_in_words};
use crate::format::{html, mailto, split_subject, text};
use crate::input;
use crate::lint;
use crate::output::names;
use crate::plan::{self, Step, due};
use crate::record::{self, Event, Kind, Record};
use crate::render::Draft;
use crate::today::Today;

/// Line width of a card's plain text, as `render --format text` has it.
const CARD_WIDTH: usize = 40;

/// Most words on a card before a warning, as `render` has it.
const CARD_WORDS: usize = 70;

/// A record read from text, with its drafts.
pub struct Rendered {
    /// The checked record.
    pub record: Record,
    /// Its drafts, in plan order.
    pub drafts: Vec<Draft>,
    /// Each draft's identifier, in the same order.
    pub ids: Vec<String>,
}

/// One mistake or warning, at its line when it has one.
#[derive(Debug, Serialize)]
pub struct Problem {
    /// The 1-based line.
    pub line: Option<usize>,
    /// The 1-based column.
    pub column: Option<usize>,
    /// `error` or `warning`.
    pub severity: &'static str,
    /// What is wrong, in plain words, without the file's name.
    pub message: String,
}

/// One draft as the page shows it.
#[derive(Debug, Serialize)]
pub struct DraftView {
    /// Its identifier, for downloads: `email-priya-shah`.
    pub id: String,
    /// `email`, `card`, `checkin` or `closing`.
    pub kind: &'static str,
    /// "Thank-you email", "Check-in 2".
    pub label: String,
    /// Who it goes to, spelt as in the record.
    pub to: String,
    /// For a check-in, which one.
    pub step: Option<u8>,
    /// The day to send it, `YYYY-MM-DD`.
    pub send_on: String,
    /// The same day in words, as the record's locale writes it.
    pub send_on_words: String,
    /// The day a holiday moved it from, when one did.
    pub moved_from: Option<String>,
    /// The holiday that moved it.
    pub moved_because: Option<String>,
    /// The email's subject; none for a card.
    pub subject: Option<String>,
    /// The body as plain text.
    pub text: String,
    /// The body as HTML, every record field escaped.
    pub html: String,
    /// A link that opens it in a mail program; none for a card or when
    /// the person has no email.
    pub mailto: Option<String>,
    /// Whether the record's log shows it sent.
    pub sent: bool,
    /// Where it stands on the server's today: `sent`, `overdue` (its day
    /// has passed), `today`, `later`, or `stopped` (the plan has stopped
    /// early, so it is not needed now; see [`Preview::stopped`]).
    pub due: &'static str,
    /// The day the log says it was sent, `YYYY-MM-DD`, once sent.
    pub sent_on: Option<String>,
    /// The same day in words, as the record's locale writes it.
    pub sent_on_words: Option<String>,
}

/// The answer to `POST /api/preview`.
#[derive(Debug, Serialize)]
pub struct Preview {
    /// Whether the record could be read.
    pub ok: bool,
    /// The company, once the record reads.
    pub company: Option<String>,
    /// The role, once the record reads.
    pub role: Option<String>,
    /// Its mistakes, or once it reads, the warnings `check` gives.
    pub problems: Vec<Problem>,
    /// Its drafts; empty while it has a mistake.
    pub drafts: Vec<DraftView>,
    /// Why the plan has stopped early (the status, a reply), as `next`
    /// says it; null while it runs or while the record has a mistake.
    pub stopped: Option<String>,
}

/// The record in `text`, named `name` in messages, and its drafts as
/// `render` writes them; or every mistake in it.
pub fn read(app: &App, name: &str, text: &str) -> Result<Rendered, Vec<Problem>> {
    let settings = input::settings().map_err(|error| problems_of(&error))?;
    let record =
        record::parse_with(name, text.as_bytes(), settings).map_err(|error| mistakes(&error))?;
    let decoded = record::yaml::decode(name, text.as_bytes()).map_err(|error| mistakes(&error))?;
    if let Some(error) = record::placeholders::find(name, decoded) {
        return Err(mistakes(&error));
    }
    let steps = plan::steps(&record, plan::max_checkins(None, &record));
    let drafts = app
        .renderer
        .drafts(&record, steps)
        .map_err(|error| problems_of(&error))?;
    let ids = names::unique_names(drafts.iter().map(id).collect());
    Ok(Rendered {
        record,
        drafts,
        ids,
    })
}

/// Everything the page shows for `text`: drafts and warnings, or mistakes.
pub fn preview(app: &App, name: &str, text: &str) -> Preview {
    let rendered = match read(app, name, text) {
        Ok(rendered) => rendered,
        Err(problems) => {
            return Preview {
                ok: false,
                company: None,
                role: None,
                problems,
                drafts: Vec::new(),
                stopped: None,
            };
        }
    };
    let Rendered {
        record,
        drafts,
        ids,
    } = &rendered;
    let today = app.today.map_or_else(Today::now, Today::given);
    let day = today.date();
    let stopped = due::stopped_early(record);
    let options = lint::Options {
        today,
        card_words: CARD_WORDS,
        built_in_templates: app.renderer.is_built_in(),
    };
    let problems = lint::findings(record, drafts, &options)
        .into_iter()
        .map(|finding| Problem {
            line: finding.line,
            column: None,
            severity: "warning",
            message: finding.message,
        })
        .collect();
    Preview {
        ok: true,
        company: Some(record.company.clone()),
        role: Some(record.role.clone()),
        problems,
        drafts: drafts
            .iter()
            .zip(ids)
            .map(|(draft, id)| {
                let mut view = view(record, draft, id);
                view.due = standing(&draft.step, record, day, stopped.is_some());
                view
            })
            .collect(),
        stopped: stopped.map(|reason| reason.describe(record)),
    }
}

/// Where `step` stands on `today`, as [`DraftView::due`] names it.
fn standing(step: &Step, record: &Record, today: Date, stopped: bool) -> &'static str {
    if step.is_logged(record) {
        "sent"
    } else if stopped {
        "stopped"
    } else if step.date < today {
        "overdue"
    } else if step.date == today {
        "today"
    } else {
        "later"
    }
}

/// The day the log says `step` was sent, matched as
/// [`Step::is_logged`] matches it: the nth check-in for check-in n, the
/// first closing note, the email or card to that person.
fn sent_on(step: &Step, record: &Record) -> Option<Date> {
    let mut sent = record
        .log
        .iter()
        .filter(|entry| matches!(&entry.event, Event::Sent { kind, .. } if *kind == step.kind));
    let entry = match (step.kind, step.step) {
        (Kind::Checkin, Some(nth)) => sent.nth(usize::from(nth).checked_sub(1)?),
        (Kind::Closing, _) => sent.next(),
        _ => sent.find(|entry| matches!(&entry.event, Event::Sent { to, .. } if *to == step.who)),
    };
    entry.map(|entry| entry.date)
}

/// A draft's identifier: its file name without the extension.
fn id(draft: &Draft) -> String {
    let name = names::file_name(&draft.step, "x");
    name.strip_suffix(".x").unwrap_or(&name).to_owned()
}

/// The page's view of one draft.
fn view(record: &Record, draft: &Draft, id: &str) -> DraftView {
    let step = &draft.step;
    let (subject, body) = split_subject(&draft.markdown);
    let emailed = step.kind.is_emailed();
    let sent = step
        .is_logged(record)
        .then(|| sent_on(step, record))
        .flatten();
    let plain = if emailed {
        text::to_text(body)
    } else {
        text::wrap(&text::to_text(&draft.markdown), CARD_WIDTH)
    };
    DraftView {
        id: id.to_owned(),
        kind: step.kind.name(),
        label: label(step.kind, step.step),
        to: step.to.clone(),
        step: step.step,
        send_on: step.date.to_string(),
        send_on_words: english::long_date_in(step.date, record.locale),
        moved_from: step.moved.as_ref().map(|moved| moved.from.to_string()),
        moved_because: step.moved.as_ref().map(|moved| moved.because.clone()),
        subject: emailed.then(|| subject.map_or_else(|| record.role.clone(), text::subject)),
        text: plain,
        html: html::to_html(body),
        mailto: record
            .email(step.who)
            .filter(|_| emailed)
            .map(|address| mailto::link(record, draft, address)),
        sent: step.is_logged(record),
        due: "later",
        sent_on: sent.map(|date| date.to_string()),
        sent_on_words: sent.map(|date| english::long_date_in(date, record.locale)),
    }
}

/// "Thank-you email", "Check-in 2": what a draft is, for its heading.
fn label(kind: Kind, step: Option<u8>) -> String {
    match (kind, step) {
        (Kind::Email, _) => "Thank-you email".into(),
        (Kind::Card, _) => "Thank-you card".into(),
        (Kind::Checkin, Some(step)) => format!("Check-in {step}"),
        (Kind::Checkin, None) => "Check-in".into(),
        (Kind::Closing, _) => "Closing note".into(),
    }
}

/// Each mistake of a record error, at its line.
fn mistakes(error: &RecordError) -> Vec<Problem> {
    error
        .each()
        .map(|mistake| Problem {
            line: mistake.position.map(|position| position.line),
            column: mistake.position.map(|position| position.column),
            severity: "error",
            message: in_words(mistake),
        })
        .collect()
}

/// A mistake's message as the command line gives it, without the file,
/// line and quoted text: "the first interviewer's `email`: …".
fn in_words(mistake: &RecordError) -> String {
    match &mistake.field {
        Some(field) => {
            let field = field_in_words(field);
            if mistake.message.starts_with(&field) {
                mistake.message.clone()
            } else {
                format!("{field}: {}", mistake.message)
            }
        }
        None => mistake.message.clone(),
    }
}

/// The problems an error makes: each mistake of a record error, or the
/// error's message.
pub fn problems_of(error: &Error) -> Vec<Problem> {
    match error {
        Error::Record(error) => mistakes(error),
        other => vec![Problem {
            line: None,
            column: None,
            severity: "error",
            message: other.to_string(),
        }],
    }
}

/// How messages name a record the page sends: its file name when it is a
/// plain record name, `record.yaml` otherwise.
pub fn record_name(file: Option<&str>) -> String {
    file.filter(|file| confine::is_record_name(file))
        .unwrap_or("record.yaml")
        .to_owned()
}
