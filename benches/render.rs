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
