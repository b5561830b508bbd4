//! What the server was asked for, and what every request handler shares.

use std::path::PathBuf;

use jiff::civil::Date;

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
    /// The port the server listens on, for the Host and Origin checks.
    pub port: u16,
    /// The templates the drafts are rendered with.
    pub renderer: Renderer,
    /// The day to plan from, when fixed on the command line.
    pub today: Option<Date>,
}
