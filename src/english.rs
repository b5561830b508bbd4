//! Small pieces of English the drafts are made of: lists, names and dates.

use jiff::civil::Date;

use crate::record::locale::Locale;

/// Joins items as a list reads in a sentence: "A", "A and B", "A, B, and C".
pub fn join_and<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    join(items, "and", true)
}

/// Joins items as alternatives: "A", "A or B", "A, B, or C".
pub fn join_or<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    join(items, "or", true)
}

/// Joins items as `locale` writes a list: "A, B, and C" with the serial
/// comma (US, Canada), "A, B and C" without.
pub fn join_and_in<'a>(items: impl IntoIterator<Item = &'a str>, locale: Locale) -> String {
    join(items, "and", locale.serial_comma())
}

/// Joins alternatives as `locale` writes them: "A, B, or C" or "A, B or C".
pub fn join_or_in<'a>(items: impl IntoIterator<Item = &'a str>, locale: Locale) -> String {
    join(items, "or", locale.serial_comma())
}

fn join<'a>(items: impl IntoIterator<Item = &'a str>, conjunction: &str, serial: bool) -> String {
    let items: Vec<&str> = items.into_iter().collect();
    // An item that holds a comma or its own "and" would run into the next:
    // such lists are separated by semicolons, or by "as well as".
    let run_on = items.len() > 1
        && items
            .iter()
            .any(|item| item.contains(", ") || item.contains(" and ") || item.contains(" or "));
    match items.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [first, second] if run_on && conjunction == "and" => {
            format!("{first}, as well as {second}")
        }
        [first, second] => format!("{first} {conjunction} {second}"),
        [init @ .., last] if run_on => format!("{}; {conjunction} {last}", init.join("; ")),
        [init @ .., last] if serial => format!("{}, {conjunction} {last}", init.join(", ")),
        [init @ .., last] => format!("{} {conjunction} {last}", init.join(", ")),
    }
}

/// What a friendly greeting calls someone: the first name, or the honorific
/// and surname when the name starts with one ("Dr. Alan Chu" -> "Dr. Chu").
pub fn first_name(full_name: &str) -> String {
    // Words with no letter or digit in them ("-", "&") are not names.
    let words: Vec<&str> = full_name
        .split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .collect();
    match words.as_slice() {
        [] => String::new(),
        [honorific, .., _] if is_honorific(honorific) => {
            format!("{honorific} {}", surname(without_honorific(full_name)))
        }
        [first, ..] => (*first).to_owned(),
    }
}

/// Whether the name opens with an honorific such as "Dr." or "Ms.", which
/// tells the drafts to address the person formally whatever the tone.
pub fn has_honorific(full_name: &str) -> bool {
    honorific_of(full_name).is_some()
}

/// The honorific the name opens with, if any: "Dr." of "Dr. Helen Marsh".
pub fn honorific_of(full_name: &str) -> Option<&str> {
    let mut words = full_name.split_whitespace();
    let first = words.next()?;
    (is_honorific(first) && words.next().is_some()).then_some(first)
}

/// An honorific as `locale` writes it: British usage drops the full stop
/// from a contraction ("Dr", "Mrs"), US and Canadian usage keeps it ("Dr.").
pub fn honorific_in(honorific: &str, locale: Locale) -> String {
    let bare = honorific.trim_end_matches('.');
    let contraction = matches!(
        bare.to_ascii_lowercase().as_str(),
        "dr" | "mr" | "mrs" | "ms" | "mx" | "st"
    );
    if contraction && !locale.north_american() {
        bare.to_owned()
    } else {
        honorific.to_owned()
    }
}

/// A full name with the honorific it opens with written as `locale` writes
/// it: "Dr Helen Marsh" of "Dr. Helen Marsh" in British usage.
pub fn name_in(full_name: &str, locale: Locale) -> String {
    match honorific_of(full_name.trim()) {
        Some(honorific) => format!(
            "{} {}",
            honorific_in(honorific, locale),
            without_honorific(full_name)
        ),
        None => full_name.to_owned(),
    }
}

/// The name without an honorific it opens with: "Helen Marsh" of "Dr.
/// Helen Marsh".
pub fn without_honorific(full_name: &str) -> &str {
    let name = full_name.trim();
    match honorific_of(name) {
        Some(honorific) => name[honorific.len()..].trim_start(),
        None => name,
    }
}

/// Words that belong to the surname after them: "van Dijk", "de la Cruz",
/// "bin Salman".
const PARTICLES: &[&str] = &[
    "van", "von", "de", "da", "di", "du", "del", "della", "der", "den", "des", "do", "dos", "das",
    "le", "la", "bin", "binti", "ibn", "al", "el", "ter", "ten", "zu", "af", "av",
];

