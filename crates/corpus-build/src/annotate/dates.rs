//! French date expressions, read with their honest precision.
//!
//! | form | example | result |
//! |---|---|---|
//! | full date | "29 juillet 2025", "lundi 28 juillet 2025", "1er août 2025" | day |
//! | day and month | "le 29 juillet" | day, year from the article's date, flagged `year_inferred` |
//! | month and year | "juin 2025", "en juin 2025" | month |
//! | year | "en 2024" | year |
//! | part of a month | "fin du mois d'août", "début juillet", "mi-juillet" | approximate range |
//! | relative | "il y a 65 ans", "il y a 3 mois" | resolved against the article's date, flagged `relative` |
//! | relative day | "hier", "avant-hier", "demain", "jeudi", "lundi dernier", "mardi prochain" | a day counted from the article's day, flagged `relative` |
//! | ISO | "2025-06", "2025-07-29" | month or day |
//!
//! Anything else is skipped, never guessed: "en juin" without a year, a bare number. Forms that
//! need the article's date are skipped when it is unknown, and relative days ("lundi") when the
//! article's date is not a day. A weekday alone is the latest such day on or before the
//! article's (news reports what happened); "dernier" is strictly before, "prochain" after.
//!
//! [`dateline`] reads the date an article opens with ("Bamako, 12 septembre 2025 —").

use crate::date::{DateSpec, Day, Precision, days_in_month};
use crate::model::Span;
use crate::text::Token;

/// A date found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    pub span: Span,
    pub date: DateSpec,
    /// Introduced by "ce" ("ce lundi 28 juillet 2025"): the day the article speaks from.
    pub deictic: bool,
}

const MONTHS: [&str; 12] = [
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
];
const WEEKDAYS: [&str; 7] = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
const SMALL_NUMBERS: [&str; 10] = ["un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"];

fn month_of(word: &str) -> Option<u8> {
    MONTHS.iter().position(|m| *m == word).map(|i| i as u8 + 1)
}

fn is_weekday(word: &str) -> bool {
    WEEKDAYS.contains(&word)
}

/// A day of the month: "1" to "31" or "1er".
fn day_number(word: &str) -> Option<u8> {
    let digits = word.strip_suffix("er").unwrap_or(word);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if word.ends_with("er") && digits != "1" {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A four-digit year from 1000 to 2999.
fn year_number(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1000..=2999).contains(y))
}

/// A count in "il y a N ans": digits or a small number word.
fn count(word: &str) -> Option<i32> {
    if !word.is_empty() && word.len() <= 4 && word.bytes().all(|b| b.is_ascii_digit()) {
        return word.parse().ok();
    }
    SMALL_NUMBERS.iter().position(|n| *n == word).map(|i| i as i32 + 1)
}

/// Reads the dates of one passage. `reference` is the article's date, used for forms that
/// omit the year or count back from now.
pub fn find_dates(text: &str, toks: &[Token], reference: Option<&DateSpec>) -> Vec<FoundDate> {
    let reader = Reader { text, toks, reference };
    let mut found = Vec::new();
    let mut at = 0;
    while at < toks.len() {
        if let Some(len) = reader.impossible_day(at) {
            at += len; // "31 juin 2025": skipped whole, not read as "juin 2025"
            continue;
        }
        match reader.read_at(at) {
            Some((len, date)) => {
                let deictic = at > 0 && toks[at - 1].folded == "ce" && reader.spaced(at - 1, at);
                let span = Span::new(toks[at].start, toks[at + len - 1].end);
                found.push(FoundDate { span, date, deictic });
                at += len;
            }
            None => at += 1,
        }
    }
    found
}

struct Reader<'a> {
    text: &'a str,
    toks: &'a [Token],
    reference: Option<&'a DateSpec>,
}

