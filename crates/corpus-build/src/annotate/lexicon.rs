//! Matching actor names and sector terms in a text.
//!
//! Terms are phrases compared word by word on folded words (see [`crate::text`]), so case,
//! accents, apostrophe style and elisions do not matter, and a term never matches inside a
//! word ("santé" is not found in "composante"). Ambiguity is handled by rules in the data:
//!
//! - a term ending in `*` matches any word that starts with its last word ("agricol*");
//! - an *exact-case* term matches only with the same capitals ("or" the metal, not "Or," the
//!   conjunction that opens a sentence);
//! - *exclusions* are phrases inside which a term does not count ("en l'espace de deux ans" is
//!   not the space sector).
//!
//! Within one layer (actors, or sectors) the longest match wins: "énergie atomique" is civil
//! nuclear, not just energy; "Front de Libération de l'Azawad" is the FLA, not the place.
//! The layers are independent: "ministère russe de l'Énergie" is an actor *and* signals energy.
//!
//! ```
//! use corpus_build::annotate::lexicon::{Lexicon, Layer, Term};
//! let mut lexicon = Lexicon::default();
//! lexicon.add(Layer::Sector, "space", &[Term::new("espace")], &["en l'espace de"]);
//! let text = "L'espace a été abordé, en l’espace de deux ans.";
//! let found = lexicon.find(text, &corpus::text::tokens(text));
//! assert_eq!(found.len(), 1);
//! assert_eq!(&text[found[0].span.start..found[0].span.end], "espace");
//! ```

use std::collections::HashMap;

use crate::model::Span;
use crate::text::{Token, folded_words, tokens};

/// Which kind of thing a term names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Layer {
    Actor,
    Sector,
}

/// A term as written in the knowledge base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub phrase: String,
    /// Match only with the same capitals (accents still ignored).
    pub exact_case: bool,
}

impl Term {
    pub fn new(phrase: &str) -> Term {
        Term { phrase: phrase.to_string(), exact_case: false }
    }

    pub fn exact_case(phrase: &str) -> Term {
        Term { phrase: phrase.to_string(), exact_case: true }
    }
}

/// A match found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub layer: Layer,
    pub id: String,
    pub span: Span,
}

#[derive(Debug, Clone)]
struct Pattern {
    layer: Layer,
    id: usize,
    /// Folded words; with `prefix`, the last one only has to start the text's word.
    words: Vec<String>,
    /// For exact-case terms: the accent-free words with their capitals.
    cased: Option<Vec<String>>,
    prefix: bool,
    /// For each word after the first: whether the term itself has a comma before it (a name
    /// such as "Commission … sur la coopération commerciale, économique et technique").
    commas: Vec<bool>,
}

/// Compiled terms of every actor and sector, ready to match.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    ids: Vec<(Layer, String)>,
    /// Patterns by their first word (prefix patterns of one word are in `prefixed`).
    by_first: HashMap<String, Vec<Pattern>>,
    prefixed: Vec<Pattern>,
    /// Exclusion phrases (folded words) for each id index.
    exclusions: HashMap<usize, Vec<Vec<String>>>,
}

impl Lexicon {
    /// Adds the terms and exclusion phrases of one actor or sector.
    pub fn add(&mut self, layer: Layer, id: &str, terms: &[Term], exclusions: &[&str]) {
        let index = self.ids.len();
        self.ids.push((layer, id.to_string()));
        for term in terms {
            let prefix = term.phrase.trim_end().ends_with('*');
            let words = folded_words(&term.phrase);
            if words.is_empty() {
                continue;
            }
            let toks = tokens(&term.phrase);
            let cased = term.exact_case.then(|| toks.iter().map(|t| t.cased.clone()).collect());
            let commas = toks.windows(2).map(|w| term.phrase[w[0].end..w[1].start].contains(',')).collect();
            let pattern = Pattern { layer, id: index, words, cased, prefix, commas };
            if prefix && pattern.words.len() == 1 {
                self.prefixed.push(pattern);
            } else {
                self.by_first.entry(pattern.words[0].clone()).or_default().push(pattern);
            }
        }
        let phrases: Vec<Vec<String>> = exclusions.iter().map(|p| folded_words(p)).filter(|w| !w.is_empty()).collect();
        if !phrases.is_empty() {
            self.exclusions.entry(index).or_default().extend(phrases);
        }
    }

