//! Helpers shared by the explorer's native integration tests (`tests/*.rs`): the seeds, copies
//! of them to break, the compiled corpus, a document's mentions.

use std::path::{Path, PathBuf};

use corpus::model::{Corpus, Document, Target};

/// The repository's own `seeds/` folder.
pub fn seeds_dir() -> PathBuf {
    // This crate lives in crates/test-support/ of the repository.
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

/// A fresh, empty temporary folder unique to one test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("explorer-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

/// A copy of the real seeds (articles and knowledge base) in a fresh temporary folder.
pub fn copy_of_seeds(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    copy_tree(&seeds_dir(), &dir);
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Replaces the first occurrence of `from` in a file, failing if it is not there.
pub fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} does not contain {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// The 1-based line of the first occurrence of `needle` in a file.
pub fn line_of(path: &Path, needle: &str) -> usize {
    let text = std::fs::read_to_string(path).unwrap();
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in {}", path.display()));
    text[..at].matches('\n').count() + 1
}

/// The real corpus, compiled from `seeds/`.
pub fn corpus() -> Corpus {
    corpus_build::compile::compile_dir(&seeds_dir()).expect("the seeds compile")
}

/// The (text, target) of every mention of a document.
pub fn mentions(doc: &Document) -> Vec<(&str, &Target)> {
    doc.mentions.iter().map(|m| (doc.slice(m.span), &m.target)).collect()
}

/// The texts of the mentions of `doc` that name the given actor or sector id (as written:
/// references resolved by a rule, such as "notre pays", are left out).
pub fn texts_for<'a>(doc: &'a Document, id: &str) -> Vec<&'a str> {
    doc.mentions
        .iter()
        .filter(|m| m.is_explicit())
        .filter(|m| matches!(&m.target, Target::Actor(a) | Target::Sector(a) if a == id))
        .map(|m| doc.slice(m.span))
        .collect()
}
