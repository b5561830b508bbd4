//! How long the work takes inside one process: parsing and rendering one
//! realistic record, and rendering a thousand. `cargo bench`.

#![allow(clippy::unwrap_used)]

use thankyou::record::{self, Record};
use thankyou::render::{Renderer, Selection};

const PANEL: &str = include_str!("../examples/panel.yaml");

fn main() {
    divan::main();
}

fn everything() -> Selection {
    Selection {
        kinds: Vec::new(),
        to: None,
        step: None,
        max_checkins: 2,
    }
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
        renderer.render(&record, &everything()).unwrap()
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
            .map(|record| renderer.render(record, &everything()).unwrap().len())
            .sum::<usize>()
    });
}
