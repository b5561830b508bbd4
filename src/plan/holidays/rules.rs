//! What every country's holidays are made of: fixed dates, the nth
//! weekday of a month, Easter, and days observed in place of a weekend.

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

pub(super) fn day(year: i16, month: i8, day: i8) -> Option<Date> {
    Date::new(year, month, day).ok()
}

pub(super) fn named(date: Option<Date>, name: &str) -> Option<Holiday> {
    Some(Holiday {
        date: date?,
        name: name.to_owned(),
    })
}

/// The `n`th `weekday` of the month (from 1), or the last when `n` is -1.
pub(super) fn nth(year: i16, month: i8, weekday: Weekday, n: i8) -> Option<Date> {
    day(year, month, 1)?.nth_weekday_of_month(n, weekday).ok()
}

/// Easter Sunday (the Gregorian computus, in the letters it is always
/// written with).
#[allow(clippy::many_single_char_names)]
pub(super) fn easter(year: i16) -> Option<Date> {
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

pub(super) fn shifted(date: Option<Date>, days: i64) -> Option<Date> {
    date?.checked_add(days.days()).ok()
}

pub(super) fn is_weekend(date: Date) -> bool {
    matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// For each of `fixed` on a weekend, the next weekday that is not already
/// one of `days`, as "(observed)".
pub(super) fn observed_after(fixed: &[Holiday], days: &[Holiday]) -> Vec<Holiday> {
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
}
