//! The user's own settings, written once in the config folder (beside the
//! templates folder) so records need not repeat them: `config.yaml`.
//! A record's own value wins over the config's.

use std::path::PathBuf;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::error::RecordError;
use crate::record::fields::Line;
use crate::record::yaml;
use crate::record::{Locale, Settings, place_code};

/// The `config.yaml` file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    /// The English the drafts are written in, unless a record says.
    #[serde(default)]
    locale: Option<Locale>,
    /// Where the candidate lives, unless a record says.
    #[serde(default)]
    country: Option<Spanned<Line>>,
    /// The part of the country with holidays of its own.
    #[serde(default)]
    region: Option<Spanned<Line>>,
}

/// The folder of the user's settings and templates, if the platform has
/// one (`$XDG_CONFIG_HOME/thankyou` on Linux).
pub fn folder() -> Option<PathBuf> {
    let strategy = etcetera::choose_base_strategy().ok()?;
    Some(etcetera::BaseStrategy::config_dir(&strategy).join("thankyou"))
}

/// The settings in `config.yaml`, or none when there is no such file; a
/// file that is not valid is an error naming its line and field.
pub fn load() -> Result<Settings, RecordError> {
    let Some(path) = folder().map(|folder| folder.join("config.yaml")) else {
        return Ok(Settings::default());
    };
    let Ok(bytes) = std::fs::read(&path) else {
        return Ok(Settings::default());
    };
    let name = path.display().to_string();
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
    })
}
