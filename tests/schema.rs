//! `thankyou schema`, `init`, completions and the manual page. The schema is
//! checked with an independent validator: Python's `jsonschema`, with YAML
//! read by `PyYAML` (both installed by `.ci/run`).

use std::fs;
use std::path::Path;

use crate::test::{EXAMPLES, Test, example, python};

/// Validates each YAML file against `schema.json` with Python's
/// `jsonschema`, and returns one line per file: `ok` or the first error.
fn validate(dir: &Path, files: &[&str]) -> Vec<String> {
    let script = r#"
import json, sys, yaml, jsonschema

class Loader(yaml.SafeLoader):
    pass

# Keep YYYY-MM-DD as text, as the record means it, not as a date object.
Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
schema = json.load(open("schema.json"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
for name in sys.argv[1:]:
    document = yaml.load(open(name), Loader=Loader)
    errors = sorted(validator.iter_errors(document), key=lambda error: list(error.path))
    print("ok" if not errors else "invalid: " + errors[0].message)
"#;
    let files: Vec<&std::ffi::OsStr> = files.iter().map(std::ffi::OsStr::new).collect();
    python(script, &files, Some(dir))
        .lines()
        .map(str::to_owned)
        .collect()
}

fn with_schema() -> Test {
    let schema = Test::new().args(["schema"]).any_stdout().run().stdout;
    Test::new().file("schema.json", schema.as_bytes())
}

#[test]
fn every_example_and_the_starter_match_the_schema() {
    let mut test = with_schema();
    let mut names = Vec::new();
    for name in EXAMPLES {
        test = test.file(&format!("{name}.yaml"), example(name).as_bytes());
        names.push(format!("{name}.yaml"));
    }
    let output = test.args(["init", "starter.yaml"]).any_stderr().run();
    names.push("starter.yaml".into());
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    assert_eq!(validate(output.dir.path(), &names), vec!["ok"; names.len()]);
}

#[test]
fn every_new_field_passes_the_program_and_the_schema() {
    // A screen with the recruiter alone, every person field set, and a
    // record-wide `cards` against a phone interview.
    let record = format!(
        "{}cards: true\n",
        example("phone-screen").replace(
            "  name: Kim Tran\n",
            "  name: Kim Tran\n  honorific: Ms.\n  surname: Tran\n  medium: video\n  card: true\n  strength: rebuilding a stalled pipeline in my first quarter\n"
        )
    );
    Test::new()
        .record(&record)
        .args(["check", "record.yaml", "--today", "2026-11-25"])
        .any_stderr()
        .run();
    let output = with_schema()
        .file("record.yaml", record.as_bytes())
        .args(["schema"])
        .any_stdout()
        .run();
    assert_eq!(validate(output.dir.path(), &["record.yaml"]), ["ok"]);
}

#[test]
fn what_the_program_rejects_for_its_type_the_schema_rejects_too() {
    let good = example("single");
    let bad = [
        good.replace("    topics:\n      - opening a second shop on the east side\n      - cutting flour waste on the weekend bake\n", "    topics: streaming\n"),
        good.replace("interview_date: 2026-11-21", "interview_date: 21/11/2026"),
        good.replace("interviewers:", "interviewer:"),
        format!("{good}tone: cheerful\n"),
        good.replace("  email: maya.okafor@example.com", "  email: maya"),
        format!("{good}followup:\n  max_checkins: 9\n"),
        format!("{good}log:\n  - date: 2026-11-22\n    sent: letter\n    to: Tom Brennan\n"),
        format!("{good}medium: carrier pigeon\n"),
        good.replace("    title: Owner\n", "    title: Owner\n    card: maybe\n"),
        // Nobody who interviewed you: no interviewers, a recruiter without topics.
        format!(
            "{}recruiter:\n  name: Kim Tran\n  topics: []\n",
            &good[..good.find("interviewers:").unwrap()]
        ),
    ];
    let mut test = with_schema();
    let mut names = Vec::new();
    for (index, record) in bad.iter().enumerate() {
        let name = format!("bad{index}.yaml");
        test = test.file(&name, record.as_bytes());
        names.push(name);
    }
    let output = test.args(["schema"]).any_stdout().run();
    for name in &names {
        Test::new()
            .file("record.yaml", &fs::read(output.path(name)).unwrap())
            .args(["check", "record.yaml", "--today", "2026-11-25"])
            .status(1)
            .any_stderr()
            .run();
    }
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    for (name, verdict) in names.iter().zip(validate(output.dir.path(), &names)) {
        assert!(verdict.starts_with("invalid"), "{name} passed the schema");
    }
}

#[test]
fn the_schema_describes_the_fields() {
    let schema: serde_json::Value =
        serde_json::from_str(&Test::new().args(["schema"]).any_stdout().run().stdout).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(
        schema["properties"]["interview_date"]["description"],
        "The day of the interview, YYYY-MM-DD."
    );
    assert_eq!(schema["additionalProperties"], false);
}

#[test]
fn init_never_overwrites() {
    Test::new()
        .file("interview.yaml", b"mine\n")
        .args(["init"])
        .status(1)
        .stderr("error: interview.yaml already exists; pass --force to replace it\n")
        .expect_file("interview.yaml", "mine\n")
        .run();
}

#[test]
fn completions_and_the_manual_page() {
    for (shell, marker) in [
        ("bash", "_thankyou()"),
        ("zsh", "#compdef thankyou"),
        ("fish", "complete -c thankyou"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let output = Test::new().args(["completions", shell]).any_stdout().run();
        assert!(output.stdout.contains(marker), "{shell}");
        assert!(
            output.stdout.contains("render"),
            "{shell} completes the subcommands"
        );
    }
    let man = Test::new().args(["man"]).any_stdout().run();
    assert!(man.stdout.contains(".TH thankyou 1"));
}
