//! Build-time compilation of `seeds/` into a [`Corpus`].
//!
//! Runs in `build.rs` (so a bad seed fails the build) and in native tests. Every error names
//! the file, the line when there is one, and the reason.
//!
//! ```no_run
//! let corpus = explorer::compile::compile_dir(std::path::Path::new("seeds")).unwrap();
//! assert!(!corpus.documents.is_empty());
//! ```

use std::fmt;
use std::path::{Path, PathBuf};

use crate::model::{Corpus, Document};

/// Why the corpus could not be compiled, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError {
    /// The file at fault.
    pub file: PathBuf,
    /// 1-based line in that file, when the fault has one.
    pub line: Option<usize>,
    /// What is wrong, for a human.
    pub reason: String,
}

impl CompileError {
    fn new(file: &Path, line: Option<usize>, reason: impl Into<String>) -> Self {
        CompileError {
            file: file.to_path_buf(),
            line,
            reason: reason.into(),
        }
    }
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file.display(), line, self.reason),
            None => write!(f, "{}: {}", self.file.display(), self.reason),
        }
    }
}

impl std::error::Error for CompileError {}

#[cfg(test)]
mod tests {
    use super::default_title;

    #[test]
    fn default_title_skips_furniture_and_keeps_the_first_sentence() {
        assert_eq!(
            default_title("top of page\n\nLe titre. Suite du texte."),
            "Le titre"
        );
        assert_eq!(
            default_title("© Crédit photo\nLa réunion s'est tenue."),
            "La réunion s'est tenue"
        );
    }

    #[test]
    fn default_title_cuts_long_sentences_at_a_word() {
        let long = "mot ".repeat(60);
        let title = default_title(&long);
        assert!(title.ends_with('…'), "{title}");
        assert!(title.chars().count() <= 111, "{title}");
        assert!(!title.contains("  "));
    }
}

/// Compiles every `*.txt` article in `dir` into a corpus.
pub fn compile_dir(dir: &Path) -> Result<Corpus, CompileError> {
    let mut paths = article_paths(dir)?;
    paths.sort();
    let mut documents = Vec::with_capacity(paths.len());
    for path in paths {
        documents.push(read_article(&path)?);
    }
    if documents.is_empty() {
        return Err(CompileError::new(dir, None, "no article (*.txt) found"));
    }
    Ok(Corpus { documents })
}

/// The article files of `dir`: regular files ending in `.txt`.
pub fn article_paths(dir: &Path) -> Result<Vec<PathBuf>, CompileError> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| CompileError::new(dir, None, format!("cannot read the folder: {e}")))?;
    let mut paths = Vec::new();
    for entry in entries {
        let entry = entry
            .map_err(|e| CompileError::new(dir, None, format!("cannot list the folder: {e}")))?;
        let path = entry.path();
        if path.extension().is_some_and(|ext| ext == "txt") && path.is_file() {
            paths.push(path);
        }
    }
    Ok(paths)
}

/// Reads one article: it must be UTF-8 and hold some text.
fn read_article(path: &Path) -> Result<Document, CompileError> {
    let bytes = std::fs::read(path)
        .map_err(|e| CompileError::new(path, None, format!("cannot read the file: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        CompileError::new(
            path,
            Some(line),
            "not valid UTF-8 (articles must be saved as UTF-8)",
        )
    })?;
    if text.trim().is_empty() {
        return Err(CompileError::new(path, None, "the article is empty"));
    }
    let id = path
        .file_stem()
        .and_then(|s| s.to_str())
        .ok_or_else(|| CompileError::new(path, None, "the file name is not valid UTF-8"))?
        .to_string();
    let title = default_title(&text);
    Ok(Document { id, title, text })
}

/// Longest default title, in characters, before it is cut at a word boundary.
const TITLE_MAX_CHARS: usize = 110;

/// A title for an article that has none in its metadata: its first line that is not page
/// furniture (a credit, "top of page"), cut after the first sentence and shortened at a word
/// boundary with an ellipsis when still long.
pub fn default_title(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !looks_like_furniture(l))
        .unwrap_or_default();
    let sentence = match line.find(". ") {
        Some(end) => &line[..end],
        None => line.trim_end_matches('.'),
    };
    if sentence.chars().count() <= TITLE_MAX_CHARS {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(TITLE_MAX_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// Lines that are page furniture rather than text: credits and scraped page markers.
fn looks_like_furniture(line: &str) -> bool {
    line.starts_with('©') || matches!(line, "top of page" | "bottom of page")
}
