//! The English a candidate writes: spelling, list commas and dates as
//! their country writes them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A variety of English, named as a language tag.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
pub enum Locale {
    /// United States English: "honored", "organize", "A, B, and C",
    /// "Monday, November 16".
    #[default]
    #[serde(rename = "en-US")]
    EnUs,
    /// British English: "honoured", "organise", "A, B and C", "Monday 16 November".
    #[serde(rename = "en-GB")]
    EnGb,
    /// Canadian English: "honoured" with "organize"; dates and commas as in the US.
    #[serde(rename = "en-CA")]
    EnCa,
    /// Australian English, spelt as British English.
    #[serde(rename = "en-AU")]
    EnAu,
    /// New Zealand English, spelt as British English.
    #[serde(rename = "en-NZ")]
    EnNz,
    /// Irish English, spelt as British English.
    #[serde(rename = "en-IE")]
    EnIe,
    /// Indian English, spelt as British English.
    #[serde(rename = "en-IN")]
    EnIn,
}

/// How a locale spells the words that differ: the built-in templates are
/// written once in US spelling and respelt for the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Spelling {
    /// "honor", "organize".
    American,
    /// "honour", "organize".
    Canadian,
    /// "honour", "organise".
    British,
}

impl Spelling {
    /// A locale of this spelling: they all write lists and dates alike.
    pub fn example(self) -> Locale {
        match self {
            Spelling::American => Locale::EnUs,
            Spelling::Canadian => Locale::EnCa,
            Spelling::British => Locale::EnGb,
        }
    }
}

impl Locale {
    /// Every locale, in the order the documentation lists them.
    pub const ALL: [Locale; 7] = [
        Locale::EnUs,
        Locale::EnGb,
        Locale::EnCa,
        Locale::EnAu,
        Locale::EnNz,
        Locale::EnIe,
        Locale::EnIn,
    ];

    /// The tag: "en-GB".
    pub fn name(self) -> &'static str {
        match self {
            Locale::EnUs => "en-US",
            Locale::EnGb => "en-GB",
            Locale::EnCa => "en-CA",
            Locale::EnAu => "en-AU",
            Locale::EnNz => "en-NZ",
            Locale::EnIe => "en-IE",
            Locale::EnIn => "en-IN",
        }
    }

    /// The locale a tag names ("en-GB"), ignoring case.
    pub fn from_tag(tag: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|locale| locale.name().eq_ignore_ascii_case(tag))
    }

    /// The country whose public holidays apply unless the record says
    /// otherwise (ISO 3166-1 alpha-2).
    pub fn country(self) -> &'static str {
        &self.name()[3..]
    }

    /// How the locale spells.
    pub fn spelling(self) -> Spelling {
        match self {
            Locale::EnUs => Spelling::American,
            Locale::EnCa => Spelling::Canadian,
            _ => Spelling::British,
        }
    }

    /// Whether a list of three ends ", and C" (US and Canadian style)
    /// rather than " and C".
    pub fn serial_comma(self) -> bool {
        self.month_first()
    }

    /// Whether dates put the month first ("Monday, November 16", US and
    /// Canadian style) rather than the day ("Monday 16 November").
    pub fn month_first(self) -> bool {
        self.north_american()
    }

    /// Whether the locale is the US's or Canada's, which share date style,
    /// the serial comma and paper sizes (A2 note cards rather than A6).
    pub fn north_american(self) -> bool {
        matches!(self, Locale::EnUs | Locale::EnCa)
    }
}

