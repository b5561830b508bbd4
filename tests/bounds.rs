//! Bounds on what a run reads and does: records read only from regular
//! files and never past the size limit, patterns that end however the
//! folders link, and user templates that cannot run away.

use std::os::unix::net::UnixListener;
use std::path::Path;
use std::process::Command as Process;
use std::time::Duration;

use assert_cmd::Command;

use crate::test::{Folder, Test, example};

/// A run that would hang or eat memory without its bound fails the test
/// after this long instead of waiting for ever.
const PATIENCE: Duration = Duration::from_secs(30);

/// Runs `thankyou` with `args` in `dir`, giving up after [`PATIENCE`], and
/// returns its exit status and stderr.
fn run_within(dir: &Path, args: &[&str]) -> (i32, String) {
    let (status, _, stderr) = run_within_out(dir, args);
    (status, stderr)
}

/// [`run_within`], with stdout as well.
fn run_within_out(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::cargo_bin("thankyou")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .env("XDG_CONFIG_HOME", dir.join("no-config"))
        .env("NO_COLOR", "1")
        .timeout(PATIENCE)
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    let status = output.status.code().unwrap_or(-1);
    assert_ne!(
        status,
        -1,
        "thankyou {} did not finish: {stderr}",
        args.join(" ")
    );
    (status, String::from_utf8(output.stdout).unwrap(), stderr)
}

