//! The day it is where the user is, for the questions that need it: is the
//! interview still ahead, what is due.
//!
//! Finding the local date means reading the system's time zone, which costs
//! more than rendering a record; a run that renders one record should not pay
//! it when the answer is already plain from the UTC date, since the local
//! date is never more than a day from it.

use std::sync::OnceLock;

use jiff::civil::Date;
use jiff::tz::TimeZone;

/// Today: given (`--today`), or the system's, looked up once and only when needed.
#[derive(Debug)]
pub struct Today {
    utc: Date,
    local: OnceLock<Date>,
}

impl Today {
    /// A day given on the command line.
    pub fn given(date: Date) -> Self {
        let local = OnceLock::new();
        let _ = local.set(date);
        Today { utc: date, local }
    }

    /// The day it is now, in the system's time zone.
    pub fn now() -> Self {
        Today {
            utc: jiff::Timestamp::now()
                .to_zoned_datetime(TimeZone::UTC)
                .date(),
            local: OnceLock::new(),
        }
    }

    /// The date itself.
    pub fn date(&self) -> Date {
        *self.local.get_or_init(|| jiff::ZonedDateTime::now().date())
    }

    /// Whether `date` is still ahead, after today.
    pub fn is_before(&self, date: Date) -> bool {
        if self.local.get().is_none() {
            if date > self.utc.tomorrow().unwrap_or(self.utc) {
                return true;
            }
            if date <= self.utc.yesterday().unwrap_or(self.utc) {
                return false;
            }
        }
        date > self.date()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_given_day_answers_exactly() {
        let today = Today::given(date(2026, 11, 25));
        assert!(today.is_before(date(2026, 11, 26)));
        assert!(!today.is_before(date(2026, 11, 25)));
        assert_eq!(today.date(), date(2026, 11, 25));
    }

    #[test]
    fn far_days_need_no_time_zone() {
        let today = Today::now();
        let utc = today.utc;
        assert!(today.is_before(utc.checked_add(jiff::ToSpan::days(2)).unwrap()));
        assert!(!today.is_before(utc.checked_sub(jiff::ToSpan::days(2)).unwrap()));
        assert!(today.local.get().is_none(), "the time zone was not read");
    }
}
