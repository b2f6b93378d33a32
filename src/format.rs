//! Human-readable formatting for the French-first UI.

use crate::date::{DateSpec, Precision};

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

/// A date in the interface language, at the precision the source gives.
pub fn date(lang: crate::query::Lang, date: &DateSpec) -> String {
    match lang {
        crate::query::Lang::Fr => date_fr(date),
        crate::query::Lang::En => date_en(date),
    }
}

/// A date as English readers write it: "29 July 2025", "June 2025", "21–31 August 2025 (approx.)".
pub fn date_en(date: &DateSpec) -> String {
    let month = |m: u8| MONTHS_EN.get(usize::from(m).saturating_sub(1)).copied().unwrap_or("?");
    let (s, e) = (date.start, date.end);
    match date.precision {
        Precision::Day => format!("{} {} {}", s.day, month(s.month), s.year),
        Precision::Month => format!("{} {}", month(s.month), s.year),
        Precision::Year => s.year.to_string(),
        Precision::Approximate if (s.year, s.month) == (e.year, e.month) => {
            format!("{}–{} {} {} (approx.)", s.day, e.day, month(s.month), s.year)
        }
        Precision::Approximate => {
            format!("{} {} {} – {} {} {} (approx.)", s.day, month(s.month), s.year, e.day, month(e.month), e.year)
        }
    }
}

/// A short month label for axes: "juil. 2025" / "Jul 2025".
pub fn month_short(lang: crate::query::Lang, year: i32, month: u8) -> String {
    const FR: [&str; 12] =
        ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
    const EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let names = if lang == crate::query::Lang::Fr { FR } else { EN };
    format!("{} {year}", names.get(usize::from(month).saturating_sub(1)).copied().unwrap_or("?"))
}

/// A date as French readers write it, at the precision the source gives:
/// "29 juillet 2025", "juin 2025", "2024", "21–31 août 2025 (approx.)".
///
/// ```
/// let date = explorer::date::DateSpec::parse("2025-07-01").unwrap();
/// assert_eq!(explorer::format::date_fr(&date), "1er juillet 2025");
/// ```
pub fn date_fr(date: &DateSpec) -> String {
    let month = |m: u8| MONTHS_FR.get(usize::from(m).saturating_sub(1)).copied().unwrap_or("?");
    let day = |d: u8| if d == 1 { "1er".to_string() } else { d.to_string() };
    let (s, e) = (date.start, date.end);
    match date.precision {
        Precision::Day => format!("{} {} {}", day(s.day), month(s.month), s.year),
        Precision::Month => format!("{} {}", month(s.month), s.year),
        Precision::Year => s.year.to_string(),
        Precision::Approximate if (s.year, s.month) == (e.year, e.month) => {
            format!("{}–{} {} {} (approx.)", day(s.day), e.day, month(s.month), s.year)
        }
        Precision::Approximate => {
            format!(
                "{} {} {} – {} {} {} (approx.)",
                day(s.day),
                month(s.month),
                s.year,
                day(e.day),
                month(e.month),
                e.year
            )
        }
    }
}

/// Formats a byte count the French way: `"812 o"`, `"3,1 Ko"`, `"1,2 Mo"` (1 Ko = 1024 o).
///
/// ```
/// assert_eq!(explorer::format::human_size(3061), "3,0 Ko");
/// ```
pub fn human_size(bytes: usize) -> String {
    const UNITS: [&str; 3] = ["Ko", "Mo", "Go"];
    if bytes < 1024 {
        return format!("{bytes} o");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit]).replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::{date_fr, human_size};
    use crate::date::DateSpec;

    #[test]
    fn english_dates_and_short_months() {
        let f = |s: &str| super::date_en(&DateSpec::parse(s).unwrap());
        assert_eq!(f("2025-07-29"), "29 July 2025");
        assert_eq!(f("2025-06"), "June 2025");
        assert_eq!(f("2025-08-21..2025-08-31"), "21–31 August 2025 (approx.)");
        assert_eq!(super::month_short(crate::query::Lang::Fr, 2025, 7), "juil. 2025");
        assert_eq!(super::month_short(crate::query::Lang::En, 2025, 12), "Dec 2025");
    }

    #[test]
    fn dates_read_at_their_precision() {
        let f = |s: &str| date_fr(&DateSpec::parse(s).unwrap());
        assert_eq!(f("2025-07-29"), "29 juillet 2025");
        assert_eq!(f("2025-08-01"), "1er août 2025");
        assert_eq!(f("2025-06"), "juin 2025");
        assert_eq!(f("1960"), "1960");
        assert_eq!(f("2025-08-21..2025-08-31"), "21–31 août 2025 (approx.)");
        assert_eq!(f("2025-07-01..2025-07-28"), "1er–28 juillet 2025 (approx.)");
        assert_eq!(f("2025-06..2025-07"), "1er juin 2025 – 31 juillet 2025 (approx.)");
    }

    #[test]
    fn sizes_use_french_units_and_decimal_comma() {
        assert_eq!(human_size(0), "0 o");
        assert_eq!(human_size(1023), "1023 o");
        assert_eq!(human_size(1024), "1,0 Ko");
        assert_eq!(human_size(5992), "5,9 Ko");
        assert_eq!(human_size(3 * 1024 * 1024 / 2), "1,5 Mo");
    }
}
