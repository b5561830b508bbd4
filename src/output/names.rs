//! The names of what `thankyou` writes: file names, identifiers and shell
//! words, each safe for where it goes.

use std::fmt::Write as _;

use crate::plan::Step;

/// A safe file name for a draft: `{kind}-{recipient}.{extension}`, with the
/// step number after the kind for check-ins, and the recipient reduced to
/// lowercase letters, digits and dashes, so no name can climb out of the
/// output folder.
pub fn file_name(step: &Step, extension: &str) -> String {
    format!("{}-{}.{extension}", step.id(), slug(&step.to))
}

/// The command that prints a step's draft, for `next` and calendar events.
pub fn render_command(record: &str, step: &Step) -> String {
    let mut command = format!(
        "thankyou render {} --kind {}",
        shell_quote(record),
        step.kind.name()
    );
    match step.step {
        Some(number) => {
            let _ = write!(command, " --step {number}");
        }
        None => {
            let _ = write!(command, " --to {}", shell_quote(&step.to));
        }
    }
    command
}

/// `text` as one shell word: bare when it is plain, else in single quotes.
pub fn shell_quote(text: &str) -> String {
    let plain = !text.is_empty()
        && text.chars().all(|c| {
            c.is_ascii_alphanumeric() || matches!(c, '.' | '/' | '-' | '_' | ',' | ':' | '+' | '=')
        });
    if plain {
        text.to_owned()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

/// Lowercase letters and digits of `name`, other runs turned into one dash.
pub fn slug(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let trimmed = slug.trim_end_matches('-').len();
    slug.truncate(trimmed);
    if slug.is_empty() {
        slug.push_str("recipient");
    }
    slug
}

/// A slug of ASCII only, for identifiers that must be ASCII (Message-IDs,
/// calendar UIDs): other characters become their hex code ("José" -> "jos-e9").
pub fn ascii_slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in slug(name).chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let _ = write!(out, "-{:x}-", u32::from(c));
        }
    }
    out.replace("--", "-").trim_matches('-').to_owned()
}

/// Gives every file its own name: a second `card-alex.md` becomes `card-alex-2.md`.
pub fn unique_names(names: Vec<String>) -> Vec<String> {
    let mut taken: std::collections::HashSet<String> =
        std::collections::HashSet::with_capacity(names.len());
    let mut seen: Vec<String> = Vec::with_capacity(names.len());
    for name in names {
        let (stem, extension) = match name.rsplit_once('.') {
            Some((stem, extension)) => (stem, format!(".{extension}")),
            None => (name.as_str(), String::new()),
        };
        let mut candidate = name.clone();
        let mut counter = 2;
        while taken.contains(&candidate) {
            candidate = format!("{stem}-{counter}{extension}");
            counter += 1;
        }
        taken.insert(candidate.clone());
        seen.push(candidate);
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_stay_inside_the_folder() {
        for (name, expected) in [
            ("Priya Shah", "priya-shah"),
            ("../../x", "x"),
            ("a/b", "a-b"),
            ("José Núñez", "josé-núñez"),
            ("...", "recipient"),
            ("C:\\Windows", "c-windows"),
        ] {
            assert_eq!(slug(name), expected);
        }
    }

    #[test]
    fn shell_words_are_quoted_only_when_needed() {
        for (text, quoted) in [
            ("examples/panel.yaml", "examples/panel.yaml"),
            ("Priya Shah", "'Priya Shah'"),
            ("O'Brien", "'O'\\''Brien'"),
            ("$HOME", "'$HOME'"),
            ("", "''"),
        ] {
            assert_eq!(shell_quote(text), quoted);
        }
    }

    #[test]
    fn ascii_slugs_keep_distinct_names_distinct() {
        assert_eq!(ascii_slug("Priya Shah"), "priya-shah");
        assert_eq!(ascii_slug("José"), "jos-e9");
        assert_ne!(ascii_slug("Zoë"), ascii_slug("Zoe"));
    }

    #[test]
    fn repeated_names_get_a_counter() {
        let names = vec![
            "card-a.md".to_owned(),
            "card-a.md".to_owned(),
            "card-b.md".to_owned(),
        ];
        assert_eq!(
            unique_names(names),
            ["card-a.md", "card-a-2.md", "card-b.md"]
        );
    }
}