/// The surname in a name without honorific: the last word, hyphenated
/// surnames whole ("Müller-Łukasiewicz"), with the particles before it
/// ("Sanne van Dijk" -> "van Dijk"). A one-word name is its own surname.
pub fn surname(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some((last, rest)) = words.split_last() else {
        return String::new();
    };
    let particles = rest
        .iter()
        .skip(1)
        .rev()
        .take_while(|word| PARTICLES.contains(&word.to_lowercase().as_str()))
        .count();
    let mut parts = rest[rest.len() - particles..].to_vec();
    parts.push(last);
    parts.join(" ")
}

/// How a note refers to someone in passing: "Dr. Marsh" when the record
/// gives an honorific, otherwise the full name.
pub fn reference_name(full_name: &str) -> String {
    if has_honorific(full_name) {
        first_name(full_name)
    } else {
        full_name.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// The company's name without a legal suffix, for running text:
/// "Halden & Pike LLP" -> "Halden & Pike", "Acme, Inc." -> "Acme",
/// "Smith & Co." -> "Smith". What the suffix leaves dangling (an `&`, an
/// "and", a comma) goes with it; a name that would be left empty is kept whole.
pub fn short_company(name: &str) -> String {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    let whole = words.len();
    while words.len() > 1 && words.last().is_some_and(|last| is_legal_suffix(last)) {
        words.pop();
    }
    if words.len() < whole {
        while words.len() > 1 && words.last().is_some_and(|last| is_dangling(last)) {
            words.pop();
        }
    }
    let short = words
        .join(" ")
        .trim_end_matches(|c: char| {
            matches!(c, ',' | ';' | ':' | '-' | '–' | '—' | '/' | '&' | '+')
        })
        .trim_end()
        .to_owned();
    if short.is_empty() {
        name.trim().to_owned()
    } else {
        short
    }
}

/// Whether `word` is a legal form such as "LLP", "Inc." or "(Pty)".
fn is_legal_suffix(word: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "llp",
        "llc",
        "inc",
        "ltd",
        "plc",
        "gmbh",
        "ag",
        "bv",
        "b.v",
        "corp",
        "co",
        "limited",
        "s.a",
        "sa",
        "pty",
        "company",
        "corporation",
        "incorporated",
    ];
    let bare = word
        .trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '.'))
        .to_ascii_lowercase();
    SUFFIXES.contains(&bare.as_str())
}

/// Whether `word` only joins what came before it to a suffix: "&", "and",
/// or punctuation alone.
fn is_dangling(word: &str) -> bool {
    let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
    bare.is_empty() || matches!(bare.to_lowercase().as_str(), "and" | "und" | "et")
}

fn is_honorific(word: &str) -> bool {
    let bare = word.trim_end_matches('.').to_ascii_lowercase();
    matches!(
        bare.as_str(),
        "dr" | "prof" | "professor" | "mr" | "mrs" | "ms" | "mx" | "miss" | "judge" | "rev"
    )
}

/// A date as a letter writes it: "November 19".
pub fn month_day(date: Date) -> String {
    month_day_in(date, Locale::EnUs)
}

/// A date with its weekday, for schedules: "Thursday, November 19".
pub fn long_date(date: Date) -> String {
    long_date_in(date, Locale::EnUs)
}

/// A date as a letter in `locale` writes it: "November 19" (US, Canada)
/// or "19 November".
pub fn month_day_in(date: Date, locale: Locale) -> String {
    let format = if locale.month_first() {
        "%B %-d"
    } else {
        "%-d %B"
    };
    date.strftime(format).to_string()
}

/// A date with its weekday as `locale` writes it: "Thursday, November 19"
/// (US, Canada) or "Thursday 19 November".
pub fn long_date_in(date: Date, locale: Locale) -> String {
    let format = if locale.month_first() {
        "%A, %B %-d"
    } else {
        "%A %-d %B"
    };
    date.strftime(format).to_string()
}

/// The name of the date's weekday: "Thursday".
pub fn weekday_name(date: Date) -> String {
    date.strftime("%A").to_string()
}

/// Ends a sentence with `mark` unless it already ends with punctuation.
pub fn sentence_end(text: &str, mark: &str) -> String {
    let trimmed = text.trim_end();
    if trimmed.ends_with(['.', '!', '?']) {
        trimmed.to_owned()
    } else {
        format!("{trimmed}{mark}")
    }
}

