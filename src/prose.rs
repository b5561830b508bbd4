//! Text from the record made to fit the sentence it lands in: the
//! candidate's own notes read as prose ("&" as "and", curly quotes), an
//! answer as a sentence, a question quoted without doubled punctuation, a
//! strength as a noun phrase that any frame can take.

/// The candidate's own words as running prose: a spaced ampersand becomes
/// "and", and straight quotes and apostrophes become curly ones, as the
/// templates' own are ("the firm’s plan"). Names are not passed through
/// this: "Halden & Pike" keeps its ampersand, "O'Brien" its apostrophe.
pub fn notes(text: &str) -> String {
    if !text.contains(" & ") && !text.contains(['"', '\'']) {
        return text.to_owned();
    }
    let text = text.replace(" & ", " and ");
    let mut out = String::with_capacity(text.len() + 8);
    let mut previous: Option<char> = None;
    for c in text.chars() {
        let opens = previous.is_none_or(|p| p.is_whitespace() || "([{\u{2013}\u{2014}".contains(p));
        out.push(match c {
            '"' if opens => '\u{201C}',
            '"' => '\u{201D}',
            '\'' if opens => '\u{2018}',
            '\'' => '\u{2019}',
            other => other,
        });
        previous = Some(c);
    }
    out
}

/// Words that open a sentence with its subject ("we would…", "i'd start…"),
/// which a candidate may type lowercase in notes, so they can be
/// capitalised. Anything else stays as typed: a fragment ("by event date",
/// "a private talk first") reads well after a colon in lowercase, and the
/// first word may be a name that keeps its case ("statsmodels", "iOS").
pub const SENTENCE_STARTS: &[&str] = &[
    "after", "all", "as", "because", "before", "both", "but", "each", "every", "given", "honestly",
    "how", "i", "i'd", "i'll", "i'm", "i've", "if", "instead", "it", "it's", "most", "my", "no",
    "not", "now", "once", "only", "our", "rather", "since", "so", "that", "there", "these", "they",
    "this", "those", "today", "we", "we'd", "we'll", "what", "when", "where", "which", "while",
    "yes", "you",
];

/// An answer as the end of a sentence: its first letter capitalised when
/// its first word is an ordinary one, a full stop added when it has no
/// closing punctuation.
pub fn answer(text: &str) -> String {
    let text = notes(text.trim());
    let first_word: String = text
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .trim_end_matches([',', ':', ';'])
        .to_lowercase()
        .replace('\u{2019}', "'");
    let mut out = if SENTENCE_STARTS.contains(&first_word.as_str()) {
        capitalised(&text)
    } else {
        text
    };
    if !out.ends_with(['.', '!', '?', '\u{201D}']) {
        out.push('.');
    }
    out
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Words that open a question.
const ASKING: &[&str] = &[
    "how", "what", "which", "why", "when", "where", "who", "whom", "whose", "would", "could",
    "can", "do", "does", "did", "is", "are", "was", "were", "will", "should", "have", "has",
];

/// A question as it is quoted inside a sentence: the candidate's notes as
/// prose, capitalised, ending in a question mark when it asks one (added if
/// the notes left it off), never in a full stop that would clash with the
/// sentence around it ("Tell me about a time…" ends in nothing).
pub fn question(text: &str) -> String {
    let text = notes(text.trim());
    let text = capitalised(text.trim_end_matches(['.', ',', ';', ':']).trim_end());
    let first = text
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    if ASKING.contains(&first.as_str()) && !text.ends_with(['?', '!']) {
        text + "?"
    } else {
        text
    }
}

/// The shape of a strength as the candidate wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Shape {
    /// A length of time doing something: "five years running Kafka".
    Duration,
    /// What the candidate does or did: "leading a warehouse migration".
    Gerund,
    /// A thing the candidate has: "low-power firmware for wearables",
    /// "a track record of shipping on time", "my eye for detail".
    Noun,
    /// A sentence of its own ("I am a hard worker."), which no frame takes.
    Sentence,
}

const NUMBERS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "several", "many", "a", "over", "nearly", "almost", "about",
    "more",
];
const SPANS: &[&str] = &["year", "years", "month", "months", "decade", "decades"];
/// Nouns that a strength may open with and that "my" can own directly:
/// "fluency in Dutch" -> "my fluency in Dutch".
const HEADS: &[&str] = &[
    "fluency",
    "experience",
    "expertise",
    "knowledge",
    "familiarity",
    "background",
    "training",
    "command",
    "mastery",
    "understanding",
    "grounding",
    "record",
    "habit",
    "passion",
    "love",
    "commitment",
    "focus",
    "talent",
    "flair",
    "gift",
    "years",
];
const OWNED: &[&str] = &[
    "skills",
    "sense",
    "eye",
    "instinct",
    "instincts",
    "judgment",
    "judgement",
    "ability",
    "knack",
    "patience",
    "curiosity",
    "calm",
];

