//! What a record may hold: no hidden characters, one plain address per
//! email, numbers and dates the plan can use, and a size every check can
//! handle; each refusal says which field, on which line, and what to do.

use crate::test::Test;

const HEAD: &str = "\
candidate:
  name: Jordan Lee
company: Northwind Traders
role: Senior Data Engineer
interview_date: 2026-11-19
";

/// `HEAD` with one interviewer, Priya Shah, and `extra` after it.
fn record(extra: &str) -> String {
    format!("{HEAD}interviewers:\n  - name: Priya Shah\n    topics: [streaming]\n{extra}")
}

/// Runs `render` on `record`, expects it refused, and returns the error.
fn refused(record: &str) -> String {
    Test::new()
        .record(record)
        .args(["render", "record.yaml"])
        .status(1)
        .any_stderr()
        .run()
        .stderr
}

/// Runs `render` on `record` and expects it accepted.
fn accepted(record: &str) -> String {
    Test::new()
        .record(record)
        .args(["render", "record.yaml", "--format", "text"])
        .any_stdout()
        .any_stderr()
        .run()
        .stdout
}

#[test]
fn invisible_formatting_characters_are_refused_in_every_text_field() {
    let cases = [
        (
            "company: Northwind Traders",
            "company: \"North\\u202Ewind\"",
            "3:10: `company`",
            "U+202E",
        ),
        (
            "role: Senior Data Engineer",
            "role: \"Senior \\u2066Engineer\"",
            "4:7: `role`",
            "U+2066",
        ),
        (
            "  name: Jordan Lee",
            "  name: \"Jordan\\u200F Lee\"",
            "2:9: your `name`",
            "U+200F",
        ),
        (
            "  - name: Priya Shah",
            "  - name: \"Priya \\u202AShah\"",
            "7:11: the first interviewer's `name`",
            "U+202A",
        ),
        (
            "    topics: [streaming]",
            "    topics: [\"stream\\u00ADing\"]",
            "8:14: the first interviewer's first topic",
            "U+00AD",
        ),
        (
            "  - name: Priya Shah",
            "  - name: \"Priya Shah\"\n    title: \"Lead\\uFEFF\"",
            "8:12: the first interviewer's `title`",
            "U+FEFF",
        ),
        (
            "  - name: Priya Shah",
            "  - name: Priya Shah\n    email: \"priya\\u200E@northwind.example\"",
            "8:12: the first interviewer's `email`",
            "U+200E",
        ),
        (
            "  - name: Priya Shah",
            "  - name: \"Priya \\u061CShah\"",
            "7:11: the first interviewer's `name`",
            "U+061C",
        ),
        (
            "  - name: Priya Shah",
            "  - name: \"Priya \\u2069Shah\"",
            "7:11: the first interviewer's `name`",
            "U+2069",
        ),
        (
            "  - name: Priya Shah",
            "  - name: \"Priya\\u200BShah\"",
            "7:11: the first interviewer's `name`",
            "U+200B",
        ),
    ];
    for (line, with, at, code) in cases {
        let text = record("").replacen(line, with, 1);
        assert_ne!(text, record(""), "{with}");
        let stderr = refused(&text);
        assert!(
            stderr.starts_with(&format!(
                "error: record.yaml:{at}: contains {code}, an invisible formatting character, which can change the order or look of the text around it; delete it"
            )),
            "{with}: {stderr}"
        );
    }
}

#[test]
fn control_characters_are_refused_with_their_code() {
    for (with, at, code) in [
        ("  name: \"Jordan\\aLee\"", "2:9: your `name`", "U+0007"),
        ("  name: \"Jordan\\eLee\"", "2:9: your `name`", "U+001B"),
        ("  name: \"Jordan\\x7FLee\"", "2:9: your `name`", "U+007F"),
        ("  name: \"Jordan\\x9BLee\"", "2:9: your `name`", "U+009B"),
    ] {
        let stderr = refused(&record("").replacen("  name: Jordan Lee", with, 1));
        assert!(
            stderr.starts_with(&format!(
                "error: record.yaml:{at}: contains {code}, a control character; delete it"
            )),
            "{with}: {stderr}"
        );
    }
}

#[test]
fn the_joiners_names_are_spelt_with_pass() {
    // A Persian surname is written with a zero-width non-joiner, and some
    // scripts need the joiner too.
    let text = record("").replace("Priya Shah", "Ali Mohammadi\u{200C}zadeh Ka\u{200D}ur");
    let stdout = accepted(&text);
    assert!(stdout.contains("Hi Ali"), "{stdout}");
}

