//! One sort for the whole app.
//!
//! Every `sort_by_key` with a new key type compiles a new copy of the standard sort — several
//! kilobytes of wasm each. Here items are ranked by a `u64` key, and only `(u64, u32)` pairs
//! are ever sorted: one compiled sort, and equal keys keep their order (the index breaks ties).
//!
//! ```
//! let mut words = vec!["pear", "fig", "apple", "kiwi"];
//! explorer::order::by_key(&mut words, |w| w.len() as u64);
//! assert_eq!(words, ["fig", "pear", "kiwi", "apple"]);
//! ```

use crate::date::DateSpec;

/// Sorts `items` by `key`, stably.
pub fn by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    let mut keyed: Vec<(u64, u32)> = items.iter().enumerate().map(|(i, t)| (key(t), i as u32)).collect();
    sort_pairs(&mut keyed);
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(keyed.iter().filter_map(|&(_, i)| slots[i as usize].take()));
}

#[inline(never)]
fn sort_pairs(pairs: &mut [(u64, u32)]) {
    pairs.sort_unstable();
}

/// A key that puts larger counts first.
pub fn most_first(count: usize) -> u64 {
    u64::from(u32::MAX) - (count as u64).min(u64::from(u32::MAX))
}

/// A key for date order: by start, then end; undated last.
pub fn by_date(date: Option<DateSpec>) -> u64 {
    match date {
        // Ordinals count days from 1970; the offset keeps 1,000 years before it positive.
        Some(d) => (((d.start.ordinal() + 400_000) as u64) << 31) | ((d.end.ordinal() + 400_000) as u64 & 0x7fff_ffff),
        None => u64::MAX,
    }
}

/// Two ranks in one key, the first weighing more (each below 2³²).
pub fn pair(first: u64, second: u64) -> u64 {
    (first << 32) | (second & 0xffff_ffff)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_order_by_start_then_end_undated_last() {
        let d = |s: &str| Some(DateSpec::parse(s).unwrap());
        let mut dates = vec![None, d("2025-07"), d("2025-07-29"), d("1960"), d("2025-07-01")];
        by_key(&mut dates, |x| by_date(*x));
        assert_eq!(dates, [d("1960"), d("2025-07-01"), d("2025-07"), d("2025-07-29"), None]);
    }

    #[test]
    fn counts_order_most_first_and_ties_keep_their_order() {
        let mut items = vec![(0, 2), (1, 5), (2, 2), (3, 9)];
        by_key(&mut items, |&(i, c)| pair(most_first(c), i));
        assert_eq!(items, [(3, 9), (1, 5), (0, 2), (2, 2)]);
    }
}
