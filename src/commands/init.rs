//! `thankyou init`: a commented starter record to fill in.

use std::path::Path;

use anyhow::Result;

use crate::output::{files, names};
use crate::report;

/// The starter record `init` writes: every field, each with a comment.
pub const STARTER: &str = include_str!("../starter.yaml");

/// Writes the starter record, never over an existing file without `--force`.
pub fn run(file: &Path, force: bool) -> Result<()> {
    files::write_file(file, STARTER, force)?;
    let quoted = names::shell_quote(&file.display().to_string());
    report::note(&format!(
        "wrote {}; fill it in, then: thankyou check {quoted} && thankyou render {quoted}",
        file.display()
    ));
    report::note(
        "for completion and checking as you type in an editor with the YAML language server: thankyou schema > thankyou.schema.json",
    );
    Ok(())
}
