//! `thankyou` turns one job interview into the follow-up a careful candidate
//! sends: a handwritten card and a thank-you email for each interviewer, and
//! a check-in a week later.
//!
//! The path through the crate is one way: [`record`] reads and checks the
//! YAML, [`context`] builds what each template sees, [`render`] fills the
//! templates, [`text`] and [`output`] turn drafts into text and files, and
//! [`schedule`] works out when each is sent.

#![forbid(unsafe_code)]

pub mod app;
pub mod arguments;
pub mod calendar;
pub mod commands;
pub mod context;
pub mod due;
pub mod english;
pub mod error;
pub mod fields;
pub mod filters;
pub mod lint;
pub mod log;
pub mod mail;
pub mod output;
pub mod print;
pub mod record;
pub mod render;
pub mod report;
pub mod schedule;
pub mod templates;
pub mod text;
pub mod yaml;

pub use app::run;
pub use arguments::Arguments;
