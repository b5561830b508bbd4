//! The filters templates use to write English (list joining, names,
//! dates), and `choose`, which picks this draft's phrasing for each slot.
//!
//! Each filter is a thin wrapper over [`crate::english`], so the rules are
//! tested once there and templates stay short.

// Tera hands filters their arguments by value.
#![allow(clippy::needless_pass_by_value)]

use tera::{Kwargs, State, Tera, TeraResult, Value};

use crate::english;
use crate::record::Locale;
use crate::record::fields::parse_date;

/// Adds every filter below to `tera`, the list and date filters writing
/// as `locale` does (every locale of one spelling writes lists and dates
/// alike, so one set of templates per spelling serves them all); call
/// before adding templates, which Tera checks against the registered filters.
pub fn register(tera: &mut Tera, locale: Locale) {
    tera.register_filter(
        "and_list",
        move |items: Vec<String>, _: Kwargs, _: &State| {
            english::join_and_in(items.iter().map(String::as_str), locale)
        },
    );
    tera.register_filter(
        "or_list",
        move |items: Vec<String>, _: Kwargs, _: &State| {
            english::join_or_in(items.iter().map(String::as_str), locale)
        },
    );
    tera.register_filter("first_name", first_name);
    tera.register_filter("month_day", move |date: &str, _: Kwargs, _: &State| {
        iso(date).map(|date| english::month_day_in(date, locale))
    });
    tera.register_filter("weekday", weekday);
    tera.register_filter("sentence", sentence);
    tera.register_filter("take", take);
    tera.register_filter("quote", quote);
    tera.register_function("choose", choose);
}

/// `choose(slot="opening", of=10)` -> which of the `of` phrasings written
/// for `slot` this draft uses, from the draft's `variant` and the record's
/// `seed`: drafts of one kind get different phrasings in every slot while
/// there are enough, and never the same set of them.
pub fn choose(kwargs: Kwargs, state: &State) -> TeraResult<usize> {
    let slot: &str = kwargs.must_get("slot")?;
    let of: usize = kwargs.must_get("of")?;
    let variant: usize = state.get("variant")?.unwrap_or(0);
    let seed: u64 = state.get("seed")?.unwrap_or(0);
    Ok(phrasing(slot, of, variant, seed))
}

/// The phrasing of `slot` (out of `of`) for the draft at `variant`: the
/// first `of` drafts take each phrasing once, in an order that starts at a
/// place of the slot's own; each later round shifts by a step of the
/// slot's own, so two drafts never share every phrasing.
pub fn phrasing(slot: &str, of: usize, variant: usize, seed: u64) -> usize {
    if of < 2 {
        return 0;
    }
    let mut hash = seed ^ 0xcbf2_9ce4_8422_2325;
    for byte in slot.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    let of64 = of as u64;
    let start = usize::try_from(hash % of64).unwrap_or(0);
    let step = 1 + usize::try_from((hash >> 32) % (of64 - 1)).unwrap_or(0);
    let round = variant / of;
    (variant + start + round * step) % of
}

/// `"Priya Shah" | first_name` -> `Priya`.
pub fn first_name(name: &str, _: Kwargs, _: &State) -> String {
    english::first_name(name)
}

/// `"2026-11-19" | weekday` -> `Thursday`.
pub fn weekday(date: &str, _: Kwargs, _: &State) -> TeraResult<String> {
    iso(date).map(english::weekday_name)
}

/// `"By date" | sentence` -> `By date.`: ends text with a full stop (or
/// `mark`, as in `sentence(mark="?")`) unless it already ends with punctuation.
pub fn sentence(text: &str, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let mark: Option<&str> = kwargs.get("mark")?;
    Ok(english::sentence_end(text, mark.unwrap_or(".")))
}

