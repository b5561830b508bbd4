//! `thankyou templates list` and `export`: the built-in templates, to read
//! or to start your own from.

use std::fmt::Write as _;

use anyhow::Result;

use crate::arguments::TemplatesCommand;
use crate::output::{files, names, print};
use crate::render::templates;
use crate::report;

/// Lists the built-in templates, or writes them into a folder.
pub fn run(command: &TemplatesCommand) -> Result<()> {
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
            Ok(print(&out)?)
        }
        TemplatesCommand::Export { dir, force } => {
            let files: Vec<(String, &str)> = templates::BUILTIN
                .iter()
                .map(|builtin| (builtin.name.to_owned(), builtin.text))
                .collect();
            let written = files::write_files(dir, &files, *force)?;
            report::note(&format!(
                "wrote {} templates to {}; edit them, then: thankyou render RECORD --templates {}",
                written.len(),
                dir.display(),
                names::shell_quote(&dir.display().to_string())
            ));
            Ok(())
        }
    }
}
