//! Arbitrary bytes through parse -> validate -> render, in every kind, tone
//! and format. Any panic, hang or runaway allocation is a finding.

#![no_main]

use libfuzzer_sys::fuzz_target;
use thankyou::mail;
use thankyou::output::{self, Format};
use thankyou::print;
use thankyou::record::{self, Tone};
use thankyou::render::{Renderer, Selection};
use thankyou::schedule;
use thankyou::{calendar, lint};

fuzz_target!(|bytes: &[u8]| {
    let Ok(mut record) = record::parse("fuzz.yaml", bytes) else {
        return;
    };
    let Ok(renderer) = Renderer::new() else {
        return;
    };
    for tone in [Tone::Warm, Tone::Formal] {
        record.tone = tone;
        let selection = Selection {
            kinds: Vec::new(),
            to: None,
            step: None,
            max_checkins: 3,
        };
        let Ok(drafts) = renderer.render(&record, &selection) else {
            panic!("a valid record failed to render");
        };
        for draft in &drafts {
            for format in [Format::Markdown, Format::Text, Format::Html] {
                let _ = output::format_draft(draft, format, 40);
            }
            if mail::is_emailed(draft.step.kind) {
                let _ = mail::eml(&record, draft);
                let _ = mail::mailto(&record, draft);
            }
        }
        let cards: Vec<_> = drafts
            .iter()
            .filter(|draft| !mail::is_emailed(draft.step.kind))
            .collect();
        let _ = print::sheet(&record, &cards, true);
    }
    let steps = schedule::plan(&record, 3);
    let _ = calendar::calendar(&record, &steps, "fuzz.yaml");
    let _ = lint::findings(&record, record.interview_date);
});
