//! The commands that set things up: `templates`, `init`, `schema`,
//! `completions` and `man`.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Result;
use clap::CommandFactory;

use crate::app::print;
use crate::arguments::{Arguments, TemplatesCommand};
use crate::{output, record, report, templates};

/// `thankyou templates list` and `export`.
pub fn run_templates(command: &TemplatesCommand) -> Result<()> {
    match command {
        TemplatesCommand::List => {
            let width = templates::BUILTIN
                .iter()
                .map(|builtin| builtin.name.len())
                .max()
                .unwrap_or(0);
            let mut out = String::new();
            for builtin in templates::BUILTIN {
                let _ = writeln!(out, "{:width$}  {}", builtin.name, builtin.purpose);
            }
            if let Some(dir) = templates::config_dir() {
                let _ = writeln!(
                    out,
                    "\nYour own templates in {} replace these by name; --templates DIR wins over both.",
                    dir.display()
                );
            }
            print(&out)
        }
        TemplatesCommand::Export { dir, force } => {
            let files: Vec<(String, String)> = templates::BUILTIN
                .iter()
                .map(|builtin| (builtin.name.to_owned(), builtin.text.to_owned()))
                .collect();
            let written = output::write_files(dir, &files, *force)?;
            report::note(&format!(
                "wrote {} templates to {}; edit them, then: thankyou render RECORD --templates {}",
                written.len(),
                dir.display(),
                output::shell_quote(&dir.display().to_string())
            ));
            Ok(())
        }
    }
}

/// The starter record `init` writes: every field, each with a comment.
pub const STARTER: &str = include_str!("../starter.yaml");

/// `thankyou init`: writes the starter record, never over an existing file
/// without `--force`.
pub fn run_init(file: &Path, force: bool) -> Result<()> {
    output::write_file(file, STARTER.to_owned(), force)?;
    let quoted = output::shell_quote(&file.display().to_string());
    report::note(&format!(
        "wrote {}; fill it in, then: thankyou check {quoted} && thankyou render {quoted}",
        file.display()
    ));
    report::note(
        "for completion and checking as you type in an editor with the YAML language server: thankyou schema > thankyou.schema.json",
    );
    Ok(())
}

/// `thankyou schema`: the record's JSON Schema.
pub fn run_schema() -> Result<()> {
    let mut json = serde_json::to_string_pretty(&record::json_schema())?;
    json.push('\n');
    print(&json)
}

/// `thankyou completions SHELL`.
pub fn run_completions(shell: clap_complete::Shell) -> Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Arguments::command(), "thankyou", &mut script);
    print(&String::from_utf8_lossy(&script))
}

/// `thankyou man`: the manual page, in roff.
pub fn run_man() -> Result<()> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Arguments::command()).render(&mut page)?;
    print(&String::from_utf8_lossy(&page))
}
