//! The command line, as clap sees it; [`crate::app`] turns it into work.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::output::Format;
use crate::schedule::Kind;

const MAIN_HELP: &str = "\
Examples:
  thankyou render interview.yaml --format text
  thankyou schedule interview.yaml

Exit status: 0 when everything was written, 1 when the record, a template or a file \
was the problem, 2 when the command line was.";

/// Turns one job interview into the follow-up a careful candidate sends.
#[derive(Debug, Parser)]
#[command(name = "thankyou", version, about, after_help = MAIN_HELP)]
pub struct Arguments {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the cards, thank-you emails and check-in for one interview.
    #[command(after_help = "\
Examples:
  thankyou render interview.yaml
  thankyou render interview.yaml --kind card --format text
  thankyou render interview.yaml --kind email --to \"Priya Shah\" | pbcopy
  thankyou render interview.yaml --out-dir drafts/")]
    Render(RenderArguments),
    /// Show when to send each draft.
    #[command(after_help = "\
Examples:
  thankyou schedule interview.yaml
  thankyou schedule interview.yaml --json")]
    Schedule(ScheduleArguments),
}

/// `thankyou render`.
#[derive(Debug, Args)]
pub struct RenderArguments {
    /// The interview record (YAML), or `-` to read standard input.
    pub record: PathBuf,
    /// Only drafts of this kind; repeat for several.
    #[arg(long, value_enum)]
    pub kind: Vec<Kind>,
    /// Only drafts to this person (case-insensitive).
    #[arg(long, value_name = "NAME")]
    pub to: Option<String>,
    /// Markdown, or plain text with cards in short lines to copy by hand.
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    pub format: Format,
    /// Write one file per draft into this folder instead of printing.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// Replace draft files that already exist in --out-dir.
    #[arg(long)]
    pub force: bool,
    /// Line width of cards in text format.
    #[arg(long, value_name = "N", default_value_t = 40, value_parser = clap::value_parser!(u16).range(20..=200))]
    pub width: u16,
    /// Warn when a card has more words than this.
    #[arg(long, value_name = "N", default_value_t = 70, value_parser = clap::value_parser!(u16).range(1..))]
    pub card_words: u16,
}

/// `thankyou schedule`.
#[derive(Debug, Args)]
pub struct ScheduleArguments {
    /// The interview record (YAML), or `-` to read standard input.
    pub record: PathBuf,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}
