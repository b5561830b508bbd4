//! Opening the page in the user's browser without the token on a command
//! line, where `ps` shows it to anyone on the machine for as long as the
//! browser runs.
//!
//! The browser is given `http://127.0.0.1:PORT/?launch=CODE` instead: a
//! one-time code, made at start, that the guard takes once, within
//! [`LAUNCH_TIME`] of start, in place of the token (see `App::launch`).
//! No file is written: a browser in a snap (Ubuntu's Firefox and
//! Chromium) sees a `/tmp` of its own, and a file left by a killed server
//! would hold a live token.

use std::time::{Duration, Instant};

use super::app::Launch;

/// How long after start the launch code opens the page.
const LAUNCH_TIME: Duration = Duration::from_mins(2);

/// The hidden environment variable that changes [`LAUNCH_TIME`], in
/// milliseconds, for the tests.
const LAUNCH_TIME_VARIABLE: &str = "THANKYOU_SERVE_LAUNCH_MS";

/// The launch code `code`, good from now for [`LAUNCH_TIME`] (or what
/// [`LAUNCH_TIME_VARIABLE`] says, when a positive whole number).
pub fn code(code: String) -> Launch {
    let time = std::env::var(LAUNCH_TIME_VARIABLE)
        .ok()
        .and_then(|value| value.trim().parse::<u64>().ok())
        .filter(|value| *value > 0)
        .map_or(LAUNCH_TIME, Duration::from_millis);
    Launch {
        code,
        until: Instant::now() + time,
    }
}

/// Opens `url`, the address with the launch code, in the user's browser,
/// aside, so a browser slow to start never holds the server up. Failing
/// to open only earns a warning.
pub fn open_browser(url: String) {
    tokio::task::spawn_blocking(move || {
        if let Err(error) = opener::open_browser(&url) {
            crate::report::warning(&format!(
                "could not open a browser ({error}); open the address above"
            ));
        }
    });
}
