//! A record's name, as the page gives it, to a path inside the folder
//! served, or a refusal.
//!
//! A record is named by its file name alone (`northwind.yaml`): no `/`, no
//! `\`, no leading `.`, no control character, ending `.yaml` or `.yml`.
//! A name that passes can still be a symlink; [`existing`] follows it and
//! refuses it unless it ends at a regular file inside the folder. Every
//! refusal is the same `None`, so a caller answers 404 and says nothing of
//! what is outside the folder.

use std::path::{Path, PathBuf};

/// The longest file name most file systems allow, in bytes.
const MAX_NAME: usize = 255;

/// Whether `name` is a plain record name: one file name in the folder
/// itself, not hidden, ending `.yaml` or `.yml`.
pub fn is_record_name(name: &str) -> bool {
    let stem = name
        .strip_suffix(".yaml")
        .or_else(|| name.strip_suffix(".yml"));
    stem.is_some_and(|stem| !stem.is_empty())
        && name.len() <= MAX_NAME
        && !name.starts_with('.')
        && !name.contains(['/', '\\'])
        && !name.chars().any(char::is_control)
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
        for name in ["northwind.yaml", "a.yml", "two words.yaml", "é.yaml"] {
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
