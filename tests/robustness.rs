//! Limits on what a record may be, and files that are never half-written.

use std::fs;
use std::time::{Duration, Instant};

use crate::test::{Test, example};

#[test]
fn an_alias_bomb_fails_in_under_a_second() {
    let mut bomb = String::from(
        "candidate: {name: J}\ncompany: X\nrole: Y\ninterview_date: 2026-11-19\ninterviewers: [{name: A}]\nstrengths: &a0 [x, x, x, x, x, x, x, x, x, x]\nunanswered_questions:\n",
    );
    for level in 1..20 {
        bomb.push_str(&format!(
            "  - &a{level} [{}]\n",
            vec![format!("*a{}", level - 1); 10].join(", ")
        ));
    }
    let started = Instant::now();
    let output = Test::new()
        .record(&bomb)
        .args(["render", "record.yaml"])
        .status(1)
        .any_stderr()
        .run();
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "took {:?}",
        started.elapsed()
    );
    assert!(
        output.stderr.starts_with("error: record.yaml:"),
        "{}",
        output.stderr
    );
}

#[test]
fn deep_nesting_is_refused() {
    let deep = format!(
        "candidate: {{name: J}}\ncompany: X\nrole: Y\ninterview_date: 2026-11-19\ninterviewers: [{{name: A}}]\nstrengths: {}x{}\n",
        "[".repeat(200),
        "]".repeat(200)
    );
    let started = Instant::now();
    let output = Test::new()
        .record(&deep)
        .args(["render", "record.yaml"])
        .status(1)
        .any_stderr()
        .run();
    assert!(started.elapsed() < Duration::from_secs(1));
    assert!(
        output.stderr.starts_with("error: record.yaml:6:"),
        "{}",
        output.stderr
    );
}

#[test]
fn a_failed_write_names_the_file_and_leaves_the_others_whole() {
    // A folder where a draft should go makes its write fail half way
    // through the batch, even for root, whom file permissions do not stop.
    let output = Test::new()
        .record(&example("panel"))
        .file("drafts/email-marcus-bell.md/keep.txt", b"in the way\n")
        .args([
            "render",
            "record.yaml",
            "--kind",
            "email",
            "--out-dir",
            "drafts",
            "--force",
        ])
        .status(1)
        .any_stderr()
        .run();
    assert!(
        output
            .stderr
            .starts_with("error: drafts/email-marcus-bell.md: "),
        "{}",
        output.stderr
    );
    let written = fs::read_to_string(output.path("drafts/email-priya-shah.md")).unwrap();
    assert!(
        written.starts_with("Subject: ") && written.ends_with("+1 312 555 0142\n"),
        "complete: {written}"
    );
    assert!(
        fs::read_dir(output.path("drafts")).unwrap().all(|entry| {
            let name = entry.unwrap().file_name().into_string().unwrap();
            !name.starts_with(".tmp")
        }),
        "no temporary files are left behind"
    );
}

#[test]
fn a_folder_that_cannot_be_created_is_an_error_naming_it() {
    Test::new()
        .record(&example("single"))
        .file("drafts", b"a file, not a folder\n")
        .args(["render", "record.yaml", "--out-dir", "drafts/cards"])
        .status(1)
        .stderr("error: drafts/cards: Not a directory (os error 20)\n")
        .run();
}
