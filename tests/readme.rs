//! The README's examples are real: every `$ thankyou …` line in a
//! `console` block is run, and its output must match the block.

use std::fs;
use std::path::Path;

use crate::test::Test;

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
    for (command, expected) in examples {
        let words = words(&command);
        assert_eq!(words[0], "thankyou", "{command}");
        let mut test = Test::new().file(
            "typo.yaml",
            fs::read_to_string(root.join("tests/fixtures/typo.yaml"))
                .unwrap()
                .as_bytes(),
        );
        for entry in fs::read_dir(root.join("examples")).unwrap() {
            let path = entry.unwrap().path();
            let name = format!("examples/{}", path.file_name().unwrap().to_string_lossy());
            test = test.file(&name, &fs::read(&path).unwrap());
        }
        let status = i32::from(expected.starts_with("error:"));
        let output = test
            .args(words[1..].iter().map(String::as_str))
            .status(status)
            .run();
        assert_eq!(
            output.stdout + &output.stderr,
            expected,
            "README: $ {command}"
        );
    }
}
