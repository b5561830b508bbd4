//! The integration tests: the real binary, run in a fresh folder per test.

#![allow(
    clippy::cast_precision_loss,
    clippy::format_push_string,
    clippy::unwrap_used,
    clippy::expect_used
)]

mod bad_input;
mod batch;
mod bounds;
mod browser;
mod calendar;
mod check;
mod cli;
mod config;
mod context_doc;
mod escaping;
mod followup;
mod formats;
mod holidays;
mod interviews;
mod judge;
mod layers;
mod locale;
mod log;
mod log_safety;
mod new;
mod properties;
mod prose;
mod readme;
mod render;
mod robustness;
mod schedule;
mod schema;
mod send;
mod serve_applications;
mod serve_browser;
mod serve_record;
mod serve_security;
mod server;
mod starter;
mod templates;
mod test;
mod validation;
