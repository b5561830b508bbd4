//! New Zealand's public holidays: the national ones and each region's
//! anniversary day.

use jiff::civil::{Date, Weekday};

use super::rules::{Holiday, day, easter, is_weekend, named, nth, observed_after, shifted};

/// The regions whose holidays are known, by their ISO 3166-2 codes. Bay of
/// Plenty, Gisborne, Manawatū-Whanganui, Tasman and Waikato have no
/// anniversary day of their own: their towns keep their neighbours' days,
/// which follow no regional boundary, so they get the national holidays
/// alone.
pub(super) const REGIONS: &[&str] = &[
    "AUK", "BOP", "CAN", "CIT", "GIS", "HKB", "MBH", "MWT", "NSN", "NTL", "OTA", "STL", "TAS",
    "TKI", "WGN", "WKO", "WTC",
];

/// Matariki's day as the Te Kāhui o Matariki Public Holiday Act 2022 sets
/// it, by year, from 2022 to 2052: a Friday near the Māori new year.
const MATARIKI: &[(i16, i8, i8)] = &[
    (2022, 6, 24),
    (2023, 7, 14),
    (2024, 6, 28),
    (2025, 6, 20),
    (2026, 7, 10),
    (2027, 6, 25),
    (2028, 7, 14),
    (2029, 7, 6),
    (2030, 6, 21),
    (2031, 7, 11),
    (2032, 7, 2),
    (2033, 6, 24),
    (2034, 7, 7),
    (2035, 6, 29),
    (2036, 7, 18),
    (2037, 7, 10),
    (2038, 6, 25),
    (2039, 7, 15),
    (2040, 7, 6),
    (2041, 7, 19),
    (2042, 7, 11),
    (2043, 7, 3),
    (2044, 6, 24),
    (2045, 7, 7),
    (2046, 6, 29),
    (2047, 7, 19),
    (2048, 7, 3),
    (2049, 6, 25),
    (2050, 7, 15),
    (2051, 6, 30),
    (2052, 6, 21),
];

/// The public holidays of New Zealand in `year`, with `region`'s
/// anniversary day when it has one (the rules in force since 2000).
pub(super) fn new_zealand(year: i16, region: Option<&str>) -> Vec<Holiday> {
    let mut days = national(year);
    days.extend(region.and_then(|region| anniversary(year, region)));
    days
}

/// The holidays kept across the country.
fn national(year: i16) -> Vec<Holiday> {
    let mut days = Vec::new();
    days.extend(with_observed(&[
        named(day(year, 1, 1), "New Year's Day"),
        named(day(year, 1, 2), "Day after New Year's Day"),
    ]));
    days.extend(mondayised(year, named(day(year, 2, 6), "Waitangi Day")));
    days.extend(mondayised(year, named(day(year, 4, 25), "Anzac Day")));
    let sovereign = if year <= 2022 {
        "Queen's Birthday"
    } else {
        "King's Birthday"
    };
    days.extend(
        [
            named(shifted(easter(year), -2), "Good Friday"),
            named(shifted(easter(year), 1), "Easter Monday"),
            named(nth(year, 6, Weekday::Monday, 1), sovereign),
            named(matariki(year), "Matariki"),
            named(labour_day(year), "Labour Day"),
        ]
        .into_iter()
        .flatten(),
    );
    if year == 2022 {
        days.extend(named(day(2022, 9, 26), "Queen Elizabeth II Memorial Day"));
    }
    days.extend(with_observed(&[
        named(day(year, 12, 25), "Christmas Day"),
        named(day(year, 12, 26), "Boxing Day"),
    ]));
    days
}

/// A pair of holidays on consecutive days (New Year's, Christmas and
/// Boxing Day), with one on a weekend observed on the next weekday that is
/// not already one of the pair: Monday, or Tuesday when both fall on the
/// weekend or the other holiday is the Monday.
fn with_observed(pair: &[Option<Holiday>]) -> Vec<Holiday> {
    let pair: Vec<Holiday> = pair.iter().flatten().cloned().collect();
    let observed = observed_after(&pair, &pair);
    pair.into_iter().chain(observed).collect()
}

/// `holiday` (Waitangi Day, Anzac Day), with, from 2014, the Monday after
/// it as "(observed)" when it falls on a weekend, even if that Monday is a
/// holiday already (Easter Monday in 2038).
fn mondayised(year: i16, holiday: Option<Holiday>) -> Vec<Holiday> {
    let Some(holiday) = holiday else {
        return Vec::new();
    };
    let monday = (year >= 2014 && is_weekend(holiday.date))
        .then(|| holiday.date.nth_weekday(1, Weekday::Monday).ok())
        .flatten();
    let observed = named(monday, &format!("{} (observed)", holiday.name));
    std::iter::once(holiday).chain(observed).collect()
}

