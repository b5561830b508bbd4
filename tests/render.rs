//! Snapshots of every draft of every example, in both tones and both formats.
//! Each was read as its recipient before it was accepted.

use crate::test::{EXAMPLES, example, fixture, render, with_tone};

#[test]
fn every_example_in_every_tone_and_format() {
    for name in EXAMPLES {
        for tone in ["warm", "formal"] {
            let record = with_tone(&example(name), tone);
            for format in ["markdown", "text"] {
                let drafts = render(&record, &["render", "-", "--format", format]);
                insta::assert_snapshot!(format!("{name}_{tone}_{format}"), drafts);
            }
        }
    }
}

#[test]
fn a_record_with_only_required_fields() {
    for tone in ["warm", "formal"] {
        let record = with_tone(&fixture("minimal.yaml"), tone);
        let drafts = render(&record, &["render", "-", "--format", "text"]);
        insta::assert_snapshot!(format!("minimal_{tone}_text"), drafts);
    }
}

#[test]
fn record_text_is_never_markup() {
    let record = "\
candidate:
  name: Jordan Lee
company: Acme <b>Labs</b>
role: Engineer
interview_date: 2026-11-19
interviewers:
  - name: Priya Shah
    topics:
      - the *critical* path in `make_release` and [docs](http://x.example)
";
    let text = render(
        record,
        &["render", "-", "--kind", "email", "--format", "text"],
    );
    assert!(
        text.contains("the *critical* path in `make_release` and [docs](http://x.example)"),
        "{text}"
    );
    assert!(text.contains("Acme <b>Labs</b>"), "{text}");
    let markdown = render(record, &["render", "-", "--kind", "email"]);
    assert!(
        markdown
            .contains(r"the \*critical\* path in \`make_release\` and \[docs\](http://x.example)"),
        "{markdown}"
    );
}
