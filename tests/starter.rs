//! The starter `init` writes cannot pass unedited, `render --pending`, and
//! the small things a new user trips on first.

use std::fs;

use crate::test::{EXAMPLES, Test, example};

/// The starter as `init` writes it to `interview.yaml`.
fn starter() -> String {
    let output = Test::new().args(["init"]).any_stderr().run();
    fs::read_to_string(output.path("interview.yaml")).unwrap()
}

/// The starter with every sample value replaced by a real-looking one.
fn edited_starter() -> String {
    [
        ("Alex Rivera", "Chris Doyle"),
        ("alex.rivera@example.com", "chris@doyle.example"),
        ("+1 312 555 0100", "+1 312 555 0199"),
        ("Brightwater Freight", "Harbor Line"),
        ("Robin Patel", "Kim Tran"),
        ("robin.patel@brightwater.example", "kim@harbor.example"),
        ("Ines Duarte", "Zoe Park"),
        ("ines.duarte@brightwater.example", "zoe@harbor.example"),
        (
            "moving the depot scans from nightly files to a live feed",
            "the port's crane schedule",
        ),
        ("Leo Novak", "Omar Fahd"),
        ("leo.novak@brightwater.example", "omar@harbor.example"),
        (
            "the retry queue you built for the carrier updates",
            "the berth planner you wrote",
        ),
        (
            "How would you deduplicate the scan events?",
            "How would you size the cluster?",
        ),
        (
            "I would key each scan by device and sequence number, and drop repeats in the stream.",
            "I would start from the peak hour's load and double it.",
        ),
        (
            "six years on call for the data pipelines of a parcel carrier",
            "ten years of port data",
        ),
    ]
    .iter()
    .fold(starter(), |text, (sample, own)| text.replace(sample, own))
}

#[test]
fn check_names_every_sample_left_in_an_unedited_starter() {
    let output = Test::new()
        .record(&starter())
        .args(["check", "record.yaml", "--today", "2026-11-25"])
        .status(1)
        .stderr_contains("record.yaml: 15 of the starter's sample values are still here; replace each with your own:\n")
        .stderr_contains("  record.yaml:7:9: your name is still the starter's sample `Alex Rivera`; write your own name\n")
        .stderr_contains("  record.yaml:11:10: the company is still the starter's sample `Brightwater Freight`; write the company that interviewed you\n")
        .stderr_contains("  record.yaml:42:11: the second interviewer's name is still the starter's sample `Leo Novak`; write the name of the person you met\n")
        .stderr_contains("  record.yaml:44:12: the second interviewer's email address is still the starter's sample `leo.novak@brightwater.example`; write their work address, or delete the line\n")
        .stderr_contains("error: 1 record checked: 15 errors, 0 warnings\n")
        .run();
    assert_eq!(
        output
            .stderr
            .matches("is still the starter's sample")
            .count(),
        15
    );
}

#[test]
fn render_refuses_an_unedited_starter() {
    Test::new()
        .record(&starter())
        .args(["render", "record.yaml"])
        .status(1)
        .stderr_contains("record.yaml:31:11: the first interviewer's name is still the starter's sample `Ines Duarte`")
        .run();
}

#[test]
fn one_sample_left_is_named_alone() {
    let text = edited_starter().replace("Harbor Line", "Brightwater Freight");
    Test::new()
        .record(&text)
        .args(["render", "record.yaml"])
        .status(1)
        .stderr("error: record.yaml: 1 of the starter's sample values is still here; replace it with your own:\n  record.yaml:11:10: the company is still the starter's sample `Brightwater Freight`; write the company that interviewed you\n")
        .run();
}

#[test]
fn the_starter_once_edited_checks_clean_and_renders() {
    let text = edited_starter();
    Test::new()
        .record(&text)
        .args(["check", "record.yaml", "--today", "2026-11-25"])
        .stderr("note: 1 record checked: 0 errors, 0 warnings\n")
        .run();
    Test::new()
        .record(&text)
        .args(["render", "record.yaml", "--format", "text"])
        .any_stdout()
        .run();
}

#[test]
fn the_bundled_examples_are_not_taken_for_the_starter() {
    for name in EXAMPLES {
        Test::new()
            .record(&example(name))
            .args(["check", "record.yaml", "--today", "2026-12-31"])
            .any_stderr()
            .run();
    }
}

#[test]
fn the_starter_names_the_file_it_was_written_to() {
    let output = Test::new()
        .args(["init", "acme onsite.yaml"])
        .any_stderr()
        .run();
    let text = fs::read_to_string(output.path("acme onsite.yaml")).unwrap();
    assert!(text.contains(
        "# then run: thankyou check 'acme onsite.yaml' && thankyou render 'acme onsite.yaml'\n"
    ));
    assert!(text.contains("# thankyou log 'acme onsite.yaml' --sent email"));
    assert!(!text.contains("interview.yaml"));
}

