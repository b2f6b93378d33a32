//! Faceted evaluation on the real corpus: OR within a facet, AND across facets, counts with
//! the other facets applied, sector hierarchy, date overlap at the stated precision, search.

use explorer::date::DateSpec;
use explorer::model::Corpus;
use explorer::model::Target;
use explorer::query::Filter;
use explorer::query::eval::{Index, Unit, term_spans};

fn corpus() -> &'static Corpus {
    explorer::embedded::corpus().expect("the embedded corpus decodes")
}

fn index() -> Index<'static> {
    Index::new(corpus())
}

fn ids(docs: &[usize]) -> Vec<&'static str> {
    docs.iter().map(|&i| corpus().documents[i].id.as_ref()).collect()
}

/// Documents that mention an actor or sector (or one of its sub-sectors), straight from the model.
fn docs_mentioning(pred: impl Fn(&Target) -> bool) -> Vec<&'static str> {
    corpus().documents.iter().filter(|d| d.mentions.iter().any(|m| pred(&m.target))).map(|d| d.id.as_ref()).collect()
}

fn actor(id: &'static str) -> impl Fn(&Target) -> bool {
    move |t| matches!(t, Target::Actor(a) if a == id)
}

fn sector_within(id: &'static str) -> impl Fn(&Target) -> bool {
    move |t| matches!(t, Target::Sector(s) if corpus().sector_within(s, id))
}

fn filter(f: impl FnOnce(&mut Filter)) -> Filter {
    let mut filter = Filter::default();
    f(&mut filter);
    filter
}

fn actor_pos(id: &str) -> usize {
    corpus().actors.iter().position(|a| a.id == id).unwrap()
}

fn sector_pos(id: &str) -> usize {
    corpus().sectors.iter().position(|s| s.id == id).unwrap()
}

#[test]
fn no_filter_selects_everything_and_counts_every_value() {
    let e = index().evaluate(&Filter::default());
    assert_eq!(e.documents.len(), corpus().documents.len());
    assert_eq!(e.events.len(), corpus().events.len());
    assert_eq!(e.agreements.len(), corpus().agreements.len());
    assert_eq!(e.passages.len(), corpus().documents.iter().map(|d| d.passages.len()).sum::<usize>());
    for (i, a) in corpus().actors.iter().enumerate() {
        assert_eq!(
            e.actor_counts[i],
            docs_mentioning(actor(Box::leak(a.id.to_string().into_boxed_str()))).len(),
            "{}",
            a.id
        );
    }
}

#[test]
fn values_are_ored_within_a_facet() {
    let one = index().evaluate(&filter(|f| f.actors = vec!["rosatom".into()]));
    assert_eq!(ids(&one.documents), docs_mentioning(actor("rosatom")));
    let two = index().evaluate(&filter(|f| f.actors = vec!["rosatom".into(), "abdoulaye-maiga".into()]));
    let mut expected = docs_mentioning(actor("rosatom"));
    expected.extend(docs_mentioning(actor("abdoulaye-maiga")));
    expected.sort();
    expected.dedup();
    assert_eq!(ids(&two.documents), expected);
    assert!(two.documents.len() > one.documents.len());
}

#[test]
fn facets_are_anded_together() {
    let e = index().evaluate(&filter(|f| {
        f.actors = vec!["rosatom".into()];
        f.sectors = vec!["space".into()];
    }));
    let rosatom = docs_mentioning(actor("rosatom"));
    let expected: Vec<&str> =
        docs_mentioning(sector_within("space")).into_iter().filter(|d| rosatom.contains(d)).collect();
    assert_eq!(ids(&e.documents), expected);
    assert!(!expected.is_empty() && expected.len() < rosatom.len());
}

#[test]
fn each_facet_counts_with_the_other_facets_applied() {
    let e = index().evaluate(&filter(|f| {
        f.actors = vec!["rosatom".into()];
        f.sectors = vec!["space".into()];
    }));
    // Actor counts ignore the actor selection but apply the sector one.
    let space = docs_mentioning(sector_within("space"));
    let bamako_in_space = docs_mentioning(actor("bamako")).into_iter().filter(|d| space.contains(d)).count();
    assert_eq!(e.actor_counts[actor_pos("bamako")], bamako_in_space);
    assert_eq!(e.actor_counts[actor_pos("rosatom")], e.documents.len());
    // Sector counts ignore the sector selection but apply the actor one.
    let rosatom = docs_mentioning(actor("rosatom"));
    let energy_with_rosatom =
        docs_mentioning(sector_within("energy")).into_iter().filter(|d| rosatom.contains(d)).count();
    assert_eq!(e.sector_counts[sector_pos("energy")], energy_with_rosatom);
    // A value that would give nothing has a count of zero (the UI shows it disabled).
    assert_eq!(e.actor_counts[actor_pos("abdoulaye-maiga")], 0);
}

