//! The command line, as clap sees it. Each command in [`crate::commands`]
//! turns its arguments into plain options once; nothing below the commands
//! sees a clap type.

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};

use crate::format::{self, FORMATS, Format};
use crate::record::{Kind, MAX_CHECKINS};

const MAIN_HELP: &str = "\
Examples:
  thankyou render interview.yaml --format text
  thankyou schedule interview.yaml
  thankyou next applications/
  thankyou log interview.yaml --sent email --to \"Priya Shah\"

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
    /// Write the cards, thank-you emails, check-ins and closing note for one interview.
    #[command(after_help = "\
Examples:
  thankyou render interview.yaml
  thankyou render interview.yaml --kind card --format text
  thankyou render interview.yaml --kind email --to \"Priya Shah\" | pbcopy
  thankyou render interview.yaml --kind checkin --step 2
  thankyou render interview.yaml --out-dir drafts/")]
    Render(RenderArguments),
    /// Show when to send each draft, as a table, JSON or a calendar file.
    #[command(after_help = "\
Examples:
  thankyou schedule interview.yaml
  thankyou schedule interview.yaml --json
  thankyou schedule interview.yaml --ics follow-up.ics")]
    Schedule(ScheduleArguments),
    /// Show what is due today across your applications, oldest first.
    #[command(after_help = "\
Examples:
  thankyou next applications/
  thankyou next northwind.yaml halden.yaml --today 2026-12-07")]
    Next(NextArguments),
    /// Open a page on this machine to write records and watch the drafts change.
    #[command(after_help = "\
Examples:
  thankyou serve
  thankyou serve applications/ --port 8765 --no-open

The page is served on 127.0.0.1 only, and every request needs the token in
the printed address. Ctrl-C stops it.")]
    Serve(ServeArguments),
    /// Record in the file that you sent a draft or got a reply.
    #[command(after_help = "\
Examples:
  thankyou log interview.yaml --sent email --to \"Priya Shah\"
  thankyou log interview.yaml --sent checkin --to \"Sam Ortiz\" --date 2026-11-26
  thankyou log interview.yaml --reply \"Sam Ortiz\" --note \"second round on Dec 3\"

Only the new lines are added: the rest of the file, comments and order
included, stays exactly as it was.")]
    Log(LogArguments),
    /// Check records for mistakes and weak spots, without rendering them.
    #[command(after_help = "\
Examples:
  thankyou check interview.yaml
  thankyou check applications/ --deny-warnings

Each finding is one line, `file:line: warning: ...`. The exit status is 1
when a record has an error, or a warning under --deny-warnings.")]
    Check(CheckArguments),
    /// List the built-in templates, or export them to edit.
    #[command(
        subcommand,
        after_help = "\
Examples:
  thankyou templates list
  thankyou templates export my-templates/
  thankyou render interview.yaml --templates my-templates/"
    )]
    Templates(TemplatesCommand),
    /// Ask about the interview in the terminal and write its record.
    #[command(after_help = "\
Examples:
  thankyou new
  thankyou new northwind.yaml

Without a file name, the record is named after the company and the date,
such as northwind-traders-2026-11-19.yaml. Each topic you talked about is
one answer; an empty answer ends the list.")]
    New {
        /// Where to write the record [default: COMPANY-DATE.yaml].
        file: Option<PathBuf>,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Write a commented starter record to fill in.
    #[command(after_help = "\
Examples:
  thankyou init
  thankyou init northwind.yaml")]
    Init {
        /// Where to write it.
        #[arg(default_value = "interview.yaml")]
        file: PathBuf,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Print the JSON Schema of the record or of the config, for editors that validate YAML.
    #[command(after_help = "\
Examples:
  thankyou schema > thankyou.schema.json
  thankyou schema config > thankyou-config.schema.json")]
    Schema {
        /// Which file the schema describes.
        #[arg(value_enum, default_value = "record")]
        of: SchemaOf,
    },
    /// Show where your config file is and what it sets for every record.
    #[command(after_help = "\
Examples:
  thankyou config
  $EDITOR \"$(thankyou config --path)\"

The config is `config.yaml` in the config folder; a record's own values win
over it, field by field.")]
    Config {
        /// Print only the path of the config file, whether or not it exists.
        #[arg(long)]
        path: bool,
    },
    /// Print a shell completion script.
    #[command(after_help = "\
Examples:
  thankyou completions bash > ~/.local/share/bash-completion/completions/thankyou
  thankyou completions zsh > ~/.zfunc/_thankyou
  thankyou completions fish > ~/.config/fish/completions/thankyou.fish")]
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    #[command(after_help = "\
Examples:
  thankyou man > ~/.local/share/man/man1/thankyou.1")]
    Man,
}

/// The files `thankyou schema` describes.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum SchemaOf {
    /// An interview record.
    Record,
    /// The config file, `config.yaml`.
    Config,
}

/// `thankyou templates`.
#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// Show every built-in template with what it writes.
    List,
    /// Write the built-in templates into a folder, as a start for your own.
    Export {
        /// The folder to write them into.
        dir: PathBuf,
        /// Replace templates that already exist there.
        #[arg(long)]
        force: bool,
    },
}

