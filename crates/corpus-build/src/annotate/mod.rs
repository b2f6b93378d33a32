//! The automatic annotator: finds actor, sector and date mentions in any French article, so
//! adding an article needs no code.
//!
//! - [`segment`] separates page furniture from content and splits content into passages.
//! - [`lexicon`] matches actor names and sector terms (with the ambiguity rules of the data).
//! - [`refer`] resolves references without a name ("notre pays", "le Premier ministre") and
//!   finds job titles, whose sector words describe an actor rather than the topic.
//! - [`dates`] reads French date expressions with their honest precision.
//!
//! All offsets point into the original text.

pub mod dates;
pub mod lexicon;
pub mod refer;
pub mod segment;
