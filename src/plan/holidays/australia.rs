//! Australia's public holidays: the national ones and each state's and
//! territory's.
//!
//! Every state keeps the national days (New Year's Day, Australia Day,
//! Good Friday, Easter Monday, ANZAC Day, Christmas Day and Boxing Day) but
//! makes up for one that falls on a weekend in its own way, which has
//! changed over the years: the rules here are those in force from 2000 on.

use jiff::civil::{Date, Weekday};

use super::rules::{Holiday, day, easter, named, nth, shifted};

/// The states and territories whose holidays are known, by their ISO
/// 3166-2 codes.
pub(super) const STATES: &[&str] = &["ACT", "NSW", "NT", "QLD", "SA", "TAS", "VIC", "WA"];

/// How many days later a holiday falling on each of some weekdays is made
/// up for.
type Shifts = &'static [(Weekday, i64)];

/// A Saturday or Sunday to the Monday after.
const WEEKEND_TO_MONDAY: Shifts = &[(Weekday::Saturday, 2), (Weekday::Sunday, 1)];

/// A Sunday to the Monday after.
const SUNDAY_TO_MONDAY: Shifts = &[(Weekday::Sunday, 1)];

/// A Saturday to the Monday after.
const SATURDAY_TO_MONDAY: Shifts = &[(Weekday::Saturday, 2)];

/// A Sunday to the Tuesday after, the Monday being Boxing Day.
const SUNDAY_TO_TUESDAY: Shifts = &[(Weekday::Sunday, 2)];

/// Christmas Day or Boxing Day on a weekend: to the Monday, or to the
/// Tuesday when the other of the two has the Monday.
const WEEKEND_TO_NEXT_FREE: Shifts = &[(Weekday::Saturday, 2), (Weekday::Sunday, 2)];

/// As [`WEEKEND_TO_NEXT_FREE`], and Boxing Day on a Monday to the Tuesday,
/// the Monday making up for Christmas Day on the Sunday.
const WEEKEND_OR_MONDAY_TO_NEXT_FREE: Shifts = &[
    (Weekday::Saturday, 2),
    (Weekday::Sunday, 2),
    (Weekday::Monday, 1),
];

/// A Sunday or a Monday to the day after.
const SUNDAY_OR_MONDAY_TO_NEXT_DAY: Shifts = &[(Weekday::Sunday, 1), (Weekday::Monday, 1)];

/// A Sunday or a Monday to the Tuesday.
const SUNDAY_OR_MONDAY_TO_TUESDAY: Shifts = &[(Weekday::Sunday, 2), (Weekday::Monday, 1)];

/// What becomes of a holiday on certain weekdays: moved to a later day, or
/// kept with an "(observed)" day off after it.
#[derive(Clone, Copy)]
struct Substitute {
    /// The weekdays on which the holiday moves, and how far.
    moved: Shifts,
    /// The weekdays on which the holiday stays and another day is added.
    added: Shifts,
}

/// Nothing made up for: the holiday is kept where it falls.
const KEPT: Substitute = Substitute {
    moved: &[],
    added: &[],
};

/// The holiday is moved as `shifts` say.
const fn moved(shifts: Shifts) -> Substitute {
    Substitute {
        moved: shifts,
        added: &[],
    }
}

/// The holiday is kept, and a day added as `shifts` say.
const fn added(shifts: Shifts) -> Substitute {
    Substitute {
        moved: &[],
        added: shifts,
    }
}

/// How a state makes up for each of the national days on a weekend, and
/// what it calls the day after Christmas.
struct Fixed {
    /// For New Year's Day.
    new_year: Substitute,
    /// For Australia Day.
    australia_day: Substitute,
    /// For ANZAC Day.
    anzac: Substitute,
    /// For Christmas Day.
    christmas: Substitute,
    /// For Boxing Day.
    boxing: Substitute,
    /// The name of 26 December.
    boxing_name: &'static str,
}

