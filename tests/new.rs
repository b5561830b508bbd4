//! `thankyou new`: the interview asked in a real pseudo-terminal, answers
//! typed as a user types them, and the record it writes read back by
//! `check` and `render`.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use expectrl::process::unix::{Signal, WaitStatus};
use expectrl::session::OsSession as Session;
use expectrl::{Eof, Expect};
use tempfile::TempDir;

use crate::test::{Folder, Test};

/// The down-arrow key, as a terminal sends it.
const DOWN: &str = "\x1b[B";

/// A `thankyou new` session in `dir`, in a terminal of its own.
fn spawn(dir: &Path, args: &[&str]) -> Session {
    let mut command = Command::new(env!("CARGO_BIN_EXE_thankyou"));
    command
        .arg("new")
        .args(args)
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", dir.join("no-config"))
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let mut session = Session::spawn(command).unwrap();
    session.set_expect_timeout(Some(Duration::from_secs(30)));
    session
}

/// Waits for `prompt`, then types `keys`.
fn answer(session: &mut Session, prompt: &str, keys: &str) {
    session.expect(prompt).unwrap();
    session.send(keys).unwrap();
}

/// Everything the session prints until it ends, and its exit status.
fn finish(mut session: Session) -> (String, i32) {
    let rest = session.expect(Eof).unwrap();
    let text = String::from_utf8_lossy(rest.as_bytes()).into_owned();
    let status = match session.get_process().wait().unwrap() {
        WaitStatus::Exited(_, code) => code,
        other => panic!("thankyou new did not exit: {other:?}"),
    };
    (text, status)
}

/// Answers every question of a two-person video interview with a recruiter,
/// typing one wrong email address on the way.
fn interview(session: &mut Session) {
    answer(session, "Your name", "Jordan Lee\n");
    answer(session, "Your email", "jordan.lee@example.com\n");
    answer(session, "Your phone", "+1 312 555 0142\n");
    about_the_interview(session);
}

/// Answers every question after the candidate's own.
fn about_the_interview(session: &mut Session) {
    answer(session, "Company", "Northwind Traders\n");
    answer(session, "Role", "Senior Data Engineer\n");
    answer(session, "Interview date", "2026-11-19\n");
    answer(session, "How did it take place?", &format!("{DOWN}\n"));
    answer(session, "Name of the person you met", "Priya Shah\n");
    answer(session, "job title", "Engineering Manager\n");
    answer(session, "work email", "priya.shah@northwind\n");
    session
        .expect("the domain after the @ needs a dot")
        .unwrap();
    session.send("\x15priya.shah@northwind.example\n").unwrap();
    answer(
        session,
        "discussed with Priya",
        "moving the nightly batch jobs to a streaming pipeline\n",
    );
    answer(
        session,
        "Another topic",
        "how the team splits on-call, and why\n",
    );
    answer(session, "Another topic", "\n");
    answer(session, "Add another person", "y");
    answer(session, "Name of the next person", "Marcus Bell\n");
    answer(session, "job title", "Staff Data Engineer\n");
    answer(session, "work email", "\n");
    answer(
        session,
        "discussed with Marcus",
        "the schema registry you built for the order events\n",
    );
    answer(session, "Another topic", "\n");
    answer(session, "Add another person", "n");
    answer(session, "could not answer well?", "y");
    answer(
        session,
        "The question",
        "How would you partition the events table?\n",
    );
    answer(session, "Who asked it?", "\n");
    answer(
        session,
        "Your better answer now",
        "I would partition it by event date, with a daily compaction job.\n",
    );
    answer(session, "Another question", "n");
    answer(session, "recruiter arrange", "y");
    answer(session, "recruiter's name", "Sam Ortiz\n");
    answer(
        session,
        "recruiter's email",
        "sam.ortiz@northwind.example\n",
    );
    answer(session, "decide by", "2026-12-04\n");
    answer(session, "Tone", &format!("{DOWN}\n"));
}

