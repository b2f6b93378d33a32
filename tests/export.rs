//! The exports hold exactly what the filter selects, in well-formed CSV and JSON, with the
//! permalink and the corpus version. Read back with independent parsers (serde_json, and a
//! small RFC 4180 reader below).

use explorer::export::{CSV_COLUMNS, Export, csv, csv_with, json};
use explorer::query::eval::Index;
use explorer::query::{Filter, Lang};
use serde_json::Value;

fn index() -> Index<'static> {
    Index::new(explorer::embedded::corpus().expect("the embedded corpus decodes"))
}

/// Reads RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    read_separated(text, ',')
}

/// Reads CSV separated by `separator`.
fn read_separated(text: &str, separator: char) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted, mut chars) = (Vec::new(), String::new(), false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, c) if c == separator => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

const PERMALINK: &str = "https://example.org/explorer/?sector=energy&q=%22a%2Cb%22&lang=en";

fn filters() -> Vec<Filter> {
    vec![
        Filter::default(),
        Filter { sectors: vec!["energy".into()], ..Default::default() },
        Filter { actors: vec!["sergei-tsivilev".into()], q: "commission".into(), ..Default::default() },
        Filter { q: "zzzz-nothing".into(), ..Default::default() },
    ]
}

#[test]
fn csv_holds_every_result_of_the_filter_and_only_them() {
    let index = index();
    let corpus = index.corpus;
    for filter in filters() {
        let eval = index.evaluate(&filter);
        let text = csv(&Export { index: &index, eval: &eval, permalink: PERMALINK, lang: Lang::En });
        assert!(text.starts_with('\u{feff}'), "a byte-order mark for spreadsheets");
        let rows = read_csv(text.trim_start_matches('\u{feff}'));
        assert_eq!(rows[0], CSV_COLUMNS);
        assert!(rows.iter().all(|r| r.len() == CSV_COLUMNS.len()), "every record has every column");
        assert_eq!(rows[1][0], "view");
        assert_eq!(rows[1][1], corpus.version.as_ref());
        assert_eq!(rows[1][10], PERMALINK, "the permalink survives its quotes and commas");
        let of = |record: &str| rows.iter().filter(|r| r[0] == record).map(|r| r[1].clone()).collect::<Vec<_>>();
        let docs: Vec<String> = eval.documents.iter().map(|&i| corpus.documents[i].id.to_string()).collect();
        assert_eq!(of("document"), docs, "{filter:?}");
        let mut events: Vec<String> = eval.events.iter().map(|&i| corpus.events[i].id.to_string()).collect();
        events.extend(eval.agreements.iter().map(|&i| corpus.agreements[i].id.to_string()));
        let mut exported = of("event");
        exported.extend(of("agreement"));
        events.sort();
        exported.sort();
        assert_eq!(exported, events);
        let passages: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == "passage").collect();
        assert_eq!(passages.len(), eval.passages.len());
        for (row, &(d, p)) in passages.iter().zip(&eval.passages) {
            let doc = &corpus.documents[d];
            assert_eq!((row[2].as_str(), row[3].as_str()), (doc.id.as_ref(), p.to_string().as_str()));
            assert_eq!(row[9], doc.slice(doc.passages[p]), "the text exactly as written");
            assert!(row[10].starts_with("https://example.org/explorer/?doc="), "{}", row[10]);
        }
    }
}

