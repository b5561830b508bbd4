//! `thankyou man`: the manual page, in roff.
//!
//! One page for the whole program: its subcommands are listed as
//! `thankyou render`, with each one's `--help` for its options, since no
//! `thankyou-render(1)` page is installed for clap's usual list to point at.

use std::fmt::Write as _;

use anyhow::Result;
use clap::CommandFactory;

use crate::arguments::Arguments;
use crate::output::print;

/// Prints the manual page.
pub fn run() -> Result<()> {
    let command = Arguments::command();
    let man = clap_mangen::Man::new(command.clone());
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    page.extend_from_slice(subcommands(&command).as_bytes());
    if command.get_after_long_help().is_some() || command.get_after_help().is_some() {
        man.render_extra_section(&mut page)?;
    }
    man.render_version_section(&mut page)?;
    Ok(print(&String::from_utf8_lossy(&page))?)
}

/// The SUBCOMMANDS section: each visible subcommand as `thankyou NAME`
/// with what it does, and where its options are.
fn subcommands(command: &clap::Command) -> String {
    let mut section = String::from(".SH SUBCOMMANDS\n");
    for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        let _ = write!(
            section,
            ".TP\n\\fB{} {}\\fR\n",
            escape(command.get_name()),
            escape(sub.get_name())
        );
        if let Some(about) = sub.get_about() {
            for line in about.to_string().lines() {
                section.push_str(&escape(line));
                section.push('\n');
            }
        }
    }
    section.push_str(".PP\n");
    section.push_str(&escape(&format!(
        "Each subcommand's options: {} SUBCOMMAND --help.",
        command.get_name()
    )));
    section.push('\n');
    section
}

/// `text` as roff text: backslashes and dashes escaped, and a line that
/// would read as a request kept as text.
fn escape(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}
