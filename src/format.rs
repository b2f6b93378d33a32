//! Human-readable dates and numbers for the bilingual UI.

use crate::date::{DateSpec, Precision};
use crate::query::Lang;

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(lang: Lang, month: u8) -> &'static str {
    let names = if lang == Lang::Fr { MONTHS_FR } else { MONTHS_EN };
    names.get(usize::from(month).saturating_sub(1)).copied().unwrap_or("?")
}

/// A day of the month as written before a month name: French writes the first "1er".
fn day_label(lang: Lang, day: u8) -> String {
    if lang == Lang::Fr && day == 1 { "1er".to_string() } else { day.to_string() }
}

/// A date in the interface language, at the precision the source gives:
/// "29 juillet 2025" / "29 July 2025", "juin 2025", "2024", "21–31 août 2025 (approx.)".
///
/// ```
/// use explorer::{date::DateSpec, format::date, query::Lang};
/// assert_eq!(date(Lang::Fr, &DateSpec::parse("2025-07-01").unwrap()), "1er juillet 2025");
/// assert_eq!(date(Lang::En, &DateSpec::parse("2025-07-01").unwrap()), "1 July 2025");
/// ```
pub fn date(lang: Lang, date: &DateSpec) -> String {
    let (s, e) = (date.start, date.end);
    let (first, month) = (day_label(lang, s.day), month_name(lang, s.month));
    match date.precision {
        Precision::Day => format!("{first} {month} {}", s.year),
        Precision::Month => format!("{month} {}", s.year),
        Precision::Year => s.year.to_string(),
        Precision::Approximate if (s.year, s.month) == (e.year, e.month) => {
            format!("{first}–{} {month} {} (approx.)", e.day, s.year)
        }
        Precision::Approximate => {
            let (last, end_month) = (day_label(lang, e.day), month_name(lang, e.month));
            format!("{first} {month} {} – {last} {end_month} {} (approx.)", s.year, e.year)
        }
    }
}

/// A short month label for axes: "juil. 2025" / "Jul 2025".
pub fn month_short(lang: Lang, year: i32, month: u8) -> String {
    const FR: [&str; 12] =
        ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
    const EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let names = if lang == Lang::Fr { FR } else { EN };
    format!("{} {year}", names.get(usize::from(month).saturating_sub(1)).copied().unwrap_or("?"))
}

/// A stated number: grouped by thousands ("10 000" / "10,000"), with up to two decimals
/// ("1,5" / "1.5"). Written without float formatting, which would weigh kilobytes of wasm.
///
/// ```
/// use explorer::{format::number, query::Lang};
/// assert_eq!(number(Lang::Fr, 10000.0), "10\u{202f}000");
/// assert_eq!(number(Lang::En, 1234567.25), "1,234,567.25");
/// assert_eq!(number(Lang::Fr, 1.5), "1,5");
/// ```
pub fn number(lang: Lang, value: f64) -> String {
    let negative = value < 0.0;
    let hundredths = (value.abs() * 100.0).round() as u64;
    let (whole, cents) = (hundredths / 100, hundredths % 100);
    let digits = whole.to_string();
    let (group, point) = if lang == Lang::Fr { ('\u{202f}', ',') } else { (',', '.') };
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(c);
    }
    if cents > 0 {
        out.push(point);
        out.push_str(format!("{cents:02}").trim_end_matches('0'));
    }
    out
}

/// One end of a date range in words, as a chip shows it: "Depuis le 29 juillet 2025",
/// "Depuis août 2025", "Jusqu'au 31 juillet 2025", "Jusqu'à 2024"; "From …", "To …".
///
/// ```
/// use explorer::{date::DateSpec, format::range_end, query::Lang};
/// let august = DateSpec::parse("2025-08").unwrap();
/// assert_eq!(range_end(Lang::Fr, &august, false), "Depuis août 2025");
/// assert_eq!(range_end(Lang::Fr, &DateSpec::parse("2025-07-31").unwrap(), true), "Jusqu’au 31 juillet 2025");
/// assert_eq!(range_end(Lang::En, &august, true), "To August 2025");
/// ```
pub fn range_end(lang: Lang, d: &DateSpec, end: bool) -> String {
    let day = d.precision == Precision::Day;
    let words = match (lang, end, day) {
        (Lang::Fr, false, true) => "Depuis le",
        (Lang::Fr, false, false) => "Depuis",
        (Lang::Fr, true, true) => "Jusqu’au",
        (Lang::Fr, true, false) => "Jusqu’à",
        (Lang::En, false, _) => "From",
        (Lang::En, true, _) => "To",
    };
    format!("{words} {}", date(lang, d))
}

/// A note as plain text, each document reference replaced by `label(id)`.
pub fn note_text(note: &str, label: &dyn Fn(&str) -> String) -> String {
    use crate::model::{NotePart, note_parts};
    note_parts(note)
        .into_iter()
        .map(|p| match p {
            NotePart::Text(t) => t.to_string(),
            NotePart::Doc(id) => label(id),
        })
        .collect()
}

