//! `thankyou log` never loses anyone's work: two runs at once both keep
//! their entry; links, mode and owner survive; an interrupted run leaves
//! no temporary file; and the text around the new entry stays as written.

use std::fs;
use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

use crate::followup::record;
use crate::test::{Folder, Test, files_in};

/// `thankyou log FILE --reply "Priya Shah" --note NOTE`, started in `dir`
/// and not waited for.
fn spawn_log(dir: &Path, file: &str, note: &str) -> Child {
    Command::new(env!("CARGO_BIN_EXE_thankyou"))
        .current_dir(dir)
        .args(["log", file, "--reply", "Priya Shah", "--date", "2026-11-20"])
        .args(["--note", note])
        .env("XDG_CONFIG_HOME", dir.join("no-config"))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits for `child`, requiring success.
fn succeeds(child: Child) {
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "log failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn two_logs_at_once_both_keep_their_entry() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("record.yaml"), record("")).unwrap();
    for pair in 0..50 {
        let first = spawn_log(dir.path(), "record.yaml", &format!("pair {pair} first"));
        let second = spawn_log(dir.path(), "record.yaml", &format!("pair {pair} second"));
        succeeds(first);
        succeeds(second);
    }
    let text = fs::read_to_string(dir.path().join("record.yaml")).unwrap();
    for pair in 0..50 {
        for which in ["first", "second"] {
            let note = format!("note: pair {pair} {which}\n");
            assert_eq!(text.matches(&note).count(), 1, "{note} in:\n{text}");
        }
    }
    assert_eq!(text.matches("- date: 2026-11-20").count(), 100);
    assert_eq!(files_in(dir.path()), ["record.yaml"]);
}

#[test]
fn log_writes_through_symlinks_and_leaves_them_links() {
    let before = record("");
    let entry = "log:\n  - date: 2026-11-20\n    reply: Priya Shah\n    note: a\n";
    let folder = TempDir::new().unwrap();
    let dir = folder.path();
    fs::create_dir(dir.join("real")).unwrap();
    fs::write(dir.join("real/record.yaml"), &before).unwrap();
    std::os::unix::fs::symlink("real/record.yaml", dir.join("link.yaml")).unwrap();
    std::os::unix::fs::symlink("link.yaml", dir.join("chain.yaml")).unwrap();
    fs::create_dir(dir.join("elsewhere")).unwrap();
    std::os::unix::fs::symlink("../real/record.yaml", dir.join("elsewhere/far.yaml")).unwrap();
    let mut expected = format!("{before}{entry}");
    for (link, note) in [
        ("link.yaml", "a"),
        ("chain.yaml", "b"),
        ("elsewhere/far.yaml", "c"),
    ] {
        Test::in_folder(Folder::Kept(dir.to_owned()))
            .args(["log", link, "--reply", "Priya Shah", "--date", "2026-11-20"])
            .args(["--note", note])
            .any_stdout()
            .run();
        if note != "a" {
            expected.push_str(&format!(
                "  - date: 2026-11-20\n    reply: Priya Shah\n    note: {note}\n"
            ));
        }
        for name in ["link.yaml", "chain.yaml", "elsewhere/far.yaml"] {
            assert!(
                fs::symlink_metadata(dir.join(name))
                    .unwrap()
                    .file_type()
                    .is_symlink(),
                "{name} is still a link after logging to {link}"
            );
        }
        assert_eq!(
            fs::read_to_string(dir.join("real/record.yaml")).unwrap(),
            expected
        );
    }
    assert_eq!(
        files_in(dir),
        ["chain.yaml", "elsewhere", "link.yaml", "real"]
    );
    assert_eq!(files_in(&dir.join("real")), ["record.yaml"]);
    assert_eq!(files_in(&dir.join("elsewhere")), ["far.yaml"]);
}

#[test]
fn log_keeps_the_mode_and_the_owner() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("record.yaml");
    fs::write(&path, record("")).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    let as_root = fs::metadata(&path).unwrap().uid() == 0;
    if as_root {
        std::os::unix::fs::chown(&path, Some(4242), Some(4343)).unwrap();
    }
    Test::in_folder(Folder::Kept(dir.path().to_owned()))
        .args([
            "log",
            "record.yaml",
            "--reply",
            "Priya Shah",
            "--date",
            "2026-11-20",
        ])
        .any_stdout()
        .run();
    let metadata = fs::metadata(&path).unwrap();
    assert_eq!(metadata.mode() & 0o7777, 0o640);
    if as_root {
        assert_eq!((metadata.uid(), metadata.gid()), (4242, 4343));
    }
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .contains("reply: Priya Shah")
    );
}

