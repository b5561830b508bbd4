//! Drafts from templates with Tera 2, strict about undefined variables.
//!
//! The templates ([`templates`]: built-in, then the user's) are compiled
//! once per process with the English filters ([`filters`]); each draft is
//! one render of `{kind}.{tone}.md` against its [`Context`].

pub mod budget;
pub mod escape;
pub mod filters;
pub mod templates;

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::OnceLock;

use tera::Tera;

use crate::context::{Context, Shared};
use crate::error::{Error, Result};
use crate::plan::Step;
use crate::record::locale::{self, Spelling};
use crate::record::{Locale, Record, Tone, Who};
use templates::Source;

/// One rendered draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// What it is, who it is for and when to send it.
    pub step: Step,
    /// The draft as Markdown.
    pub markdown: String,
}

/// Renders drafts with the compiled templates.
pub struct Renderer {
    /// The templates as written: the built-ins in US spelling.
    tera: Tera,
    /// The built-ins respelt for Canada and for the other locales, each
    /// compiled the first time a record needs it.
    respelt: [OnceLock<Option<Tera>>; 2],
    /// What `tera` was compiled from, to compile the respelt sets.
    sources: Vec<Source>,
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
        let files: Vec<(String, PathBuf)> = sources
            .iter()
            .filter_map(|source| Some((source.name.clone(), source.path.clone()?)))
            .collect();
        let tera = compile(sources, Spelling::American)
            .map_err(|error| template_error(&files, None, &error))?;
        Ok(Renderer {
            tera,
            respelt: [OnceLock::new(), OnceLock::new()],
            sources: sources.to_vec(),
            files,
        })
    }

    /// The templates for `locale`: the built-ins respelt for it (a user's
    /// own templates as written).
    fn tera_for(&self, locale: Locale) -> &Tera {
        let slot = match locale.spelling() {
            Spelling::American => return &self.tera,
            Spelling::Canadian => &self.respelt[0],
            Spelling::British => &self.respelt[1],
        };
        // Respelling changes only prose outside tags, so what compiled as
        // written compiles respelt; were it not to, the drafts keep US spelling.
        slot.get_or_init(|| compile(&self.sources, locale.spelling()).ok())
            .as_ref()
            .unwrap_or(&self.tera)
    }

    /// Whether every template is a built-in one: no user template overrides any.
    pub fn is_built_in(&self) -> bool {
        self.files.is_empty()
    }

    /// The draft of each of `steps` of `record`, in the order given.
    pub fn drafts(&self, record: &Record, steps: Vec<Step>) -> Result<Vec<Draft>> {
        let shared = Shared::new(record);
        // What the drafts share is converted for Tera once per record, and
        // what they say to one person once per person and kind of draft.
        let mut prepared = tera::Context::from_serialize(&shared)
            .map_err(|error| template_error(&self.files, None, &error))?;
        let mut personal: Vec<((Who, bool), tera::Value)> = Vec::new();
        steps
            .into_iter()
            .map(|step| {
                let context = Context::new(&shared, record, &step);
                let name = template_name(&step, record.tone);
                let key = (step.who, step.kind.is_follow_up());
                let index =
                    if let Some(index) = personal.iter().position(|(known, _)| *known == key) {
                        index
                    } else {
                        personal.push((key, self.to_value(&name, &*context.personal)?));
                        personal.len() - 1
                    };
                let addressed = self.to_value(&name, &context.addressed)?;
                let markdown = self.render(
                    &name,
                    record.locale,
                    &mut prepared,
                    [&addressed, &personal[index].1],
                )?;
                Ok(Draft { step, markdown })
            })
            .collect()
    }

    /// `value` converted for Tera, or an error naming the template `name`.
    fn to_value(&self, name: &str, value: &impl serde::Serialize) -> Result<tera::Value> {
        tera::Value::try_from_serializable(value)
            .map_err(|error| template_error(&self.files, Some(name), &error))
    }

    /// Renders the template `name` with `prepared`, the shared variables
    /// already converted for Tera, and the draft's own `variables` (maps of
    /// them), written over the last draft's: every draft has the same
    /// ones, none is left out when empty.
    fn render(
        &self,
        name: &str,
        locale: Locale,
        prepared: &mut tera::Context,
        variables: [&tera::Value; 2],
    ) -> Result<String> {
        for (key, value) in variables
            .into_iter()
            .filter_map(tera::Value::as_map)
            .flatten()
        {
            // A struct's field names are static: no copy needed.
            let key: Cow<'static, str> = match key {
                tera::value::Key::Str(name) => Cow::Borrowed(name),
                other => match other.as_str() {
                    Some(name) => Cow::Owned(name.to_owned()),
                    None => continue,
                },
            };
            prepared.insert_value(key, value.clone());
        }
        budget::start();
        let mut draft = budget::Bounded::default();
        if let Err(error) = self.tera_for(locale).render_to(name, prepared, &mut draft) {
            return Err(match budget::exceeded() {
                Some(limit) => Error::Template {
                    name: self.shown_name(name),
                    message: limit.describe(),
                },
                None => template_error(&self.files, Some(name), &error),
            });
        }
        Ok(tidy(&String::from_utf8_lossy(&draft.bytes)))
    }

    /// How errors name the template `name`: by its file, for a user's own.
    fn shown_name(&self, name: &str) -> String {
        self.files
            .iter()
            .find(|(known, _)| known == name)
            .map_or_else(|| name.to_owned(), |(_, path)| path.display().to_string())
    }
}

