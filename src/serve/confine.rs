//! A record's name, as the page gives it, to a path inside the folder
//! served, or a refusal.
//!
//! A record is named by its file name alone (`northwind.yaml`): no `/`, no
//! `\`, no leading `.` or `-`, no control or invisible format character
//! (a direction override, a zero-width space), ending `.yaml` or `.yml`.
//! A name that passes can still be a symlink; [`existing`] follows it and
//! refuses it unless it ends at a regular file inside the folder. Every
//! refusal is the same `None`, so a caller answers 404 and says nothing of
//! what is outside the folder.

use std::path::{Path, PathBuf};

use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// The longest file name most file systems allow, in bytes.
const MAX_NAME: usize = 255;

/// Whether `name` is a plain record name: one file name in the folder
/// itself, not hidden, not taken for an option, ending `.yaml` or `.yml`,
/// with no character that cannot be seen.
pub fn is_record_name(name: &str) -> bool {
    name_problem(name).is_none()
}

/// Why `name` is not a plain record name, in plain words for the person
/// who typed it; `None` when it is one.
pub fn name_problem(name: &str) -> Option<&'static str> {
    let stem = name
        .strip_suffix(".yaml")
        .or_else(|| name.strip_suffix(".yml"));
    if stem.is_none_or(str::is_empty) {
        Some("give a name ending .yaml, such as northwind.yaml.")
    } else if name.contains(['/', '\\']) {
        Some("give a name without / or \\: the record is saved in this folder.")
    } else if name.starts_with('.') {
        Some("give a name that does not begin with a dot, which would hide the file.")
    } else if name.starts_with('-') {
        Some(
            "give a name that does not begin with a dash, which commands would take for an option.",
        )
    } else if name.chars().any(is_invisible) {
        Some(
            "give a name without invisible characters (control characters, direction marks, zero-width spaces).",
        )
    } else if name.len() > MAX_NAME {
        Some("give a shorter name: at most 255 bytes.")
    } else {
        None
    }
}

/// Whether `c` is a control character or a Unicode format character
/// (category Cf: direction overrides and marks, zero-width spaces and
/// joiners, the byte-order mark, the soft hyphen), which make a name read
/// differently from what it is.
fn is_invisible(c: char) -> bool {
    matches!(
        c.general_category(),
        GeneralCategory::Control | GeneralCategory::Format
    )
}

/// The record `name` in `dir`, when it is one: a plain record name (see
/// [`is_record_name`]) of a regular file that, every symlink followed, is
/// still inside `dir`.
///
/// `dir` must be canonical (as `App::dir` is). The path returned is the
/// real file, every symlink followed, so it is the file that was checked;
/// show the user `name`, not this path.
pub fn existing(dir: &Path, name: &str) -> Option<PathBuf> {
    if !is_record_name(name) {
        return None;
    }
    let real = dir.join(name).canonicalize().ok()?;
    let inside = real.starts_with(dir) && real != dir;
    (inside && real.metadata().ok()?.is_file()).then_some(real)
}

/// The path for a new record `name` in `dir`, when `name` is a plain record
/// name (see [`is_record_name`]); `None` otherwise.
///
/// Whether a file is already there is not checked here: create it with
/// `OpenOptions::new().write(true).create_new(true)`, which fails when
/// anything has that name (a file, a folder, even a dangling symlink), so
/// nothing is overwritten and no symlink is followed out of the folder.
pub fn new_file(dir: &Path, name: &str) -> Option<PathBuf> {
    is_record_name(name).then(|| dir.join(name))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn plain_record_names_pass_and_others_do_not() {
        for name in [
            "northwind.yaml",
            "a.yml",
            "two words.yaml",
            "é.yaml",
            "a-b.yaml",
            "名前.yaml",
        ] {
            assert!(is_record_name(name), "{name}");
        }
        for name in [
            "",
            ".yaml",
            ".hidden.yaml",
            "../x.yaml",
            "sub/x.yaml",
            "sub\\x.yaml",
            "x.yaml/",
            "x.txt",
            "x.yaml.bak",
            "x\n.yaml",
            "x\0.yaml",
            "-rf.yaml",
            "a\u{202e}lmay.yaml",
            "zero\u{200b}width.yaml",
            "\u{feff}bom.yaml",
            "soft\u{ad}hyphen.yaml",
            "..",
            &format!("{}.yaml", "a".repeat(251)),
        ] {
            assert!(!is_record_name(name), "{name:?}");
        }
    }

    #[test]
    fn an_existing_record_is_found_and_nothing_outside_the_folder_is() {
        let root = tempfile::TempDir::new().unwrap();
        let root = root.path().canonicalize().unwrap();
        let dir = root.join("records");
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(dir.join("a.yaml"), "x").unwrap();
        std::fs::write(root.join("secret.yaml"), "x").unwrap();
        std::fs::create_dir(dir.join("folder.yaml")).unwrap();
        let link = |target: &Path, name: &str| {
            std::os::unix::fs::symlink(target, dir.join(name)).unwrap();
        };
        link(&root.join("secret.yaml"), "out.yaml");
        link(&dir.join("a.yaml"), "in.yaml");
        link(&dir.join("missing.yaml"), "dangling.yaml");

        assert_eq!(existing(&dir, "a.yaml"), Some(dir.join("a.yaml")));
        assert_eq!(existing(&dir, "in.yaml"), Some(dir.join("a.yaml")));
        for name in [
            "out.yaml",
            "dangling.yaml",
            "folder.yaml",
            "missing.yaml",
            "../secret.yaml",
        ] {
            assert_eq!(existing(&dir, name), None, "{name}");
        }
        assert_eq!(new_file(&dir, "b.yaml"), Some(dir.join("b.yaml")));
        assert_eq!(new_file(&dir, "../b.yaml"), None);
    }
}