    /// Whether `pattern` matches the words starting at `at`; returns how many words it covers.
    fn matches(pattern: &Pattern, text: &str, toks: &[Token], at: usize) -> Option<usize> {
        let n = pattern.words.len();
        let window = toks.get(at..at + n)?;
        for (k, (tok, word)) in window.iter().zip(&pattern.words).enumerate() {
            let last = k + 1 == n;
            let equal =
                if pattern.prefix && last { tok.folded.starts_with(word.as_str()) } else { tok.folded == *word };
            if !equal {
                return None;
            }
            if let Some(cased) = &pattern.cased {
                let same = if pattern.prefix && last {
                    tok.cased.starts_with(cased[k].as_str())
                } else {
                    tok.cased == cased[k]
                };
                if !same {
                    return None;
                }
            }
            // A phrase's words must follow each other within one clause: only spaces,
            // apostrophes or hyphens between them, never a full stop or a comma — unless the
            // term itself has a comma there.
            if k > 0 {
                let gap = &text[window[k - 1].end..tok.start];
                let comma = pattern.commas.get(k - 1) == Some(&true) && joins_words(&gap.replacen(',', "", 1));
                if !joins_words(gap) && !comma {
                    return None;
                }
            }
        }
        Some(n)
    }

    /// Whether the words `at..at+len` lie inside an occurrence of an exclusion phrase of `id`.
    fn excluded(&self, id: usize, toks: &[Token], at: usize, len: usize) -> bool {
        let Some(phrases) = self.exclusions.get(&id) else {
            return false;
        };
        phrases.iter().any(|phrase| {
            let n = phrase.len();
            if n < len {
                return false;
            }
            let first = (at + len).saturating_sub(n);
            (first..=at).any(|k| {
                toks.get(k..k + n).is_some_and(|window| window.iter().zip(phrase).all(|(t, w)| t.folded == *w))
            })
        })
    }

    /// Finds every actor and sector mention in `toks` (the words of one passage of `text`).
    pub fn find(&self, text: &str, toks: &[Token]) -> Vec<Found> {
        let mut found = Vec::new();
        for layer in [Layer::Actor, Layer::Sector] {
            let mut at = 0;
            while at < toks.len() {
                let candidates = self.by_first.get(&toks[at].folded).into_iter().flatten().chain(&self.prefixed);
                let best = candidates
                    .filter(|p| p.layer == layer)
                    .filter_map(|p| Some((Self::matches(p, text, toks, at)?, p)))
                    .filter(|&(len, p)| !self.excluded(p.id, toks, at, len))
                    .max_by_key(|&(len, p)| (len, toks[at + len - 1].end, std::cmp::Reverse(p.id)));
                match best {
                    Some((len, pattern)) => {
                        let span = Span::new(toks[at].start, toks[at + len - 1].end);
                        found.push(Found { layer, id: self.ids[pattern.id].1.clone(), span });
                        at += len;
                    }
                    None => at += 1,
                }
            }
        }
        found.sort_by_key(|f| (f.span, f.layer));
        found
    }
}

