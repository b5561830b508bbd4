//! `thankyou new`: asks about the interview in the terminal, one question at
//! a time, and writes the record, commented as `init`'s starter is.

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::sync::Once;

use anyhow::{Result, bail};
use dialoguer::console::Term;
use dialoguer::{Confirm, Input, Select};
use jiff::civil::Date;
use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::input::{Loaded, read_record, settings};
use crate::lint;
use crate::output::starter::{self, Answers, Person, Question, Recruiter, record_text};
use crate::output::{files, names};
use crate::plan::{self, Selection};
use crate::record::Kind;
use crate::record::fields::{check_email, check_line, parse_date};
use crate::render::{Renderer, templates};
use crate::report;
use crate::today::Today;

/// Asks about the interview, writes the record (never over an existing file
/// without `--force`), checks it and says how to render it.
pub fn run(file: Option<&Path>, force: bool) -> Result<()> {
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        bail!(
            "thankyou new asks its questions in a terminal, and this is not one; to write a record without questions, run: thankyou init interview.yaml"
        );
    }
    if let Some(file) = file
        && file.exists()
        && !force
    {
        bail!(
            "{} already exists; give another file name, or add --force to replace it",
            file.display()
        );
    }
    stop_cleanly_on_signals()?;
    let answers = match ask(&Today::now()) {
        Ok(answers) => answers,
        // A menu reads Ctrl-C as a key, raises SIGINT and returns this:
        // end as the signal asks, once, whichever thread gets there first.
        Err(error) if is_interrupted(&error) => stop(SIGINT),
        Err(error) => return Err(error.context("stopped before the record was written")),
    };
    let path = file.map_or_else(
        || PathBuf::from(starter::default_file(&answers)),
        Path::to_owned,
    );
    let quoted = names::shell_quote(&path.display().to_string());
    files::write_file(&path, &record_text(&answers, &quoted), force)?;
    report::note(&format!("wrote {}", path.display()));
    check(&path)?;
    report::note(&format!(
        "to read your drafts: thankyou render {quoted}; to see when to send each: thankyou schedule {quoted}"
    ));
    Ok(())
}

/// On Ctrl-C, a closed terminal or `kill`, shows the cursor again (a menu
/// hides it), says that nothing was written, and ends as the signal asks.
fn stop_cleanly_on_signals() -> Result<()> {
    let mut signals = Signals::new([SIGINT, SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            stop(signal);
        }
    });
    Ok(())
}

/// Shows the cursor, says that nothing was written and ends the process as
/// `signal` asks; when two threads come here, the second waits for the
/// first, which never returns.
fn stop(signal: i32) -> ! {
    static STOPPING: Once = Once::new();
    STOPPING.call_once(|| {
        // Past a signal there is no one left to tell of a failure.
        let _ = Term::stderr().show_cursor();
        eprintln!("\nstopped; nothing was written");
        let _ = signal_hook::low_level::emulate_default_handler(signal);
    });
    std::process::exit(130)
}

/// Whether `error` is a prompt's report that Ctrl-C was pressed.
fn is_interrupted(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|error| error.kind() == std::io::ErrorKind::Interrupted)
            || cause.downcast_ref::<dialoguer::Error>().is_some_and(
                |dialoguer::Error::IO(error)| error.kind() == std::io::ErrorKind::Interrupted,
            )
    })
}

/// Reports what `check` reports about the record just written.
fn check(path: &Path) -> Result<()> {
    let Loaded { name, record } = read_record(path)?;
    let renderer = Renderer::with_sources(&templates::sources(None)?)?;
    let cards = Selection {
        kinds: vec![Kind::Card],
        ..Selection::default()
    };
    let steps = cards.apply(&record, plan::steps(&record, plan::DEFAULT_MAX_CHECKINS))?;
    let drafts = renderer.drafts(&record, steps)?;
    let options = lint::Options {
        today: Today::now(),
        card_words: 70,
        built_in_templates: renderer.is_built_in(),
    };
    let findings = lint::findings(&record, &drafts, &options);
    for finding in &findings {
        report::finding(&name, finding);
    }
    let count = findings.len();
    report::note(&format!(
        "checked {name}: {count} warning{}",
        if count == 1 { "" } else { "s" }
    ));
    Ok(())
}