/// `examples/panel.yaml` in a folder whose log shows Priya Shah's email sent.
fn panel_with_priya_emailed() -> crate::test::Output {
    Test::new()
        .record(&example("panel"))
        .args([
            "log",
            "record.yaml",
            "--sent",
            "email",
            "--to",
            "Priya Shah",
        ])
        .args(["--date", "2026-11-20"])
        .any_stdout()
        .run()
}

#[test]
fn render_pending_leaves_out_what_the_log_shows_sent() {
    let logged = panel_with_priya_emailed();
    let all = Test::in_folder(crate::test::Folder::Kept(logged.dir.path().to_owned()))
        .args(["render", "record.yaml", "--format", "text"])
        .any_stdout()
        .run();
    assert!(all.stdout.contains("==> Email to Priya Shah"));
    let pending = Test::in_folder(logged.dir)
        .args(["render", "record.yaml", "--format", "text", "--pending"])
        .any_stdout()
        .run();
    assert!(!pending.stdout.contains("==> Email to Priya Shah"));
    assert!(pending.stdout.contains("==> Email to Marcus Bell"));
    assert!(pending.stdout.contains("==> Card to Priya Shah"));
}

#[test]
fn render_pending_says_why_nothing_is_left() {
    let record = format!("{}status: offer\n", example("panel"));
    Test::new()
        .record(&record)
        .args(["render", "record.yaml", "--pending"])
        .stderr(
            "note: nothing is pending: the status is `offer`, so there is nothing more to send\n",
        )
        .run();
}

#[test]
fn schedule_ics_says_which_file_it_wrote() {
    Test::new()
        .record(&example("single"))
        .args(["schedule", "record.yaml", "--ics", "plans/interview.ics"])
        .file("plans/.keep", b"")
        .stdout("plans/interview.ics\n")
        .run();
}

#[test]
fn the_manual_page_points_at_no_page_that_does_not_exist() {
    let man = Test::new().args(["man"]).any_stdout().run();
    assert!(!man.stdout.contains("(1)\n"), "{}", man.stdout);
    assert!(man.stdout.contains("\\fBthankyou render\\fR\n"));
    assert!(man.stdout.contains("thankyou SUBCOMMAND \\-\\-help"));
}

/// A record with accented names and an interviewer without an address.
const ACCENTED: &str = "\
candidate:
  name: Zoë Brontë
company: Société Générale des Eaux
role: Ingénieure données
interview_date: 2026-11-19
recruiter:
  name: Søren Kierkegård
  email: soren@eaux.example
interviewers:
  - name: José Núñez
    email: jose.nunez@eaux.example
    topics:
      - pipelines
  - name: Ana Ruiz
    topics:
      - dashboards
";

#[test]
fn eml_file_names_are_ascii() {
    let output = Test::new()
        .record(ACCENTED)
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
    assert_eq!(
        crate::test::files_in(&output.path("mail")),
        [
            "checkin-1-soren-kierkegard.eml",
            "checkin-2-soren-kierkegard.eml",
            "closing-soren-kierkegard.eml",
            "email-jose-nunez.eml"
        ]
    );
}

#[test]
fn a_missing_address_is_warned_about_once() {
    for format in ["eml", "mailto"] {
        let output = Test::new()
            .record(ACCENTED)
            .args([
                "render",
                "record.yaml",
                "--format",
                format,
                "--out-dir",
                "out",
            ])
            .args(["--today", "2026-11-25"])
            .any_stdout()
            .any_stderr()
            .run();
        assert_eq!(
            output.stderr.matches("Ana Ruiz").count(),
            1,
            "{format}: {}",
            output.stderr
        );
        assert!(output.stderr.contains(
            "record.yaml:14: warning: Ana Ruiz has no email, so their thank-you email cannot be sent; add their work address\n"
        ));
    }
}

#[test]
fn a_recruiter_without_an_address_is_named_once_for_their_check_ins() {
    let record = ACCENTED.replace("  email: soren@eaux.example\n", "");
    let output = Test::new()
        .record(&record)
        .args([
            "render",
            "record.yaml",
            "--format",
            "eml",
            "--kind",
            "checkin",
            "--step",
            "1",
        ])
        .any_stdout()
        .any_stderr()
        .run();
    assert_eq!(
        output.stderr.matches("Søren").count(),
        1,
        "{}",
        output.stderr
    );
    assert!(output.stderr.contains(
        "warning: Søren Kierkegård has no email, so the check-in 1 to them was skipped; add their work address\n"
    ));
}
