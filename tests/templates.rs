//! Your own templates: precedence, errors that point into the file, and the
//! `templates` command.

use std::fs;

use crate::test::{Test, example};

const MINE: &[u8] = b"Card from {{ candidate.first_name }} to {{ recipient.first_name }}.\n";
const CONFIG: &[u8] = b"Config card to {{ recipient.first_name }}.\n";

fn card(test: Test, args: &[&str]) -> String {
    test.record(&example("single"))
        .args([
            "render",
            "record.yaml",
            "--kind",
            "card",
            "--format",
            "text",
        ])
        .args(args.iter().copied())
        .any_stdout()
        .run()
        .stdout
}

#[test]
fn the_flag_wins_over_the_config_folder_which_wins_over_the_built_in() {
    let built_in = card(Test::new(), &[]);
    assert!(built_in.starts_with("Hi Tom,"));
    let from_config = card(
        Test::new()
            .file("config/thankyou/templates/card.warm.md", CONFIG)
            .env_path("XDG_CONFIG_HOME", "config"),
        &[],
    );
    assert_eq!(from_config, "Config card to Tom.\n");
    let from_flag = card(
        Test::new()
            .file("config/thankyou/templates/card.warm.md", CONFIG)
            .file("mine/card.warm.md", MINE)
            .env_path("XDG_CONFIG_HOME", "config"),
        &["--templates", "mine"],
    );
    assert_eq!(from_flag, "Card from Maya to Tom.\n");
}

#[test]
fn other_templates_stay_built_in() {
    let output = Test::new()
        .record(&example("single"))
        .file("mine/card.warm.md", MINE)
        .args([
            "render",
            "record.yaml",
            "--kind",
            "email",
            "--templates",
            "mine",
            "--format",
            "text",
        ])
        .any_stdout()
        .run();
    assert!(output.stdout.starts_with("Subject: "));
}

#[test]
fn a_template_error_names_the_file_line_and_column() {
    let cases: [(&[u8], &str); 4] = [
        (
            b"Hi {{ recipient.first_name }},\n\n{{ recipient.nickname }}\n",
            "error: template `mine/card.warm.md`: Field `nickname` is not defined. Available fields: email, first_name, greeting, honorific, interviewed, is_recruiter, name, surname, title, topics, uses_honorific\n --> mine/card.warm.md:3:14\n",
        ),
        (
            b"Hi {% if %}\n",
            "error: template `mine/card.warm.md`: Found `%}` but expected one of",
        ),
        (
            b"Hi {{ recipient.first_name | shout }}\n",
            "error: template `mine/card.warm.md`: Unknown filter `shout`\n --> mine/card.warm.md:1:30\n  |\n1 | Hi {{ recipient.first_name | shout }}\n  |                              ^^^^^\n",
        ),
        (
            b"{% include \"/etc/passwd\" %}\n",
            "error: template `mine/card.warm.md`: Unknown template `/etc/passwd`",
        ),
    ];
    for (template, expected) in cases {
        let output = Test::new()
            .record(&example("single"))
            .file("mine/card.warm.md", template)
            .args(["render", "record.yaml", "--templates", "mine"])
            .status(1)
            .any_stderr()
            .run();
        assert!(output.stderr.starts_with(expected), "{}", output.stderr);
        assert!(
            output.stderr.contains(" --> mine/card.warm.md:"),
            "{}",
            output.stderr
        );
    }
}

#[test]
fn templates_cannot_read_the_environment() {
    let output = Test::new()
        .record(&example("single"))
        .file("mine/card.warm.md", b"{{ get_env(name=\"HOME\") }}\n")
        .args(["render", "record.yaml", "--templates", "mine"])
        .status(1)
        .any_stderr()
        .run();
    assert!(
        output
            .stderr
            .starts_with("error: template `mine/card.warm.md`: Unknown function `get_env`")
    );
}

#[test]
fn list_names_every_template_with_its_purpose() {
    let output = Test::new()
        .args(["templates", "list"])
        .env("XDG_CONFIG_HOME", "/nowhere")
        .any_stdout()
        .run();
    assert!(
        output.stdout.starts_with(
            "card.warm.md             handwritten card to one interviewer, warm tone\n"
        )
    );
    assert_eq!(
        output
            .stdout
            .lines()
            .filter(|line| line.contains(".md  "))
            .count(),
        11
    );
    assert!(output.stdout.contains("/nowhere/thankyou/templates"));
}

#[test]
fn export_writes_the_built_ins_and_never_overwrites() {
    let output = Test::new()
        .file("mine/card.warm.md", MINE)
        .args(["templates", "export", "mine"])
        .status(1)
        .stderr("error: mine/card.warm.md already exists; pass --force to replace it\n")
        .run();
    assert_eq!(fs::read(output.path("mine/card.warm.md")).unwrap(), MINE);
    let exported = Test::new()
        .args(["templates", "export", "mine"])
        .any_stderr()
        .run();
    assert_eq!(fs::read_dir(exported.path("mine")).unwrap().count(), 11);
    // Exported templates render exactly like the built-ins.
    let record = example("panel");
    let built_in = Test::new()
        .record(&record)
        .args(["render", "record.yaml"])
        .any_stdout()
        .run()
        .stdout;
    let test = Test::new().record(&record);
    let dir = exported.path("mine");
    let from_files = test
        .args([
            "render",
            "record.yaml",
            "--templates",
            dir.to_str().unwrap(),
        ])
        .any_stdout()
        .run()
        .stdout;
    assert_eq!(from_files, built_in);
}
