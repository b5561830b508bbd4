//! The templates: the built-in set embedded in the binary, and a user's own
//! folders, which replace built-ins of the same name.
//!
//! Precedence, lowest first: built-in, the config folder
//! (`$XDG_CONFIG_HOME/thankyou/templates` on Linux), `--templates DIR`.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// A built-in template: its name, its text and what it is for.
pub struct Builtin {
    /// The name drafts are rendered by, such as `card.warm.md`.
    pub name: &'static str,
    /// The template itself.
    pub text: &'static str,
    /// One line on what it writes.
    pub purpose: &'static str,
}

macro_rules! builtin {
    ($name:literal, $purpose:literal) => {
        Builtin {
            name: $name,
            text: include_str!(concat!("../../templates/", $name)),
            purpose: $purpose,
        }
    };
}

/// Every built-in template.
pub const BUILTIN: &[Builtin] = &[
    builtin!(
        "card.warm.md",
        "handwritten card to one interviewer, warm tone"
    ),
    builtin!(
        "card.formal.md",
        "handwritten card to one interviewer, formal tone"
    ),
    builtin!(
        "email.warm.md",
        "thank-you email to one interviewer, warm tone"
    ),
    builtin!(
        "email.formal.md",
        "thank-you email to one interviewer, formal tone"
    ),
    builtin!(
        "checkin.warm.md",
        "first check-in to the recruiter, warm tone"
    ),
    builtin!(
        "checkin.formal.md",
        "first check-in to the recruiter, formal tone"
    ),
    builtin!(
        "checkin-again.warm.md",
        "second and later check-ins, shorter, warm tone"
    ),
    builtin!(
        "checkin-again.formal.md",
        "second and later check-ins, shorter, formal tone"
    ),
    builtin!(
        "closing.warm.md",
        "closing note asking for a word either way, warm tone"
    ),
    builtin!(
        "closing.formal.md",
        "closing note asking for a word either way, formal tone"
    ),
    builtin!(
        "signature.md",
        "the name and contact lines under every email, included by the others"
    ),
];

/// A template to compile: its name, its text and, for a user's own, its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The name drafts are rendered by.
    pub name: String,
    /// The template text.
    pub text: String,
    /// The file it came from; `None` for a built-in.
    pub path: Option<PathBuf>,
}

/// The user's config folder for templates, if the platform has one.
pub fn config_dir() -> Option<PathBuf> {
    Some(crate::config::folder()?.join("templates"))
}

/// The templates to compile: the built-ins, replaced by name by the `.md`
/// files in the config folder and then in `dir`.
pub fn sources(dir: Option<&Path>) -> Result<Vec<Source>> {
    let mut sources: Vec<Source> = BUILTIN
        .iter()
        .map(|builtin| Source {
            name: builtin.name.to_owned(),
            text: builtin.text.to_owned(),
            path: None,
        })
        .collect();
    for dir in user_dirs(dir) {
        for source in read_dir(&dir)? {
            match sources.iter_mut().find(|known| known.name == source.name) {
                Some(known) => *known = source,
                None => sources.push(source),
            }
        }
    }
    Ok(sources)
}

/// The user's template folders: the config folder when it exists, then `dir`.
fn user_dirs(dir: Option<&Path>) -> Vec<PathBuf> {
    config_dir()
        .filter(|dir| dir.is_dir())
        .into_iter()
        .chain(dir.map(Path::to_owned))
        .collect()
}

/// A warning for each file in the user's template folders that no draft
/// will use: one without the `.md` ending, or a `.md` one that is neither a
/// template's name nor included by another; each with the nearest name
/// drafts are rendered from. Hidden files are left alone.
pub fn misnamed(sources: &[Source], dir: Option<&Path>) -> Vec<String> {
    let mut warnings = Vec::new();
    for folder in user_dirs(dir) {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        let mut names: Vec<String> = entries
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .filter(|name| !name.starts_with('.'))
            .collect();
        names.sort();
        for name in names {
            let path = folder.join(&name);
            let problem = if !path.is_file() {
                continue;
            } else if path.extension().is_none_or(|extension| extension != "md") {
                "is not read: template files end in `.md`"
            } else if is_used(&name, sources) {
                continue;
            } else {
                "is not used: no draft is rendered from that name and no template includes it"
            };
            warnings.push(format!("{} {problem}; {}", path.display(), nearest(&name)));
        }
    }
    warnings
}

/// Whether the template `name` is one drafts are rendered from, or is
/// included by another template.
fn is_used(name: &str, sources: &[Source]) -> bool {
    BUILTIN.iter().any(|builtin| builtin.name == name)
        || sources.iter().any(|source| {
            source.name != name
                && (source.text.contains(&format!("\"{name}\""))
                    || source.text.contains(&format!("'{name}'")))
        })
}

/// Advice naming the built-in template whose name is nearest `name`.
fn nearest(name: &str) -> String {
    // `closing.md` means `closing.warm.md` or `closing.formal.md`, however
    // many letters it lacks.
    let stem = name.split('.').next().unwrap_or(name);
    let best = BUILTIN
        .iter()
        .map(|builtin| {
            let same_kind = builtin.name.split('.').next() == Some(stem);
            let distance = strsim::levenshtein(name, builtin.name);
            (!same_kind, distance, builtin.name)
        })
        .min();
    match best {
        Some((other_kind, distance, nearest)) if !other_kind || distance <= 4 => {
            format!("did you mean `{nearest}`? Rename it to replace that template")
        }
        _ => "`thankyou templates list` shows the names drafts are rendered from".to_owned(),
    }
}

/// The `.md` templates in the folder `dir`, in order of name.
fn read_dir(dir: &Path) -> Result<Vec<Source>> {
    let io_error = |path: &Path| {
        let path = path.to_owned();
        move |source| Error::Io {
            path,
            reason: source,
        }
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io_error(dir))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| {
            path.is_file() && path.extension().is_some_and(|extension| extension == "md")
        })
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).map_err(io_error(&path))?;
            let name = path
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok(Source {
                name,
                text,
                path: Some(path),
            })
        })
        .collect()
}
