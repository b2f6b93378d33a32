//! The layout shows the architecture: no two modules of the user interface use each other
//! (shared pieces live in `ui/shared.rs`), and nothing is compiled twice through `#[path]`.

use std::collections::BTreeMap;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// For each module of `src/ui/`, the sibling modules it names (`super::name`).
fn ui_uses() -> BTreeMap<String, Vec<String>> {
    let dir = root().join("src/ui");
    let modules: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter_map(|e| e.path().file_stem().map(|s| s.to_string_lossy().into_owned()))
        .filter(|m| m != "mod")
        .collect();
    let mut uses = BTreeMap::new();
    for m in &modules {
        let text = std::fs::read_to_string(dir.join(format!("{m}.rs"))).unwrap();
        let named = modules
            .iter()
            .filter(|other| *other != m)
            .filter(|other| {
                text.contains(&format!("super::{other}"))
                    || text.lines().any(|l| l.starts_with("use super::{") && l.contains(&format!(" {other}")))
                    || text.lines().any(|l| l.starts_with("use super::{") && l.contains(&format!("{{{other}")))
            })
            .cloned()
            .collect();
        uses.insert(m.clone(), named);
    }
    uses
}

#[test]
fn no_two_ui_modules_use_each_other() {
    let uses = ui_uses();
    for (a, named) in &uses {
        for b in named {
            assert!(!uses[b].contains(a), "ui/{a}.rs and ui/{b}.rs use each other");
        }
    }
    assert!(
        uses["network"].is_empty()
            || uses["network"].iter().all(|m| ["shared", "dom", "browser"].contains(&m.as_str()))
    );
}

/// Every Rust file of the repository but this one (which names what it looks for).
fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() && !["target", "node_modules", ".git", "dist"].contains(&name.as_str()) {
            rust_files(&path, out);
        } else if name.ends_with(".rs") && !path.ends_with("tests/layout.rs") {
            out.push(path);
        }
    }
}

#[test]
fn nothing_is_compiled_twice_and_no_dead_code_is_excused() {
    let mut files = Vec::new();
    rust_files(root(), &mut files);
    assert!(files.len() > 40, "{} files", files.len());
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(!text.contains("#[path"), "{}: a #[path] include", file.display());
        assert!(!text.contains("allow(dead_code)"), "{}: dead code excused", file.display());
    }
}
