//! `thankyou schedule`: when to send each draft.

use crate::test::{Test, example};

#[test]
fn the_panel_schedule_as_a_table() {
    Test::new()
        .record(&example("panel"))
        .args(["schedule", "record.yaml"])
        .stdout(
            "\
WHEN                   WHAT               TO
Thursday, November 19  send email         Priya Shah
Thursday, November 19  send email         Marcus Bell
Thursday, November 19  send email         Elena Rossi
Friday, November 20    mail card          Priya Shah
Friday, November 20    mail card          Marcus Bell
Friday, November 20    mail card          Elena Rossi
Monday, December 7     send check-in 1    Sam Ortiz
Monday, December 14    send check-in 2    Sam Ortiz
Monday, December 21    send closing note  Sam Ortiz
",
        )
        .run();
}

#[test]
fn the_schedule_as_json() {
    Test::new()
        .record(&example("single"))
        .args(["schedule", "record.yaml", "--json"])
        .stdout(
            r#"[
  {
    "date": "2026-11-21",
    "kind": "email",
    "to": "Tom Brennan"
  },
  {
    "date": "2026-11-23",
    "kind": "card",
    "to": "Tom Brennan"
  },
  {
    "date": "2026-11-30",
    "kind": "checkin",
    "to": "Tom Brennan",
    "step": 1
  },
  {
    "date": "2026-12-07",
    "kind": "checkin",
    "to": "Tom Brennan",
    "step": 2
  },
  {
    "date": "2026-12-14",
    "kind": "closing",
    "to": "Tom Brennan"
  }
]
"#,
        )
        .run();
}

fn checkin_date(recruiter: &str, interview_date: &str) -> Option<String> {
    let record = format!(
        "candidate: {{name: J}}\ncompany: X\nrole: Y\ninterview_date: {interview_date}\n{recruiter}interviewers:\n  - name: A\n"
    );
    let output = Test::new()
        .record(&record)
        .args(["schedule", "record.yaml", "--json"])
        .any_stdout()
        .any_stderr()
        .run();
    let steps: serde_json::Value = serde_json::from_str(&output.stdout).unwrap();
    steps
        .as_array()
        .unwrap()
        .iter()
        .find(|step| step["kind"] == "checkin")
        .map(|step| step["date"].as_str().unwrap().to_owned())
}

#[test]
fn the_checkin_waits_a_week() {
    // Thursday -> the next Thursday.
    assert_eq!(
        checkin_date("", "2026-11-12").as_deref(),
        Some("2026-11-19")
    );
}

#[test]
fn a_checkin_on_a_weekend_moves_to_monday() {
    // Saturday and Sunday interviews -> the Monday after the week.
    assert_eq!(
        checkin_date("", "2026-11-21").as_deref(),
        Some("2026-11-30")
    );
    assert_eq!(
        checkin_date("", "2026-11-22").as_deref(),
        Some("2026-11-30")
    );
}

#[test]
fn a_decision_date_moves_the_checkin_to_the_next_business_day() {
    let friday = "recruiter:\n  name: Sam Ortiz\n  decision_date: 2026-12-04\n";
    assert_eq!(
        checkin_date(friday, "2026-11-19").as_deref(),
        Some("2026-12-07")
    );
    let wednesday = "recruiter:\n  name: Sam Ortiz\n  decision_date: 2026-12-02\n";
    assert_eq!(
        checkin_date(wednesday, "2026-11-19").as_deref(),
        Some("2026-12-03")
    );
    // A decision promised sooner than a week still comes first.
    let soon = "recruiter:\n  name: Sam Ortiz\n  decision_date: 2026-11-20\n";
    assert_eq!(
        checkin_date(soon, "2026-11-19").as_deref(),
        Some("2026-11-23")
    );
}

#[test]
fn no_follow_up_plans_no_checkin() {
    let recruiter = "recruiter:\n  name: Sam Ortiz\n  no_follow_up: true\n";
    assert_eq!(checkin_date(recruiter, "2026-11-19"), None);
}

#[test]
fn the_checkin_goes_to_the_recruiter_or_the_first_interviewer() {
    let output = Test::new()
        .record(&example("single"))
        .args(["schedule", "record.yaml"])
        .any_stdout()
        .run();
    assert!(
        output.stdout.contains("send check-in 1    Tom Brennan\n"),
        "{}",
        output.stdout
    );
}
