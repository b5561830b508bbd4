//! docs/templates.md documents every variable a template can use: this test
//! fails when the context gains a field the document does not list.

use std::collections::BTreeSet;
use std::path::Path;

use thankyou::context::{Context, Shared};
use thankyou::plan;
use thankyou::record;

/// Every path in a JSON value, such as `recipient.first_name` and `answers[].question`.
fn paths(value: &serde_json::Value, prefix: &str, out: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                out.insert(path.clone());
                paths(value, &path, out);
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                paths(item, &format!("{prefix}[]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_context_variable_is_documented() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read(root.join("examples/formal.yaml")).unwrap();
    let record = record::parse("formal.yaml", &text).unwrap();
    let mut found = BTreeSet::new();
    // The struct the renderer renders, for every step of the plan.
    let shared = Shared::new(&record);
    for step in plan::steps(&record, 2) {
        let context = Context::new(&shared, &record, &step);
        paths(&serde_json::to_value(&context).unwrap(), "", &mut found);
    }
    let doc = std::fs::read_to_string(root.join("docs/templates.md")).unwrap();
    let missing: Vec<&String> = found
        .iter()
        .filter(|path| !doc.contains(&format!("`{path}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/templates.md does not document {missing:?}"
    );
}