/// A day off, one-off or by announcement, that no rule gives: where
/// (`None` for everywhere), the day (year, month, day) and the name.
type OneOff = (Option<&'static str>, (i16, i8, i8), &'static str);

/// The days off that no rule gives.
const SPECIAL: &[OneOff] = &[
    (Some("QLD"), (2010, 12, 28), "Christmas Day (observed)"),
    (Some("QLD"), (2011, 1, 3), "New Year's Day (observed)"),
    (Some("WA"), (2011, 4, 26), "Special Public Holiday"),
    (Some("QLD"), (2012, 6, 11), "Queen's Diamond Jubilee"),
    (Some("ACT"), (2020, 4, 27), "Declared Public Holiday"),
    (Some("ACT"), (2021, 4, 25), "Additional Public Holiday"),
    (
        None,
        (2022, 9, 22),
        "National Day of Mourning for Queen Elizabeth II",
    ),
];

/// The public holidays of Australia (and of `state`) in `year`: Good
/// Friday and Easter Monday everywhere, the other national days as the
/// state keeps them (or as they fall, for the country alone), the state's
/// own days, and the one-off days.
pub(super) fn australia(year: i16, state: Option<&str>) -> Vec<Holiday> {
    let mut days: Vec<Holiday> = [
        named(shifted(easter(year), -2), "Good Friday"),
        named(shifted(easter(year), 1), "Easter Monday"),
    ]
    .into_iter()
    .flatten()
    .collect();
    days.extend(match state {
        Some("ACT") => capital_territory(year),
        Some("NSW") => new_south_wales(year),
        Some("NT") => northern_territory(year),
        Some("QLD") => queensland(year),
        Some("SA") => south_australia(year),
        Some("TAS") => tasmania(year),
        Some("VIC") => victoria(year),
        Some("WA") => western_australia(year),
        _ => fixed(
            year,
            &Fixed {
                new_year: KEPT,
                australia_day: KEPT,
                anzac: KEPT,
                christmas: KEPT,
                boxing: KEPT,
                boxing_name: "Boxing Day",
            },
        ),
    });
    for (place, (y, month, date), name) in SPECIAL {
        if *y == year && place.is_none_or(|place| state == Some(place)) {
            days.extend(named(day(year, *month, *date), name));
        }
    }
    days
}

/// `name` on `date`, or the day `substitute` puts in its place or adds
/// after it.
fn observed(date: Option<Date>, name: &str, substitute: Substitute) -> Vec<Holiday> {
    let Some(date) = date else {
        return Vec::new();
    };
    let later = |shifts: Shifts| {
        let (_, days) = shifts.iter().find(|(on, _)| *on == date.weekday())?;
        shifted(Some(date), *days)
    };
    if let Some(instead) = later(substitute.moved) {
        return named(Some(instead), name).into_iter().collect();
    }
    let mut days: Vec<Holiday> = named(Some(date), name).into_iter().collect();
    days.extend(named(
        later(substitute.added),
        &format!("{name} (observed)"),
    ));
    days
}

/// The national days of fixed date, each made up for as `rules` say.
fn fixed(year: i16, rules: &Fixed) -> Vec<Holiday> {
    [
        observed(day(year, 1, 1), "New Year's Day", rules.new_year),
        observed(day(year, 1, 26), "Australia Day", rules.australia_day),
        observed(day(year, 4, 25), "ANZAC Day", rules.anzac),
        observed(day(year, 12, 25), "Christmas Day", rules.christmas),
        observed(day(year, 12, 26), rules.boxing_name, rules.boxing),
    ]
    .concat()
}

/// The Saturday between Good Friday and Easter Sunday.
fn easter_saturday(year: i16) -> Option<Holiday> {
    named(shifted(easter(year), -1), "Easter Saturday")
}

/// Easter Sunday itself.
fn easter_sunday(year: i16) -> Option<Holiday> {
    named(easter(year), "Easter Sunday")
}

