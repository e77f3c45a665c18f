//! A check message for others: without the person's V-nummer, name, values or
//! dates, whatever form they take in the text. Not by looking for the cell's
//! own text (the message quotes a cleaned value: `V-2836026405` becomes
//! `'V2836026405'`), but by meaning:
//!
//! - every quoted part ('…' and "…") is a value from the file;
//! - every run of digits with separators that holds a date or at least six
//!   digits (a V-nummer in any form: spaces, dots, dashes, a prefix, scientific
//!   notation, too short or too long, the normalised value) is data;
//! - a date written with a Dutch month name;
//! - every part of the person's name.

use super::problem::Problem;

/// What takes the place of what was left out.
pub const LEFT_OUT: &str = "…";

const MONTHS: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];

fn is_month(word: &str) -> bool {
    let w = word.to_lowercase();
    let w = w.trim_end_matches('.');
    w.len() >= 3
        && (MONTHS.iter().any(|m| w.starts_with(m))
            || ["maart", "march", "may", "oct", "okt"].iter().any(|m| w.starts_with(m)))
}

/// Quoted parts replaced.
fn unquote(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // An apostrophe inside a word ("ex-AMV's") is not a quote.
        let opens = (c == '"' || c == '\'') && (i == 0 || !chars[i - 1].is_alphanumeric());
        if opens {
            if let Some(end) = (i + 1..chars.len()).find(|&j| chars[j] == c) {
                out.push(c);
                out.push_str(LEFT_OUT);
                out.push(c);
                i = end + 1;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Runs of digits and separators that are a date or hold six digits or more, replaced; also
/// "1 okt 2009" and "14 juli 1991".
fn numbers(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // The run: digits, with single separators between them (and a month name between numbers).
        let mut j = i;
        let mut digits = 0;
        let mut separators = 0;
        let mut month = false;
        loop {
            while j < chars.len() && chars[j].is_ascii_digit() {
                digits += 1;
                j += 1;
            }
            // A separator followed by a digit continues the run.
            if j + 1 < chars.len() && matches!(chars[j], '-' | '/' | '.' | ' ' | ',') && chars[j + 1].is_ascii_digit() {
                separators += 1;
                j += 1;
                continue;
            }
            // "1 okt 2009", "01-okt-2009": a month name between two numbers.
            if j < chars.len() && matches!(chars[j], ' ' | '-') {
                let word_end = (j + 1..chars.len())
                    .find(|&k| !chars[k].is_alphabetic() && chars[k] != '.')
                    .unwrap_or(chars.len());
                let word: String = chars[j + 1..word_end].iter().collect();
                if is_month(&word)
                    && word_end + 1 < chars.len()
                    && matches!(chars[word_end], ' ' | '-')
                    && chars[word_end + 1].is_ascii_digit()
                {
                    month = true;
                    j = word_end + 1;
                    continue;
                }
            }
            // Scientific notation: 2,83603E+09.
            if j + 2 < chars.len()
                && matches!(chars[j], 'E' | 'e')
                && matches!(chars[j + 1], '+' | '-')
                && chars[j + 2].is_ascii_digit()
            {
                j += 2;
                separators += 1;
                digits += 6;
                continue;
            }
            break;
        }
        let date = separators >= 2 && digits >= 4;
        if date || month || digits >= 6 {
            // A prefix letter glued to it (V2836026405, V-283…) goes too.
            if out.ends_with(['V', 'v']) {
                out.pop();
            } else if out.ends_with("V-") || out.ends_with("v-") {
                out.truncate(out.len() - 2);
            }
            out.push_str(LEFT_OUT);
        } else {
            out.extend(&chars[i..j]);
        }
        i = j;
    }
    out
}

/// Every word of a name (two letters or more) replaced where it stands as a word, whatever its case.
fn names(text: &str, name: &str) -> String {
    let parts: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|p| p.chars().count() >= 2)
        .map(str::to_lowercase)
        .collect();
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if parts.contains(&word.to_lowercase()) {
            out.push_str(LEFT_OUT);
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() || c == '\'' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// The message of `p` as others may read it.
pub fn for_others(message: &str, p: &Problem) -> String {
    let mut m = unquote(message);
    m = numbers(&m);
    for secret in [&p.name, &p.value].into_iter().flatten() {
        m = names(&m, secret);
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::problem::{Detail, ProblemKind};

    fn redact(m: &str) -> String {
        for_others(m, &Problem::new(ProblemKind::Letters, Detail::MissingVNummer))
    }

    #[test]
    fn v_nummers_in_every_form() {
        for v in [
            "2836026405",
            "V2836026405",
            "V-2836026405",
            "283 602 6405",
            "283.602.6405",
            "272.735.072",
            "28-36-02-6405",
            "2,83603E+09",
            "12345678901234",
            "2836026",
        ] {
            let m = format!("Gelezen als {v}. Controleer het nummer.");
            let r = redact(&m);
            assert_eq!(r, "Gelezen als …. Controleer het nummer.", "{v}: {r}");
        }
        assert_eq!(redact("'V2836026405' heeft 11 cijfers"), "'…' heeft 11 cijfers");
    }

    #[test]
    fn dates_in_every_form_and_what_stays() {
        for d in [
            "14-07-1991",
            "14/7/1991",
            "1991-07-14",
            "14 jul 1991",
            "14-jul-1991",
            "14 juli 1991",
            "1.7.91",
        ] {
            let r = redact(&format!("Instroom vóór de geboortedatum {d}. Controleer beide datums."));
            assert_eq!(r, "Instroom vóór de geboortedatum …. Controleer beide datums.", "{d}");
        }
        assert_eq!(
            redact("Leeftijd bij instroom is 41 jaar; rij 12, 3 keer. Perspectief is voor ex-AMV's."),
            "Leeftijd bij instroom is 41 jaar; rij 12, 3 keer. Perspectief is voor ex-AMV's."
        );
        let mut p = Problem::new(ProblemKind::Letters, Detail::MissingVNummer);
        p.name = Some("Amina van der Berg".into());
        assert_eq!(for_others("Naam amina VAN DER berg, rij 4", &p), "Naam … … … …, rij 4");
    }
}
