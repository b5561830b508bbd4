//! Many records at once: `render` takes files, folders and patterns.

use std::fs;

use crate::test::{Test, example};

#[test]
fn each_record_gets_its_own_subfolder() {
    let output = Test::new()
        .file("apps/panel.yaml", example("panel").as_bytes())
        .file("apps/single.yaml", example("single").as_bytes())
        .file("other/single.yaml", example("single").as_bytes())
        .args([
            "render",
            "apps",
            "other/single.yaml",
            "--kind",
            "card",
            "--out-dir",
            "drafts",
        ])
        .any_stdout()
        .run();
    let mut written: Vec<String> = output.stdout.lines().map(str::to_owned).collect();
    written.sort();
    assert_eq!(
        written,
        [
            "drafts/panel/card-elena-rossi.md",
            "drafts/panel/card-marcus-bell.md",
            "drafts/panel/card-priya-shah.md",
            "drafts/single-2/card-tom-brennan.md",
            "drafts/single/card-tom-brennan.md",
        ]
    );
}

#[test]
fn a_bad_record_is_named_and_the_others_still_render() {
    let output = Test::new()
        .file("apps/a.yaml", example("single").as_bytes())
        .file("apps/b.yaml", b"company: [\n")
        .file("apps/c.yaml", example("formal").as_bytes())
        .args(["render", "apps/*.yaml", "--kind", "card", "--format", "text"])
        .status(1)
        .stderr("error: apps/b.yaml:1:10: `company`: expected text\n    1 | company: [\nerror: 1 of 3 records failed; the others were rendered\n")
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
            "==> apps/a.yaml: Card to Tom Brennan (mail on Monday, November 23) <==",
            "==> apps/c.yaml: Card to Dr. Helen Marsh (mail on Saturday, November 21) <==",
            "==> apps/c.yaml: Card to Mr. Owen Pike (mail on Saturday, November 21) <==",
        ]
    );
}

#[test]
fn a_render_error_in_a_batch_names_its_record() {
    Test::new()
        .file("apps/a.yaml", example("single").as_bytes())
        .file("apps/b.yaml", example("panel").as_bytes())
        .args(["render", "apps", "--to", "Tom Brennan", "--kind", "card"])
        .status(1)
        .stderr("error: apps/b.yaml: --to: `Tom Brennan` is not in the record; the people in it are Priya Shah (interviewer), Marcus Bell (interviewer), Elena Rossi (interviewer), and Sam Ortiz (recruiter)\nerror: 1 of 2 records failed; the others were rendered\n")
        .any_stdout()
        .run();
}

#[test]
fn one_set_of_templates_serves_every_record() {
    let mut test = Test::new();
    for index in 0..50 {
        test = test.file(
            &format!("apps/{index:02}.yaml"),
            example("panel").as_bytes(),
        );
    }
    let output = test
        .args(["render", "apps", "--kind", "email"])
        .any_stdout()
        .run();
    assert_eq!(output.stdout.matches("==> apps/").count(), 150);
    let _ = fs::metadata(output.path("apps"));
}
