//! Ready to send: `.eml` drafts read back by Python's `email` package,
//! HTML that shows record text as text, `mailto:` links, and the card sheet
//! printed by headless Chromium and measured with poppler's `pdfinfo`.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::test::{Test, example, files_in, python};

/// A record with non-ASCII names and an interviewer without an address.
const INTERNATIONAL: &str = "\
candidate:
  name: Zoë Brontë
  email: zoe@example.com
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
      - the <script>alert(1)</script> tag in the *old* dashboards
  - name: Ana Ruiz
    topics:
      - pipelines
";

/// Parses an .eml with Python's `email` package (`policy.default`) and
/// prints what a mail client would show, one `key: value` per line.
fn read_eml(path: &Path) -> String {
    let script = r#"
import sys, email
from email import policy
message = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)
for header in ["To", "From", "Subject", "Date", "X-Unsent", "Message-ID"]:
    print(f"{header}: {message[header]}")
print("parts:", ", ".join(part.get_content_type() for part in message.iter_parts()))
print("defects:", len(message.defects))
print("to-name:", message["To"].addresses[0].display_name)
print("plain:", message.get_body(("plain",)).get_content().splitlines()[0])
print("html-has-script-tag:", "<script>" in message.get_body(("html",)).get_content())
"#;
    python(script, &[path.as_os_str()], None)
}

#[test]
fn every_email_becomes_an_unsent_draft_a_client_can_read() {
    let output = Test::new()
        .record(INTERNATIONAL)
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
    let names = files_in(&output.path("mail"));
    assert_eq!(
        names,
        [
            "checkin-1-soren-kierkegard.eml",
            "checkin-2-soren-kierkegard.eml",
            "closing-soren-kierkegard.eml",
            "email-jose-nunez.eml"
        ]
    );
    assert!(
        output.stderr.contains("Ana Ruiz has no email, so their thank-you email cannot be sent; add their work address\n"),
        "{}",
        output.stderr
    );
    assert!(output.stderr.contains("note: cards are written by hand"));
    let email = read_eml(&output.path("mail/email-jose-nunez.eml"));
    assert_eq!(
        email,
        "\
To: José Núñez <jose.nunez@eaux.example>
From: Zoë Brontë <zoe@example.com>
Subject: Grateful for your time
Date: Thu, 19 Nov 2026 09:00:00 +0000
X-Unsent: 1
Message-ID: <email.jos-e9-n-fa-f1-ez-68884443.2026-11-19.soci-e9-t-e9-g-e9-n-e9-rale-des-eaux@thankyou.invalid>
parts: text/plain, text/html
defects: 0
to-name: José Núñez
plain: Hi José,
html-has-script-tag: False
"
    );
    let closing = read_eml(&output.path("mail/closing-soren-kierkegard.eml"));
    assert!(
        closing
            .contains("Subject: Re: Ingénieure données at Société Générale des Eaux: next steps\n"),
        "{closing}"
    );
    // The raw file encodes the non-ASCII headers (RFC 2047) and keeps to ASCII.
    let raw = fs::read(output.path("mail/email-jose-nunez.eml")).unwrap();
    assert!(
        raw.is_ascii(),
        "headers and bodies are encoded for transport"
    );
}

#[test]
fn a_line_break_in_a_name_is_an_input_error_not_a_header() {
    let injected = INTERNATIONAL.replace(
        "  - name: José Núñez",
        "  - name: \"José\\r\\nBcc: everyone@example.com\"",
    );
    Test::new()
        .record(&injected)
        .args(["render", "record.yaml", "--format", "eml", "--out-dir", "mail"])
        .status(1)
        .stderr("error: record.yaml:11:11: the first interviewer's `name`: must be on one line\n   11 |   - name: \"José\\r\\nBcc: everyone@example.com\"\n")
        .expect_no_file("mail")
        .run();
    let subject = INTERNATIONAL.replace(
        "role: Ingénieure données",
        "role: \"Engineer\\nBcc: everyone@example.com\"",
    );
    Test::new()
        .record(&subject)
        .args([
            "render",
            "record.yaml",
            "--format",
            "eml",
            "--kind",
            "email",
            "--to",
            "José Núñez",
        ])
        .status(1)
        .any_stderr()
        .run();
}

#[test]
fn one_eml_can_go_to_stdout_but_several_need_a_folder() {
    let one = Test::new()
        .record(&example("panel"))
        .args([
            "render",
            "record.yaml",
            "--format",
            "eml",
            "--kind",
            "email",
            "--to",
            "Priya Shah",
        ])
        .any_stdout()
        .run();
    assert!(
        one.stdout
            .starts_with("To: \"Priya Shah\" <priya.shah@northwind.example>\r\n"),
        "{}",
        one.stdout
    );
    Test::new()
        .record(&example("panel"))
        .args(["render", "record.yaml", "--format", "eml"])
        .status(1)
        .stderr("error: --format eml writes one file per message; add --out-dir DIR, or pick one draft with --kind and --to\n")
        .run();
}

