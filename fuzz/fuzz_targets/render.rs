//! Arbitrary bytes through parse -> validate -> render, in every kind, tone
//! and format. Any panic, hang or runaway allocation is a finding.

#![no_main]

use libfuzzer_sys::fuzz_target;
use thankyou::format::{self, FORMATS, Input};
use thankyou::lint;
use thankyou::plan;
use thankyou::record::{self, Tone};
use thankyou::render::Renderer;

fuzz_target!(|bytes: &[u8]| {
    let Ok(mut record) = record::parse("fuzz.yaml", bytes) else {
        return;
    };
    let Ok(renderer) = Renderer::new() else {
        return;
    };
    for tone in [Tone::Warm, Tone::Formal] {
        record.tone = tone;
        let Ok(drafts) = renderer.drafts(&record, plan::steps(&record, 3)) else {
            panic!("a valid record failed to render");
        };
        for to_stdout in [true, false] {
            let options = format::Options {
                width: 40,
                guides: true,
                to_stdout,
            };
            for format in FORMATS {
                let _ = (format.write)(&Input {
                    record: &record,
                    source: "fuzz.yaml",
                    drafts: &drafts,
                    options: &options,
                });
            }
        }
        let options = lint::Options {
            today: thankyou::today::Today::given(record.interview_date),
            card_words: 70,
            // The full check, form letters included, is the one to fuzz.
            built_in_templates: false,
        };
        let _ = lint::findings(&record, &drafts, &options);
    }
});
