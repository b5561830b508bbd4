//! Each format writes record text for itself: a mail subject or a `mailto:`
//! link holds the text as typed, never Markdown's escapes; HTML escapes its
//! header lines; the calendar escapes its name. Names and identifiers stay
//! unique however alike the names slug, and short however long they are.

use std::ffi::OsStr;
use std::fs;
use std::path::Path;

use crate::test::{Test, files_in, python};

/// Every character Markdown gives a meaning to, and `&`.
const SPECIAL: &str = r"\ ` * _ [ ] < > # + - ! | &";

/// A record whose company, role and names hold `SPECIAL` (single-quoted in
/// YAML, so a backslash is a backslash).
fn special_record() -> String {
    let quoted = |text: &str| format!("'{}'", text.replace('\'', "''"));
    format!(
        "\
candidate:
  name: {candidate}
  email: zoe@example.com
company: {company}
role: {role}
interview_date: 2026-11-19
recruiter:
  name: {recruiter}
  email: sam@example.com
interviewers:
  - name: {interviewer}
    email: tom@example.com
    topics: [pipelines]
",
        candidate = quoted(&format!("Zoe {SPECIAL} Bronte")),
        company = quoted(&format!("Smith {SPECIAL} Jones")),
        role = quoted(&format!("R&D [Platform] *Lead* {SPECIAL}")),
        recruiter = quoted(&format!("Sam {SPECIAL} Ortiz")),
        interviewer = quoted(&format!("<b>Tom</b> {SPECIAL}")),
    )
}

/// The subject the first check-in of `special_record` has.
fn special_subject() -> String {
    format!("R&D [Platform] *Lead* {SPECIAL} at Smith {SPECIAL} Jones: next steps")
}

#[test]
fn mail_headers_hold_the_record_text_as_typed() {
    let output = Test::new()
        .record(&special_record())
        .args([
            "render",
            "record.yaml",
            "--format",
            "eml",
            "--out-dir",
            "mail",
        ])
        .any_stderr()
        .any_stdout()
        .run();
    let script = r#"
import sys, email
from email import policy
message = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)
print(message["Subject"])
print(message["To"].addresses[0].display_name)
print(message["From"].addresses[0].display_name)
print(len(message.defects))
"#;
    let read = python(
        script,
        &[output.path("mail/checkin-1-sam-ortiz.eml").as_os_str()],
        None,
    );
    assert_eq!(
        read,
        format!(
            "{}\nSam {SPECIAL} Ortiz\nZoe {SPECIAL} Bronte\n0\n",
            special_subject()
        )
    );
}

#[test]
fn mailto_subjects_hold_the_record_text_as_typed() {
    let link = Test::new()
        .record(&special_record())
        .args([
            "render",
            "record.yaml",
            "--format",
            "mailto",
            "--kind",
            "checkin",
            "--step",
            "1",
        ])
        .any_stderr()
        .any_stdout()
        .run()
        .stdout;
    let script = r#"
import sys, urllib.parse
query = sys.argv[1].strip().partition("?")[2]
print(urllib.parse.parse_qs(query, strict_parsing=True)["subject"][0])
"#;
    let subject = python(script, &[OsStr::new(&link)], None);
    assert_eq!(subject, format!("{}\n", special_subject()));
    // The Markdown draft keeps its escapes.
    Test::new()
        .record(&special_record())
        .args(["render", "record.yaml", "--kind", "checkin", "--step", "1"])
        .stdout_contains("Subject: R&D \\[Platform\\] \\*Lead\\* \\\\ \\` \\*")
        .any_stderr()
        .run();
}

#[test]
fn html_header_lines_show_names_as_text() {
    let output = Test::new()
        .record(&special_record())
        .args(["render", "record.yaml", "--format", "html"])
        .any_stderr()
        .any_stdout()
        .run();
    let headers: Vec<&str> = output
        .stdout
        .lines()
        .filter(|line| line.starts_with("==> "))
        .collect();
    assert_eq!(headers.len(), 5, "{}", output.stdout);
    assert!(
        headers.contains(
            &"==> Email to &lt;b&gt;Tom&lt;/b&gt; \\ ` * _ [ ] &lt; &gt; # + - ! | &amp; (send on Thursday, November 19) <=="
        ),
        "{headers:#?}"
    );
    for header in headers {
        let inside = &header["==> ".len()..header.len() - " <==".len()];
        assert!(
            !inside.contains(['<', '>']) && !inside.replace("&amp;", "").contains("& "),
            "{header}"
        );
    }
}

#[test]
fn the_calendar_name_is_escaped_like_every_text_property() {
    let record =
        special_record().replace("company: 'Smith", "company: 'Smith, Jones; Partners\\Co ");
    let calendar = Test::new()
        .record(&record)
        .args(["schedule", "record.yaml", "--ics", "-"])
        .any_stderr()
        .any_stdout()
        .run()
        .stdout
        .replace("\r\n ", "");
    let value = |name: &str| -> String {
        calendar
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|line| line.split_once(':'))
            .map_or_else(
                || panic!("no {name} in {calendar}"),
                |(_, value)| value.to_owned(),
            )
    };
    assert!(value("X-WR-CALNAME").contains("Smith\\, Jones\\; Partners\\\\Co"));
    assert_eq!(value("NAME"), value("X-WR-CALNAME"));
}

