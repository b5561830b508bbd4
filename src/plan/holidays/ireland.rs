//! Ireland's public holidays.

use jiff::civil::Weekday;

use super::rules::{Holiday, day, easter, named, nth, shifted};

/// Ireland's public holidays, none moved when it falls on a weekend.
pub(super) fn ireland(year: i16) -> Vec<Holiday> {
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
