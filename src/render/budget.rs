//! What one draft may cost: how long it may grow, how many numbers `range`
//! may hand its loops, and how long it may take.
//!
//! Tera 2 has no step or fuel limit, so the render is metered where a
//! template's work shows: every write of output goes through [`Bounded`],
//! and `range`, the one source of loops not bounded by the record's size,
//! is replaced by [`range`], which counts what it hands out. Past any limit
//! the render stops with an error and [`exceeded`] says which limit it was.

use std::cell::Cell;
use std::io::{self, Write};
use std::time::{Duration, Instant};

use tera::{Kwargs, State, TeraResult};

/// The longest draft: a letter is a few kilobytes; this is a hundred pages.
pub const MAX_DRAFT_BYTES: usize = 256 * 1024;

/// How many numbers `range` may produce in all, over one draft.
pub const MAX_RANGE_NUMBERS: u64 = 10_000;

/// How long one draft may take to render.
pub const MAX_TIME: Duration = Duration::from_secs(5);

/// How many writes pass between two looks at the clock.
const WRITES_PER_CLOCK_CHECK: u32 = 1024;

/// The limit a render went past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exceeded {
    /// The draft grew past [`MAX_DRAFT_BYTES`].
    Size,
    /// `range` was asked for more than [`MAX_RANGE_NUMBERS`] in all.
    Range,
    /// The render took longer than [`MAX_TIME`].
    Time,
}

impl Exceeded {
    /// What happened and what to do, for the error message.
    pub fn describe(self) -> String {
        let what = match self {
            Exceeded::Size => format!(
                "the draft grew past {} KiB, far longer than any letter",
                MAX_DRAFT_BYTES / 1024
            ),
            Exceeded::Range => {
                format!("`range` was asked for more than {MAX_RANGE_NUMBERS} numbers in one draft")
            }
            Exceeded::Time => format!(
                "the draft took more than {} seconds to write",
                MAX_TIME.as_secs()
            ),
        };
        format!(
            "{what}, so it was stopped; look for a loop that repeats more than it should, such as one loop inside another"
        )
    }
}

/// The running totals of the render on this thread.
#[derive(Clone, Copy)]
struct Meter {
    /// Numbers `range` may still produce.
    numbers_left: u64,
    /// When the render must be done by.
    deadline: Instant,
    /// Writes until the next look at the clock.
    writes_to_clock: u32,
    /// The limit the render went past, if any.
    exceeded: Option<Exceeded>,
}

thread_local! {
    /// A render runs on one thread from start to end, so its meter is that
    /// thread's; each new render starts it afresh.
    static METER: Cell<Meter> = Cell::new(Meter::fresh());
}

impl Meter {
    /// A meter with nothing spent.
    fn fresh() -> Self {
        Meter {
            numbers_left: MAX_RANGE_NUMBERS,
            deadline: Instant::now() + MAX_TIME,
            writes_to_clock: WRITES_PER_CLOCK_CHECK,
            exceeded: None,
        }
    }
}

/// Starts metering a new render on this thread.
pub fn start() {
    METER.set(Meter::fresh());
}

/// The limit the last render on this thread went past, if any.
pub fn exceeded() -> Option<Exceeded> {
    METER.get().exceeded
}

/// Notes that the render went past `limit`, and returns it to report.
fn trip(limit: Exceeded) -> Exceeded {
    let mut meter = METER.get();
    meter.exceeded.get_or_insert(limit);
    METER.set(meter);
    limit
}

/// Whether the render is past its deadline, checked every so many calls.
fn out_of_time(every_call: bool) -> bool {
    let mut meter = METER.get();
    meter.writes_to_clock = meter.writes_to_clock.saturating_sub(1);
    let look = every_call || meter.writes_to_clock == 0;
    if look {
        meter.writes_to_clock = WRITES_PER_CLOCK_CHECK;
    }
    METER.set(meter);
    look && Instant::now() > meter.deadline
}

/// A draft being written: refuses to grow past [`MAX_DRAFT_BYTES`] or to
/// go on past the deadline.
#[derive(Default)]
pub struct Bounded {
    /// What has been written so far.
    pub bytes: Vec<u8>,
}

impl Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let limit = if self.bytes.len() + buf.len() > MAX_DRAFT_BYTES {
            Some(Exceeded::Size)
        } else if out_of_time(false) {
            Some(Exceeded::Time)
        } else {
            None
        };
        if let Some(limit) = limit {
            return Err(io::Error::other(trip(limit).describe()));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// `range(end=N)`, `range(start=A, end=N, step_by=S)`: the numbers from
/// `start` up to (not including) `end`, as Tera's own `range`, but counted
/// against the draft's budget of numbers and time.
#[allow(clippy::needless_pass_by_value)] // The signature Tera calls functions with.
pub fn range(kwargs: Kwargs, _: &State) -> TeraResult<Vec<i128>> {
    let start = kwargs.get::<i128>("start")?.unwrap_or_default();
    let end = kwargs.must_get::<i128>("end")?;
    let step = kwargs.get::<i128>("step_by")?.unwrap_or(1);
    if step == 0 {
        return Err(tera::Error::message(
            "Function `range` was called with a `step_by` argument of 0",
        ));
    }
    let span = if step > 0 {
        end.saturating_sub(start)
    } else {
        start.saturating_sub(end)
    };
    let count = u128::try_from(span).map_or(0, |span| {
        span.saturating_sub(1) / step.unsigned_abs() + u128::from(span > 0)
    });
    let count = u64::try_from(count).unwrap_or(u64::MAX);
    let mut meter = METER.get();
    if count > meter.numbers_left {
        return Err(tera::Error::message(trip(Exceeded::Range).describe()));
    }
    meter.numbers_left -= count;
    METER.set(meter);
    if out_of_time(true) {
        return Err(tera::Error::message(trip(Exceeded::Time).describe()));
    }
    Ok(
        std::iter::successors(Some(start), |value| value.checked_add(step))
            .take(usize::try_from(count).unwrap_or(0))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_stops_growing_at_the_limit() {
        start();
        let mut draft = Bounded::default();
        assert!(draft.write_all(&vec![b'x'; MAX_DRAFT_BYTES]).is_ok());
        assert!(draft.write_all(b"x").is_err());
        assert_eq!(exceeded(), Some(Exceeded::Size));
        start();
        assert_eq!(exceeded(), None);
    }
}