impl Reader<'_> {
    fn word(&self, i: usize) -> Option<&str> {
        self.toks.get(i).map(|t| t.folded.as_str())
    }

    /// Words `a` and `b` (= a + 1) are separated by white space only.
    fn spaced(&self, a: usize, b: usize) -> bool {
        self.gap(a, b).is_some_and(|g| !g.is_empty() && g.chars().all(char::is_whitespace))
    }

    /// Words `a` and `b` are separated by white space, an apostrophe or a hyphen.
    fn joined(&self, a: usize, b: usize) -> bool {
        self.gap(a, b).is_some_and(|g| {
            !g.is_empty() && g.chars().all(|c| c.is_whitespace() || matches!(c, '\'' | '’' | '-' | '‑'))
        })
    }

    fn gap(&self, a: usize, b: usize) -> Option<&str> {
        let (x, y) = (self.toks.get(a)?, self.toks.get(b)?);
        self.text.get(x.end..y.start)
    }

    fn reference_year(&self) -> Option<i32> {
        self.reference.map(|r| r.start.year)
    }

    /// Tries every form at word `at`; returns how many words the date covers.
    fn read_at(&self, at: usize) -> Option<(usize, DateSpec)> {
        self.part_of_month(at)
            .or_else(|| self.relative(at))
            .or_else(|| self.relative_day(at))
            .or_else(|| self.full_date(at))
            .or_else(|| self.month_year(at))
            .or_else(|| self.iso(at))
            .or_else(|| self.en_year(at))
    }

    /// "[lundi] 29 juillet [2025]".
    fn full_date(&self, at: usize) -> Option<(usize, DateSpec)> {
        let mut i = at;
        if self.word(i).is_some_and(is_weekday) && self.spaced(i, i + 1) {
            i += 1;
        }
        let day = day_number(self.word(i)?)?;
        let month = month_of(self.word(i + 1)?)?;
        if !self.spaced(i, i + 1) {
            return None;
        }
        let explicit = self.word(i + 2).and_then(year_number).filter(|_| self.spaced(i + 1, i + 2));
        let (year, len) = match explicit {
            Some(year) => (year, i + 3 - at),
            None => (self.reference_year()?, i + 2 - at),
        };
        let mut date = DateSpec::day(Day::new(year, month, day)?);
        date.year_inferred = explicit.is_none();
        Some((len, date))
    }

    /// "31 juin [2025]", a day the month does not have: how many words to skip.
    fn impossible_day(&self, at: usize) -> Option<usize> {
        let day = day_number(self.word(at)?)?;
        let month = month_of(self.word(at + 1)?)?;
        self.spaced(at, at + 1).then_some(())?;
        let year = self.word(at + 2).and_then(year_number).filter(|_| self.spaced(at + 1, at + 2));
        // A leap year allows 29 February; without a year, any year that has the day will do.
        let possible = Day::new(year.unwrap_or(2024), month, day).is_some();
        (!possible).then_some(if year.is_some() { 3 } else { 2 })
    }

    /// "juin 2025".
    fn month_year(&self, at: usize) -> Option<(usize, DateSpec)> {
        let month = month_of(self.word(at)?)?;
        let year = year_number(self.word(at + 1)?)?;
        self.spaced(at, at + 1).then_some(())?;
        Some((2, DateSpec::month(year, month)?))
    }

    /// "en 2024": the year alone, only after "en" (a bare number is not a date).
    fn en_year(&self, at: usize) -> Option<(usize, DateSpec)> {
        let year = year_number(self.word(at)?)?;
        (at > 0 && self.word(at - 1) == Some("en") && self.spaced(at - 1, at)).then_some(())?;
        Some((1, DateSpec::year(year)))
    }

    /// "2025-07-29", "2025-06".
    fn iso(&self, at: usize) -> Option<(usize, DateSpec)> {
        year_number(self.word(at)?)?;
        let hyphen = |a: usize| self.gap(a, a + 1) == Some("-");
        let two = |i: usize| self.word(i).filter(|w| w.len() == 2 && w.bytes().all(|b| b.is_ascii_digit()));
        two(at + 1).filter(|_| hyphen(at))?;
        let len = if two(at + 2).is_some() && hyphen(at + 1) { 3 } else { 2 };
        let syntax = self.text.get(self.toks[at].start..self.toks[at + len - 1].end)?;
        Some((len, DateSpec::parse(syntax).ok()?))
    }

    /// "fin du mois d'août [2025]", "début juillet", "mi-juillet".
    fn part_of_month(&self, at: usize) -> Option<(usize, DateSpec)> {
        let (first, last) = match self.word(at)? {
            "debut" => (1, 10),
            "mi" => (11, 20),
            "fin" => (21, 31),
            _ => return None,
        };
        let mut i = at + 1;
        if self.word(i) == Some("du") && self.word(i + 1) == Some("mois") {
            i += 2;
        }
        if matches!(self.word(i), Some("de" | "d")) && self.joined(i, i + 1) {
            i += 1;
        }
        let month = month_of(self.word(i)?)?;
        if !(at + 1..=i).all(|k| self.joined(k - 1, k)) {
            return None;
        }
        let explicit = self.word(i + 1).and_then(year_number).filter(|_| self.spaced(i, i + 1));
        let year = explicit.or_else(|| self.reference_year())?;
        let last = last.min(days_in_month(year, month)?);
        let mut date =
            DateSpec::range(Day::new(year, month, first)?, Day::new(year, month, last)?, Precision::Approximate);
        date.year_inferred = explicit.is_none();
        Some((i + 1 + usize::from(explicit.is_some()) - at, date))
    }

    /// "il y a 65 ans", "il y a trois mois": counted back from the article's date.
    fn relative(&self, at: usize) -> Option<(usize, DateSpec)> {
        let words: Vec<&str> = (at..at + 3).filter_map(|i| self.word(i)).collect();
        if words != ["il", "y", "a"] || !(at + 1..at + 5).all(|k| self.spaced(k - 1, k)) {
            return None;
        }
        let n = count(self.word(at + 3)?)?;
        let reference = self.reference?;
        let mut date = match self.word(at + 4)? {
            "an" | "ans" | "annee" | "annees" => DateSpec::year(reference.start.year - n),
            "mois" => {
                let months = reference.start.year * 12 + i32::from(reference.start.month) - 1 - n;
                DateSpec::month(months.div_euclid(12), (months.rem_euclid(12) + 1) as u8)?
            }
            _ => return None,
        };
        date.relative = true;
        Some((5, date))
    }

    /// "hier", "avant-hier", "demain", "jeudi", "lundi dernier", "mardi prochain": a day
    /// counted from the article's day (only when the article's date is a day).
    fn relative_day(&self, at: usize) -> Option<(usize, DateSpec)> {
        let today = self.reference.filter(|r| r.precision == Precision::Day)?.start;
        let hyphen = |a: usize| self.gap(a, a + 1).is_some_and(|g| g == "-" || g == "‑");
        let (len, offset) = match self.word(at)? {
            "hier" => (1, -1),
            "demain" => (1, 1),
            "avant" if self.word(at + 1) == Some("hier") && hyphen(at) => (2, -2),
            "apres" if self.word(at + 1) == Some("demain") && hyphen(at) => (2, 2),
            word => {
                let weekday = WEEKDAYS.iter().position(|d| *d == word)? as i64;
                // "lundi 28 juillet" is a full date, read elsewhere.
                if self.word(at + 1).and_then(day_number).is_some() {
                    return None;
                }
                // Days since 1970-01-01, a Thursday: Monday is 0.
                let today_weekday = (today.ordinal() + 3).rem_euclid(7);
                let back = (today_weekday - weekday).rem_euclid(7);
                match self.word(at + 1).filter(|_| self.spaced(at, at + 1)) {
                    Some("dernier") => (2, -(if back == 0 { 7 } else { back })),
                    Some("prochain") => (2, 7 - back),
                    _ => (1, -back),
                }
            }
        };
        let mut date = DateSpec::day(Day::from_ordinal(today.ordinal() + offset)?);
        date.relative = true;
        Some((len, date))
    }
}

