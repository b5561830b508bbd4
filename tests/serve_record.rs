//! A record's page over HTTP: the live preview of its drafts and its
//! mistakes, saving without losing anyone's work, marking a draft as sent
//! as `thankyou log` does, and the files it offers to download.

use std::fs;
use std::process::Command;

use serde_json::{Value, json};

use crate::server::Server;

/// The answer to a request: its status, headers we look at, and its body.
struct Answer {
    status: u16,
    content_type: String,
    disposition: String,
    policy: String,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|_| panic!("not JSON: {}", self.body))
    }
}

fn answer(mut response: ureq::http::Response<ureq::Body>) -> Answer {
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let (content_type, disposition, policy) = (
        header("content-type"),
        header("content-disposition"),
        header("content-security-policy"),
    );
    Answer {
        status: response.status().as_u16(),
        content_type,
        disposition,
        policy,
        body: response.body_mut().read_to_string().unwrap(),
    }
}

fn get(server: &Server, path: &str) -> Answer {
    answer(Server::client().get(&server.url(path)).call().unwrap())
}

fn post_json(server: &Server, path: &str, body: &Value) -> Answer {
    answer(
        Server::client()
            .post(&server.url(path))
            .header("Origin", &server.origin)
            .content_type("application/json")
            .send(body.to_string())
            .unwrap(),
    )
}

fn post_form(server: &Server, path: &str, fields: &[(&str, &str)]) -> Answer {
    answer(
        Server::client()
            .post(&server.url(path))
            .header("Origin", &server.origin)
            .send_form(fields.iter().copied())
            .unwrap(),
    )
}

