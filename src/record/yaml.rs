//! Reading YAML safely: bounded input, UTF-8 with or without a byte-order
//! mark, and errors that name the file, line, column and field.

use serde::de::DeserializeOwned;
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::granit_parser::ErrorKind;
use serde_saphyr::{
    Budget, Error, ExternalMessageSource, MessageFormatter, Options, UserMessageFormatter,
};

use crate::error::{Position, RecordError};

/// The largest record accepted; a real one is a few kilobytes.
pub const MAX_BYTES: usize = 1024 * 1024;

/// Checks size and encoding, and returns the text without a byte-order mark.
pub fn decode<'a>(source_name: &str, bytes: &'a [u8]) -> Result<&'a str, RecordError> {
    if bytes.len() > MAX_BYTES {
        return Err(too_large(source_name, u64::try_from(bytes.len()).ok()));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let valid = &bytes[..error.valid_up_to()];
        let line = valid.split(|&b| b == b'\n').count();
        let column = valid.len() - valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) + 1;
        RecordError {
            source_name: source_name.into(),
            position: Some(Position { line, column }),
            field: None,
            message: "the file is not UTF-8 text; save it as UTF-8 and try again".into(),
            line_text: None,
            mistakes: Box::default(),
        }
    })?;
    let has_content = text.lines().any(|line| {
        !line.trim().is_empty() && !line.trim_start().starts_with('#') && line.trim() != "---"
    });
    if !has_content {
        return Err(plain(
            source_name,
            "the file is empty; a record needs at least candidate, company, role, interview_date and interviewers".into(),
        ));
    }
    Ok(text)
}

/// Deserializes one YAML document into `T` within a small budget, so an
/// alias bomb or absurd nesting fails fast instead of eating memory.
///
/// A good record is read straight; only a bad one is read again, tracking
/// the path to each field, so its error can name the field, and again
/// with each mistake set aside, so one run reports them all.
pub fn from_str<T: DeserializeOwned>(source_name: &str, text: &str) -> Result<T, RecordError> {
    match serde_saphyr::from_str_with_options(text, options()) {
        Ok(value) => Ok(value),
        Err(_) => Err(every_mistake::<T>(source_name, text)),
    }
}

/// The most mistakes one run reports.
const MOST_MISTAKES: usize = 12;

/// Every mistake in `text` that reading it as `T` finds, one after another:
/// each is set aside (its lines blanked, or its tabs made spaces) and the
/// text read again, until it reads or a mistake cannot be set aside.
fn every_mistake<T: DeserializeOwned>(source_name: &str, text: &str) -> RecordError {
    let (mistakes, _) = mistakes_and_the_rest::<T>(source_name, text);
    combined(source_name, mistakes)
}

/// Reads `text` as `T`; when it cannot, every mistake found (as
/// [`from_str`] finds them) and, when the text reads once they are set
/// aside, what it reads as then, for the checks that follow reading.
pub fn from_str_or_mistakes<T: DeserializeOwned>(
    source_name: &str,
    text: &str,
) -> Result<T, (Vec<RecordError>, Option<T>)> {
    match serde_saphyr::from_str_with_options(text, options()) {
        Ok(value) => Ok(value),
        Err(_) => Err(mistakes_and_the_rest(source_name, text)),
    }
}

/// The mistakes in `text`, and what it reads as once they are set aside.
fn mistakes_and_the_rest<T: DeserializeOwned>(
    source_name: &str,
    text: &str,
) -> (Vec<RecordError>, Option<T>) {
    let mut mistakes: Vec<RecordError> = Vec::new();
    let mut blanked_keys: Vec<String> = Vec::new();
    let mut current = text.to_owned();
    while mistakes.len() < MOST_MISTAKES {
        let mut error = match from_str_naming_the_field::<T>(source_name, &current) {
            Ok(rest) => return (mistakes, Some(rest)),
            Err(error) => error,
        };
        // Quote the line as the user wrote it, not as set aside.
        error.line_text = error
            .position
            .and_then(|at| text.lines().nth(at.line.checked_sub(1)?))
            .map(|line| shorten(line.trim_end(), 100).into());
        let missing = missing_key(&error.message);
        // A field set aside is then missing, and a line whose tabs became
        // spaces may be misaligned: neither is a mistake of its own.
        let on_a_tab_line = error
            .position
            .and_then(|at| text.lines().nth(at.line.checked_sub(1)?))
            .is_some_and(|line| line.contains('\t'))
            && !error.message.starts_with(TAB);
        // A mistake in the shape of the text found after setting another
        // aside may be of the setting aside's making: not reported.
        let shape_after_another = !mistakes.is_empty()
            && error.field.is_none()
            && missing.is_none()
            && !error.message.starts_with(TAB);
        if shape_after_another {
            break;
        }
        let follows_from_earlier =
            on_a_tab_line || missing.is_some_and(|key| blanked_keys.iter().any(|k| k == key));
        let repaired = set_aside(&current, &error, &mut blanked_keys);
        if !follows_from_earlier {
            mistakes.push(error);
        }
        match repaired {
            Some(text) if text != current => current = text,
            _ => break,
        }
    }
    (mistakes, None)
}