#[test]
fn a_parent_sector_includes_its_sub_sectors() {
    let energy = index().evaluate(&filter(|f| f.sectors = vec!["energy".into()]));
    let nuclear = index().evaluate(&filter(|f| f.sectors = vec!["civil-nuclear".into()]));
    assert_eq!(ids(&energy.documents), docs_mentioning(sector_within("energy")));
    assert!(nuclear.documents.iter().all(|d| energy.documents.contains(d)));
    let e = index().evaluate(&Filter::default());
    assert!(e.sector_counts[sector_pos("mining")] >= e.sector_counts[sector_pos("uranium")]);
    assert_eq!(e.sector_counts[sector_pos("mining")], docs_mentioning(sector_within("mining")).len());
}

#[test]
fn dates_match_by_overlap_at_their_precision() {
    // 002 is dated "juin 2025" (month precision): any range touching June matches it.
    let mid_june = index().evaluate(&filter(|f| {
        f.from = Some(DateSpec::parse("2025-06-15").unwrap());
        f.to = Some(DateSpec::parse("2025-06-20").unwrap());
    }));
    assert!(ids(&mid_june.documents).contains(&"002_054c372ceee383ed"));
    assert!(!ids(&mid_june.documents).contains(&"001_acfb4e3aff133b8d"), "001 speaks of 2024 and late July only");
    // A one-day range on 28 July: 001 (published that day).
    let day = index().evaluate(&filter(|f| {
        f.from = Some(DateSpec::parse("2025-07-28").unwrap());
        f.to = Some(DateSpec::parse("2025-07-28").unwrap());
    }));
    assert_eq!(ids(&day.documents), ["001_acfb4e3aff133b8d"]);
    // Open-ended ranges.
    let before_2000 = index().evaluate(&filter(|f| f.to = Some(DateSpec::parse("1999").unwrap())));
    assert_eq!(ids(&before_2000.documents), ["002_054c372ceee383ed"], "il y a 65 ans → 1960");
}

#[test]
fn the_timeline_keeps_dated_items_in_range_and_drops_undated_ones() {
    let all = index().evaluate(&Filter::default());
    let undated = corpus().events.iter().position(|e| e.id == "pm-audience").unwrap();
    assert!(all.events.contains(&undated), "no range: undated events are listed");
    let july = index().evaluate(&filter(|f| {
        f.from = Some(DateSpec::parse("2025-07").unwrap());
        f.to = Some(DateSpec::parse("2025-07").unwrap());
    }));
    let names: Vec<&str> = july.events.iter().map(|&i| corpus().events[i].id.as_ref()).collect();
    assert!(names.contains(&"commission-first-session") && names.contains(&"delegation-arrival-bamako"));
    assert!(!names.contains(&"pm-audience"), "an undated event cannot be placed in a range");
    assert!(!names.contains(&"science-education-working-group"), "late August is outside July");
    let august = index().evaluate(&filter(|f| f.from = Some(DateSpec::parse("2025-08-25").unwrap())));
    let names: Vec<&str> = august.events.iter().map(|&i| corpus().events[i].id.as_ref()).collect();
    assert_eq!(names, ["science-education-working-group"], "approximate range 21–31 August overlaps");
}

#[test]
fn text_search_folds_accents_case_apostrophes_and_elisions() {
    let i = index();
    let docs = |q: &str| ids(&i.evaluate(&filter(|f| f.q = q.into())).documents);
    assert_eq!(docs("carte thermique"), ["000_194bb33a507fa3a4"]);
    assert_eq!(docs("CARTE Thermique"), docs("carte thermique"));
    assert_eq!(docs("goita"), docs("Goïta"));
    assert!(!docs("goita").is_empty());
    assert_eq!(docs("l'or"), docs("l’or"));
    assert_eq!(docs("l'or"), ["001_acfb4e3aff133b8d"], "whole word: not « organisé »");
    assert_eq!(docs("therm"), ["000_194bb33a507fa3a4"], "the last word is a prefix");
    assert!(docs("zzzz").is_empty());
    assert_eq!(docs("Ajouter une note"), Vec::<&str>::new(), "furniture is not searched");
}