/// The date a dateline opens the article with: "Bamako, 12 septembre 2025 —", "MOSCOU, le
/// 3 juin 2025 :". A place of one to four capitalised words, a comma, a full date with its
/// year, then a dash or a colon, at the start of the first line or of the second (after a
/// headline). Returns where the date stands in `text` and the date.
pub fn dateline(text: &str) -> Option<(Span, DateSpec)> {
    let mut offset = 0;
    for line in text.split_inclusive('\n').take(2) {
        if let Some((span, date)) = dateline_of(line) {
            return Some((Span::new(span.start + offset, span.end + offset), date));
        }
        offset += line.len();
    }
    None
}

fn dateline_of(line: &str) -> Option<(Span, DateSpec)> {
    let toks = crate::text::tokens(line);
    let reader = Reader { text: line, toks: &toks, reference: None };
    let place = toks.iter().take_while(|t| t.cased.chars().next().is_some_and(|c| c.is_ascii_uppercase())).count();
    if !(1..=4).contains(&place) || reader.gap(place - 1, place).is_none_or(|g| g.trim() != ",") {
        return None;
    }
    let at = place + usize::from(reader.word(place) == Some("le"));
    let (len, date) = reader.full_date(at).filter(|(_, d)| !d.year_inferred)?;
    let after = line.get(toks[at + len - 1].end..)?.trim_start();
    after.starts_with(['—', '–', '-', ':']).then(|| (Span::new(toks[at].start, toks[at + len - 1].end), date))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;

    fn reference() -> DateSpec {
        DateSpec::parse("2025-07-29").unwrap()
    }

    fn dates(text: &str, reference: Option<&DateSpec>) -> Vec<(String, String, bool)> {
        find_dates(text, &tokens(text), reference)
            .into_iter()
            .map(|f| (text[f.span.start..f.span.end].to_string(), f.date.to_syntax(), f.deictic))
            .collect()
    }

    fn one(text: &str) -> DateSpec {
        let found = find_dates(text, &tokens(text), Some(&reference()));
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found[0].date
    }

    #[test]
    fn full_dates_with_and_without_weekday() {
        assert_eq!(
            dates("tenue le 29 juillet 2025 à Bamako", None),
            [("29 juillet 2025".into(), "2025-07-29".into(), false)]
        );
        assert_eq!(
            dates("arrivée ce lundi 28 juillet 2025 à Bamako", None),
            [("lundi 28 juillet 2025".into(), "2025-07-28".into(), true)]
        );
        assert_eq!(dates("le 1er août 2025", None)[0].1, "2025-08-01");
        assert!(dates("L’ouverture, ce mardi 29 juillet 2025 à Bamako", None)[0].2);
    }

    #[test]
    fn day_and_month_take_the_year_of_the_article() {
        let date = one("s'est tenue à Bamako le 29 juillet, ont annoncé");
        assert_eq!(date.to_syntax(), "2025-07-29");
        assert!(date.year_inferred);
        assert!(dates("le 29 juillet, ont annoncé", None).is_empty(), "no article date: skipped, not guessed");
    }

    #[test]
    fn month_and_year() {
        let date = one("la visite, en juin 2025, à Moscou");
        assert_eq!((date.to_syntax(), date.precision), ("2025-06".into(), Precision::Month));
        assert!(!date.year_inferred);
    }

    #[test]
    fn year_alone_only_after_en() {
        let date = one("lors de précédentes visites russes en 2024.");
        assert_eq!((date.to_syntax(), date.precision), ("2024".into(), Precision::Year));
        assert!(dates("plus de 10 000 cadres, 2024 personnes", Some(&reference())).is_empty());
    }

    #[test]
    fn parts_of_a_month_are_approximate() {
        let late = one("est prévue à la fin du mois d'août.");
        assert_eq!((late.to_syntax(), late.precision), ("2025-08-21..2025-08-31".into(), Precision::Approximate));
        assert!(late.year_inferred);
        assert_eq!(one("début juillet 2025").to_syntax(), "2025-07-01..2025-07-10");
        assert_eq!(one("à la mi-juillet").to_syntax(), "2025-07-11..2025-07-20");
        assert_eq!(one("fin février").to_syntax(), "2025-02-21..2025-02-28");
        assert!(dates("la fin de la guerre", Some(&reference())).is_empty());
    }

    #[test]
    fn relative_dates_resolve_against_the_article() {
        let june = DateSpec::parse("2025-06").unwrap();
        let found = find_dates("il y a 65 ans", &tokens("il y a 65 ans"), Some(&june));
        assert_eq!(found[0].date.to_syntax(), "1960");
        assert!(found[0].date.relative);
        assert_eq!(one("il y a trois mois").to_syntax(), "2025-04");
        assert!(dates("il y a 65 ans", None).is_empty(), "no article date: skipped");
        assert!(dates("il y a des années", Some(&reference())).is_empty());
    }

    #[test]
    fn iso_dates() {
        assert_eq!(dates(" date 2025-06 Lors", None)[0].1, "2025-06");
        assert_eq!(dates("2025-07-29", None)[0].1, "2025-07-29");
        assert!(dates("2025-13", None).is_empty());
    }

    #[test]
    fn unknown_forms_are_skipped() {
        for text in ["en juin, à Moscou", "32 à 290", "le 31 juin 2025", "Dans les mois à venir"] {
            assert!(dates(text, Some(&reference())).is_empty(), "{text}");
        }
        // A weekday alone needs the article's day: a month is not enough.
        let june = DateSpec::parse("2025-06").unwrap();
        assert!(dates("paraphés lundi dans la capitale", Some(&june)).is_empty());
        assert!(dates("paraphés lundi dans la capitale", None).is_empty());
    }

    #[test]
    fn relative_days_count_from_the_articles_day() {
        // The reference, 29 July 2025, is a Tuesday.
        let day = |text: &str| {
            let date = one(text);
            assert!(date.relative, "{text}");
            assert_eq!(date.precision, Precision::Day);
            date.to_syntax()
        };
        assert_eq!(day("arrivée hier à Bamako"), "2025-07-28");
        assert_eq!(day("signé avant-hier"), "2025-07-27");
        assert_eq!(day("attendu demain"), "2025-07-30");
        assert_eq!(day("paraphés lundi dans la capitale"), "2025-07-28");
        assert_eq!(day("reçu mardi"), "2025-07-29", "the same weekday is that day");
        assert_eq!(day("reçu mardi dernier"), "2025-07-22");
        assert_eq!(day("jeudi dernier"), "2025-07-24");
        assert_eq!(day("jeudi prochain"), "2025-07-31");
        assert_eq!(day("mardi prochain"), "2025-08-05");
        assert_eq!(dates("arrivée ce lundi 28 juillet 2025", Some(&reference()))[0].0, "lundi 28 juillet 2025");
    }

    #[test]
    fn a_dateline_opens_the_article() {
        let read = |text: &str| dateline(text).map(|(span, d)| (text[span.start..span.end].to_string(), d.to_syntax()));
        assert_eq!(
            read("Bamako, 12 septembre 2025 — Le ministre"),
            Some(("12 septembre 2025".into(), "2025-09-12".into()))
        );
        assert_eq!(read("MOSCOU, le 3 juin 2025 : la Russie"), Some(("3 juin 2025".into(), "2025-06-03".into())));
        assert_eq!(
            read("Ouagadougou, mardi 5 août 2025 - La"),
            Some(("mardi 5 août 2025".into(), "2025-08-05".into()))
        );
        assert_eq!(
            read("Un titre d'article\nMoscou, le 3 octobre 2025 : À l'issue"),
            Some(("3 octobre 2025".into(), "2025-10-03".into())),
            "after a headline"
        );
        assert_eq!(read("Titre\nSous-titre\nBamako, 12 septembre 2025 — texte"), None, "not deeper");
        // Not a dateline: no dash after the date, a date in the middle, no year, a sentence.
        assert_eq!(read("Bamako, 12 septembre 2025 a vu la signature"), None);
        assert_eq!(read("Le ministre a dit, le 12 septembre 2025 — rien"), None);
        assert_eq!(read("Bamako, 12 septembre — Le ministre"), None);
    }
}