/// Asks every question, in the order the interview happened.
fn ask(today: &Today) -> Result<Answers> {
    // Who the candidate is, unless the config already says.
    let (name, email, phone) = if settings()?.candidate.name.is_some() {
        (None, None, None)
    } else {
        (
            Some(required("Your name (it signs every draft)")?),
            optional_email("Your email (optional)")?,
            optional("Your phone (optional)")?,
        )
    };
    let mut answers = Answers {
        name,
        email,
        phone,
        company: required("Company")?,
        role: required("Role, as the job ad names it")?,
        date: Some(day(today.date())?),
        medium: choose(
            "How did it take place?",
            &[
                ("in person", "in_person"),
                ("video", "video"),
                ("phone", "phone"),
            ],
        )?,
        ..Answers::default()
    };
    loop {
        answers.people.push(person(answers.people.len())?);
        if !yes("Add another person you met?", false)? {
            break;
        }
    }
    answers.questions = questions(&answers.people)?;
    answers.recruiter = recruiter()?;
    answers.tone = choose(
        "Tone",
        &[
            ("warm: first names, contractions", "warm"),
            ("formal", "formal"),
        ],
    )?;
    Ok(answers)
}

/// The interview date: `today` (the default), `yesterday` or YYYY-MM-DD.
fn day(today: Date) -> Result<Date> {
    let text: String = Input::new()
        .with_prompt("Interview date (today, yesterday or YYYY-MM-DD)")
        .default("today".to_owned())
        .validate_with(|text: &String| parse_day(text, today).map(|_| ()))
        .interact_text()?;
    parse_day(&text, today).map_err(anyhow::Error::msg)
}

/// Reads `today`, `yesterday` or a YYYY-MM-DD date, with the record's message
/// for anything else.
fn parse_day(text: &str, today: Date) -> Result<Date, String> {
    let text = text.trim();
    match text.to_lowercase().as_str() {
        "today" => Ok(today),
        "yesterday" => today.yesterday().map_err(|error| error.to_string()),
        _ => parse_date(text).ok_or_else(|| {
            format!(
                "`{text}` is not a date; write today, yesterday, or YYYY-MM-DD such as 2026-11-19"
            )
        }),
    }
}

/// A later date, or none: the recruiter's decision date.
fn optional_date(prompt: &str) -> Result<Option<Date>> {
    let text: String = Input::new()
        .with_prompt(prompt)
        .allow_empty(true)
        .validate_with(|text: &String| {
            if text.trim().is_empty() || parse_date(text.trim()).is_some() {
                Ok(())
            } else {
                Err(format!(
                    "`{}` is not a date; write it as YYYY-MM-DD, such as 2026-12-04, or leave it empty",
                    text.trim()
                ))
            }
        })
        .interact_text()?;
    Ok(parse_date(text.trim()))
}

/// One person met, the `index`th (from 0).
fn person(index: usize) -> Result<Person> {
    let name = required(if index == 0 {
        "Name of the person you met"
    } else {
        "Name of the next person"
    })?;
    let first = name.split_whitespace().next().unwrap_or(&name).to_owned();
    Ok(Person {
        title: optional(&format!("{first}'s job title (optional)"))?,
        email: optional_email(&format!("{first}'s work email (optional)"))?,
        topics: topics(&first)?,
        name,
    })
}

