//! `thankyou check`: reads records and lists their weak spots, rendering
//! only the cards, to measure them.

use anyhow::{Result, bail};

use crate::arguments::CheckArguments;
use crate::error::Error;
use crate::input::{Loaded, expand, read_record, today};
use crate::lint;
use crate::plan::{self, Selection};
use crate::record::Kind;
use crate::render::{Renderer, templates};
use crate::report;

/// How many mistakes an error reports: each of a record's, or one.
fn mistakes_in(error: &Error) -> usize {
    match error {
        Error::Record(record) => record.count(),
        _ => 1,
    }
}

/// Lists each record's weaknesses; fails on an error, or on a warning
/// under `--deny-warnings`.
pub fn run(arguments: &CheckArguments) -> Result<()> {
    let renderer = {
        let sources = templates::sources(arguments.templates.as_deref())?;
        for warning in templates::misnamed(&sources, arguments.templates.as_deref()) {
            report::warning(&warning);
        }
        Renderer::with_sources(&sources)?
    };
    let options = lint::Options {
        today: today(arguments.today.as_deref(), "--today")?,
        card_words: usize::from(arguments.card_words),
        built_in_templates: renderer.is_built_in(),
    };
    let cards = Selection {
        kinds: vec![Kind::Card],
        ..Selection::default()
    };
    let paths = expand(&arguments.records)?;
    let (mut errors, mut warnings) = (0, 0);
    for path in &paths {
        let Loaded { name, record } = match read_record(path) {
            Ok(loaded) => loaded,
            Err(error) => {
                report::error(&format!("{error:#}"));
                errors += mistakes_in(&error);
                continue;
            }
        };
        let steps = cards.apply(&record, plan::steps(&record, plan::DEFAULT_MAX_CHECKINS))?;
        let drafts = renderer.drafts(&record, steps)?;
        for inference in lint::inferences(&record) {
            report::inferred(&name, &inference);
        }
        let findings = lint::findings(&record, &drafts, &options);
        for finding in &findings {
            report::finding(&name, finding);
        }
        warnings += findings.len();
    }
    let plural =
        |count: usize, word: &str| format!("{count} {word}{}", if count == 1 { "" } else { "s" });
    let summary = format!(
        "{} checked: {}, {}",
        plural(paths.len(), "record"),
        plural(errors, "error"),
        plural(warnings, "warning")
    );
    if errors > 0 {
        bail!("{summary}");
    }
    if warnings > 0 && arguments.deny_warnings {
        bail!("{summary}, and --deny-warnings makes warnings fail");
    }
    report::note(&summary);
    Ok(())
}
