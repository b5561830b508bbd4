//! The applications page of `thankyou serve`, over HTTP: every record in
//! the folder with what `next` says is due, and "New interview", which
//! writes the record `thankyou new` writes.

use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::{Value, json};
use tempfile::TempDir;

use crate::server::Server;

/// The day the harness plans for.
const TODAY: &str = "2026-11-25";

/// The answers of `tests/new.rs`'s interview, as the page's form sends them.
fn northwind() -> Value {
    json!({
        "company": "Northwind Traders", "role": "Senior Data Engineer",
        "date": "2026-11-19", "medium": "video",
        "people": [
            {"name": "Priya Shah", "title": "Engineering Manager",
             "email": "priya.shah@northwind.example",
             "topics": ["moving the nightly batch jobs to a streaming pipeline",
                        "how the team splits on-call, and why"]},
            {"name": "Marcus Bell", "title": "Staff Data Engineer", "email": "",
             "topics": ["the schema registry you built for the order events"]}],
        "questions": [
            {"question": "How would you partition the events table?",
             "asked_by": "Priya Shah",
             "answer": "I would partition it by event date, with a daily compaction job."}],
        "recruiter": {"name": "Sam Ortiz", "email": "sam.ortiz@northwind.example",
                      "decision_date": "2026-12-04"},
        "tone": "formal",
        "candidate": {"name": "Jordan Lee", "email": "jordan.lee@example.com",
                      "phone": "+1 312 555 0142"},
        "file": null
    })
}

/// `GET path`, as JSON, with its status.
fn get(server: &Server, path: &str) -> (u16, Value) {
    let mut response = Server::client().get(&server.url(path)).call().unwrap();
    let body = response.body_mut().read_to_string().unwrap();
    (
        response.status().as_u16(),
        serde_json::from_str(&body).unwrap(),
    )
}

/// `POST /api/records` with `form`, from the page's own origin.
fn post(server: &Server, form: &Value) -> (u16, Value) {
    let mut response = Server::client()
        .post(&server.url("/api/records"))
        .header("Origin", &server.origin)
        .header("Content-Type", "application/json")
        .send(form.to_string().as_str())
        .unwrap();
    let body = response.body_mut().read_to_string().unwrap();
    (
        response.status().as_u16(),
        serde_json::from_str(&body).unwrap(),
    )
}

/// The files in the folder served, but its empty config folder, sorted.
fn records_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "no-config")
        .collect();
    names.sort();
    names
}

/// A folder of the bundled examples, and records that show every other
/// state: one due today, one waiting, one closed, one broken; with a
/// hidden record and a symlink to a record outside, which are not listed.
fn every_state(outside: &Path) -> TempDir {
    let folder = TempDir::new().unwrap();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    for entry in fs::read_dir(&examples).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, folder.path().join(path.file_name().unwrap())).unwrap();
    }
    let single = fs::read_to_string(examples.join("single.yaml")).unwrap();
    let write = |name: &str, text: &str| fs::write(folder.path().join(name), text).unwrap();
    write(
        "today.yaml",
        &single
            .replace("2026-11-21", "2026-11-25")
            .replace("Riverside", "Today"),
    );
    write("ahead.yml", &single.replace("2026-11-21", "2026-11-28"));
    write("closed.yaml", &format!("{single}status: rejected\n"));
    write("broken.yaml", "company: Broken\nrole: [\n");
    write(".hidden.yaml", &single);
    fs::write(outside.join("elsewhere.yaml"), &single).unwrap();
    std::os::unix::fs::symlink(
        outside.join("elsewhere.yaml"),
        folder.path().join("out.yaml"),
    )
    .unwrap();
    folder
}

