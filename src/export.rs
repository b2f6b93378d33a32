//! The current results as files: CSV and JSON, built in the browser from the same evaluation
//! as the view, so an export holds exactly what the filters select.
//!
//! Both carry the permalink of the view and the corpus version, so a file can be traced back
//! to what produced it. They are written by hand: a JSON library would add tens of kilobytes
//! to the wasm for two small writers.
//!
//! ```
//! use explorer::export::{Export, csv, json};
//! use explorer::query::{Filter, Lang, eval::Index};
//! let index = Index::new(explorer::embedded::corpus().unwrap());
//! let eval = index.evaluate(&Filter { q: "uranium".into(), ..Default::default() });
//! let export = Export { index: &index, eval: &eval, permalink: "https://example.org/?q=uranium", lang: Lang::En };
//! assert!(csv(&export).contains("https://example.org/?q=uranium"));
//! assert!(json(&export).starts_with('{'));
//! ```

use std::fmt::Write;

use crate::date::{DateSpec, Precision};
use crate::format;
use crate::i18n::{agreement_status, event_kind};
use crate::model::{Basis, Source};
use crate::query::eval::{Evaluation, Index};
use crate::query::url::print;
use crate::query::{Lang, ViewState};

/// What an export is made of.
pub struct Export<'a> {
    pub index: &'a Index<'a>,
    pub eval: &'a Evaluation,
    /// The full address of the view.
    pub permalink: &'a str,
    /// Titles and labels are written in this language; article texts stay as written.
    pub lang: Lang,
}

/// One row of the export, shared by both formats.
struct Row<'a> {
    /// `document`, `event`, `agreement` or `passage`.
    record: &'static str,
    id: String,
    document: &'a str,
    passage: Option<usize>,
    date: Option<DateSpec>,
    date_basis: Option<Basis>,
    /// The kind of event or the status of an agreement, in the export's language.
    kind: &'a str,
    title: &'a str,
    text: &'a str,
    link: String,
    sources: Vec<&'a Source>,
    /// For a fact: some of its sources contradict each other.
    disputed: bool,
}

fn precision_key(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Year => "year",
        Precision::Approximate => "approximate",
    }
}

impl Export<'_> {
    /// The link to a passage: the page's address with the reader open at it (in the export's
    /// language), printed as the app prints every view.
    fn passage_link(&self, doc: &str, passage: Option<usize>) -> String {
        let base = self.permalink.split(['?', '#']).next().unwrap_or_default();
        let view = ViewState { doc: Some(doc.to_string()), passage, lang: self.lang, ..Default::default() };
        format!("{base}?{}", print(&view))
    }

    fn source(&self, s: &'_ Source) -> Option<usize> {
        self.index.corpus.document(&s.doc).and_then(|d| d.passage_of(s.span))
    }

    /// Documents, events and agreements (in timeline order), then passages.
    fn rows(&self) -> Vec<Row<'_>> {
        let corpus = self.index.corpus;
        let mut rows = Vec::new();
        for &i in &self.eval.documents {
            let d = &corpus.documents[i];
            rows.push(Row {
                record: "document",
                id: d.id.to_string(),
                document: &d.id,
                passage: None,
                date: d.published.map(|p| p.date),
                date_basis: d.published.map(|p| p.basis),
                kind: d.outlet.as_deref().unwrap_or_default(),
                title: &d.title,
                text: d.author.as_deref().unwrap_or_default(),
                link: self.passage_link(&d.id, None),
                sources: Vec::new(),
                disputed: false,
            });
        }
        let mut items: Vec<Row> = Vec::new();
        for &i in &self.eval.events {
            let e = &corpus.events[i];
            items.push(self.item(
                "event",
                &e.id,
                event_kind(self.lang, e.kind),
                e.date,
                &e.sources,
                (self.lang.pick(&e.title_fr, &e.title_en), self.lang.pick(e.note_fr.as_deref(), e.note_en.as_deref())),
            ));
        }
        for &i in &self.eval.agreements {
            let a = &corpus.agreements[i];
            items.push(self.item(
                "agreement",
                &a.id,
                agreement_status(self.lang, a.status),
                a.date,
                &a.sources,
                (self.lang.pick(&a.title_fr, &a.title_en), self.lang.pick(a.note_fr.as_deref(), a.note_en.as_deref())),
            ));
        }
        crate::order::by_key(&mut items, |r| crate::order::by_date(r.date));
        rows.extend(items);
        for &(d, p) in &self.eval.passages {
            let doc = &corpus.documents[d];
            rows.push(Row {
                record: "passage",
                id: format!("{}#{p}", doc.id),
                document: &doc.id,
                passage: Some(p),
                date: None,
                date_basis: None,
                kind: "",
                title: "",
                text: doc.slice(doc.passages[p]),
                link: self.passage_link(&doc.id, Some(p)),
                sources: Vec::new(),
                disputed: false,
            });
        }
        rows
    }

    /// The comparisons of the facts in the view.
    fn comparisons(&self) -> impl Iterator<Item = &crate::model::Comparison> {
        let corpus = self.index.corpus;
        let e = self.eval;
        let shown = |fact: &str| {
            e.events.iter().any(|&i| corpus.events[i].id == fact)
                || e.agreements.iter().any(|&i| corpus.agreements[i].id == fact)
                || e.figures.iter().any(|&i| corpus.figures[i].id == fact)
        };
        corpus.comparisons.iter().filter(move |c| shown(&c.fact))
    }

    fn item<'b>(
        &'b self,
        record: &'static str,
        id: &'b str,
        kind: &'b str,
        date: Option<DateSpec>,
        sources: &'b [Source],
        (title, note): (&'b str, Option<&'b str>),
    ) -> Row<'b> {
        let first = sources.first();
        Row {
            record,
            id: id.to_string(),
            document: first.map(|s| s.doc.as_ref()).unwrap_or_default(),
            passage: first.and_then(|s| self.source(s)),
            date,
            date_basis: None,
            kind,
            title,
            text: note.unwrap_or_default(),
            link: first.map(|s| self.passage_link(&s.doc, self.source(s))).unwrap_or_default(),
            sources: sources.iter().collect(),
            disputed: self.index.corpus.disputed(id),
        }
    }
}

