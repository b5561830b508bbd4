//! The filters templates use to write English: list joining, names, dates.
//!
//! Each filter is a thin wrapper over [`crate::english`], so the rules are
//! tested once there and templates stay short.

// Tera hands filters their arguments by value.
#![allow(clippy::needless_pass_by_value)]

use tera::{Kwargs, State, Tera, TeraResult, Value};

use crate::english;
use crate::record::fields::parse_date;

/// Adds every filter below to `tera`; call before adding templates, which
/// Tera checks against the registered filters.
pub fn register(tera: &mut Tera) {
    tera.register_filter("and_list", and_list);
    tera.register_filter("or_list", or_list);
    tera.register_filter("first_name", first_name);
    tera.register_filter("month_day", month_day);
    tera.register_filter("weekday", weekday);
    tera.register_filter("sentence", sentence);
    tera.register_filter("take", take);
}

/// `["A", "B", "C"] | and_list` -> `A, B, and C`.
pub fn and_list(items: Vec<String>, _: Kwargs, _: &State) -> String {
    english::join_and(items.iter().map(String::as_str))
}

/// `["A", "B", "C"] | or_list` -> `A, B, or C`.
pub fn or_list(items: Vec<String>, _: Kwargs, _: &State) -> String {
    english::join_or(items.iter().map(String::as_str))
}

/// `"Priya Shah" | first_name` -> `Priya`.
pub fn first_name(name: &str, _: Kwargs, _: &State) -> String {
    english::first_name(name)
}

/// `"2026-11-19" | month_day` -> `November 19`.
pub fn month_day(date: &str, _: Kwargs, _: &State) -> TeraResult<String> {
    iso(date).map(english::month_day)
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
    use tera::{Context, Tera};

    fn render(template: &str, context: &Context) -> String {
        let mut tera = Tera::new();
        super::register(&mut tera);
        tera.add_raw_template("t", template).unwrap();
        tera.render("t", context).unwrap()
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
        ] {
            assert_eq!(render(template, &context), expected, "{template}");
        }
    }
}
