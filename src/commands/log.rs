//! `thankyou log`: records in the file that a draft was sent or a reply
//! came, adding lines to its `log:` and changing nothing else.

use std::path::Path;

use anyhow::{Result, bail};

use crate::arguments::LogArguments;
use crate::input::{self, today};
use crate::output::log::{self, Logbook};
use crate::output::update::Update;
use crate::output::{names, print};
use crate::record::append::NewEntry;
use crate::record::yaml;

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
    let logbook = Logbook::open(update, &name, input::settings()?)?;
    logbook.check_date(date, "--date")?;
    let record = logbook.record();
    let note = arguments.note.as_deref();
    let entries: Vec<NewEntry> = match (&arguments.sent, arguments.to.as_slice(), &arguments.reply)
    {
        (Some(kind), [_, ..], None) => log::sent(record, date, *kind, &arguments.to, note, "--to")?,
        (None, [], Some(from)) => vec![NewEntry::Reply {
            date,
            from: log::person(record, from, "--reply")?,
            note: note.map(str::to_owned),
        }],
        _ => bail!("give either --sent KIND with --to NAME, or --reply NAME"),
    };
    let logged = logbook.write(&entries)?;
    Ok(print(&format!(
        "{name}: logged {}.\nSee what is due next with: thankyou next {}\n",
        logged.message,
        names::shell_quote(&name)
    ))?)
}
