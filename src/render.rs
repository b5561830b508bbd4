//! Drafts from templates: Tera 2, built-in templates embedded in the binary.
//!
//! The templates are compiled once per process; each draft is one render of
//! `{kind}.{tone}.md` against a [`Context`].

use std::fmt::Write as _;

use tera::Tera;

use crate::context::{Context, Recipient};
use crate::error::{Error, Result};
use crate::record::{Record, Tone};
use crate::schedule::{self, Kind, Step};
use crate::{english, filters, text};

/// The built-in templates, by name.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("card.warm.md", include_str!("../templates/card.warm.md")),
    (
        "card.formal.md",
        include_str!("../templates/card.formal.md"),
    ),
    ("email.warm.md", include_str!("../templates/email.warm.md")),
    (
        "email.formal.md",
        include_str!("../templates/email.formal.md"),
    ),
    (
        "checkin.warm.md",
        include_str!("../templates/checkin.warm.md"),
    ),
    (
        "checkin.formal.md",
        include_str!("../templates/checkin.formal.md"),
    ),
    (
        "checkin-again.warm.md",
        include_str!("../templates/checkin-again.warm.md"),
    ),
    (
        "checkin-again.formal.md",
        include_str!("../templates/checkin-again.formal.md"),
    ),
    (
        "closing.warm.md",
        include_str!("../templates/closing.warm.md"),
    ),
    (
        "closing.formal.md",
        include_str!("../templates/closing.formal.md"),
    ),
    ("signature.md", include_str!("../templates/signature.md")),
];

/// One rendered draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// What it is, who it is for and when to send it.
    pub step: Step,
    /// The draft as Markdown.
    pub markdown: String,
}

/// Which drafts to render.
#[derive(Debug, Clone)]
pub struct Selection {
    /// The kinds wanted; empty means all.
    pub kinds: Vec<Kind>,
    /// Only drafts to this person (matched case-insensitively).
    pub to: Option<String>,
    /// Only this check-in, counting from 1.
    pub step: Option<u8>,
    /// How many check-ins the plan has before the closing note.
    pub max_checkins: u8,
}

/// Renders drafts with the compiled templates.
pub struct Renderer {
    tera: Tera,
}

impl Renderer {
    /// Compiles the built-in templates.
    pub fn new() -> Result<Self> {
        let mut tera = Tera::new();
        filters::register(&mut tera);
        tera.autoescape_on(vec![".md"]);
        tera.set_escape_fn(text::escape_markdown);
        tera.add_raw_templates(TEMPLATES.iter().copied())
            .map_err(|error| template_error("built-in templates", &error))?;
        Ok(Renderer { tera })
    }

    /// Renders the selected drafts of `record`, in the order they are sent.
    pub fn render(&self, record: &Record, selection: &Selection) -> Result<Vec<Draft>> {
        if let Some(name) = &selection.to {
            check_recipient(record, name)?;
        }
        let wanted = |step: &Step| {
            (selection.kinds.is_empty() || selection.kinds.contains(&step.kind))
                && selection
                    .to
                    .as_ref()
                    .is_none_or(|name| name.trim().eq_ignore_ascii_case(&step.to))
                && selection
                    .step
                    .is_none_or(|wanted| step.step == Some(wanted))
        };
        let mut drafts = Vec::new();
        for step in schedule::plan(record, selection.max_checkins) {
            if !wanted(&step) {
                continue;
            }
            let context = context_for(record, &step);
            drafts.push(Draft {
                markdown: self.render_one(&template_name(&step, record.tone), &context)?,
                step,
            });
        }
        Ok(drafts)
    }

    fn render_one(&self, name: &str, context: &Context) -> Result<String> {
        let tera_context =
            tera::Context::from_serialize(context).map_err(|error| template_error(name, &error))?;
        let rendered = self
            .tera
            .render(name, &tera_context)
            .map_err(|error| template_error(name, &error))?;
        Ok(tidy(&rendered))
    }
}

/// The template that renders a step in `tone`, such as `card.warm.md`; the
/// check-ins after the first have their own, shorter template.
pub fn template_name(step: &Step, tone: Tone) -> String {
    let tone = match tone {
        Tone::Warm => "warm",
        Tone::Formal => "formal",
    };
    match step.step {
        Some(number) if number > 1 => format!("checkin-again.{tone}.md"),
        _ => format!("{}.{tone}.md", step.kind.name()),
    }
}

fn context_for(record: &Record, step: &Step) -> Context {
    let interviewer = record
        .interviewers
        .iter()
        .enumerate()
        .find(|(_, person)| person.name == step.to);
    let follow_up = matches!(step.kind, Kind::Checkin | Kind::Closing);
    match (follow_up, interviewer, &record.recruiter) {
        (true, _, Some(recruiter)) => Context::for_follow_up(
            record,
            step,
            Recipient::recruiter(&recruiter.name, recruiter.email.clone()),
        ),
        (true, Some((_, person)), None) => {
            Context::for_follow_up(record, step, Recipient::interviewer(person))
        }
        (_, Some((index, person)), _) => Context::for_interviewer(record, step.kind, index, person),
        (_, None, _) => Context::for_follow_up(record, step, Recipient::recruiter(&step.to, None)),
    }
}

fn check_recipient(record: &Record, name: &str) -> Result<()> {
    let mut names: Vec<&str> = record
        .interviewers
        .iter()
        .map(|person| person.name.as_str())
        .collect();
    if let Some(recruiter) = &record.recruiter {
        names.push(&recruiter.name);
    }
    if names
        .iter()
        .any(|known| known.eq_ignore_ascii_case(name.trim()))
    {
        Ok(())
    } else {
        Err(Error::NoSuchRecipient {
            name: name.to_owned(),
            valid: english::join_or(names.iter().map(|name| name.trim())),
        })
    }
}

fn template_error(name: &str, error: &tera::Error) -> Error {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        let _ = write!(message, ": {cause}");
        source = cause.source();
    }
    Error::Template {
        name: name.to_owned(),
        message,
    }
}

/// Cleans up what conditional blocks leave behind: trailing spaces, doubled
/// spaces inside a line, and runs of blank lines.
fn tidy(rendered: &str) -> String {
    let mut out = String::with_capacity(rendered.len());
    let mut blank_run = 0;
    for line in rendered.trim().lines() {
        let indent = line.len() - line.trim_start().len();
        let words = line
            .split(' ')
            .filter(|word| !word.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if words.is_empty() {
            blank_run += 1;
            if blank_run > 1 {
                continue;
            }
        } else {
            blank_run = 0;
            out.push_str(&line[..indent]);
        }
        out.push_str(&words);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_removes_template_leftovers() {
        assert_eq!(
            tidy("\nHi  Priya, \n\n\n\nThanks.\n\n"),
            "Hi Priya,\n\nThanks.\n"
        );
        assert_eq!(tidy("- a\n  - b\n"), "- a\n  - b\n");
    }
}
