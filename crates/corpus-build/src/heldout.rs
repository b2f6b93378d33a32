//! How well the annotator does on articles it was not written for: precision and recall of
//! actor mentions and of sector tags per sentence, against hand annotations.
//!
//! Each held-out article is a `.txt` with a `.toml` beside it (see
//! `tests/fixtures/heldout/`). The article is compiled together with the real seeds and
//! knowledge base (as if a maintainer had dropped it into `seeds/`), and its mentions are
//! compared with the annotation:
//!
//! - an actor mention counts as found when the annotator marks the same actor on an
//!   overlapping span (named or inferred, each expected mention matched once);
//! - sector tags are compared per sentence at the top level of the taxonomy (a sentence about
//!   "power grids" is about energy), only from terms the annotator reads as the topic.
//!
//! `make report` prints the scores; a test keeps them above the targets.

use std::collections::BTreeSet;
use std::fmt::Write;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::compile::{KNOWLEDGE_DIR, compile_dir};
use crate::model::{Corpus, Document, Target};
use crate::text::normalize_space;

/// The hand annotation of one held-out article.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Annotation {
    outlet: Option<String>,
    country: Option<String>,
    author: Option<String>,
    #[serde(default)]
    mention: Vec<ExpectedMention>,
    #[serde(default)]
    sentence: Vec<ExpectedSentence>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedMention {
    text: String,
    actor: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedSentence {
    start: String,
    sectors: Vec<String>,
}

/// True positives, false positives and false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    pub found: usize,
    pub wrong: usize,
    pub missed: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.found, self.found + self.wrong)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.found, self.found + self.missed)
    }

    fn add(&mut self, other: Score) {
        self.found += other.found;
        self.wrong += other.wrong;
        self.missed += other.missed;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// The scores of one article, and what went wrong (for the report).
#[derive(Debug, Clone, Default)]
pub struct ArticleScore {
    pub name: String,
    pub actors: Score,
    pub sectors: Score,
    /// Lines such as `missed actor mali at "dans le pays"`.
    pub errors: Vec<String>,
}

/// Every held-out article's scores and their totals.
#[derive(Debug, Clone, Default)]
pub struct Evaluation {
    pub articles: Vec<ArticleScore>,
    pub actors: Score,
    pub sectors: Score,
}

/// Finds the byte offset of the `n`-th (0-based) whole-word occurrence of `needle`.
fn nth_occurrence(text: &str, needle: &str, n: usize) -> Option<usize> {
    let word = |c: Option<char>| c.is_some_and(crate::text::is_word_char);
    text.match_indices(needle)
        .map(|(i, _)| i)
        .filter(|&i| !word(text[..i].chars().next_back()) && !word(text[i + needle.len()..].chars().next()))
        .nth(n)
}

/// The top-level sector of a sector id.
fn root<'c>(corpus: &'c Corpus, id: &'c str) -> &'c str {
    let mut current = id;
    for _ in 0..=corpus.sectors.len() {
        match corpus.sector(current).and_then(|s| s.parent.as_deref()) {
            Some(parent) => current = parent,
            None => break,
        }
    }
    current
}

fn score_actors(doc: &Document, expected: &[ExpectedMention], errors: &mut Vec<String>) -> Result<Score, String> {
    let mut spans = Vec::new();
    for (k, m) in expected.iter().enumerate() {
        // The n-th listing of a text for one actor is its n-th occurrence ("nos deux pays" is
        // listed once for each of the two countries).
        let n = expected[..k].iter().filter(|e| e.text == m.text && e.actor == m.actor).count();
        let at = nth_occurrence(&doc.text, &m.text, n)
            .ok_or_else(|| format!("{}: {:?} (occurrence {}) is not in the article", doc.id, m.text, n + 1))?;
        spans.push((at, at + m.text.len(), m.actor.as_str(), false));
    }
    let mut score = Score::default();
    for m in doc.mentions.iter() {
        let Target::Actor(actor) = &m.target else { continue };
        let hit = spans
            .iter_mut()
            .find(|(s, e, a, used)| !*used && *a == actor.as_ref() && *s < m.span.end && m.span.start < *e);
        match hit {
            Some(h) => {
                h.3 = true;
                score.found += 1;
            }
            None => {
                score.wrong += 1;
                errors.push(format!("wrong actor {actor} at {:?} ({})", doc.slice(m.span), m.rule.key()));
            }
        }
    }
    for (s, e, actor, used) in spans {
        if !used {
            score.missed += 1;
            errors.push(format!("missed actor {actor} at {:?}", &doc.text[s..e]));
        }
    }
    Ok(score)
}

fn score_sectors(
    corpus: &Corpus,
    doc: &Document,
    expected: &[ExpectedSentence],
    errors: &mut Vec<String>,
) -> Result<Score, String> {
    let mut score = Score::default();
    for (i, passage) in doc.passages.iter().enumerate() {
        let text = normalize_space(doc.slice(*passage));
        let annotation = expected
            .iter()
            .find(|s| text.starts_with(&normalize_space(&s.start)))
            .ok_or_else(|| format!("{}: the sentence {text:?} has no annotation", doc.id))?;
        let want: BTreeSet<&str> = annotation.sectors.iter().map(|s| root(corpus, s)).collect();
        let got: BTreeSet<&str> = doc
            .mentions
            .iter()
            .filter(|m| m.passage == i)
            .filter_map(|m| match &m.target {
                Target::Sector(s) => Some(root(corpus, s)),
                _ => None,
            })
            .collect();
        for s in got.union(&want) {
            match (got.contains(s), want.contains(s)) {
                (true, true) => score.found += 1,
                (true, false) => {
                    score.wrong += 1;
                    errors.push(format!("wrong sector {s} in {:?}", annotation.start));
                }
                _ => {
                    score.missed += 1;
                    errors.push(format!("missed sector {s} in {:?}", annotation.start));
                }
            }
        }
    }
    Ok(score)
}

/// Compiles each held-out article of `fixtures` with the seeds of `seeds` (in a temporary
/// copy) and scores it against its annotation.
pub fn evaluate(seeds: &Path, fixtures: &Path) -> Result<Evaluation, String> {
    let work = std::env::temp_dir().join(format!("explorer-heldout-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    copy_tree(seeds, &work).map_err(|e| format!("cannot copy {}: {e}", seeds.display()))?;
    let mut names = Vec::new();
    let mut annotations = Vec::new();
    let mut entries =
        std::fs::read_dir(fixtures).map_err(|e| format!("{}: {e}", fixtures.display()))?.flatten().collect::<Vec<_>>();
    entries.sort_by_key(|e| e.path());
    let mut metadata = String::new();
    for entry in entries {
        let path = entry.path();
        if path.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        let toml_path = path.with_extension("toml");
        let source = std::fs::read_to_string(&toml_path).map_err(|e| format!("{}: {e}", toml_path.display()))?;
        let annotation: Annotation = toml::from_str(&source).map_err(|e| format!("{}: {e}", toml_path.display()))?;
        let id = format!("heldout_{name}");
        std::fs::copy(&path, work.join(format!("{id}.txt"))).map_err(|e| format!("{}: {e}", path.display()))?;
        let _ = writeln!(metadata, "\n[[document]]\nid = {id:?}\nlanguage = \"fr\"");
        if let Some(outlet) = &annotation.outlet {
            let _ = writeln!(metadata, "outlet = {outlet:?}");
        }
        if let Some(author) = &annotation.author {
            let _ = writeln!(metadata, "author = {author:?}");
        }
        if let (Some(outlet), Some(country)) = (&annotation.outlet, &annotation.country) {
            let _ = writeln!(metadata, "\n[[outlet]]\nname = {outlet:?}\ncountry = {country:?}");
        }
        names.push((name, id));
        annotations.push(annotation);
    }
    let documents = work.join(KNOWLEDGE_DIR).join("documents.toml");
    let mut existing = std::fs::read_to_string(&documents).map_err(|e| format!("{}: {e}", documents.display()))?;
    existing.push_str(&metadata);
    std::fs::write(&documents, existing).map_err(|e| format!("{}: {e}", documents.display()))?;
    let corpus = compile_dir(&work).map_err(|e| e.to_string());
    let _ = std::fs::remove_dir_all(&work);
    let corpus = corpus?;
    let mut out = Evaluation::default();
    for ((name, id), annotation) in names.into_iter().zip(annotations) {
        let doc = corpus.document(&id).ok_or_else(|| format!("{id} was not compiled"))?;
        let mut errors = Vec::new();
        let actors = score_actors(doc, &annotation.mention, &mut errors)?;
        let sectors = score_sectors(&corpus, doc, &annotation.sentence, &mut errors)?;
        out.actors.add(actors);
        out.sectors.add(sectors);
        out.articles.push(ArticleScore { name, actors, sectors, errors });
    }
    Ok(out)
}

/// The evaluation as report lines.
pub fn report(e: &Evaluation) -> String {
    let mut out = String::new();
    let line = |out: &mut String, name: &str, a: &Score, s: &Score| {
        let _ = writeln!(
            out,
            "   {name:<10} actors P {:.2} R {:.2} ({} found, {} wrong, {} missed) · sectors P {:.2} R {:.2} ({} found, {} wrong, {} missed)",
            a.precision(),
            a.recall(),
            a.found,
            a.wrong,
            a.missed,
            s.precision(),
            s.recall(),
            s.found,
            s.wrong,
            s.missed
        );
    };
    let _ = writeln!(out, "== held-out articles (targets: precision ≥ 0.95, recall ≥ 0.90)");
    for a in &e.articles {
        line(&mut out, &a.name, &a.actors, &a.sectors);
        for error in &a.errors {
            let _ = writeln!(out, "      {error}");
        }
    }
    line(&mut out, "all", &e.actors, &e.sectors);
    out
}

fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target: PathBuf = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn occurrences_are_whole_words() {
        assert_eq!(nth_occurrence("Malien, Mali et Mali.", "Mali", 0), Some(8));
        assert_eq!(nth_occurrence("Malien, Mali et Mali.", "Mali", 1), Some(16));
        assert_eq!(nth_occurrence("Malien", "Mali", 0), None);
    }

    #[test]
    fn precision_and_recall_count_what_they_should() {
        let s = Score { found: 9, wrong: 1, missed: 3 };
        assert_eq!(s.precision(), 0.9);
        assert_eq!(s.recall(), 0.75);
        assert_eq!(Score::default().precision(), 1.0, "nothing claimed, nothing wrong");
    }
}
