//! The scalar values a record is made of: one-line text, email addresses and
//! dates, each checked as it is read so errors point at the exact line.

use std::borrow::Cow;

use jiff::civil::Date;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

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
    fn new(raw: String) -> Result<Self, String> {
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
            return Err("must not be blank".into());
        }
        if let Some(message) = folded.chars().find_map(hidden_character) {
            return Err(message);
        }
        Ok(Text(folded))
    }
}

/// What to say about `c` when it is a character no one sees: a control
/// character (tabs and line breaks are folded away before this) or a
/// format character such as a right-to-left override, which can make a
/// name read differently from what it holds. The joiners that spell some
/// names (U+200C, U+200D) are letters' business, not hidden text.
fn hidden_character(c: char) -> Option<String> {
    let what = match c.general_category() {
        GeneralCategory::Control => "a control character",
        GeneralCategory::Format if !matches!(c, '\u{200C}' | '\u{200D}') => {
            "an invisible formatting character, which can change the order or look of the text around it"
        }
        _ => return None,
    };
    Some(format!(
        "contains U+{:04X}, {what}; delete it (retype the text if you cannot see it)",
        u32::from(c)
    ))
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

    fn new(raw: String) -> Result<Self, String> {
        if raw.trim().contains(['\n', '\r']) {
            return Err("must be on one line".into());
        }
        let text = Text::new(raw)?;
        if !text.as_str().chars().any(char::is_alphanumeric) {
            return Err("must contain a letter or a digit".into());
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

/// Checks one line of text (a name, a title) by the record's rules and
/// returns it as the record reads it; `Err` says what is wrong.
pub fn check_line(text: &str) -> Result<String, String> {
    Line::new(text.to_owned()).map(String::from)
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

/// The last year a date in the record may fall in: jiff's calendar ends
/// with 9999, and a plan runs weeks past the dates it counts from (check-ins
/// a week apart, moved past weekends and holidays), all of which must fit.
pub const LATEST_YEAR: i16 = 9998;

/// A calendar date written `YYYY-MM-DD`, no later than [`LATEST_YEAR`].
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
        let date = parse_date(raw.trim()).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{raw}` is not a date; write it as YYYY-MM-DD, such as 2026-11-19"
            ))
        })?;
        if date.year() > LATEST_YEAR {
            return Err(serde::de::Error::custom(format!(
                "{date} is too late: the follow-up plan would run past the end of the calendar in 9999; write a date in {LATEST_YEAR} or earlier (check the year)"
            )));
        }
        Ok(IsoDate(date))
    }
}

/// A number as the record writes it, kept whatever its size so the check
/// can say what range it must be in: `None` when it is not a whole number
/// at all (text, a fraction, a list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Whole(pub Option<i64>);

impl<'de> Deserialize<'de> for Whole {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(WholeVisitor)
    }
}

/// Reads any YAML value into a [`Whole`], so that no value gets serde's
/// own wording ("invalid u8") instead of the record's.
struct WholeVisitor;

impl<'de> serde::de::Visitor<'de> for WholeVisitor {
    type Value = Whole;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a whole number")
    }

    fn visit_i64<E>(self, value: i64) -> Result<Whole, E> {
        Ok(Whole(Some(value)))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Whole, E> {
        Ok(Whole(Some(i64::try_from(value).unwrap_or(i64::MAX))))
    }

    fn visit_i128<E>(self, value: i128) -> Result<Whole, E> {
        let clamped = value.clamp(i128::from(i64::MIN), i128::from(i64::MAX));
        Ok(Whole(i64::try_from(clamped).ok()))
    }

    fn visit_u128<E>(self, value: u128) -> Result<Whole, E> {
        Ok(Whole(Some(i64::try_from(value).unwrap_or(i64::MAX))))
    }

    fn visit_f64<E>(self, _: f64) -> Result<Whole, E> {
        Ok(Whole(None))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Whole, E> {
        Ok(Whole(None))
    }

    fn visit_str<E>(self, _: &str) -> Result<Whole, E> {
        Ok(Whole(None))
    }

    fn visit_unit<E>(self) -> Result<Whole, E> {
        Ok(Whole(None))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Whole, A::Error> {
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(Whole(None))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Whole, A::Error> {
        while map
            .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
            .is_some()
        {}
        Ok(Whole(None))
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

/// Where an address goes wrong, in plain words, or `None` when it is one
/// RFC 5322 addr-spec a mail client takes as it is: a dot-atom before the
/// `@` (no quotes, comments or display name) and a host name after it, in
/// labels of letters, digits and hyphens with at least one dot.
fn email_fault(email: &str) -> Option<String> {
    let allowed = |c: char| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.@".contains(c);
    if let Some(c) = email.chars().find(|&c| !allowed(c)) {
        return Some(format!("{} cannot be part of one", describe(c)));
    }
    let (local, domain) = match email.split('@').count() {
        1 => return Some("it has no @".into()),
        2 => email.split_once('@')?,
        _ => return Some("it has more than one @".into()),
    };
    if let Some(c) = domain
        .chars()
        .find(|&c| !(c.is_alphanumeric() || matches!(c, '-' | '.')))
    {
        return Some(format!(
            "{} cannot be part of the domain after the @",
            describe(c)
        ));
    }
    let options = email_address::Options::default()
        .with_required_tld()
        .without_domain_literal()
        .without_display_text();
    let error = email_address::EmailAddress::parse_with_options(email, options).err()?;
    Some(match error {
        email_address::Error::LocalPartEmpty => "nothing comes before the @".into(),
        email_address::Error::DomainEmpty => "nothing comes after the @".into(),
        email_address::Error::DomainTooFew => {
            "the domain after the @ needs a dot, as in northwind.example".into()
        }
        email_address::Error::LocalPartTooLong
        | email_address::Error::DomainTooLong
        | email_address::Error::SubDomainTooLong => {
            "it is longer than an email address may be".into()
        }
        _ if local.starts_with('.') || local.ends_with('.') || local.contains("..") => {
            "a dot before the @ must sit between two other characters".into()
        }
        _ => format!(
            "the domain `{domain}` is not a host name; each part between dots starts and ends with a letter or a digit"
        ),
    })
}

/// A character as a message names it: `;` in backticks, or what a space is.
fn describe(c: char) -> String {
    if c.is_whitespace() {
        format!("a space (U+{:04X})", u32::from(c))
    } else {
        format!("`{c}`")
    }
}

/// Checks an email address by the record's rules: `Err` says what is wrong
/// and how to write it.
pub fn check_email(email: &str) -> Result<(), String> {
    match email_fault(email) {
        None => Ok(()),
        Some(fault) => Err(format!(
            "`{email}` is not an email address: {fault}; write a single address, such as priya.shah@northwind.example"
        )),
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

    #[test]
    fn emails_are_one_plain_address() {
        for good in [
            "priya.shah@northwind.example",
            "priya+jobs@mail.northwind.example",
            "o'neil@x-y.example",
            "jürgen@bäckerei.example",
            "a_b-c@sub.domain.example",
        ] {
            assert_eq!(email_fault(good), None, "{good}");
        }
        for (bad, fault) in [
            (
                "tom@x.example;evil@example.com",
                "`;` cannot be part of one",
            ),
            ("tom@x.example,evil@x.example", "`,` cannot be part of one"),
            (
                "tom@x.example?bcc=evil@example.com",
                "it has more than one @",
            ),
            (
                "tom@x.example?bcc=evil",
                "`?` cannot be part of the domain after the @",
            ),
            ("a b@x.example", "a space (U+0020) cannot be part of one"),
            ("<tom@x.example>", "`<` cannot be part of one"),
            ("\"tom b\"@x.example", "`\"` cannot be part of one"),
            ("tom@[192.0.2.1]", "`[` cannot be part of one"),
            (
                ".tom@x.example",
                "a dot before the @ must sit between two other characters",
            ),
            (
                "tom..lee@x.example",
                "a dot before the @ must sit between two other characters",
            ),
            ("@x.example", "nothing comes before the @"),
            ("tom@", "nothing comes after the @"),
            (
                "tom@-x.example",
                "the domain `-x.example` is not a host name; each part between dots starts and ends with a letter or a digit",
            ),
            (
                "tom@x..example",
                "the domain `x..example` is not a host name; each part between dots starts and ends with a letter or a digit",
            ),
        ] {
            assert_eq!(email_fault(bad).as_deref(), Some(fault), "{bad}");
        }
    }
}
