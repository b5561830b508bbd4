//! A small builder for running the binary: give it a record, arguments and
//! standard input, then what stdout, stderr and the exit status should be.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// The bundled example records, by file stem.
pub const EXAMPLES: &[&str] = &[
    "panel",
    "single",
    "formal",
    "phone-screen",
    "academic",
    "london",
];

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
    pub dir: Folder,
}

impl Output {
    /// A path inside the run's folder.
    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }
}

/// The folder a run happens in: a fresh temporary one, or one a test keeps
/// across several runs.
#[derive(Debug)]
pub enum Folder {
    Fresh(TempDir),
    Kept(PathBuf),
}

impl Folder {
    pub fn path(&self) -> &Path {
        match self {
            Folder::Fresh(dir) => dir.path(),
            Folder::Kept(path) => path,
        }
    }
}

/// What a stream must hold.
enum Expected {
    Exactly(String),
    /// Text that must appear somewhere in the stream.
    Containing(String),
    /// Anything; where the test allowed it.
    Anything(&'static std::panic::Location<'static>),
}

/// One run of `thankyou` in a fresh temporary folder. Unless told
/// otherwise it expects success and nothing on stdout or stderr.
pub struct Test {
    dir: Folder,
    args: Vec<String>,
    stdin: Option<Vec<u8>>,
    env: Vec<(String, String)>,
    stdout: Expected,
    stderr: Expected,
    status: Option<i32>,
    files: Vec<(String, Option<String>)>,
}

impl Test {
    pub fn new() -> Self {
        Self::in_folder(Folder::Fresh(TempDir::new().unwrap()))
    }

    /// A run in `dir`, which outlives it, so later runs see what it wrote.
    pub fn in_folder(dir: Folder) -> Self {
        Test {
            dir,
            args: Vec::new(),
            stdin: None,
            env: Vec::new(),
            stdout: Expected::Exactly(String::new()),
            stderr: Expected::Exactly(String::new()),
            status: Some(0),
            files: Vec::new(),
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
        self.stdout = Expected::Exactly(expected.to_owned());
        self
    }

    pub fn stderr(mut self, expected: &str) -> Self {
        self.stderr = Expected::Exactly(expected.to_owned());
        self
    }

    /// Expects stdout to hold `part` somewhere.
    pub fn stdout_contains(mut self, part: &str) -> Self {
        self.stdout = Expected::Containing(part.to_owned());
        self
    }

    /// Expects stderr to hold `part` somewhere.
    pub fn stderr_contains(mut self, part: &str) -> Self {
        self.stderr = Expected::Containing(part.to_owned());
        self
    }

    /// Accepts whatever stdout holds; the caller looks at `Output::stdout`.
    #[track_caller]
    pub fn any_stdout(mut self) -> Self {
        self.stdout = Expected::Anything(std::panic::Location::caller());
        self
    }

    /// Accepts whatever stderr holds; the caller looks at `Output::stderr`.
    #[track_caller]
    pub fn any_stderr(mut self) -> Self {
        self.stderr = Expected::Anything(std::panic::Location::caller());
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

    /// Expects the run to leave `name` in the folder holding `contents`.
    pub fn expect_file(mut self, name: &str, contents: &str) -> Self {
        self.files
            .push((name.to_owned(), Some(contents.to_owned())));
        self
    }

    /// Expects the run to leave nothing called `name` in the folder.
    pub fn expect_no_file(mut self, name: &str) -> Self {
        self.files.push((name.to_owned(), None));
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
            match expected {
                Expected::Exactly(expected) if got != expected => failures.push(format!(
                    "{stream}:\n--- expected\n{expected}\n--- got\n{got}"
                )),
                Expected::Containing(part) if !got.contains(part.as_str()) => failures.push(
                    format!("{stream}:\n--- expected to contain\n{part}\n--- got\n{got}"),
                ),
                Expected::Anything(at) => audit(at, got),
                Expected::Exactly(_) | Expected::Containing(_) => {}
            }
        }
        for (name, expected) in &self.files {
            let path = self.dir.path().join(name);
            let got = fs::read_to_string(&path)
                .ok()
                .or_else(|| path.exists().then(|| "(not a text file)".into()));
            if got != *expected {
                failures.push(format!(
                    "file {name}:\n--- expected\n{expected:?}\n--- got\n{got:?}"
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

/// With `THANKYOU_AUDIT=FILE`, notes each place that accepted any output
/// with what it got, so a test that could expect exactly nothing is found.
fn audit(at: &std::panic::Location<'static>, got: &str) {
    if let Some(file) = std::env::var_os("THANKYOU_AUDIT") {
        use std::io::Write as _;
        let mut file = fs::OpenOptions::new()
            .append(true)
            .create(true)
            .open(file)
            .unwrap();
        writeln!(file, "{}:{} {}", at.file(), at.line(), got.is_empty()).unwrap();
    }
}

/// Runs `thankyou` with `args` on `record` (standard input) and returns
/// stdout, requiring success and letting any warnings pass.
pub fn render(record: &str, args: &[&str]) -> String {
    Test::new()
        .stdin(record)
        .args(args.iter().copied())
        .any_stdout()
        .any_stderr()
        .run()
        .stdout
}

/// The names of the files in `dir`, sorted.
pub fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
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

/// Property-test settings: `default` cases from a fixed seed, so every run
/// of the suite (and CI) checks the same records; `PROPTEST_CASES=N` runs N
/// cases from a fresh seed, to explore. No failure files are written into
/// the source tree.
pub fn proptest_config(default: u32) -> proptest::prelude::ProptestConfig {
    use proptest::test_runner::RngSeed;
    let asked: Option<u32> = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok());
    proptest::prelude::ProptestConfig {
        cases: asked.unwrap_or(default),
        rng_seed: if asked.is_some() {
            RngSeed::Random
        } else {
            RngSeed::Fixed(0x7468_616e_6b79_6f75)
        },
        failure_persistence: None,
        ..proptest::prelude::ProptestConfig::default()
    }
}