/// The sovereign's birthday holiday, on `date`, named for a king or a queen.
fn sovereigns_birthday(year: i16, date: Option<Date>) -> Option<Holiday> {
    let king = (1902..=1951).contains(&year) || year >= 2023;
    named(
        date,
        if king {
            "King's Birthday"
        } else {
            "Queen's Birthday"
        },
    )
}

/// The first `weekday` on or after the `from`th of `month`.
fn weekday_from(year: i16, month: i8, from: i8, weekday: Weekday) -> Option<Date> {
    shifted(day(year, month, from), -1)?
        .nth_weekday(1, weekday)
        .ok()
}

/// The Australian Capital Territory: Canberra Day in March, the Easter
/// weekend, Reconciliation Day, the Queen's or King's Birthday in June,
/// Family & Community Day for a few years, and Labour Day in October.
fn capital_territory(year: i16) -> Vec<Holiday> {
    let canberra_day = match year {
        2012 => day(2012, 3, 12),
        ..=2007 => nth(year, 3, Weekday::Monday, 3),
        _ => nth(year, 3, Weekday::Monday, 2),
    };
    let family_and_community_day = match year {
        2010 => day(2010, 9, 26),
        2011 => day(2011, 10, 10),
        2012 => day(2012, 10, 8),
        2013 => day(2013, 9, 30),
        2014 => day(2014, 9, 29),
        2015 => day(2015, 9, 28),
        2016 => day(2016, 9, 26),
        2017 => day(2017, 9, 25),
        _ => None,
    };
    let mut days = vec![
        named(canberra_day, "Canberra Day"),
        easter_saturday(year),
        sovereigns_birthday(year, nth(year, 6, Weekday::Monday, 2)),
        named(family_and_community_day, "Family & Community Day"),
        named(nth(year, 10, Weekday::Monday, 1), "Labour Day"),
    ];
    if year >= 2016 {
        days.push(easter_sunday(year));
    }
    if year >= 2018 {
        days.push(named(
            weekday_from(year, 5, 27, Weekday::Monday),
            "Reconciliation Day",
        ));
    }
    let christmas = if year >= 2014 {
        added(WEEKEND_TO_NEXT_FREE)
    } else {
        moved(WEEKEND_TO_MONDAY)
    };
    let boxing = if year >= 2014 {
        added(WEEKEND_TO_NEXT_FREE)
    } else {
        moved(WEEKEND_OR_MONDAY_TO_NEXT_FREE)
    };
    let rules = Fixed {
        new_year: if year >= 2015 {
            added(WEEKEND_TO_MONDAY)
        } else {
            moved(WEEKEND_TO_MONDAY)
        },
        australia_day: moved(WEEKEND_TO_MONDAY),
        anzac: if year == 2026 {
            added(WEEKEND_TO_MONDAY)
        } else {
            moved(SUNDAY_TO_MONDAY)
        },
        christmas,
        boxing,
        boxing_name: "Boxing Day",
    };
    let mut days: Vec<Holiday> = days.into_iter().flatten().collect();
    days.extend(fixed(year, &rules));
    days
}

