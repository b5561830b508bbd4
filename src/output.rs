//! Where drafts go: formatted for reading, printed, or written to files
//! atomically, never over a user's file without `--force`.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::english;
use crate::error::{Error, Result};
use crate::render::Draft;
use crate::schedule::{Kind, Step};
use crate::text;

/// How a draft is written out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown, as the templates write it.
    #[default]
    Markdown,
    /// Plain text: no markup, cards wrapped in short lines for copying by hand.
    Text,
    /// The HTML body of each draft.
    Html,
    /// One RFC 5322 message per email, check-in and closing note, marked unsent.
    Eml,
    /// A mailto: link per email, check-in and closing note.
    Mailto,
    /// `cards.html`: the cards, one per printed page, to copy by hand.
    Print,
}

impl Format {
    /// The file extension for drafts in this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Text | Format::Mailto => "txt",
            Format::Html | Format::Print => "html",
            Format::Eml => "eml",
        }
    }
}

/// A draft's final text in `format` (Markdown, text or HTML); cards in text
/// are wrapped to `width` columns.
pub fn format_draft(draft: &Draft, format: Format, width: usize) -> String {
    match (format, draft.step.kind) {
        (Format::Text, Kind::Card) => text::wrap(&text::to_text(&draft.markdown), width),
        (Format::Text, _) => text::to_text(&draft.markdown),
        (Format::Html, _) => text::to_html(text::split_subject(&draft.markdown).1),
        _ => draft.markdown.clone(),
    }
}

/// What to do with a step, as a sentence fragment: "send check-in 2 to Sam Ortiz".
pub fn action(step: &Step) -> String {
    format!("{} {} to {}", step.kind.verb(), step.title(), step.to)
}

/// The line that introduces a draft when several are printed together.
pub fn header(draft: &Draft) -> String {
    let step = &draft.step;
    let mut title = step.title();
    if let Some(first) = title.get(..1) {
        title.replace_range(..1, &first.to_uppercase());
    }
    format!(
        "==> {title} to {} ({} on {}) <==",
        step.to,
        step.kind.verb(),
        english::long_date(step.date)
    )
}

/// The documents as one text for standard output: a lone one exactly as it
/// is, several each under its header.
pub fn to_stdout(documents: &[(Option<String>, String)]) -> String {
    if let [(_, only)] = documents {
        return only.clone();
    }
    let mut out = String::new();
    for (index, (header, body)) in documents.iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        if let Some(header) = header {
            let _ = writeln!(out, "{header}\n");
        }
        out.push_str(body);
    }
    out
}

/// A safe file name for a draft: `{kind}-{recipient}.{ext}`, with the step
/// number after the kind for check-ins, and the recipient reduced to
/// lowercase letters, digits and dashes, so no name can climb out of the
/// output folder.
pub fn file_name(step: &Step, format: Format) -> String {
    let kind = match step.step {
        Some(number) => format!("{}-{number}", step.kind.name()),
        None => step.kind.name().to_owned(),
    };
    format!("{kind}-{}.{}", slug(&step.to), format.extension())
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

/// Writes each `(file name, contents)` into `dir`, each atomically.
///
/// Without `force`, nothing is written if any target already exists, so a
/// refused run leaves the folder as it was.
pub fn write_files(dir: &Path, files: &[(String, String)], force: bool) -> Result<Vec<PathBuf>> {
    if !dir.as_os_str().is_empty() {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            path: dir.to_owned(),
            reason: source,
        })?;
    }
    let paths: Vec<PathBuf> = files.iter().map(|(name, _)| dir.join(name)).collect();
    if let Some(existing) = paths.iter().find(|path| !force && path.exists()) {
        return Err(Error::WouldOverwrite {
            path: existing.clone(),
        });
    }
    for (path, (_, contents)) in paths.iter().zip(files) {
        write_atomically(folder_of(path), path, contents, force)?;
    }
    Ok(paths)
}

/// Writes one file atomically, never over an existing one without `force`.
pub fn write_file(path: &Path, contents: String, force: bool) -> Result<PathBuf> {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .ok_or_else(|| Error::Io {
            path: path.to_owned(),
            reason: std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name"),
        })?;
    let dir = path.parent().unwrap_or(Path::new(""));
    let mut written = write_files(dir, &[(name, contents)], force)?;
    Ok(written.pop().unwrap_or_else(|| path.to_owned()))
}

/// The folder a file is in, `.` for a bare file name.
fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Replaces the file at `path` with `contents` in one step, keeping its
/// permissions: a reader sees the old file or the new one, never half of it.
pub fn replace_file(path: &Path, contents: &str) -> Result<()> {
    let dir = folder_of(path);
    let io_error = |source| Error::Io {
        path: path.to_owned(),
        reason: source,
    };
    let permissions = std::fs::metadata(path).map_err(io_error)?.permissions();
    let mut file = tempfile::NamedTempFile::new_in(dir).map_err(io_error)?;
    file.write_all(contents.as_bytes()).map_err(io_error)?;
    file.as_file().sync_all().map_err(io_error)?;
    file.as_file()
        .set_permissions(permissions)
        .map_err(io_error)?;
    file.persist(path).map_err(|error| io_error(error.error))?;
    Ok(())
}

fn write_atomically(dir: &Path, path: &Path, contents: &str, force: bool) -> Result<()> {
    let io_error = |source| Error::Io {
        path: path.to_owned(),
        reason: source,
    };
    let mut file = tempfile::NamedTempFile::new_in(dir).map_err(io_error)?;
    file.write_all(contents.as_bytes()).map_err(io_error)?;
    file.as_file().sync_all().map_err(io_error)?;
    let persisted = if force {
        file.persist(path).map(drop)
    } else {
        file.persist_noclobber(path).map(drop)
    };
    persisted.map_err(|error| {
        if error.error.kind() == std::io::ErrorKind::AlreadyExists {
            Error::WouldOverwrite {
                path: path.to_owned(),
            }
        } else {
            io_error(error.error)
        }
    })
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
