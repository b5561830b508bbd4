//! `thankyou check` and the warnings `render` shares with it: each lint
//! with a record that triggers it and one that does not.

use crate::test::Test;

/// A record with nothing to warn about on 2026-11-25.
const CLEAN: &str = "\
candidate:
  name: Jordan Lee
company: Northwind Traders
role: Senior Data Engineer
interview_date: 2026-11-19
recruiter:
  name: Sam Ortiz
  decision_date: 2026-12-04
interviewers:
  - name: Priya Shah
    email: priya.shah@northwind.example
    topics:
      - moving the nightly batch jobs to a streaming pipeline
  - name: Marcus Bell
    email: marcus.bell@northwind.example
    topics:
      - the schema registry you built
unanswered_questions:
  - question: How would you partition the events table?
    answer: I would partition it by event date.
";

fn check(record: &str, extra: &[&str]) -> (String, i32) {
    let output = Test::new()
        .record(record)
        .args(["check", "record.yaml", "--today", "2026-11-25"])
        .args(extra.iter().copied())
        .any_status()
        .any_stderr()
        .run();
    (output.stderr, output.status)
}

/// The warnings `check` prints for `record`, without the summary line.
fn warnings(record: &str, extra: &[&str]) -> Vec<String> {
    let (stderr, _) = check(record, extra);
    stderr
        .lines()
        .filter(|line| !line.starts_with("note:") && !line.starts_with("error:"))
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_clean_record_has_no_warnings() {
    assert_eq!(warnings(CLEAN, &[]), Vec::<String>::new());
    let (stderr, status) = check(CLEAN, &[]);
    assert_eq!(
        (stderr.as_str(), status),
        ("note: 1 record checked: 0 errors, 0 warnings\n", 0)
    );
}

#[test]
fn each_lint_fires_on_its_weakness() {
    let cases: [(String, &[&str], &str); 11] = [
        (
            CLEAN.replace("    topics:\n      - the schema registry you built\n", ""),
            &[],
            "record.yaml:14: warning: Marcus Bell has no topics, so their notes can only be generic; add what you talked about under `topics`",
        ),
        (
            CLEAN.replace("the schema registry you built", "Avro"),
            &["--card-words", "31"],
            "record.yaml:10: warning: the card to Priya Shah has 36 words, more than the 31 a note card holds; shorten its topics or raise --card-words",
        ),
        (
            CLEAN.replace("    answer: I would partition it by event date.\n", ""),
            &[],
            "record.yaml:19: warning: this question has no answer yet, so the email to Priya Shah leaves it out; add `answer:`",
        ),
        (
            CLEAN.replace("    email: marcus.bell@northwind.example\n", ""),
            &[],
            "record.yaml:14: warning: Marcus Bell has no email, so their thank-you email cannot be sent; add their work address",
        ),
        (
            CLEAN.replace(
                "the schema registry you built",
                "Moving the nightly batch jobs to a streaming  pipeline",
            ),
            &[],
            "record.yaml:17: warning: Priya Shah and Marcus Bell share the topic \"Moving the nightly batch jobs to a streaming pipeline\", so their notes will look alike; give each something of their own",
        ),
        (
            CLEAN.replace("decision_date: 2026-12-04", "decision_date: 2027-12-04"),
            &[],
            "record.yaml:8: warning: the decision date, 2027-12-04, is more than 8 weeks after the interview, so the first check-in waits until then; check the date",
        ),
        (
            CLEAN
                .replace("decision_date: 2026-12-04", "decision_date: 2026-12-14")
                .replace("2026-11-19", "2026-12-01"),
            &[],
            "record.yaml:5: warning: the interview date, 2026-12-01, is in the future; check the year",
        ),
        (
            CLEAN.replace("priya.shah@northwind.example", "priya.shah@gmail.com"),
            &[],
            "record.yaml:11: warning: priya.shah@gmail.com looks like a personal address; write to Priya Shah's work address instead",
        ),
        (
            CLEAN.replace(
                "answer: I would partition it by event date.",
                "answer: statsmodels for the fits",
            ),
            &[],
            "record.yaml:19: warning: the answer `statsmodels for the fits` reads as a note to yourself; the email quotes it after a colon, but it reads better as the sentence you would say",
        ),
        (
            CLEAN.replace("the schema registry you built", "hybrid working"),
            &[],
            "record.yaml:14: warning: the only thing you list with Marcus Bell is about pay or perks; a thank-you note should recall the work you talked about, so add a topic about the role",
        ),
        (
            format!("{CLEAN}strengths:\n  - I am a hard worker.\n"),
            &[],
            "record.yaml:22: warning: the strength `I am a hard worker.` is a sentence, which no note can fit into; write it as a phrase that follows \"I'd bring\", such as \"five years running Kafka in production\"",
        ),
    ];
    for (record, extra, expected) in cases {
        assert_eq!(warnings(&record, extra), [expected]);
    }
}

#[test]
fn warnings_pass_unless_denied_and_errors_fail() {
    let weak = CLEAN.replace("    answer: I would partition it by event date.\n", "");
    assert_eq!(check(&weak, &[]).1, 0);
    let (stderr, status) = check(&weak, &["--deny-warnings"]);
    assert_eq!(status, 1);
    assert!(stderr.ends_with("error: 1 record checked: 0 errors, 1 warning, and --deny-warnings makes warnings fail\n"), "{stderr}");
    let (stderr, status) = check("company: [\n", &[]);
    assert_eq!(status, 1);
    assert!(stderr.starts_with("error: record.yaml:"), "{stderr}");
    assert!(
        stderr.ends_with("error: 1 record checked: 1 error, 0 warnings\n"),
        "{stderr}"
    );
}

#[test]
fn render_prints_the_same_warnings_once_and_still_renders() {
    let weak = CLEAN.replace("    answer: I would partition it by event date.\n", "");
    let output = Test::new()
        .record(&weak)
        .args(["render", "record.yaml", "--format", "text"])
        .stderr("record.yaml:19: warning: this question has no answer yet, so the email to Priya Shah leaves it out; add `answer:`\n")
        .any_stdout()
        .run();
    assert!(output.stdout.contains("==> Email to Priya Shah"));
}

#[test]
fn colour_only_when_asked_and_never_with_no_color() {
    let weak = CLEAN.replace("    answer: I would partition it by event date.\n", "");
    let forced = Test::new()
        .record(&weak)
        .args(["check", "record.yaml", "--today", "2026-11-25"])
        .env("CLICOLOR_FORCE", "1")
        .any_stderr()
        .run();
    assert!(
        forced.stderr.contains("\u{1b}["),
        "CLICOLOR_FORCE colours: {:?}",
        forced.stderr
    );
    let plain = Test::new()
        .record(&weak)
        .args(["check", "record.yaml", "--today", "2026-11-25"])
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .any_stderr()
        .run();
    assert!(
        !plain.stderr.contains('\u{1b}'),
        "NO_COLOR wins: {:?}",
        plain.stderr
    );
    let piped = Test::new()
        .record(&weak)
        .args(["check", "record.yaml", "--today", "2026-11-25"])
        .any_stderr()
        .run();
    assert!(!piped.stderr.contains('\u{1b}'), "no colour off a terminal");
}

#[test]
fn drafts_of_a_panel_that_share_a_sentence_are_named() {
    let same = b"Hi {{ recipient.first_name }},\n\nThank you for the conversation on {{ interview_date | weekday }} about the work.\n\nBest,\\\n{{ candidate.first_name }}\n";
    let output = Test::new()
        .record(CLEAN)
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
    assert!(
        output.stderr.contains(
            "record.yaml: warning: the cards to Priya Shah and Marcus Bell share the sentence “Thank you for the conversation on Thursday about the work.”; interviewers compare notes, so reword it in one of them"
        ),
        "{}",
        output.stderr
    );
}
