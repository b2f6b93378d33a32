//! The embedded corpus's binary form: decoding gives the compiled corpus back, and any corrupted
//! byte or cut is refused with an error, never read as other text and never a panic.

use explorer::codec::{decode, decode_part, encode, encode_parted, verify};

fn leak(bytes: Vec<u8>) -> &'static [u8] {
    Box::leak(bytes.into_boxed_slice())
}

#[test]
fn the_embedded_corpus_round_trips() {
    let corpus = explorer::embedded::corpus().expect("the embedded corpus decodes");
    assert_eq!(&decode(leak(encode(corpus))).unwrap(), corpus);
}

#[test]
fn corrupt_data_is_refused_not_panicked_on() {
    let good = encode(explorer::embedded::corpus().unwrap());
    assert!(decode(leak(b"XXXX".to_vec())).is_err());
    assert!(decode(leak(good[..good.len() / 2].to_vec())).is_err(), "truncated");
    let mut trailing = good.clone();
    trailing.push(0);
    assert!(decode(leak(trailing)).is_err());
    // Every single changed byte and every truncation is refused, never read as other text:
    // `decode` verifies first (checked on a sample), `verify` on every case.
    let mut flipped = good.clone();
    for at in 0..good.len() {
        flipped[at] ^= 0x01;
        assert!(verify(&flipped).is_err(), "byte {at} changed");
        if at % 997 == 0 {
            assert!(decode(leak(flipped.clone())).is_err(), "byte {at} changed");
        }
        flipped[at] ^= 0x01;
    }
    for len in 0..good.len() {
        assert!(verify(&good[..len]).is_err(), "cut at {len}");
    }
    assert!(verify(&good).is_ok() && decode(leak(good)).is_ok());
}

/// The corpus with every part's texts put back into its documents.
fn joined(index: &'static [u8], parts: &[(String, Vec<u8>)]) -> explorer::model::Corpus {
    let mut corpus = decode(index).expect("the index decodes");
    for (p, (_, bytes)) in parts.iter().enumerate() {
        let readings = decode_part(leak(bytes.clone()), &corpus, p).expect("the part decodes");
        let first = corpus.parts[p].first;
        for (k, reading) in readings.into_iter().enumerate() {
            let doc = &mut corpus.documents.to_mut()[first + k];
            doc.text = reading.text.into();
            doc.furniture = reading.furniture.into();
            assert_eq!(reading.passages.len(), doc.passages.len());
            doc.passages = reading.passages.into();
            assert_eq!(reading.mentions.len(), doc.mentions.len());
            for (m, span) in doc.mentions.to_mut().iter_mut().zip(reading.mentions) {
                m.span = span;
            }
        }
    }
    corpus
}

#[test]
fn a_corpus_in_parts_gives_back_the_same_corpus() {
    let corpus = explorer::embedded::corpus().unwrap();
    // Parts of about one article each, and one part for all.
    for part_bytes in [1, usize::MAX] {
        let (index, parts) = encode_parted(corpus, part_bytes);
        let index = leak(index);
        let read = decode(index).unwrap();
        assert!(read.documents.iter().all(|d| d.text.is_empty()), "the index holds no text");
        // Nor what only the texts need: the furniture and the mentions' spans.
        assert!(read.documents.iter().all(|d| d.furniture.is_empty() && d.mentions.iter().all(|m| m.span.is_empty())));
        assert_eq!(read.parts.len(), parts.len());
        let expected = if part_bytes == 1 { corpus.documents.len() } else { 1 };
        assert_eq!(parts.len(), expected);
        let mut whole = joined(index, &parts);
        assert_eq!(whole.parts.len(), parts.len());
        whole.parts = Vec::new().into();
        assert_eq!(&whole, corpus);
        // Each document's part, by index.
        for d in 0..corpus.documents.len() {
            let p = read.part_of(d).unwrap();
            assert!(read.parts[p].first <= d && d < read.parts[p].first + read.parts[p].count);
        }
        assert_eq!(read.part_of(corpus.documents.len()), None);
        // The file names differ by content.
        let names: std::collections::HashSet<_> = parts.iter().map(|(n, _)| n.clone()).collect();
        assert_eq!(names.len(), parts.len());
        assert!(names.iter().all(|n| n.starts_with("texts-") && n.ends_with(".bin")));
    }
}

#[test]
fn parts_of_about_the_size_asked() {
    let corpus = explorer::embedded::corpus().unwrap();
    let total: usize = corpus.documents.iter().map(|d| d.length).sum();
    let (_, parts) = encode_parted(corpus, total / 2);
    // Documents are added to a part until it holds the size asked: two or three parts.
    assert!((2..=3).contains(&parts.len()), "{} parts", parts.len());
}

