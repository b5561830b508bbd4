//! When to send each draft, and to whom: the follow-up plan as a list of
//! [`Step`]s, each knowing its recipient by place in the record.
//!
//! Emails go out on the interview day, holiday or not (the office was
//! open for the interview), and cards are mailed the next day the post is
//! collected (not a Sunday or a public holiday). The first
//! check-in waits a week, or until the business day after a promised
//! decision; later ones follow about a week after the one before, as it was
//! actually sent; after the last comes a closing note. [`days`] holds the
//! calendar rules, [`due`] what is due on a given day, [`Selection`] which
//! steps were asked for.

pub mod days;
pub mod due;
pub mod holidays;
mod select;
mod steps;

pub use select::Selection;
pub use steps::{DEFAULT_MAX_CHECKINS, Step, checkin, max_checkins, no_follow_up, steps};