/// New South Wales: the Easter weekend, the Queen's or King's Birthday in
/// June, the August Bank Holiday until 2010, and Labour Day in October.
fn new_south_wales(year: i16) -> Vec<Holiday> {
    let mut days = vec![
        easter_saturday(year),
        sovereigns_birthday(year, nth(year, 6, Weekday::Monday, 2)),
        named(nth(year, 10, Weekday::Monday, 1), "Labour Day"),
    ];
    if year >= 2011 {
        days.push(easter_sunday(year));
    } else {
        days.push(named(nth(year, 8, Weekday::Monday, 1), "Bank Holiday"));
    }
    let rules = if year >= 2011 {
        Fixed {
            new_year: added(WEEKEND_TO_MONDAY),
            australia_day: moved(WEEKEND_TO_MONDAY),
            anzac: if (2026..=2027).contains(&year) {
                added(WEEKEND_TO_MONDAY)
            } else {
                KEPT
            },
            christmas: added(WEEKEND_TO_NEXT_FREE),
            boxing: added(WEEKEND_TO_NEXT_FREE),
            boxing_name: "Boxing Day",
        }
    } else {
        Fixed {
            new_year: added(SUNDAY_TO_MONDAY),
            australia_day: added(SUNDAY_TO_MONDAY),
            anzac: added(SUNDAY_TO_MONDAY),
            christmas: added(SUNDAY_TO_TUESDAY),
            boxing: added(SUNDAY_TO_MONDAY),
            boxing_name: "Boxing Day",
        }
    };
    let mut days: Vec<Holiday> = days.into_iter().flatten().collect();
    days.extend(fixed(year, &rules));
    days
}

/// The Northern Territory: the Easter weekend, May Day, the Queen's or
/// King's Birthday in June, and Picnic Day in August.
fn northern_territory(year: i16) -> Vec<Holiday> {
    let mut days = vec![
        easter_saturday(year),
        named(nth(year, 5, Weekday::Monday, 1), "May Day"),
        sovereigns_birthday(year, nth(year, 6, Weekday::Monday, 2)),
        named(nth(year, 8, Weekday::Monday, 1), "Picnic Day"),
    ];
    if year >= 2024 {
        days.push(easter_sunday(year));
    }
    let rules = Fixed {
        new_year: if year >= 2017 {
            added(WEEKEND_TO_MONDAY)
        } else {
            moved(WEEKEND_TO_MONDAY)
        },
        australia_day: moved(WEEKEND_TO_MONDAY),
        anzac: moved(SUNDAY_TO_MONDAY),
        christmas: if year >= 2016 {
            added(WEEKEND_TO_MONDAY)
        } else {
            moved(WEEKEND_TO_MONDAY)
        },
        boxing: if year >= 2023 {
            added(WEEKEND_OR_MONDAY_TO_NEXT_FREE)
        } else {
            moved(WEEKEND_OR_MONDAY_TO_NEXT_FREE)
        },
        boxing_name: "Boxing Day",
    };
    let mut days: Vec<Holiday> = days.into_iter().flatten().collect();
    days.extend(fixed(year, &rules));
    days
}

/// Queensland: the Easter weekend, Labour Day, the Queen's or King's
/// Birthday (June, then October from 2016), and the Wednesday of the Royal
/// Queensland Show (the Ekka).
fn queensland(year: i16) -> Vec<Holiday> {
    let labour_day = if (2013..=2015).contains(&year) {
        nth(year, 10, Weekday::Monday, 1)
    } else {
        nth(year, 5, Weekday::Monday, 1)
    };
    let birthday = if year <= 2015 && year != 2012 {
        nth(year, 6, Weekday::Monday, 2)
    } else {
        nth(year, 10, Weekday::Monday, 1)
    };
    // The show opens on the first Friday of August not before the 5th; its
    // Wednesday is the holiday, unless the show is moved.
    let show = match year {
        2020 => day(2020, 8, 14),
        2021 => day(2021, 10, 29),
        _ => weekday_from(year, 8, 10, Weekday::Wednesday),
    };
    let mut days = vec![
        easter_saturday(year),
        named(labour_day, "Labour Day"),
        sovereigns_birthday(year, birthday),
        named(show, "The Royal Queensland Show"),
    ];
    if year >= 2017 {
        days.push(easter_sunday(year));
    }
    let rules = Fixed {
        new_year: if year >= 2012 {
            added(WEEKEND_TO_MONDAY)
        } else {
            moved(SUNDAY_TO_MONDAY)
        },
        australia_day: moved(WEEKEND_TO_MONDAY),
        anzac: moved(SUNDAY_TO_MONDAY),
        christmas: if year >= 2011 {
            added(WEEKEND_TO_NEXT_FREE)
        } else {
            moved(SUNDAY_TO_MONDAY)
        },
        boxing: if year >= 2011 {
            added(WEEKEND_TO_NEXT_FREE)
        } else {
            moved(SUNDAY_OR_MONDAY_TO_NEXT_DAY)
        },
        boxing_name: "Boxing Day",
    };
    let mut days: Vec<Holiday> = days.into_iter().flatten().collect();
    days.extend(fixed(year, &rules));
    days
}

