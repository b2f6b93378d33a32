//! Text with highlighted ranges, built from text nodes and `<mark>` elements (never HTML).

use leptos::prelude::*;

/// `text` (which starts at byte `base` of its document) with the byte ranges `marks` (in
/// document offsets, any order, possibly overlapping) wrapped in `<mark>`.
pub fn highlighted(text: &str, base: usize, marks: &[(usize, usize)]) -> AnyView {
    let mut ranges: Vec<(usize, usize)> = marks
        .iter()
        .filter_map(|&(s, e)| {
            let (s, e) = (s.max(base) - base, e.min(base + text.len()).saturating_sub(base));
            (s < e && text.is_char_boundary(s) && text.is_char_boundary(e)).then_some((s, e))
        })
        .collect();
    ranges.sort();
    let mut pieces: Vec<AnyView> = Vec::new();
    let mut at = 0;
    for (s, e) in ranges {
        if e <= at {
            continue;
        }
        let s = s.max(at);
        if s > at {
            pieces.push(text[at..s].to_string().into_any());
        }
        pieces.push(view! { <mark>{text[s..e].to_string()}</mark> }.into_any());
        at = e;
    }
    if at < text.len() {
        pieces.push(text[at..].to_string().into_any());
    }
    pieces.into_any()
}
