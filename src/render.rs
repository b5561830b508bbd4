//! Drafts from templates with Tera 2, strict about undefined variables.
//!
//! The templates ([`crate::templates`]) are compiled once per process; each
//! draft is one render of `{kind}.{tone}.md` against a [`Context`].

use std::fmt::Write as _;
use std::path::PathBuf;

use tera::Tera;

use crate::context::{Addressed, Recipient, Shared};
use crate::error::{Error, Result};
use crate::record::{Record, Tone};
use crate::schedule::{self, Kind, Step};
use crate::templates::{self, Source};
use crate::{english, filters, text};

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
    /// Where each user template came from, to name the file in errors.
    files: Vec<(String, PathBuf)>,
}

impl Renderer {
    /// Compiles the built-in templates alone.
    pub fn new() -> Result<Self> {
        Self::with_sources(&templates::sources(None)?)
    }

    /// Compiles `sources`; a template that does not compile is an error
    /// naming its file, line and column.
    pub fn with_sources(sources: &[Source]) -> Result<Self> {
        let mut tera = Tera::new();
        filters::register(&mut tera);
        tera.autoescape_on(vec![".md"]);
        tera.set_escape_fn(text::escape_markdown);
        let files: Vec<(String, PathBuf)> = sources
            .iter()
            .filter_map(|source| Some((source.name.clone(), source.path.clone()?)))
            .collect();
        let renderer_files = files.clone();
        tera.add_raw_templates(
            sources
                .iter()
                .map(|source| (source.name.as_str(), source.text.as_str())),
        )
        .map_err(|error| template_error(&files, None, &error))?;
        Ok(Renderer {
            tera,
            files: renderer_files,
        })
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
        // What the drafts share is converted for Tera once per record.
        let shared = tera::Context::from_serialize(&Shared::new(record))
            .map_err(|error| template_error(&self.files, None, &error))?;
        let mut drafts = Vec::new();
        for step in schedule::plan(record, selection.max_checkins) {
            if !wanted(&step) {
                continue;
            }
            let addressed = addressed_for(record, &step);
            drafts.push(Draft {
                markdown: self.render_one(
                    &template_name(&step, record.tone),
                    &shared,
                    &addressed,
                )?,
                step,
            });
        }
        Ok(drafts)
    }

    fn render_one(
        &self,
        name: &str,
        shared: &tera::Context,
        addressed: &Addressed,
    ) -> Result<String> {
        let mut tera_context = shared.clone();
        tera_context.extend(
            tera::Context::from_serialize(addressed)
                .map_err(|error| template_error(&self.files, Some(name), &error))?,
        );
        let rendered = self
            .tera
            .render(name, &tera_context)
            .map_err(|error| template_error(&self.files, Some(name), &error))?;
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

fn addressed_for(record: &Record, step: &Step) -> Addressed {
    let interviewer = record
        .interviewers
        .iter()
        .enumerate()
        .find(|(_, person)| person.name == step.to);
    let follow_up = matches!(step.kind, Kind::Checkin | Kind::Closing);
    match (follow_up, interviewer, &record.recruiter) {
        (true, _, Some(recruiter)) => Addressed::for_follow_up(
            record,
            step,
            Recipient::recruiter(&recruiter.name, recruiter.email.clone()),
            None,
        ),
        (true, Some((index, person)), None) => {
            Addressed::for_follow_up(record, step, Recipient::interviewer(person), Some(index))
        }
        (_, Some((index, person)), _) => {
            Addressed::for_interviewer(record, step.kind, index, person)
        }
        (_, None, _) => {
            Addressed::for_follow_up(record, step, Recipient::recruiter(&step.to, None), None)
        }
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

/// A Tera error as the user should see it: naming the file of their own
/// template, with Tera's report of the line, column and offending text.
fn template_error(
    files: &[(String, PathBuf)],
    rendering: Option<&str>,
    error: &tera::Error,
) -> Error {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        let _ = write!(message, ": {cause}");
        source = cause.source();
    }
    if let Some(rest) = message.strip_prefix("error: ") {
        message = rest.to_owned();
    }
    // Tera's report points at `--> name:line:column`; point at the user's file instead.
    let file = files
        .iter()
        .find(|(name, _)| message.contains(&format!("--> {name}:")));
    let name = match file {
        Some((name, path)) => {
            message = message.replace(&format!("--> {name}:"), &format!("--> {}:", path.display()));
            path.display().to_string()
        }
        None => rendering.unwrap_or("built-in templates").to_owned(),
    };
    Error::Template { name, message }
}

/// Cleans up what conditional blocks leave behind: trailing spaces, doubled
/// spaces inside a line, and runs of blank lines.
fn tidy(rendered: &str) -> String {
    let mut out = String::with_capacity(rendered.len());
    let mut blank_run = 0;
    for line in rendered.trim().lines() {
        let content = line.trim_start_matches(' ');
        if content.trim().is_empty() {
            blank_run += 1;
            if blank_run == 1 {
                out.push('\n');
            }
            continue;
        }
        blank_run = 0;
        out.push_str(&line[..line.len() - content.len()]);
        for (index, word) in content
            .split(' ')
            .filter(|word| !word.is_empty())
            .enumerate()
        {
            if index > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
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