#[test]
fn a_part_is_refused_for_another_part_or_another_corpus_or_when_changed() {
    let corpus = explorer::embedded::corpus().unwrap();
    let (index, parts) = encode_parted(corpus, 1);
    let read = decode(leak(index)).unwrap();
    let part = |p: usize| leak(parts[p].1.clone());
    assert!(decode_part(part(0), &read, 0).is_ok());
    assert_eq!(decode_part(part(0), &read, 1).unwrap_err().0, "another part");
    assert_eq!(decode_part(part(0), &read, parts.len()).unwrap_err().0, "no such part");
    let mut other = read.clone();
    other.version = "another build".into();
    assert_eq!(decode_part(part(0), &other, 0).unwrap_err().0, "part of another corpus");
    assert!(decode_part(leak(index_bytes_of(corpus)), &read, 0).is_err(), "the index is not a part");
    // Any changed byte or cut is refused.
    let good = parts[0].1.clone();
    for at in (0..good.len()).step_by(7) {
        let mut bad = good.clone();
        bad[at] ^= 0x20;
        assert!(decode_part(leak(bad), &read, 0).is_err(), "byte {at} changed");
    }
    assert!(decode_part(leak(good[..good.len() - 1].to_vec()), &read, 0).is_err(), "cut");
    // A text that does not fit its document's spans is refused, even with a good checksum:
    // another corpus that kept this version string would be caught here.
    let mut shifted = read.clone();
    shifted.documents.to_mut()[0].length += 1;
    assert_eq!(decode_part(part(0), &shifted, 0).unwrap_err().0, "text does not fit its document");
}

fn index_bytes_of(corpus: &explorer::model::Corpus) -> Vec<u8> {
    encode_parted(corpus, 1).0
}

#[test]
fn a_part_whose_text_differs_from_a_quote_of_the_index_is_refused() {
    let corpus = explorer::embedded::corpus().unwrap();
    let (index, parts) = encode_parted(corpus, 1);
    let mut read = decode(leak(index)).unwrap();
    // A source quoting the first document, its quote changed in the index (same length): the
    // part's text no longer says what the index quotes.
    let first = corpus.documents[0].id.clone();
    let event = read.events.to_mut().iter_mut().find(|e| e.sources.iter().any(|s| s.doc == first));
    let mut sources = event.expect("an event cites the first document").sources.to_mut().iter_mut();
    let source = sources.find(|s| s.doc == first).unwrap();
    source.quote = "x".repeat(source.quote.len()).into();
    assert_eq!(decode_part(leak(parts[0].1.clone()), &read, 0).unwrap_err().0, "text does not fit its document");
}

#[test]
fn an_embedded_corpus_without_documents_round_trips() {
    let mut empty = explorer::embedded::corpus().unwrap().clone();
    empty.documents = Vec::new().into();
    empty.actors = Vec::new().into();
    empty.events = Vec::new().into();
    empty.agreements = Vec::new().into();
    empty.figures = Vec::new().into();
    empty.comparisons = Vec::new().into();
    assert_eq!(decode(leak(encode(&empty))).unwrap(), empty);
}

#[test]
fn mentions_keep_their_targets_rules_and_passages_and_one_in_no_passage_is_refused() {
    use explorer::model::{Rule, Target};
    let corpus = explorer::embedded::corpus().unwrap();
    let read = decode(leak(encode(corpus))).unwrap();
    // The round trip above compares everything; here, that the corpus exercises what the
    // compact form packs: inferred rules, passage steps of more than one, dates among targets.
    let all = || read.documents.iter().flat_map(|d| d.mentions.iter());
    assert!(all().any(|m| m.rule != Rule::Explicit) && all().any(|m| matches!(m.target, Target::Date(_))));
    assert!(read.documents.iter().any(|d| d.mentions.windows(2).any(|w| w[1].passage > w[0].passage + 1)));
    // A mention past its document's last passage cannot be written by the annotator; read,
    // it would send the reader to no passage.
    let mut bad = corpus.clone();
    let doc = &mut bad.documents.to_mut()[0];
    let last = doc.mentions.len() - 1;
    doc.mentions.to_mut()[last].passage = doc.passages.len();
    assert_eq!(decode(leak(encode(&bad))).unwrap_err().0, "mention in no passage");
}

#[test]
fn a_source_is_read_with_its_passage_and_refused_in_another() {
    let corpus = explorer::embedded::corpus().unwrap();
    // The knowledge base's sources know their passage without the text (the timeline links to
    // it before any text has loaded); a quote across two passages has none.
    let sources = || corpus.events.iter().flat_map(|e| e.sources.iter());
    assert!(sources().any(|s| s.passage.is_some_and(|p| p > 0)));
    // Another passage, or none for a quote that one passage holds: refused at once when the
    // texts are embedded; with the texts apart, by the part that holds the text.
    for wrong in [|p: usize| Some(p + 1), |_| None] {
        let mut bad = corpus.clone();
        let documents = bad.documents.clone();
        let last = |doc: &str| documents.iter().find(|d| d.id == doc).unwrap().passages.len() - 1;
        let source = bad
            .events
            .to_mut()
            .iter_mut()
            .flat_map(|e| e.sources.to_mut().iter_mut())
            .find(|s| s.passage.is_some_and(|p| p < last(&s.doc)))
            .expect("an event's source in one passage, not its document's last");
        source.passage = wrong(source.passage.unwrap());
        assert_eq!(decode(leak(encode(&bad))).unwrap_err().0, "source in another passage");
        let (index, parts) = encode_parted(&bad, 1);
        let read = decode(leak(index)).expect("the index alone cannot check it");
        let refused =
            parts.iter().enumerate().filter(|(p, (_, bytes))| decode_part(leak(bytes.clone()), &read, *p).is_err());
        assert_eq!(refused.count(), 1);
    }
}
