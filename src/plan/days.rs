//! The calendar rules of the plan: business days and the days the post is
//! collected.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

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
