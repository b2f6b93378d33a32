//! The corpus model: what the build step produces and the app reads.
//!
//! Everything here is serialisable so that `build.rs` can write the compiled corpus as JSON
//! and the app can embed and read it back without re-doing any analysis in the browser.

use serde::{Deserialize, Serialize};

/// The whole compiled corpus, as embedded in the app.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    /// Documents in seed-file order (file names sort by their numeric prefix).
    pub documents: Vec<Document>,
}

/// One article of the corpus, as read from a seed file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The seed file's stem, e.g. `000_194bb33a507fa3a4`. Stable: links use it.
    pub id: String,
    /// A human title for lists.
    pub title: String,
    /// The full original text, never altered.
    pub text: String,
}

impl Document {
    /// Size of the original text in bytes (what the seed file weighs).
    pub fn size(&self) -> usize {
        self.text.len()
    }

    /// Number of words, counted on white space: a reading-time hint for lists.
    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }
}

impl Corpus {
    /// Finds a document by its id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }
}
