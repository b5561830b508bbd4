//! The command-line contract: what goes to stdout, what to files, what is refused.

use std::fs;

use crate::test::{Test, example, files_in};

/// The names of the files in `dir`, sorted.
#[test]
fn one_selected_draft_is_printed_alone() {
    let output = Test::new()
        .record(&example("panel"))
        .args([
            "render",
            "record.yaml",
            "--kind",
            "card",
            "--to",
            "Priya Shah",
            "--format",
            "text",
        ])
        .any_stdout()
        .run();
    assert!(
        output.stdout.starts_with("Hi Priya,\n"),
        "{}",
        output.stdout
    );
    assert!(!output.stdout.contains("==>"));
    assert!(output.stdout.ends_with("Jordan\n"));
}

#[test]
fn several_drafts_each_get_a_header() {
    let output = Test::new()
        .record(&example("panel"))
        .args([
            "render",
            "record.yaml",
            "--kind",
            "email",
            "--kind",
            "checkin",
        ])
        .any_stdout()
        .run();
    let headers: Vec<&str> = output
        .stdout
        .lines()
        .filter(|line| line.starts_with("==>"))
        .collect();
    assert_eq!(
        headers,
        [
            "==> Email to Priya Shah (send on Thursday, November 19) <==",
            "==> Email to Marcus Bell (send on Thursday, November 19) <==",
            "==> Email to Elena Rossi (send on Thursday, November 19) <==",
            "==> Check-in 1 to Sam Ortiz (send on Monday, December 7) <==",
            "==> Check-in 2 to Sam Ortiz (send on Monday, December 14) <==",
        ]
    );
}

#[test]
fn to_matches_names_in_any_case() {
    let output = Test::new()
        .record(&example("panel"))
        .args([
            "render",
            "record.yaml",
            "--kind",
            "email",
            "--to",
            "MARCUS bell",
        ])
        .any_stdout()
        .run();
    assert!(output.stdout.contains("Hi Marcus,"));
    assert!(!output.stdout.contains("Priya"));
}

#[test]
fn to_naming_nobody_lists_the_names() {
    Test::new()
        .record(&example("panel"))
        .args(["render", "record.yaml", "--to", "Pria Shah"])
        .status(1)
        .stderr(
            "error: --to: `Pria Shah` is not in the record; the people in it are Priya Shah (interviewer), Marcus Bell (interviewer), Elena Rossi (interviewer), and Sam Ortiz (recruiter)\n",
        )
        .run();
}

#[test]
fn the_record_can_come_from_stdin() {
    let output = Test::new()
        .stdin(example("single"))
        .args(["render", "-", "--kind", "card", "--format", "text"])
        .any_stdout()
        .run();
    assert!(output.stdout.starts_with("Hi Tom,\n"));
}

#[test]
fn errors_in_stdin_name_it() {
    Test::new()
        .stdin("company: [\n")
        .args(["render", "-"])
        .status(1)
        .any_stderr()
        .run()
        .stderr
        .starts_with("error: <stdin>:")
        .then_some(())
        .expect("the error names <stdin>");
}

#[test]
fn out_dir_writes_one_file_per_draft() {
    let output = Test::new()
        .record(&example("panel"))
        .args([
            "render",
            "record.yaml",
            "--out-dir",
            "drafts",
            "--format",
            "text",
        ])
        .any_stdout()
        .run();
    assert_eq!(
        files_in(&output.path("drafts")),
        [
            "card-elena-rossi.txt",
            "card-marcus-bell.txt",
            "card-priya-shah.txt",
            "checkin-1-sam-ortiz.txt",
            "checkin-2-sam-ortiz.txt",
            "closing-sam-ortiz.txt",
            "email-elena-rossi.txt",
            "email-marcus-bell.txt",
            "email-priya-shah.txt",
        ]
    );
    let card = fs::read_to_string(output.path("drafts/card-priya-shah.txt")).unwrap();
    assert!(card.starts_with("Hi Priya,\n"));
    assert!(
        output
            .stdout
            .lines()
            .all(|line| line.starts_with("drafts/")),
        "{}",
        output.stdout
    );
}

