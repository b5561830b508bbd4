//! The record `thankyou new` writes from a user's answers, commented as
//! `init`'s starter is: the terminal's questions and the page's form both
//! end here, so the two write the same text for the same answers.

use jiff::civil::Date;

use super::names;
use crate::record::STARTER;

/// The column where the comment after a value starts, as in the starter.
const COMMENT_COLUMN: usize = 30;

/// What the user answered, each answer already checked by the record's rules.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Answers {
    /// The candidate's name, or `None` when the config gives it.
    pub name: Option<String>,
    /// The candidate's email, under the signature.
    pub email: Option<String>,
    /// The candidate's phone, under the signature.
    pub phone: Option<String>,
    /// The company that interviewed the candidate.
    pub company: String,
    /// The role, as the job ad names it.
    pub role: String,
    /// The day of the interview.
    pub date: Option<Date>,
    /// `in_person`, `video` or `phone`, as the record writes it.
    pub medium: &'static str,
    /// Everyone the candidate met, in order.
    pub people: Vec<Person>,
    /// The questions the candidate could not answer well.
    pub questions: Vec<Question>,
    /// Who arranged the interview, if anyone did.
    pub recruiter: Option<Recruiter>,
    /// `warm` or `formal`, as the record writes it.
    pub tone: &'static str,
}

/// One person the user met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Their name, as a greeting uses it.
    pub name: String,
    /// Their job title.
    pub title: Option<String>,
    /// Their work email.
    pub email: Option<String>,
    /// What the user talked about with them, one line each.
    pub topics: Vec<String>,
}

/// A question the user could not answer well.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The question, as it was asked.
    pub text: String,
    /// The name of the person who asked it, one of [`Answers::people`].
    pub asked_by: String,
    /// The user's better answer now.
    pub answer: Option<String>,
}

/// Who arranged the interview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recruiter {
    /// Their name.
    pub name: String,
    /// Their work email.
    pub email: Option<String>,
    /// The day they said they would decide by.
    pub decision_date: Option<Date>,
}

/// The file a record is written to without a name given: the company and
/// the date, such as `northwind-traders-2026-11-19.yaml`, in ASCII.
pub fn default_file(answers: &Answers) -> String {
    let date = answers
        .date
        .map(|date| date.to_string())
        .unwrap_or_default();
    format!("{}-{date}.yaml", names::ascii_slug(&answers.company))
}

/// The record as YAML, commented from the starter; `file` is the shell-quoted
/// name it is written under, for the commands its comments give.
pub fn record_text(answers: &Answers, file: &str) -> String {
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
