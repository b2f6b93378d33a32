//! What each source claims of a fact, and how the claims of several sources relate.
//!
//! Sources differ: one article calls an agreement a "projet d'accord", another says it was
//! "conclu"; one counts "sept sous-commissions", another "six groupes de travail" and a new
//! committee. The knowledge base records, per source, the stage of an agreement and the value
//! of a figure with its wording, and in `comparisons.toml` how the claims relate. The build
//! checks them like quotes: a stage must be earned by its quote's words, a wording must stand
//! in its quote, a comparison must name sources of its fact, and an "identical" comparison of
//! figures must compare equal values.

use std::collections::HashSet;

use super::CompileError;
use super::kb::{self, SourceFile};
use crate::model::{Agreement, Comparison, Event, Figure, Qualifier, Relation, Source, Stage};
use crate::text::{folded_words, normalize_space};

/// Words whose presence in a quote earns a stage (a trailing `*` matches any ending).
fn stage_words(stage: Stage) -> &'static [&'static str] {
    match stage {
        Stage::Announced => {
            &["annonc*", "objectif*", "prevu*", "envisag*", "etablir", "propos*", "cherche*", "vise*", "projett*"]
        }
        Stage::Draft => &["projet"],
        Stage::Initialled => &["paraph*"],
        Stage::Signed => &["sign*", "conclu*"],
        Stage::Ratified => &["ratifi*"],
    }
}

/// Phrases that qualify a number, by what they make of it (folded words).
const QUALIFIERS: [(Qualifier, &[&str]); 3] = [
    (
        Qualifier::AtLeast,
        &[
            "plus de",
            "plus d",
            "au moins",
            "au minimum",
            "comme",
            "notamment",
            "dont",
            "parmi lesquels",
            "parmi lesquelles",
        ],
    ),
    (Qualifier::AtMost, &["moins de", "moins d", "au plus", "au maximum", "jusqu a"]),
    (
        Qualifier::Approximate,
        &["pres de", "pres d", "environ", "quelque", "autour de", "approximativement", "une centaine", "un millier"],
    ),
];

/// How the words that state a number bound it: "plus de 10 000" is a lower bound, "comme
/// Rosatom, Inter RAO…" (such as) too, "près de" approximate; anything else exact.
///
/// ```
/// use corpus_build::compile::claims::qualifier_of;
/// use corpus::model::Qualifier;
/// assert_eq!(qualifier_of("plus de 10 000"), Qualifier::AtLeast);
/// assert_eq!(qualifier_of("près d'un millier"), Qualifier::Approximate);
/// assert_eq!(qualifier_of("60 personnes"), Qualifier::Exact);
/// ```
pub fn qualifier_of(wording: &str) -> Qualifier {
    let words = folded_words(wording);
    let has = |phrase: &str| {
        let p = folded_words(phrase);
        words.windows(p.len()).any(|w| w == p.as_slice())
    };
    QUALIFIERS.iter().find(|(_, phrases)| phrases.iter().any(|p| has(p))).map_or(Qualifier::Exact, |(q, _)| *q)
}

/// Whether the quote's words earn the stage.
pub fn quote_earns(quote: &str, stage: Stage) -> bool {
    let words = folded_words(quote);
    stage_words(stage).iter().any(|w| match w.strip_suffix('*') {
        Some(prefix) => words.iter().any(|x| x.starts_with(prefix)),
        None => words.iter().any(|x| x == w),
    })
}

/// Adds a source entry's claim (stage, value, wording) to its resolved source.
pub fn claim(file: &SourceFile, entry: &kb::SourceEntry, mut source: Source) -> Result<Source, CompileError> {
    if let Some(stage) = &entry.stage {
        if !quote_earns(&source.quote, *stage.get_ref()) {
            let words = stage_words(*stage.get_ref()).join(", ");
            return Err(file
                .error_at(stage, format!("the quote does not say this stage: it needs one of these words: {words}")));
        }
        source.stage = Some(*stage.get_ref());
    }
    if let Some(wording) = &entry.wording {
        if !normalize_space(&source.quote).contains(&normalize_space(wording.get_ref())) {
            return Err(file.error_at(wording, format!("the wording {:?} is not in the quote", wording.get_ref())));
        }
        source.qualifier = qualifier_of(wording.get_ref());
        source.wording = Some(wording.get_ref().clone().into());
    }
    source.value = entry.value;
    Ok(source)
}

