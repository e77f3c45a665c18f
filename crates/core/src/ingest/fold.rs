//! Folding for matching headers and values: lower case, no diacritics, and no
//! spaces, dots, hyphens, underscores or other punctuation ("V-Nummer " = "vnummer").

/// The base letter of a Latin letter with a diacritic (others unchanged).
fn base(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' => 's',
        'ž' => 'z',
        'ć' | 'č' => 'c',
        'ğ' => 'g',
        'ı' => 'i',
        _ => c,
    }
}

/// `"Beëindigd door"` → `"beeindigddoor"`; `"V-Nummer "` → `"vnummer"`.
pub fn fold(s: &str) -> String {
    // Most headers and values are ASCII: the same result without Unicode tables (the header
    // search folds every text of a file's first thirty rows).
    if s.is_ascii() {
        return s
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
    }
    fold_chars(s)
}

/// [`fold`] for any text.
fn fold_chars(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(base)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Like [`fold`] but keeps single spaces between words (for names and countries).
pub fn fold_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace() || c == '-' || c == '_' || c == '.' || c == ',') {
        let w = fold(word);
        if !w.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&w);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_path_folds_as_the_unicode_path() {
        let all: String = (0u8..128).map(char::from).collect();
        assert_eq!(fold(&all), fold_chars(&all));
        assert_eq!(
            fold(&all),
            "0123456789abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"
        );
        for a in 0u8..128 {
            for b in [b' ', b'A', b'z', b'-', b'9', 0x7F] {
                let t = String::from_utf8(vec![a, b, a]).unwrap();
                assert_eq!(fold(&t), fold_chars(&t), "{t:?}");
            }
        }
    }

    #[test]
    fn folds_case_diacritics_and_punctuation() {
        assert_eq!(fold("V-Nummer "), "vnummer");
        assert_eq!(fold("v.nr"), "vnr");
        assert_eq!(fold("Beëindigd door"), "beeindigddoor");
        assert_eq!(fold("Somalië"), fold("Somalie"));
        assert_eq!(fold("geb._datum"), "gebdatum");
        assert_eq!(fold_words("den_haag-deelnemers"), "den haag deelnemers");
        assert_eq!(fold_words("  Côte  d'Ivoire "), "cote divoire");
    }
}
