//! Page furniture and passages.
//!
//! Scraped articles carry navigation lines, credits, "À Lire Aussi" links, rating widgets and
//! stray mojibake. They stay in the text (the reader shows them greyed) but are neither
//! annotated nor searched. What remains is split into sentences: the passages.

use crate::model::Span;
use crate::text::normalize_space;

/// Which whole lines are furniture, from the knowledge base (`furniture.toml`).
#[derive(Debug, Clone, Default)]
pub struct FurnitureRules {
    /// A line that is exactly one of these (after [`line_key`]) is furniture.
    pub lines: Vec<String>,
    /// A line that starts with one of these is furniture.
    pub prefixes: Vec<String>,
}

/// How lines are compared with the rules: white space collapsed, typographic apostrophes
/// made straight; case and accents are kept, so "Or" stays distinct from "or" and "Â" from "A".
pub fn line_key(line: &str) -> String {
    normalize_space(line).replace(['\u{2019}', '\u{2018}'], "'")
}

impl FurnitureRules {
    fn matches(&self, key: &str, bylines: &[&str]) -> bool {
        self.lines.iter().any(|l| line_key(l) == key)
            || self.prefixes.iter().any(|p| key.starts_with(&line_key(p)))
            || bylines.iter().any(|b| line_key(b) == key)
    }
}

/// The lines of a text with their byte spans (without the line break).
pub fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut start = 0;
    text.split_inclusive('\n').map(move |line| {
        let span = Span::new(start, start + line.trim_end_matches(['\n', '\r']).len());
        start += line.len();
        span
    })
}

/// Trims white space (including non-breaking spaces) off both ends of a span.
pub fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    Span::new(start, end.max(start))
}

/// The furniture of a text: whole lines matched by the rules or equal to a byline (the
/// author's or outlet's name alone on a line), plus the `extra` spans the metadata names.
/// Sorted and merged.
pub fn furniture(text: &str, rules: &FurnitureRules, bylines: &[&str], extra: &[Span]) -> Vec<Span> {
    let mut spans: Vec<Span> = lines(text)
        .map(|line| trim_span(text, line))
        .filter(|line| !line.is_empty() && rules.matches(&line_key(&text[line.start..line.end]), bylines))
        .collect();
    spans.extend_from_slice(extra);
    merge(spans)
}

/// Sorts spans and merges the ones that overlap or touch.
pub fn merge(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match out.last_mut() {
            Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
            _ => out.push(span),
        }
    }
    out
}

/// The passages of a text: the sentences of every content line, furniture left out.
pub fn passages(text: &str, furniture: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    for line in lines(text) {
        let mut cursor = line.start;
        for f in furniture.iter().filter(|f| f.start < line.end && f.end > line.start) {
            push_sentences(text, Span::new(cursor, f.start.max(cursor)), &mut out);
            cursor = cursor.max(f.end.min(line.end));
        }
        push_sentences(text, Span::new(cursor, line.end), &mut out);
    }
    out
}

/// Splits a content segment into sentences: a sentence ends at `.`, `!`, `?` or `…` (with any
/// closing quotes or brackets) followed by white space and a capital, a digit or an opening
/// quote. "1. la Création" does not split; "AES). Les" does.
fn push_sentences(text: &str, segment: Span, out: &mut Vec<Span>) {
    let segment = trim_span(text, segment);
    if segment.is_empty() {
        return;
    }
    let s = &text[segment.start..segment.end];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        if matches!(chars[i].1, '.' | '!' | '?' | '…') {
            let mut end = i + 1;
            while end < chars.len() && matches!(chars[end].1, '»' | '"' | '”' | ')' | '’' | '.') {
                end += 1;
            }
            let mut next = end;
            while next < chars.len() && chars[next].1.is_whitespace() {
                next += 1;
            }
            let opens_sentence = chars
                .get(next)
                .is_some_and(|&(_, c)| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '«' | '"' | '“'));
            if next > end && opens_sentence {
                let end_byte = chars.get(end).map_or(s.len(), |&(b, _)| b);
                out.push(trim_span(text, Span::new(segment.start + start, segment.start + end_byte)));
                start = chars[next].0;
                i = next;
                continue;
            }
        }
        i += 1;
    }
    let last = trim_span(text, Span::new(segment.start + start, segment.end));
    if !last.is_empty() {
        out.push(last);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> FurnitureRules {
        FurnitureRules {
            lines: vec!["top of page".into(), "Â".into()],
            prefixes: vec!["©".into(), "À Lire Aussi".into(), "Lire l'article original".into()],
        }
    }

    fn texts<'a>(text: &'a str, spans: &[Span]) -> Vec<&'a str> {
        spans.iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn furniture_lines_by_rule_byline_and_extra_span() {
        let text = "top of page\nLe texte.\n© Crédit photo\nÀ Lire Aussi : autre chose\nÂ\u{a0}\nOura KANTÉ\nLire l’article original ici.\n";
        let f = furniture(text, &rules(), &["Oura KANTÉ"], &[]);
        assert_eq!(
            texts(text, &f),
            [
                "top of page",
                "© Crédit photo",
                "À Lire Aussi : autre chose",
                "Â",
                "Oura KANTÉ",
                "Lire l’article original ici."
            ]
        );
    }

    #[test]
    fn a_normal_line_is_not_furniture() {
        let text = "Or, la Russie coopère.\nA\n";
        assert!(furniture(text, &rules(), &[], &[]).is_empty(), "\"A\" is not the mojibake \"Â\"");
    }

    #[test]
    fn passages_are_sentences_of_content_only() {
        let text = "© Crédit\nLa réunion s'est tenue. Un accord a été signé.\ndate 2025-06 Lors d’une visite, ils ont signé. 1. la Création d'une commission.\n";
        let extra = [Span::new(text.find("date 2025-06").unwrap(), text.find("date 2025-06").unwrap() + 12)];
        let f = furniture(text, &rules(), &[], &extra);
        let p = passages(text, &f);
        assert_eq!(
            texts(text, &p),
            [
                "La réunion s'est tenue.",
                "Un accord a été signé.",
                "Lors d’une visite, ils ont signé.",
                "1. la Création d'une commission."
            ]
        );
    }

    #[test]
    fn sentences_end_after_closing_quotes_and_brackets() {
        let text = "Il parle de « coopération ». Ensuite (AES). Les deux… «Oui» dit-il.";
        let p = passages(text, &[]);
        assert_eq!(texts(text, &p), ["Il parle de « coopération ».", "Ensuite (AES).", "Les deux…", "«Oui» dit-il."]);
    }

    #[test]
    fn merge_joins_overlapping_spans() {
        let merged = merge(vec![Span::new(5, 8), Span::new(0, 3), Span::new(2, 6)]);
        assert_eq!(merged, [Span::new(0, 8)]);
    }
}