/// What `thankyou next` says of each record in `folder`: the actions due
/// with whether each is late, per file; and its quiet lines.
fn next_in(folder: &Path) -> (Vec<(String, String, bool)>, Vec<String>, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_thankyou"))
        .args(["next", ".", "--today", TODAY])
        .current_dir(folder)
        .env("XDG_CONFIG_HOME", folder.join("no-config"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    let mut due = Vec::new();
    for (at, line) in lines.iter().enumerate() {
        let Some((when, action)) = line.split_once("): ") else {
            continue;
        };
        if line.starts_with(' ') {
            continue;
        }
        let command = lines[at + 2].trim();
        let file = command
            .strip_prefix("thankyou render ")
            .and_then(|rest| rest.split_whitespace().next())
            .unwrap();
        due.push((
            file.to_owned(),
            action.to_owned(),
            !when.ends_with("(today"),
        ));
    }
    let quiet = stdout
        .split_once("Nothing due now:\n")
        .map(|(_, quiet)| quiet.lines().map(|line| line.trim().to_owned()).collect())
        .unwrap_or_default();
    (due, quiet, String::from_utf8(output.stderr).unwrap())
}

#[test]
fn every_record_is_listed_with_what_next_says_is_due_newest_first() {
    let outside = TempDir::new().unwrap();
    let folder = every_state(outside.path());
    let (next_due, quiet, next_errors) = next_in(folder.path());
    let server = Server::in_folder(folder, &["--today", TODAY]);
    let (status, listed) = get(&server, "/api/records");
    assert_eq!(status, 200, "{listed}");
    assert_eq!(listed["today"], TODAY);
    let records = listed["records"].as_array().unwrap();

    let files: Vec<&str> = records
        .iter()
        .map(|r| r["file"].as_str().unwrap())
        .collect();
    for name in ["academic.yaml", "ahead.yml", "closed.yaml", "broken.yaml"] {
        assert!(files.contains(&name), "{name} in {files:?}");
    }
    assert!(!files.contains(&".hidden.yaml"), "{files:?}");
    assert!(!files.contains(&"out.yaml"), "{files:?}");
    assert_eq!(files.last(), Some(&"broken.yaml"), "an invalid record last");
    let dates: Vec<&str> = records
        .iter()
        .filter_map(|r| r["interview_date"].as_str())
        .collect();
    assert_eq!(dates.len(), records.len() - 1);
    assert!(
        dates.windows(2).all(|w| w[0] >= w[1]),
        "newest first: {dates:?}"
    );

    for record in records {
        let file = record["file"].as_str().unwrap();
        let state = record["state"].as_str().unwrap();
        let due: Vec<(&str, bool)> = next_due
            .iter()
            .filter(|(name, _, _)| name == file)
            .map(|(_, action, late)| (action.as_str(), *late))
            .collect();
        let listed_due: Vec<&str> = record["due"]
            .as_array()
            .unwrap()
            .iter()
            .map(|step| step["action"].as_str().unwrap())
            .collect();
        let next_actions: Vec<&str> = due.iter().map(|(action, _)| *action).collect();
        assert_eq!(listed_due, next_actions, "{file}");
        let expected = match state {
            "overdue" => due.iter().any(|(_, late)| *late),
            "due" => !due.is_empty() && due.iter().all(|(_, late)| !*late),
            "waiting" => {
                let action = record["next"]["action"].as_str().unwrap();
                due.is_empty()
                    && quiet
                        .iter()
                        .any(|line| line.starts_with(&format!("{file}: next, {action} on ")))
            }
            "done" => {
                let stopped = record["stopped"].as_str().unwrap();
                quiet.contains(&format!("{file}: {stopped}"))
            }
            "invalid" => {
                let error = record["error"].as_str().unwrap();
                let (_, words) = error.split_once(": ").unwrap();
                next_errors.contains(&format!("./{file}:")) && next_errors.contains(words)
            }
            other => panic!("{file}: no such state {other}"),
        };
        assert!(
            expected,
            "{file} is {state}: {record}\nnext: {due:?} {quiet:?}"
        );
    }
    let state_of = |file: &str| {
        let record = records.iter().find(|r| r["file"] == file).unwrap();
        record["state"].as_str().unwrap().to_owned()
    };
    assert_eq!(state_of("academic.yaml"), "overdue");
    assert_eq!(state_of("today.yaml"), "due");
    assert_eq!(state_of("ahead.yml"), "waiting");
    assert_eq!(state_of("closed.yaml"), "done");
    assert_eq!(state_of("broken.yaml"), "invalid");
}

#[test]
fn a_file_the_page_cannot_open_is_listed_and_says_why() {
    let server = Server::with_examples(&["single"]);
    fs::write(server.path("broken.yaml"), "company: Broken\nrole: [\n").unwrap();
    fs::write(server.path("latin1.yaml"), b"company: Caf\xe9\n").unwrap();
    fs::write(server.path("-rf.yaml"), "company: Dashed\n").unwrap();
    let (status, listed) = get(&server, "/api/records");
    assert_eq!(status, 200, "{listed}");
    let record = |file: &str| {
        listed["records"]
            .as_array()
            .unwrap()
            .iter()
            .find(|record| record["file"] == file)
            .unwrap_or_else(|| panic!("{file} in {listed}"))
            .clone()
    };
    assert_eq!(record("single.yaml")["editable"], true);
    // A mistake the record's page can correct.
    assert_eq!(
        (
            &record("broken.yaml")["state"],
            &record("broken.yaml")["editable"]
        ),
        (&json!("invalid"), &json!(true))
    );
    let latin1 = record("latin1.yaml");
    assert_eq!(
        (&latin1["state"], &latin1["editable"]),
        (&json!("invalid"), &json!(false))
    );
    assert!(
        latin1["error"].as_str().unwrap().contains("not UTF-8"),
        "{latin1}"
    );
    let dashed = record("-rf.yaml");
    assert_eq!(
        (&dashed["state"], &dashed["editable"]),
        (&json!("invalid"), &json!(false))
    );
    assert_eq!(
        dashed["error"],
        "this page cannot open a file with this name; to open it here, rename it: give a name \
         that does not begin with a dash, which commands would take for an option."
    );
}

#[test]
fn an_empty_folder_lists_nothing_and_the_config_knows_no_candidate() {
    let server = Server::with_examples(&[]);
    assert_eq!(
        get(&server, "/api/records"),
        (200, json!({"today": TODAY, "records": []}))
    );
    let (status, config) = get(&server, "/api/config");
    assert_eq!(status, 200);
    assert_eq!(config, json!({"candidate_known": false, "tone": null}));
}

#[test]
fn a_new_interview_writes_the_record_new_writes_and_check_passes() {
    let server = Server::with_examples(&[]);
    let (status, answer) = post(&server, &northwind());
    assert_eq!(status, 201, "{answer}");
    let file = "northwind-traders-2026-11-19.yaml";
    assert_eq!(answer, json!({"file": file}));
    let written = fs::read_to_string(server.path(file)).unwrap();
    let snapshot = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(
            "tests/snapshots/integration__new__answers_become_a_commented_record_that_checks_and_renders.snap",
        ),
    )
    .unwrap();
    let (_, from_new) = snapshot.split_once("\n---\n").unwrap();
    assert_eq!(written.trim_end(), from_new.trim_end());

    let check = Command::new(env!("CARGO_BIN_EXE_thankyou"))
        .args(["check", file])
        .current_dir(server.folder.path())
        .env("XDG_CONFIG_HOME", server.path("no-config"))
        .output()
        .unwrap();
    assert!(check.status.success(), "{check:?}");

    let (status, listed) = get(&server, "/api/records");
    assert_eq!(status, 200);
    assert_eq!(listed["records"][0]["file"], file);
}

#[test]
fn a_second_interview_with_the_same_company_and_date_keeps_the_first() {
    let server = Server::with_examples(&[]);
    assert_eq!(post(&server, &northwind()).0, 201);
    let file = server.path("northwind-traders-2026-11-19.yaml");
    let first = fs::read_to_string(&file).unwrap();
    let mut second = northwind();
    second["role"] = json!("Staff Data Engineer");
    let (status, answer) = post(&server, &second);
    assert_eq!(status, 409, "{answer}");
    assert!(answer["error"].as_str().unwrap().contains("already exists"));
    assert_eq!(fs::read_to_string(&file).unwrap(), first);
}

#[test]
fn a_wrong_email_is_named_and_nothing_is_written() {
    let server = Server::with_examples(&[]);
    let mut form = northwind();
    form["people"][1]["email"] = json!("marcus@northwind");
    let (status, answer) = post(&server, &form);
    assert_eq!(status, 422, "{answer}");
    let error = answer["error"].as_str().unwrap();
    assert!(
        error.starts_with("Person 2, work email: marcus@northwind is not an email address"),
        "{error}"
    );
    assert_eq!(
        answer["problems"][0]["field"], "people[1].email",
        "{answer}"
    );
    assert_eq!(records_in(server.folder.path()), Vec::<String>::new());
}

#[test]
fn a_file_name_outside_the_folder_is_refused() {
    let outer = TempDir::new().unwrap();
    let folder = TempDir::new_in(outer.path()).unwrap();
    let server = Server::in_folder(folder, &["--today", TODAY]);
    for name in ["../x.yaml", "sub/x.yaml", ".x.yaml", "x.txt", "/tmp/x.yaml"] {
        let mut form = northwind();
        form["file"] = json!(name);
        let (status, answer) = post(&server, &form);
        assert_eq!(status, 422, "{name}: {answer}");
        assert!(
            answer["error"]
                .as_str()
                .unwrap()
                .starts_with("File name: give a name"),
            "{answer}"
        );
        assert_eq!(answer["problems"][0]["field"], "file", "{answer}");
    }
    let mut beside: Vec<_> = fs::read_dir(outer.path()).unwrap().collect();
    assert_eq!(beside.len(), 1, "only the folder served: {beside:?}");
    assert!(beside.pop().unwrap().unwrap().path().is_dir());
    assert_eq!(records_in(server.folder.path()), Vec::<String>::new());

    let mut form = northwind();
    form["file"] = json!("mine.yaml");
    assert_eq!(post(&server, &form), (201, json!({"file": "mine.yaml"})));
    assert!(server.path("mine.yaml").is_file());
}

#[test]
fn the_applications_page_loads_its_style_and_script() {
    let server = Server::with_examples(&[]);
    let mut page = Server::client().get(&server.url("/")).call().unwrap();
    let html = page.body_mut().read_to_string().unwrap();
    for asset in [
        "/static/style.css",
        "/static/applications.css",
        "/static/index.js",
    ] {
        assert!(html.contains(asset), "{asset} in {html}");
        let response = Server::client().get(&server.url(asset)).call().unwrap();
        assert_eq!(response.status(), 200, "{asset}");
    }
    for hook in [
        "id=\"records\"",
        "id=\"new-interview\"",
        "id=\"new-form\"",
        "id=\"add-person\"",
    ] {
        assert!(html.contains(hook), "{hook}");
    }
    assert!(
        !html.contains("<script>") && !html.contains(" style="),
        "no inline code"
    );
}

#[test]
fn a_config_that_knows_the_candidate_spares_those_answers() {
    let folder = TempDir::new().unwrap();
    let config = folder.path().join("no-config/thankyou");
    fs::create_dir_all(&config).unwrap();
    fs::write(
        config.join("config.yaml"),
        "candidate:\n  name: Jordan Lee\n  email: jordan.lee@example.com\ntone: formal\n",
    )
    .unwrap();
    let server = Server::in_folder(folder, &["--today", TODAY]);
    assert_eq!(
        get(&server, "/api/config"),
        (200, json!({"candidate_known": true, "tone": "formal"}))
    );
    let mut form = northwind();
    form["candidate"] = Value::Null;
    form["tone"] = Value::Null;
    assert_eq!(post(&server, &form).0, 201);
    let written = fs::read_to_string(server.path("northwind-traders-2026-11-19.yaml")).unwrap();
    assert!(!written.contains("\ncandidate:"), "{written}");
    assert!(written.contains("\ntone: formal "), "{written}");
}

#[test]
fn every_wrong_answer_is_named_beside_its_field_in_the_order_of_the_form() {
    let server = Server::with_examples(&[]);
    let mut form = northwind();
    form["company"] = json!("  ");
    form["date"] = Value::Null;
    form["people"][0]["email"] = json!("priya at northwind");
    // The first question is left empty: the second keeps its place.
    form["questions"] = json!([
        {"question": null, "asked_by": null, "answer": null},
        {"question": "Why Kafka?", "asked_by": "Sam Ortiz", "answer": null}]);
    form["tone"] = json!("chummy");
    let (status, answer) = post(&server, &form);
    assert_eq!(status, 422, "{answer}");
    let problems = answer["problems"].as_array().unwrap();
    let fields: Vec<&str> = problems
        .iter()
        .map(|problem| problem["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "company",
            "date",
            "people[0].email",
            "questions[1].asked_by",
            "tone"
        ],
        "{answer}"
    );
    let messages: Vec<&str> = problems
        .iter()
        .map(|problem| problem["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages[..2],
        [
            "Company: write the company that interviewed you.",
            "Interview date: pick the day of the interview."
        ]
    );
    assert!(
        messages[3].starts_with("Question 2, who asked it: Sam Ortiz is not one of the people"),
        "{messages:?}"
    );
    for message in &messages {
        assert!(message.starts_with(char::is_uppercase), "{message}");
        assert!(message.ends_with('.'), "{message}");
        assert!(!message.contains('`'), "{message}");
    }
    assert_eq!(answer["error"], messages.join("\n"));
    assert_eq!(records_in(server.folder.path()), Vec::<String>::new());

    // What only the record's checker knew, the form names too, each at
    // its field.
    let mut form = northwind();
    form["people"][1]["name"] = json!("Priya Shah");
    form["questions"] = json!([]);
    form["recruiter"]["decision_date"] = json!("2026-11-12");
    let (status, answer) = post(&server, &form);
    assert_eq!(status, 422, "{answer}");
    assert_eq!(
        answer["problems"],
        json!([
            {"field": "people[1].name",
             "message": "Person 2, name: Person 1 is named Priya Shah too; give each person \
                         a different name, with an initial if two share one."},
            {"field": "recruiter.decision_date",
             "message": "Recruiter, decision day: Thursday, November 12, 2026 is before the \
                         interview on Thursday, November 19, 2026; pick the day of the \
                         interview or a later one."}
        ]),
        "{answer}"
    );
    assert_eq!(records_in(server.folder.path()), Vec::<String>::new());
}

#[test]
fn a_file_name_a_command_would_misread_or_that_hides_characters_is_refused() {
    let server = Server::with_examples(&[]);
    for (name, why) in [
        ("-rf.yaml", "does not begin with a dash"),
        ("a\u{202e}lmay.yaml", "without invisible characters"),
        ("zero\u{200b}width.yaml", "without invisible characters"),
    ] {
        let mut form = northwind();
        form["file"] = json!(name);
        let (status, answer) = post(&server, &form);
        assert_eq!(status, 422, "{name:?}: {answer}");
        assert_eq!(answer["problems"][0]["field"], "file");
        let message = answer["problems"][0]["message"].as_str().unwrap();
        assert!(
            message.starts_with("File name: give a name") && message.contains(why),
            "{name:?}: {message}"
        );
    }
    assert_eq!(records_in(server.folder.path()), Vec::<String>::new());

    // Such a file put there by hand is not opened; the list names it as
    // one the page cannot open, and never reads it.
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/single.yaml"),
        server.path("-rf.yaml"),
    )
    .unwrap();
    let listed = get(&server, "/api/records").1;
    assert_eq!(
        (
            &listed["records"][0]["file"],
            &listed["records"][0]["editable"],
            &listed["records"][0]["company"]
        ),
        (&json!("-rf.yaml"), &json!(false), &Value::Null),
        "{listed}"
    );
    let response = Server::client()
        .get(&server.url("/api/record/-rf.yaml"))
        .call()
        .unwrap();
    assert_eq!(response.status(), 404);
}

#[test]
fn the_command_in_the_comment_of_an_oddly_named_record_runs() {
    let server = Server::with_examples(&[]);
    let mut form = northwind();
    form["file"] = json!("#1 northwind (final).yaml");
    let (status, answer) = post(&server, &form);
    assert_eq!(status, 201, "{answer}");
    let text = fs::read_to_string(server.path("#1 northwind (final).yaml")).unwrap();
    let command = text
        .lines()
        .find_map(|line| line.strip_prefix("# then run: "))
        .unwrap();
    assert_eq!(command, "thankyou render '#1 northwind (final).yaml'");
    let bin = Path::new(env!("CARGO_BIN_EXE_thankyou")).parent().unwrap();
    let output = Command::new("sh")
        .args(["-c", command])
        .current_dir(server.folder.path())
        .env(
            "PATH",
            format!("{}:{}", bin.display(), std::env::var("PATH").unwrap()),
        )
        .env("XDG_CONFIG_HOME", server.path("no-config"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("Priya"));
}