/// The field a "has no `name`" message says is missing.
fn missing_key(message: &str) -> Option<&str> {
    let (_, rest) = message.split_once(" has no `")?;
    rest.split_once('`').map(|(key, _)| key)
}

/// `text` with the mistake `error` names set aside, so reading it again
/// finds the next one; `None` when it cannot be.
fn set_aside(text: &str, error: &RecordError, blanked_keys: &mut Vec<String>) -> Option<String> {
    if error.message.starts_with(TAB) {
        return Some(text.replace('\t', "  "));
    }
    // A limit passed is about the whole record: reading on finds it again.
    if error.message.starts_with("the record ") {
        return None;
    }
    // After a mistake in the text's shape, what the parser reads next is
    // guesswork: stop at it.
    if error.field.is_none() || SHAPE.iter().any(|shape| error.message.starts_with(shape)) {
        return None;
    }
    let at = error.position?;
    let lines: Vec<&str> = text.lines().collect();
    let first = if missing_key(&error.message).is_some() {
        // A list item without a field: set the whole item aside.
        item_start(&lines, at)?
    } else {
        at.line.checked_sub(1)?
    };
    let whole_item = missing_key(&error.message).is_some();
    let indent = indentation(lines.get(first)?);
    let item = lines.get(first)?.trim_start().starts_with("- ");
    // A whole item reaches to the next line as shallow as its dash; one
    // field of it, to the next as shallow as the field's name.
    let column = if item && !whole_item {
        indent + 2
    } else {
        indent
    };
    let mut last = first;
    while let Some(next) = lines.get(last + 1) {
        if next.trim().is_empty() || indentation(next) <= column {
            break;
        }
        last += 1;
    }
    let more_of_the_item = lines
        .get(last + 1)
        .is_some_and(|next| !next.trim().is_empty() && indentation(next) > indent);
    let mut owned: Vec<String> = lines.iter().map(|line| (*line).to_owned()).collect();
    for (index, line) in owned.iter_mut().enumerate().take(last + 1).skip(first) {
        let trimmed = line.trim_start();
        let key = trimmed.trim_start_matches("- ");
        let key = key.split_once(':').map_or(key, |(key, _)| key);
        if let Some(key) = key.split_whitespace().next() {
            blanked_keys.push(key.to_owned());
        }
        // The first line of a list item keeps its dash, so the item and
        // the list stay whole; a whole item set aside goes entirely.
        *line = if index == first && item && !whole_item {
            let empty = if more_of_the_item { "-" } else { "- {}" };
            format!("{}{empty}", " ".repeat(indent))
        } else {
            String::new()
        };
    }
    let mut repaired = owned.join("\n");
    repaired.push('\n');
    Some(repaired)
}

/// The index of the line that opens the list item whose fields start at
/// `at` (1-based): the nearest line above whose dash is two columns to the
/// left of them, not one of a list inside the item.
fn item_start(lines: &[&str], at: Position) -> Option<usize> {
    let fields = at.column.checked_sub(1)?;
    let above = (0..at.line.min(lines.len())).rev();
    let dashes = |index: &usize| lines[*index].trim_start().starts_with("- ");
    above
        .clone()
        .filter(dashes)
        .find(|&index| indentation(lines[index]) + 2 == fields)
        .or_else(|| {
            above
                .filter(dashes)
                .find(|&index| indentation(lines[index]) < fields)
        })
}

