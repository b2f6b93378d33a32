//! French-aware text folding and tokenisation, shared by the annotator (build time) and the
//! search (in the browser).
//!
//! Folding makes "Goïta", "GOITA" and "goïta" equal, and "l’espace" equal to "l'espace":
//! accents are removed whether they are precomposed (`é`) or combining (`e` + U+0301),
//! ligatures are expanded (`œ` → `oe`), and case is lowered. A hand-written table for the
//! Latin scripts French uses keeps the wasm free of full Unicode normalisation tables.
//!
//! Tokens are runs of letters and digits. Apostrophes (straight or typographic) and hyphens
//! separate tokens, which is how elisions are handled: "l'espace" is `l` + `espace`, so a term
//! "espace" matches it, and "qu'il", "d'or", "jusqu’à" likewise.
//!
//! ```
//! use corpus::text::{fold, tokens};
//! assert_eq!(fold("Sergueï GOÏTA œuvre"), "serguei goita oeuvre");
//! let words: Vec<String> = tokens("l’Énergie").into_iter().map(|t| t.folded).collect();
//! assert_eq!(words, ["l", "energie"]);
//! ```

/// A word of a text and where it stands in the original (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first character in the original text.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// Lowercase, accent-free form used for matching.
    pub folded: String,
    /// Accent-free form with case kept, for case-sensitive terms ("or" the metal, not "Or,").
    pub cased: String,
}

/// The accent-free form of a letter, or `None` when the letter has no accent to remove.
fn strip_accent(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => "A",
        'ç' | 'ć' | 'č' => "c",
        'Ç' | 'Ć' | 'Č' => "C",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => "E",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => "I",
        'ñ' | 'ń' | 'ň' => "n",
        'Ñ' | 'Ń' | 'Ň' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => "O",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => "U",
        'ý' | 'ÿ' => "y",
        'Ý' | 'Ÿ' => "Y",
        'š' | 'ś' => "s",
        'Š' | 'Ś' => "S",
        'ž' | 'ź' | 'ż' => "z",
        'Ž' | 'Ź' | 'Ż' => "Z",
        'œ' => "oe",
        'Œ' => "OE",
        'æ' => "ae",
        'Æ' => "AE",
        'ß' => "ss",
        _ => return None,
    })
}

/// Combining diacritical marks: the second half of a decomposed accented letter.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// Whether `c` belongs inside a word. Combining marks do, so "e\u{301}" stays one word.
///
/// ASCII letters and digits are; other characters are unless they stand in a block of
/// punctuation, spaces or symbols (Latin-1 signs, general punctuation such as ’ « » – …,
/// currency, arrows and other symbols). This covers French — and any script's letters —
/// without Unicode's property tables, which would weigh kilobytes of wasm.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !matches!(c,
        '\u{80}'..='\u{BF}' | '\u{D7}' | '\u{F7}'
        | '\u{2000}'..='\u{2BFF}'
        | '\u{3000}'..='\u{303F}'
        | '\u{FE30}'..='\u{FE6F}'
        | '\u{FF00}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}'
        | '\u{FFF0}'..='\u{FFFF}'
    )
}

/// Lower case without Unicode's tables (kilobytes of wasm): ASCII, the basic Greek and
/// Cyrillic capitals by their fixed offsets; accented Latin letters go through
/// [`strip_accent`] first. Other capitals are left as they are.
fn lower(c: char) -> char {
    let code = u32::from(c);
    let shifted = match c {
        'A'..='Z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{DE}' | '\u{391}'..='\u{3A9}' | '\u{410}'..='\u{42F}' => {
            code + 0x20
        }
        '\u{400}'..='\u{40F}' => code + 0x50,
        // Latin Extended-A pairs each capital with the small letter after it: on even code
        // points from Ā to ķ and from Ŋ to ŷ, on odd ones from Ĺ to ň and from Ź to ž.
        '\u{100}'..='\u{137}' | '\u{14A}'..='\u{177}' if code % 2 == 0 => code + 1,
        '\u{139}'..='\u{148}' | '\u{179}'..='\u{17E}' if code % 2 == 1 => code + 1,
        'İ' => u32::from('i'),
        'Ÿ' => u32::from('ÿ'),
        _ => return c,
    };
    char::from_u32(shifted).unwrap_or(c)
}

/// Appends the folded form of `c` to `out`; `keep_case` keeps upper case.
fn push_folded(c: char, keep_case: bool, out: &mut String) {
    if is_combining_mark(c) {
        return;
    }
    match (strip_accent(c), keep_case) {
        (Some(base), true) => out.push_str(base),
        (Some(base), false) => out.extend(base.chars().map(lower)),
        (None, true) => out.push(c),
        (None, false) => out.push(lower(c)),
    }
}

