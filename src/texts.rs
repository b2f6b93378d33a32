//! The article texts, as far as they are known.
//!
//! A small corpus carries its texts; past a size threshold the build writes them apart, in
//! parts (see [`crate::codec::encode_parted`]), and the app fetches a part when a view needs
//! one of its texts. Every reader of a text asks here, and gets `None` until its part has
//! arrived: a view shows that the text is coming rather than an empty string.
//!
//! ```
//! # use explorer::texts::Texts;
//! let corpus = explorer::embedded::corpus().unwrap();
//! let texts = Texts::new(corpus);
//! // The seeds are small: their texts are embedded, all known from the start.
//! assert!(texts.complete());
//! assert!(texts.get(0).unwrap().len() > 100);
//! assert!(texts.missing_parts([0, 1]).is_empty());
//! ```

use std::sync::OnceLock;

use crate::codec::{DecodeError, Reading, decode_part};
use crate::model::{Corpus, Span};
use crate::query::ViewState;
use crate::query::eval::Evaluation;
use crate::query::state::View;

/// How many items of a list a first screen shows, at most (a card is a few lines high; a tall
/// desktop screen shows about ten): the app loads their texts before it replaces the
/// pre-rendered page, and an item further down asks for its text when it comes near the screen.
pub const FIRST_SCREEN: usize = 12;

/// The documents whose texts a view shows (indices, in order, each once): the open document,
/// and the first `shown` items of the list (a card's snippet, a passage); every document for a
/// list while a search waits for texts. The app loads the parts of a first screen's
/// ([`FIRST_SCREEN`]) before it replaces the pre-rendered page, so that what the page shows at
/// once is whole; a text needed later is fetched when what shows it asks for it (an item near
/// the screen, the reader, the network's pair of actors with the passages they share).
pub fn shown_documents(corpus: &Corpus, state: &ViewState, eval: &Evaluation, shown: usize) -> Vec<usize> {
    let list = matches!(state.view, View::Documents | View::Passages);
    if eval.waiting && list {
        return (0..corpus.documents.len()).collect();
    }
    let mut shows = vec![false; corpus.documents.len()];
    let listed: Vec<usize> = match state.view {
        View::Documents => eval.documents.iter().take(shown).copied().collect(),
        View::Passages => eval.passages.iter().take(shown).map(|&(d, _)| d).collect(),
        // The timeline and the compared sources quote from the index.
        View::Timeline | View::Network | View::Compare => Vec::new(),
    };
    let open = state.doc.as_deref().and_then(|id| corpus.documents.iter().position(|d| d.id == id));
    listed.into_iter().chain(open).for_each(|d| shows[d] = true);
    // A flag per document rather than a sort: no sorting code in the wasm for this.
    (0..shows.len()).filter(|&d| shows[d]).collect()
}

/// The texts of a corpus's documents (by index), filled part by part.
#[derive(Debug)]
pub struct Texts<'c> {
    corpus: &'c Corpus,
    /// Per document, its text, furniture and mentions' spans once its part has arrived (empty
    /// when the corpus carries its texts). Parts live as long as the program, so the store
    /// stays covariant in `'c`.
    arrived: Vec<OnceLock<Reading>>,
}

impl<'c> Texts<'c> {
    /// The texts a corpus carries: all of them, or none when they are in parts.
    pub fn new(corpus: &'c Corpus) -> Texts<'c> {
        let parted = !corpus.parts.is_empty();
        let arrived = if parted { corpus.documents.iter().map(|_| OnceLock::new()).collect() } else { Vec::new() };
        Texts { corpus, arrived }
    }

    /// The text of document `doc`, if known.
    pub fn get(&self, doc: usize) -> Option<&'c str> {
        match self.corpus.parts.is_empty() {
            true => self.corpus.documents.get(doc).map(|d| d.text.as_ref()),
            false => self.arrived(doc).map(|r| r.text),
        }
    }

    /// The furniture of document `doc`, once its text is known.
    pub fn furniture(&self, doc: usize) -> Option<&[Span]> {
        match self.corpus.parts.is_empty() {
            true => self.corpus.documents.get(doc).map(|d| d.furniture.as_ref()),
            false => self.arrived(doc).map(|r| r.furniture.as_slice()),
        }
    }

