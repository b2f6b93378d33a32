//! Builds the corpus of the Mali–Russie explorer from `seeds/`: the app's build script calls
//! [`compile::compile_dir`] and embeds the result ([`corpus::codec`]); `make report` prints
//! [`report`] and [`heldout`]. Native only (TOML, files).
//!
//! - [`annotate`]: furniture and passages, names and terms, references without a name and
//!   job titles, dates;
//! - [`compile`]: reads the articles and the knowledge base, checks every id, quote and claim,
//!   annotates, and builds the [`corpus::model::Corpus`] — or fails naming file, line and reason;
//! - [`report`]: what the build found in each article, for review;
//! - [`heldout`]: precision and recall on articles written for the test.

// The corpus crate's modules, under the names this crate's modules use.
pub use corpus::{codec, date, model, text};

pub mod annotate;
pub mod compile;
pub mod heldout;
pub mod report;
