//! `thankyou` turns one job interview into the follow-up a careful candidate
//! sends: a handwritten card and a thank-you email for each interviewer,
//! check-ins to the recruiter, and a closing note.
//!
//! # The path of one draft
//!
//! Read top to bottom, each module owns one step, and imports only from the
//! steps below it:
//!
//! 1. [`arguments`]: the command line, as clap parses it.
//! 2. [`commands`]: one file per subcommand; each turns its arguments into
//!    plain options once (one "today", in the user's time zone) and calls
//!    down. No command imports another.
//! 3. [`input`]: finds the record files (files, folders, patterns, standard
//!    input) and reads them.
//! 4. [`record`]: the YAML, read strictly into a checked [`record::Record`];
//!    after this, people are named by place ([`record::Who`]), never by
//!    name.
//! 5. [`plan`]: the [`plan::Step`]s, each a kind of draft, a day and a
//!    recipient; which steps are due; which ones were asked for.
//! 6. [`context`]: the one documented struct a template sees for a step,
//!    with the record's words shaped for their sentence by [`prose`]
//!    (answers, questions, strengths, the candidate's notes).
//! 7. [`render`]: Tera, with the built-in or the user's templates and the
//!    English filters, turns each context into a Markdown
//!    [`render::Draft`].
//! 8. [`lint`]: every warning about the record and its drafts, for `check`
//!    and `render` alike.
//! 9. [`format`](mod@format): one file per output format (Markdown, text, HTML, eml,
//!    mailto, the print sheet, iCalendar), each turning the drafts into
//!    documents.
//! 10. [`output`]: documents to standard output, or into files (safe names,
//!     atomic writes, never over a user's file without `--force`);
//!     [`report`] puts the warnings on standard error.
//!
//! Beside the path: [`english`] (lists, names and dates in words),
//! [`today`] (the day it is, looked up only when needed),
//! [`parallel`] (a batch on every core, in order), and [`error`] (the
//! library's errors).

#![forbid(unsafe_code)]

pub mod arguments;
pub mod commands;
pub mod config;
pub mod context;
pub mod english;
pub mod error;
pub mod format;
pub mod input;
pub mod lint;
pub mod output;
pub mod parallel;
pub mod plan;
pub mod prose;
pub mod record;
pub mod render;
pub mod report;
pub mod serve;
pub mod today;

pub use arguments::Arguments;
pub use commands::run;