/// A record with three interviewers whose names slug alike, one long
/// interviewer's name, and a long company name.
fn alike_record() -> String {
    let long = "Ñandú ".repeat(50);
    format!(
        "\
candidate:
  name: Maya Okafor
  email: maya@example.com
company: {company}
role: Operations Coordinator
interview_date: 2026-11-21
interviewers:
  - name: Tom Brennan
    email: tom@example.com
    topics: [the east side shop]
  - name: Tom-Brennan
    email: tom2@example.com
    topics: [flour waste]
  - name: Tom  Brennan!
    email: tom3@example.com
    topics: [weekend bakes]
  - name: {long}Pérez
    email: long@example.com
    topics: [the delivery van]
",
        company = "Riverside Bakehouse and Café ".repeat(12).trim_end(),
    )
}

/// The values of the `UID:` lines of an iCalendar text.
fn uids(calendar: &str) -> Vec<String> {
    calendar
        .replace("\r\n ", "")
        .lines()
        .filter_map(|line| line.strip_prefix("UID:"))
        .map(str::to_owned)
        .collect()
}

#[test]
fn calendar_uids_are_unique_short_and_stable_however_alike_the_names() {
    let run = || {
        Test::new()
            .record(&alike_record())
            .args(["schedule", "record.yaml", "--ics", "-"])
            .any_stderr()
            .any_stdout()
            .run()
            .stdout
    };
    let first = uids(&run());
    assert_eq!(
        first.len(),
        11,
        "an email and a card for each of four, and three follow-ups"
    );
    let mut distinct = first.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), first.len(), "{first:#?}");
    assert!(first.iter().all(|uid| uid.len() < 250), "{first:#?}");
    assert_eq!(uids(&run()), first, "the same record gives the same UIDs");
}

#[test]
fn file_names_are_unique_and_short_however_long_or_alike_the_names() {
    let output = Test::new()
        .record(&alike_record())
        .args(["render", "record.yaml", "--out-dir", "out"])
        .any_stderr()
        .any_stdout()
        .run();
    let names = files_in(&output.path("out"));
    assert_eq!(names.len(), 11, "{names:#?}");
    assert!(names.iter().all(|name| name.len() <= 100), "{names:#?}");
    assert!(names.contains(&"email-tom-brennan.md".to_owned()));
    assert!(names.contains(&"email-tom-brennan-2.md".to_owned()));
    assert!(names.contains(&"email-tom-brennan-3.md".to_owned()));
}

#[test]
fn message_ids_are_unique_and_short_however_long_or_alike_the_names() {
    let output = Test::new()
        .record(&alike_record())
        .args([
            "render",
            "record.yaml",
            "--format",
            "eml",
            "--out-dir",
            "mail",
        ])
        .any_stderr()
        .any_stdout()
        .run();
    let dir = output.path("mail");
    let ids: Vec<String> = files_in(&dir)
        .iter()
        .map(|name| message_id(&dir.join(name)))
        .collect();
    assert_eq!(ids.len(), 7, "{ids:#?}");
    let mut distinct = ids.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), ids.len(), "{ids:#?}");
    assert!(ids.iter().all(|id| id.len() < 250), "{ids:#?}");
}

/// The Message-ID header of the message at `path`, as one line.
fn message_id(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap();
    let unfolded = text.replace("\r\n ", " ").replace("\r\n\t", " ");
    let line = unfolded
        .lines()
        .find(|line| line.starts_with("Message-ID:"))
        .unwrap_or_else(|| panic!("no Message-ID in {text}"));
    assert!(line.len() <= 998, "{line}");
    line.to_owned()
}

#[test]
fn a_legal_suffix_leaves_nothing_dangling() {
    for (company, short) in [
        ("Smith & Co.", "Smith"),
        ("Smith and Company Ltd.", "Smith"),
        ("Smith + Co, Inc.", "Smith"),
        (
            "Smith, Jones and Partners, LLP",
            "Smith, Jones and Partners",
        ),
    ] {
        let record = format!(
            "\
candidate:
  name: Maya Okafor
  email: maya@example.com
company: {company}
role: Baker
interview_date: 2026-11-21
recruiter:
  name: Sam Ortiz
  email: sam@example.com
interviewers:
  - name: Tom Brennan
    topics: [bread]
"
        );
        Test::new()
            .record(&record)
            .args(["render", "record.yaml", "--kind", "checkin", "--step", "1"])
            .stdout_contains(&format!("Subject: Baker at {short}: next steps\n"))
            .any_stderr()
            .run();
    }
}

#[test]
fn html_batch_headers_show_the_record_file_name_as_text() {
    let record =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/single.yaml"))
            .unwrap();
    let output = Test::new()
        .file("records/<b>&amp.yaml", record.as_bytes())
        .file("records/plain.yaml", record.as_bytes())
        .args(["render", "records", "--format", "html", "--kind", "email"])
        .any_stderr()
        .any_stdout()
        .run();
    assert!(
        output
            .stdout
            .starts_with("==> records/&lt;b&gt;&amp;amp.yaml: Email to Tom Brennan"),
        "{}",
        output.stdout
    );
}
