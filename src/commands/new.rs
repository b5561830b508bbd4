//! `thankyou new`: asks about the interview in the terminal, one question at
//! a time, and writes the record, commented as `init`'s starter is.

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use dialoguer::console::Term;
use dialoguer::{Confirm, Input, Select};
use jiff::civil::Date;
use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::input::{Loaded, read_record, settings};
use crate::lint;
use crate::output::{files, names};
use crate::plan::{self, Selection};
use crate::record::Kind;
use crate::record::fields::{check_email, check_line, parse_date};
use crate::render::{Renderer, templates};
use crate::report;
use crate::today::Today;

/// The starter record `init` writes; its comments explain the fields here too.
const STARTER: &str = include_str!("../starter.yaml");

/// The column where the comment after a value starts, as in the starter.
const COMMENT_COLUMN: usize = 30;

/// What the user answered.
#[derive(Debug, Default)]
struct Answers {
    /// The candidate's name, or `None` when the config gives it.
    name: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    company: String,
    role: String,
    date: Option<Date>,
    medium: &'static str,
    people: Vec<Person>,
    questions: Vec<Question>,
    recruiter: Option<Recruiter>,
    tone: &'static str,
}

/// One person the user met.
#[derive(Debug)]
struct Person {
    name: String,
    title: Option<String>,
    email: Option<String>,
    topics: Vec<String>,
}

/// A question the user could not answer well.
#[derive(Debug)]
struct Question {
    text: String,
    asked_by: String,
    answer: Option<String>,
}

/// Who arranged the interview.
#[derive(Debug)]
struct Recruiter {
    name: String,
    email: Option<String>,
    decision_date: Option<Date>,
}

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
    let answers = ask(&Today::now()).context("stopped before the record was written")?;
    let path = file.map_or_else(|| default_file(&answers), Path::to_owned);
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
            // Past a signal there is no one left to tell of a failure.
            let _ = Term::stderr().show_cursor();
            eprintln!("\nstopped; nothing was written");
            let _ = signal_hook::low_level::emulate_default_handler(signal);
        }
    });
    Ok(())
}

