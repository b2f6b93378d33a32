//! Calendar dates with their honest precision.
//!
//! A [`DateSpec`] is always a range of days plus how precisely the source knows it: "29 juillet
//! 2025" is one day, "juin 2025" is the whole month, "fin du mois d'août" is an approximate range,
//! "il y a 65 ans" is a year resolved against the article's date and flagged as relative. Filters
//! compare ranges, so a month-precision item matches any range that overlaps its month.
//!
//! The same compact syntax is used in the knowledge base and in URLs:
//! `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, and `A..B` for an approximate range between two of those.
//!
//! ```
//! use corpus::date::{DateSpec, Precision};
//! let june = DateSpec::parse("2025-06").unwrap();
//! assert_eq!(june.precision, Precision::Month);
//! assert_eq!(june.end.to_string(), "2025-06-30");
//! assert!(june.overlaps(&DateSpec::parse("2025-06-23").unwrap()));
//! ```

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One calendar day (proleptic Gregorian). Orders chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// Whether `year` is a leap year.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days of a month, or `None` for a month outside 1–12.
pub fn days_in_month(year: i32, month: u8) -> Option<u8> {
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => return None,
    })
}

impl Day {
    /// A valid day, or `None` ("2025-02-30" is not a day).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Day> {
        let last = days_in_month(year, month)?;
        (1..=last).contains(&day).then_some(Day { year, month, day })
    }

    /// The last day of a month.
    pub fn end_of_month(year: i32, month: u8) -> Option<Day> {
        Day::new(year, month, days_in_month(year, month)?)
    }

    /// Days since 1970-01-01 (negative before): lets ranges be measured and laid out.
    pub fn ordinal(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day of an ordinal (the inverse of [`Day::ordinal`]), if its year is an `i32`.
    pub fn from_ordinal(ordinal: i64) -> Option<Day> {
        // Howard Hinnant's civil_from_days.
        let z = ordinal.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = i32::try_from(yoe + era * 400 + i64::from(month <= 2)).ok()?;
        Day::new(year, month, day)
    }

    /// The next day.
    pub fn next(self) -> Day {
        Day::new(self.year, self.month, self.day + 1)
            .or_else(|| Day::new(self.year, self.month + 1, 1))
            .unwrap_or(Day { year: self.year + 1, month: 1, day: 1 })
    }

    /// The previous day.
    pub fn previous(self) -> Day {
        if self.day > 1 {
            return Day { day: self.day - 1, ..self };
        }
        let (year, month) = if self.month == 1 { (self.year - 1, 12) } else { (self.year, self.month - 1) };
        Day::end_of_month(year, month).unwrap_or(Day { year, month, day: 28 })
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Day, D::Error> {
        let text = String::deserialize(d)?;
        match DateSpec::parse(&text) {
            Ok(spec) if spec.precision == Precision::Day => Ok(spec.start),
            _ => Err(serde::de::Error::custom(format!("not a day (YYYY-MM-DD): {text}"))),
        }
    }
}

/// How precisely a source states a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
    /// A range the text only sketches ("fin du mois d'août", "début juillet").
    Approximate,
}

/// A date as a source states it: a range of days, its precision and how it was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateSpec {
    pub start: Day,
    pub end: Day,
    pub precision: Precision,
    /// Resolved from a relative expression ("il y a 65 ans") against the article's date.
    #[serde(default, skip_serializing_if = "is_false")]
    pub relative: bool,
    /// The year was not written ("le 29 juillet") and comes from the article's date.
    #[serde(default, skip_serializing_if = "is_false")]
    pub year_inferred: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// Why a date string was refused. A plain enum: the wasm only needs to know it failed, and
/// formatting the input into a message would link string-escaping code for nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (or not a real day).
    Malformed,
    /// A range `A..B` whose end is before its start.
    Reversed,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateError::Malformed => "not a date (expected YYYY, YYYY-MM, YYYY-MM-DD or START..END)",
            DateError::Reversed => "the range ends before it starts",
        })
    }
}

impl DateSpec {
    /// One day.
    pub fn day(day: Day) -> DateSpec {
        DateSpec::range(day, day, Precision::Day)
    }

    /// A whole month.
    pub fn month(year: i32, month: u8) -> Option<DateSpec> {
        Some(DateSpec::range(Day::new(year, month, 1)?, Day::end_of_month(year, month)?, Precision::Month))
    }

    /// A whole year.
    pub fn year(year: i32) -> DateSpec {
        let start = Day { year, month: 1, day: 1 };
        let end = Day { year, month: 12, day: 31 };
        DateSpec::range(start, end, Precision::Year)
    }

