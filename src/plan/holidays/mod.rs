//! Public holidays: the days no draft is due, by country and region, from
//! rules (fixed dates, the nth weekday of a month, Easter, substitute days)
//! rather than a table, so any year works. Checked against Python's
//! `holidays` package for every year from 2020 to 2040
//! (`tests/holidays.rs`), with the differences listed there.

use std::cell::RefCell;
use std::rc::Rc;

mod australia;
mod britain;
mod canada;
mod india;
mod ireland;
mod new_zealand;
mod united_states;

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

/// A public holiday: its day and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holiday {
    /// The day off.
    pub date: Date,
    /// What it is called, "(observed)" for a weekday standing in for it.
    pub name: String,
}

/// The countries whose holidays are known, with their regions that have
/// holidays of their own.
pub const COVERED: &[(&str, &[&str])] = &[
    ("US", &[]),
    ("GB", &["ENG", "WLS", "SCT", "NIR"]),
    ("IE", &[]),
    ("CA", canada::PROVINCES),
    ("AU", australia::STATES),
    ("NZ", new_zealand::REGIONS),
    ("IN", &[]),
];

/// What is left out of `country`'s holidays in `year`, when some of them
/// are known only for certain years (India's festivals that follow lunar
/// calendars).
pub fn unknown(country: &str, year: i16) -> Option<String> {
    (country == "IN" && !india::LUNAR_YEARS.contains(&year)).then(|| {
        format!(
            "India's festivals that follow lunar calendars (Holi, Diwali, Eid and others) are known for {} to {} only",
            india::LUNAR_YEARS.start(),
            india::LUNAR_YEARS.end()
        )
    })
}

/// The public holidays of `country` (and `region`) in `year`, as
/// [`holidays`] gives them, worked out once per thread: a batch of records
/// from one country asks for the same year again and again.
pub fn cached(country: &str, region: Option<&str>, year: i16) -> Option<Rc<[Holiday]>> {
    /// A country, a region and a year, with their holidays if known.
    type Known = ((String, Option<String>, i16), Option<Rc<[Holiday]>>);
    thread_local! {
        static KNOWN: RefCell<Vec<Known>> = const { RefCell::new(Vec::new()) };
    }
    KNOWN.with(|known| {
        let mut known = known.borrow_mut();
        let found = known
            .iter()
            .find(|((c, r, y), _)| c == country && r.as_deref() == region && *y == year);
        if let Some((_, days)) = found {
            return days.clone();
        }
        let days: Option<Rc<[Holiday]>> = holidays(country, region, year).map(Rc::from);
        known.push((
            (country.to_owned(), region.map(str::to_owned), year),
            days.clone(),
        ));
        days
    })
}

/// The public holidays of `country` (and `region`) in `year`, or `None`
/// when the country's holidays are not known.
pub fn holidays(country: &str, region: Option<&str>, year: i16) -> Option<Vec<Holiday>> {
    let mut days = match country {
        "US" => united_states::united_states(year),
        "GB" => britain::britain(year, region),
        "IE" => ireland::ireland(year),
        "CA" => canada::canada(year, region),
        "AU" => australia::australia(year, region),
        "NZ" => new_zealand::new_zealand(year, region),
        "IN" => india::india(year),
        _ => return None,
    };
    days.sort_by_key(|holiday| holiday.date);
    Some(days)
}

fn day(year: i16, month: i8, day: i8) -> Option<Date> {
    Date::new(year, month, day).ok()
}

fn named(date: Option<Date>, name: &str) -> Option<Holiday> {
    Some(Holiday {
        date: date?,
        name: name.to_owned(),
    })
}

/// The `n`th `weekday` of the month (from 1), or the last when `n` is -1.
fn nth(year: i16, month: i8, weekday: Weekday, n: i8) -> Option<Date> {
    day(year, month, 1)?.nth_weekday_of_month(n, weekday).ok()
}

/// Easter Sunday (the Gregorian computus, in the letters it is always
/// written with).
#[allow(clippy::many_single_char_names)]
fn easter(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let date = (h + l - 7 * m + 114) % 31 + 1;
    day(year, i8::try_from(month).ok()?, i8::try_from(date).ok()?)
}

fn shifted(date: Option<Date>, days: i64) -> Option<Date> {
    date?.checked_add(days.days()).ok()
}

fn is_weekend(date: Date) -> bool {
    matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// For each of `fixed` on a weekend, the next weekday that is not already
/// one of `days`, as "(observed)".
fn observed_after(fixed: &[Holiday], days: &[Holiday]) -> Vec<Holiday> {
    let mut observed: Vec<Holiday> = Vec::new();
    for holiday in fixed.iter().filter(|holiday| is_weekend(holiday.date)) {
        let mut date = holiday.date;
        while is_weekend(date) || days.iter().chain(&observed).any(|known| known.date == date) {
            match date.checked_add(1.day()) {
                Ok(next) => date = next,
                Err(_) => break,
            }
        }
        observed.push(Holiday {
            date,
            name: format!("{} (observed)", holiday.name),
        });
    }
    observed
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn easter_falls_where_the_calendar_says() {
        assert_eq!(easter(2026), Some(date(2026, 4, 5)));
        assert_eq!(easter(2024), Some(date(2024, 3, 31)));
        assert_eq!(easter(2038), Some(date(2038, 4, 25)));
    }

    #[test]
    fn thanksgiving_and_a_scottish_new_year() {
        let us = holidays("US", None, 2026).unwrap();
        assert!(
            us.iter()
                .any(|h| h.date == date(2026, 11, 26) && h.name == "Thanksgiving Day")
        );
        let scotland = holidays("GB", Some("SCT"), 2027).unwrap();
        // 2027: January 2 is a Saturday, so the New Year Holiday is observed on Monday 4.
        assert!(scotland.iter().any(|h| h.date == date(2027, 1, 4)));
        assert!(holidays("FR", None, 2026).is_none());
    }
}
