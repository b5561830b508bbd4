//! `thankyou init`: a commented starter record to fill in.

use std::path::Path;

use anyhow::Result;

use crate::output::{files, names};
use crate::record::STARTER;
use crate::report;

/// Writes the starter record, never over an existing file without `--force`;
/// its comments name the file as it was given.
pub fn run(file: &Path, force: bool) -> Result<()> {
    let quoted = names::shell_quote(&file.display().to_string());
    files::write_file(file, &starter_for(&quoted), force)?;
    report::note(&format!(
        "wrote {}; fill it in, then: thankyou check {quoted} && thankyou render {quoted}",
        file.display()
    ));
    report::note(
        "for completion and checking as you type in an editor with the YAML language server: thankyou schema > thankyou.schema.json",
    );
    Ok(())
}

/// The starter, its commands naming the record `quoted` (already shell-quoted)
/// instead of `interview.yaml`; a name that would break a comment's line
/// keeps the starter's own.
fn starter_for(quoted: &str) -> String {
    if quoted.contains(['\n', '\r']) {
        return STARTER.to_owned();
    }
    STARTER.replace("interview.yaml", quoted)
}