#[test]
fn json_holds_every_result_of_the_filter_and_only_them() {
    let index = index();
    let corpus = index.corpus;
    for filter in filters() {
        let eval = index.evaluate(&filter);
        let text = json(&Export { index: &index, eval: &eval, permalink: PERMALINK, lang: Lang::Fr });
        let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
        assert_eq!(v["permalink"], PERMALINK);
        assert_eq!(v["corpus_version"], corpus.version.as_ref());
        assert_eq!(v["language"], "fr");
        assert_eq!(v["counts"]["documents"], eval.documents.len());
        assert_eq!(v["counts"]["passages"], eval.passages.len());
        let docs: Vec<&str> = v["documents"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
        let expected: Vec<&str> = eval.documents.iter().map(|&i| corpus.documents[i].id.as_ref()).collect();
        assert_eq!(docs, expected);
        let events = v["events"].as_array().unwrap();
        assert_eq!(events.len(), eval.events.len() + eval.agreements.len());
        assert_eq!(v["counts"]["events"], events.len());
        for e in events {
            let id = e["id"].as_str().unwrap();
            let sources = e["sources"].as_array().unwrap();
            let (title, quotes): (&str, Vec<&str>) = match e["type"].as_str() {
                Some("event") => {
                    let ev = corpus.events.iter().find(|x| x.id == id).unwrap();
                    (&ev.title_fr, ev.sources.iter().map(|s| s.quote.as_ref()).collect())
                }
                _ => {
                    let a = corpus.agreements.iter().find(|x| x.id == id).unwrap();
                    (&a.title_fr, a.sources.iter().map(|s| s.quote.as_ref()).collect())
                }
            };
            assert_eq!(e["title"], title);
            let exported: Vec<&str> = sources.iter().map(|s| s["quote"].as_str().unwrap()).collect();
            assert_eq!(exported, quotes);
        }
        let passages = v["passages"].as_array().unwrap();
        assert_eq!(passages.len(), eval.passages.len());
        for (p, &(d, i)) in passages.iter().zip(&eval.passages) {
            let doc = &corpus.documents[d];
            assert_eq!(p["text"], doc.slice(doc.passages[i]));
            assert_eq!(p["link"], format!("https://example.org/explorer/?doc={}&p={i}", doc.id));
        }
    }
}

#[test]
fn csv_keeps_every_source_and_gives_each_passage_its_places_actors_sectors_figures_and_date() {
    let index = index();
    let corpus = index.corpus;
    let eval = index.evaluate(&Filter::default());
    let export = Export { index: &index, eval: &eval, permalink: PERMALINK, lang: Lang::Fr };
    let rows = read_csv(csv(&export).trim_start_matches('\u{feff}'));
    let column = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).unwrap();
    // Every source of every event and agreement, each in its own record after the fact.
    for a in corpus.agreements.iter() {
        let sources: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == "source" && r[1] == a.id.as_ref()).collect();
        assert_eq!(sources.len(), a.sources.len(), "{}", a.id);
        for (row, s) in sources.iter().zip(a.sources.iter()) {
            assert_eq!((row[2].as_str(), row[9].as_str()), (s.doc.as_ref(), s.quote.as_ref()));
            assert!(!row[column("source")].is_empty() && !row[column("source")].contains("_"), "a human label");
        }
    }
    // 000's passage on the heat map: Mali, the mining sector, a date; 002's on 10 000 cadres: the figure.
    let passage = |doc: &str, starts: &str| {
        let d = corpus.document(doc).unwrap();
        let p = d.passages.iter().position(|p| d.slice(*p).starts_with(starts)).unwrap();
        rows.iter().find(|r| r[0] == "passage" && r[2] == doc && r[3] == p.to_string()).unwrap().clone()
    };
    let heat = passage("000_194bb33a507fa3a4", "Un accord a été signé");
    assert!(heat[column("actors")].contains("Mali"), "{heat:?}");
    assert!(heat[column("sectors")].contains("Mines"), "{heat:?}");
    assert_eq!((heat[4].as_str(), heat[6].as_str()), ("2025-07-29", "document"), "no date of its own: its article's");
    let cadres = passage("002_054c372ceee383ed", "Il a rappelé");
    assert!(cadres[column("figures")].contains("Cadres maliens formés en Russie"), "{cadres:?}");
    let arrival = passage("001_acfb4e3aff133b8d", "Une délégation de 60");
    assert_eq!((arrival[4].as_str(), arrival[6].as_str()), ("2025-07-28", "passage"));
    assert!(arrival[column("places")].contains("Bamako"), "{arrival:?}");
}

#[test]
fn the_semicolon_variant_holds_the_same_records_for_french_spreadsheets() {
    let index = index();
    let eval = index.evaluate(&Filter { sectors: vec!["energy".into()], ..Filter::default() });
    let export = Export { index: &index, eval: &eval, permalink: PERMALINK, lang: Lang::Fr };
    let comma = read_csv(csv(&export).trim_start_matches('\u{feff}'));
    let semicolon = read_separated(csv_with(&export, ';').trim_start_matches('\u{feff}'), ';');
    assert_eq!(comma, semicolon);
    assert!(csv_with(&export, ';').lines().next().unwrap().contains("record;id;document"));
}
