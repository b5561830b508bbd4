//! The interview record: the YAML a user writes, read strictly and checked.
//!
//! Parsing goes through private serde types that mirror the file
//! (`raw.rs`), built from checked scalars ([`fields`]) by a bounded YAML
//! reader ([`yaml`]); [`parse`] turns them into a [`Record`] only when every
//! rule holds (`check.rs`), so the rest of the program never sees a blank
//! name or a question asked by nobody. Once checked, people are named by
//! their place in the record ([`Who`]), never looked up by name again.
//! [`append`] adds to the file's log without rewriting it.

pub mod append;
mod check;
pub mod fields;
mod find;
mod kind;
pub mod locale;
mod model;
pub mod placeholders;
mod raw;
pub mod yaml;

pub use check::{
    CandidateSettings, MAX_CHECKINS, MAX_INTERVIEWERS, Settings, parse, parse_with, place_code,
};
pub use find::Found;
pub use kind::Kind;
pub use locale::Locale;
pub use model::{
    Candidate, Event, Lines, LogEntry, Medium, Person, PersonLines, Question, Record, Recruiter,
    Status, Tone, Who,
};
pub use placeholders::STARTER;
pub use raw::{RawCandidate, json_schema};
