//! Whether the record's `locale` is the English the candidate writes: a
//! phone number from another country, or the candidate's own notes spelt
//! another way, suggest the drafts should be written differently.

use super::finding::Finding;
use crate::record::Record;
use crate::record::locale::{Locale, RESPELLINGS};

/// Country calling codes and the locale each suggests, longest first so
/// "+353" is not read as "+35".
const CALLING_CODES: &[(&str, Locale)] = &[
    ("353", Locale::EnIe),
    ("44", Locale::EnGb),
    ("61", Locale::EnAu),
    ("64", Locale::EnNz),
    ("91", Locale::EnIn),
];

/// Words ending in "-ise" that every English spells so.
const ALWAYS_ISE: &[&str] = &[
    "advise",
    "arise",
    "comprise",
    "compromise",
    "despise",
    "devise",
    "disguise",
    "enterprise",
    "exercise",
    "expertise",
    "franchise",
    "improvise",
    "merchandise",
    "otherwise",
    "premise",
    "promise",
    "raise",
    "revise",
    "rise",
    "supervise",
    "surmise",
    "surprise",
    "televise",
    "wise",
    "noise",
    "praise",
    "precise",
    "concise",
    "paradise",
    "treatise",
    "cruise",
    "chemise",
];

/// A warning for each sign that the record's locale is not the
/// candidate's own English.
pub fn findings(record: &Record) -> Vec<Finding> {
    let mut findings = Vec::new();
    if let Some(phone) = &record.candidate.phone
        && let Some(suggested) = locale_of_phone(phone)
        && suggested.country() != record.locale.country()
    {
        findings.push(Finding::at(
            0,
            format!(
                "your phone number {phone} is from {}, but the drafts are written in {}; add `locale: {}` to spell and date them as you would",
                country_name(suggested),
                record.locale.name(),
                suggested.name()
            ),
        ));
    }
    let (mut british, mut american): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    for word in own_words(record) {
        if is_british_spelling(word) && !british.contains(&word) {
            british.push(word);
        } else if is_american_only(word) && !american.contains(&word) {
            american.push(word);
        }
    }
    if record.locale == Locale::EnUs && !british.is_empty() {
        findings.push(Finding::at(
            0,
            format!(
                "your notes spell the British way ({}), but the drafts are written in en-US; add `locale: en-GB` (or en-AU, en-NZ, en-IE, en-IN) so the drafts match",
                quoted(&british)
            ),
        ));
    }
    if record.locale.spelling() != crate::record::locale::Spelling::American && !american.is_empty()
    {
        findings.push(Finding::at(
            0,
            format!(
                "your notes spell the American way ({}), but the drafts are written in {}; respell your notes, or set `locale: en-US`",
                quoted(&american),
                record.locale.name()
            ),
        ));
    }
    findings
}

/// The locale a phone number's calling code suggests, if it is one of them.
fn locale_of_phone(phone: &str) -> Option<Locale> {
    let digits = phone.trim().strip_prefix('+')?;
    CALLING_CODES
        .iter()
        .find(|(code, _)| digits.starts_with(code))
        .map(|(_, locale)| *locale)
}

fn country_name(locale: Locale) -> &'static str {
    match locale {
        Locale::EnGb => "the UK",
        Locale::EnIe => "Ireland",
        Locale::EnAu => "Australia",
        Locale::EnNz => "New Zealand",
        Locale::EnIn => "India",
        Locale::EnCa => "Canada",
        Locale::EnUs => "the US",
    }
}

/// The candidate's own words: in topics, answers and strengths.
fn own_words(record: &Record) -> impl Iterator<Item = &str> {
    record
        .people()
        .flat_map(|(_, person)| person.topics.iter())
        .chain(record.strengths.iter())
        .chain(
            record
                .unanswered_questions
                .iter()
                .filter_map(|question| question.answer.as_ref()),
        )
        .flat_map(|text| text.split(|c: char| !c.is_alphabetic()))
        .filter(|word| word.len() > 3)
}

/// A British spelling the US does not use: a word of the table in its
/// British form, or a verb in "-ise" that the US spells "-ize".
fn is_british_spelling(word: &str) -> bool {
    // Every British form in the table, and every "-ise", has one of these.
    const MARKS: &[&str] = &["our", "is", "tre", "ll", "lf", "dge", "lm", "ys"];
    if !MARKS.iter().any(|mark| word.contains(mark)) {
        return false;
    }
    let lower = word.to_lowercase();
    let in_table = RESPELLINGS.iter().any(|(american, british, _)| {
        american != british && has_form(&lower, british) && !has_form(&lower, american)
    });
    let ise = ["ise", "ised", "ises", "ising", "isation"]
        .iter()
        .any(|ending| lower.ends_with(ending))
        && lower.len() > 6
        && !ALWAYS_ISE
            .iter()
            .any(|always| lower.starts_with(always.trim_end_matches('e')));
    in_table || ise
}

/// An American spelling of an "-or" word, which no other English uses.
fn is_american_only(word: &str) -> bool {
    if !word.contains("or") {
        return false;
    }
    let lower = word.to_lowercase();
    RESPELLINGS.iter().any(|(american, _, canadian)| {
        canadian.is_none() && american.contains("or") && has_form(&lower, american)
    })
}

/// Whether `word` is `base` or `base` with a plain ending.
fn has_form(word: &str, base: &str) -> bool {
    word.strip_prefix(base)
        .is_some_and(|rest| matches!(rest, "" | "s" | "ed" | "ing" | "d"))
}

fn quoted(words: &[&str]) -> String {
    let shown: Vec<String> = words
        .iter()
        .take(3)
        .map(|word| format!("\u{201C}{word}\u{201D}"))
        .collect();
    shown.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_are_told_apart() {
        for word in ["stabilise", "organised", "honour", "favourite", "colours"] {
            assert!(is_british_spelling(word), "{word}");
        }
        for word in [
            "advise",
            "exercise",
            "promise",
            "surprised",
            "honor",
            "organize",
            "wise",
        ] {
            assert!(!is_british_spelling(word), "{word}");
        }
        assert!(is_american_only("honored"));
        assert!(is_american_only("color"));
        assert!(!is_american_only("organize"));
    }

    #[test]
    fn phone_numbers_suggest_a_locale() {
        assert_eq!(locale_of_phone("+44 20 7946 0018"), Some(Locale::EnGb));
        assert_eq!(locale_of_phone("+353 1 555 0100"), Some(Locale::EnIe));
        assert_eq!(locale_of_phone("+1 312 555 0142"), None);
        assert_eq!(locale_of_phone("020 7946 0018"), None);
    }
}
