//! `thankyou serve`: the page for writing records and reading their drafts.

use anyhow::Result;

use crate::arguments::ServeArguments;
use crate::input::today;
use crate::render::{Renderer, templates};
use crate::report;
use crate::serve::{self, Options};

/// Serves the folder's records on 127.0.0.1 until Ctrl-C.
pub fn run(arguments: ServeArguments) -> Result<()> {
    let sources = templates::sources(arguments.templates.as_deref())?;
    for warning in templates::misnamed(&sources, arguments.templates.as_deref()) {
        report::warning(&warning);
    }
    let today = match arguments.today {
        Some(text) => Some(today(Some(&text), "--today")?.date()),
        None => None,
    };
    serve::run(Options {
        dir: arguments.dir,
        port: arguments.port,
        open: !arguments.no_open,
        renderer: Renderer::with_sources(&sources)?,
        today,
    })?;
    Ok(())
}