#[test]
fn html_shows_record_text_as_text() {
    let output = Test::new()
        .record(INTERNATIONAL)
        .args([
            "render",
            "record.yaml",
            "--format",
            "html",
            "--kind",
            "email",
            "--to",
            "José Núñez",
        ])
        .any_stderr()
        .any_stdout()
        .run();
    assert!(
        output.stdout.starts_with("<p>Hi José,</p>\n"),
        "{}",
        output.stdout
    );
    assert!(
        output
            .stdout
            .contains("the &lt;script&gt;alert(1)&lt;/script&gt; tag in the *old* dashboards"),
        "{}",
        output.stdout
    );
    assert!(!output.stdout.contains("<script>"));
    assert!(
        !output.stdout.contains("Subject:"),
        "the subject is a header, not part of the body"
    );
    assert!(
        output
            .stdout
            .ends_with("Zoë Brontë<br />\nzoe@example.com</p>\n")
    );
}

#[test]
fn mailto_links_decode_to_the_draft() {
    let record = example("panel");
    let link = Test::new()
        .record(&record)
        .args([
            "render",
            "record.yaml",
            "--format",
            "mailto",
            "--kind",
            "email",
            "--to",
            "Priya Shah",
        ])
        .any_stdout()
        .run()
        .stdout;
    let text = Test::new()
        .record(&record)
        .args([
            "render",
            "record.yaml",
            "--format",
            "text",
            "--kind",
            "email",
            "--to",
            "Priya Shah",
        ])
        .any_stdout()
        .run()
        .stdout;
    let script = r#"
import sys, urllib.parse
link = sys.argv[1].strip()
address, _, query = link[len("mailto:"):].partition("?")
fields = urllib.parse.parse_qs(query, strict_parsing=True)
print(address)
print("Subject: " + fields["subject"][0])
print()
print(fields["body"][0].replace("\r\n", "\n"), end="")
"#;
    let decoded = python(script, &[std::ffi::OsStr::new(&link)], None);
    assert_eq!(decoded, format!("priya.shah@northwind.example\n{text}"));
    assert!(
        !link.contains(' ') && !link.trim_end().contains('\n'),
        "{link}"
    );
}

/// Prints `html` to PDF with headless Chromium and returns `pdfinfo`'s report.
fn print_to_pdf(dir: &Path, html: &Path) -> String {
    let pdf = dir.join("cards.pdf");
    let profile = tempfile::TempDir::new().unwrap();
    let status = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "chromium: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    assert!(info.status.success());
    String::from_utf8(info.stdout).unwrap()
}

/// The card sheet of `record` printed to PDF, as `pdfinfo` reports it.
fn printed_card_sheet(record: &str) -> String {
    let output = Test::new()
        .record(record)
        .args([
            "render",
            "record.yaml",
            "--kind",
            "card",
            "--format",
            "print",
            "--out-dir",
            "print",
            "--guides",
        ])
        .any_stdout()
        .run();
    assert_eq!(output.stdout.trim(), "print/cards.html");
    print_to_pdf(&output.path("print"), &output.path("print/cards.html"))
}

#[test]
fn the_card_sheet_prints_one_card_per_card_sized_page() {
    let info = printed_card_sheet(&example("panel"));
    assert!(info.contains("\nPages:           3\n"), "{info}");
    assert!(
        info.contains("\nPage size:       396 x 306 pts\n"),
        "5.5 x 4.25 in: {info}"
    );
}

#[test]
fn a_british_card_sheet_prints_on_a6() {
    let info = printed_card_sheet(&example("london"));
    assert!(info.contains("\nPages:           2\n"), "{info}");
    assert!(
        info.contains("\nPage size:       420 x 298.08 pts\n"),
        "148 x 105 mm: {info}"
    );
}

#[test]
fn a_card_too_long_for_its_page_is_a_warning_and_really_overflows() {
    let long = example("single").replace(
        "      - cutting flour waste on the weekend bake\n",
        "      - cutting flour waste on the weekend bake by moving the sourdough starter feeding schedule, re-weighing every batch on the new scales, and tracking what goes unsold at each of the three counters across the whole week so that the Monday order can be trimmed before it is placed with the mill\n",
    );
    let output = Test::new()
        .record(&long)
        .args([
            "render",
            "record.yaml",
            "--kind",
            "card",
            "--format",
            "print",
            "--out-dir",
            "print",
        ])
        .any_stderr()
        .any_stdout()
        .run();
    assert!(
        output.stderr.contains("warning: the card to Tom Brennan needs 16 lines, more than the 13 that fit on a printed card; shorten it"),
        "{}",
        output.stderr
    );
    let info = print_to_pdf(&output.path("print"), &output.path("print/cards.html"));
    assert!(
        info.contains("\nPages:           1\n"),
        "the page clips rather than spills: {info}"
    );
}
