//! Every malformed record: one message naming the file, line and field, exit
//! status 1, and nothing on stdout.

use crate::test::Test;

const HEAD: &str = "\
candidate:
  name: Jordan Lee
company: Northwind Traders
role: Senior Data Engineer
interview_date: 2026-11-19
";

/// Runs `render` on `record` and checks the error is exactly `expected`.
fn rejects(record: &str, expected: &str) {
    Test::new()
        .record(record)
        .args(["render", "record.yaml"])
        .status(1)
        .stderr(expected)
        .run();
}

#[test]
fn missing_required_field() {
    rejects(
        "candidate:\n  name: Jordan Lee\nrole: R\ninterview_date: 2026-11-19\ninterviewers:\n  - name: A\n",
        "error: record.yaml: the record has no `company`; add `company:` with its value\n",
    );
}

#[test]
fn topics_that_are_not_a_list() {
    rejects(
        &format!("{HEAD}interviewers:\n  - name: Priya Shah\n    topics: streaming\n"),
        "error: record.yaml:8:13: the first interviewer's `topics`: expected a list, one `- item` per line\n    8 |     topics: streaming\n",
    );
}

#[test]
fn a_date_that_does_not_exist() {
    rejects(
        &format!(
            "{}interviewers:\n  - name: A\n",
            HEAD.replace("2026-11-19", "2026-02-30")
        ),
        "error: record.yaml:5:17: `interview_date`: `2026-02-30` is not a date; write it as YYYY-MM-DD, such as 2026-11-19\n    5 | interview_date: 2026-02-30\n",
    );
}

#[test]
fn a_date_in_another_format() {
    rejects(
        &format!(
            "{}interviewers:\n  - name: A\n",
            HEAD.replace("2026-11-19", "19/11/2026")
        ),
        "error: record.yaml:5:17: `interview_date`: `19/11/2026` is not a date; write it as YYYY-MM-DD, such as 2026-11-19\n    5 | interview_date: 19/11/2026\n",
    );
}

#[test]
fn an_unknown_field_suggests_the_nearest() {
    rejects(
        &format!("{HEAD}interviewer:\n  - name: A\n"),
        "error: record.yaml:6:1: unknown field `interviewer`; did you mean `interviewers`?\n    6 | interviewer:\n",
    );
}

#[test]
fn an_unknown_nested_field() {
    rejects(
        &format!("{HEAD}interviewers:\n  - name: A\n    topic: [x]\n"),
        "error: record.yaml:8:5: the first interviewer: unknown field `topic`; did you mean `topics`?\n    8 |     topic: [x]\n",
    );
}

#[test]
fn an_empty_file() {
    for empty in ["", "\n\n", "# only a comment\n", "---\n"] {
        rejects(
            empty,
            "error: record.yaml: the file is empty; a record needs at least candidate, company, role, interview_date and interviewers\n",
        );
    }
}

#[test]
fn a_top_level_list() {
    rejects(
        "- candidate: x\n- company: y\n",
        "error: record.yaml:1:1: a record is a mapping of fields such as `candidate:` and `company:`, not a list or a single value\n    1 | - candidate: x\n",
    );
}

#[test]
fn invalid_utf8() {
    Test::new()
        .file("record.yaml", b"candidate:\n  name: Jord\xE1n\n")
        .args(["render", "record.yaml"])
        .status(1)
        .stderr(
            "error: record.yaml:2:13: the file is not UTF-8 text; save it as UTF-8 and try again\n",
        )
        .run();
}

#[test]
fn yaml_syntax_errors_name_the_line() {
    rejects(
        "candidate:\n  name: \"Jordan\ncompany: X\n",
        "error: record.yaml:2:9: a quote opened here is never closed; end the value with the same quote mark\n    2 |   name: \"Jordan\n",
    );
    rejects(
        "candidate:\n  name: Jordan\n   email: j@x.example\n",
        "error: record.yaml:3:9: this line is not indented like the lines above it; indent the fields of one item by the same number of spaces\n    3 |    email: j@x.example\n",
    );
}

#[test]
fn blank_names() {
    rejects(
        &format!("{HEAD}interviewers:\n  - name: \"  \"\n"),
        "error: record.yaml:7:11: the first interviewer's `name`: must not be blank\n    7 |   - name: \"  \"\n",
    );
}

#[test]
fn asked_by_naming_nobody() {
    rejects(
        &format!(
            "{HEAD}interviewers:\n  - name: Priya Shah\n  - name: Marcus Bell\nunanswered_questions:\n  - question: Why?\n    asked_by: Priya\n"
        ),
        "error: record.yaml:11:15: the first unanswered question's `asked_by`: `Priya` is not one of the people who interviewed you (Priya Shah or Marcus Bell)\n   11 |     asked_by: Priya\n",
    );
}

#[test]
fn an_unknown_tone() {
    rejects(
        &format!("{HEAD}tone: cheerful\ninterviewers:\n  - name: A\n"),
        "error: record.yaml:6:7: `tone`: `cheerful` is not allowed here; use warm or formal\n    6 | tone: cheerful\n",
    );
}