#[test]
fn out_dir_never_overwrites_without_force() {
    let test = Test::new()
        .record(&example("single"))
        .file("drafts/card-tom-brennan.md", b"my own edits\n");
    let output = test
        .args(["render", "record.yaml", "--out-dir", "drafts"])
        .status(1)
        .stderr("error: drafts/card-tom-brennan.md already exists; pass --force to replace it\n")
        .expect_file("drafts/card-tom-brennan.md", "my own edits\n")
        .run();
    // Nothing else was written either: a refused run leaves the folder as it was.
    assert_eq!(fs::read_dir(output.path("drafts")).unwrap().count(), 1);
}

#[test]
fn force_replaces_existing_drafts() {
    let output = Test::new()
        .record(&example("single"))
        .file("drafts/card-tom-brennan.md", b"my own edits\n")
        .args(["render", "record.yaml", "--out-dir", "drafts", "--force"])
        .any_stdout()
        .run();
    let card = fs::read_to_string(output.path("drafts/card-tom-brennan.md")).unwrap();
    assert!(card.starts_with("Hi Tom,"));
}

#[test]
fn names_never_escape_the_out_dir() {
    let record = "\
candidate:
  name: Jordan Lee
company: X
role: Y
interview_date: 2026-11-19
interviewers:
  - name: ../../escaped
  - name: a/b
  - name: /etc/passwd
";
    let output = Test::new()
        .record(record)
        .args([
            "render",
            "record.yaml",
            "--out-dir",
            "out/drafts",
            "--kind",
            "card",
        ])
        .any_stderr()
        .any_stdout()
        .expect_no_file("escaped")
        .run();
    assert_eq!(
        files_in(&output.path("out/drafts")),
        ["card-a-b.md", "card-escaped.md", "card-etc-passwd.md"]
    );
    assert_eq!(fs::read_dir(output.path("out")).unwrap().count(), 1);
}

#[test]
fn no_follow_up_means_no_checkin() {
    let record =
        example("panel").replace("  decision_date: 2026-12-04\n", "  no_follow_up: true\n");
    Test::new()
        .record(&record)
        .args(["render", "record.yaml", "--kind", "checkin"])
        .stderr(
            "note: Sam Ortiz asked candidates not to follow up, so there are no check-ins and no closing note; send the thank-you notes only\n",
        )
        .run();
}

#[test]
fn a_long_card_is_a_warning_naming_it() {
    let output = Test::new()
        .record(&example("panel"))
        .args([
            "render",
            "record.yaml",
            "--kind",
            "card",
            "--card-words",
            "30",
        ])
        .any_stderr()
        .any_stdout()
        .run();
    assert!(
        output.stderr.contains(
            "warning: the card to Priya Shah has 36 words, more than the 30 a note card holds"
        ),
        "{}",
        output.stderr
    );
    assert!(
        output.stdout.contains("Hi Priya,"),
        "the cards are still rendered"
    );
}

#[test]
fn help_shows_examples() {
    for command in ["render", "schedule", "check"] {
        let output = Test::new().args([command, "--help"]).any_stdout().run();
        assert!(output.stdout.contains("Examples:"), "{command} --help");
        assert!(
            output
                .stdout
                .contains(&format!("thankyou {command} interview.yaml"))
        );
    }
}

#[test]
fn the_main_help_shows_examples_and_exit_codes() {
    let output = Test::new().args(["--help"]).any_stdout().run();
    assert!(output.stdout.contains("thankyou render interview.yaml"));
    assert!(output.stdout.contains("Exit status: 0"));
}

#[test]
fn usage_errors_exit_with_2() {
    Test::new().args(["render"]).status(2).any_stderr().run();
    Test::new()
        .record(&example("panel"))
        .args(["render", "record.yaml", "--kind", "letter"])
        .status(2)
        .any_stderr()
        .run();
    Test::new()
        .record(&example("panel"))
        .args(["render", "record.yaml", "--width", "5"])
        .status(2)
        .any_stderr()
        .run();
}