#[test]
fn an_email_is_one_plain_address() {
    for address in [
        "tom@x.example;evil@example.com",
        "tom@x.example?bcc=evil@example.com",
        "tom@x.example?bcc=evil",
        "a b@x.example",
        "tom@x.example,evil@x.example",
        "<tom@x.example>",
        "Tom <tom@x.example>",
        "tom@[192.0.2.1]",
    ] {
        let text = record(&format!(
            "recruiter:\n  name: Sam Ortiz\n  email: \"{address}\"\n"
        ));
        let stderr = refused(&text);
        assert!(
            stderr.starts_with("error: record.yaml:11:10: the recruiter's `email`: `")
                && stderr.contains("` is not an email address: ")
                && stderr
                    .contains("; write a single address, such as priya.shah@northwind.example\n"),
            "{address}: {stderr}"
        );
    }
    assert!(
        refused(&record("recruiter:\n  name: Sam Ortiz\n  email: \"tom@x.example;evil@example.com\"\n"))
            .starts_with("error: record.yaml:11:10: the recruiter's `email`: `tom@x.example;evil@example.com` is not an email address: `;` cannot be part of one;")
    );
    for address in [
        "sam.ortiz@northwind.example",
        "sam+jobs@mail.northwind.example",
        "o'neil@north-wind.example",
        "jürgen@bäckerei.example",
    ] {
        let text = record(&format!(
            "recruiter:\n  name: Sam Ortiz\n  email: \"{address}\"\n"
        ));
        Test::new()
            .record(&text)
            .args([
                "render",
                "record.yaml",
                "--kind",
                "checkin",
                "--step",
                "1",
                "--format",
                "eml",
            ])
            .stdout_contains(&format!("To: \"Sam Ortiz\" <{address}>"))
            .any_stderr()
            .run();
    }
}

#[test]
fn max_checkins_says_what_number_it_takes() {
    for value in [
        "-1",
        "0",
        "7",
        "300",
        "99999999999999999999",
        "two",
        "2.5",
        "[2]",
        "true",
    ] {
        let stderr = refused(&record(&format!("followup:\n  max_checkins: {value}\n")));
        assert_eq!(
            stderr,
            format!(
                "error: record.yaml:10:17: `max_checkins` under `followup`: must be a whole number from 1 to 6; to send no check-ins at all, set recruiter.no_follow_up\n   10 |   max_checkins: {value}\n"
            ),
            "{value}"
        );
    }
}

#[test]
fn a_record_too_large_says_so_and_what_the_limit_is() {
    let mut topics = String::new();
    for i in 0..60_000 {
        topics += &format!("      - t{i}\n");
    }
    let text = format!("{HEAD}interviewers:\n  - name: Priya Shah\n    topics:\n{topics}");
    let stderr = refused(&text);
    assert!(
        stderr.contains(": the first interviewer's `topics`: the record is too large: it holds more than 50000 values (fields, list items and texts), where an interview needs a few hundred;"),
        "{stderr}"
    );
    assert!(stderr.starts_with("error: record.yaml:"), "{stderr}");
}

#[test]
fn a_record_nested_too_deeply_says_so_with_the_line() {
    let open = "[".repeat(300);
    let stderr = refused(&format!("{HEAD}strengths: {open}\n"));
    assert!(stderr.starts_with("error: record.yaml:6:"), "{stderr}");
    assert!(
        stderr.contains(": the record is nested too deeply: it has more than 32 lists and groups one inside another"),
        "{stderr}"
    );
    let nested = format!("{}{}", "[".repeat(40), "]".repeat(40));
    let stderr = refused(&record(&format!("followup:\n  max_checkins: {nested}\n")));
    assert!(
        stderr.starts_with("error: record.yaml:10:")
            && stderr
                .contains(": `max_checkins[0]` under `followup`: the record is nested too deeply"),
        "{stderr}"
    );
}

/// A record with `count` interviewers, each with a topic of their own.
fn panel(count: usize) -> String {
    let mut people = String::new();
    for i in 0..count {
        people += &format!("  - name: Person{i} Surname{i}\n    topics: [topic number {i}]\n");
    }
    format!("{HEAD}interviewers:\n{people}")
}

