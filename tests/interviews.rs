//! Every kind of interview: phone and video, a screen with the recruiter
//! alone, formal greetings by honorific and surname, recipients named as
//! people type them, and a follow-up that remembers what was sent.

use crate::test::{Test, example, render, with_tone};

/// Every draft of `record` as text, split into (header, body) pairs.
fn drafts(record: &str, args: &[&str]) -> Vec<(String, String)> {
    let mut all = vec!["render", "-", "--format", "text"];
    all.extend_from_slice(args);
    let text = render(record, &all);
    if !text.starts_with("==> ") {
        // One draft selected: stdout holds it alone, with no header.
        return vec![(format!("the one draft for {args:?}"), text)];
    }
    let mut drafts: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if line.starts_with("==> ") {
            drafts.push((line.to_owned(), String::new()));
        } else if let Some((_, body)) = drafts.last_mut() {
            body.push_str(line);
            body.push('\n');
        }
    }
    drafts
}

/// Whether `text` speaks of meeting, in any form.
fn speaks_of_meeting(text: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic()).any(|word| {
        matches!(
            word.to_lowercase().as_str(),
            "meet" | "meets" | "met" | "meeting" | "meetings"
        )
    })
}

#[test]
fn phone_and_video_drafts_never_speak_of_meeting() {
    let panel_by_video = format!("{}medium: video\n", example("panel"));
    for (label, record) in [
        ("phone screen", example("phone-screen")),
        ("panel by video", panel_by_video),
    ] {
        for tone in ["warm", "formal"] {
            for (header, body) in drafts(&with_tone(&record, tone), &[]) {
                assert!(
                    !speaks_of_meeting(&body),
                    "{label} ({tone}), {header}:\n{body}"
                );
            }
        }
    }
    // One panellist by video among people met in person: their notes, and
    // the follow-ups about the whole panel, speak of a conversation.
    let academic = example("academic");
    for tone in ["warm", "formal"] {
        let record = with_tone(&academic, tone);
        for args in [
            &["--to", "Sanne van Dijk"][..],
            &["--kind", "checkin"],
            &["--kind", "closing"],
        ] {
            for (header, body) in drafts(&record, args) {
                assert!(
                    !speaks_of_meeting(&body),
                    "academic ({tone}), {header}:\n{body}"
                );
            }
        }
    }
}

