//! Adding "sent" and "reply" entries to a record's `log:`, as `thankyou
//! log` and the page's "mark as sent" both do: under the record's lock,
//! checked to read back as a valid record, then written atomically.

use jiff::civil::Date;

use super::update::Update;
use crate::english;
use crate::error::{Error, Result};
use crate::plan;
use crate::record::append::{NewEntry, append};
use crate::record::{self, Found, Kind, Locale, Record, Settings};

/// A record held under its lock, read and checked, ready for entries.
pub struct Logbook {
    /// The locked file.
    update: Update,
    /// How messages name the file.
    name: String,
    /// The record as it is now.
    record: Record,
    /// Its text.
    text: String,
    /// The settings it was read with, to read it again once changed.
    settings: &'static Settings,
}

/// What adding to the log did: the file's new text, and the entries in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logged {
    /// The record's text as written.
    pub text: String,
    /// "email sent to Priya Shah on Thursday, November 19".
    pub message: String,
}

impl Logbook {
    /// Reads the record `update` holds, named `name` in messages.
    pub fn open(update: Update, name: &str, settings: &'static Settings) -> Result<Self> {
        let record = record::parse_with(name, update.contents(), settings)?;
        let text = String::from_utf8(update.contents().to_vec())
            .map_err(|_| Error::Request(format!("{name} is not UTF-8 text")))?;
        Ok(Logbook {
            update,
            name: name.to_owned(),
            record,
            text,
            settings,
        })
    }

    /// The record as it is before the entries.
    pub fn record(&self) -> &Record {
        &self.record
    }

    /// The record's text before the entries.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Refuses `date` when it is before the interview; `what` names the
    /// date in the message, as `--date` or `today`.
    pub fn check_date(&self, date: Date, what: &str) -> Result<()> {
        if date < self.record.interview_date {
            return Err(Error::Request(format!(
                "{what}: {date} is before the interview on {}",
                self.record.interview_date
            )));
        }
        Ok(())
    }

    /// Appends `entries` and replaces the file, unless the result would
    /// not read back as a valid record; then nothing is written.
    pub fn write(self, entries: &[NewEntry]) -> Result<Logged> {
        let name = &self.name;
        let updated = append(&self.text, entries)
            .map_err(|error| Error::Request(format!("{name}: {error}")))?;
        record::parse_with(name, updated.as_bytes(), self.settings).map_err(|error| {
            Error::Request(format!(
                "the new entry would make {name} invalid, so it was not written: {error}"
            ))
        })?;
        self.update.replace(&updated)?;
        Ok(Logged {
            message: describe(entries, self.record.locale),
            text: updated,
        })
    }
}

/// One "sent" entry on `date` for each person `to` names (see
/// [`recipients`]); `flag` names the list in errors.
pub fn sent(
    record: &Record,
    date: Date,
    kind: Kind,
    to: &[String],
    note: Option<&str>,
    flag: &str,
) -> Result<Vec<NewEntry>> {
    Ok(recipients(record, kind, to, flag)?
        .into_iter()
        .map(|to| NewEntry::Sent {
            date,
            kind,
            to,
            note: note.map(str::to_owned),
        })
        .collect())
}

/// The people `to` names, each once, in the order given; `all` means
/// everyone the plan sends `kind` to.
pub fn recipients(record: &Record, kind: Kind, to: &[String], flag: &str) -> Result<Vec<String>> {
    let mut names: Vec<String> = Vec::new();
    for name in to {
        let found = if name.trim().eq_ignore_ascii_case("all") {
            let planned: Vec<String> = plan::steps(record, plan::max_checkins(None, record))
                .into_iter()
                .filter(|step| step.kind == kind)
                .map(|step| step.to)
                .collect();
            if planned.is_empty() {
                return Err(Error::Request(format!(
                    "{flag} all: the plan sends no {} to anyone",
                    kind.label()
                )));
            }
            planned
        } else {
            vec![person(record, name, flag)?]
        };
        for one in found {
            if !names.contains(&one) {
                names.push(one);
            }
        }
    }
    Ok(names)
}

/// The record's spelling of `name`, or an error, after `flag`, listing
/// the people in it.
pub fn person(record: &Record, name: &str, flag: &str) -> Result<String> {
    match record.find(name) {
        Found::One(who) => Ok(record.name(who).to_owned()),
        found => Err(Error::Request(format!(
            "{flag}: {}",
            record.not_found(name, &found).unwrap_or_default()
        ))),
    }
}

/// "email sent to Priya Shah and Marcus Bell on Thursday, November 19".
pub fn describe(entries: &[NewEntry], locale: Locale) -> String {
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
