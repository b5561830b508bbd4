//! The names of what `thankyou` writes: file names, identifiers and shell
//! words, each safe for where it goes.

use std::fmt::Write as _;

use crate::plan::Step;

/// A safe file name for a draft: `{kind}-{recipient}.{extension}`, with the
/// step number after the kind for check-ins, and the recipient spelled in
/// ASCII ("José Núñez" -> `jose-nunez`: a mail client or a file share may
/// mangle other letters) and reduced to lowercase letters, digits and
/// dashes, so no name can climb out of the output folder.
pub fn file_name(step: &Step, extension: &str) -> String {
    let ascii = deunicode::deunicode_with_tofu(&step.to, " ");
    format!("{}-{}.{extension}", step.id(), slug(&ascii))
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

/// The most bytes a slug takes in a file name or an identifier: well under
/// the 255 a file name may have, with room for the step, a counter and the
/// extension.
pub const MAX_SLUG: usize = 64;

/// Lowercase letters and digits of `name`, other runs turned into one dash,
/// at most [`MAX_SLUG`] bytes: a longer one is cut at a character and ends
/// in a [`short_hash`] of `name`, so two long names stay apart.
pub fn slug(name: &str) -> String {
    bounded(full_slug(name), name)
}

/// [`slug`] without the bound on its length.
fn full_slug(name: &str) -> String {
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
/// calendar UIDs): other characters become their hex code ("José" ->
/// "jos-e9"). At most [`MAX_SLUG`] bytes, as [`slug`].
pub fn ascii_slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in full_slug(name).chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let _ = write!(out, "-{:x}-", u32::from(c));
        }
    }
    let out = out.replace("--", "-").trim_matches('-').to_owned();
    bounded(out, name)
}

/// The [`ascii_slug`] of a person's name followed by a [`short_hash`] of
/// the name as written, so names that slug alike ("Tom Brennan",
/// "Tom-Brennan", "Tom  Brennan!") still give different identifiers, and
/// the same name always the same one.
pub fn person_id(name: &str) -> String {
    format!("{}-{}", ascii_slug(name), short_hash(name))
}

/// `slug` of `name` cut to [`MAX_SLUG`] bytes at a character boundary, the
/// cut marked by a hash of `name`.
fn bounded(slug: String, name: &str) -> String {
    if slug.len() <= MAX_SLUG {
        return slug;
    }
    let hash = short_hash(name);
    let mut end = MAX_SLUG - hash.len() - 1;
    while !slug.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}-{hash}", slug[..end].trim_end_matches('-'))
}

/// Eight hex digits that stand for `text`: FNV-1a, the same on every
/// machine and in every version, so identifiers made with it stay stable.
pub fn short_hash(text: &str) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let hash = text.bytes().fold(OFFSET, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    });
    format!("{:08x}", (hash >> 32) ^ (hash & 0xffff_ffff))
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
    fn long_names_give_short_slugs_that_stay_apart() {
        let long = "Ñandú ".repeat(60);
        let other = format!("{long}Pérez");
        for make in [slug, ascii_slug] {
            let (one, two) = (make(&long), make(&other));
            assert!(
                one.len() <= MAX_SLUG && two.len() <= MAX_SLUG,
                "{one} {two}"
            );
            assert_ne!(one, two);
            assert_eq!(make(&long), one, "the same name, the same slug");
        }
        assert!(slug(&long).starts_with("ñandú-ñandú-"));
    }

    #[test]
    fn people_whose_names_slug_alike_get_their_own_ids() {
        let ids: Vec<String> = ["Tom Brennan", "Tom-Brennan", "Tom  Brennan!", "tom brennan"]
            .into_iter()
            .map(person_id)
            .collect();
        for (index, id) in ids.iter().enumerate() {
            assert!(id.starts_with("tom-brennan-"), "{id}");
            assert!(!ids[..index].contains(id), "{ids:?}");
        }
        // FNV-1a is fixed: identifiers written today match those written later.
        assert_eq!(short_hash("Tom Brennan"), person_id("Tom Brennan")[12..]);
        assert_eq!(short_hash(""), "4fd0bfc1");
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
