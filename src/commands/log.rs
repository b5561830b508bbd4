//! `thankyou log`: records in the file that a draft was sent or a reply
//! came, adding lines to its `log:` and changing nothing else.

use std::path::Path;

use anyhow::{Context as _, Result, anyhow, bail};

use crate::arguments::LogArguments;
use crate::english;
use crate::input::today;
use crate::output::{files, names, print};
use crate::record::append::{NewEntry, append};
use crate::record::{self, Found, Record};

/// Appends one entry to the record's `log:`.
pub fn run(arguments: &LogArguments) -> Result<()> {
    let path = &arguments.record;
    if path == Path::new("-") {
        bail!("log adds to a file; give the record's path instead of `-`");
    }
    let date = today(arguments.date.as_deref(), "--date")?.date();
    let name = path.display().to_string();
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {name}"))?;
    let record = record::parse(&name, &bytes)?;
    if date < record.interview_date {
        bail!(
            "--date: {date} is before the interview on {}",
            record.interview_date
        );
    }
    let text = String::from_utf8(bytes).with_context(|| format!("{name} is not UTF-8 text"))?;
    let note = arguments.note.clone();
    let entry = match (&arguments.sent, &arguments.to, &arguments.reply) {
        (Some(kind), Some(to), None) => NewEntry::Sent {
            date,
            kind: *kind,
            to: person(&record, to, "--to")?,
            note,
        },
        (None, None, Some(from)) => NewEntry::Reply {
            date,
            from: person(&record, from, "--reply")?,
            note,
        },
        _ => bail!("give either --sent KIND with --to NAME, or --reply NAME"),
    };
    let updated = append(&text, &entry).map_err(|error| anyhow!("{name}: {error}"))?;
    record::parse(&name, updated.as_bytes()).with_context(|| {
        format!("the new entry would make {name} invalid, so it was not written")
    })?;
    files::replace_file(path, &updated)?;
    Ok(print(&format!(
        "{name}: logged {}.\nSee what is due next with: thankyou next {}\n",
        describe(&entry),
        names::shell_quote(&name)
    ))?)
}

/// The record's spelling of `name`, or an error listing the people in it.
fn person(record: &Record, name: &str, flag: &str) -> Result<String> {
    match record.find(name) {
        Found::One(who) => Ok(record.name(who).to_owned()),
        found => bail!(
            "{flag}: {}",
            record.not_found(name, &found).unwrap_or_default()
        ),
    }
}

fn describe(entry: &NewEntry) -> String {
    match entry {
        NewEntry::Sent { date, kind, to, .. } => format!(
            "{} sent to {to} on {}",
            kind.label(),
            english::long_date(*date)
        ),
        NewEntry::Reply { date, from, .. } => {
            format!("a reply from {from} on {}", english::long_date(*date))
        }
    }
}
