//! Queries over the corpus: the view state and its URL form, and the faceted evaluation of a
//! filter. Pure Rust, tested natively; the UI only renders what this computes.

pub mod action;
pub mod chips;
pub mod eval;
pub mod shown;
pub mod state;
pub mod url;

pub use state::{Entity, Filter, Lang, View, ViewState};
