//! Canada's holidays: the national ones and each province's and territory's.

use jiff::civil::Weekday;

use super::rules::{Holiday, day, easter, named, nth, observed_after, shifted};

/// The provinces and territories whose holidays are known, by their ISO
/// 3166-2 codes.
pub(super) const PROVINCES: &[&str] = &[];

/// Canada's national holidays (each province adds its own: not covered
/// yet); one on a weekend is observed on the next weekday.
pub(super) fn canada(year: i16, _province: Option<&str>) -> Vec<Holiday> {
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