#[test]
fn a_record_lists_at_most_fifty_interviewers() {
    // Fifty are checked in full: with every card the same once names are
    // masked, each of the 1,225 pairs reads alike.
    let same =
        b"Hi {{ recipient.first_name }},\n\nThank you.\n\nBest,\\\n{{ candidate.first_name }}\n";
    let output = Test::new()
        .record(&panel(50))
        .file("mine/card.warm.md", same)
        .args([
            "check",
            "record.yaml",
            "--today",
            "2026-11-25",
            "--templates",
            "mine",
        ])
        .any_stderr()
        .run();
    let alike = output
        .stderr
        .lines()
        .filter(|line| line.contains("read almost the same"))
        .count();
    assert_eq!(alike, 50 * 49 / 2, "{}", output.stderr);
    Test::new()
        .record(&panel(51))
        .args(["schedule", "record.yaml"])
        .status(1)
        .stderr("error: record.yaml:7:3: `interviewers`: 51 people are listed, more than the 50 a record may have; keep the people you met in this interview, and give another round a record of its own\n    7 |   - name: Person0 Surname0\n")
        .run();
}

#[test]
fn dates_too_late_for_the_plan_are_refused() {
    let late = [
        (
            HEAD.replace("2026-11-19", "9999-11-19")
                + "interviewers:\n  - name: Priya Shah\n    topics: [streaming]\n",
            "error: record.yaml:5:17: `interview_date`: 9999-11-19 is too late: the follow-up plan would run past the end of the calendar in 9999; write a date in 9998 or earlier (check the year)\n    5 | interview_date: 9999-11-19\n",
        ),
        (
            record("recruiter:\n  name: Sam Ortiz\n  decision_date: 9999-01-01\n"),
            "error: record.yaml:11:18: the recruiter's `decision_date`: 9999-01-01 is too late: the follow-up plan would run past the end of the calendar in 9999; write a date in 9998 or earlier (check the year)\n   11 |   decision_date: 9999-01-01\n",
        ),
        (
            record("log:\n  - date: 9999-12-31\n    reply: Priya Shah\n"),
            "error: record.yaml:10:11: the first log entry's `date`: 9999-12-31 is too late: the follow-up plan would run past the end of the calendar in 9999; write a date in 9998 or earlier (check the year)\n   10 |   - date: 9999-12-31\n",
        ),
    ];
    for (text, expected) in late {
        Test::new()
            .record(&text)
            .args(["schedule", "record.yaml"])
            .status(1)
            .stderr(expected)
            .run();
    }
}

#[test]
fn the_latest_dates_accepted_still_make_a_plan_of_increasing_days() {
    let text = format!(
        "{}recruiter:\n  name: Sam Ortiz\n  decision_date: 9998-12-31\ninterviewers:\n  - name: Priya Shah\n    topics: [streaming]\nholidays: [9998-12-31]\nfollowup:\n  max_checkins: 6\n",
        HEAD.replace("2026-11-19", "9998-12-31")
    );
    let json = Test::new()
        .record(&text)
        .args(["schedule", "record.yaml", "--json"])
        .any_stdout()
        .run()
        .stdout;
    let dates: Vec<&str> = json
        .lines()
        .filter_map(|line| line.trim().strip_prefix("\"date\": \""))
        .map(|date| date.trim_end_matches("\","))
        .collect();
    // The email, the card, six check-ins and the closing note, each later
    // than the one before.
    assert_eq!(dates.len(), 9, "{json}");
    assert!(dates.windows(2).all(|two| two[0] < two[1]), "{dates:?}");
    assert!(
        dates.iter().all(|date| date.starts_with("999")),
        "{dates:?}"
    );
    let calendar = Test::new()
        .record(&text)
        .args(["render", "record.yaml", "--format", "ics"])
        .any_stdout()
        .any_stderr()
        .run()
        .stdout;
    let field = |name: &str| -> Vec<String> {
        calendar
            .lines()
            .filter_map(|line| line.strip_prefix(name))
            .map(|value| value.trim().to_owned())
            .collect()
    };
    let (starts, ends) = (field("DTSTART;VALUE=DATE:"), field("DTEND;VALUE=DATE:"));
    assert_eq!(starts.len(), 9, "{calendar}");
    assert_eq!(starts.len(), ends.len(), "{calendar}");
    assert!(
        starts.iter().zip(&ends).all(|(start, end)| end > start),
        "{calendar}"
    );
}