/// Words of a title kept in a document's short label.
const LABEL_TITLE_WORDS: usize = 5;

/// A short human label for every document, distinct from one another, in corpus order: the
/// outlet (or the title's first words when the outlet is unknown) and the date, or "non
/// daté". Every place that names a source uses it; ids are for links only.
///
/// ```
/// use explorer::{format::document_labels, query::Lang};
/// let corpus = explorer::embedded::corpus().unwrap();
/// let labels = document_labels(corpus, Lang::Fr);
/// assert_eq!(labels[1], "Info Matin, 28 juillet 2025");
/// assert!(labels[2].starts_with("« Trois accords ont été paraphés… », juin 2025"));
/// ```
pub fn document_labels(corpus: &crate::model::Corpus, lang: Lang) -> Vec<String> {
    let short_title = |title: &str| {
        let words: Vec<&str> = title.split_whitespace().collect();
        let cut = words.len() > LABEL_TITLE_WORDS;
        format!("« {}{} »", words[..words.len().min(LABEL_TITLE_WORDS)].join(" "), if cut { "…" } else { "" })
    };
    let when = |d: &crate::model::Document| match d.published {
        Some(p) => date(lang, &p.date),
        None => lang.pick("non daté", "undated").to_string(),
    };
    let mut labels: Vec<String> = corpus
        .documents
        .iter()
        .map(|d| format!("{}, {}", d.outlet.as_deref().map_or_else(|| short_title(&d.title), str::to_string), when(d)))
        .collect();
    // Two articles of one outlet on one day: their titles tell them apart.
    let shared: Vec<bool> = labels.iter().map(|l| labels.iter().filter(|m| *m == l).count() > 1).collect();
    for (i, shared) in shared.into_iter().enumerate() {
        if shared {
            labels[i] = format!("{} {}", labels[i], short_title(&corpus.documents[i].title));
        }
    }
    labels
}

/// A figure as the article states it: "de 32 à 290 étudiants", "plus de 10 000 cadres".
///
/// ```
/// use explorer::{format::figure, query::Lang};
/// let corpus = explorer::embedded::corpus().unwrap();
/// let students = corpus.figures.iter().find(|f| f.id == "malian-students-in-russia").unwrap();
/// assert_eq!(figure(Lang::Fr, students), "de 32 à 290 étudiants");
/// assert_eq!(figure(Lang::En, students), "from 32 to 290 students");
/// ```
pub fn figure(lang: Lang, f: &crate::model::Figure) -> String {
    let fr = lang == Lang::Fr;
    let unit = lang.pick(&f.unit_fr, &f.unit_en);
    let value = number(lang, f.value);
    if let Some(from) = f.from {
        let from = number(lang, from);
        return if fr { format!("de {from} à {value} {unit}") } else { format!("from {from} to {value} {unit}") };
    }
    format!("{}{value} {unit}", qualifier(lang, f.qualifier))
}

/// The words before a qualified number: "au moins ", "environ "… ("" when exact).
pub fn qualifier(lang: Lang, q: crate::model::Qualifier) -> &'static str {
    use crate::model::Qualifier::*;
    match q {
        Exact => "",
        AtLeast => lang.pick("au moins ", "at least "),
        AtMost => lang.pick("au plus ", "at most "),
        Approximate => lang.pick("environ ", "about "),
    }
}

#[cfg(test)]
mod tests {
    use super::{date, month_short};
    use crate::date::DateSpec;
    use crate::query::Lang;

    #[test]
    fn english_dates_and_short_months() {
        let f = |s: &str| date(Lang::En, &DateSpec::parse(s).unwrap());
        assert_eq!(f("2025-07-29"), "29 July 2025");
        assert_eq!(f("2025-06"), "June 2025");
        assert_eq!(f("2025-08-21..2025-08-31"), "21–31 August 2025 (approx.)");
        assert_eq!(month_short(Lang::Fr, 2025, 7), "juil. 2025");
        assert_eq!(month_short(Lang::En, 2025, 12), "Dec 2025");
    }

    #[test]
    fn dates_read_at_their_precision() {
        let f = |s: &str| date(Lang::Fr, &DateSpec::parse(s).unwrap());
        assert_eq!(f("2025-07-29"), "29 juillet 2025");
        assert_eq!(f("2025-08-01"), "1er août 2025");
        assert_eq!(f("2025-06"), "juin 2025");
        assert_eq!(f("1960"), "1960");
        assert_eq!(f("2025-08-21..2025-08-31"), "21–31 août 2025 (approx.)");
        assert_eq!(f("2025-07-01..2025-07-28"), "1er–28 juillet 2025 (approx.)");
        assert_eq!(f("2025-06..2025-07"), "1er juin 2025 – 31 juillet 2025 (approx.)");
    }
}
