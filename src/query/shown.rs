//! Long facet lists grow on demand: a facet whose values grow with the corpus (one per source
//! article) shows its first values and every checked one, and all of them once asked. The page
//! then builds, compares and lays out a few dozen links per click instead of one per article.
//!
//! ```
//! use explorer::query::shown::{FIRST, shown};
//! let checked = |i: usize| i == 40;
//! let few = shown(100, false, checked);
//! assert_eq!(few.len(), FIRST + 1);
//! assert_eq!(few.last(), Some(&40));
//! assert_eq!(shown(100, true, checked).len(), 100);
//! ```

/// How many values a long facet shows before "all".
pub const FIRST: usize = 10;

/// The values (indices, in order) of a facet of `total` values to show: every one when `all`,
/// else the first [`FIRST`] and, after them, every `checked` one (a filter in force is never
/// hidden).
pub fn shown(total: usize, all: bool, checked: impl Fn(usize) -> bool) -> Vec<usize> {
    (0..total).filter(|&i| all || i < FIRST || checked(i)).collect()
}

/// How many values `shown` leaves out.
pub fn hidden(total: usize, shown: &[usize]) -> usize {
    total - shown.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_facet_shows_everything() {
        assert_eq!(shown(FIRST, false, |_| false), (0..FIRST).collect::<Vec<_>>());
        assert_eq!(hidden(3, &shown(3, false, |_| false)), 0);
    }

    #[test]
    fn a_long_facet_shows_its_first_values_and_the_checked_ones_in_order() {
        let s = shown(500, false, |i| i == 3 || i == 250 || i == 499);
        assert_eq!(s.len(), FIRST + 2);
        assert_eq!(&s[..FIRST], &(0..FIRST).collect::<Vec<_>>()[..]);
        assert_eq!(&s[FIRST..], &[250, 499]);
        assert_eq!(hidden(500, &s), 500 - FIRST - 2);
    }

    #[test]
    fn all_shows_every_value() {
        assert_eq!(shown(500, true, |_| false).len(), 500);
    }
}