/// `sources` compiled with the filters and the Markdown escape, the
/// built-ins respelt for `spelling`.
fn compile(sources: &[Source], spelling: Spelling) -> std::result::Result<Tera, tera::Error> {
    let mut tera = Tera::new();
    filters::register(&mut tera, spelling.example());
    tera.register_function("range", budget::range);
    tera.autoescape_on(vec![".md"]);
    tera.set_escape_fn(escape::markdown);
    let texts: Vec<(&str, std::borrow::Cow<str>)> = sources
        .iter()
        .map(|source| {
            let text = match source.path {
                None if spelling != Spelling::American => {
                    std::borrow::Cow::Owned(locale::respell(&source.text, spelling))
                }
                _ => std::borrow::Cow::Borrowed(source.text.as_str()),
            };
            (source.name.as_str(), text)
        })
        .collect();
    tera.add_raw_templates(texts.iter().map(|(name, text)| (*name, text.as_ref())))?;
    Ok(tera)
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
    if let Some(cycle) = include_cycle(&message) {
        return cycle_error(files, &cycle);
    }
    // Tera's report points at `--> name:line:column`; point at the user's
    // file instead; failing that, name the user's file the report quotes.
    let file = files
        .iter()
        .find(|(name, _)| message.contains(&format!("--> {name}:")))
        .or_else(|| {
            files.iter().find(|(name, _)| {
                message.contains(&format!("'{name}'")) || message.contains(&format!("\"{name}\""))
            })
        });
    let name = match file {
        Some((name, path)) => {
            message = message.replace(&format!("--> {name}:"), &format!("--> {}:", path.display()));
            path.display().to_string()
        }
        None => rendering.unwrap_or("built-in templates").to_owned(),
    };
    Error::Template { name, message }
}

/// The templates of an include that leads back to itself, from Tera's
/// report of it: `a.md`, `b.md`, `a.md`.
fn include_cycle(message: &str) -> Option<Vec<String>> {
    let (_, chain) = message.split_once("Include chain: `[")?;
    let (chain, _) = chain.split_once("]`")?;
    Some(
        chain
            .split(", ")
            .map(|name| name.trim_matches('"').to_owned())
            .collect(),
    )
}

/// The error for templates that include each other round `cycle`, naming
/// the user's file where the cycle starts and every template in it.
fn cycle_error(files: &[(String, PathBuf)], cycle: &[String]) -> Error {
    let shown = |name: &str| {
        files
            .iter()
            .find(|(known, _)| known == name)
            .map_or_else(|| name.to_owned(), |(_, path)| path.display().to_string())
    };
    let mut steps = cycle.iter().map(|name| format!("`{}`", shown(name)));
    let mut chain = steps.next().unwrap_or_default();
    for (index, step) in steps.enumerate() {
        let joint = if index == 0 {
            " includes "
        } else {
            ", which includes "
        };
        chain.push_str(joint);
        chain.push_str(&step);
    }
    Error::Template {
        name: cycle.first().map(|name| shown(name)).unwrap_or_default(),
        message: format!(
            "templates include each other in a circle: {chain}; remove one of these includes"
        ),
    }
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
        let mut rest = content.trim_end_matches(' ');
        while let Some(at) = rest.find("  ") {
            out.push_str(&rest[..=at]);
            rest = rest[at..].trim_start_matches(' ');
        }
        out.push_str(rest);
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
        assert_eq!(tidy("x\n  a   b  c  \n"), "x\n  a b c\n");
    }
}
