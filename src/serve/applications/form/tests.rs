//! The form's answers checked one by one, without a server.

#![allow(clippy::unwrap_used)]

use super::*;

/// The form of `tests/new.rs`'s interview, as the page sends it.
fn northwind() -> Form {
    serde_json::from_str(
        r#"{"company": "Northwind Traders", "role": "Senior Data Engineer",
            "date": "2026-11-19", "medium": "video",
            "people": [
              {"name": "Priya Shah", "title": "Engineering Manager",
               "email": "priya.shah@northwind.example",
               "topics": ["moving the nightly batch jobs to a streaming pipeline",
                          "how the team splits on-call, and why", ""]},
              {"name": "Marcus Bell", "title": "Staff Data Engineer", "email": "",
               "topics": ["the schema registry you built for the order events"]}],
            "questions": [
              {"question": "How would you partition the events table?",
               "asked_by": "Priya Shah",
               "answer": "I would partition it by event date, with a daily compaction job."},
              {"question": "", "asked_by": "Priya Shah", "answer": ""}],
            "recruiter": {"name": "Sam Ortiz", "email": "sam.ortiz@northwind.example",
                          "decision_date": "2026-12-04"},
            "tone": "formal",
            "candidate": {"name": "Jordan Lee", "email": "jordan.lee@example.com",
                          "phone": "+1 312 555 0142"},
            "file": null}"#,
    )
    .unwrap()
}

#[test]
fn the_form_gives_the_answers_new_collects() {
    let answers = northwind().answers(&Settings::default()).unwrap();
    assert_eq!(answers.name.as_deref(), Some("Jordan Lee"));
    assert_eq!(answers.people.len(), 2);
    assert_eq!(answers.people[0].topics.len(), 2);
    assert_eq!(answers.people[1].email, None);
    assert_eq!(answers.questions.len(), 1);
    assert_eq!(answers.medium, "video");
    assert_eq!(answers.tone, "formal");
}

#[test]
fn a_wrong_answer_is_named_in_words() {
    let mut form = northwind();
    form.people[1].email = Some("marcus@northwind".into());
    let error = form.answers(&Settings::default()).unwrap_err();
    assert_eq!(error[0].field.as_deref(), Some("people[1].email"));
    assert!(
        error[0]
            .message
            .starts_with("Person 2, work email: marcus@northwind is not an email"),
        "{error:?}"
    );
    let mut form = northwind();
    form.questions[0].asked_by = Some("Sam Ortiz".into());
    let error = form.answers(&Settings::default()).unwrap_err();
    assert!(
        error[0]
            .message
            .starts_with("Question 1, who asked it: Sam Ortiz is not one"),
        "{error:?}"
    );
    let mut form = northwind();
    form.candidate = None;
    let error = form.answers(&Settings::default()).unwrap_err();
    assert_eq!(
        error,
        [Problem::at(
            "candidate.name",
            "Your name",
            "write your name; it signs every draft"
        )]
    );
}

#[test]
fn every_wrong_answer_is_named_in_the_order_of_the_form() {
    let mut form = northwind();
    form.company = Some(" ".into());
    form.date = None;
    form.people[0].name = None;
    form.people[1].email = Some("marcus at northwind".into());
    let error = form.answers(&Settings::default()).unwrap_err();
    let fields: Vec<&str> = error.iter().filter_map(|p| p.field.as_deref()).collect();
    assert_eq!(
        fields,
        [
            "company",
            "date",
            "people[0].name",
            "people[1].email",
            // Priya, who asked it, has no name on the form any more.
            "questions[0].asked_by"
        ]
    );
    for problem in &error {
        let message = &problem.message;
        assert!(message.starts_with(char::is_uppercase), "{message}");
        assert!(
            message.ends_with('.') && !message.contains('`'),
            "{message}"
        );
    }
    assert_eq!(
        error[0].message,
        "Company: write the company that interviewed you."
    );
}

#[test]
fn a_name_given_twice_and_a_decision_before_the_interview_are_named_at_their_fields() {
    let mut form = northwind();
    form.people[1].name = Some(" priya  shah ".into());
    form.recruiter.as_mut().unwrap().decision_date = Some("2026-11-18".into());
    let error = form.answers(&Settings::default()).unwrap_err();
    assert_eq!(
        error,
        [
            Problem::at(
                "people[1].name",
                "Person 2, name",
                "Person 1 is named priya shah too; give each person a different name, \
                 with an initial if two share one"
            ),
            Problem::at(
                "recruiter.decision_date",
                "Recruiter, decision day",
                "Wednesday, November 18, 2026 is before the interview on Thursday, \
                 November 19, 2026; pick the day of the interview or a later one"
            )
        ]
    );
}
