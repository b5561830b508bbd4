//! The module tree is the data path, and imports point one way: no two
//! files import each other, directly or round a loop; no command imports
//! another; nothing below the commands sees clap or the command line; and
//! anyhow stays in the commands. Read from the source, so anyone can run
//! it: `cargo test layers`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/`, as a path relative to it.
fn sources(dir: &Path, root: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, root, out);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            out.push(path.strip_prefix(root).unwrap().to_owned());
        }
    }
}

/// The module path of a file: `format/mod.rs` -> `["format"]`.
fn module_of(file: &Path) -> Vec<String> {
    let mut parts: Vec<String> = file
        .with_extension("")
        .components()
        .map(|part| part.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The code of a file without its test module and comments.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Expands `a::{b, c::{d, e}}` into `a::b`, `a::c::d`, `a::c::e`.
fn expand(tree: &str) -> Vec<String> {
    let tree: String = tree.split_whitespace().collect();
    let Some(open) = tree.find('{') else {
        return vec![tree];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.len() - 1];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (index, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..index]);
                start = index + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|part| !part.is_empty())
        .flat_map(|part| expand(&format!("{prefix}{part}")))
        .collect()
}

/// The crate paths the file of `module` refers to: its `use` items,
/// `crate::…` paths and paths into its child modules in its code, with
/// `super::` and `self::` resolved.
fn references(module: &[String], children: &[&str], code: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let mut rest = code;
    while let Some(start) = rest.find("use ") {
        let before = rest[..start].chars().last();
        rest = &rest[start + 4..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let end = rest.find(';').unwrap_or(rest.len());
        paths.extend(expand(&rest[..end]));
        rest = &rest[end..];
    }
    let mut rest = code;
    while let Some(start) = rest.find("crate::") {
        rest = &rest[start..];
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .unwrap_or(rest.len());
        paths.push(rest[..end].trim_end_matches(':').to_owned());
        rest = &rest[end..];
    }
    for child in children {
        let pattern = format!("{child}::");
        let used = code.match_indices(&pattern).any(|(at, _)| {
            !code[..at]
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
        });
        if used {
            paths.push(format!("self::{child}"));
        }
    }
    let parent = &module[..module.len().saturating_sub(1)];
    paths
        .into_iter()
        .map(|path| {
            let path = path.split(" as ").next().unwrap_or_default().to_owned();
            let mut segments: Vec<String> = path.split("::").map(str::to_owned).collect();
            match segments.first().map(String::as_str) {
                Some("crate") => {
                    segments.remove(0);
                }
                Some("super") => {
                    segments.remove(0);
                    segments.splice(0..0, parent.iter().cloned());
                }
                Some("self") => {
                    segments.remove(0);
                    segments.splice(0..0, module.iter().cloned());
                }
                // A path relative to the file's own module, such as a
                // `mod.rs` re-exporting from its children.
                _ => segments.splice(0..0, module.iter().cloned()).for_each(drop),
            }
            segments
        })
        .collect()
}

/// The file a module path lands in: the longest prefix that is a file.
fn file_of(path: &[String], files: &BTreeMap<Vec<String>, PathBuf>) -> Option<PathBuf> {
    (1..=path.len())
        .rev()
        .find_map(|length| files.get(&path[..length]).cloned())
}

/// Each file with the files it imports from.
fn graph() -> BTreeMap<PathBuf, BTreeSet<PathBuf>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    sources(&root, &root, &mut found);
    let files: BTreeMap<Vec<String>, PathBuf> = found
        .iter()
        .filter(|file| file.file_name().is_some_and(|name| name != "main.rs"))
        .map(|file| (module_of(file), file.clone()))
        .collect();
    let mut graph = BTreeMap::new();
    for file in &found {
        let text = code(&fs::read_to_string(root.join(file)).unwrap());
        let module = module_of(file);
        let children: Vec<&str> = files
            .keys()
            .filter(|other| other.len() == module.len() + 1 && other.starts_with(&module))
            .filter_map(|other| other.last().map(String::as_str))
            .collect();
        let targets: BTreeSet<PathBuf> = references(&module, &children, &text)
            .iter()
            .filter_map(|path| file_of(path, &files))
            .filter(|target| target != file)
            .collect();
        graph.insert(file.clone(), targets);
    }
    graph
}

/// A loop of imports through `file`, if there is one.
fn cycle_from(
    file: &PathBuf,
    graph: &BTreeMap<PathBuf, BTreeSet<PathBuf>>,
    trail: &mut Vec<PathBuf>,
    done: &mut BTreeSet<PathBuf>,
) -> Option<Vec<PathBuf>> {
    if let Some(start) = trail.iter().position(|seen| seen == file) {
        let mut cycle = trail[start..].to_vec();
        cycle.push(file.clone());
        return Some(cycle);
    }
    if !done.insert(file.clone()) {
        return None;
    }
    trail.push(file.clone());
    for target in graph.get(file).into_iter().flatten() {
        if let Some(cycle) = cycle_from(target, graph, trail, done) {
            return Some(cycle);
        }
    }
    trail.pop();
    None
}

#[test]
fn no_file_imports_round_a_loop() {
    let graph = graph();
    assert!(graph.len() > 30, "the source files were found");
    let mut done = BTreeSet::new();
    for file in graph.keys() {
        let cycle = cycle_from(file, &graph, &mut Vec::new(), &mut done);
        assert!(cycle.is_none(), "an import cycle: {cycle:?}");
    }
}

#[test]
fn no_command_imports_another() {
    for (file, targets) in graph() {
        if file.starts_with("commands") && file != Path::new("commands/mod.rs") {
            let commands: Vec<&PathBuf> = targets
                .iter()
                .filter(|target| target.starts_with("commands"))
                .collect();
            assert!(
                commands.is_empty(),
                "{} imports {commands:?}",
                file.display()
            );
        }
    }
}

#[test]
fn only_the_commands_see_the_command_line() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    sources(&root, &root, &mut found);
    for file in found {
        let top = ["commands", "arguments.rs", "main.rs", "lib.rs"];
        if top.iter().any(|allowed| file.starts_with(allowed)) {
            continue;
        }
        let text = code(&fs::read_to_string(root.join(&file)).unwrap());
        for word in ["clap", "crate::arguments", "anyhow"] {
            assert!(
                !text.contains(word),
                "{} uses {word}, which only the commands may",
                file.display()
            );
        }
    }
}