#[test]
fn answers_become_a_commented_record_that_checks_and_renders() {
    let dir = TempDir::new().unwrap();
    let mut session = spawn(dir.path(), &[]);
    interview(&mut session);
    let (printed, status) = finish(session);
    assert_eq!(status, 0, "{printed}");
    let file = "northwind-traders-2026-11-19.yaml";
    assert!(
        printed.contains(&format!("to read your drafts: thankyou render {file}")),
        "{printed}"
    );
    let record = fs::read_to_string(dir.path().join(file)).unwrap();
    insta::assert_snapshot!(record);

    let kept = || Folder::Kept(dir.path().to_owned());
    // The one email address left out on purpose: `check` and `render` both say so.
    let warning = format!(
        "{file}:31: warning: Marcus Bell has no email, so their thank-you email cannot be sent; add their work address\n"
    );
    Test::in_folder(kept())
        .args(["check", file])
        .stderr(&format!(
            "{warning}note: 1 record checked: 0 errors, 1 warning\n"
        ))
        .run();
    let email = Test::in_folder(kept())
        .args([
            "render",
            file,
            "--kind",
            "email",
            "--to",
            "Priya Shah",
            "--format",
            "text",
        ])
        .any_stdout()
        .stderr(&warning)
        .run()
        .stdout;
    for expected in [
        "Dear Priya Shah",
        "a streaming pipeline",
        "How would you partition the events table?",
        "Jordan Lee\njordan.lee@example.com\n+1 312 555 0142",
    ] {
        assert!(email.contains(expected), "{expected:?} in:\n{email}");
    }
}

#[test]
fn a_config_that_knows_the_candidate_spares_those_questions() {
    let dir = TempDir::new().unwrap();
    let config = dir.path().join("no-config/thankyou");
    fs::create_dir_all(&config).unwrap();
    fs::write(
        config.join("config.yaml"),
        "candidate:\n  name: Jordan Lee\n  email: jordan.lee@example.com\n",
    )
    .unwrap();
    let mut session = spawn(dir.path(), &[]);
    about_the_interview(&mut session);
    let (printed, status) = finish(session);
    assert_eq!(status, 0, "{printed}");
    assert!(!printed.contains("Your name"), "{printed}");
    let file = "northwind-traders-2026-11-19.yaml";
    let record = fs::read_to_string(dir.path().join(file)).unwrap();
    assert!(!record.contains("\ncandidate:"), "{record}");
    let email = Test::in_folder(Folder::Kept(dir.path().to_owned()))
        .file(
            "no-config/thankyou/config.yaml",
            b"candidate:\n  name: Jordan Lee\n  email: jordan.lee@example.com\n",
        )
        .args([
            "render",
            file,
            "--kind",
            "email",
            "--to",
            "Priya Shah",
            "--format",
            "text",
        ])
        .any_stdout()
        .any_stderr()
        .run()
        .stdout;
    assert!(
        email.contains("Jordan Lee\njordan.lee@example.com"),
        "{email}"
    );
}

#[test]
fn an_existing_file_is_kept_before_any_question() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("mine.yaml"), "company: mine\n").unwrap();
    let (printed, status) = finish(spawn(dir.path(), &["mine.yaml"]));
    assert_eq!(status, 1);
    assert!(
        printed.contains("mine.yaml already exists; give another file name, or add --force"),
        "{printed}"
    );
    assert!(!printed.contains("Your name"), "{printed}");
    assert_eq!(
        fs::read_to_string(dir.path().join("mine.yaml")).unwrap(),
        "company: mine\n"
    );
}

#[test]
fn without_a_terminal_it_points_at_init() {
    Test::new()
        .args(["new"])
        .stdin("Jordan Lee\n")
        .status(1)
        .stderr(
            "error: thankyou new asks its questions in a terminal, and this is not one; to write a record without questions, run: thankyou init interview.yaml\n",
        )
        .expect_no_file("interview.yaml")
        .run();
}

/// Ctrl-C at a menu halfway through: nothing is written, the cursor the
/// menu hid is shown again, and the run ends as Ctrl-C asks.
#[test]
fn ctrl_c_halfway_writes_nothing_and_gives_the_cursor_back() {
    let dir = TempDir::new().unwrap();
    let mut session = spawn(dir.path(), &["mine.yaml"]);
    answer(&mut session, "Your name", "Jordan Lee\n");
    answer(&mut session, "Your email", "\n");
    answer(&mut session, "Your phone", "\n");
    answer(&mut session, "Company", "Northwind Traders\n");
    answer(&mut session, "Role", "Data Engineer\n");
    answer(&mut session, "Interview date", "\n");
    session.expect("How did it take place?").unwrap();
    session.send("\x03").unwrap();
    let rest = session.expect(Eof).unwrap();
    let printed = String::from_utf8_lossy(rest.as_bytes()).into_owned();
    let status = session.get_process().wait().unwrap();
    assert!(
        matches!(status, WaitStatus::Signaled(_, Signal::SIGINT, _)),
        "{status:?}"
    );
    assert!(
        printed.contains("stopped; nothing was written"),
        "{printed}"
    );
    // The escape that shows the cursor, after the menu hid it.
    assert!(printed.contains("\x1b[?25h"), "{printed:?}");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0, "{printed}");
}
