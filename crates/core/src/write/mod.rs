//! Writers from [`Sheet`](crate::table::Sheet)s to file bytes (no I/O: the caller saves them).

pub mod csv;
pub mod docx;
pub mod xlsx;
pub mod zip;

/// Text as HTML text or attribute value: `&`, `<`, `>` and `"` escaped (the report, the
/// generated text, the national overview).
pub fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A file name made from data (a variable, a file's name) safe to write in a folder or a zip:
/// path separators, `:` and control characters become `_`, a run of dots becomes one, no
/// leading dot or space, at most 120 characters; never empty.
pub fn safe_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        let c = if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
            '_'
        } else {
            c
        };
        if c == '.' && out.ends_with('.') {
            continue;
        }
        out.push(c);
    }
    let out: String = out
        .trim_start_matches(['.', ' '])
        .trim_end_matches([' ', '.'])
        .chars()
        .take(120)
        .collect();
    if out.is_empty() {
        "_".to_string()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::safe_name;

    #[test]
    fn names_from_data_stay_in_their_folder() {
        assert_eq!(safe_name("koppelbestand-tilburg.csv"), "koppelbestand-tilburg.csv");
        assert_eq!(safe_name("01-boom-x/../../y.json"), "01-boom-x_._._y.json");
        assert_eq!(safe_name("tilburg\\..\\..\\evil.csv"), "tilburg_._._evil.csv");
        assert_eq!(safe_name("../../etc/passwd"), "_._etc_passwd");
        assert_eq!(safe_name("a\u{1b}]0;title\u{7}b"), "a_]0;title_b");
        assert_eq!(safe_name("..."), "_");
        assert_eq!(safe_name("C:evil"), "C_evil");
        assert_eq!(safe_name(&"x".repeat(300)).len(), 120);
        for evil in ["x/../../y", "..\\..\\y", "/etc/x", "a\0b"] {
            let safe = safe_name(evil);
            assert!(
                !safe.contains('/') && !safe.contains('\\') && !safe.contains("..") && !safe.contains('\0'),
                "{safe}"
            );
        }
    }
}