/// Matariki's day in `year`, when the law has set it.
fn matariki(year: i16) -> Option<Date> {
    let &(_, month, date) = MATARIKI.iter().find(|(known, _, _)| *known == year)?;
    day(year, month, date)
}

/// Labour Day: the fourth Monday of October.
fn labour_day(year: i16) -> Option<Date> {
    nth(year, 10, Weekday::Monday, 4)
}

/// The Monday nearest `date`: the same day, the Monday before it for a
/// Tuesday to a Thursday, the Monday after it for a Friday to a Sunday.
fn nearest_monday(date: Option<Date>) -> Option<Date> {
    let date = date?;
    let since_monday = i64::from(date.weekday().to_monday_zero_offset());
    let days = if since_monday <= 3 {
        -since_monday
    } else {
        7 - since_monday
    };
    shifted(Some(date), days)
}

/// `region`'s anniversary day in `year`, if it has one.
fn anniversary(year: i16, region: &str) -> Option<Holiday> {
    let nearest = |month, date| nearest_monday(day(year, month, date));
    let (date, name) = match region {
        "AUK" | "NTL" => (nearest(1, 29), "Auckland Anniversary Day"),
        "CAN" => (canterbury(year), "Canterbury Anniversary Day"),
        "CIT" => (nearest(11, 30), "Chatham Islands Anniversary Day"),
        "HKB" => (shifted(labour_day(year), -3), "Hawke's Bay Anniversary Day"),
        "MBH" => (shifted(labour_day(year), 7), "Marlborough Anniversary Day"),
        "NSN" => (nearest(2, 1), "Nelson Anniversary Day"),
        "OTA" => (otago(year), "Otago Anniversary Day"),
        "STL" => (southland(year), "Southland Anniversary Day"),
        "TKI" => (nth(year, 3, Weekday::Monday, 2), "Taranaki Anniversary Day"),
        "WGN" => (nearest(1, 22), "Wellington Anniversary Day"),
        "WTC" => (west_coast(year), "West Coast Anniversary Day"),
        _ => return None,
    };
    named(date, name)
}

/// Canterbury's anniversary day (Show Day): the second Friday after the
/// first Tuesday of November.
fn canterbury(year: i16) -> Option<Date> {
    shifted(nth(year, 11, Weekday::Tuesday, 1), 10)
}

/// Otago's anniversary day: the Monday nearest 23 March, or the Tuesday
/// after it when that Monday is Easter Monday.
fn otago(year: i16) -> Option<Date> {
    let monday = nearest_monday(day(year, 3, 23))?;
    let easter_monday = shifted(easter(year), 1);
    shifted(Some(monday), i64::from(Some(monday) == easter_monday))
}

/// Southland's anniversary day: Easter Tuesday since 2012, the Monday
/// nearest 17 January before.
fn southland(year: i16) -> Option<Date> {
    if year >= 2012 {
        shifted(easter(year), 2)
    } else {
        nearest_monday(day(year, 1, 17))
    }
}

/// The West Coast's anniversary day: the Monday nearest 1 December, but
/// for 5 December in 2005.
fn west_coast(year: i16) -> Option<Date> {
    if year == 2005 {
        day(2005, 12, 5)
    } else {
        nearest_monday(day(year, 12, 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    /// The days of `region`'s holidays in `year` named `name`.
    fn on(year: i16, region: Option<&str>, name: &str) -> Vec<Date> {
        new_zealand(year, region)
            .into_iter()
            .filter(|holiday| holiday.name == name)
            .map(|holiday| holiday.date)
            .collect()
    }

    #[test]
    fn weekend_holidays_move_to_monday_or_tuesday() {
        // 2022: New Year's Day a Saturday, the day after a Sunday.
        assert_eq!(
            on(2022, None, "New Year's Day (observed)"),
            [date(2022, 1, 3)]
        );
        assert_eq!(
            on(2022, None, "Day after New Year's Day (observed)"),
            [date(2022, 1, 4)]
        );
        // 2038: Anzac Day on Easter Sunday, observed on Easter Monday.
        assert_eq!(on(2038, None, "Anzac Day (observed)"), [date(2038, 4, 26)]);
    }

    #[test]
    fn anniversary_days_keep_to_their_regions() {
        assert_eq!(
            on(2026, Some("AUK"), "Auckland Anniversary Day"),
            [date(2026, 1, 26)]
        );
        assert!(on(2026, None, "Auckland Anniversary Day").is_empty());
        // 2035: the Monday nearest 23 March is Easter Monday.
        assert_eq!(
            on(2035, Some("OTA"), "Otago Anniversary Day"),
            [date(2035, 3, 27)]
        );
        assert_eq!(on(2026, None, "Matariki"), [date(2026, 7, 10)]);
        assert!(on(2053, None, "Matariki").is_empty());
    }
}