/// Makes the record in a folder unsafe to replace.
type Setup = fn(&Path);

#[test]
fn log_refuses_a_hard_linked_or_read_only_record_unless_forced() {
    let before = record("");
    let logged = format!("{before}log:\n  - date: 2026-11-20\n    reply: Priya Shah\n");
    let cases: [(Setup, &str); 2] = [
        (
            |dir| fs::hard_link(dir.join("record.yaml"), dir.join("other.yaml")).unwrap(),
            "error: record.yaml has 2 names (hard links); writing replaces the file, so the other names would keep the old text; pass --force to write this name anyway\n",
        ),
        (
            |dir| {
                fs::set_permissions(dir.join("record.yaml"), fs::Permissions::from_mode(0o444))
                    .unwrap();
            },
            "error: record.yaml is read-only; make it writable (chmod u+w record.yaml) or pass --force to write it anyway\n",
        ),
    ];
    for (setup, stderr) in cases {
        let dir = TempDir::new().unwrap();
        fs::write(dir.path().join("record.yaml"), &before).unwrap();
        setup(dir.path());
        let log = [
            "log",
            "record.yaml",
            "--reply",
            "Priya Shah",
            "--date",
            "2026-11-20",
        ];
        let output = Test::in_folder(Folder::Fresh(dir))
            .args(log)
            .status(1)
            .stderr(stderr)
            .expect_file("record.yaml", &before)
            .run();
        let output = Test::in_folder(output.dir)
            .args(log)
            .args(["--force"])
            .any_stdout()
            .expect_file("record.yaml", &logged)
            .run();
        assert_eq!(
            files_in(output.dir.path()).len(),
            1 + usize::from(stderr.contains("hard"))
        );
    }
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("record.yaml");
    fs::write(&path, &before).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    Test::in_folder(Folder::Kept(dir.path().to_owned()))
        .args([
            "log",
            "record.yaml",
            "--reply",
            "Priya Shah",
            "--force",
            "--date",
            "2026-11-20",
        ])
        .any_stdout()
        .run();
    assert_eq!(fs::metadata(&path).unwrap().mode() & 0o777, 0o444);
}

#[test]
fn log_on_a_file_from_init_keeps_both_comment_lines() {
    let output = Test::new()
        .args(["init", "interview.yaml"])
        .any_stderr()
        .run();
    let starter = fs::read_to_string(output.path("interview.yaml")).unwrap();
    let comment = "log: []                       # what you send and receive; add to it with\n                              # thankyou log interview.yaml --sent email --to \"Ines Duarte\"\n";
    assert!(starter.ends_with(comment));
    let expected = format!(
        "{}log:                          # what you send and receive; add to it with\n                              # thankyou log interview.yaml --sent email --to \"Ines Duarte\"\n  - date: 2026-11-19\n    sent: email\n    to: Ines Duarte\n",
        &starter[..starter.len() - comment.len()]
    );
    Test::in_folder(output.dir)
        .args([
            "log",
            "interview.yaml",
            "--sent",
            "email",
            "--to",
            "Ines Duarte",
        ])
        .args(["--date", "2026-11-19"])
        .any_stdout()
        .expect_file("interview.yaml", &expected)
        .run();
}

