//! How quickly the page of `thankyou serve` shows the drafts after a
//! keystroke, in a real browser, and how much memory the server holds:
//! `cargo bench --bench latency`. Needs Debian's `chromium`.
//!
//! For each bundled example, twenty keystrokes are typed one at a time
//! into the candidate's name, each waited for; the page's own clock
//! (`window.thankyouTimings`) measures from the key's input event to the
//! drafts on screen.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs, dead_code)]

#[path = "../tests/browser.rs"]
mod browser;
#[path = "../tests/server.rs"]
mod server;

use browser::Chromium;
use server::Server;

/// Keystrokes typed per example.
const KEYS: usize = 20;

fn main() {
    let chromium = Chromium::launch();
    let mut timings: Vec<f64> = Vec::new();
    for example in examples() {
        let example = example.as_str();
        let server = Server::with_examples(&[example]);
        let file = format!("{example}.yaml");
        let text = std::fs::read_to_string(server.path(&file)).unwrap();
        let rest_kb = resident_kb(server.pid());
        let tab = chromium.open(&server.url(&format!("/record/{file}")));
        tab.wait_for(
            "document.querySelectorAll('#drafts article.draft').length > 0",
            "the drafts",
        );
        tab.caret_at_end_of_line("#editor", candidate_name_line(&text));
        for key in 0..KEYS {
            let shown: usize = tab.eval("window.thankyouTimings.length");
            if key % 2 == 0 {
                tab.type_keys("a");
            } else {
                tab.press("Backspace");
            }
            tab.wait_for(
                &format!("window.thankyouTimings.length > {shown}"),
                "the preview",
            );
        }
        let mine: Vec<f64> = tab.eval(&format!("window.thankyouTimings.slice(-{KEYS})"));
        println!(
            "{example:>13}: median {:5.1} ms, 95th percentile {:5.1} ms; server at rest {:>6} kB, after typing {:>6} kB",
            percentile(&mine, 50),
            percentile(&mine, 95),
            rest_kb,
            resident_kb(server.pid())
        );
        timings.extend(mine);
    }
    println!(
        "{:>13}: median {:5.1} ms, 95th percentile {:5.1} ms over {} keystrokes",
        "all",
        percentile(&timings, 50),
        percentile(&timings, 95),
        timings.len()
    );
}

/// The bundled examples' names, as `examples/` holds them.
fn examples() -> Vec<String> {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .filter_map(|entry| {
            let name = entry.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".yaml").map(str::to_owned)
        })
        .collect();
    names.sort();
    names
}

/// The line (from 1) of the candidate's `name:`.
fn candidate_name_line(text: &str) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let candidate = lines.iter().position(|line| *line == "candidate:").unwrap();
    candidate
        + 1
        + lines[candidate + 1..]
            .iter()
            .position(|line| line.starts_with("  name: "))
            .unwrap()
        + 1
}

/// The `p`th percentile of `values` (`p` from 1 to 100), by the nearest rank.
fn percentile(values: &[f64], p: usize) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = (p * sorted.len()).div_ceil(100);
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// The resident memory of process `pid`, in kB, from `/proc`.
fn resident_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|kb| kb.parse().ok())
        .unwrap_or(0)
}