/// Makes a named pipe at `path`.
fn mkfifo(path: &Path) {
    let status = Process::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

/// A fresh folder holding the example record as `recs/a.yaml`.
fn folder_with_record() -> Folder {
    let dir = Folder::Fresh(tempfile::TempDir::new().unwrap());
    std::fs::create_dir(dir.path().join("recs")).unwrap();
    std::fs::write(dir.path().join("recs/a.yaml"), example("single")).unwrap();
    dir
}

#[test]
fn a_pipe_named_as_a_record_is_refused_without_waiting_for_a_writer() {
    let dir = folder_with_record();
    mkfifo(&dir.path().join("x.yaml"));
    for command in [
        &["render", "x.yaml"][..],
        &["check", "x.yaml"],
        &["next", "x.yaml", "--today", "2026-12-01"],
        &["schedule", "x.yaml"],
    ] {
        let (status, stderr) = run_within(dir.path(), command);
        assert_eq!(status, 1, "{command:?}: {stderr}");
        assert!(
            stderr.contains(
                "x.yaml: this is a pipe, not a record file; to read a record from another program, give `-` and pipe it to standard input"
            ),
            "{command:?}: {stderr}"
        );
    }
}

#[test]
fn a_device_or_socket_named_as_a_record_is_refused() {
    let dir = folder_with_record();
    let _socket = UnixListener::bind(dir.path().join("s.yaml")).unwrap();
    for (path, kind) in [("/dev/zero", "a device"), ("s.yaml", "a socket")] {
        let (status, stderr) = run_within(dir.path(), &["render", path]);
        assert_eq!(status, 1, "{path}: {stderr}");
        assert_eq!(
            stderr,
            format!(
                "error: {path}: this is {kind}, not a record file; name the record's .yaml file instead\n"
            )
        );
    }
}

#[test]
fn a_folder_named_as_the_one_record_is_refused_in_words() {
    Test::in_folder(folder_with_record())
        .args(["schedule", "recs"])
        .status(1)
        .stderr("error: recs: this is a folder, not a record file; name a record file in it, or give the folder to `render`, `check` or `next`\n")
        .run();
}

#[test]
fn a_pipe_on_standard_input_stops_at_the_size_limit() {
    let endless = "# filler\n".repeat(400_000);
    for path in ["-", "/dev/stdin"] {
        let output = Test::new()
            .args(["render", path])
            .stdin(endless.clone())
            .status(1)
            .any_stderr()
            .run();
        let name = if path == "-" { "<stdin>" } else { path };
        let refused = format!(
            "error: {name}: there is more than the 1048576 bytes a record may have; a record is a few kilobytes of text, so check this is the right file\n"
        );
        let piped = format!("error: {name}: this is a pipe, not a record file;");
        assert!(
            output.stderr == refused || output.stderr.starts_with(&piped),
            "{}",
            output.stderr
        );
    }
}

#[test]
fn special_files_in_a_folder_or_pattern_are_skipped_with_a_warning() {
    let dir = folder_with_record();
    mkfifo(&dir.path().join("recs/b.yaml"));
    std::fs::create_dir(dir.path().join("recs/c.yaml")).unwrap();
    for target in ["recs", "recs/*.yaml"] {
        let (status, stderr) = run_within(dir.path(), &["next", target, "--today", "2026-12-01"]);
        assert_eq!(status, 0, "{target}: {stderr}");
        assert_eq!(
            stderr,
            "warning: skipped recs/b.yaml: it is a pipe, not a record file\nwarning: skipped recs/c.yaml: it is a folder, not a record file\n",
            "{target}"
        );
    }
}

#[test]
fn a_pattern_ends_when_a_folder_links_back_up_the_tree() {
    let dir = folder_with_record();
    let root = dir.path();
    std::fs::create_dir_all(root.join("l/s")).unwrap();
    std::fs::write(root.join("l/s/r.yaml"), example("single")).unwrap();
    std::os::unix::fs::symlink("..", root.join("l/s/up")).unwrap();
    std::os::unix::fs::symlink("s", root.join("l/down")).unwrap();
    // A link to a file still counts as the record it points to.
    std::os::unix::fs::symlink("../recs/a.yaml", root.join("l/linked.yaml")).unwrap();
    let (status, stdout, stderr) =
        run_within_out(root, &["next", "l/**/*.yaml", "--today", "2026-11-22"]);
    assert_eq!((status, stderr.as_str()), (0, ""));
    let records: Vec<&str> = stdout
        .lines()
        .filter_map(|line| line.trim().strip_prefix("thankyou render "))
        .map(|command| command.split(' ').next().unwrap_or(command))
        .collect();
    assert_eq!(records, ["l/linked.yaml", "l/s/r.yaml"], "{stdout}");
}

/// Renders the example record's card with `template` as the user's
/// `mine/card.warm.md`, and returns the exit status and stderr.
fn render_card_with(template: &str) -> (i32, String) {
    let dir = folder_with_record();
    std::fs::create_dir(dir.path().join("mine")).unwrap();
    std::fs::write(dir.path().join("mine/card.warm.md"), template).unwrap();
    let args = [
        "render",
        "recs/a.yaml",
        "--kind",
        "card",
        "--templates",
        "mine",
    ];
    run_within(dir.path(), &args)
}

#[test]
fn a_user_template_that_runs_away_is_stopped_naming_its_file() {
    let numbers = "`range` was asked for more than 10000 numbers in one draft";
    let size = "the draft grew past 256 KiB, far longer than any letter";
    let cases = [
        // The loops of the issue: ten billion letters.
        (
            "{% for a in range(end=100000) %}{% for b in range(end=100000) %}x{% endfor %}{% endfor %}",
            numbers,
        ),
        // Nothing written, but ten billion turns of a loop, inside a filter.
        (
            "{% filter upper %}{% for a in range(end=100000) %}{% for b in range(end=100000) %}{% endfor %}{% endfor %}{% endfilter %}",
            numbers,
        ),
        // A thousand small loops, each within the limit alone.
        (
            "{% for a in range(end=1000) %}{% for b in range(end=1000) %}{% endfor %}{% endfor %}",
            numbers,
        ),
        // Few numbers, but each turn writes the record's longest values.
        (
            "{% for a in range(end=100) %}{% for b in range(end=90) %}{{ candidate.name }} {{ company }} {{ role }} {% endfor %}{% endfor %}",
            size,
        ),
        // No loop at all: a value doubled until it is megabytes long.
        (
            "{% set s = \"xxxxxxxx\" %}{% for i in range(end=20) %}{% set_global s = s ~ s %}{% endfor %}{{ s }}",
            size,
        ),
    ];
    for (template, limit) in cases {
        let (status, stderr) = render_card_with(template);
        assert_eq!(status, 1, "{template}: {stderr}");
        assert_eq!(
            stderr,
            format!(
                "error: template `mine/card.warm.md`: {limit}, so it was stopped; look for a loop that repeats more than it should, such as one loop inside another\n"
            ),
            "{template}"
        );
    }
    // Counting a few numbers stays as Tera's own `range` does it.
    Test::in_folder(folder_with_record())
        .file(
            "mine/card.warm.md",
            b"{% for a in range(end=3) %}{{ a }}{% endfor %} {% for a in range(start=5, end=0, step_by=-2) %}{{ a }}{% endfor %}\n",
        )
        .args(["render", "recs/a.yaml", "--kind", "card", "--templates", "mine", "--format", "text"])
        .stdout("012 531\n")
        .run();
}

#[test]
fn a_misnamed_template_file_is_warned_about_with_the_nearest_name() {
    let output = Test::in_folder(folder_with_record())
        .file("mine/card.wram.md", b"Mine.\n")
        .file("mine/emial.warm.md", b"Mine.\n")
        .file("mine/card.warm.txt", b"Mine.\n")
        .file("mine/closing.md", b"{% include \"sign-off.md\" %}\n")
        .file("mine/sign-off.md", b"Yours.\n")
        .args(["render", "recs/a.yaml", "--kind", "card", "--templates", "mine"])
        .stderr(
            "warning: mine/card.warm.txt is not read: template files end in `.md`; did you mean `card.warm.md`? Rename it to replace that template\n\
             warning: mine/card.wram.md is not used: no draft is rendered from that name and no template includes it; did you mean `card.warm.md`? Rename it to replace that template\n\
             warning: mine/closing.md is not used: no draft is rendered from that name and no template includes it; did you mean `closing.warm.md`? Rename it to replace that template\n\
             warning: mine/emial.warm.md is not used: no draft is rendered from that name and no template includes it; did you mean `email.warm.md`? Rename it to replace that template\n",
        )
        .any_stdout()
        .run();
    // The built-in card is the one rendered, and an included file is not misnamed.
    assert!(output.stdout.contains("Tom"), "{}", output.stdout);
}

#[test]
fn templates_that_include_each_other_are_named_with_the_whole_circle() {
    Test::in_folder(folder_with_record())
        .file("mine/a.md", b"A {% include \"b.md\" %}\n")
        .file("mine/b.md", b"B {% include \"a.md\" %}\n")
        .file("mine/card.warm.md", b"{% include \"a.md\" %}\n")
        .args(["render", "recs/a.yaml", "--templates", "mine"])
        .status(1)
        .stderr("error: template `mine/a.md`: templates include each other in a circle: `mine/a.md` includes `mine/b.md`, which includes `mine/a.md`; remove one of these includes\n")
        .run();
}
