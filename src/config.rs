//! The user's own settings, written once in the config folder (beside the
//! templates folder) so records need not repeat them: `config.yaml`.
//! A record's own value wins over the config's, field by field.

use std::path::PathBuf;

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::error::RecordError;
use crate::record::fields::Line;
use crate::record::yaml;
use crate::record::{Locale, RawCandidate, Settings, Tone, place_code};

/// The `config.yaml` file as written.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "thankyou config", rename = "Config")]
struct RawConfig {
    /// Who you are, for every record that leaves out `candidate` or any
    /// of its fields: the record's own fields win.
    #[serde(default)]
    candidate: Option<RawCandidate>,
    /// `warm` or `formal`, unless a record says.
    #[serde(default)]
    tone: Option<Tone>,
    /// The English the drafts are written in, unless a record says.
    #[serde(default)]
    locale: Option<Locale>,
    /// Where the candidate lives, unless a record says (ISO 3166-1, such
    /// as `GB`).
    #[serde(default)]
    #[schemars(with = "Option<Line>")]
    country: Option<Spanned<Line>>,
    /// The part of the country with holidays of its own (ISO 3166-2
    /// without the country, such as `SCT`); it counts only in the config's
    /// own country.
    #[serde(default)]
    #[schemars(with = "Option<Line>")]
    region: Option<Spanned<Line>>,
}

/// The folder of the user's settings and templates, if the platform has
/// one (`$XDG_CONFIG_HOME/thankyou` on Linux).
pub fn folder() -> Option<PathBuf> {
    let strategy = etcetera::choose_base_strategy().ok()?;
    Some(etcetera::BaseStrategy::config_dir(&strategy).join("thankyou"))
}

/// Where `config.yaml` is, or would be: in [`folder`].
pub fn path() -> Option<PathBuf> {
    folder().map(|folder| folder.join("config.yaml"))
}

/// The settings in `config.yaml`, or none when there is no such file; a
/// file that is not valid is an error naming its line and field.
pub fn load() -> Result<Settings, RecordError> {
    let Some(path) = path() else {
        return Ok(Settings::default());
    };
    let name = path.display().to_string();
    let unset = Settings {
        path: Some(name.clone()),
        ..Settings::default()
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(unset),
        Err(error) => {
            return Err(plain(
                &name,
                format!("cannot read the config: {error}; fix its permissions or remove it"),
            ));
        }
    };
    if is_blank(&bytes) {
        return Ok(unset);
    }
    let text = yaml::decode(&name, &bytes)?;
    let raw: RawConfig = yaml::from_str(&name, text)?;
    let code = |spanned: Option<Spanned<Line>>, field: &str| {
        spanned
            .map(|spanned| {
                place_code(spanned.value.as_str(), field).map_err(|message| {
                    let position = yaml::position(spanned.referenced);
                    yaml::error_at(&name, text, position, Some(field.into()), message)
                })
            })
            .transpose()
    };
    Ok(Settings {
        locale: raw.locale,
        country: code(raw.country, "country")?,
        region: code(raw.region, "region")?,
        candidate: raw.candidate.unwrap_or_default().into(),
        tone: raw.tone,
        path: Some(name.clone()),
    })
}

/// Whether a config file holds nothing but blank lines and comments: a
/// config that sets nothing yet, which is not a mistake.
fn is_blank(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes.split(|&byte| byte == b'\n').all(|line| {
        let line = line.trim_ascii();
        line.is_empty() || line.starts_with(b"#") || line == b"---"
    })
}

/// An error about the config file as a whole.
fn plain(name: &str, message: String) -> RecordError {
    RecordError {
        source_name: name.to_owned(),
        position: None,
        field: None,
        message,
        line_text: None,
        mistakes: Box::default(),
    }
}

/// The JSON Schema (draft 2020-12) of `config.yaml`, for editors.
pub fn json_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(RawConfig)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_config_of_comments_sets_nothing() {
        assert!(is_blank(b"# my settings\n\n---\n"));
        assert!(!is_blank(b"# my settings\ntone: formal\n"));
    }
}
