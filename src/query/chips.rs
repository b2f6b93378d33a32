//! Active filters as removable chips, and "remove the last filter".

use crate::query::state::Filter;

/// One active filter value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Chip {
    Sector(String),
    Actor(String),
    Side(String),
    Source(String),
    From,
    To,
    Query,
    Disputed,
    Single,
}

/// The active filters, in the canonical order of the URL.
pub fn chips(filter: &Filter) -> Vec<Chip> {
    let mut out: Vec<Chip> = filter.sectors.iter().cloned().map(Chip::Sector).collect();
    out.extend(filter.actors.iter().cloned().map(Chip::Actor));
    out.extend(filter.sides.iter().cloned().map(Chip::Side));
    out.extend(filter.sources.iter().cloned().map(Chip::Source));
    out.extend(filter.from.map(|_| Chip::From));
    out.extend(filter.to.map(|_| Chip::To));
    if !filter.q.trim().is_empty() {
        out.push(Chip::Query);
    }
    if filter.disputed {
        out.push(Chip::Disputed);
    }
    if filter.single {
        out.push(Chip::Single);
    }
    out
}

/// Removes one active filter.
pub fn remove(filter: &mut Filter, chip: &Chip) {
    match chip {
        Chip::Sector(id) => filter.sectors.retain(|s| s != id),
        Chip::Actor(id) => filter.actors.retain(|s| s != id),
        Chip::Side(id) => filter.sides.retain(|s| s != id),
        Chip::Source(id) => filter.sources.retain(|s| s != id),
        Chip::From => filter.from = None,
        Chip::To => filter.to = None,
        Chip::Query => filter.q.clear(),
        Chip::Disputed => filter.disputed = false,
        Chip::Single => filter.single = false,
    }
}

/// The filter to remove when the results are empty: the one the user added last, if it is
/// still active, else the last in canonical order.
pub fn last(filter: &Filter, last_added: Option<&Chip>) -> Option<Chip> {
    let active = chips(filter);
    match last_added {
        Some(chip) if active.contains(chip) => Some(chip.clone()),
        _ => active.last().cloned(),
    }
}

/// The chip a change added, comparing filters before and after (for [`last`]).
pub fn added(before: &Filter, after: &Filter) -> Option<Chip> {
    let old = chips(before);
    chips(after).into_iter().rev().find(|c| !old.contains(c) || (*c == Chip::Query && before.q != after.q))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::DateSpec;

    fn sample() -> Filter {
        Filter {
            sectors: vec!["energy".into()],
            actors: vec!["bamako".into(), "moscow".into()],
            from: Some(DateSpec::parse("2025-07").unwrap()),
            q: "carte".into(),
            ..Filter::default()
        }
    }

    #[test]
    fn chips_list_every_active_value_and_remove_one_by_one() {
        let mut f = sample();
        let all = chips(&f);
        assert_eq!(
            all,
            [
                Chip::Sector("energy".into()),
                Chip::Actor("bamako".into()),
                Chip::Actor("moscow".into()),
                Chip::From,
                Chip::Query
            ]
        );
        for chip in all {
            remove(&mut f, &chip);
        }
        assert!(f.is_empty());
    }

    #[test]
    fn last_prefers_what_the_user_added_last() {
        let f = sample();
        assert_eq!(last(&f, Some(&Chip::Actor("bamako".into()))), Some(Chip::Actor("bamako".into())));
        assert_eq!(
            last(&f, Some(&Chip::Actor("niamey".into()))),
            Some(Chip::Query),
            "no longer active: canonical last"
        );
        assert_eq!(last(&Filter::default(), None), None);
    }

    #[test]
    fn added_finds_the_new_chip() {
        let before = sample();
        let mut after = before.clone();
        after.actors.push("niamey".into());
        assert_eq!(added(&before, &after), Some(Chip::Actor("niamey".into())));
        let mut typed = before.clone();
        typed.q = "carte th".into();
        assert_eq!(added(&before, &typed), Some(Chip::Query));
        assert_eq!(added(&before, &before), None);
    }
}
