//! `thankyou config`: where the config file is, and what it sets.

use std::fmt::Write as _;

use anyhow::{Result, bail};

use crate::config;
use crate::output::print;
use crate::record::{Settings, Tone};

/// Prints the config file's path, and unless `path_only`, each setting.
pub fn run(path_only: bool) -> Result<()> {
    let Some(path) = config::path() else {
        bail!(
            "this system has no config folder for thankyou; set HOME (or XDG_CONFIG_HOME) and try again"
        );
    };
    if path_only {
        return Ok(print(&format!("{}\n", path.display()))?);
    }
    let settings = config::load()?;
    let state = if path.is_file() {
        ""
    } else {
        " (not there yet: write it to set these for every record)"
    };
    let mut out = format!("config file      {}{state}\n", path.display());
    for (name, value) in shown(&settings) {
        let _ = writeln!(
            out,
            "{name:16} {}",
            value.unwrap_or_else(|| "(not set)".into())
        );
    }
    Ok(print(&out)?)
}

/// Each setting by the name it has in the file, with its value if set.
fn shown(settings: &Settings) -> [(&'static str, Option<String>); 7] {
    let candidate = &settings.candidate;
    [
        ("candidate.name", candidate.name.clone()),
        ("candidate.email", candidate.email.clone()),
        ("candidate.phone", candidate.phone.clone()),
        ("tone", settings.tone.map(|tone| tone_name(tone).to_owned())),
        (
            "locale",
            settings.locale.map(|locale| locale.name().to_owned()),
        ),
        ("country", settings.country.clone()),
        ("region", settings.region.clone()),
    ]
}

/// A tone as the file writes it.
fn tone_name(tone: Tone) -> &'static str {
    match tone {
        Tone::Warm => "warm",
        Tone::Formal => "formal",
    }
}