/// The file a record is written to without a name given: the company and
/// the date, such as `northwind-traders-2026-11-19.yaml`.
fn default_file(answers: &Answers) -> PathBuf {
    let date = answers
        .date
        .map(|date| date.to_string())
        .unwrap_or_default();
    PathBuf::from(format!(
        "{}-{date}.yaml",
        names::ascii_slug(&answers.company)
    ))
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

/// The record as YAML, commented from the starter; `file` is the shell-quoted
/// name it is written under, for the commands its comments give.
fn record_text(answers: &Answers, file: &str) -> String {
    let mut out = Writer {
        text: String::new(),
        file: file.to_owned(),
    };
    out.raw(STARTER.lines().next().unwrap_or_default());
    out.raw("# One job interview, for `thankyou`, from your answers to `thankyou new`.");
    out.raw("# Correct or add anything (the comments say what each field is for),");
    out.raw(&format!("# then run: thankyou render {file}"));
    out.raw("");
    match &answers.name {
        Some(name) => {
            out.section(None, "candidate");
            out.field(Some("candidate"), "name", name);
            out.optional(Some("candidate"), "email", answers.email.as_deref());
            out.optional(Some("candidate"), "phone", answers.phone.as_deref());
        }
        None => out
            .raw("# candidate: your name, email and phone come from your config (thankyou config)"),
    }
    out.raw("");
    out.field(None, "company", &answers.company);
    out.field(None, "role", &answers.role);
    if let Some(date) = answers.date {
        out.date(None, "interview_date", date);
    }
    out.field(None, "medium", answers.medium);
    if let Some(recruiter) = &answers.recruiter {
        out.raw("");
        out.section(None, "recruiter");
        out.field(Some("recruiter"), "name", &recruiter.name);
        out.optional(Some("recruiter"), "email", recruiter.email.as_deref());
        if let Some(date) = recruiter.decision_date {
            out.date(Some("recruiter"), "decision_date", date);
        }
    }
    out.raw("");
    out.section(None, "interviewers");
    for (index, person) in answers.people.iter().enumerate() {
        out.person(person, index == 0);
    }
    if !answers.questions.is_empty() {
        out.raw("");
        out.section(None, "unanswered_questions");
        for (index, question) in answers.questions.iter().enumerate() {
            out.question(question, index == 0);
        }
    }
    out.raw("");
    out.commented("strengths", "what you want them to remember about you");
    out.field(None, "tone", answers.tone);
    out.field(None, "status", "open");
    out.raw("");
    let log_comment: Vec<String> = starter_comment(None, "log")
        .iter()
        .map(|line| with_recipient(line, answers.people.first()))
        .collect();
    out.line("log: []", &log_comment);
    out.text
}

/// `line` of the starter's comments with its example `--to "…"` naming
/// the first person met, so the command shown works on this record.
fn with_recipient(line: &str, person: Option<&Person>) -> String {
    let (Some(person), Some((before, rest))) = (person, line.split_once("--to \"")) else {
        return line.to_owned();
    };
    let after = rest.split_once('"').map_or("", |(_, after)| after);
    format!("{before}--to {}{after}", names::shell_quote(&person.name))
}

/// Builds the record's text line by line.
#[derive(Debug)]
struct Writer {
    text: String,
    /// The record's file name, shell-quoted, for the commands the starter's
    /// comments give with `interview.yaml`.
    file: String,
}

impl Writer {
    /// A line as it is.
    fn raw(&mut self, line: &str) {
        self.text.push_str(line);
        self.text.push('\n');
    }

    /// `line`, then `comment` from the comment column on, its later lines
    /// under the first.
    fn line(&mut self, line: &str, comment: &[String]) {
        let comment: Vec<String> = comment
            .iter()
            .map(|text| text.replace("interview.yaml", &self.file))
            .collect();
        let mut lines = comment.iter();
        match lines.next() {
            Some(first) => {
                let width = COMMENT_COLUMN.max(line.chars().count() + 1);
                self.raw(&format!("{line:width$}# {first}"));
            }
            None => self.raw(line),
        }
        for more in lines {
            self.raw(&format!("{:COMMENT_COLUMN$}# {more}", ""));
        }
    }

    /// A field that holds a mapping or a list, with its starter comment.
    fn section(&mut self, parent: Option<&str>, key: &str) {
        let indent = if parent.is_some() { "  " } else { "" };
        self.line(&format!("{indent}{key}:"), &starter_comment(parent, key));
    }

    /// `key: value`, indented under `parent`, with its starter comment.
    fn field(&mut self, parent: Option<&str>, key: &str, value: &str) {
        let indent = if parent.is_some() { "  " } else { "" };
        self.line(
            &format!("{indent}{key}: {}", scalar(value)),
            &starter_comment(parent, key),
        );
    }

    /// `key: date`, indented under `parent`, with its starter comment.
    fn date(&mut self, parent: Option<&str>, key: &str, date: Date) {
        let indent = if parent.is_some() { "  " } else { "" };
        self.line(
            &format!("{indent}{key}: {date}"),
            &starter_comment(parent, key),
        );
    }

    /// [`Self::field`], when there is a value.
    fn optional(&mut self, parent: Option<&str>, key: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.field(parent, key, value);
        }
    }

    /// A field the user may add, commented out, with its starter comment.
    fn commented(&mut self, key: &str, example: &str) {
        self.line(&format!("# {key}:"), &starter_comment(None, key));
        self.raw(&format!("#   - {example}"));
    }

    /// One entry of `interviewers`, commented when it is the `first`.
    fn person(&mut self, person: &Person, first: bool) {
        let section = first.then_some("interviewers");
        self.line(
            &format!("  - name: {}", scalar(&person.name)),
            &entry_comment(section, "name"),
        );
        for (key, value) in [("title", &person.title), ("email", &person.email)] {
            if let Some(value) = value {
                self.line(
                    &format!("    {key}: {}", scalar(value)),
                    &entry_comment(section, key),
                );
            }
        }
        if !person.topics.is_empty() {
            self.line("    topics:", &entry_comment(section, "topics"));
            for topic in &person.topics {
                self.raw(&format!("      - {}", scalar(topic)));
            }
        }
    }

    /// One entry of `unanswered_questions`, commented when it is the `first`.
    fn question(&mut self, question: &Question, first: bool) {
        let section = first.then_some("unanswered_questions");
        let mut fields = vec![
            ("- question", &question.text),
            ("  asked_by", &question.asked_by),
        ];
        if let Some(answer) = &question.answer {
            fields.push(("  answer", answer));
        }
        for (key, value) in fields {
            let bare = key.trim_start_matches(['-', ' ']);
            self.line(
                &format!("  {key}: {}", scalar(value)),
                &entry_comment(section, bare),
            );
        }
    }
}

