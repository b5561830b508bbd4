//! `thankyou log`: entries added to the record's text without touching the
//! rest of it, and bad input refused before anything is written.

use std::fs;

use crate::followup::record;
use crate::test::Test;

#[test]
fn log_appends_without_touching_the_rest_of_the_file() {
    let before = format!(
        "{}log:\n  # what I have sent\n  - date: 2026-11-19   # same day\n    sent: email\n    to: Priya Shah\n\n# Keep this comment.\nstatus: open # still hoping\n",
        record("strengths:\n  - \"five years of Kafka\"   # quoted on purpose\n")
    );
    let added = "  - date: 2026-11-20\n    sent: card\n    to: Priya Shah\n";
    let at = before.find("\n\n# Keep this comment.").unwrap() + 1;
    Test::new()
        .record(&before)
        .args(["log", "record.yaml", "--sent", "card", "--to", "priya shah", "--date", "2026-11-20"])
        .stdout("record.yaml: logged card sent to Priya Shah on Friday, November 20.\nSee what is due next with: thankyou next record.yaml\n")
        .expect_file("record.yaml", &format!("{}{added}{}", &before[..at], &before[at..]))
        .run();
}

#[test]
fn log_starts_a_log_when_there_is_none() {
    let before = record("");
    Test::new()
        .record(&before)
        .args([
            "log",
            "record.yaml",
            "--reply",
            "Priya Shah",
            "--date",
            "2026-11-27",
            "--note",
            "round two: Dec 3",
        ])
        .any_stdout()
        .expect_file(
            "record.yaml",
            &format!(
                "{before}log:\n  - date: 2026-11-27\n    reply: Priya Shah\n    note: \"round two: Dec 3\"\n"
            ),
        )
        .run();
}

#[test]
fn log_refuses_bad_input_and_writes_nothing() {
    let before = record("");
    for (args, stderr) in [
        (
            vec!["--sent", "email", "--to", "Nobody"],
            "error: --to: `Nobody` is not in the record; the people in it are Priya Shah (interviewer)\n",
        ),
        (
            vec![
                "--sent",
                "email",
                "--to",
                "Priya Shah",
                "--date",
                "2026-02-30",
            ],
            "error: --date: `2026-02-30` is not a date; write it as YYYY-MM-DD, such as 2026-11-19\n",
        ),
        (
            vec![
                "--sent",
                "email",
                "--to",
                "Priya Shah",
                "--date",
                "2026-11-01",
            ],
            "error: --date: 2026-11-01 is before the interview on 2026-11-19\n",
        ),
    ] {
        let output = Test::new()
            .record(&before)
            .args(["log", "record.yaml"])
            .args(args.iter().copied())
            .status(1)
            .stderr(stderr)
            .run();
        assert_eq!(
            fs::read_to_string(output.path("record.yaml")).unwrap(),
            before
        );
    }
    Test::new()
        .record(&before)
        .args([
            "log",
            "record.yaml",
            "--sent",
            "letter",
            "--to",
            "Priya Shah",
        ])
        .status(2)
        .any_stderr()
        .run();
}

#[test]
fn bad_log_entries_in_the_record_name_the_field() {
    let cases = [
        (
            "log:\n  - date: 2026-11-20\n    sent: letter\n    to: Priya Shah\n",
            "error: record.yaml:12:11: the first log entry's `sent`: `letter` is not allowed here; use email, card, checkin, or closing\n   12 |     sent: letter\n",
        ),
        (
            "log:\n  - date: 20 Nov\n    sent: card\n    to: Priya Shah\n",
            "error: record.yaml:11:11: the first log entry's `date`: `20 Nov` is not a date; write it as YYYY-MM-DD, such as 2026-11-19\n   11 |   - date: 20 Nov\n",
        ),
        (
            "log:\n  - date: 2026-11-20\n    sent: card\n    to: Pria\n",
            "error: record.yaml:13:9: the first log entry's `to`: `Pria` is not in the record; the people in it are Priya Shah (interviewer)\n   13 |     to: Pria\n",
        ),
        (
            "log:\n  - date: 2026-11-20\n    sent: card\n",
            "error: record.yaml:11:5: the first log entry: `sent:` needs `to:`, naming who it went to\n   11 |   - date: 2026-11-20\n",
        ),
        (
            "status: hired\n",
            "error: record.yaml:10:9: `status`: `hired` is not allowed here; use open, offer, rejected, or withdrawn\n   10 | status: hired\n",
        ),
        (
            "followup:\n  max_checkins: 9\n",
            "error: record.yaml:11:17: `max_checkins` under `followup`: must be a whole number from 1 to 6; to send no check-ins at all, set recruiter.no_follow_up\n   11 |   max_checkins: 9\n",
        ),
    ];
    for (extra, stderr) in cases {
        Test::new()
            .record(&record(extra))
            .args(["schedule", "record.yaml"])
            .status(1)
            .stderr(stderr)
            .run();
    }
}
