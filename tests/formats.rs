//! Snapshots of every output format beyond Markdown and text, for every
//! example: the HTML bodies, the `.eml` messages (their random MIME
//! boundaries redacted), the `mailto:` links, the card sheet, the calendar
//! and the plan as JSON. Each was read before it was accepted; the
//! independent readers (Python's email and icalendar, Chromium) check the
//! same files in `send.rs` and `calendar.rs`.

use std::fs;

use crate::test::{EXAMPLES, Test, example};

/// What `thankyou ARGS` prints for the example `name`, warnings let through.
fn output(name: &str, args: &[&str]) -> String {
    Test::new()
        .record(&example(name))
        .args(args.iter().copied())
        .any_stdout()
        .any_stderr()
        .run()
        .stdout
}

#[test]
fn html_bodies() {
    for name in EXAMPLES {
        let html = output(name, &["render", "record.yaml", "--format", "html"]);
        insta::assert_snapshot!(format!("{name}_html"), html);
    }
}

#[test]
fn mailto_links() {
    for name in EXAMPLES {
        let links = output(name, &["render", "record.yaml", "--format", "mailto"]);
        insta::assert_snapshot!(format!("{name}_mailto"), links);
    }
}

#[test]
fn print_sheets() {
    for name in EXAMPLES {
        let sheet = output(
            name,
            &[
                "render",
                "record.yaml",
                "--kind",
                "card",
                "--format",
                "print",
            ],
        );
        insta::assert_snapshot!(format!("{name}_print"), sheet);
    }
}

#[test]
fn calendars() {
    for name in EXAMPLES {
        let calendar = output(name, &["schedule", "record.yaml", "--ics", "-"]);
        insta::assert_snapshot!(format!("{name}_ics"), calendar);
    }
}

#[test]
fn schedules_as_json() {
    for name in EXAMPLES {
        let json = output(name, &["schedule", "record.yaml", "--json"]);
        insta::assert_snapshot!(format!("{name}_schedule_json"), json);
    }
}

#[test]
fn eml_messages() {
    for name in EXAMPLES {
        let output = Test::new()
            .record(&example(name))
            .args([
                "render",
                "record.yaml",
                "--format",
                "eml",
                "--out-dir",
                "mail",
            ])
            .any_stdout()
            .any_stderr()
            .run();
        let mut files: Vec<_> = fs::read_dir(output.path("mail"))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        files.sort();
        let mut messages = String::new();
        for path in files {
            let text = fs::read_to_string(&path).unwrap();
            messages.push_str(&format!(
                "==> {} <==\n{}\n",
                path.file_name().unwrap().to_string_lossy(),
                redact_boundaries(&text)
            ));
        }
        insta::assert_snapshot!(format!("{name}_eml"), messages);
    }
}

/// The message with its MIME boundary, random in every run, replaced by `BOUNDARY`.
fn redact_boundaries(message: &str) -> String {
    let Some(start) = message.find("boundary=\"") else {
        return message.to_owned();
    };
    let rest = &message[start + "boundary=\"".len()..];
    let boundary = &rest[..rest.find('"').unwrap()];
    message.replace(boundary, "BOUNDARY")
}
