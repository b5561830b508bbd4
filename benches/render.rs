//! How long the work takes inside one process: parsing and rendering one
//! realistic record, and rendering a thousand. `cargo bench`.

#![allow(clippy::unwrap_used)]

use thankyou::record::{self, Record};
use thankyou::render::{Draft, Renderer};
use thankyou::today::Today;
use thankyou::{lint, plan};

const PANEL: &str = include_str!("../examples/panel.yaml");

fn main() {
    divan::main();
}

/// Every draft of the record's plan.
fn everything(renderer: &Renderer, record: &Record) -> Vec<Draft> {
    renderer.drafts(record, plan::steps(record, 2)).unwrap()
}

/// Compiling the built-in templates: done once per process.
#[divan::bench]
fn compile_templates() -> Renderer {
    Renderer::new().unwrap()
}

/// One three-interviewer record, parsed and checked, every draft rendered.
#[divan::bench]
fn parse_and_render_one_record(bencher: divan::Bencher) {
    let renderer = Renderer::new().unwrap();
    bencher.bench_local(|| {
        let record = record::parse("panel.yaml", divan::black_box(PANEL.as_bytes())).unwrap();
        everything(&renderer, &record)
    });
}

/// A thousand records, already parsed, every draft rendered.
#[divan::bench(sample_count = 20)]
fn render_a_thousand_records(bencher: divan::Bencher) {
    let renderer = Renderer::new().unwrap();
    let records: Vec<Record> = (0..1000)
        .map(|index| {
            let text = PANEL.replace("Jordan Lee", &format!("Jordan Lee {index}"));
            record::parse("panel.yaml", text.as_bytes()).unwrap()
        })
        .collect();
    bencher.bench_local(|| {
        records
            .iter()
            .map(|record| everything(&renderer, record).len())
            .sum::<usize>()
    });
}

/// One three-interviewer record, parsed and checked: reading YAML.
#[divan::bench]
fn parse_one_record() -> Record {
    record::parse("panel.yaml", divan::black_box(PANEL.as_bytes())).unwrap()
}

/// The lint of one record and its drafts, as `render` runs it.
#[divan::bench]
fn lint_one_record(bencher: divan::Bencher) {
    let renderer = Renderer::new().unwrap();
    let record = record::parse("panel.yaml", PANEL.as_bytes()).unwrap();
    let drafts = everything(&renderer, &record);
    let options = lint::Options {
        today: Today::given(record.interview_date),
        card_words: 40,
        built_in_templates: false,
    };
    bencher.bench_local(|| lint::findings(&record, divan::black_box(&drafts), &options));
}

/// `panel.yaml` with `count` interviewers, each with a topic of their own,
/// built past the record's limit of fifty to see how the checks grow.
fn panel_of(count: usize) -> Record {
    let mut record = record::parse("panel.yaml", PANEL.as_bytes()).unwrap();
    let model = record.interviewers[0].clone();
    record.interviewers = (0..count)
        .map(|index| thankyou::record::Person {
            name: format!("Person{index} Surname{index}"),
            surname: format!("Surname{index}"),
            topics: vec![format!("topic number {index}")],
            ..model.clone()
        })
        .collect();
    record
}

/// The form-letter check on the drafts of 50 interviewers (the most a
/// record may list) and of 6,000: it must not compare every pair.
#[divan::bench(args = [50, 6000], sample_count = 3, sample_size = 1)]
fn form_letters(bencher: divan::Bencher, interviewers: usize) {
    let renderer = Renderer::new().unwrap();
    let record = panel_of(interviewers);
    let drafts = everything(&renderer, &record);
    bencher.bench_local(|| lint::form_letters(&record, divan::black_box(&drafts)));
}
