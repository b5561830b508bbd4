//! `thankyou schema`: the JSON Schema of the record or of the config, for
//! editors.

use anyhow::Result;

use crate::arguments::SchemaOf;
use crate::config;
use crate::output::print;
use crate::record;

/// Prints the JSON Schema of the record file, or of `config.yaml`.
pub fn run(of: SchemaOf) -> Result<()> {
    let schema = match of {
        SchemaOf::Record => record::json_schema(),
        SchemaOf::Config => config::json_schema(),
    };
    let mut json = serde_json::to_string_pretty(&schema)?;
    json.push('\n');
    Ok(print(&json)?)
}
