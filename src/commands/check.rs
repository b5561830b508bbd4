//! `thankyou check`: reads records and lists their weak spots without
//! rendering anything but the cards, which it measures.

use anyhow::{Result, bail};

use crate::app::{Loaded, expand, read_record, today_or};
use crate::arguments::CheckArguments;
use crate::commands::render::card_lengths;
use crate::lint;
use crate::render::{Renderer, Selection};
use crate::report;
use crate::schedule::{self, Kind};
use crate::templates;

/// `thankyou check`: reads each record and lists its weaknesses, rendering
/// only to measure the cards.
pub fn run(arguments: &CheckArguments) -> Result<()> {
    let today = today_or(arguments.today.as_deref(), "--today")?;
    let renderer = Renderer::with_sources(&templates::sources(arguments.templates.as_deref())?)?;
    let paths = expand(&arguments.records)?;
    let (mut errors, mut warnings) = (0, 0);
    for path in &paths {
        let Loaded { name, record } = match read_record(path) {
            Ok(loaded) => loaded,
            Err(error) => {
                report::error(&format!("{error:#}"));
                errors += 1;
                continue;
            }
        };
        let mut findings = lint::findings(&record, today);
        let selection = Selection {
            kinds: vec![Kind::Card],
            to: None,
            step: None,
            max_checkins: schedule::DEFAULT_MAX_CHECKINS,
        };
        let cards = renderer.render(&record, &selection)?;
        let lengths = card_lengths(&record, &cards);
        findings.extend(lengths.into_iter().filter_map(|(index, words)| {
            lint::card_length(&record, index, words, usize::from(arguments.card_words))
        }));
        findings.sort_by_key(|finding| finding.line);
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
