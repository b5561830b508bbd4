//! The scalar values a record is made of: one-line text, email addresses and
//! dates, each checked as it is read so errors point at the exact line.

use std::borrow::Cow;

use jiff::civil::Date;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;

/// One line of text from the record: trimmed, with runs of whitespace
/// (line breaks included) folded to one space, never blank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text(String);

impl Text {
    /// The text itself.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<Text> for String {
    fn from(text: Text) -> Self {
        text.0
    }
}

impl Text {
    fn new(raw: String) -> Result<Self, &'static str> {
        let already_folded = !raw.starts_with(char::is_whitespace)
            && !raw.ends_with(char::is_whitespace)
            && !raw.contains("  ")
            && !raw.contains(|c: char| c.is_whitespace() && c != ' ');
        let folded = if already_folded {
            raw
        } else {
            raw.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        if folded.is_empty() {
            return Err("must not be blank");
        }
        if folded.chars().any(char::is_control) {
            return Err("contains a control character");
        }
        Ok(Text(folded))
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Text::new(raw).map_err(serde::de::Error::custom)
    }
}

/// Text that must be written on one line: names, titles and addresses,
/// which end up in greetings and email headers, where a line break could
/// start a header of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line(Text);

impl Line {
    /// The text itself.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    fn new(raw: String) -> Result<Self, &'static str> {
        if raw.trim().contains(['\n', '\r']) {
            return Err("must be on one line");
        }
        let text = Text::new(raw)?;
        if !text.as_str().chars().any(char::is_alphanumeric) {
            return Err("must contain a letter or a digit");
        }
        Ok(Line(text))
    }
}

impl From<Line> for String {
    fn from(line: Line) -> Self {
        line.0.into()
    }
}

impl<'de> Deserialize<'de> for Line {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Line::new(raw).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Line {
    fn schema_name() -> Cow<'static, str> {
        "Line".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": "^[^\\r\\n]*\\S[^\\r\\n]*$" })
    }
}

/// An optional text field: absent or blank is `None`.
pub(crate) fn optional_text<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Text>, D::Error> {
    let raw: Option<String> = Option::deserialize(deserializer)?;
    match raw {
        Some(raw) if !raw.trim().is_empty() => {
            Text::new(raw).map(Some).map_err(serde::de::Error::custom)
        }
        _ => Ok(None),
    }
}

/// An optional one-line field: absent or blank is `None`.
pub(crate) fn optional_line<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Line>, D::Error> {
    let raw: Option<String> = Option::deserialize(deserializer)?;
    match raw {
        Some(raw) if !raw.trim().is_empty() => {
            Line::new(raw).map(Some).map_err(serde::de::Error::custom)
        }
        _ => Ok(None),
    }
}

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": "\\S" })
    }
}

/// An email address: text with one `@` and a dot in the domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(Line);

impl Email {
    /// The address itself.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl From<Email> for String {
    fn from(email: Email) -> Self {
        email.0.into()
    }
}

impl<'de> Deserialize<'de> for Email {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let line = Line::deserialize(deserializer)?;
        check_email(line.as_str()).map_err(serde::de::Error::custom)?;
        Ok(Email(line))
    }
}

impl JsonSchema for Email {
    fn schema_name() -> Cow<'static, str> {
        "Email".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": "^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$" })
    }
}

/// A calendar date written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IsoDate(pub Date);

impl JsonSchema for IsoDate {
    fn schema_name() -> Cow<'static, str> {
        "IsoDate".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" })
    }
}

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        parse_date(raw.trim()).map(IsoDate).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{raw}` is not a date; write it as YYYY-MM-DD, such as 2026-11-19"
            ))
        })
    }
}

/// Reads a strict `YYYY-MM-DD` date, the only form the record and the command line accept.
pub fn parse_date(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape_ok {
        return None;
    }
    text.parse::<Date>().ok()
}

fn check_email(email: &str) -> Result<(), String> {
    let valid = email.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
    }) && !email.contains(' ');
    if valid {
        Ok(())
    } else {
        Err(format!("`{email}` is not an email address"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_iso() {
        for (text, ok) in [
            ("2026-11-19", true),
            ("2026-02-29", false),
            ("2028-02-29", true),
            ("2026-11-9", false),
            ("19/11/2026", false),
            ("2026-11-19T10:00", false),
            ("", false),
        ] {
            assert_eq!(parse_date(text).is_some(), ok, "{text}");
        }
    }

    #[test]
    fn emails_need_a_domain() {
        assert!(check_email("a@b.example").is_ok());
        assert!(check_email("priya.shah").is_err());
        assert!(check_email("a@localhost").is_err());
        assert!(check_email("a b@c.example").is_err());
    }
}
