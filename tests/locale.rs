//! Written where the candidate lives: spelling, list commas and dates by
//! locale, in every output.

use crate::test::{EXAMPLES, Test, example, render, with_tone};

/// `record` written in `locale`.
fn in_locale(record: &str, locale: &str) -> String {
    let mut written = String::new();
    for line in record.lines().filter(|line| !line.starts_with("locale:")) {
        written.push_str(line);
        written.push('\n');
    }
    written.push_str(&format!("locale: {locale}\n"));
    written
}

/// Words spelt the US way, as the built-in pools could use them; none may
/// appear in a draft written in British spelling.
const AMERICAN: &[&str] = &[
    "honor",
    "honored",
    "honoring",
    "favorite",
    "favorable",
    "favor",
    "color",
    "behavior",
    "endeavor",
    "labor",
    "neighbor",
    "rumor",
    "humor",
    "center",
    "organized",
    "organize",
    "organization",
    "realized",
    "realize",
    "recognized",
    "recognize",
    "energized",
    "energize",
    "prioritize",
    "emphasize",
    "specialize",
    "apologize",
    "summarize",
    "analyze",
    "minimize",
    "maximize",
    "traveled",
    "traveling",
    "canceled",
    "judgment",
    "fulfill",
    "enrollment",
    "skillful",
];

#[test]
fn british_drafts_use_no_american_spelling() {
    assert!(AMERICAN.len() >= 30);
    for name in EXAMPLES {
        for tone in ["warm", "formal"] {
            let record = in_locale(&with_tone(&example(name), tone), "en-GB");
            let record_text = record.to_lowercase();
            let drafts = render(&record, &["render", "-", "--format", "text"]);
            for word in drafts
                .split(|c: char| !c.is_alphabetic())
                .map(str::to_lowercase)
            {
                // The candidate's own words stay as they wrote them.
                assert!(
                    !AMERICAN.contains(&word.as_str()) || record_text.contains(&word),
                    "{name} ({tone}): US spelling `{word}` in an en-GB draft"
                );
            }
        }
    }
    // The pools do use such words: "honored" becomes "honoured".
    let academic = example("academic");
    let cards = |record: &str| {
        render(
            record,
            &["render", "-", "--kind", "card", "--format", "text"],
        )
    };
    assert!(cards(&academic).contains("I would be honored to join you"));
    assert!(cards(&in_locale(&academic, "en-GB")).contains("I would be honoured to join you"));
    assert!(cards(&in_locale(&academic, "en-CA")).contains("I would be honoured to join you"));
}

#[test]
fn lists_take_a_serial_comma_only_in_the_us_and_canada() {
    let panel = example("panel");
    for (locale, expected) in [
        ("en-US", "Priya Shah, Marcus Bell, and Elena Rossi"),
        ("en-CA", "Priya Shah, Marcus Bell, and Elena Rossi"),
        ("en-GB", "Priya Shah, Marcus Bell and Elena Rossi"),
        ("en-AU", "Priya Shah, Marcus Bell and Elena Rossi"),
        ("en-IN", "Priya Shah, Marcus Bell and Elena Rossi"),
    ] {
        let checkin = render(
            &in_locale(&panel, locale),
            &[
                "render", "-", "--kind", "checkin", "--step", "1", "--format", "text",
            ],
        );
        assert!(checkin.contains(expected), "{locale}:\n{checkin}");
    }
}

#[test]
fn dates_read_as_the_locale_writes_them_in_every_output() {
    let panel = example("panel");
    let british = in_locale(&panel, "en-GB");
    // Drafts: headers and the text of the check-in.
    let drafts = render(&british, &["render", "-", "--format", "text"]);
    assert!(
        drafts.contains("(send on Thursday 19 November)"),
        "{drafts}"
    );
    assert!(drafts.contains("decide by 4 December"), "{drafts}");
    let american = render(&panel, &["render", "-", "--format", "text"]);
    assert!(american.contains("(send on Thursday, November 19)"));
    // The schedule, `next` and the card sheet.
    Test::new()
        .record(&british)
        .args(["schedule", "record.yaml"])
        .stdout_contains("Thursday 19 November  send email")
        .run();
    Test::new()
        .record(&british)
        .args(["next", "record.yaml", "--today", "2026-11-20"])
        .stdout_contains("Due by Friday 20 November, oldest first:")
        .run();
    Test::new()
        .record(&british)
        .args([
            "render",
            "record.yaml",
            "--kind",
            "card",
            "--format",
            "print",
        ])
        .stdout_contains("Mail on Friday 20 November")
        .run();
    // The calendar's events.
    Test::new()
        .record(&british)
        .args(["schedule", "record.yaml", "--ics", "-"])
        .stdout_contains("interviewed Thursday 19 November")
        .run();
    // Canada writes dates as the US does.
    Test::new()
        .record(&in_locale(&panel, "en-CA"))
        .args(["schedule", "record.yaml"])
        .stdout_contains("Thursday, November 19  send email")
        .run();
}

