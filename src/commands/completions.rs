//! `thankyou completions SHELL`: a completion script for the shell.

use anyhow::Result;
use clap::CommandFactory;

use crate::arguments::Arguments;
use crate::output::print;

/// Prints the completion script for `shell`.
pub fn run(shell: clap_complete::Shell) -> Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Arguments::command(), "thankyou", &mut script);
    Ok(print(&String::from_utf8_lossy(&script))?)
}