#[test]
fn no_card_after_a_phone_call_or_for_card_false() {
    let cards = |record: &str| -> Vec<String> {
        let json = Test::new()
            .record(record)
            .args(["schedule", "record.yaml", "--json"])
            .any_stdout()
            .run()
            .stdout;
        let steps: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
        steps
            .iter()
            .filter(|step| step["kind"] == "card")
            .map(|step| step["to"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(cards(&example("phone-screen")).is_empty());
    assert_eq!(
        cards(&example("academic")),
        ["Richard Hale", "Ada Okonkwo", "Zoë Müller-Łukasiewicz"]
    );
    assert!(cards(&format!("{}cards: false\n", example("panel"))).is_empty());
    assert_eq!(
        cards(&format!("{}cards: true\n", example("phone-screen"))),
        ["Kim Tran"]
    );
    // `next` plans no card either: after the email, the first check-in is next.
    let record = format!(
        "{}log:\n  - date: 2026-11-24\n    sent: email\n    to: Kim Tran\n",
        example("phone-screen")
    );
    Test::new()
        .record(&record)
        .args(["next", "record.yaml", "--today", "2026-11-26"])
        .stdout(
            "Nothing is due by Thursday, November 26.\n\nNothing due now:\n    record.yaml: next, send check-in 1 to Kim Tran on Thursday, December 3\n",
        )
        .run();
}

#[test]
fn formal_greetings_use_the_honorific_and_surname_or_the_full_name() {
    let expected: &[(&str, &[(&str, &str)])] = &[
        (
            "academic",
            &[
                ("Richard Hale", "Dear Professor Hale,"),
                ("Ada Okonkwo", "Dear Dr. Okonkwo,"),
                (
                    "Zoë Müller-Łukasiewicz",
                    "Dear Professor Müller-Łukasiewicz,",
                ),
                ("Sanne van Dijk", "Dear Dr. van Dijk,"),
                ("María José García López", "Dear Ms. García López,"),
                ("Linda Park", "Dear Linda Park,"),
            ],
        ),
        (
            "formal",
            &[
                ("Dr. Helen Marsh", "Dear Dr. Marsh,"),
                ("Mr. Owen Pike", "Dear Mr. Pike,"),
                ("Ms. Ruth Castellanos", "Dear Ms. Castellanos,"),
            ],
        ),
        ("phone-screen", &[("Kim Tran", "Dear Kim Tran,")]),
        (
            "panel",
            &[
                ("Priya Shah", "Dear Priya Shah,"),
                ("Sam Ortiz", "Dear Sam Ortiz,"),
            ],
        ),
    ];
    for (name, people) in expected {
        let record = with_tone(&example(name), "formal");
        for (person, greeting) in *people {
            let drafts = drafts(&record, &["--to", person]);
            assert!(!drafts.is_empty(), "{name}: no draft to {person}");
            for (header, body) in drafts {
                assert!(
                    body.lines().any(|line| line == *greeting),
                    "{name}, {header}: expected {greeting}\n{body}"
                );
            }
        }
    }
    // Warm: first names, unless an honorific asks for more.
    let warm = with_tone(&example("academic"), "warm");
    let to_hale = drafts(&warm, &["--kind", "email", "--to", "Hale"]);
    assert!(to_hale[0].1.contains("Dear Professor Hale,"));
    let to_park = drafts(&warm, &["--kind", "checkin", "--step", "1"]);
    assert!(to_park[0].1.contains("Hi Linda,"));
}

#[test]
fn a_recruiter_who_interviewed_is_never_named_in_drafts_to_them() {
    for tone in ["warm", "formal"] {
        let drafts = drafts(&with_tone(&example("phone-screen"), tone), &[]);
        assert_eq!(
            drafts.len(),
            4,
            "an email, two check-ins and a closing note"
        );
        for (header, body) in drafts {
            assert!(header.contains("to Kim Tran"), "{header}");
            let after_greeting: String = body
                .lines()
                .skip_while(|line| !line.starts_with("Hi ") && !line.starts_with("Dear "))
                .skip(1)
                .collect::<Vec<_>>()
                .join("\n");
            assert!(
                !after_greeting.contains("Kim") && !after_greeting.contains("Tran"),
                "{tone}, {header}:\n{body}"
            );
        }
    }
}

#[test]
fn a_recruiter_also_listed_as_an_interviewer_is_one_person() {
    let record = "\
candidate: {name: Jordan Lee}
company: Northwind Traders
role: Data Engineer
interview_date: 2026-11-19
recruiter:
  name: Kim Tran
  email: kim.tran@northwind.example
interviewers:
  - name: Kim Tran
    topics: [how the team splits on-call]
  - name: Priya Shah
    email: priya.shah@northwind.example
    topics: [the schema registry]
";
    let headers: Vec<String> = drafts(record, &[])
        .into_iter()
        .map(|(header, _)| header)
        .collect();
    let to_kim = headers
        .iter()
        .filter(|header| header.contains("to Kim Tran"))
        .count();
    assert_eq!(
        to_kim, 5,
        "an email, a card, two check-ins and a closing note: {headers:?}"
    );
    Test::new()
        .record(record)
        .args(["check", "record.yaml", "--today", "2026-11-25"])
        .stderr(
            "record.yaml:9: note: Kim Tran is both the recruiter and an interviewer: read as one person, who gets the thank-you notes and the check-ins\nnote: 1 record checked: 0 errors, 0 warnings\n",
        )
        .run();
}

#[test]
fn a_screen_with_the_recruiter_alone_needs_no_interviewers() {
    Test::new()
        .record(&example("phone-screen"))
        .args(["check", "record.yaml", "--today", "2026-11-25"])
        .stderr(
            "record.yaml:12: note: a screen with the recruiter alone: Kim Tran has topics, so is read as having interviewed you, and gets the thank-you email as well as the check-ins\nrecord.yaml:9: note: no cards are planned after a phone interview; set `cards: true` to send them\nnote: 1 record checked: 0 errors, 0 warnings\n",
        )
        .run();
    let nobody = "candidate: {name: Jordan Lee}\ncompany: Northwind\nrole: Analyst\ninterview_date: 2026-11-19\nrecruiter: {name: Kim Tran}\n";
    Test::new()
        .record(nobody)
        .args(["render", "record.yaml"])
        .status(1)
        .stderr("error: record.yaml: `interviewers`: list the people who interviewed you under `interviewers`, each with `name` and `topics`; for a screen with the recruiter alone, give the recruiter `topics` instead\n")
        .run();
}

#[test]
fn check_suggests_an_honorific_a_title_implies() {
    let record = with_tone(
        &example("academic").replace(
            "    honorific: Professor\n    title: Chair",
            "    title: Chair",
        ),
        "formal",
    );
    Test::new()
        .record(&record)
        .args(["check", "record.yaml", "--today", "2026-11-25"])
        .stderr(
            "record.yaml:16: warning: Richard Hale's title (Chair of the Department of Chemistry) suggests an honorific: add `honorific: Professor` to greet them \"Dear Professor Hale\" rather than by full name\nnote: 1 record checked: 0 errors, 1 warning\n",
        )
        .run();
}

#[test]
fn an_answer_sent_in_an_email_is_never_offered_again() {
    for name in ["panel", "formal", "academic", "phone-screen"] {
        for tone in ["warm", "formal"] {
            let record = with_tone(&example(name), tone);
            let parsed = thankyou::record::parse("r.yaml", record.as_bytes()).unwrap();
            let answered: Vec<&str> = parsed
                .unanswered_questions
                .iter()
                .filter(|question| question.answer.is_some())
                .map(|question| question.question.trim_end_matches(['?', '.']))
                .collect();
            for kind in ["checkin", "closing"] {
                for (header, body) in drafts(&record, &["--kind", kind]) {
                    for question in &answered {
                        assert!(
                            !body.contains(question),
                            "{name} ({tone}), {header}: offers `{question}` again"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn to_finds_people_as_they_are_typed() {
    let academic = example("academic");
    let greeting = |typed: &str| -> String {
        let draft = drafts(&academic, &["--kind", "email", "--to", typed]);
        assert_eq!(draft.len(), 1, "{typed}");
        draft[0]
            .1
            .lines()
            .find(|line| line.starts_with("Dear "))
            .unwrap()
            .to_owned()
    };
    for typed in ["zoe", "ZOË MÜLLER-ŁUKASIEWICZ", "muller-lukasiewicz", "Zoë"] {
        assert_eq!(
            greeting(typed),
            "Dear Professor Müller-Łukasiewicz,",
            "{typed}"
        );
    }
    assert_eq!(greeting("Okonkwo"), "Dear Dr. Okonkwo,");
    assert_eq!(greeting("garcia lopez"), "Dear Ms. García López,");
    let two_sams = example("panel").replace("  - name: Marcus Bell", "  - name: Sam Bell");
    Test::new()
        .record(&two_sams)
        .args(["render", "record.yaml", "--to", "sam"])
        .status(1)
        .stderr("error: --to: `sam` could be Sam Bell (interviewer) or Sam Ortiz (recruiter); write the full name\n")
        .run();
    Test::new()
        .record(&two_sams)
        .args(["log", "record.yaml", "--sent", "email", "--to", "Sam", "--date", "2026-11-19"])
        .status(1)
        .stderr("error: --to: `Sam` could be Sam Bell (interviewer) or Sam Ortiz (recruiter); write the full name\n")
        .expect_file("record.yaml", &two_sams)
        .run();
}

#[test]
fn log_records_several_people_at_once() {
    let record = example("academic");
    let output = Test::new()
        .record(&record)
        .args(["log", "record.yaml", "--sent", "card", "--to", "all", "--date", "2026-11-18"])
        .stdout("record.yaml: logged card sent to Richard Hale, Ada Okonkwo, and Zoë Müller-Łukasiewicz on Wednesday, November 18.\nSee what is due next with: thankyou next record.yaml\n")
        .run();
    let logged = std::fs::read_to_string(output.path("record.yaml")).unwrap();
    assert!(logged.ends_with("log:\n  - date: 2026-11-18\n    sent: card\n    to: Richard Hale\n  - date: 2026-11-18\n    sent: card\n    to: Ada Okonkwo\n  - date: 2026-11-18\n    sent: card\n    to: Zoë Müller-Łukasiewicz\n"), "{logged}");
}

#[test]
fn schedule_and_next_agree_once_the_application_is_closed() {
    for status in ["offer", "rejected", "withdrawn"] {
        let record = format!(
            "{}status: {status}\nlog:\n  - date: 2026-11-19\n    sent: email\n    to: Priya Shah\n",
            example("panel")
        );
        let reason = format!("the status is `{status}`, so there is nothing more to send");
        Test::new()
            .record(&record)
            .args(["next", "record.yaml", "--today", "2026-12-08"])
            .stdout(&format!("Nothing is due by Tuesday, December 8.\n\nNothing due now:\n    record.yaml: {reason}\n"))
            .run();
        Test::new()
            .record(&record)
            .args(["schedule", "record.yaml"])
            .stdout("WHEN                   WHAT        TO          DONE\nThursday, November 19  send email  Priya Shah  sent\n")
            .stderr(&format!("note: {reason}\n"))
            .run();
    }
}

#[test]
fn a_check_in_sent_early_moves_the_later_ones() {
    let record = format!(
        "{}log:\n  - date: 2026-12-01\n    sent: checkin\n    to: Sam Ortiz\n",
        example("panel")
    );
    let json = Test::new()
        .record(&record)
        .args(["schedule", "record.yaml", "--json"])
        .any_stdout()
        .run()
        .stdout;
    let steps: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let day = |kind: &str, step: Option<u64>| {
        steps
            .iter()
            .find(|one| one["kind"] == kind && one["step"].as_u64() == step)
            .map(|one| one["date"].as_str().unwrap().to_owned())
            .unwrap()
    };
    assert_eq!(
        day("checkin", Some(2)),
        "2026-12-08",
        "a week after the early check-in"
    );
    assert_eq!(day("closing", None), "2026-12-15");
}
