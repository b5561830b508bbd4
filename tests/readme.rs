//! The README's examples are real: every `$ thankyou …` line in a
//! `console` block is run, and its output must match the block.

use std::fs;
use std::path::Path;

use crate::test::{Folder, Test};

/// The commands in the README's console blocks, each with its output.
fn examples(readme: &str) -> Vec<(String, String)> {
    let mut examples: Vec<(String, String)> = Vec::new();
    let mut in_console = false;
    for line in readme.lines() {
        if line == "```console" {
            in_console = true;
        } else if line == "```" {
            in_console = false;
        } else if in_console {
            if let Some(command) = line.strip_prefix("$ ") {
                examples.push((command.to_owned(), String::new()));
            } else if let Some((_, output)) = examples.last_mut() {
                output.push_str(line);
                output.push('\n');
            }
        }
    }
    examples
}

/// Splits a command line into words, honouring double quotes.
fn words(command: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in command.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            _ => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

#[test]
fn readme_examples_match_the_program() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = fs::read_to_string(root.join("README.md")).unwrap();
    let examples = examples(&readme);
    assert!(examples.len() >= 5, "the README shows its examples");
    // One folder for the whole README: the walk-through logs into its copy
    // of the examples, and later commands see what earlier ones wrote.
    let folder = tempfile::TempDir::new().unwrap();
    fs::create_dir(folder.path().join("examples")).unwrap();
    for entry in fs::read_dir(root.join("examples")).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(
            &path,
            folder
                .path()
                .join("examples")
                .join(path.file_name().unwrap()),
        )
        .unwrap();
    }
    // Where a clone has them, so the README's commands work there too.
    fs::create_dir_all(folder.path().join("tests/fixtures")).unwrap();
    for fixture in ["typo.yaml", "weak.yaml", "mistakes.yaml"] {
        let path = Path::new("tests/fixtures").join(fixture);
        fs::copy(root.join(&path), folder.path().join(&path)).unwrap();
    }
    for (command, expected) in examples {
        let words = words(&command);
        assert_eq!(words[0], "thankyou", "{command}");
        let output = Test::in_folder(Folder::Kept(folder.path().to_owned()))
            // Shown in `templates list`; no such folder exists.
            .env("XDG_CONFIG_HOME", "/home/you/.config")
            .args(words[1..].iter().map(String::as_str))
            .any_stdout()
            .any_stderr()
            .any_status()
            .run();
        // The README shows what a terminal shows: stdout, then stderr.
        let printed = output.stdout + &output.stderr;
        assert_eq!(printed, expected, "README: $ {command}");
        assert_eq!(
            output.status == 0,
            !expected.starts_with("error:"),
            "README: $ {command}"
        );
    }
}
