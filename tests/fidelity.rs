//! Corpus fidelity on the real seeds: every fact reachable by its actors, sectors and dates,
//! and every tag earned by the text.

use test_support as common;

use explorer::date::DateSpec;
use explorer::model::{Rule, Target};
use explorer::query::Filter;
use explorer::query::eval::Index;

fn index() -> Index<'static> {
    Index::new(Box::leak(Box::new(common::corpus())))
}

#[test]
fn a_mali_filter_lists_every_article_even_those_that_say_notre_pays() {
    let index = index();
    let e = index.evaluate(&Filter { actors: vec!["mali".into()], ..Filter::default() });
    assert_eq!(e.documents.len(), index.corpus.documents.len());
    // 001 never writes "Mali": it says "notre pays", from a Malian outlet.
    let d001 = index.corpus.document("001_acfb4e3aff133b8d").unwrap();
    let mali: Vec<(&str, Rule)> = d001
        .mentions
        .iter()
        .filter(|m| matches!(&m.target, Target::Actor(a) if a == "mali"))
        .map(|m| (d001.slice(m.span), m.rule))
        .collect();
    assert!(mali.iter().all(|(_, rule)| *rule != Rule::Explicit), "{mali:?}");
    assert!(mali.contains(&("notre pays", Rule::Home)), "{mali:?}");
}

#[test]
fn a_side_filter_holds_the_country_its_institutions_and_people() {
    let index = index();
    let russia = index.evaluate(&Filter { actors: vec!["russia".into()], ..Filter::default() });
    let side = index.evaluate(&Filter { sides: vec!["russia".into()], ..Filter::default() });
    // The side is exactly every actor of that side, OR-ed.
    let members: Vec<String> = index
        .corpus
        .actors
        .iter()
        .filter(|a| a.side == explorer::model::Side::Russia)
        .map(|a| a.id.to_string())
        .collect();
    assert!(members.len() > 5);
    let union = index.evaluate(&Filter { actors: members, ..Filter::default() });
    assert_eq!((&side.documents, &side.passages), (&union.documents, &union.passages));
    assert!(side.passages.len() > russia.passages.len(), "Rosatom, Tsivilev… add passages");
    assert!(side.passages.len() < index.evaluate(&Filter::default()).passages.len(), "not every passage");
    assert!(russia.passages.iter().all(|p| side.passages.contains(p)));
    // The civil nuclear agreement names Rosatom: Russia is one of its parties.
    let nuclear = index.corpus.agreements.iter().position(|a| a.id == "civil-nuclear-agreement").unwrap();
    assert!(russia.agreements.contains(&nuclear));
    // The first session was co-chaired by both countries' ministers: both are its parties.
    let session = index.corpus.events.iter().find(|e| e.id == "commission-first-session").unwrap();
    assert!(session.actors.iter().any(|a| a == "mali") && session.actors.iter().any(|a| a == "russia"));
}

#[test]
fn no_passage_is_under_energy_only_through_a_job_title() {
    let index = index();
    let corpus = index.corpus;
    let e = index.evaluate(&Filter { sectors: vec!["energy".into()], ..Filter::default() });
    for &(d, p) in &e.passages {
        let doc = &corpus.documents[d];
        let words: Vec<&str> = doc
            .mentions
            .iter()
            .filter(|m| m.passage == p && matches!(&m.target, Target::Sector(s) if corpus.sector_within(s, "energy")))
            .map(|m| doc.slice(m.span))
            .collect();
        assert!(!words.is_empty(), "{} #{p} is under energy without an energy term", doc.id);
    }
    // "le ministre russe de l'Énergie, Sergueï Tsivilev, a co-présidé…": Tsivilev's attribute.
    let tsivilev = corpus.actor("sergei-tsivilev").unwrap();
    assert!(tsivilev.sectors.iter().any(|s| s == "energy"));
    let d000 = corpus.document("000_194bb33a507fa3a4").unwrap();
    let quote =
        d000.passages.iter().position(|p| d000.slice(*p).starts_with("« Il s'agit de la première commission")).unwrap();
    assert!(!e.passages.contains(&(0, quote)), "the passage quoting Tsivilev by title is not about energy");
}

#[test]
fn a_late_july_range_finds_the_undated_audience_with_its_basis() {
    let index = index();
    let e = index.evaluate(&Filter {
        from: DateSpec::parse("2025-07-29").ok(),
        to: DateSpec::parse("2025-07-31").ok(),
        ..Filter::default()
    });
    let d003 = index.corpus.documents.iter().position(|d| d.id == "003_05e1c35ce3dd58fc").unwrap();
    assert!(e.documents.contains(&d003));
    assert_eq!(index.corpus.documents[d003].dated_by.as_deref(), Some("commission-first-session"));
    // And a June-only range no longer finds it by its date: only by the June visit it mentions.
    let june = index.evaluate(&Filter {
        from: DateSpec::parse("2025-06").ok(),
        to: DateSpec::parse("2025-06").ok(),
        ..Filter::default()
    });
    let published = index.corpus.documents[d003].published.unwrap();
    assert!(!published.date.overlaps(&DateSpec::parse("2025-06").unwrap()));
    assert!(june.documents.contains(&d003), "it mentions the June visit");
}

#[test]
fn figures_keep_their_qualifier_and_proposals_are_kept() {
    let corpus = common::corpus();
    let companies = corpus.figures.iter().find(|f| f.id == "russian-companies-in-delegation").unwrap();
    assert_eq!(companies.qualifier, explorer::model::Qualifier::AtLeast, "\"comme Rosatom, …\" is a list of examples");
    let cadres = corpus.figures.iter().find(|f| f.id == "cadres-trained-in-russia").unwrap();
    assert_eq!(cadres.qualifier, explorer::model::Qualifier::AtLeast);
    assert!(cadres.date.is_some(), "dated by its article");
    let rail =
        corpus.agreements.iter().find(|a| a.sectors.iter().any(|s| s == "rail")).expect("the railway proposal is kept");
    assert_eq!(rail.status, explorer::model::AgreementStatus::Proposed);
}

#[test]
fn the_four_known_disagreements_are_recorded() {
    let corpus = common::corpus();
    for (fact, relation) in [
        ("civil-nuclear-agreement", "contradicts"),
        ("moscow-signing", "contradicts"),
        ("commission-agreement", "compatible"),
        ("thematic-sub-commissions", "compatible"),
    ] {
        assert!(corpus.comparisons_of(fact).any(|c| c.relation.key() == relation), "{fact} {relation}");
    }
    let disputed =
        Index::new(Box::leak(Box::new(corpus.clone()))).evaluate(&Filter { disputed: true, ..Filter::default() });
    assert!(disputed.agreements.iter().all(|&i| corpus.disputed(&corpus.agreements[i].id)));
    assert!(!disputed.agreements.is_empty() && !disputed.events.is_empty());
}