/// The comment the starter gives `key` (the first one after the line that
/// opens `parent`, at the top level without one), with the comment lines
/// that carry it on, one string per line.
fn starter_comment(parent: Option<&str>, key: &str) -> Vec<String> {
    let lines: Vec<&str> = STARTER.lines().collect();
    let from = parent
        .and_then(|parent| {
            let opening = format!("{parent}:");
            lines.iter().position(|line| line.starts_with(&opening))
        })
        .unwrap_or(0);
    let wanted = format!("{key}:");
    let found = lines.iter().enumerate().skip(from).find(|(_, line)| {
        let code = line.trim_start().trim_start_matches("- ");
        code.starts_with(&wanted) && (parent.is_some() || !line.starts_with(' '))
    });
    let Some((at, line)) = found else {
        return Vec::new();
    };
    let mut comment: Vec<String> = trailing_comment(line).into_iter().collect();
    for line in lines.iter().skip(at + 1) {
        match (continuation(line), comment.last_mut()) {
            // A list item's comment finishes the line above it: the item
            // itself is not written here.
            (Some(more), Some(last)) if is_item(line) => *last = format!("{last} {more}"),
            (Some(more), _) => comment.push(more),
            (None, _) => break,
        }
    }
    comment
}

/// The starter's comment for `key` in an entry of the list `section`, or
/// none where the entry is not the first (one comment is enough).
fn entry_comment(section: Option<&str>, key: &str) -> Vec<String> {
    section.map_or_else(Vec::new, |section| starter_comment(Some(section), key))
}

/// The comment at the end of a line of YAML, if it has one.
fn trailing_comment(line: &str) -> Option<String> {
    let (code, comment) = line.split_once(" #")?;
    (!code.trim().is_empty()).then(|| comment.trim().to_owned())
}

/// The comment of a line that carries on the comment above it: a comment
/// alone, far to the right, or one after a list item of plain text.
fn continuation(line: &str) -> Option<String> {
    let indent = line.len() - line.trim_start().len();
    let code = line.trim_start();
    if let Some(comment) = code.strip_prefix('#') {
        return (indent >= COMMENT_COLUMN - 4).then(|| comment.trim().to_owned());
    }
    let item = code.strip_prefix("- ")?;
    let (value, _) = item.split_once(" #")?;
    if value.contains(':') {
        return None;
    }
    trailing_comment(line)
}

/// Whether a line of YAML is an entry of a list.
fn is_item(line: &str) -> bool {
    line.trim_start().starts_with("- ")
}

/// `text` as a YAML scalar: plain where that reads back as the same text,
/// otherwise in double quotes (JSON's escapes, which YAML shares).
fn scalar(text: &str) -> String {
    let plain = text.starts_with(|c: char| c.is_alphabetic())
        && !text.ends_with(' ')
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || " .,'()&/!?-+@_".contains(c))
        && !matches!(
            text.to_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "y" | "n"
        );
    if plain {
        text.to_owned()
    } else {
        serde_json::Value::from(text).to_string()
    }
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

    #[test]
    fn scalars_read_back_as_typed() {
        for text in [
            "Northwind Traders",
            "yes",
            "2026-11-19",
            "+1 312 555 0142",
            "key: value # not a comment",
            "\"quoted\" and 'single'",
            "- a dash",
            "José Núñez",
            "100",
            "x ",
        ] {
            let yaml = format!("value: {}\n", scalar(text));
            let read: std::collections::BTreeMap<String, String> =
                serde_saphyr::from_str(&yaml).unwrap();
            assert_eq!(read["value"], text, "{yaml}");
        }
    }

    #[test]
    fn comments_come_from_the_starter() {
        assert_eq!(
            starter_comment(Some("recruiter"), "name"),
            ["required if there is a recruiter"]
        );
        assert_eq!(
            starter_comment(None, "company"),
            ["required: the company that interviewed you"]
        );
        assert_eq!(
            starter_comment(Some("interviewers"), "topics"),
            [
                "what you talked about with this person: the detail that",
                "makes the note theirs and nobody else's"
            ]
        );
    }
}