/// How many spaces a line is indented by.
fn indentation(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// One error for all of `mistakes`: the one itself, or each on a line of
/// its own under a count.
pub fn combined(source_name: &str, mut mistakes: Vec<RecordError>) -> RecordError {
    if mistakes.len() <= 1 {
        return mistakes
            .pop()
            .unwrap_or_else(|| plain(source_name, "this is not a valid record".into()));
    }
    // In the order of the file, those about the whole of it first.
    mistakes.sort_by_key(|mistake| mistake.position.map(|at| (at.line, at.column)));
    mistakes.dedup_by(|one, other| one.position == other.position && one.message == other.message);
    let mut error = plain(
        source_name,
        format!("{} mistakes; mend each, then run again:", mistakes.len()),
    );
    error.mistakes = mistakes.into();
    error
}

fn options() -> Options {
    let mut options = Options::default();
    options.budget = Some(budget());
    options.with_snippet = false;
    options
}

fn from_str_naming_the_field<T: DeserializeOwned>(
    source_name: &str,
    text: &str,
) -> Result<T, RecordError> {
    let mut path = None;
    let result =
        serde_saphyr::with_deserializer_from_str_with_options(text, options(), |deserializer| {
            serde_path_to_error::deserialize(deserializer).map_err(|error| {
                path = Some(error.path().to_string());
                error.into_inner()
            })
        });
    result.map_err(|error| {
        let position = error.location().and_then(position);
        // `Spanned` fields add a `.value` step that is not in the file; no
        // field holds a list in a list, so a path past one is cut there.
        let field = path
            .map(|path| path.replace(".value", "").replace(".?", ""))
            .map(|path| match path.find("][") {
                Some(at) => path[..=at].to_owned(),
                None => path,
            })
            .filter(|path| !matches!(path.as_str(), "" | "." | "?"));
        let message = over_a_limit(&error).unwrap_or_else(|| {
            explain(
                &UserMessageFormatter.format_message(&error),
                field.as_deref(),
            )
        });
        // An unknown field is named in the message; the place is its owner.
        // A mistake in the text itself is at its line, whatever field the
        // parser was reading (often the one above).
        let field = match field {
            Some(path) if message.starts_with("unknown field") => {
                path.rsplit_once('.').map(|(owner, _)| owner.to_owned())
            }
            _ if is_about_the_text(&message) => None,
            field => field,
        };
        // The parser places a missing field at the end of its mapping: near
        // enough inside one list item, the wrong line anywhere else.
        let in_an_item = field.as_deref().is_some_and(|path| path.ends_with(']'));
        let position = position.filter(|_| in_an_item || !message.contains(" has no `"));
        // Inside one, it is the item's first line the user looks for.
        let position = match position {
            Some(at) if message.contains(" has no `") => {
                let lines: Vec<&str> = text.lines().collect();
                item_start(&lines, at)
                    .map(|index| Position {
                        line: index + 1,
                        column: indentation(lines[index]) + 3,
                    })
                    .or(position)
            }
            position => position,
        };
        // "Mapping values are not allowed" is the parser's word for a
        // second colon and for a line indented off its neighbours alike.
        let message = match position.and_then(|at| text.lines().nth(at.line.checked_sub(1)?)) {
            Some(line) if message.starts_with(SECOND_COLON) && line.matches(": ").count() < 2 => {
                MISALIGNED.to_owned()
            }
            _ => message,
        };
        // The scanner reports a tab at the end of the value before it; the
        // tab itself is what the user must find.
        let position = if message.starts_with(TAB) {
            position.map(|at| first_tab_from(text, at))
        } else {
            position
        };
        error_at(source_name, text, position, field, message)
    })
}

/// The most lists and groups a record may hold one inside another; a real
/// record needs four.
const MAX_DEPTH: usize = 32;

/// The most values (fields, list items, texts) a record may hold; a real
/// one holds a few hundred.
const MAX_VALUES: usize = 50_000;

/// The most aliases (`*name`) a record may use, and anchors (`&name`) it may set.
const MAX_ALIASES: usize = 100;

/// Limits far above any real record and far below what would hurt.
fn budget() -> Budget {
    let mut budget = Budget::default();
    budget.max_aliases = MAX_ALIASES;
    budget.max_anchors = MAX_ALIASES;
    budget.max_depth = MAX_DEPTH;
    budget.max_events = 2 * MAX_VALUES;
    budget.max_nodes = MAX_VALUES;
    budget.max_total_scalar_bytes = MAX_BYTES;
    budget
}

/// What to say when the file broke one of the reader's limits rather than
/// a rule of the record: how it is too large or too deep, and the limit.
fn over_a_limit(error: &Error) -> Option<String> {
    let too_deep = || {
        format!(
            "the record is nested too deeply: it has more than {MAX_DEPTH} lists and groups one inside another, where a record needs four at most; look for a stray `[`, `{{` or `-`, or a line indented too far"
        )
    };
    let aliases = || {
        format!(
            "the record uses aliases (`*name`) more than a record ever needs (at most {MAX_ALIASES}, each used a few times); write the values out instead"
        )
    };
    Some(match error.without_snippet() {
        Error::Budget { breach, .. } => match breach {
            BudgetBreach::Depth { .. } => too_deep(),
            BudgetBreach::Nodes { .. } | BudgetBreach::Events { .. } => format!(
                "the record is too large: it holds more than {MAX_VALUES} values (fields, list items and texts), where an interview needs a few hundred; keep the people and topics of this one interview"
            ),
            BudgetBreach::ScalarBytes { .. } => format!(
                "the record is too large: its text adds up to more than {MAX_BYTES} bytes, where an interview needs a few thousand; shorten it"
            ),
            _ => aliases(),
        },
        Error::AliasReplayCounterOverflow { .. }
        | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => aliases(),
        Error::ExternalMessage { source, .. } => match source.as_ref() {
            ExternalMessageSource::Parser(scan)
                if *scan.kind() == ErrorKind::RecursionLimitExceeded =>
            {
                too_deep()
            }
            _ => return None,
        },
        _ => return None,
    })
}

/// Where `location` is in the file, when it is known.
pub fn position(location: serde_saphyr::Location) -> Option<Position> {
    Some(Position {
        line: usize::try_from(location.line())
            .ok()
            .filter(|&line| line > 0)?,
        column: usize::try_from(location.column()).ok()?,
    })
}

/// Builds an error pointing at `position`, quoting that line of `text`.
pub fn error_at(
    source_name: &str,
    text: &str,
    position: Option<Position>,
    field: Option<String>,
    message: String,
) -> RecordError {
    let line_text = position
        .and_then(|position| text.lines().nth(position.line.checked_sub(1)?))
        .map(|line| shorten(line.trim_end(), 100).into());
    RecordError {
        source_name: source_name.into(),
        position,
        field: field.map(Into::into),
        message,
        line_text,
        mistakes: Box::default(),
    }
}

/// The first `limit` characters of `line`, with an ellipsis when cut.
fn shorten(line: &str, limit: usize) -> String {
    match line.char_indices().nth(limit) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line.to_owned(),
    }
}

