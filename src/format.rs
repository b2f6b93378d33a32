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