#[test]
fn passages_match_every_active_facet_and_the_search() {
    let i = index();
    let e = i.evaluate(&filter(|f| {
        f.actors = vec!["sergei-tsivilev".into()];
        f.q = "étudiants".into();
    }));
    assert_eq!(e.passages.len(), 1);
    let (d, p) = e.passages[0];
    let text = corpus().documents[d].slice(corpus().documents[d].passages[p]);
    assert!(text.contains("Tsivilev") && text.contains("étudiants"), "{text}");
    let spans = i.passage_matches(d, p, "étudiants");
    assert_eq!(spans.len(), 1);
    assert_eq!(&corpus().documents[d].text[spans[0].0..spans[0].1], "étudiants");
    assert_eq!(term_spans("Les étudiants, l’Étudiant", "etudiant"), [(4, 14), (20, 29)]);
}

#[test]
fn the_histogram_is_monthly_with_an_earlier_bucket_and_daily_for_short_ranges() {
    let e = index().evaluate(&Filter::default());
    let h = &e.histogram;
    assert_eq!(h.unit, Unit::Month);
    // Before the dense period (June–August 2025): 1960 ("il y a 65 ans") and 2024 ("en 2024").
    assert_eq!(h.earlier.as_ref().map(|b| b.count), Some(2), "002 for 1960, 001 for 2024");
    assert_eq!(
        h.buckets.first().map(|b| b.start.to_string()),
        Some("2025-06-01".into()),
        "the axis starts where dates are dense"
    );
    // A year ("en 2024") is no month: no bucket of 2024 is drawn, let alone filled.
    assert!(h.buckets.iter().all(|b| b.start.year == 2025));
    let july = h.buckets.iter().find(|b| b.start.to_string() == "2025-07-01").unwrap();
    let july_range = DateSpec::parse("2025-07").unwrap();
    let expected = corpus()
        .documents
        .iter()
        .filter(|d| {
            d.published.is_some_and(|p| p.date.overlaps(&july_range))
                || d.mentions.iter().any(|m| matches!(&m.target, Target::Date(x) if x.overlaps(&july_range)))
        })
        .count();
    assert_eq!(july.count, expected);
    assert_eq!(expected, 4, "000, 001, 004, and 003 (dated from the 29 July session it reports)");
    let short = index().evaluate(&filter(|f| {
        f.from = Some(DateSpec::parse("2025-07-25").unwrap());
        f.to = Some(DateSpec::parse("2025-08-05").unwrap());
    }));
    assert_eq!(short.histogram.unit, Unit::Day);
    assert_eq!(short.histogram.buckets.len(), 12);
    let day29 = short.histogram.buckets.iter().find(|b| b.start.to_string() == "2025-07-29").unwrap();
    assert_eq!(day29.count, 3, "000 and 004 speak of 29 July; 003 is dated 29–31 July");
}

#[test]
fn a_card_shows_a_passage_that_says_why_its_document_matches() {
    let i = index();
    let (rosatom, mining) = (i.actor_index("rosatom").unwrap(), i.sector_index("mining").unwrap());
    let e = i.evaluate(&filter(|f| {
        f.actors = vec!["rosatom".into()];
        f.sectors = vec!["mining".into()];
    }));
    assert_eq!(e.snippets.len(), e.documents.len());
    let met = |d: usize, p: usize| {
        usize::from(i.passage_actors(d, p).any(|a| a == rosatom))
            + usize::from(i.passage_sectors(d, p).any(|s| s == mining))
    };
    let mut whole = 0;
    for (&d, &snippet) in e.documents.iter().zip(&e.snippets) {
        match e.passages.iter().find(|(doc, _)| *doc == d) {
            // A passage meets the whole filter: the first such.
            Some(&(_, first)) => assert_eq!(snippet, first),
            // The document matches as a whole: the first passage that meets the most.
            None => {
                whole += 1;
                let n = corpus().documents[d].passages.len();
                let most = (0..n).map(|p| met(d, p)).max().unwrap();
                assert_eq!(snippet, (0..n).find(|&p| met(d, p) == most).unwrap());
                assert!(met(d, snippet) > 0, "the snippet names the actor or the sector");
            }
        }
    }
    assert!(whole > 0, "a document that matches only as a whole");
}

