//! The follow-up plan over weeks: check-ins, the closing note, and what
//! `next` says is due.

use crate::test::{Test, example};

/// A record interviewed on Thursday, November 19, 2026, with `extra` lines
/// appended (a recruiter, a log, a status).
pub fn record(extra: &str) -> String {
    format!(
        "# My interview at Northwind.\ncandidate:\n  name: Jordan Lee  # me\ncompany: Northwind Traders\nrole: Senior Data Engineer\ninterview_date: 2026-11-19\ninterviewers:\n  - name: Priya Shah\n    topics: [streaming]\n{extra}"
    )
}

/// The follow-up steps of `record`'s plan as `kind step date` lines.
fn follow_ups(record: &str, args: &[&str]) -> Vec<String> {
    let output = Test::new()
        .record(record)
        .args(["schedule", "record.yaml", "--json"])
        .args(args.iter().copied())
        .any_stdout()
        .any_stderr()
        .run();
    let steps: serde_json::Value = serde_json::from_str(&output.stdout).unwrap();
    steps
        .as_array()
        .unwrap()
        .iter()
        .filter(|step| step["kind"] == "checkin" || step["kind"] == "closing")
        .map(|step| {
            format!(
                "{} {} {}",
                step["kind"].as_str().unwrap(),
                step["step"]
                    .as_u64()
                    .map_or(String::from("-"), |n| n.to_string()),
                step["date"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn check_ins_come_weekly_on_business_days_then_the_closing_note() {
    assert_eq!(
        follow_ups(&record(""), &[]),
        [
            // A week after the interview is Thanksgiving: the next day.
            "checkin 1 2026-11-27",
            "checkin 2 2026-12-04",
            "closing - 2026-12-11"
        ]
    );
    // A Saturday interview: every step lands on a Monday.
    let saturday = record("").replace("2026-11-19", "2026-11-21");
    assert_eq!(
        follow_ups(&saturday, &[]),
        [
            "checkin 1 2026-11-30",
            "checkin 2 2026-12-07",
            "closing - 2026-12-14"
        ]
    );
}

#[test]
fn the_number_of_check_ins_has_a_limit() {
    let three = record("followup:\n  max_checkins: 3\n");
    assert_eq!(follow_ups(&three, &[]).len(), 4);
    assert_eq!(
        follow_ups(&three, &["--max-checkins", "1"]),
        ["checkin 1 2026-11-27", "closing - 2026-12-04"]
    );
}

#[test]
fn a_decision_date_pushes_the_whole_plan() {
    let friday = record("recruiter:\n  name: Sam Ortiz\n  decision_date: 2026-12-04\n");
    assert_eq!(
        follow_ups(&friday, &[]),
        [
            "checkin 1 2026-12-07",
            "checkin 2 2026-12-14",
            "closing - 2026-12-21"
        ]
    );
}

#[test]
fn no_follow_up_means_no_check_ins_and_no_closing_note() {
    let record = record("recruiter:\n  name: Sam Ortiz\n  no_follow_up: true\n");
    assert!(follow_ups(&record, &[]).is_empty());
    Test::new()
        .record(&record)
        .args(["render", "record.yaml", "--kind", "closing"])
        .any_stderr()
        .run();
}

#[test]
fn a_late_check_in_moves_the_next_one() {
    let late = record("log:\n  - date: 2026-12-01\n    sent: checkin\n    to: Priya Shah\n");
    assert_eq!(
        follow_ups(&late, &[]),
        [
            "checkin 1 2026-11-27",
            "checkin 2 2026-12-08",
            "closing - 2026-12-15"
        ]
    );
}

#[test]
fn later_check_ins_and_the_closing_note_have_their_own_wording() {
    let output = Test::new()
        .record(&record(
            "recruiter:\n  name: Sam Ortiz\n  agency: TalentBridge Recruiting\n",
        ))
        .args([
            "render",
            "record.yaml",
            "--kind",
            "checkin",
            "--kind",
            "closing",
            "--format",
            "text",
        ])
        .any_stderr()
        .any_stdout()
        .run();
    let drafts: Vec<&str> = output.stdout.split("==> ").skip(1).collect();
    assert_eq!(drafts.len(), 3);
    let words = |draft: &str| draft.split_whitespace().count();
    assert!(
        words(drafts[1]) < words(drafts[0]),
        "the second check-in is shorter"
    );
    assert!(
        drafts[0].contains("Have you heard back from Northwind Traders"),
        "{}",
        drafts[0]
    );
    assert!(drafts[0].contains("TalentBridge Recruiting"));
    assert!(
        drafts[2].contains("either way"),
        "the closing note asks for a word either way"
    );
    for tone in ["warm", "formal"] {
        let output = Test::new()
            .record(&format!(
                "{}tone: {tone}\n",
                record("recruiter:\n  name: Sam Ortiz\nfollowup:\n  max_checkins: 3\n")
            ))
            .args([
                "render",
                "record.yaml",
                "--kind",
                "checkin",
                "--format",
                "text",
            ])
            .any_stderr()
            .any_stdout()
            .run();
        let checkins: Vec<&str> = output.stdout.split("==> ").skip(1).collect();
        assert_eq!(checkins.len(), 3);
        assert!(
            words(checkins[0]) > words(checkins[1]) && words(checkins[1]) > words(checkins[2]),
            "{tone}: each check-in is shorter than the last:\n{}",
            output.stdout
        );
    }
    let step_two = Test::new()
        .record(&record("recruiter:\n  name: Sam Ortiz\n"))
        .args([
            "render",
            "record.yaml",
            "--kind",
            "checkin",
            "--step",
            "2",
            "--format",
            "text",
        ])
        .any_stderr()
        .any_stdout()
        .run();
    assert!(
        step_two
            .stdout
            .starts_with("Subject: Re: Senior Data Engineer at Northwind Traders: next steps\n")
    );
}

#[test]
fn there_is_no_fourth_check_in_in_a_plan_of_two() {
    Test::new()
        .record(&example("panel"))
        .args(["render", "record.yaml", "--kind", "checkin", "--step", "4"])
        .status(1)
        .stderr("error: there is no check-in 4 for anyone; the plan has 2 (see --max-checkins)\n")
        .run();
}

#[test]
fn next_lists_what_is_due_oldest_first_with_how_late() {
    let log = "log:\n  - date: 2026-11-19\n    sent: email\n    to: Priya Shah\n";
    Test::new()
        .record(&record(log))
        .args(["next", "record.yaml", "--today", "2026-11-27"])
        .stdout(
            "\
Due by Friday, November 27, oldest first:

Friday, November 20 (7 days overdue): mail card to Priya Shah
    Senior Data Engineer at Northwind Traders
    thankyou render record.yaml --kind card --to 'Priya Shah'

Friday, November 27 (today): send check-in 1 to Priya Shah
    Senior Data Engineer at Northwind Traders
    thankyou render record.yaml --kind checkin --step 1
",
        )
        .run();
}

#[test]
fn only_the_first_unsent_check_in_is_due() {
    let output = Test::new()
        .record(&record("log:\n  - date: 2026-11-19\n    sent: email\n    to: Priya Shah\n  - date: 2026-11-20\n    sent: card\n    to: Priya Shah\n"))
        .args(["next", "record.yaml", "--today", "2026-12-20"])
        .any_stdout()
        .run();
    assert!(
        output
            .stdout
            .contains("(23 days overdue): send check-in 1 to Priya Shah"),
        "{}",
        output.stdout
    );
    assert!(!output.stdout.contains("check-in 2"));
    assert!(!output.stdout.contains("closing"));
}

#[test]
fn a_reply_stops_the_plan() {
    let log = "log:\n  - date: 2026-11-19\n    sent: email\n    to: Priya Shah\n  - date: 2026-11-27\n    reply: Priya Shah\n    note: second round on Dec 3\n";
    Test::new()
        .record(&record(log))
        .args(["next", "record.yaml", "--today", "2026-12-20"])
        .stdout(
            "\
Nothing is due by Sunday, December 20.

Nothing due now:
    record.yaml: Priya Shah replied on Friday, November 27 (second round on Dec 3); nothing is due until you write again
",
        )
        .run();
}

#[test]
fn a_closed_application_has_nothing_due() {
    let output = Test::new()
        .record(&record("status: offer\n"))
        .args(["next", "record.yaml", "--today", "2026-12-20"])
        .any_stdout()
        .run();
    assert!(
        output
            .stdout
            .contains("record.yaml: the status is `offer`, so there is nothing more to send")
    );
    assert!(!output.stdout.contains("thankyou render"));
}

#[test]
fn a_sent_closing_note_ends_the_plan() {
    let mut log = String::from("log:\n");
    for (date, kind) in [
        ("2026-11-19", "email"),
        ("2026-11-20", "card"),
        ("2026-11-26", "checkin"),
        ("2026-12-03", "checkin"),
        ("2026-12-10", "closing"),
    ] {
        log.push_str(&format!(
            "  - date: {date}\n    sent: {kind}\n    to: Priya Shah\n"
        ));
    }
    let output = Test::new()
        .record(&record(&log))
        .args(["next", "record.yaml", "--today", "2026-12-20"])
        .any_stdout()
        .run();
    assert!(
        output
            .stdout
            .contains("record.yaml: the closing note is sent"),
        "{}",
        output.stdout
    );
}

#[test]
fn next_reads_folders_and_patterns_and_reports_bad_records() {
    let output = Test::new()
        .file("apps/panel.yaml", example("panel").as_bytes())
        .file("apps/single.yaml", example("single").as_bytes())
        .file("apps/broken.yaml", b"company: [\n")
        .file("apps/notes.txt", b"not a record\n")
        .args(["next", "apps", "--today", "2026-11-21"])
        .status(1)
        .any_stderr()
        .any_stdout()
        .run();
    assert!(
        output
            .stdout
            .contains("thankyou render apps/panel.yaml --kind email --to 'Priya Shah'")
    );
    assert!(
        output
            .stdout
            .contains("thankyou render apps/single.yaml --kind email --to 'Tom Brennan'")
    );
    assert!(
        output.stderr.starts_with("error: apps/broken.yaml:"),
        "{}",
        output.stderr
    );
    assert!(
        output
            .stderr
            .ends_with("error: 1 of 3 records could not be read; the others are listed above\n")
    );
    let by_pattern = Test::new()
        .file("apps/panel.yaml", example("panel").as_bytes())
        .file("apps/single.yaml", example("single").as_bytes())
        .args(["next", "apps/s*.yaml", "--today", "2026-11-21"])
        .any_stdout()
        .run();
    assert!(!by_pattern.stdout.contains("panel.yaml"));
    assert!(by_pattern.stdout.contains("apps/single.yaml"));
}

#[test]
fn next_refuses_a_today_that_is_not_a_date() {
    Test::new()
        .record(&record(""))
        .args(["next", "record.yaml", "--today", "26/11/2026"])
        .status(1)
        .stderr("error: --today: `26/11/2026` is not a date; write it as YYYY-MM-DD, such as 2026-11-19\n")
        .run();
}