    /// The places of document `doc`'s passages, once its text is known.
    pub fn passages(&self, doc: usize) -> Option<&[Span]> {
        match self.corpus.parts.is_empty() {
            true => self.corpus.documents.get(doc).map(|d| d.passages.as_ref()),
            false => self.arrived(doc).map(|r| r.passages.as_slice()),
        }
    }

    /// The span of mention `m` of document `doc`, once its text is known.
    pub fn mention_span(&self, doc: usize, m: usize) -> Option<Span> {
        match self.corpus.parts.is_empty() {
            true => self.corpus.documents.get(doc).and_then(|d| d.mentions.get(m)).map(|m| m.span),
            false => self.arrived(doc).and_then(|r| r.mentions.get(m).copied()),
        }
    }

    /// What document `doc`'s part brought, once it has arrived (texts in parts).
    fn arrived(&self, doc: usize) -> Option<&Reading> {
        self.arrived.get(doc).and_then(OnceLock::get)
    }

    /// Whether every text is known (a search can read them all).
    pub fn complete(&self) -> bool {
        self.arrived.iter().all(|t| t.get().is_some())
    }

    /// The parts (indices, in order, each once) that hold the texts of `docs` not known yet.
    pub fn missing_parts(&self, docs: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let mut missing = vec![false; self.corpus.parts.len()];
        docs.into_iter()
            .filter(|&d| self.arrived.get(d).is_some_and(|t| t.get().is_none()))
            .filter_map(|d| self.corpus.part_of(d))
            .for_each(|p| missing[p] = true);
        (0..missing.len()).filter(|&p| missing[p]).collect()
    }

    /// Every part whose texts are not known yet.
    pub fn all_missing(&self) -> Vec<usize> {
        self.missing_parts(0..self.arrived.len())
    }