/// `thankyou render`.
#[derive(Debug, Args)]
pub struct RenderArguments {
    /// Interview records (YAML), folders of them or glob patterns; `-` reads
    /// one from standard input.
    #[arg(required = true, value_name = "RECORD")]
    pub records: Vec<String>,
    /// Only drafts of this kind; repeat for several.
    #[arg(long, value_enum)]
    pub kind: Vec<Kind>,
    /// Only drafts to this person (case-insensitive).
    #[arg(long, value_name = "NAME")]
    pub to: Option<String>,
    /// A folder of your own templates; each replaces the built-in of the same name.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Only this check-in, counting from 1.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=i64::from(MAX_CHECKINS)))]
    pub step: Option<u8>,
    /// Only the drafts the record's log does not show as sent yet.
    #[arg(long)]
    pub pending: bool,
    /// How the follow-up plan is shaped.
    #[command(flatten)]
    pub plan: PlanArguments,
    /// Markdown, plain text (cards in short lines to copy by hand), HTML,
    /// eml (a message a mail client opens as a draft), mailto (a link),
    /// print (a sheet of cards, one per page), or ics (a calendar).
    #[arg(long, value_parser = format_parser(), default_value = "markdown")]
    pub format: &'static Format,
    /// With --format print, rule guide lines under the text.
    #[arg(long)]
    pub guides: bool,
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
    /// The day to judge dates against, YYYY-MM-DD [default: today].
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
}

/// Options that shape the follow-up plan.
#[derive(Debug, Args)]
pub struct PlanArguments {
    /// Check-ins before the closing note [default: the record's `followup:
    /// max_checkins`, or 2].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=i64::from(MAX_CHECKINS)))]
    pub max_checkins: Option<u8>,
}

/// `thankyou schedule`.
#[derive(Debug, Args)]
pub struct ScheduleArguments {
    /// The interview record (YAML), or `-` to read standard input.
    pub record: PathBuf,
    /// How the follow-up plan is shaped.
    #[command(flatten)]
    pub plan: PlanArguments,
    /// Print JSON instead of a table.
    #[arg(long, conflicts_with = "ics")]
    pub json: bool,
    /// Write an iCalendar file with one all-day event per step (`-` for stdout).
    #[arg(long, value_name = "FILE")]
    pub ics: Option<PathBuf>,
    /// Replace the --ics file if it exists.
    #[arg(long, requires = "ics")]
    pub force: bool,
}

/// `thankyou next`.
#[derive(Debug, Args)]
pub struct NextArguments {
    /// Interview records, folders of them, or glob patterns.
    #[arg(required = true, value_name = "RECORD")]
    pub records: Vec<String>,
    /// The day to plan from, YYYY-MM-DD [default: today].
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
    /// How the follow-up plan is shaped.
    #[command(flatten)]
    pub plan: PlanArguments,
}

/// `thankyou serve`.
#[derive(Debug, Args)]
pub struct ServeArguments {
    /// The folder of records to serve.
    #[arg(default_value = ".", value_name = "DIR")]
    pub dir: PathBuf,
    /// The port on 127.0.0.1 [default: a free one].
    #[arg(long, default_value_t = 0, hide_default_value = true)]
    pub port: u16,
    /// Print the address without opening a browser.
    #[arg(long)]
    pub no_open: bool,
    /// A folder of your own templates, as for `render`.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// The day to plan from, YYYY-MM-DD [default: today].
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
}

/// `thankyou log`.
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("event").required(true).args(["sent", "reply"]))]
pub struct LogArguments {
    /// The interview record to add the entry to.
    pub record: PathBuf,
    /// What you sent.
    #[arg(long, value_enum, requires = "to")]
    pub sent: Option<Kind>,
    /// Who you sent it to: a full name, a first name or a surname; repeat
    /// for several people, or give `all` for everyone the plan sends it to.
    #[arg(long, value_name = "NAME", requires = "sent")]
    pub to: Vec<String>,
    /// Who replied.
    #[arg(long, value_name = "NAME")]
    pub reply: Option<String>,
    /// When it happened, YYYY-MM-DD [default: today].
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// A note of your own, such as what the reply said.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Write the record even if it is read-only, has other hard links or
    /// belongs to another user.
    #[arg(long)]
    pub force: bool,
}

/// `thankyou check`.
#[derive(Debug, Args)]
pub struct CheckArguments {
    /// Interview records, folders of them, or glob patterns.
    #[arg(required = true, value_name = "RECORD")]
    pub records: Vec<String>,
    /// Fail (exit 1) when there is any warning.
    #[arg(long)]
    pub deny_warnings: bool,
    /// A folder of your own templates, to measure the cards they write.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Warn when a card has more words than this.
    #[arg(long, value_name = "N", default_value_t = 70, value_parser = clap::value_parser!(u16).range(1..))]
    pub card_words: u16,
    /// The day to judge dates against, YYYY-MM-DD [default: today].
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
}

/// `--format`: the names of the formats, each with what it writes.
fn format_parser() -> impl TypedValueParser<Value = &'static Format> {
    PossibleValuesParser::new(
        FORMATS
            .iter()
            .map(|format| PossibleValue::new(format.name).help(format.about)),
    )
    .try_map(|name| format::named(&name).ok_or("not a format"))
}

impl clap::ValueEnum for Kind {
    fn value_variants<'a>() -> &'a [Self] {
        &Kind::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()).help(self.about()))
    }
}
