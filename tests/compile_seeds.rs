//! The build-time compiler on the real seeds, and adding an article without any code.

use test_support as common;

use explorer::compile::compile_dir;
use explorer::date::Precision;
use explorer::model::{Basis, Target};

#[test]
fn compiles_every_seed_article_in_file_order_and_keeps_texts_byte_for_byte() {
    let corpus = common::corpus();
    let mut stems: Vec<String> = std::fs::read_dir(common::seeds_dir())
        .unwrap()
        .filter_map(|e| e.unwrap().file_name().into_string().unwrap().strip_suffix(".txt").map(str::to_string))
        .collect();
    stems.sort();
    let ids: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_ref()).collect();
    assert_eq!(ids, stems);
    for doc in corpus.documents.iter() {
        let on_disk = std::fs::read_to_string(common::seeds_dir().join(format!("{}.txt", doc.id))).unwrap();
        assert_eq!(doc.text, on_disk, "{} is kept byte for byte", doc.id);
    }
}

#[test]
fn the_embedded_corpus_is_the_compiled_seeds() {
    // The bytes written by build.rs decode to exactly a fresh compile; texts are read in place.
    assert_eq!(*explorer::embedded::corpus().unwrap(), common::corpus());
    assert!(
        matches!(explorer::embedded::corpus().unwrap().documents[0].text, std::borrow::Cow::Borrowed(_)),
        "texts are borrowed from the embedded bytes, not copied"
    );
}

#[test]
fn an_article_without_metadata_is_included_with_inferred_date_and_found_mentions() {
    let dir = common::copy_of_seeds("new-article");
    // Written for this test: a new article with no entry in documents.toml.
    let article = "Coopération spatiale : Roskosmos à Bamako\n\n\
        Une équipe de Roskosmos a rencontré ce jeudi 4 septembre 2025 des responsables maliens à Bamako. \
        Selon le ministre russe de l’Énergie, Sergei Tsivilev, la formation d’ingénieurs dans le domaine \
        spatial débutera mi-octobre. Les deux pays avaient signé un accord il y a trois mois.\n\n\
        © Photo : D.R.\n";
    std::fs::write(dir.join("900_article_test.txt"), article).unwrap();
    let corpus = compile_dir(&dir).expect("a new article needs no code");
    let doc = corpus.document("900_article_test").expect("the new article is included");

    assert_eq!(doc.title, "Coopération spatiale : Roskosmos à Bamako");
    let published = doc.published.expect("a date is inferred");
    assert_eq!(published.basis, Basis::Inferred);
    assert_eq!(published.date.to_syntax(), "2025-09-04");
    assert_eq!(doc.outlet, None, "metadata the text does not give stays unknown");
    assert_eq!(doc.author, None);

    assert_eq!(common::texts_for(doc, "roskosmos"), ["Roskosmos", "Roskosmos"]);
    assert_eq!(common::texts_for(doc, "sergei-tsivilev"), ["Sergei Tsivilev"]);
    assert_eq!(common::texts_for(doc, "bamako"), ["Bamako", "Bamako"]);
    assert_eq!(common::texts_for(doc, "space"), ["spatiale", "spatial"]);
    let dates: Vec<(&str, String)> = doc
        .mentions
        .iter()
        .filter_map(|m| match &m.target {
            Target::Date(d) => Some((doc.slice(m.span), d.to_syntax())),
            _ => None,
        })
        .collect();
    assert_eq!(
        dates,
        [
            ("jeudi 4 septembre 2025", "2025-09-04".to_string()),
            ("mi-octobre", "2025-10-11..2025-10-20".to_string()),
            ("il y a trois mois", "2025-06".to_string()),
        ]
    );
    assert!(doc.furniture.iter().any(|f| doc.slice(*f) == "© Photo : D.R."), "credits are furniture");
}

#[test]
fn publication_dates_are_stated_inferred_or_unknown_as_the_texts_allow() {
    let corpus = common::corpus();
    let published = |id: &str| corpus.document(id).unwrap().published;
    let p001 = published("001_acfb4e3aff133b8d").unwrap();
    assert_eq!((p001.date.to_syntax(), p001.basis), ("2025-07-28".to_string(), Basis::Inferred));
    let p002 = published("002_054c372ceee383ed").unwrap();
    assert_eq!(
        (p002.date.to_syntax(), p002.date.precision, p002.basis),
        ("2025-06".to_string(), Precision::Month, Basis::Stated)
    );
    // 003 gives no date of its own (its only month, June, is the earlier Moscow visit): it is
    // dated from the latest event it reports that other articles date.
    let d003 = corpus.document("003_05e1c35ce3dd58fc").unwrap();
    let p003 = d003.published.expect("003 is dated from the events it reports");
    assert_eq!(
        (p003.date.to_syntax(), p003.date.precision, p003.basis),
        ("2025-07-29..2025-07-31".to_string(), Precision::Approximate, Basis::Inferred)
    );
    assert_eq!(d003.dated_by.as_deref(), Some("commission-first-session"));
    assert!(corpus.documents.iter().filter(|d| d.id != d003.id).all(|d| d.dated_by.is_none()));
    let p004 = published("004_0314c4ef1d907c33").unwrap();
    assert_eq!((p004.date.to_syntax(), p004.basis), ("2025-07-29".to_string(), Basis::Inferred));
}

#[test]
fn the_report_lists_every_document_with_its_findings() {
    let corpus = common::corpus();
    let report = explorer::report::corpus_report(&corpus);
    for doc in corpus.documents.iter() {
        assert!(report.contains(&format!("== {}", doc.id)), "{} is in the report", doc.id);
    }
    assert!(report.contains("\"il y a 65 ans\" → 1960 (year, relative)"), "{report}");
    assert!(report.contains("furniture: \"top of page\""));
}
