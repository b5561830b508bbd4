//! The bank holidays of the United Kingdom and of each of its nations.

use jiff::civil::Weekday;

use super::rules::{Holiday, day, easter, named, nth, observed_after, shifted};

/// The bank holidays of the United Kingdom: those of every nation, then
/// each nation's own; a fixed-date holiday on a weekend is observed on the
/// next weekday that is not already a holiday.
pub(super) fn britain(year: i16, region: Option<&str>) -> Vec<Holiday> {
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
