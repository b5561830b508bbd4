//! `thankyou schema`: the record's JSON Schema, for editors.

use anyhow::Result;

use crate::output::print;
use crate::record;

/// Prints the JSON Schema of the record file.
pub fn run() -> Result<()> {
    let mut json = serde_json::to_string_pretty(&record::json_schema())?;
    json.push('\n');
    Ok(print(&json)?)
}