#[test]
fn a_bad_locale_is_named() {
    Test::new()
        .record(&in_locale(&example("single"), "en-FR"))
        .args(["render", "record.yaml"])
        .status(1)
        .stderr_contains("`locale`: `en-FR` is not allowed here; use en-US, en-GB, en-CA, en-AU, en-NZ, en-IE, or en-IN")
        .run();
}

#[test]
fn check_says_when_the_locale_is_not_the_candidates_english() {
    let london = example("single")
        .replace(
            "  email: maya.okafor@example.com",
            "  email: maya.okafor@example.com\n  phone: \"+44 20 7946 0018\"",
        )
        .replace(
            "cutting flour waste on the weekend bake",
            "how to stabilise the weekend rota",
        );
    Test::new()
        .record(&london)
        .args(["check", "record.yaml", "--today", "2026-11-25"])
        .status(0)
        .stderr(
            "record.yaml: warning: your phone number +44 20 7946 0018 is from the UK, but the drafts are written in en-US; add `locale: en-GB` to spell and date them as you would\n\
             record.yaml: warning: your notes spell the British way (“stabilise”), but the drafts are written in en-US; add `locale: en-GB` (or en-AU, en-NZ, en-IE, en-IN) so the drafts match\n\
             note: 1 record checked: 0 errors, 2 warnings\n",
        )
        .run();
    Test::new()
        .record(&in_locale(&london, "en-GB"))
        .args(["check", "record.yaml", "--today", "2026-11-25"])
        .stderr("note: 1 record checked: 0 errors, 0 warnings\n")
        .run();
}

#[test]
fn the_config_folder_sets_the_locale_for_every_record_that_does_not() {
    let panel = example("panel");
    let header = |record: &str| -> String {
        Test::new()
            .file("no-config/thankyou/config.yaml", b"locale: en-GB\n")
            .record(record)
            .args(["schedule", "record.yaml"])
            .any_stdout()
            .run()
            .stdout
            .lines()
            .nth(1)
            .unwrap()
            .to_owned()
    };
    assert!(header(&panel).starts_with("Thursday 19 November"));
    // The record wins.
    assert!(header(&in_locale(&panel, "en-US")).starts_with("Thursday, November 19"));
    Test::new()
        .file(
            "no-config/thankyou/config.yaml",
            b"locale: en-GB\nlocal: x\n",
        )
        .record(&panel)
        .args(["schedule", "record.yaml"])
        .status(1)
        .stderr_contains("config.yaml:2:1: unknown field `local`; did you mean `locale`?")
        .run();
}

#[test]
fn british_honorifics_drop_the_full_stop() {
    let formal = in_locale(&example("formal"), "en-GB");
    let email = render(
        &formal,
        &[
            "render", "-", "--kind", "email", "--to", "Marsh", "--format", "text",
        ],
    );
    assert!(email.contains("Dear Dr Marsh,"), "{email}");
    let checkin = render(
        &formal,
        &[
            "render", "-", "--kind", "checkin", "--step", "1", "--format", "text",
        ],
    );
    assert!(checkin.contains("Dear Ms Castellanos,"), "{checkin}");
    assert!(
        checkin.contains("meeting Dr Marsh and Mr Pike"),
        "{checkin}"
    );
    assert!(checkin.contains("Yours sincerely,"), "{checkin}");
    // Names as the schedule, the headers and the mail show them, though
    // the record writes "Dr. Helen Marsh" (and `asked_by` still finds her).
    Test::new()
        .record(&formal)
        .args(["schedule", "record.yaml"])
        .stdout_contains("send email         Dr Helen Marsh\n")
        .run();
    Test::new()
        .record(&formal)
        .args([
            "render",
            "record.yaml",
            "--kind",
            "email",
            "--to",
            "Dr. Helen Marsh",
            "--format",
            "eml",
        ])
        .stdout_contains("To: \"Dr Helen Marsh\" <helen.marsh@haldenpike.example>")
        .run();
    // In the US and Canada the full stop stays.
    let american = render(
        &example("formal"),
        &[
            "render", "-", "--kind", "email", "--to", "Marsh", "--format", "text",
        ],
    );
    assert!(american.contains("Dear Dr. Marsh,"));
}