/// The `index`th (from 0) in words: "first", "second", … "tenth", then
/// "11th", "12th", "21st".
pub fn ordinal(index: usize) -> String {
    const WORDS: [&str; 10] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ];
    let number = index + 1;
    let suffix = match (number % 10, number % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    WORDS
        .get(index)
        .map_or_else(|| format!("{number}{suffix}"), |word| (*word).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_lists_as_english() {
        let cases: [(&[&str], &str); 4] = [
            (&[], ""),
            (&["A"], "A"),
            (&["A", "B"], "A and B"),
            (&["A", "B", "C"], "A, B, and C"),
        ];
        for (items, expected) in cases {
            assert_eq!(join_and(items.iter().copied()), expected);
        }
        assert_eq!(join_or(["x", "y", "z"]), "x, y, or z");
        assert_eq!(join_and_in(["A", "B", "C"], Locale::EnGb), "A, B and C");
        assert_eq!(join_or_in(["A", "B", "C"], Locale::EnCa), "A, B, or C");
        assert_eq!(
            join_and(["the float pool pilot and its savings", "shared governance"]),
            "the float pool pilot and its savings, as well as shared governance"
        );
        assert_eq!(
            join_and(["pay bands", "R&D budgets and hiring", "on-call"]),
            "pay bands; R&D budgets and hiring; and on-call"
        );
    }

    #[test]
    fn first_names() {
        for (full, expected) in [
            ("Priya Shah", "Priya"),
            ("Dr. Alan Chu", "Dr. Chu"),
            ("Madonna", "Madonna"),
            ("  Ana  María López ", "Ana"),
            ("Prof Wei Zhang", "Prof Zhang"),
            ("- Priya Shah", "Priya"),
        ] {
            assert_eq!(first_name(full), expected);
        }
    }

    #[test]
    fn surnames_keep_their_particles_and_hyphens() {
        for (name, expected) in [
            ("Helen Marsh", "Marsh"),
            ("Zoë Müller-Łukasiewicz", "Müller-Łukasiewicz"),
            ("Sanne van Dijk", "van Dijk"),
            ("Ludwig van der Berg", "van der Berg"),
            ("Maria de la Cruz", "de la Cruz"),
            ("Khalid bin Salman", "bin Salman"),
            ("Van Morrison", "Morrison"),
            ("Madonna", "Madonna"),
        ] {
            assert_eq!(surname(name), expected, "{name}");
        }
        assert_eq!(without_honorific("Dr. Helen Marsh"), "Helen Marsh");
        assert_eq!(without_honorific("Drew Barry"), "Drew Barry");
        assert_eq!(first_name("Dr. Sanne van Dijk"), "Dr. van Dijk");
        assert_eq!(honorific_in("Dr.", Locale::EnGb), "Dr");
        assert_eq!(honorific_in("Dr.", Locale::EnCa), "Dr.");
        assert_eq!(honorific_in("Prof.", Locale::EnGb), "Prof.");
        assert_eq!(honorific_in("Professor", Locale::EnAu), "Professor");
    }

    #[test]
    fn honorifics_and_reference_names() {
        assert!(has_honorific("Dr. Helen Marsh"));
        assert!(!has_honorific("Priya Shah"));
        assert!(!has_honorific("Dr."));
        assert_eq!(reference_name("Mr. Owen Pike"), "Mr. Pike");
        assert_eq!(reference_name("Priya Shah"), "Priya Shah");
    }

    #[test]
    fn companies_lose_their_legal_suffix() {
        for (name, short) in [
            ("Halden & Pike LLP", "Halden & Pike"),
            ("Acme, Inc.", "Acme"),
            ("Northwind Traders", "Northwind Traders"),
            ("Siemens AG", "Siemens"),
            ("Inc", "Inc"),
            ("Riverside Bakehouse Co.", "Riverside Bakehouse"),
            ("Smith & Co.", "Smith"),
            ("Smith and Company Ltd.", "Smith"),
            ("Smith + Co", "Smith"),
            ("Müller und Co. KG", "Müller und Co. KG"),
            ("Dupont et Cie SA", "Dupont et Cie"),
            ("Acme (Pty) Ltd", "Acme"),
            ("Acme - Ltd", "Acme"),
            ("Johnson & Johnson", "Johnson & Johnson"),
            ("& Co.", "& Co."),
            ("AND Ltd", "AND"),
            ("Halden & Pike, LLP", "Halden & Pike"),
        ] {
            assert_eq!(short_company(name), short, "{name}");
        }
    }

    #[test]
    fn dates_read_as_in_a_letter() {
        let date = Date::new(2026, 11, 19).unwrap();
        assert_eq!(month_day(date), "November 19");
        assert_eq!(long_date(date), "Thursday, November 19");
        assert_eq!(long_date_in(date, Locale::EnGb), "Thursday 19 November");
        assert_eq!(month_day_in(date, Locale::EnAu), "19 November");
        assert_eq!(month_day_in(date, Locale::EnCa), "November 19");
    }

    #[test]
    fn sentences_end_once() {
        assert_eq!(sentence_end("By date", "."), "By date.");
        assert_eq!(sentence_end("By date.", "."), "By date.");
        assert_eq!(sentence_end("Why not?", "."), "Why not?");
        assert_eq!(sentence_end("How", "?"), "How?");
    }
}