fn example(name: &str) -> String {
    fs::read_to_string(format!(
        "{}/examples/{name}.yaml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn preview(server: &Server, text: &str) -> Value {
    let answer = post_json(
        server,
        "/api/preview",
        &json!({"file": "single.yaml", "text": text}),
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    answer.json()
}

fn thankyou(folder: &std::path::Path, args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_thankyou"))
        .args(args)
        .current_dir(folder)
        .env("XDG_CONFIG_HOME", folder.join("no-config"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_preview_shows_every_draft_on_the_day_schedule_gives() {
    let server = Server::with_examples(&["panel"]);
    let preview = preview(&server, &example("panel"));
    assert_eq!(preview["ok"], true, "{preview}");
    let schedule: Value = serde_json::from_str(&thankyou(
        server.folder.path(),
        &["schedule", "panel.yaml", "--json"],
    ))
    .unwrap();
    let planned: Vec<(String, String, String)> = schedule
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            (
                row["kind"].as_str().unwrap().to_owned(),
                row["to"].as_str().unwrap().to_owned(),
                row["date"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let shown: Vec<(String, String, String)> = preview["drafts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|draft| {
            (
                draft["kind"].as_str().unwrap().to_owned(),
                draft["to"].as_str().unwrap().to_owned(),
                draft["send_on"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(shown, planned);
    let email = &preview["drafts"][0];
    assert!(
        email["send_on_words"]
            .as_str()
            .unwrap()
            .contains("November"),
        "{email}"
    );
    assert!(
        email["html"].as_str().unwrap().starts_with("<p>"),
        "{email}"
    );
    assert!(
        email["mailto"].as_str().unwrap().starts_with("mailto:"),
        "{email}"
    );
}

#[test]
fn every_example_previews_without_a_mistake() {
    let server = Server::with_examples(&[]);
    for name in [
        "academic",
        "formal",
        "london",
        "panel",
        "phone-screen",
        "single",
    ] {
        let preview = preview(&server, &example(name));
        assert_eq!(preview["ok"], true, "{name}: {preview}");
        assert!(
            !preview["drafts"].as_array().unwrap().is_empty(),
            "{name}: {preview}"
        );
    }
}

#[test]
fn a_broken_record_shows_each_mistake_at_its_line() {
    let server = Server::with_examples(&[]);
    let text = example("single")
        .replace("interview_date: 2026-11-21", "interview_date: 2026-13-45")
        .replace(
            "email: tom@riversidebakehouse.example",
            "email: tom at riverside",
        );
    let preview = preview(&server, &text);
    assert_eq!(preview["ok"], false, "{preview}");
    assert_eq!(preview["drafts"], json!([]));
    let lines: Vec<u64> = preview["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|problem| problem["severity"] == "error")
        .map(|problem| problem["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [8, 12], "{preview}");
    let message = preview["problems"][1]["message"].as_str().unwrap();
    assert!(
        message.starts_with("the first interviewer's `email`"),
        "{message}"
    );
}

#[test]
fn markup_in_the_record_is_text_in_every_draft() {
    let server = Server::with_examples(&[]);
    let text = example("single")
        .replace(
            "company: Riverside Bakehouse",
            "company: \"<script>alert(1)</script> Bakehouse\"",
        )
        .replace(
            "opening a second shop on the east side",
            "<script>alert(1)</script> on the east side",
        );
    let preview = preview(&server, &text);
    assert_eq!(preview["ok"], true, "{preview}");
    let drafts = preview["drafts"].as_array().unwrap();
    let html: Vec<&str> = drafts
        .iter()
        .map(|draft| draft["html"].as_str().unwrap())
        .collect();
    assert!(
        html.iter().all(|html| !html.contains("<script")),
        "{html:?}"
    );
    assert!(
        html.iter().any(|html| html.contains("&lt;script&gt;")),
        "{html:?}"
    );
}

#[test]
fn a_save_writes_the_file_and_a_stale_one_changes_nothing() {
    let server = Server::with_examples(&["single"]);
    let loaded = get(&server, "/api/record/single.yaml").json();
    assert_eq!(loaded["text"], example("single"));
    let edited = example("single").replace("Owner", "Owner and head baker");
    let saved = post_json(
        &server,
        "/api/record/single.yaml",
        &json!({"text": edited, "version": loaded["version"]}),
    );
    assert_eq!(saved.status, 200, "{}", saved.body);
    assert_eq!(
        fs::read_to_string(server.path("single.yaml")).unwrap(),
        edited
    );
    assert_ne!(saved.json()["version"], loaded["version"]);

    let stale = post_json(
        &server,
        "/api/record/single.yaml",
        &json!({"text": "company: Mine\n", "version": loaded["version"]}),
    );
    assert_eq!(stale.status, 409, "{}", stale.body);
    assert_eq!(stale.json()["text"], edited);
    assert_eq!(stale.json()["version"], saved.json()["version"]);
    assert_eq!(
        fs::read_to_string(server.path("single.yaml")).unwrap(),
        edited
    );
}

#[test]
fn a_record_outside_the_folder_cannot_be_read_or_saved() {
    let server = Server::with_examples(&["single"]);
    assert_eq!(get(&server, "/api/record/..%2Fsingle.yaml").status, 404);
    let saved = post_json(
        &server,
        "/api/record/other.yaml",
        &json!({"text": "x", "version": "0"}),
    );
    assert_eq!(saved.status, 404);
    assert!(!server.path("other.yaml").exists());
}

#[test]
fn mark_as_sent_logs_what_thankyou_log_would() {
    let server = Server::with_examples(&["single"]);
    fs::copy(server.path("single.yaml"), server.path("copy.yml")).unwrap();
    thankyou(
        server.folder.path(),
        &[
            "log",
            "copy.yml",
            "--sent",
            "email",
            "--to",
            "Tom Brennan",
            "--date",
            "2026-11-25",
        ],
    );
    let loaded = get(&server, "/api/record/single.yaml").json();
    let logged = post_json(
        &server,
        "/api/record/single.yaml/log",
        &json!({"sent": "email", "to": "Tom Brennan", "version": loaded["version"]}),
    );
    assert_eq!(logged.status, 200, "{}", logged.body);
    let by_command = fs::read_to_string(server.path("copy.yml")).unwrap();
    assert_eq!(
        fs::read_to_string(server.path("single.yaml")).unwrap(),
        by_command
    );
    let logged = logged.json();
    assert_eq!(logged["text"], by_command);
    assert_eq!(
        logged["message"],
        "Logged email sent to Tom Brennan on Wednesday, November 25."
    );
    let email = &preview(&server, &by_command)["drafts"][0];
    assert_eq!(
        (&email["kind"], &email["sent"]),
        (&json!("email"), &json!(true))
    );

    let again = post_json(
        &server,
        "/api/record/single.yaml/log",
        &json!({"sent": "card", "to": "Tom Brennan", "version": loaded["version"]}),
    );
    assert_eq!(again.status, 409, "{}", again.body);
    assert_eq!(
        fs::read_to_string(server.path("single.yaml")).unwrap(),
        by_command
    );
}

#[test]
fn a_draft_downloads_as_a_message_and_the_plan_as_a_calendar() {
    let server = Server::with_examples(&[]);
    let text = example("single");
    let id = preview(&server, &text)["drafts"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let eml = post_form(
        &server,
        "/download/eml",
        &[("text", &text), ("file", "single.yaml"), ("draft", &id)],
    );
    assert_eq!(eml.status, 200, "{}", eml.body);
    assert_eq!(
        eml.disposition,
        "attachment; filename=\"email-tom-brennan.eml\""
    );
    assert!(
        eml.body
            .contains("To: \"Tom Brennan\" <tom@riversidebakehouse.example>"),
        "{}",
        eml.body
    );
    assert!(eml.body.contains("\r\nSubject: "), "{}", eml.body);

    let ics = post_form(
        &server,
        "/download/ics",
        &[("text", &text), ("file", "single.yaml")],
    );
    assert_eq!(ics.status, 200, "{}", ics.body);
    assert!(ics.body.starts_with("BEGIN:VCALENDAR"), "{}", ics.body);
    assert!(ics.content_type.starts_with("text/calendar"));
}

#[test]
fn the_print_sheet_has_its_style_and_no_script() {
    let server = Server::with_examples(&[]);
    let sheet = post_form(
        &server,
        "/download/print",
        &[("text", &example("single")), ("file", "single.yaml")],
    );
    assert_eq!(sheet.status, 200, "{}", sheet.body);
    assert!(
        sheet.body.contains("<section class=\"card\">"),
        "{}",
        sheet.body
    );
    assert!(
        sheet.policy.contains("style-src 'unsafe-inline'"),
        "{}",
        sheet.policy
    );
    assert!(!sheet.policy.contains("script-src"), "{}", sheet.policy);
    assert!(
        sheet.policy.starts_with("default-src 'none'"),
        "{}",
        sheet.policy
    );
}

/// Each draft's `due`, by its identifier, in the preview of `text`.
fn standing(server: &Server, text: &str) -> Vec<(String, String)> {
    let preview = preview(server, text);
    preview["drafts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|draft| {
            (
                draft["id"].as_str().unwrap().to_owned(),
                draft["due"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn each_draft_says_whether_it_is_overdue_due_today_later_or_sent() {
    let server = Server::with_examples(&[]);
    let single = example("single");
    // On 2026-11-25 the email (Nov 21) and the card (Nov 23) are late.
    let due = standing(&server, &single);
    let state_of = |due: &[(String, String)], id: &str| {
        due.iter()
            .find(|(draft, _)| draft == id)
            .map_or_else(|| panic!("{id} in {due:?}"), |(_, state)| state.clone())
    };
    assert_eq!(state_of(&due, "email-tom-brennan"), "overdue");
    assert_eq!(state_of(&due, "card-tom-brennan"), "overdue");
    assert_eq!(state_of(&due, "checkin-1-tom-brennan"), "later");

    let today = standing(
        &server,
        &single.replace("interview_date: 2026-11-21", "interview_date: 2026-11-25"),
    );
    assert_eq!(state_of(&today, "email-tom-brennan"), "today");

    let sent =
        format!("{single}log:\n  - date: 2026-11-22\n    sent: email\n    to: Tom Brennan\n");
    let shown = preview(&server, &sent);
    let email = &shown["drafts"][0];
    assert_eq!(
        (&email["due"], &email["sent_on"], &email["sent_on_words"]),
        (
            &json!("sent"),
            &json!("2026-11-22"),
            &json!("Sunday, November 22")
        ),
        "{email}"
    );
    assert_eq!(shown["stopped"], Value::Null);

    let closed = standing(&server, &format!("{single}status: rejected\n"));
    assert_eq!(state_of(&closed, "card-tom-brennan"), "stopped");
    let closed = preview(&server, &format!("{single}status: rejected\n"));
    assert!(
        closed["stopped"].as_str().unwrap().contains("rejected"),
        "{closed}"
    );
}

/// Marks the card to Tom Brennan as sent in `file`, as the page does,
/// and answers the log's answer.
fn mark_card_sent(server: &Server, file: &str) -> Value {
    let loaded = get(server, &format!("/api/record/{file}")).json();
    let logged = post_json(
        server,
        &format!("/api/record/{file}/log"),
        &json!({"sent": "card", "to": "tom brennan", "version": loaded["version"]}),
    );
    assert_eq!(logged.status, 200, "{}", logged.body);
    logged.json()
}

/// "Undo" of the mark that left `file` at `version`.
fn undo(server: &Server, file: &str, version: &Value) -> Answer {
    post_json(
        server,
        &format!("/api/record/{file}/unlog"),
        &json!({ "version": version }),
    )
}

#[test]
fn undo_gives_back_the_file_as_it_was_byte_for_byte() {
    let server = Server::with_examples(&["single"]);
    // A record the form writes, with `log: []` and its comment, and one
    // without a final newline.
    let created = post_json(
        &server,
        "/api/records",
        &json!({"company": "Fabrikam", "role": "Analyst", "date": "2026-11-21",
                "people": [{"name": "Tom Brennan"}],
                "candidate": {"name": "Jordan Lee"}}),
    );
    assert_eq!(created.status, 201, "{}", created.body);
    let from_form = created.json()["file"].as_str().unwrap().to_owned();
    let text = fs::read_to_string(server.path(&from_form)).unwrap();
    assert!(text.contains("log: []"), "{text}");
    fs::write(
        server.path("single.yaml"),
        example("single").trim_end_matches('\n'),
    )
    .unwrap();

    for file in [from_form.as_str(), "single.yaml"] {
        let original = fs::read(server.path(file)).unwrap();
        let logged = mark_card_sent(&server, file);
        assert_ne!(fs::read(server.path(file)).unwrap(), original);
        let undone = undo(&server, file, &logged["version"]);
        assert_eq!(undone.status, 200, "{file}: {}", undone.body);
        assert_eq!(fs::read(server.path(file)).unwrap(), original, "{file}");
        let undone = undone.json();
        assert_eq!(undone["text"].as_str().unwrap().as_bytes(), original);
        assert_eq!(
            undone["message"],
            "Removed from the log: card sent to Tom Brennan on Wednesday, November 25."
        );
        // Once taken back, there is nothing left to undo.
        assert_eq!(undo(&server, file, &logged["version"]).status, 422);
    }
}

#[test]
fn undo_after_the_file_changed_writes_nothing() {
    let server = Server::with_examples(&["single"]);
    let logged = mark_card_sent(&server, "single.yaml");
    let edited = format!("{}# a note of mine\n", logged["text"].as_str().unwrap());
    fs::write(server.path("single.yaml"), &edited).unwrap();
    let refused = undo(&server, "single.yaml", &logged["version"]);
    assert_eq!(refused.status, 409, "{}", refused.body);
    let refused = refused.json();
    assert_eq!(refused["text"], edited);
    assert!(
        refused["error"]
            .as_str()
            .unwrap()
            .starts_with("the record has changed since it was marked as sent"),
        "{refused}"
    );
    assert_eq!(
        fs::read_to_string(server.path("single.yaml")).unwrap(),
        edited
    );
}

#[test]
fn undo_takes_back_only_what_this_server_added() {
    let server = Server::with_examples(&["single"]);
    // An entry written by hand, exactly as "mark as sent" would write it.
    let logged = mark_card_sent(&server, "single.yaml");
    let by_hand = logged["text"].as_str().unwrap().to_owned();
    let first = undo(&server, "single.yaml", &logged["version"]);
    assert_eq!(first.status, 200, "{}", first.body);
    fs::write(server.path("single.yaml"), &by_hand).unwrap();
    let version = get(&server, "/api/record/single.yaml").json()["version"].clone();
    let refused = undo(&server, "single.yaml", &version);
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused.json()["error"]
            .as_str()
            .unwrap()
            .contains("take the entry out of the log in the editor"),
        "{}",
        refused.body
    );
    assert_eq!(
        fs::read_to_string(server.path("single.yaml")).unwrap(),
        by_hand
    );
}

#[test]
fn a_calendar_keeps_a_name_in_any_alphabet_for_the_browsers_that_can() {
    let server = Server::with_examples(&[]);
    let ics = post_form(
        &server,
        "/download/ics",
        &[("text", &example("single")), ("file", "café-面接.yaml")],
    );
    assert_eq!(ics.status, 200, "{}", ics.body);
    let (ascii, readable) = ics.disposition.split_once("; filename*=").unwrap();
    assert!(ascii.starts_with("attachment; filename=\""), "{ascii}");
    assert!(ascii.is_ascii(), "{ascii}");
    assert_eq!(readable, "UTF-8''caf%C3%A9-%E9%9D%A2%E6%8E%A5.ics");
}

#[test]
fn a_record_that_is_not_utf8_is_refused_in_plain_words() {
    let server = Server::with_examples(&[]);
    fs::write(server.path("latin1.yaml"), b"company: Caf\xe9\n").unwrap();
    let answer = get(&server, "/api/record/latin1.yaml");
    assert_eq!(answer.status, 422);
    assert_eq!(
        answer.json()["error"],
        "latin1.yaml is not UTF-8 text; save it as UTF-8 to open it here"
    );
}