/// What the user talked about with someone: one topic per answer, until an
/// empty one.
fn topics(first: &str) -> Result<Vec<String>> {
    let mut topics = Vec::new();
    loop {
        let prompt = if topics.is_empty() {
            format!("A topic you discussed with {first} (empty to finish)")
        } else {
            "Another topic (empty to finish)".to_owned()
        };
        match optional(&prompt)? {
            Some(topic) => topics.push(topic),
            None => return Ok(topics),
        }
    }
}

/// The questions the user could not answer well, each with who asked it.
fn questions(people: &[Person]) -> Result<Vec<Question>> {
    let mut questions = Vec::new();
    let mut prompt = "Was there a question you could not answer well?";
    while yes(prompt, false)? {
        let question = required("The question, as it was asked")?;
        let asked_by = if let [only] = people {
            only.name.clone()
        } else {
            let names: Vec<&str> = people.iter().map(|person| person.name.as_str()).collect();
            let index = Select::new()
                .with_prompt("Who asked it?")
                .items(&names)
                .default(0)
                .interact()?;
            names.get(index).copied().unwrap_or_default().to_owned()
        };
        let answer = optional("Your better answer now (optional)")?;
        questions.push(Question {
            text: question,
            asked_by,
            answer,
        });
        prompt = "Another question you could not answer well?";
    }
    Ok(questions)
}

/// The recruiter, if one arranged the interview.
fn recruiter() -> Result<Option<Recruiter>> {
    if !yes("Did a recruiter arrange the interview?", false)? {
        return Ok(None);
    }
    Ok(Some(Recruiter {
        name: required("The recruiter's name")?,
        email: optional_email("The recruiter's email (optional)")?,
        decision_date: optional_date(
            "The day they said they would decide by (YYYY-MM-DD, optional)",
        )?,
    }))
}

/// A line that must not be blank, checked by the record's rules.
fn required(prompt: &str) -> Result<String> {
    let text: String = Input::new()
        .with_prompt(prompt)
        .validate_with(|text: &String| check_line(text).map(|_| ()))
        .interact_text()?;
    check_line(&text).map_err(anyhow::Error::msg)
}

/// A line that may be left empty.
fn optional(prompt: &str) -> Result<Option<String>> {
    let text: String = Input::new()
        .with_prompt(prompt)
        .allow_empty(true)
        .validate_with(|text: &String| {
            if text.trim().is_empty() {
                Ok(())
            } else {
                check_line(text).map(|_| ())
            }
        })
        .interact_text()?;
    Ok(check_line(&text).ok())
}

/// An email address that may be left empty, checked by the record's rules.
fn optional_email(prompt: &str) -> Result<Option<String>> {
    let text: String = Input::new()
        .with_prompt(prompt)
        .allow_empty(true)
        .validate_with(|text: &String| {
            let text = text.trim();
            if text.is_empty() {
                Ok(())
            } else {
                check_email(text)
            }
        })
        .interact_text()?;
    let text = text.trim();
    Ok((!text.is_empty()).then(|| text.to_owned()))
}

/// One of `choices` (what the user reads, what the record holds).
fn choose(prompt: &str, choices: &[(&str, &'static str)]) -> Result<&'static str> {
    let index = Select::new()
        .with_prompt(prompt)
        .items(choices.iter().map(|(shown, _)| *shown))
        .default(0)
        .interact()?;
    Ok(choices.get(index).map_or("", |(_, value)| value))
}

/// A yes-or-no question.
fn yes(prompt: &str, default: bool) -> Result<bool> {
    Ok(Confirm::new()
        .with_prompt(prompt)
        .default(default)
        .interact()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_words() {
        let today = Date::constant(2026, 3, 1);
        for (text, expected) in [
            ("today", Some(today)),
            (" Yesterday ", Some(Date::constant(2026, 2, 28))),
            ("2026-11-19", Some(Date::constant(2026, 11, 19))),
            ("next Tuesday", None),
            ("2026-02-30", None),
        ] {
            assert_eq!(parse_day(text, today).ok(), expected, "{text}");
        }
    }
}
