//! The United States' federal holidays.

use jiff::civil::Weekday;

use super::rules::{Holiday, day, named, nth, shifted};

/// The US federal holidays: a Saturday one is observed the Friday before,
/// a Sunday one the Monday after.
pub(super) fn united_states(year: i16) -> Vec<Holiday> {
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
