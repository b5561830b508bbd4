//! A small builder for running the binary: give it a record, arguments and
//! standard input, then what stdout, stderr and the exit status should be.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// The bundled example records, by file stem.
pub const EXAMPLES: &[&str] = &["panel", "single", "formal"];

/// The text of `examples/{name}.yaml`.
pub fn example(name: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("examples/{name}.yaml")))
        .unwrap()
}

/// The text of `tests/fixtures/{name}`.
pub fn fixture(name: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/{name}")))
        .unwrap()
}

/// What a run printed and how it ended.
#[derive(Debug)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub status: i32,
    pub dir: TempDir,
}

impl Output {
    /// A path inside the run's folder.
    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }
}

/// One run of `thankyou` in a fresh temporary folder.
pub struct Test {
    dir: TempDir,
    args: Vec<String>,
    stdin: Option<Vec<u8>>,
    env: Vec<(String, String)>,
    stdout: Option<String>,
    stderr: Option<String>,
    status: Option<i32>,
}

impl Test {
    pub fn new() -> Self {
        Test {
            dir: TempDir::new().unwrap(),
            args: Vec::new(),
            stdin: None,
            env: Vec::new(),
            stdout: None,
            stderr: None,
            status: Some(0),
        }
    }

    /// Writes `record.yaml` into the folder.
    pub fn record(self, text: &str) -> Self {
        self.file("record.yaml", text.as_bytes())
    }

    /// Writes any file into the folder.
    pub fn file(self, name: &str, bytes: &[u8]) -> Self {
        let path = self.dir.path().join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(path, bytes).unwrap();
        self
    }

    pub fn args<'a>(mut self, args: impl IntoIterator<Item = &'a str>) -> Self {
        self.args.extend(args.into_iter().map(str::to_owned));
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.to_owned(), value.to_owned()));
        self
    }

    /// Sets `key` to the absolute path of `relative` inside the test's folder.
    pub fn env_path(mut self, key: &str, relative: &str) -> Self {
        let path = self.dir.path().join(relative).display().to_string();
        self.env.push((key.to_owned(), path));
        self
    }

    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(bytes.into());
        self
    }

    pub fn stdout(mut self, expected: &str) -> Self {
        self.stdout = Some(expected.to_owned());
        self
    }

    pub fn stderr(mut self, expected: &str) -> Self {
        self.stderr = Some(expected.to_owned());
        self
    }

    pub fn status(mut self, status: i32) -> Self {
        self.status = Some(status);
        self
    }

    /// Accepts any exit status; the caller looks at `Output::status`.
    pub fn any_status(mut self) -> Self {
        self.status = None;
        self
    }

    /// Runs the binary and checks everything that was set, all at once.
    pub fn run(self) -> Output {
        let mut command = Command::cargo_bin("thankyou").unwrap();
        command
            .current_dir(self.dir.path())
            .args(&self.args)
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            // A user's own templates must not change what the tests see.
            .env("XDG_CONFIG_HOME", self.dir.path().join("no-config"))
            .envs(self.env.iter().map(|(key, value)| (key, value)));
        if let Some(stdin) = &self.stdin {
            command.write_stdin(stdin.clone());
        }
        let output = command.output().unwrap();
        let stdout = String::from_utf8(output.stdout).unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        let status = output.status.code().unwrap_or(-1);
        let mut failures = Vec::new();
        if let Some(expected) = self.status
            && status != expected
        {
            failures.push(format!("status: expected {expected}, got {status}"));
        }
        for (stream, expected, got) in [
            ("stdout", &self.stdout, &stdout),
            ("stderr", &self.stderr, &stderr),
        ] {
            if let Some(expected) = expected
                && got != expected
            {
                failures.push(format!(
                    "{stream}:\n--- expected\n{expected}\n--- got\n{got}"
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "thankyou {}\n{}\n(stderr was: {stderr})",
            self.args.join(" "),
            failures.join("\n")
        );
        Output {
            stdout,
            stderr,
            status,
            dir: self.dir,
        }
    }
}

/// Runs `thankyou` with `args` on `record` and returns stdout, requiring success.
pub fn render(record: &str, args: &[&str]) -> String {
    let mut command = Command::cargo_bin("thankyou").unwrap();
    let output = command
        .env("XDG_CONFIG_HOME", "/nonexistent/thankyou-tests")
        .args(args)
        .write_stdin(record.to_owned())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "thankyou {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// `record` with its `tone:` set to `tone`.
pub fn with_tone(record: &str, tone: &str) -> String {
    let mut lines: Vec<String> = record
        .lines()
        .filter(|line| !line.starts_with("tone:"))
        .map(str::to_owned)
        .collect();
    lines.push(format!("tone: {tone}"));
    lines.join("\n") + "\n"
}

/// Runs a Python script (an independent checker) with `args` in `dir` and
/// returns what it printed, failing the test if Python fails.
pub fn python(script: &str, args: &[&std::ffi::OsStr], dir: Option<&Path>) -> String {
    let mut command = std::process::Command::new("python3");
    command.arg("-c").arg(script).args(args);
    if let Some(dir) = dir {
        command.current_dir(dir);
    }
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "python3: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}