#[test]
fn a_search_snippet_is_the_passage_with_the_most_of_its_words() {
    let i = index();
    // Words an article uses, but not in one passage.
    let q = "Rosatom étudiants";
    let e = i.evaluate(&filter(|f| f.q = q.into()));
    assert_eq!(e.snippets.len(), e.documents.len());
    let terms: Vec<&str> = q.split(' ').collect();
    let met = |d: usize, p: usize| {
        let text = i.passage(d, p).map(|(_, t)| t).unwrap_or_default();
        terms.iter().filter(|t| !term_spans(text, t).is_empty()).count()
    };
    let mut whole = 0;
    for (&d, &snippet) in e.documents.iter().zip(&e.snippets) {
        let n = corpus().documents[d].passages.len();
        let most = (0..n).map(|p| met(d, p)).max().unwrap();
        assert_eq!(snippet, (0..n).find(|&p| met(d, p) == most).unwrap(), "document {d}");
        whole += usize::from(most < terms.len());
        assert!(most > 0);
    }
    assert!(whole > 0, "a document with the two words in different passages");
}

#[test]
fn results_that_no_bar_counts_are_counted_apart() {
    // June 2025 by day: the articles speak of "juin 2025", a month; no day of it is named.
    let june = DateSpec::parse("2025-06").unwrap();
    let e = index().evaluate(&filter(|f| {
        f.from = Some(june);
        f.to = Some(june);
    }));
    let h = &e.histogram;
    assert_eq!(h.unit, Unit::Day);
    // Recomputed from the model: results with no date of a day or so (at most 12 days) in June.
    let about_a_day = |x: &DateSpec| x.overlaps(&june) && x.end.ordinal() - x.start.ordinal() <= 11;
    let expected = e
        .documents
        .iter()
        .filter(|&&d| {
            let doc = &corpus().documents[d];
            !doc.published.is_some_and(|p| about_a_day(&p.date))
                && !doc.mentions.iter().any(|m| matches!(&m.target, Target::Date(x) if about_a_day(x)))
        })
        .count();
    assert_eq!(h.unplaced, expected);
    assert!(expected > 0 && h.buckets.iter().all(|b| b.count == 0), "the month's days are all empty, its list is not");
    // By month, every result of the whole corpus has a bar.
    assert_eq!(index().evaluate(&Filter::default()).histogram.unplaced, 0);
}

#[test]
fn a_passage_without_a_date_of_its_own_takes_its_documents_date() {
    let corpus = corpus();
    let range = DateSpec::parse("2025-07-28").unwrap();
    let e = index().evaluate(&filter(|f| {
        f.from = Some(range);
        f.to = Some(range);
    }));
    // Recomputed from the model: a passage's own dates decide; without any, its document's.
    let mut expected = Vec::new();
    for &d in &e.documents {
        let doc = &corpus.documents[d];
        for p in 0..doc.passages.len() {
            let own: Vec<DateSpec> = doc
                .mentions
                .iter()
                .filter(|m| m.passage == p)
                .filter_map(|m| match &m.target {
                    Target::Date(x) => Some(*x),
                    _ => None,
                })
                .collect();
            let ok = if own.is_empty() {
                doc.published.is_some_and(|pd| pd.date.overlaps(&range))
            } else {
                own.iter().any(|x| x.overlaps(&range))
            };
            if ok {
                expected.push((d, p));
            }
        }
    }
    assert_eq!(e.passages, expected);
    // 001 is dated 28 July: its undated passages are in; its "en 2024" passage is not.
    let d001 = corpus.documents.iter().position(|d| d.id == "001_acfb4e3aff133b8d").unwrap();
    assert!(e.passages.iter().filter(|(d, _)| *d == d001).count() > 3);
    let visits = corpus.documents[d001]
        .passages
        .iter()
        .position(|p| corpus.documents[d001].slice(*p).contains("en 2024"))
        .unwrap();
    assert!(!e.passages.contains(&(d001, visits)));
}

#[test]
fn each_document_has_the_word_count_of_its_text_and_an_unknown_id_none() {
    let index = index();
    for doc in corpus().documents.iter() {
        let by_hand = doc.text.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).count();
        assert!(by_hand > 100, "{} has a real text", doc.id);
        assert_eq!(index.word_count(&doc.id), by_hand, "{}", doc.id);
    }
    assert_eq!(index.word_count("no-such-document"), 0);
}
