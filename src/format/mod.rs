//! The output formats: one file each, all behind one signature
//! ([`Format`]).
//!
//! A format turns one record's drafts into [`Document`]s: a file's name,
//! the header that introduces it on standard output, and its text. Each
//! format escapes what it takes from the record for itself. Adding a format
//! is one new file and one line in [`FORMATS`].

mod common;
pub mod eml;
pub mod html;
pub mod ics;
pub mod mailto;
pub mod markdown;
pub mod print;
pub mod text;

pub use crate::output::Document;
pub use common::{Format, Input, Options, Written, header, split_subject};

/// Every format, in the order `--help` lists them; the first is the default.
pub const FORMATS: &[&Format] = &[
    &markdown::FORMAT,
    &text::FORMAT,
    &html::FORMAT,
    &eml::FORMAT,
    &mailto::FORMAT,
    &print::FORMAT,
    &ics::FORMAT,
];

/// The format called `name`.
pub fn named(name: &str) -> Option<&'static Format> {
    FORMATS.iter().copied().find(|format| format.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_has_its_own_name() {
        for (index, format) in FORMATS.iter().enumerate() {
            assert_eq!(named(format.name), Some(*format));
            assert!(
                FORMATS[..index]
                    .iter()
                    .all(|other| other.name != format.name)
            );
        }
    }
}