/// The error for a record over [`MAX_BYTES`]: `size` when it is known, or
/// only that there was more, when reading stopped at the limit.
pub fn too_large(source_name: &str, size: Option<u64>) -> RecordError {
    let message = match size {
        Some(size) => {
            format!("the file is {size} bytes, more than the {MAX_BYTES} a record may have")
        }
        None => format!(
            "there is more than the {MAX_BYTES} bytes a record may have; a record is a few kilobytes of text, so check this is the right file"
        ),
    };
    plain(source_name, message)
}

/// An error about the whole file, at no line.
fn plain(source_name: &str, message: String) -> RecordError {
    RecordError {
        source_name: source_name.into(),
        position: None,
        field: None,
        message,
        line_text: None,
        mistakes: Box::default(),
    }
}

/// Rewrites the parser's terms into the record's, and suggests the field a
/// misspelt key was probably meant to be.
fn explain(message: &str, field: Option<&str>) -> String {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        return explain_unknown_field(rest);
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (value, choices) = name_and_choices(rest);
        return format!(
            "`{value}` is not allowed here; use {}",
            crate::english::join_or(choices)
        );
    }
    if message.starts_with("YAML document too large or too complex") {
        return "the record is too large or too complex to be an interview record; keep the people and topics of this one interview".into();
    }
    let message = message.replace(" (`null` is not allowed)", "");
    if let Some(plain) = syntax_in_plain_words(&message) {
        return plain;
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let name = rest.trim_end_matches('`');
        let whose = match field {
            None => "the record".to_owned(),
            Some(path) => crate::error::field_in_words(path),
        };
        return format!("{whose} has no `{name}`; add `{name}:` with its value");
    }
    match message.as_str() {
        "expected sequence start" | "invalid type: string, expected a sequence" => {
            "expected a list, one `- item` per line".into()
        }
        "expected mapping start" if field.is_none() => {
            "a record is a mapping of fields such as `candidate:` and `company:`, not a list or a single value".into()
        }
        "expected mapping start" => "expected a group of `key: value` lines".into(),
        "expected string scalar" => "expected text".into(),
        _ => message,
    }
}

