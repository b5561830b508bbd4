//! Snapshots of every output format beyond Markdown and text, for every
//! example: the HTML bodies, the `.eml` messages (their random MIME
//! boundaries redacted), the `mailto:` links, the card sheet, the calendar
//! and the plan as JSON. Each was read before it was accepted; the
//! independent readers (Python's email and icalendar, Chromium) check the
//! same files in `send.rs` and `calendar.rs`.

use std::fs;

use crate::test::{EXAMPLES, Test, example, files_in};

/// Each format that prints to stdout, with the command that prints it.
const PRINTED: &[(&str, &[&str])] = &[
    ("html", &["render", "record.yaml", "--format", "html"]),
    ("mailto", &["render", "record.yaml", "--format", "mailto"]),
    (
        "print",
        &[
            "render",
            "record.yaml",
            "--kind",
            "card",
            "--format",
            "print",
        ],
    ),
    ("ics", &["schedule", "record.yaml", "--ics", "-"]),
    ("schedule_json", &["schedule", "record.yaml", "--json"]),
];

#[test]
fn every_printed_format() {
    for name in EXAMPLES {
        for (format, args) in PRINTED {
            if *format == "print" && *name == "phone-screen" {
                // No card after a phone call: the print sheet says so.
                Test::new()
                    .record(&example(name))
                    .args(args.iter().copied())
                    .status(1)
                    .stderr("error: no card goes to anyone: cards are off after a phone interview; set `cards: true`, or `card: true` on a person, to send one\n")
                    .run();
                continue;
            }
            let printed = Test::new()
                .record(&example(name))
                .args(args.iter().copied())
                .any_stdout()
                .any_stderr()
                .run()
                .stdout;
            insta::assert_snapshot!(format!("{name}_{format}"), printed);
        }
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
        let mut messages = String::new();
        for file in files_in(&output.path("mail")) {
            let text = fs::read_to_string(output.path(&format!("mail/{file}"))).unwrap();
            messages.push_str(&format!("==> {file} <==\n{}\n", redact_boundaries(&text)));
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