/// South Australia: Adelaide Cup Day, the Easter weekend, the Queen's or
/// King's Birthday in June, Labour Day in October, and Proclamation Day for
/// Boxing Day.
fn south_australia(year: i16) -> Vec<Holiday> {
    let adelaide_cup = if year >= 2006 {
        nth(year, 3, Weekday::Monday, 2)
    } else {
        nth(year, 5, Weekday::Monday, 3)
    };
    let mut days = vec![
        named(adelaide_cup, "Adelaide Cup Day"),
        easter_saturday(year),
        sovereigns_birthday(year, nth(year, 6, Weekday::Monday, 2)),
        named(nth(year, 10, Weekday::Monday, 1), "Labour Day"),
    ];
    if year >= 2024 {
        days.push(easter_sunday(year));
    }
    // From 2003 or 2004 to 2023 a holiday on a Saturday moved to the
    // Monday, one on a Sunday gained the Monday (Tuesday for Proclamation
    // Day).
    let split = Substitute {
        moved: SATURDAY_TO_MONDAY,
        added: SUNDAY_TO_MONDAY,
    };
    let rules = Fixed {
        new_year: match year {
            2024.. => added(WEEKEND_TO_MONDAY),
            2004.. => split,
            _ => moved(WEEKEND_TO_MONDAY),
        },
        australia_day: match year {
            2004..=2023 => split,
            _ => moved(WEEKEND_TO_MONDAY),
        },
        anzac: if year <= 2023 {
            added(SUNDAY_TO_MONDAY)
        } else {
            KEPT
        },
        christmas: match year {
            2024.. => added(WEEKEND_TO_MONDAY),
            2003.. => split,
            _ => moved(WEEKEND_TO_MONDAY),
        },
        boxing: match year {
            2024.. => added(WEEKEND_OR_MONDAY_TO_NEXT_FREE),
            2003.. => Substitute {
                moved: SATURDAY_TO_MONDAY,
                added: SUNDAY_OR_MONDAY_TO_TUESDAY,
            },
            _ => moved(WEEKEND_OR_MONDAY_TO_NEXT_FREE),
        },
        boxing_name: "Proclamation Day",
    };
    let mut days: Vec<Holiday> = days.into_iter().flatten().collect();
    days.extend(fixed(year, &rules));
    days
}

/// Tasmania: Eight Hours Day in March, Easter Tuesday until 2010 and
/// Easter Sunday from 2027, and the Queen's or King's Birthday in June; no
/// Easter Saturday.
fn tasmania(year: i16) -> Vec<Holiday> {
    let eight_hours_day = if year >= 2001 {
        nth(year, 3, Weekday::Monday, 2)
    } else {
        nth(year, 3, Weekday::Monday, 1)
    };
    let mut days = vec![
        named(eight_hours_day, "Eight Hours Day"),
        sovereigns_birthday(year, nth(year, 6, Weekday::Monday, 2)),
    ];
    if year <= 2010 {
        days.push(named(shifted(easter(year), 2), "Easter Tuesday"));
    }
    if year >= 2027 {
        days.push(easter_sunday(year));
    }
    let weekend = if year >= 2001 {
        moved(WEEKEND_TO_MONDAY)
    } else {
        KEPT
    };
    let rules = Fixed {
        new_year: weekend,
        australia_day: weekend,
        anzac: KEPT,
        christmas: if year >= 2010 {
            added(WEEKEND_TO_NEXT_FREE)
        } else {
            moved(WEEKEND_TO_NEXT_FREE)
        },
        boxing: moved(WEEKEND_TO_NEXT_FREE),
        boxing_name: "Boxing Day",
    };
    let mut days: Vec<Holiday> = days.into_iter().flatten().collect();
    days.extend(fixed(year, &rules));
    days
}