/// The sources of a fact, by id, among events, agreements and figures.
fn sources_of<'a>(
    id: &str,
    events: &'a [Event],
    agreements: &'a [Agreement],
    figures: &'a [Figure],
) -> Option<&'a [Source]> {
    events
        .iter()
        .find(|e| e.id == id)
        .map(|e| &e.sources[..])
        .or_else(|| agreements.iter().find(|a| a.id == id).map(|a| &a.sources[..]))
        .or_else(|| figures.iter().find(|f| f.id == id).map(|f| &f.sources[..]))
}

/// Checks and builds the comparisons.
pub fn comparisons(
    entries: &[kb::ComparisonEntry],
    file: &SourceFile,
    events: &[Event],
    agreements: &[Agreement],
    figures: &[Figure],
) -> Result<Vec<Comparison>, CompileError> {
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(entries.len());
    for entry in entries {
        super::check_new(file, &entry.id, &mut seen)?;
        let fact = entry.fact.get_ref();
        let sources = sources_of(fact, events, agreements, figures)
            .ok_or_else(|| file.error_at(&entry.fact, format!("unknown event, agreement or figure {fact:?}")))?;
        let docs: Vec<&str> = entry.docs.iter().map(|d| d.get_ref().as_str()).collect();
        if docs.iter().collect::<HashSet<_>>().len() < 2 || docs.len() != entry.docs.len() {
            let reason = "a comparison names two documents or more, each once";
            return Err(file.error_at(&entry.id, reason));
        }
        for doc in &entry.docs {
            if !sources.iter().any(|s| s.doc == *doc.get_ref()) {
                return Err(file.error_at(doc, format!("{:?} is not a source of {fact:?}", doc.get_ref())));
            }
        }
        let claimed = sources.iter().filter(|s| docs.contains(&s.doc.as_ref()));
        let stages: HashSet<Option<Stage>> = claimed.clone().map(|s| s.stage).collect();
        let values: HashSet<Option<u64>> = claimed.map(|s| s.value.map(f64::to_bits)).collect();
        let relation = *entry.relation.get_ref();
        match relation {
            Relation::Contradicts => {
                if stages.len() < 2 && values.len() < 2 && entry.note_en.is_none() {
                    let reason =
                        "the sources give the same stage and value: say in note_fr/note_en what they contradict on";
                    return Err(file.error_at(&entry.relation, reason));
                }
            }
            Relation::Identical => {
                if values.len() > 1 {
                    return Err(file.error_at(&entry.relation, "the sources give different values: not identical"));
                }
            }
            Relation::Compatible | Relation::Supersedes => {}
        }
        out.push(Comparison {
            id: entry.id.get_ref().clone().into(),
            fact: fact.clone().into(),
            relation,
            docs: docs.iter().map(|d| d.to_string().into()).collect::<Vec<_>>().into(),
            note_fr: entry.note_fr.clone().map(Into::into),
            note_en: entry.note_en.clone().map(Into::into),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualifiers_come_from_the_words() {
        assert_eq!(qualifier_of("plus de 10 000"), Qualifier::AtLeast);
        assert_eq!(qualifier_of("Plus d’un millier"), Qualifier::AtLeast, "a bound before an approximation");
        assert_eq!(qualifier_of("comme Rosatom, Inter RAO, Sberbank"), Qualifier::AtLeast);
        assert_eq!(qualifier_of("près de 300 étudiants"), Qualifier::Approximate);
        assert_eq!(qualifier_of("environ 60 personnes"), Qualifier::Approximate);
        assert_eq!(qualifier_of("moins de 5 %"), Qualifier::AtMost);
        assert_eq!(qualifier_of("jusqu’à 40 bourses"), Qualifier::AtMost);
        assert_eq!(qualifier_of("sept sous-commissions"), Qualifier::Exact);
        assert_eq!(qualifier_of("plusieurs ministères"), Qualifier::Exact, "\"plus\" only as a whole word");
    }

    #[test]
    fn a_stage_is_earned_by_the_words_of_its_quote() {
        assert!(quote_earns("un projet d'accord pour l'utilisation de l'énergie atomique", Stage::Draft));
        assert!(quote_earns("Trois accords ont été paraphés lundi", Stage::Initialled));
        assert!(quote_earns("Deux autres documents avaient été signés", Stage::Signed));
        assert!(quote_earns("Le deuxième accord, conclu avec Rosatom", Stage::Signed));
        assert!(quote_earns("un objectif clé est d'établir une structure", Stage::Announced));
        assert!(!quote_earns("Trois accords ont été paraphés lundi", Stage::Signed));
        assert!(!quote_earns("un accord sur l'énergie", Stage::Draft));
        assert!(!quote_earns("la signature est attendue", Stage::Ratified));
    }
}