/// The columns of the CSV export.
pub const CSV_COLUMNS: [&str; 12] = [
    "record",
    "id",
    "document",
    "passage",
    "date",
    "precision",
    "date_basis",
    "kind",
    "title",
    "text",
    "link",
    "disputed",
];

/// The results as CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheets read the
/// accents). The first record, `view`, holds the corpus version in `id` and the permalink in
/// `link`; then one record per document, event, agreement and passage. For a document, `kind`
/// is the outlet and `text` the author; for an event or agreement, `text` is the note and the
/// quote of its first source is in its passage, and `disputed` is `yes` when some of its
/// sources contradict each other. A `comparison` record tells how the sources of a fact relate:
/// `id` is the comparison, `title` the fact, `kind` the relation, `document` the documents
/// (space-separated) and `text` the note.
pub fn csv(export: &Export) -> String {
    let mut out = String::from("\u{feff}");
    line(&mut out, CSV_COLUMNS.iter().map(|c| c.to_string()));
    let version = &export.index.corpus.version;
    line(&mut out, ["view", version, "", "", "", "", "", "", "", "", export.permalink, ""].map(String::from));
    for r in export.rows() {
        line(
            &mut out,
            [
                r.record.to_string(),
                r.id,
                r.document.to_string(),
                r.passage.map(|p| p.to_string()).unwrap_or_default(),
                r.date.map(|d| d.to_syntax()).unwrap_or_default(),
                r.date.map(|d| precision_key(d.precision)).unwrap_or_default().to_string(),
                basis_key(r.date_basis).to_string(),
                r.kind.to_string(),
                r.title.to_string(),
                r.text.to_string(),
                r.link,
                if r.disputed { "yes" } else { "" }.to_string(),
            ],
        );
    }
    for c in export.comparisons() {
        let note = export.lang.pick(c.note_fr.as_deref(), c.note_en.as_deref()).unwrap_or_default();
        let docs = c.docs.join(" ");
        let fields = ["comparison", &c.id, &docs, "", "", "", "", c.relation.key(), &c.fact, note, "", ""];
        line(&mut out, fields.map(String::from));
    }
    out
}

fn basis_key(basis: Option<Basis>) -> &'static str {
    match basis {
        Some(Basis::Stated) => "stated",
        Some(Basis::Inferred) => "inferred",
        None => "",
    }
}

/// Appends one CSV record: fields quoted when they hold a comma, a quote or a line break.
fn line(out: &mut String, fields: impl IntoIterator<Item = String>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if f.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&f);
        }
    }
    out.push_str("\r\n");
}