    /// A range with the given precision.
    pub fn range(start: Day, end: Day, precision: Precision) -> DateSpec {
        DateSpec { start, end, precision, relative: false, year_inferred: false }
    }

    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or `A..B` (an approximate range from the start
    /// of A to the end of B). Years are 1000–2999.
    pub fn parse(text: &str) -> Result<DateSpec, DateError> {
        let text = text.trim();
        if let Some((a, b)) = text.split_once("..") {
            let (a, b) = (DateSpec::parse_single(a)?, DateSpec::parse_single(b)?);
            if b.end < a.start {
                return Err(DateError::Reversed);
            }
            return Ok(DateSpec::range(a.start, b.end, Precision::Approximate));
        }
        DateSpec::parse_single(text)
    }

    fn parse_single(text: &str) -> Result<DateSpec, DateError> {
        let bad = || DateError::Malformed;
        let parts: Vec<&str> = text.trim().split('-').collect();
        let number = |s: &str, len: usize| -> Result<u32, DateError> {
            if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let year = number(parts[0], 4)? as i32;
        if !(1000..=2999).contains(&year) {
            return Err(bad());
        }
        match parts.len() {
            1 => Ok(DateSpec::year(year)),
            2 => DateSpec::month(year, number(parts[1], 2)? as u8).ok_or_else(bad),
            3 => {
                let day = Day::new(year, number(parts[1], 2)? as u8, number(parts[2], 2)? as u8).ok_or_else(bad)?;
                Ok(DateSpec::day(day))
            }
            _ => Err(bad()),
        }
    }

    /// Whether two ranges share at least one day.
    pub fn overlaps(&self, other: &DateSpec) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// The compact syntax [`DateSpec::parse`] reads back (flags aside).
    pub fn to_syntax(self) -> String {
        match self.precision {
            Precision::Day => self.start.to_string(),
            Precision::Month => format!("{:04}-{:02}", self.start.year, self.start.month),
            Precision::Year => format!("{:04}", self.start.year),
            Precision::Approximate => format!("{}..{}", self.start, self.end),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> DateSpec {
        DateSpec::parse(s).unwrap()
    }

    #[test]
    fn parses_each_precision() {
        assert_eq!(d("2025").precision, Precision::Year);
        assert_eq!(d("2025").end.to_string(), "2025-12-31");
        assert_eq!(d("2025-02").end.to_string(), "2025-02-28");
        assert_eq!(d("2024-02").end.to_string(), "2024-02-29");
        assert_eq!(d("2025-07-29").precision, Precision::Day);
        let late_august = d("2025-08-21..2025-08-31");
        assert_eq!(late_august.precision, Precision::Approximate);
        assert_eq!((late_august.start.day, late_august.end.day), (21, 31));
        assert_eq!(d("2025-06..2025-07").end.to_string(), "2025-07-31");
    }

    #[test]
    fn refuses_malformed_dates() {
        for bad in [
            "",
            "25",
            "2025-13",
            "2025-02-30",
            "2025-7",
            "2025-07-1",
            "abcd",
            "2025-07-01-02",
            "0999",
            "2025-08-31..2025-08-01",
            "２０２５",
        ] {
            assert!(DateSpec::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn syntax_round_trips() {
        for s in ["2025", "2025-06", "2025-07-29", "2025-08-21..2025-08-31"] {
            assert_eq!(d(s).to_syntax(), s);
        }
    }

    #[test]
    fn month_precision_overlaps_any_range_touching_its_month() {
        let june = d("2025-06");
        assert!(june.overlaps(&d("2025-06-30..2025-07-15")));
        assert!(june.overlaps(&d("2025")));
        assert!(!june.overlaps(&d("2025-07-01..2025-07-31")));
    }

    #[test]
    fn ordinals_count_days() {
        assert_eq!(Day::new(1970, 1, 1).unwrap().ordinal(), 0);
        let a = Day::new(2025, 7, 28).unwrap();
        let b = Day::new(2025, 8, 31).unwrap();
        assert_eq!(b.ordinal() - a.ordinal(), 34);
        assert_eq!(Day::new(2024, 3, 1).unwrap().ordinal() - Day::new(2024, 2, 28).unwrap().ordinal(), 2);
    }

    #[test]
    fn days_step_and_round_trip_through_ordinals() {
        let day = |s: &str| d(s).start;
        assert_eq!(day("2024-02-28").next(), day("2024-02-29"));
        assert_eq!(day("2025-02-28").next(), day("2025-03-01"));
        assert_eq!(day("2025-12-31").next(), day("2026-01-01"));
        assert_eq!(day("2025-03-01").previous(), day("2025-02-28"));
        assert_eq!(day("2025-01-01").previous(), day("2024-12-31"));
        for s in ["1960-01-01", "2024-02-29", "2025-07-29", "1970-01-01", "1000-03-01", "2999-12-31"] {
            assert_eq!(Day::from_ordinal(day(s).ordinal()), Some(day(s)), "{s}");
        }
        assert_eq!(Day::from_ordinal(i64::MAX), None);
    }

    #[test]
    fn days_serialise_as_iso_strings() {
        let json = serde_json::to_string(&d("2025-07-29")).unwrap();
        assert!(json.contains("\"2025-07-29\""), "{json}");
        let back: DateSpec = serde_json::from_str(&json).unwrap();
        assert_eq!(back, d("2025-07-29"));
    }
}