/// What shape `strength` has.
pub fn shape(strength: &str) -> Shape {
    let words: Vec<String> = strength
        .split_whitespace()
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let first = words.first().map_or("", String::as_str);
    let is_span = |index: usize| {
        words
            .get(index)
            .is_some_and(|word| SPANS.contains(&word.as_str()))
    };
    let counted = first.chars().all(|c| c.is_ascii_digit() || c == '+') && !first.is_empty()
        || NUMBERS.contains(&first);
    if matches!(first, "i" | "i'm" | "i've" | "i'd" | "i’m" | "i’ve")
        || strength.trim_end().ends_with(['.', '!', '?'])
    {
        Shape::Sentence
    } else if counted && (is_span(1) || is_span(2) || is_span(3)) {
        Shape::Duration
    } else if first.len() > 4 && first.ends_with("ing") {
        Shape::Gerund
    } else {
        Shape::Noun
    }
}

/// A strength as a noun phrase that reads in any frame, owned by the
/// candidate: "my five years running Kafka", "my experience leading a
/// migration", "my track record of shipping on time", "my background in
/// low-power firmware".
pub fn strength(text: &str) -> String {
    let text = notes(text.trim());
    let text = text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';'));
    let mut words = text.splitn(2, ' ');
    let first = words.next().unwrap_or_default();
    let rest = words.next().unwrap_or_default();
    let last = text.rsplit(' ').next().unwrap_or_default().to_lowercase();
    match shape(text) {
        Shape::Duration
            if first.eq_ignore_ascii_case("over") || first.eq_ignore_ascii_case("more") =>
        {
            format!("my {text}")
        }
        Shape::Duration => format!("my {}", without_article(text)),
        Shape::Gerund => format!("my experience {}", lowercase_first(text)),
        Shape::Noun | Shape::Sentence => match first.to_lowercase().as_str() {
            "my" => text.to_owned(),
            "a" | "an" | "the" if !rest.trim().is_empty() => format!("my {rest}"),
            head if HEADS.contains(&head) || OWNED.contains(&last.as_str()) => {
                format!("my {}", lowercase_first(text))
            }
            _ => format!("my background in {text}"),
        },
    }
}

fn without_article(text: &str) -> &str {
    text.strip_prefix("a ")
        .or_else(|| text.strip_prefix("an "))
        .unwrap_or(text)
}

/// `text` with its first letter lowercased, unless the first word looks like
/// a name or an acronym (a capital after its first letter).
fn lowercase_first(text: &str) -> String {
    let first_word = text.split_whitespace().next().unwrap_or_default();
    if first_word.chars().skip(1).any(char::is_uppercase) {
        return text.to_owned();
    }
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_read_as_prose() {
        assert_eq!(
            notes("R&D budgets & hiring plans"),
            "R&D budgets and hiring plans"
        );
        assert_eq!(
            notes("the \"two pizza\" rule and the team's on-call"),
            "the \u{201C}two pizza\u{201D} rule and the team\u{2019}s on-call"
        );
        assert_eq!(
            notes("the 'quick wins' list"),
            "the \u{2018}quick wins\u{2019} list"
        );
    }

    #[test]
    fn answers_become_sentences() {
        for (typed, written) in [
            (
                "by event date, then by region",
                "by event date, then by region.",
            ),
            (
                "a private talk first, then HR",
                "a private talk first, then HR.",
            ),
            (
                "statsmodels for the logistic fits",
                "statsmodels for the logistic fits.",
            ),
            ("We would shard by tenant.", "We would shard by tenant."),
            ("i'd start with the logs", "I\u{2019}d start with the logs."),
            ("iOS first, then Android", "iOS first, then Android."),
        ] {
            assert_eq!(answer(typed), written, "{typed}");
        }
    }

    #[test]
    fn questions_keep_only_their_own_mark() {
        assert_eq!(
            question("how would you partition it?"),
            "How would you partition it?"
        );
        assert_eq!(
            question("Tell me about a time a release was late."),
            "Tell me about a time a release was late"
        );
        assert_eq!(
            question("which decision would you brief the partners on first"),
            "Which decision would you brief the partners on first?"
        );
    }

    #[test]
    fn strengths_fit_every_frame() {
        for (typed, shape_of, phrase) in [
            (
                "five years running Kafka in production",
                Shape::Duration,
                "my five years running Kafka in production",
            ),
            (
                "8 years in hospital pharmacy",
                Shape::Duration,
                "my 8 years in hospital pharmacy",
            ),
            (
                "leading a warehouse migration",
                Shape::Gerund,
                "my experience leading a warehouse migration",
            ),
            (
                "Leading a warehouse migration",
                Shape::Gerund,
                "my experience leading a warehouse migration",
            ),
            (
                "low-power firmware for medical wearables",
                Shape::Noun,
                "my background in low-power firmware for medical wearables",
            ),
            (
                "a track record of shipping on time",
                Shape::Noun,
                "my track record of shipping on time",
            ),
            (
                "strong communication skills",
                Shape::Noun,
                "my strong communication skills",
            ),
            ("my eye for detail", Shape::Noun, "my eye for detail"),
            (
                "I am a hard worker.",
                Shape::Sentence,
                "my background in I am a hard worker",
            ),
        ] {
            assert_eq!(shape(typed), shape_of, "{typed}");
            assert_eq!(strength(typed), phrase, "{typed}");
        }
    }
}