#[test]
fn log_keeps_every_line_of_a_block_scalar_before_it() {
    let first = "log:\n  - date: 2026-11-20\n    reply: Priya Shah\n";
    let entry = "  - date: 2026-11-20\n    reply: Priya Shah\n";
    for (before, after) in [
        // Kept trailing blank lines belong to the note, up to a comment.
        ("    note: |+\n      round two on Dec 3\n\n\n", ""),
        (
            "    note: >+\n      round two\n      on Dec 3\n\n\n",
            "# the end\n",
        ),
        ("    note: |2+\n        indented\n\n", "  # the end\n\n"),
        // Clipped ones do not, so the blank line stays where it was.
        ("    note: |\n      text\n", "\n"),
        // So are spaces past the note's indentation, which are its text.
        ("    note: |\n      text\n          \n", "\n"),
        // A line that looks like a comment is part of the note.
        (
            "    note: |\n      first\n\n      # not a comment\n",
            "# a comment\n",
        ),
    ] {
        Test::new()
            .record(&record(&format!("{first}{before}{after}status: open\n")))
            .args([
                "log",
                "record.yaml",
                "--reply",
                "Priya Shah",
                "--date",
                "2026-11-20",
            ])
            .any_stdout()
            .expect_file(
                "record.yaml",
                &record(&format!("{first}{before}{entry}{after}status: open\n")),
            )
            .run();
    }
}

#[test]
fn log_writes_nothing_when_the_entry_would_change_anything_else() {
    // A quoted `"log":` is not found in the text, so a second `log:` would
    // be added: the file would no longer read the same, and is left alone.
    let before = record("\"log\":\n  - date: 2026-11-20\n    reply: Priya Shah\n");
    Test::new()
        .record(&before)
        .args(["log", "record.yaml", "--reply", "Priya Shah", "--date", "2026-11-20"])
        .status(1)
        .stderr("error: record.yaml: adding the entry would also change how the file reads (line 13: duplicate mapping key `log` is not allowed here), so nothing was written; add the entry by hand, and please report this\n")
        .expect_file("record.yaml", &before)
        .run();
}

#[test]
fn log_refuses_a_special_file_without_waiting_on_it() {
    let dir = TempDir::new().unwrap();
    let made = Command::new("mkfifo")
        .arg(dir.path().join("pipe.yaml"))
        .status()
        .unwrap();
    assert!(made.success());
    for (file, shown) in [("pipe.yaml", "pipe.yaml"), ("/dev/null", "/dev/null")] {
        Test::in_folder(Folder::Kept(dir.path().to_owned()))
            .args(["log", file, "--reply", "Priya Shah", "--date", "2026-11-20"])
            .status(1)
            .stderr(&format!(
                "error: {shown} is not a regular file; give the record file itself\n"
            ))
            .run();
    }
}

/// The temporary files in `dir`: everything but `record.yaml`.
fn temporary_files(dir: &Path) -> Vec<String> {
    files_in(dir)
        .into_iter()
        .filter(|name| name != "record.yaml")
        .collect()
}

#[test]
fn a_signal_during_log_leaves_no_temporary_file() {
    use std::os::unix::process::ExitStatusExt as _;
    for signal in ["TERM", "INT", "HUP"] {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join("record.yaml");
        fs::write(&path, record("")).unwrap();
        // Holding the lock keeps `log` waiting with its temporary file made.
        let held = fs::File::open(&path).unwrap();
        held.lock().unwrap();
        let child = spawn_log(dir.path(), "record.yaml", "interrupted");
        let deadline = Instant::now() + Duration::from_secs(30);
        while temporary_files(dir.path()).is_empty() {
            assert!(Instant::now() < deadline, "log made no temporary file");
            std::thread::yield_now();
        }
        let killed = Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let output = child.wait_with_output().unwrap();
        drop(held);
        assert!(output.status.signal().is_some(), "SIG{signal}: {output:?}");
        assert_eq!(
            temporary_files(dir.path()),
            Vec::<String>::new(),
            "SIG{signal}"
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), record(""));
    }
}
