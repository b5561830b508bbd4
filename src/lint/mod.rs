//! Warnings about what would make a weak note, found before anything is
//! sent: in the record (`record.rs`: a missing topic, a personal address,
//! an unanswered question), in its words (`craft.rs`: an answer that is a
//! note, a perk as the only topic, a strength no sentence takes) and in its
//! drafts (`drafts.rs`: a card too long for its card, two notes that read
//! as one form letter). `check` and `render` both call [`findings`].

mod alike;
mod craft;
mod drafts;
mod english;
mod finding;
mod infer;
mod record;
mod wording;

use crate::record::Record;
use crate::render::Draft;
use crate::today::Today;
pub use drafts::{SAME_WORDING, form_letters};
pub use finding::Finding;
pub use infer::inferences;
pub use wording::Wording;

/// What the findings are judged against.
#[derive(Debug)]
pub struct Options {
    /// The day it is, to tell an interview date in the future.
    pub today: Today,
    /// The most words a card may have.
    pub card_words: usize,
    /// Whether the drafts come from the built-in templates alone, whose
    /// phrasings differ in every sentence for up to [`VARIED_PANEL`] drafts
    /// of a kind (`choose` gives each draft its own phrasing of every slot,
    /// and `tests/judge.rs` holds them to it); the form-letter check is
    /// then left out, as it can find nothing.
    pub built_in_templates: bool,
}

/// How many drafts of one kind the built-in templates phrase apart by
/// construction: the smallest pool of phrasings is ten, and the judge
/// checks panels up to eight.
pub const VARIED_PANEL: usize = 8;

/// Everything in `record` and its `drafts` that would make a note weaker
/// than it could be: what has a line, in the order of the file, then drafts
/// that read alike.
pub fn findings(record: &Record, drafts: &[Draft], options: &Options) -> Vec<Finding> {
    let mut findings = record::findings(record, &options.today);
    findings.extend(craft::findings(record));
    findings.extend(infer::missing_honorifics(record));
    findings.extend(english::findings(record));
    findings.extend(drafts::card_lengths(record, drafts, options.card_words));
    findings.sort_by_key(|finding| finding.line);
    if !(options.built_in_templates && drafts::at_most_of_a_kind(drafts, VARIED_PANEL)) {
        findings.extend(form_letters(record, drafts));
    }
    findings
}