#[test]
fn no_interviewers() {
    rejects(
        &format!("{HEAD}interviewers: []\n"),
        "error: record.yaml:6:15: `interviewers`: list the people who interviewed you under `interviewers`, each with `name` and `topics`; for a screen with the recruiter alone, give the recruiter `topics` instead\n    6 | interviewers: []\n",
    );
}

#[test]
fn the_same_interviewer_twice() {
    rejects(
        &format!("{HEAD}interviewers:\n  - name: Priya Shah\n  - name: priya shah\n"),
        "error: record.yaml:8:11: the second interviewer's `name`: `priya shah` is listed twice; give each person one entry\n    8 |   - name: priya shah\n",
    );
}

#[test]
fn a_decision_date_before_the_interview() {
    rejects(
        &format!(
            "{HEAD}recruiter:\n  name: Sam Ortiz\n  decision_date: 2026-11-12\ninterviewers:\n  - name: A\n"
        ),
        "error: record.yaml:8:18: the recruiter's `decision_date`: 2026-11-12 is before the interview on 2026-11-19; the decision date must be on or after it\n    8 |   decision_date: 2026-11-12\n",
    );
}

#[test]
fn an_email_that_is_not_an_address() {
    rejects(
        &format!("{HEAD}interviewers:\n  - name: A\n    email: priya.shah\n"),
        "error: record.yaml:8:12: the first interviewer's `email`: `priya.shah` is not an email address: it has no @; write a single address, such as priya.shah@northwind.example\n    8 |     email: priya.shah\n",
    );
}

#[test]
fn a_missing_file() {
    Test::new()
        .args(["render", "nowhere.yaml"])
        .status(1)
        .stderr("error: cannot read nowhere.yaml: No such file or directory (os error 2)\n")
        .run();
}

