//! What the server was asked for, and what every request handler shares.

use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

use jiff::civil::Date;

use super::undo::Marks;
use crate::render::Renderer;

/// What `serve` was asked for.
pub struct Options {
    /// The folder of records.
    pub dir: PathBuf,
    /// The port to listen on; 0 for a free one.
    pub port: u16,
    /// Whether to open the page in the user's browser.
    pub open: bool,
    /// The templates the drafts are rendered with.
    pub renderer: Renderer,
    /// The day to plan from, when given; today otherwise, asked each time.
    pub today: Option<Date>,
}

/// What every request handler shares.
pub struct App {
    /// The folder of records, canonical, so a path can be checked to be in it.
    pub dir: PathBuf,
    /// The secret every request must carry.
    pub token: String,
    /// The secret of the cookie, which opens the pages and their files
    /// only: never the token, since a browser sends a cookie for 127.0.0.1
    /// to every port of it.
    pub page_key: String,
    /// The one-time code the browser was opened with, until it is used or
    /// too old; `None` then, or when no browser was opened.
    pub launch: Mutex<Option<Launch>>,
    /// The port the server listens on, for the Host and Origin checks.
    pub port: u16,
    /// The templates the drafts are rendered with.
    pub renderer: Renderer,
    /// The day to plan from, when fixed on the command line.
    pub today: Option<Date>,
    /// This server's own "mark as sent", which "Undo" may take back.
    pub marks: Marks,
}

/// The code in the address the browser is opened with
/// (`/?launch=CODE`): it stands for the token once, shortly after start,
/// so the browser's command line, which anyone on the machine can read,
/// shows no secret that still opens anything.
pub struct Launch {
    /// The code, 32 hexadecimal digits.
    pub code: String,
    /// When it stops opening the page.
    pub until: Instant,
}

impl App {
    /// Whether `given` is the launch code, still unused and in time; the
    /// code is forgotten once used, and once too old. `same` compares two
    /// secrets in constant time.
    pub fn take_launch(&self, given: &str, same: impl Fn(&str, &str) -> bool) -> bool {
        let mut launch = self.launch.lock().unwrap_or_else(PoisonError::into_inner);
        let Some(code) = launch.as_ref() else {
            return false;
        };
        if Instant::now() > code.until {
            *launch = None;
            return false;
        }
        if !same(given, &code.code) {
            return false;
        }
        *launch = None;
        true
    }
}