    /// Adds part `part` from its file's bytes, which are checked to be exactly that part of this
    /// corpus (see [`decode_part`]). Adding a part twice changes nothing.
    pub fn add(&self, part: usize, data: &'static [u8]) -> Result<(), DecodeError> {
        let readings = decode_part(data, self.corpus, part)?;
        let first = self.corpus.parts[part].first;
        for (k, reading) in readings.into_iter().enumerate() {
            let _ = self.arrived[first + k].set(reading);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::{decode, encode_parted};

    fn leak(bytes: Vec<u8>) -> &'static [u8] {
        Box::leak(bytes.into_boxed_slice())
    }

    /// The embedded corpus with its texts in parts of about one article, and the parts' bytes.
    fn parted() -> (&'static Corpus, Vec<&'static [u8]>) {
        let (index, parts) = encode_parted(crate::embedded::corpus().unwrap(), 1);
        let corpus = Box::leak(Box::new(decode(leak(index)).unwrap()));
        (corpus, parts.into_iter().map(|(_, bytes)| leak(bytes)).collect())
    }

    #[test]
    fn texts_in_parts_are_unknown_until_their_part_is_added() {
        let (corpus, parts) = parted();
        let texts = Texts::new(corpus);
        let n = corpus.documents.len();
        assert!(n >= 3 && !texts.complete());
        assert_eq!(texts.get(1), None);
        assert_eq!(texts.missing_parts([2, 1, 2]), vec![1, 2]);
        assert_eq!(texts.all_missing(), (0..n).collect::<Vec<_>>());
        texts.add(1, parts[1]).unwrap();
        let whole = crate::embedded::corpus().unwrap();
        assert_eq!(texts.get(1), Some(whole.documents[1].text.as_ref()));
        // With the text, what only it needs: the furniture, the passages' and mentions' spans.
        assert_eq!(texts.furniture(1), Some(whole.documents[1].furniture.as_ref()));
        assert_eq!(texts.passages(1), Some(whole.documents[1].passages.as_ref()));
        assert_eq!(texts.passages(2), None);
        let spans: Vec<Option<Span>> =
            (0..whole.documents[1].mentions.len()).map(|m| texts.mention_span(1, m)).collect();
        assert_eq!(spans, whole.documents[1].mentions.iter().map(|m| Some(m.span)).collect::<Vec<_>>());
        assert_eq!((texts.furniture(2), texts.mention_span(2, 0)), (None, None));
        // Embedded, all are there from the start.
        let embedded = Texts::new(whole);
        assert_eq!(embedded.mention_span(1, 0), Some(whole.documents[1].mentions[0].span));
        assert_eq!(embedded.furniture(1), Some(whole.documents[1].furniture.as_ref()));
        assert_eq!(embedded.passages(1), Some(whole.documents[1].passages.as_ref()));
        assert_eq!(texts.get(2), None);
        assert_eq!(texts.missing_parts([2, 1]), vec![2]);
        // Added twice: the same.
        texts.add(1, parts[1]).unwrap();
        assert_eq!(texts.get(1), Some(whole.documents[1].text.as_ref()));
        for (p, bytes) in parts.iter().enumerate() {
            texts.add(p, bytes).unwrap();
        }
        assert!(texts.complete() && texts.all_missing().is_empty());
    }

    #[test]
    fn a_wrong_part_is_refused_and_changes_nothing() {
        let (corpus, parts) = parted();
        let texts = Texts::new(corpus);
        assert!(texts.add(0, parts[1]).is_err());
        assert_eq!(texts.get(0), None);
        assert_eq!(texts.get(1), None);
        assert!(texts.add(parts.len(), parts[0]).is_err(), "no such part");
    }

    #[test]
    fn a_view_shows_the_texts_of_its_first_items_and_of_the_open_document() {
        use crate::query::Filter;
        use crate::query::eval::Index;
        let (corpus, _) = parted();
        let index = Index::new(corpus);
        let last = corpus.documents.len() - 1;
        let mut state = ViewState::default();
        let eval = index.evaluate(&state.filter);
        assert_eq!(shown_documents(corpus, &state, &eval, 2), vec![0, 1]);
        state.doc = Some(corpus.documents[last].id.to_string());
        assert_eq!(shown_documents(corpus, &state, &eval, 2), vec![0, 1, last]);
        state.view = View::Timeline;
        assert_eq!(shown_documents(corpus, &state, &eval, 2), vec![last]);
        state.view = View::Passages;
        state.doc = None;
        // The first three passages are all in the first document.
        assert_eq!(shown_documents(corpus, &state, &eval, 3), vec![0]);
        // A search waiting for texts needs them all.
        state.filter = Filter { q: "accord".into(), ..Filter::default() };
        let waiting = index.evaluate(&state.filter);
        assert_eq!(shown_documents(corpus, &state, &waiting, 1), (0..=last).collect::<Vec<_>>());
        // Not for a view that shows no text.
        state.view = View::Timeline;
        assert!(shown_documents(corpus, &state, &waiting, 1).is_empty());
    }

    #[test]
    fn a_passage_is_known_with_its_text_and_the_same_as_in_the_whole_corpus() {
        use crate::query::eval::Index;
        let (corpus, parts) = parted();
        let index = Index::new(corpus);
        let whole = crate::embedded::corpus().unwrap();
        let last = whole.documents[1].passages.len() - 1;
        // Only the number of passages is in the index; their places come with the text.
        assert_eq!(corpus.documents[1].passages.len(), last + 1);
        assert_eq!(index.passage(1, last), None);
        index.texts.add(1, parts[1]).unwrap();
        let span = whole.documents[1].passages[last];
        assert_eq!(index.passage(1, last), Some((span, whole.documents[1].slice(span))));
        assert_eq!(index.passage(1, last + 1), None);
        assert_eq!(Index::new(whole).passage(1, last), Some((span, whole.documents[1].slice(span))));
    }

    #[test]
    fn a_search_waits_for_every_text_then_finds_what_the_whole_corpus_finds() {
        use crate::query::Filter;
        use crate::query::eval::Index;
        let (corpus, parts) = parted();
        let index = Index::new(corpus);
        let whole = Index::new(crate::embedded::corpus().unwrap());
        // Without a search, nothing waits: facets need no text.
        let all = Filter::default();
        assert!(!index.evaluate(&all).waiting);
        assert_eq!(index.evaluate(&all), whole.evaluate(&all));
        let search = Filter { q: "énergie".into(), ..Filter::default() };
        let expected = whole.evaluate(&search);
        assert!(!expected.documents.is_empty() && !expected.waiting);
        let (last, rest) = parts.split_last().unwrap();
        for (p, bytes) in rest.iter().enumerate() {
            index.texts.add(p, bytes).unwrap();
            let early = index.evaluate(&search);
            assert!(early.waiting && early.documents.is_empty() && early.passages.is_empty(), "part {p}");
        }
        index.texts.add(rest.len(), last).unwrap();
        assert_eq!(index.evaluate(&search), expected);
    }
}
