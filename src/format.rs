//! Human-readable formatting for the French-first UI.

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
    use super::human_size;

    #[test]
    fn sizes_use_french_units_and_decimal_comma() {
        assert_eq!(human_size(0), "0 o");
        assert_eq!(human_size(1023), "1023 o");
        assert_eq!(human_size(1024), "1,0 Ko");
        assert_eq!(human_size(5992), "5,9 Ko");
        assert_eq!(human_size(3 * 1024 * 1024 / 2), "1,5 Mo");
    }
}