#[test]
fn a_huge_file_is_refused() {
    let mut record = String::from(HEAD);
    record.push_str("interviewers:\n  - name: A\n# ");
    record.push_str(&"x".repeat(1024 * 1024));
    rejects(
        &record,
        &format!(
            "error: record.yaml: the file is {} bytes, more than the 1048576 a record may have\n",
            record.len()
        ),
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(
        format!("{HEAD}interviewers:\n  - name: Priya Shah\n    topics: [streaming]\n").as_bytes(),
    );
    Test::new()
        .file("record.yaml", &bytes)
        .args(["render", "record.yaml", "--kind", "card"])
        .any_stderr()
        .any_stdout()
        .run();
}

/// Every message of the YAML parser a record can provoke, in plain words
/// and at the line to mend: the broken record (made from a good one by
/// replacing `from` with `to`) and what the error must say.
#[test]
fn parser_messages_are_in_plain_words_at_the_broken_line() {
    const GOOD: &str = "candidate: {name: Jordan Lee}\ncompany: Northwind\nrole: Engineer\ninterview_date: 2026-11-19\ninterviewers:\n  - name: Priya Shah\n    topics: [the schema registry]\n";
    let cases = [
        (
            "    topics",
            "\ttopics",
            "record.yaml:7:1: a tab is used to indent here; YAML allows only spaces, so indent with spaces",
        ),
        (
            "role: Engineer",
            "role Engineer",
            "record.yaml:3:1: this line needs a colon after the field's name, as in `role: Data Engineer`",
        ),
        (
            "    topics:",
            "   topics:",
            "record.yaml:7:4: this line is not indented like the lines above it; indent the fields of one item by the same number of spaces",
        ),
        (
            "company: Northwind",
            "company: Northwind: Traders",
            "record.yaml:2:19: a second `: ` in this line; put the value in quotes, as in `company: \"Northwind: Traders\"`",
        ),
        (
            "company: Northwind",
            "company: \"Northwind",
            "record.yaml:2:10: a quote opened here is never closed; end the value with the same quote mark",
        ),
        (
            "  - name: Priya Shah\n",
            "  - title: Engineering Manager\n",
            "record.yaml:6:5: the first interviewer has no `name`; add `name:` with its value",
        ),
    ];
    for (from, to, expected) in cases {
        Test::new()
            .record(&GOOD.replace(from, to))
            .args(["check", "record.yaml"])
            .status(1)
            .stderr_contains(&format!("error: {expected}\n"))
            .run();
    }
}

/// A misspelt field, a date in words, a person without a name and a tab:
/// one run names all four, each at its line.
#[test]
fn four_mistakes_are_found_in_one_run() {
    let record = "candidate:\n  name: Jordan Lee\ncompany: Northwind Traders\nrole: Data Engineer\ninterview_date: next Tuesday\ninterviewers:\n  - name: Priya Shah\n    topcis: [the schema registry]\n  - title: Staff Engineer\n    topics: [the order events]\nrecruiter:\n\tname: Sam Ortiz\n";
    Test::new()
        .record(record)
        .args(["check", "record.yaml"])
        .status(1)
        .stderr(
            "\
error: record.yaml: 4 mistakes; mend each, then run again:
  record.yaml:5:17: `interview_date`: `next Tuesday` is not a date; write it as YYYY-MM-DD, such as 2026-11-19
      5 | interview_date: next Tuesday
  record.yaml:8:5: the first interviewer: unknown field `topcis`; did you mean `topics`?
      8 |     topcis: [the schema registry]
  record.yaml:9:5: the second interviewer has no `name`; add `name:` with its value
      9 |   - title: Staff Engineer
  record.yaml:12:1: a tab is used to indent here; YAML allows only spaces, so indent with spaces
     12 | \tname: Sam Ortiz
error: 1 record checked: 4 errors, 0 warnings
",
        )
        .run();
    // `render` says the same.
    Test::new()
        .record(record)
        .args(["render", "record.yaml"])
        .status(1)
        .stderr_contains("error: record.yaml: 4 mistakes; mend each, then run again:\n")
        .run();
}

/// A mistake the reading finds and one the checks after it find: both in
/// one run.
#[test]
fn mistakes_of_reading_and_of_checking_are_reported_together() {
    Test::new()
        .record("candidate: {name: Jordan Lee}\ncompany: Northwind Traders\nrole: Data Engineer\ninterview_date: 2026-11-19\ninterviewers:\n  - name: Priya Shah\n    topcis: [the schema registry]\nrecruiter:\n  name: Sam Ortiz\n  decision_date: 2026-11-01\n")
        .args(["check", "record.yaml"])
        .status(1)
        .stderr(
            "\
error: record.yaml: 2 mistakes; mend each, then run again:
  record.yaml:7:5: the first interviewer: unknown field `topcis`; did you mean `topics`?
      7 |     topcis: [the schema registry]
  record.yaml:10:18: the recruiter's `decision_date`: 2026-11-01 is before the interview on 2026-11-19; the decision date must be on or after it
     10 |   decision_date: 2026-11-01
error: 1 record checked: 2 errors, 0 warnings
",
        )
        .run();
}

/// Mistakes only the checks after reading can find (a name twice, a
/// question asked by nobody met, a bad code, a log entry naming nobody):
/// every one in one run, in the order of the file.
#[test]
fn every_mistake_the_checks_find_is_reported_in_one_run() {
    Test::new()
        .record("candidate: {name: Jordan Lee}\ncompany: Northwind Traders\nrole: Data Engineer\ninterview_date: 2026-11-19\ncountry: Scotland\ninterviewers:\n  - name: Priya Shah\n    topics: [the schema registry]\n  - name: priya shah\nunanswered_questions:\n  - question: How would you shard it?\n    asked_by: Marcus\nlog:\n  - date: 2026-11-20\n    sent: email\n    to: Pria\n")
        .args(["check", "record.yaml"])
        .status(1)
        .stderr(
            "\
error: record.yaml: 4 mistakes; mend each, then run again:
  record.yaml:5:10: `country`: `Scotland` is not a country code; write two letters, such as `GB` or `IE`
      5 | country: Scotland
  record.yaml:9:11: the second interviewer's `name`: `priya shah` is listed twice; give each person one entry
      9 |   - name: priya shah
  record.yaml:12:15: the first unanswered question's `asked_by`: `Marcus` is not one of the people who interviewed you (Priya Shah)
     12 |     asked_by: Marcus
  record.yaml:16:9: the first log entry's `to`: `Pria` is not in the record; the people in it are Priya Shah (interviewer)
     16 |     to: Pria
error: 1 record checked: 4 errors, 0 warnings
",
        )
        .run();
}

/// A person without a name whose topics are a list of their own: the
/// error points at the person's first line, and nothing else is blamed.
#[test]
fn a_missing_name_points_at_the_first_line_of_the_person() {
    Test::new()
        .record("candidate: {name: Jordan Lee}\ncompany: Northwind Traders\nrole: Data Engineer\ninterview_date: 2026-11-19\ninterviewers:\n  - name: Priya Shah\n    topics: [the schema registry]\n  - title: Staff Engineer\n    topics:\n      - the order events\n      - the replay tool\n    email: sam@northwind.example\n")
        .args(["check", "record.yaml"])
        .status(1)
        .stderr(
            "\
error: record.yaml:8:5: the second interviewer has no `name`; add `name:` with its value
    8 |   - title: Staff Engineer
error: 1 record checked: 1 error, 0 warnings
",
        )
        .run();
}

/// A line without its colon right after a block of fields: the message is
/// about that line, not about the field whose block it follows.
#[test]
fn a_missing_colon_is_not_blamed_on_the_field_above() {
    Test::new()
        .record("candidate:\n  name: Jordan Lee\ncompany Northwind Traders\nrole: Data Engineer\ninterview_date: 2026-11-19\ninterviewers:\n  - name: Priya Shah\n    topics: [the schema registry]\n")
        .args(["check", "record.yaml"])
        .status(1)
        .stderr(
            "\
error: record.yaml:3:1: this line needs a colon after the field's name, as in `role: Data Engineer`
    3 | company Northwind Traders
error: 1 record checked: 1 error, 0 warnings
",
        )
        .run();
}
