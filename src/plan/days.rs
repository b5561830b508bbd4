//! The calendar rules of the plan: business days and the days the post is
//! collected, around weekends and the record's public holidays.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use std::rc::Rc;

use super::holidays::{Holiday, cached};
use crate::record::Record;

/// The days a record's drafts may not be sent on, besides weekends: its
/// country's (and region's) public holidays and its own `holidays`.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    /// The public holidays of the years a plan spans.
    public: Vec<Rc<[Holiday]>>,
    /// The record's own days off.
    own: Vec<Date>,
}

/// A step moved off a public holiday: the day it would have been, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    /// The holiday the step would have fallen on.
    pub from: Date,
    /// The holiday's name.
    pub because: String,
}

impl Calendar {
    /// The days off that `record`'s plan must avoid, for the interview's
    /// year and the next (a plan lasts weeks, not years).
    pub fn of(record: &Record) -> Self {
        let year = record.interview_date.year();
        Calendar {
            public: (year..=year.saturating_add(1))
                .filter_map(|year| cached(&record.country, record.region.as_deref(), year))
                .collect(),
            own: record.holidays.clone(),
        }
    }

    /// The name of the holiday on `date`, if it is one.
    pub fn holiday(&self, date: Date) -> Option<&str> {
        if self.own.contains(&date) {
            return Some("a day off in your record");
        }
        self.public
            .iter()
            .flat_map(|days| days.iter())
            .find(|holiday| holiday.date == date)
            .map(|holiday| holiday.name.as_str())
    }

    /// The first day from `date` on that is open (`open` says which
    /// weekdays are), moving past holidays; and, when a holiday moved it,
    /// which one.
    fn settle(&self, date: Date, open: impl Fn(Date) -> bool) -> (Date, Option<Moved>) {
        let mut day = date;
        let mut moved = None;
        loop {
            if let Some(name) = self.holiday(day) {
                moved.get_or_insert_with(|| Moved {
                    from: day,
                    because: name.to_owned(),
                });
            } else if open(day) {
                return (day, moved);
            }
            match day.checked_add(1.day()) {
                Ok(next) => day = next,
                Err(_) => return (day, moved),
            }
        }
    }

    /// `date` on a business day: itself on a weekday that is no holiday,
    /// else the next such day.
    pub fn business_day(&self, date: Date) -> (Date, Option<Moved>) {
        self.settle(date, |day| {
            !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday)
        })
    }

    /// `date` as a day the post is collected: Monday to Saturday, no holiday.
    pub fn mailing_day(&self, date: Date) -> (Date, Option<Moved>) {
        self.settle(date, |day| day.weekday() != Weekday::Sunday)
    }
}

/// The day after `date`.
pub fn next_day(date: Date) -> Date {
    date.checked_add(1.day()).unwrap_or(date)
}

/// A week after `date`.
pub fn week_later(date: Date) -> Date {
    date.checked_add(1.week()).unwrap_or(date)
}

/// `date`, or the Monday after when it is a Sunday and the post is not collected.
pub fn mailing_day(date: Date) -> Date {
    if date.weekday() == Weekday::Sunday {
        next_day(date)
    } else {
        date
    }
}

/// The first business day strictly after `date`.
pub fn next_business_day(date: Date) -> Date {
    on_business_day(next_day(date))
}

/// `date` itself on a weekday, otherwise the Monday after it.
pub fn on_business_day(date: Date) -> Date {
    match date.weekday() {
        Weekday::Saturday => date.checked_add(2.days()).unwrap_or(date),
        Weekday::Sunday => next_day(date),
        _ => date,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn weekends_move_to_monday() {
        assert_eq!(on_business_day(date(2026, 11, 21)), date(2026, 11, 23));
        assert_eq!(on_business_day(date(2026, 11, 22)), date(2026, 11, 23));
        assert_eq!(on_business_day(date(2026, 11, 20)), date(2026, 11, 20));
    }

    #[test]
    fn the_next_business_day_skips_the_weekend() {
        // Friday -> Monday, Saturday -> Monday, Wednesday -> Thursday.
        assert_eq!(next_business_day(date(2026, 12, 4)), date(2026, 12, 7));
        assert_eq!(next_business_day(date(2026, 12, 5)), date(2026, 12, 7));
        assert_eq!(next_business_day(date(2026, 12, 2)), date(2026, 12, 3));
    }

    #[test]
    fn cards_are_mailed_monday_to_saturday() {
        assert_eq!(mailing_day(date(2026, 11, 21)), date(2026, 11, 21));
        assert_eq!(mailing_day(date(2026, 11, 22)), date(2026, 11, 23));
    }

    #[test]
    fn the_next_business_day_crosses_the_year() {
        assert_eq!(next_business_day(date(2027, 12, 31)), date(2028, 1, 3));
    }
}