/// `question | quote` -> `“How would you shard it?”`, to sit inside a
/// sentence; `quote(end=true)` ends the sentence too, adding a full stop
/// inside the quotes when the text has no mark of its own. Quotes inside
/// the text become single ones: `“Your take on ‘quick wins’?”`.
pub fn quote(text: &str, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let end: Option<bool> = kwargs.get("end")?;
    let text = text
        .trim()
        .replace('\u{201C}', "\u{2018}")
        .replace('\u{201D}', "\u{2019}");
    let stop = if end.unwrap_or(false) && !text.ends_with(['.', '!', '?']) {
        "."
    } else {
        ""
    };
    Ok(format!("\u{201C}{text}{stop}\u{201D}"))
}

/// `items | take(n=2)` -> the first two items.
pub fn take(items: Vec<Value>, kwargs: Kwargs, _: &State) -> TeraResult<Vec<Value>> {
    let count: usize = kwargs.must_get("n")?;
    Ok(items.into_iter().take(count).collect())
}

fn iso(date: &str) -> TeraResult<jiff::civil::Date> {
    parse_date(date)
        .ok_or_else(|| tera::Error::message(format!("`{date}` is not a YYYY-MM-DD date")))
}

#[cfg(test)]
mod tests {
    use super::phrasing;

    use tera::{Context, Tera};

    fn render(template: &str, context: &Context) -> String {
        let mut tera = Tera::new();
        super::register(&mut tera, crate::record::Locale::EnUs);
        tera.add_raw_template("t", template).unwrap();
        tera.render("t", context).unwrap()
    }

    #[test]
    fn a_panel_gets_a_phrasing_each_while_there_are_enough() {
        for seed in [0, 7, 12_345_678_901] {
            let chosen: Vec<usize> = (0..10).map(|v| phrasing("opening", 10, v, seed)).collect();
            let mut distinct = chosen.clone();
            distinct.sort_unstable();
            distinct.dedup();
            assert_eq!(distinct.len(), 10, "{chosen:?}");
        }
    }

    #[test]
    fn past_the_pool_no_two_drafts_share_every_phrasing() {
        let slots = [
            ("opening", 8),
            ("topic", 8),
            ("interest", 9),
            ("signoff", 8),
        ];
        let sets: Vec<Vec<usize>> = (0..20)
            .map(|v| {
                slots
                    .iter()
                    .map(|(slot, of)| phrasing(slot, *of, v, 42))
                    .collect()
            })
            .collect();
        for (index, set) in sets.iter().enumerate() {
            assert!(
                !sets[..index].contains(set),
                "draft {index} repeats {set:?}"
            );
        }
    }

    #[test]
    fn filters_read_as_english() {
        let mut context = Context::new();
        context.insert("three", &["A", "B", "C"]);
        context.insert("two", &["A", "B"]);
        context.insert("date", "2026-11-19");
        for (template, expected) in [
            ("{{ three | and_list }}", "A, B, and C"),
            ("{{ two | and_list }}", "A and B"),
            ("{{ three | or_list }}", "A, B, or C"),
            ("{{ three | take(n=2) | and_list }}", "A and B"),
            ("{{ 'Priya Shah' | first_name }}", "Priya"),
            ("{{ date | month_day }}", "November 19"),
            ("{{ date | weekday }}", "Thursday"),
            ("{{ 'By date' | sentence }}", "By date."),
            ("{{ 'Why' | sentence(mark='?') }}", "Why?"),
            ("{{ 'Why?' | quote }}", "\u{201C}Why?\u{201D}"),
            (
                "{{ 'Tell me more' | quote(end=true) }}",
                "\u{201C}Tell me more.\u{201D}",
            ),
            ("{{ 'Why?' | quote(end=true) }}", "\u{201C}Why?\u{201D}"),
            (
                "{{ 'Your take on \u{201C}quick wins\u{201D}?' | quote }}",
                "\u{201C}Your take on \u{2018}quick wins\u{2019}?\u{201D}",
            ),
        ] {
            assert_eq!(render(template, &context), expected, "{template}");
        }
    }
}