/// The results as JSON: `permalink`, `corpus_version`, `language`, `counts`, then the
/// `documents`, `events` (events and agreements, in date order, each `disputed` or not, each
/// source with the `stage` it gives), `passages` and `comparisons` (how the sources of a fact
/// relate) arrays.
pub fn json(export: &Export) -> String {
    let e = export.eval;
    let mut j = Json(String::new());
    j.0.push('{');
    j.key("permalink", true).string(export.permalink);
    j.key("corpus_version", false).string(&export.index.corpus.version);
    j.key("language", false).string(export.lang.key());
    j.key("counts", false);
    j.0.push('{');
    let counts = [("documents", e.documents.len()), ("events", e.events.len() + e.agreements.len())];
    for (k, (name, n)) in counts.into_iter().chain([("passages", e.passages.len())]).enumerate() {
        j.key(name, k == 0).number(n);
    }
    j.0.push('}');
    let rows = export.rows();
    for (array, records) in
        [("documents", &["document"][..]), ("events", &["event", "agreement"]), ("passages", &["passage"])]
    {
        j.key(array, false);
        j.0.push('[');
        for (k, r) in rows.iter().filter(|r| records.contains(&r.record)).enumerate() {
            if k > 0 {
                j.0.push(',');
            }
            let passages: Vec<Option<usize>> = r.sources.iter().map(|s| export.source(s)).collect();
            j.row(r, export.lang, &passages);
        }
        j.0.push(']');
    }
    j.key("comparisons", false);
    j.0.push('[');
    for (k, c) in export.comparisons().enumerate() {
        if k > 0 {
            j.0.push(',');
        }
        j.0.push('{');
        j.key("id", true).string(&c.id);
        j.key("fact", false).string(&c.fact);
        j.key("relation", false).string(c.relation.key());
        j.key("documents", false);
        j.0.push('[');
        for (n, d) in c.docs.iter().enumerate() {
            if n > 0 {
                j.0.push(',');
            }
            j.string(d);
        }
        j.0.push(']');
        let note = export.lang.pick(c.note_fr.as_deref(), c.note_en.as_deref()).unwrap_or_default();
        j.key("note", false).optional_string(note);
        j.0.push('}');
    }
    j.0.push(']');
    j.0.push('}');
    j.0
}

/// A JSON writer for the few shapes of the export.
struct Json(String);

impl Json {
    fn key(&mut self, key: &str, first: bool) -> &mut Json {
        if !first {
            self.0.push(',');
        }
        self.string(key);
        self.0.push(':');
        self
    }

    fn string(&mut self, s: &str) {
        self.0.push('"');
        for c in s.chars() {
            match c {
                '"' => self.0.push_str("\\\""),
                '\\' => self.0.push_str("\\\\"),
                '\n' => self.0.push_str("\\n"),
                '\r' => self.0.push_str("\\r"),
                '\t' => self.0.push_str("\\t"),
                c if (c as u32) < 0x20 => {
                    let _ = write!(self.0, "\\u{:04x}", c as u32);
                }
                c => self.0.push(c),
            }
        }
        self.0.push('"');
    }

    fn number(&mut self, n: usize) {
        let _ = write!(self.0, "{n}");
    }

    fn optional_number(&mut self, n: Option<usize>) {
        match n {
            Some(n) => self.number(n),
            None => self.0.push_str("null"),
        }
    }

    fn optional_string(&mut self, s: &str) {
        if s.is_empty() { self.0.push_str("null") } else { self.string(s) }
    }

    /// One record; `passages` are the passages of its sources, in order.
    fn row(&mut self, r: &Row, lang: Lang, passages: &[Option<usize>]) {
        self.0.push('{');
        match r.record {
            "document" => {
                self.key("id", true).string(&r.id);
                self.key("title", false).string(r.title);
                self.key("outlet", false).optional_string(r.kind);
                self.key("author", false).optional_string(r.text);
            }
            "passage" => {
                self.key("document", true).string(r.document);
                self.key("passage", false).optional_number(r.passage);
                self.key("text", false).string(r.text);
            }
            record => {
                self.key("id", true).string(&r.id);
                self.key("type", false).string(record);
                self.key("kind", false).string(r.kind);
                self.key("title", false).string(r.title);
                self.key("note", false).optional_string(r.text);
                self.key("disputed", false).0.push_str(if r.disputed { "true" } else { "false" });
            }
        }
        if r.record != "passage" {
            self.key("date", false).optional_string(&r.date.map(|d| d.to_syntax()).unwrap_or_default());
            self.key("date_text", false).optional_string(&r.date.map(|d| format::date(lang, &d)).unwrap_or_default());
            self.key("precision", false)
                .optional_string(r.date.map(|d| precision_key(d.precision)).unwrap_or_default());
        }
        if r.record == "document" {
            self.key("date_basis", false).optional_string(basis_key(r.date_basis));
        }
        if !r.sources.is_empty() {
            self.key("sources", false);
            self.0.push('[');
            for (k, (s, passage)) in r.sources.iter().zip(passages).enumerate() {
                if k > 0 {
                    self.0.push(',');
                }
                self.0.push('{');
                self.key("document", true).string(&s.doc);
                self.key("passage", false).optional_number(*passage);
                self.key("quote", false).string(&s.quote);
                self.key("stage", false).optional_string(s.stage.map(|s| s.key()).unwrap_or_default());
                self.0.push('}');
            }
            self.0.push(']');
        }
        self.key("link", false).string(&r.link);
        self.0.push('}');
    }
}
