//! Public holidays: the days no draft is due, by country and region, from
//! rules (fixed dates, the nth weekday of a month, Easter, substitute days)
//! rather than a table, so any year works. Checked against Python's
//! `holidays` package for every year from 2020 to 2040
//! (`tests/holidays.rs`), with the differences listed there.

use std::cell::RefCell;
use std::rc::Rc;

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
    ("CA", &[]),
];

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
        "US" => united_states(year),
        "GB" => britain(year, region),
        "IE" => ireland(year),
        "CA" => canada(year),
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

/// The US federal holidays: a Saturday one is observed the Friday before,
/// a Sunday one the Monday after.
fn united_states(year: i16) -> Vec<Holiday> {
    let mut fixed = vec![
        named(day(year, 1, 1), "New Year's Day"),
        named(day(year, 7, 4), "Independence Day"),
        named(day(year, 11, 11), "Veterans Day"),
        named(day(year, 12, 25), "Christmas Day"),
    ];
    if year >= 2021 {
        fixed.push(named(
            day(year, 6, 19),
            "Juneteenth National Independence Day",
        ));
    }
    let mut days: Vec<Holiday> = fixed.into_iter().flatten().collect();
    let observed: Vec<Holiday> = days
        .iter()
        .filter_map(|holiday| {
            let shift = match holiday.date.weekday() {
                Weekday::Saturday => -1,
                Weekday::Sunday => 1,
                _ => return None,
            };
            // New Year's Day on a Saturday is observed on December 31, a
            // day of the year before.
            (holiday.date.month() != 1 || shift == 1)
                .then(|| {
                    named(
                        shifted(Some(holiday.date), shift),
                        &format!("{} (observed)", holiday.name),
                    )
                })
                .flatten()
        })
        .collect();
    days.extend(observed);
    let next_new_year = day(year + 1, 1, 1);
    if next_new_year.is_some_and(|date| date.weekday() == Weekday::Saturday) {
        days.extend(named(day(year, 12, 31), "New Year's Day (observed)"));
    }
    days.extend(
        [
            named(
                nth(year, 1, Weekday::Monday, 3),
                "Martin Luther King Jr. Day",
            ),
            named(nth(year, 2, Weekday::Monday, 3), "Washington's Birthday"),
            named(nth(year, 5, Weekday::Monday, -1), "Memorial Day"),
            named(nth(year, 9, Weekday::Monday, 1), "Labor Day"),
            named(nth(year, 10, Weekday::Monday, 2), "Columbus Day"),
            named(nth(year, 11, Weekday::Thursday, 4), "Thanksgiving Day"),
        ]
        .into_iter()
        .flatten(),
    );
    days
}

/// The bank holidays of the United Kingdom: those of every nation, then
/// each nation's own; a fixed-date holiday on a weekend is observed on the
/// next weekday that is not already a holiday.
fn britain(year: i16, region: Option<&str>) -> Vec<Holiday> {
    let scotland = region == Some("SCT");
    let northern_ireland = region == Some("NIR");
    let england_or_wales = matches!(region, Some("ENG" | "WLS"));
    let mut fixed = vec![named(day(year, 1, 1), "New Year's Day")];
    if scotland {
        fixed.push(named(day(year, 1, 2), "New Year Holiday"));
    }
    if northern_ireland {
        fixed.push(named(day(year, 3, 17), "Saint Patrick's Day"));
        fixed.push(named(day(year, 7, 12), "Battle of the Boyne"));
    }
    if scotland {
        fixed.push(named(day(year, 11, 30), "Saint Andrew's Day"));
    }
    fixed.push(named(day(year, 12, 25), "Christmas Day"));
    fixed.push(named(day(year, 12, 26), "Boxing Day"));
    let fixed: Vec<Holiday> = fixed.into_iter().flatten().collect();

    let may_day = match year {
        2020 => day(2020, 5, 8),
        _ => nth(year, 5, Weekday::Monday, 1),
    };
    let spring = match year {
        2002 | 2012 => day(year, 6, 4),
        2022 => day(2022, 6, 2),
        _ => nth(year, 5, Weekday::Monday, -1),
    };
    let mut moving = vec![
        named(shifted(easter(year), -2), "Good Friday"),
        named(may_day, "May Day"),
        named(spring, "Spring Bank Holiday"),
    ];
    if england_or_wales || northern_ireland {
        moving.push(named(shifted(easter(year), 1), "Easter Monday"));
        moving.push(named(
            nth(year, 8, Weekday::Monday, -1),
            "Late Summer Bank Holiday",
        ));
    }
    if scotland {
        moving.push(named(
            nth(year, 8, Weekday::Monday, 1),
            "Summer Bank Holiday",
        ));
    }
    for (date, name) in [
        ((2022, 6, 3), "Platinum Jubilee of Elizabeth II"),
        ((2022, 9, 19), "State Funeral of Queen Elizabeth II"),
        ((2023, 5, 8), "Coronation of Charles III"),
    ] {
        if date.0 == year {
            moving.push(named(day(date.0, date.1, date.2), name));
        }
    }
    let mut days: Vec<Holiday> = moving.into_iter().flatten().collect();
    days.extend(fixed.iter().cloned());
    days.extend(observed_after(&fixed, &days));
    days
}

/// Canada's national holidays (each province adds its own: not covered
/// yet); one on a weekend is observed on the next weekday.
fn canada(year: i16) -> Vec<Holiday> {
    // Canada Day's substitute is the provinces' to give, as Python's
    // `holidays` has it; New Year's Day and Christmas Day move nationally.
    let fixed: Vec<Holiday> = [
        named(day(year, 1, 1), "New Year's Day"),
        named(day(year, 12, 25), "Christmas Day"),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut days: Vec<Holiday> = [
        named(shifted(easter(year), -2), "Good Friday"),
        named(day(year, 7, 1), "Canada Day"),
        named(nth(year, 9, Weekday::Monday, 1), "Labour Day"),
    ]
    .into_iter()
    .flatten()
    .collect();
    days.extend(fixed.iter().cloned());
    days.extend(observed_after(&fixed, &days));
    days
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

/// Ireland's public holidays, none moved when it falls on a weekend.
fn ireland(year: i16) -> Vec<Holiday> {
    let brigid = day(year, 2, 1).and_then(|first| {
        if first.weekday() == Weekday::Friday {
            Some(first)
        } else {
            nth(year, 2, Weekday::Monday, 1)
        }
    });
    let mut days = vec![
        named(day(year, 1, 1), "New Year's Day"),
        named(day(year, 3, 17), "Saint Patrick's Day"),
        named(shifted(easter(year), 1), "Easter Monday"),
        named(nth(year, 5, Weekday::Monday, 1), "May Bank Holiday"),
        named(nth(year, 6, Weekday::Monday, 1), "June Bank Holiday"),
        named(nth(year, 8, Weekday::Monday, 1), "August Bank Holiday"),
        named(nth(year, 10, Weekday::Monday, -1), "October Bank Holiday"),
        named(day(year, 12, 25), "Christmas Day"),
        named(day(year, 12, 26), "Saint Stephen's Day"),
    ];
    if year >= 2023 {
        days.push(named(brigid, "Saint Brigid's Day"));
    }
    if year == 2022 {
        days.push(named(
            day(2022, 3, 18),
            "Day of Remembrance and Recognition",
        ));
    }
    days.into_iter().flatten().collect()
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
