//! Finding a quote verbatim in a text, white space aside.
//!
//! Quotes in the knowledge base are copied from the articles; line breaks and runs of spaces
//! (including non-breaking ones) may differ, nothing else. The match is located in the
//! original text so the app can jump to it.

use crate::model::Span;
use crate::text::normalize_space;

/// A text with white space collapsed, and for each of its bytes the original byte offset.
pub struct Normalized {
    pub text: String,
    origin: Vec<usize>,
    original_len: usize,
}

impl Normalized {
    pub fn new(original: &str) -> Normalized {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        let mut in_space = true; // drops leading white space
        for (i, c) in original.char_indices() {
            if c.is_whitespace() {
                if !in_space {
                    text.push(' ');
                    origin.push(i);
                    in_space = true;
                }
                continue;
            }
            in_space = false;
            text.push(c);
            origin.extend(std::iter::repeat_n(i, c.len_utf8()));
        }
        Normalized { text, origin, original_len: original.len() }
    }

    /// Where `quote` stands in the original text, if it is there verbatim (white space aside).
    pub fn find(&self, original: &str, quote: &str) -> Option<Span> {
        let needle = normalize_space(quote);
        if needle.is_empty() {
            return None;
        }
        let at = self.text.find(&needle)?;
        let last = at + needle.len() - 1;
        let start = self.origin[at];
        let last_start = self.origin[last];
        let last_len = original[last_start..].chars().next().map_or(0, char::len_utf8);
        Some(Span::new(start, (last_start + last_len).min(self.original_len)))
    }
}

/// Whether `quote` would match if apostrophe style were ignored: for a helpful error message.
pub fn matches_but_for_apostrophes(normalized: &Normalized, quote: &str) -> bool {
    let plain = |s: &str| s.replace(['\u{2019}', '\u{2018}'], "'");
    plain(&normalized.text).contains(&plain(&normalize_space(quote)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_quotes_across_line_breaks_and_nbsp() {
        let text = "Un accord\u{a0}a été\n  signé à Bamako.";
        let n = Normalized::new(text);
        let span = n.find(text, "accord a été signé").unwrap();
        assert_eq!(&text[span.start..span.end], "accord\u{a0}a été\n  signé");
    }

    #[test]
    fn refuses_a_quote_that_is_not_verbatim() {
        let text = "l’énergie atomique";
        let n = Normalized::new(text);
        assert!(n.find(text, "l'énergie atomique").is_none());
        assert!(matches_but_for_apostrophes(&n, "l'énergie atomique"));
        assert!(n.find(text, "énergie nucléaire").is_none());
        assert!(n.find(text, "   ").is_none());
    }

    #[test]
    fn spans_end_after_a_multibyte_last_character() {
        let text = "à Moscou, Goïta";
        let n = Normalized::new(text);
        let span = n.find(text, "Goïta").unwrap();
        assert_eq!(&text[span.start..span.end], "Goïta");
    }
}
