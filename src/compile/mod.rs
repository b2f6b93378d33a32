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
    let title = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or_default()
        .to_string();
    Ok(Document { id, title, text })
}