/// Victoria: Labour Day in March, the Easter weekend, the Queen's or King's
/// Birthday in June, the Friday before the AFL Grand Final, and Melbourne
/// Cup Day.
fn victoria(year: i16) -> Vec<Holiday> {
    let mut days = vec![
        named(nth(year, 3, Weekday::Monday, 2), "Labour Day"),
        sovereigns_birthday(year, nth(year, 6, Weekday::Monday, 2)),
    ];
    if year >= 2003 {
        days.push(easter_saturday(year));
    }
    if year >= 2016 {
        days.push(easter_sunday(year));
    }
    if year >= 2015 {
        // The day before the last Saturday of September, unless the
        // final is played later.
        let grand_final_eve = match year {
            2015 => day(2015, 10, 2),
            2016 => day(2016, 9, 30),
            2020 => day(2020, 10, 23),
            _ => shifted(nth(year, 9, Weekday::Saturday, -1), -1),
        };
        days.push(named(grand_final_eve, "Friday before the AFL Grand Final"));
    }
    if year >= 2009 {
        days.push(named(
            nth(year, 11, Weekday::Tuesday, 1),
            "Melbourne Cup Day",
        ));
    }
    let rules = Fixed {
        new_year: if year >= 2009 {
            added(WEEKEND_TO_MONDAY)
        } else {
            moved(SUNDAY_TO_MONDAY)
        },
        australia_day: if year >= 2009 {
            moved(WEEKEND_TO_MONDAY)
        } else {
            KEPT
        },
        anzac: KEPT,
        christmas: match year {
            2019.. => added(WEEKEND_TO_NEXT_FREE),
            2008.. => moved(WEEKEND_TO_NEXT_FREE),
            _ => KEPT,
        },
        boxing: if year >= 2008 {
            added(WEEKEND_TO_NEXT_FREE)
        } else {
            moved(SUNDAY_TO_MONDAY)
        },
        boxing_name: "Boxing Day",
    };
    let mut days: Vec<Holiday> = days.into_iter().flatten().collect();
    days.extend(fixed(year, &rules));
    days
}

/// Western Australia: Labour Day in March, Easter Sunday from 2022,
/// Western Australia Day in June, and the Queen's or King's Birthday at the
/// end of September unless proclaimed for another day.
fn western_australia(year: i16) -> Vec<Holiday> {
    let birthday = match year {
        2011 => day(2011, 10, 28),
        2012 => day(2012, 10, 1),
        2024 => day(2024, 9, 23),
        _ => nth(year, 9, Weekday::Monday, -1),
    };
    let mut days = vec![
        named(nth(year, 3, Weekday::Monday, 1), "Labour Day"),
        named(
            nth(year, 6, Weekday::Monday, 1),
            if year >= 2012 {
                "Western Australia Day"
            } else {
                "Foundation Day"
            },
        ),
        sovereigns_birthday(year, birthday),
    ];
    if year >= 2022 {
        days.push(easter_sunday(year));
    }
    let rules = Fixed {
        new_year: added(WEEKEND_TO_MONDAY),
        australia_day: moved(WEEKEND_TO_MONDAY),
        anzac: added(WEEKEND_TO_MONDAY),
        christmas: added(WEEKEND_TO_MONDAY),
        boxing: added(WEEKEND_OR_MONDAY_TO_NEXT_FREE),
        boxing_name: "Boxing Day",
    };
    let mut days: Vec<Holiday> = days.into_iter().flatten().collect();
    days.extend(fixed(year, &rules));
    days
}
