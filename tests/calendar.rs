//! `schedule --ics`: an iCalendar file another program can read, with UIDs
//! that stay the same from one run to the next.

use std::fs;

use crate::test::{Test, example, python};

/// Reads an .ics file with Python's `icalendar` package (installed by
/// `.ci/run`) and returns one `DTSTART|SUMMARY|UID` line per event.
fn read_back(path: &std::path::Path) -> Vec<String> {
    let script = "\
import sys, icalendar
calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
for event in calendar.walk('VEVENT'):
    print(event.decoded('DTSTART').isoformat(), event['SUMMARY'], event['UID'], event['DESCRIPTION'].replace('\\n', ' / '), sep='|')
";
    python(script, &[path.as_os_str()], None)
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_calendar_reads_back_with_one_event_per_step() {
    let output = Test::new()
        .record(&example("panel"))
        .args(["schedule", "record.yaml", "--ics", "plan.ics"])
        .stdout("plan.ics\n")
        .run();
    let events = read_back(&output.path("plan.ics"));
    assert_eq!(
        events.len(),
        9,
        "3 emails, 3 cards, 2 check-ins and a closing note"
    );
    assert_eq!(
        events[6],
        "2026-12-07|Send check-in 1 to Sam Ortiz: Senior Data Engineer at Northwind Traders, interviewed Thursday, November 19|checkin-1.2026-11-19.northwind-traders.senior-data-engineer@thankyou|The draft: thankyou render record.yaml --kind checkin --step 1"
    );
    assert!(events[0].starts_with("2026-11-19|Send email to Priya Shah:"));
    assert!(events[3].starts_with("2026-11-20|Mail card to Priya Shah:"));
    assert!(events[8].starts_with("2026-12-21|Send closing note to Sam Ortiz:"));
}

#[test]
fn a_british_calendar_writes_dates_the_british_way_and_says_why_a_step_moved() {
    let british = example("panel").replace(
        "decision_date: 2026-12-04",
        "decision_date: 2026-12-24\nlocale: en-GB",
    );
    let output = Test::new()
        .record(&british)
        .args(["schedule", "record.yaml", "--ics", "plan.ics"])
        .stdout("plan.ics\n")
        .run();
    let events = read_back(&output.path("plan.ics"));
    assert_eq!(
        events[6],
        "2026-12-29|Send check-in 1 to Sam Ortiz: Senior Data Engineer at Northwind Traders, interviewed Thursday 19 November|checkin-1.2026-11-19.northwind-traders.senior-data-engineer@thankyou|Moved from Friday 25 December: Christmas Day. / The draft: thankyou render record.yaml --kind checkin --step 1"
    );
}

#[test]
fn uids_are_stable_across_runs_and_changes() {
    let first = Test::new()
        .record(&example("panel"))
        .args(["schedule", "record.yaml", "--ics", "-"])
        .any_stdout()
        .run();
    let again = Test::new()
        .record(&example("panel"))
        .args(["schedule", "record.yaml", "--ics", "-"])
        .any_stdout()
        .run();
    assert_eq!(
        first.stdout, again.stdout,
        "the same plan gives the same file"
    );
    let moved = example("panel").replace("decision_date: 2026-12-04", "decision_date: 2026-12-11");
    let changed = Test::new()
        .record(&moved)
        .args(["schedule", "record.yaml", "--ics", "-"])
        .any_stdout()
        .run();
    let uids = |ics: &str| -> Vec<String> {
        ics.replace("\r\n ", "")
            .lines()
            .filter(|line| line.starts_with("UID:"))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(
        uids(&first.stdout),
        uids(&changed.stdout),
        "a moved date updates the same events"
    );
    assert_ne!(first.stdout, changed.stdout);
}

#[test]
fn the_calendar_file_is_not_overwritten_without_force() {
    let output = Test::new()
        .record(&example("single"))
        .file("plan.ics", b"my calendar\n")
        .args(["schedule", "record.yaml", "--ics", "plan.ics"])
        .status(1)
        .stderr("error: plan.ics already exists; pass --force to replace it\n")
        .run();
    assert_eq!(
        fs::read_to_string(output.path("plan.ics")).unwrap(),
        "my calendar\n"
    );
    let forced = Test::new()
        .record(&example("single"))
        .file("plan.ics", b"my calendar\n")
        .args(["schedule", "record.yaml", "--ics", "plan.ics", "--force"])
        .stdout("plan.ics\n")
        .run();
    assert_eq!(read_back(&forced.path("plan.ics")).len(), 5);
}