/// Folds a string for comparison: no accents, lower case, typographic apostrophes and
/// non-breaking spaces made plain. Other characters are kept.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' => out.push('\''),
            '\u{00A0}' | '\u{202F}' | '\u{2009}' => out.push(' '),
            _ => push_folded(c, false, &mut out),
        }
    }
    out
}

/// Splits a text into words with their original byte offsets.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut current: Option<Token> = None;
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            let token =
                current.get_or_insert_with(|| Token { start: i, end: i, folded: String::new(), cased: String::new() });
            push_folded(c, false, &mut token.folded);
            push_folded(c, true, &mut token.cased);
            token.end = i + c.len_utf8();
        } else if let Some(token) = current.take() {
            out.push(token);
        }
    }
    out.extend(current);
    out
}

/// The folded words of a phrase, for matching against [`tokens`].
pub fn folded_words(phrase: &str) -> Vec<String> {
    tokens(phrase).into_iter().map(|t| t.folded).collect()
}

/// Collapses every run of white space (including non-breaking spaces) into one plain space
/// and trims the ends: how quotes are compared with the texts they cite.
pub fn normalize_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        folded_words(s)
    }

    #[test]
    fn folding_removes_precomposed_and_combining_accents() {
        assert_eq!(fold("Goïta"), "goita");
        assert_eq!(fold("Goi\u{0308}ta"), "goita");
        assert_eq!(fold("ÉNERGIE Électrique"), "energie electrique");
        assert_eq!(fold("Alousséni"), fold("Alousseni"));
        assert_eq!(fold("œuvre Cœur"), "oeuvre coeur");
    }

    #[test]
    fn folding_lowers_every_latin_capital_the_corpus_may_hold() {
        assert_eq!(fold("ĞŞŁŊŽĲ"), fold("ğşłŋžĳ"));
        assert_eq!(fold("Łódź"), "łodz");
        // Every capital of Latin-1 and Latin Extended-A folds to no capital at all.
        for c in ('\u{C0}'..='\u{17F}').filter(|c| c.is_uppercase()) {
            let folded = fold(&c.to_string());
            assert!(!folded.chars().any(char::is_uppercase), "{c} (U+{:04X}) → {folded}", u32::from(c));
        }
    }

    #[test]
    fn folding_makes_apostrophes_and_spaces_plain() {
        assert_eq!(fold("l’énergie"), "l'energie");
        assert_eq!(fold("l\u{2018}or"), "l'or");
        assert_eq!(fold("a\u{00A0}b"), "a b");
    }

    #[test]
    fn elisions_split_into_separate_words() {
        assert_eq!(words("l'espace"), ["l", "espace"]);
        assert_eq!(words("l’espace"), ["l", "espace"]);
        assert_eq!(words("qu’il"), ["qu", "il"]);
        assert_eq!(words("jusqu'à d'or"), ["jusqu", "a", "d", "or"]);
    }

    #[test]
    fn hyphens_and_punctuation_separate_words() {
        assert_eq!(words("Mali-Russie, Yunus-Bek."), ["mali", "russie", "yunus", "bek"]);
        assert_eq!(words("«carte thermique»"), ["carte", "thermique"]);
    }

    #[test]
    fn tokens_keep_original_byte_offsets() {
        let text = "À l’Énergie";
        let toks = tokens(text);
        assert_eq!(toks.len(), 3);
        assert_eq!(&text[toks[2].start..toks[2].end], "Énergie");
        assert_eq!(toks[2].folded, "energie");
        assert_eq!(toks[2].cased, "Energie");
    }

    #[test]
    fn combining_marks_stay_inside_their_word() {
        let text = "Goi\u{0308}ta arrive";
        let toks = tokens(text);
        assert_eq!(toks.len(), 2);
        assert_eq!(&text[toks[0].start..toks[0].end], "Goi\u{0308}ta");
    }

    #[test]
    fn punctuation_and_symbols_separate_words_in_any_script() {
        assert_eq!(words("«Москва»—Bamako…2025 · x×y"), ["москва", "bamako", "2025", "x", "y"]);
        assert_eq!(words("l’État, c’est"), ["l", "etat", "c", "est"]);
        assert_eq!(words("€50 №7"), ["50", "7"]);
        assert_eq!(fold("ЁЛКА ΑΘΗΝΑ"), "ёлка αθηνα");
    }

    #[test]
    fn whitespace_normalisation_collapses_runs_and_nbsp() {
        assert_eq!(normalize_space("  a \u{00A0}\n b  "), "a b");
    }
}