/// Words the built-in templates spell the American way, with the British
/// spelling and, where Canada differs from Britain, the Canadian one.
/// Longest first within a stem, so "honored" is respelt before "honor".
pub const RESPELLINGS: &[(&str, &str, Option<&str>)] = &[
    ("honored", "honoured", None),
    ("honoring", "honouring", None),
    ("honor", "honour", None),
    ("favorite", "favourite", None),
    ("favorable", "favourable", None),
    ("favor", "favour", None),
    ("color", "colour", None),
    ("behavior", "behaviour", None),
    ("endeavor", "endeavour", None),
    ("labor", "labour", None),
    ("neighbor", "neighbour", None),
    ("rumor", "rumour", None),
    ("humor", "humour", None),
    ("center", "centre", None),
    ("organized", "organised", Some("organized")),
    ("organize", "organise", Some("organize")),
    ("organization", "organisation", Some("organization")),
    ("realized", "realised", Some("realized")),
    ("realize", "realise", Some("realize")),
    ("recognized", "recognised", Some("recognized")),
    ("recognize", "recognise", Some("recognize")),
    ("energized", "energised", Some("energized")),
    ("energize", "energise", Some("energize")),
    ("prioritize", "prioritise", Some("prioritize")),
    ("emphasize", "emphasise", Some("emphasize")),
    ("specialize", "specialise", Some("specialize")),
    ("apologize", "apologise", Some("apologize")),
    ("summarize", "summarise", Some("summarize")),
    ("analyze", "analyse", Some("analyze")),
    ("minimize", "minimise", Some("minimize")),
    ("maximize", "maximise", Some("maximize")),
    ("traveled", "travelled", None),
    ("traveling", "travelling", None),
    ("canceled", "cancelled", None),
    ("judgment", "judgement", Some("judgment")),
    ("fulfill", "fulfil", Some("fulfill")),
    ("enrollment", "enrolment", None),
    ("skillful", "skilful", None),
];

/// `text` respelt for `spelling`, word by word, keeping each word's case;
/// text inside Tera tags (`{{ … }}`, `{% … %}`, `{# … #}`) is left alone.
pub fn respell(text: &str, spelling: Spelling) -> String {
    if spelling == Spelling::American {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let (prose, tagged) = rest.split_at(open);
        out.push_str(&respell_prose(prose, spelling));
        let close = match tagged.get(1..2) {
            Some("{") => "}}",
            Some("%") => "%}",
            Some("#") => "#}",
            _ => {
                out.push('{');
                rest = &tagged[1..];
                continue;
            }
        };
        let end = tagged
            .find(close)
            .map_or(tagged.len(), |at| at + close.len());
        out.push_str(&tagged[..end]);
        rest = &tagged[end..];
    }
    out.push_str(&respell_prose(rest, spelling));
    out
}

fn respell_prose(prose: &str, spelling: Spelling) -> String {
    let mut out = String::with_capacity(prose.len());
    let mut word_start = None;
    for (at, c) in prose.char_indices().chain([(prose.len(), ' ')]) {
        if c.is_alphabetic() {
            word_start.get_or_insert(at);
            continue;
        }
        if let Some(start) = word_start.take() {
            out.push_str(&respelt(&prose[start..at], spelling));
        }
        if at < prose.len() {
            out.push(c);
        }
    }
    out
}

/// One word respelt, keeping a capital first letter.
fn respelt(word: &str, spelling: Spelling) -> String {
    let lower = word.to_lowercase();
    for (american, british, canadian) in RESPELLINGS {
        let Some(suffix) = lower.strip_prefix(american) else {
            continue;
        };
        if !matches!(suffix, "" | "s" | "ed" | "ing" | "d") {
            continue;
        }
        let base = match spelling {
            Spelling::Canadian => canadian.unwrap_or(british),
            _ => british,
        };
        // "centre" + "ed" is "centred".
        let base = match base.strip_suffix("re") {
            Some(stem) if matches!(suffix, "ed" | "ing") => format!("{stem}r"),
            _ => (*base).to_owned(),
        };
        let mut respelt = format!("{base}{suffix}");
        if word.starts_with(char::is_uppercase) {
            respelt = respelt[..1].to_uppercase() + &respelt[1..];
        }
        return respelt;
    }
    word.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_of_a_spelling_writes_lists_and_dates_alike() {
        for locale in Locale::ALL {
            let example = locale.spelling().example();
            assert_eq!(locale.serial_comma(), example.serial_comma(), "{locale:?}");
            assert_eq!(locale.month_first(), example.month_first(), "{locale:?}");
        }
    }

    #[test]
    fn templates_are_respelt_outside_their_tags() {
        let template = "I would be honored to help {{ honored }} Honor{% if favor %} our favorite center{% endif %}.";
        assert_eq!(
            respell(template, Spelling::British),
            "I would be honoured to help {{ honored }} Honour{% if favor %} our favourite centre{% endif %}."
        );
        assert_eq!(
            respell("We organized it and I realize it.", Spelling::Canadian),
            "We organized it and I realize it."
        );
        assert_eq!(
            respell("We organized the honors.", Spelling::Canadian),
            "We organized the honours."
        );
        assert_eq!(respell("honest", Spelling::British), "honest");
        assert_eq!(respell("centered", Spelling::British), "centred");
    }
}
