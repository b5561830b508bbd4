//! `thankyou man`: the manual page, in roff.

use anyhow::Result;
use clap::CommandFactory;

use crate::arguments::Arguments;
use crate::output::print;

/// Prints the manual page.
pub fn run() -> Result<()> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Arguments::command()).render(&mut page)?;
    Ok(print(&String::from_utf8_lossy(&page))?)
}
