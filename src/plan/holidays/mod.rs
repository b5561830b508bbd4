//! Public holidays: the days no draft is due, by country and region, from
//! rules (fixed dates, the nth weekday of a month, Easter, substitute days)
//! so any year works, and from tables only for what no rule gives: days
//! set by announcement, New Zealand's Matariki (set by law to 2052) and
//! India's festivals that follow lunar calendars (2001 to 2035, with a note
//! from `check` beyond). One file per country; checked against Python's
//! `holidays` package for every year from 2020 to 2040
//! (`tests/holidays.rs`), with any difference listed there.

use std::cell::RefCell;
use std::rc::Rc;

mod australia;
mod britain;
mod canada;
mod india;
mod ireland;
mod new_zealand;
mod rules;
mod united_states;

pub use rules::Holiday;

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

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

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
