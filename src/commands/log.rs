//! `thankyou log`: records in the file that a draft was sent or a reply
//! came, adding lines to its `log:` and changing nothing else.

use std::path::Path;

use anyhow::{Context as _, Result, anyhow, bail};

use crate::arguments::LogArguments;
use crate::english;
use crate::input::{self, today};
use crate::output::update::Update;
use crate::output::{names, print};
use crate::plan;
use crate::record::append::{NewEntry, append};
use crate::record::{self, Found, Kind, Locale, Record, yaml};

/// Appends entries to the record's `log:`: one for each person a draft
/// went to, or one for a reply.
pub fn run(arguments: &LogArguments) -> Result<()> {
    let path = &arguments.record;
    if path == Path::new("-") {
        bail!("log adds to a file; give the record's path instead of `-`");
    }
    let date = today(arguments.date.as_deref(), "--date")?.date();
    let name = path.display().to_string();
    // One byte past the limit, so a file too large is reported as one.
    let limit = u64::try_from(yaml::MAX_BYTES).map_or(u64::MAX, |limit| limit + 1);
    // Held from reading to writing, so a second `log` at the same time
    // waits for this one and then adds to what it wrote.
    let update = Update::open(path, limit, arguments.force)?;
    let bytes = update.contents().to_vec();
    let settings = input::settings()?;
    let record = record::parse_with(&name, &bytes, settings)?;
    if date < record.interview_date {
        bail!(
            "--date: {date} is before the interview on {}",
            record.interview_date
        );
    }
    let text = String::from_utf8(bytes).with_context(|| format!("{name} is not UTF-8 text"))?;
    let note = arguments.note.clone();
    let entries: Vec<NewEntry> = match (&arguments.sent, arguments.to.as_slice(), &arguments.reply)
    {
        (Some(kind), [_, ..], None) => recipients(&record, *kind, &arguments.to)?
            .into_iter()
            .map(|to| NewEntry::Sent {
                date,
                kind: *kind,
                to,
                note: note.clone(),
            })
            .collect(),
        (None, [], Some(from)) => vec![NewEntry::Reply {
            date,
            from: person(&record, from, "--reply")?,
            note,
        }],
        _ => bail!("give either --sent KIND with --to NAME, or --reply NAME"),
    };
    let updated = append(&text, &entries).map_err(|error| anyhow!("{name}: {error}"))?;
    record::parse_with(&name, updated.as_bytes(), settings).with_context(|| {
        format!("the new entry would make {name} invalid, so it was not written")
    })?;
    update.replace(&updated)?;
    Ok(print(&format!(
        "{name}: logged {}.\nSee what is due next with: thankyou next {}\n",
        describe(&entries, record.locale),
        names::shell_quote(&name)
    ))?)
}

/// The people `--to` names, each once, in the order given; `all` means
/// everyone the plan sends `kind` to.
fn recipients(record: &Record, kind: Kind, to: &[String]) -> Result<Vec<String>> {
    let mut names: Vec<String> = Vec::new();
    for name in to {
        let found = if name.trim().eq_ignore_ascii_case("all") {
            let planned: Vec<String> = plan::steps(record, plan::max_checkins(None, record))
                .into_iter()
                .filter(|step| step.kind == kind)
                .map(|step| step.to)
                .collect();
            if planned.is_empty() {
                bail!("--to all: the plan sends no {} to anyone", kind.label());
            }
            planned
        } else {
            vec![person(record, name, "--to")?]
        };
        for one in found {
            if !names.contains(&one) {
                names.push(one);
            }
        }
    }
    Ok(names)
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

/// "email sent to Priya Shah and Marcus Bell on Thursday, November 19".
fn describe(entries: &[NewEntry], locale: Locale) -> String {
    match entries {
        [NewEntry::Reply { date, from, .. }] => {
            format!(
                "a reply from {from} on {}",
                english::long_date_in(*date, locale)
            )
        }
        [NewEntry::Sent { date, kind, .. }, ..] => {
            let to = entries.iter().filter_map(|entry| match entry {
                NewEntry::Sent { to, .. } => Some(to.as_str()),
                NewEntry::Reply { .. } => None,
            });
            format!(
                "{} sent to {} on {}",
                kind.label(),
                english::join_and_in(to, locale),
                english::long_date_in(*date, locale)
            )
        }
        _ => String::new(),
    }
}