/// Whether `message` is about the text itself (its shape, a tab), not
/// about the value of a field.
fn is_about_the_text(message: &str) -> bool {
    message.starts_with(TAB) || SHAPE.iter().any(|shape| message.starts_with(shape))
}

/// How the messages about the shape of the text begin.
const SHAPE: [&str; 4] = [
    SECOND_COLON,
    MISALIGNED,
    "this line needs a colon",
    "a quote opened here",
];

/// How the message about a second colon begins.
const SECOND_COLON: &str = "a second `: `";

/// What a line indented off its neighbours is told.
const MISALIGNED: &str = "this line is not indented like the lines above it; indent the fields of one item by the same number of spaces";

/// How a message about a tab begins, once in plain words.
const TAB: &str = "a tab is used to indent here";

/// The parser's messages about the shape of the text, as a user can act on
/// them; `None` for any other message.
fn syntax_in_plain_words(message: &str) -> Option<String> {
    let plain = if message.contains("found a tab") || message.contains("tabs disallowed") {
        format!("{TAB}; YAML allows only spaces, so indent with spaces")
    } else if message.starts_with("simple key expected ':'")
        || message.contains("could not find expected ':'")
    {
        "this line needs a colon after the field's name, as in `role: Data Engineer`".into()
    } else if message.starts_with("mapping values are not allowed") {
        format!(
            "{SECOND_COLON} in this line; put the value in quotes, as in `company: \"Northwind: Traders\"`"
        )
    } else if message.contains("did not find expected '-' indicator")
        || message.contains("did not find expected key")
        || message.contains("bad indentation")
    {
        MISALIGNED.into()
    } else if message.starts_with("unclosed quote")
        || message.contains("found unexpected end of stream")
    {
        "a quote opened here is never closed; end the value with the same quote mark".into()
    } else {
        return None;
    };
    Some(plain)
}

/// The first tab in `text` at or after `at`, or `at` when there is none.
fn first_tab_from(text: &str, at: Position) -> Position {
    text.lines()
        .enumerate()
        .skip(at.line.saturating_sub(1))
        .find_map(|(index, line)| {
            line.find('\t').map(|byte| Position {
                line: index + 1,
                column: line[..byte].chars().count() + 1,
            })
        })
        .unwrap_or(at)
}

/// Splits what follows the opening backtick of serde's "unknown field" and
/// "unknown variant" messages into the offending name and the valid choices.
fn name_and_choices(rest: &str) -> (&str, Vec<&str>) {
    let (name, expected) = rest.split_once('`').unwrap_or((rest, ""));
    let choices = expected
        .trim_start_matches(", expected one of ")
        .trim_start_matches(", expected ")
        .split(", ")
        .map(|choice| choice.trim_matches('`'))
        .filter(|choice| !choice.is_empty())
        .collect();
    (name, choices)
}

fn explain_unknown_field(rest: &str) -> String {
    let (name, choices) = name_and_choices(rest);
    let nearest = choices
        .iter()
        .map(|choice| (strsim::jaro_winkler(name, choice), *choice))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match nearest {
        Some((_, choice)) => format!("unknown field `{name}`; did you mean `{choice}`?"),
        None => format!(
            "unknown field `{name}`; the fields here are {}",
            choices.join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_field() {
        assert_eq!(
            explain_unknown_field("interviewer`, expected one of candidate, interviewers, role"),
            "unknown field `interviewer`; did you mean `interviewers`?"
        );
        assert_eq!(
            explain_unknown_field("zzz`, expected one of candidate, role"),
            "unknown field `zzz`; the fields here are candidate, role"
        );
    }

    #[test]
    fn strips_a_byte_order_mark() {
        assert_eq!(decode("r.yaml", b"\xEF\xBB\xBFa: 1\n"), Ok("a: 1\n"));
    }

    #[test]
    fn points_at_invalid_utf8() {
        let error = decode("r.yaml", b"a: 1\nb: \xFF\n").unwrap_err();
        assert_eq!(error.position, Some(Position { line: 2, column: 4 }));
    }
}