/// Whether the characters between two words keep them in one phrase.
fn joins_words(gap: &str) -> bool {
    gap.chars().all(|c| c.is_whitespace() || matches!(c, '\'' | '’' | '‘' | '-' | '‐' | '‑'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(lexicon: &Lexicon, text: &str) -> Vec<(String, String)> {
        lexicon
            .find(text, &tokens(text))
            .into_iter()
            .map(|f| (f.id, text[f.span.start..f.span.end].to_string()))
            .collect()
    }

    fn sectors() -> Lexicon {
        let mut l = Lexicon::default();
        l.add(Layer::Sector, "energy", &[Term::new("énergie"), Term::new("énergétique*")], &[]);
        l.add(Layer::Sector, "civil-nuclear", &[Term::new("énergie atomique"), Term::new("nucléaire civil")], &[]);
        l.add(
            Layer::Sector,
            "space",
            &[Term::new("espace"), Term::new("spatial*")],
            &["en l'espace de", "espace confédéral"],
        );
        l.add(Layer::Sector, "gold", &[Term::exact_case("or")], &[]);
        l.add(Layer::Sector, "health", &[Term::new("santé")], &[]);
        l.add(Layer::Sector, "defence", &[Term::new("sécurité")], &["sécurité épidémiologique"]);
        l
    }

    #[test]
    fn longest_match_wins_within_a_layer() {
        let l = sectors();
        assert_eq!(
            found(&l, "l'utilisation de l'énergie atomique"),
            [("civil-nuclear".into(), "énergie atomique".into())]
        );
        assert_eq!(
            found(&l, "l'énergie et les projets énergétiques"),
            [("energy".into(), "énergie".into()), ("energy".into(), "énergétiques".into())]
        );
    }

    #[test]
    fn space_is_not_a_duration_nor_a_territory() {
        let l = sectors();
        assert_eq!(found(&l, "L'espace, la cybersécurité"), [("space".into(), "espace".into())]);
        assert_eq!(found(&l, "l’industrie spatiale"), [("space".into(), "spatiale".into())]);
        assert!(found(&l, "passés en l'espace de deux ans de 32 à 290").is_empty());
        assert!(found(&l, "passés en l’espace de deux ans").is_empty(), "typographic apostrophe too");
        assert!(found(&l, "appelée à rayonner dans l'espace confédéral").is_empty());
    }

    #[test]
    fn gold_needs_lowercase_or() {
        let l = sectors();
        assert_eq!(found(&l, "riche en ressources comme l'or et l'uranium"), [("gold".into(), "or".into())]);
        assert!(found(&l, "Or, la Russie coopère.").is_empty());
        assert!(found(&l, "alors hors de question").is_empty(), "never inside a word");
    }

    #[test]
    fn health_never_matches_inside_a_word() {
        let l = sectors();
        assert!(found(&l, "agrémenté d'une composante sécuritaire").is_empty());
        assert_eq!(found(&l, "la santé publique"), [("health".into(), "santé".into())]);
        assert_eq!(found(&l, "la SANTE"), [("health".into(), "SANTE".into())]);
    }

    #[test]
    fn exclusions_only_drop_the_covered_occurrence() {
        let l = sectors();
        let hits = found(&l, "la santé publique et la sécurité épidémiologique, puis la sécurité");
        assert_eq!(hits, [("health".into(), "santé".into()), ("defence".into(), "sécurité".into())]);
    }

    #[test]
    fn actor_aliases_match_spelling_variants_and_layers_are_independent() {
        let mut l = sectors();
        l.add(
            Layer::Actor,
            "tsivilev",
            &[Term::new("Sergueï Tsivilev"), Term::new("Sergei Tsivilev"), Term::new("Tsivilev")],
            &[],
        );
        l.add(Layer::Actor, "energy-ministry", &[Term::new("ministère russe de l'Énergie")], &[]);
        let hits = found(&l, "le ministère russe de l’Énergie, Sergueï Tsivilev, puis SERGEI TSIVILEV et Tsivilev.");
        assert_eq!(
            hits,
            [
                ("energy-ministry".into(), "ministère russe de l’Énergie".into()),
                ("energy".into(), "Énergie".into()),
                ("tsivilev".into(), "Sergueï Tsivilev".into()),
                ("tsivilev".into(), "SERGEI TSIVILEV".into()),
                ("tsivilev".into(), "Tsivilev".into()),
            ]
        );
    }

    #[test]
    fn phrases_do_not_run_across_punctuation() {
        let mut l = Lexicon::default();
        l.add(Layer::Sector, "renewables", &[Term::new("énergies renouvelables")], &[]);
        assert!(found(&l, "des énergies. Renouvelables").is_empty());
        assert!(found(&l, "des énergies, renouvelables").is_empty());
        assert_eq!(found(&l, "des énergies  renouvelables").len(), 1);
    }

    #[test]
    fn a_name_with_commas_matches_where_the_text_has_them_too() {
        let mut l = Lexicon::default();
        l.add(
            Layer::Actor,
            "commission",
            &[Term::new("Commission sur la coopération commerciale, économique et technique")],
            &[],
        );
        let text = "La Commission sur la coopération commerciale, économique et technique siège.";
        assert_eq!(
            found(&l, text),
            [("commission".into(), "Commission sur la coopération commerciale, économique et technique".into())]
        );
        assert!(found(&l, "la Commission sur la coopération commerciale. Économique et technique").is_empty());
        assert!(found(&l, "la Commission sur la coopération, commerciale, économique et technique").is_empty());
    }
}
