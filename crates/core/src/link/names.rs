//! Name similarity for the fuzzy fallback: Jaro-Winkler on normalised names,
//! robust to the order of first and last name, case, diacritics and common
//! spelling variants.

use crate::ingest::fold::fold_words;

/// Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, up to 4 characters).
pub fn jaro_winkler(a: &str, b: &str) -> f64 {
    if a.is_ascii() && b.is_ascii() && a.len() <= 64 && b.len() <= 64 {
        return jaro_winkler_short_ascii(a.as_bytes(), b.as_bytes());
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    jaro_winkler_of(&a, &b)
}

/// The same algorithm with bit masks for ASCII inputs of at most 64 bytes: for
/// each byte of `a`, the first unmatched equal byte of `b` in the window is the
/// lowest set bit of (positions of that byte in `b`) & window & !matched.
fn jaro_winkler_short_ascii(a: &[u8], b: &[u8]) -> f64 {
    debug_assert!(a.len() <= 64 && b.len() <= 64 && a.is_ascii() && b.is_ascii());
    if a.is_empty() || b.is_empty() {
        return if a.is_empty() && b.is_empty() { 1.0 } else { 0.0 };
    }
    let mut at = [0u64; 128];
    for (j, &c) in b.iter().enumerate() {
        at[c as usize & 127] |= 1 << j;
    }
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let below = |n: usize| if n >= 64 { u64::MAX } else { (1u64 << n) - 1 };
    let (mut a_matched, mut b_matched) = (0u64, 0u64);
    for (i, &c) in a.iter().enumerate() {
        let lo = i.saturating_sub(window);
        let hi = (i + window + 1).min(b.len());
        let free = at[c as usize & 127] & below(hi) & !below(lo) & !b_matched;
        if free != 0 {
            b_matched |= free & free.wrapping_neg();
            a_matched |= 1 << i;
        }
    }
    let matches = a_matched.count_ones() as usize;
    if matches == 0 {
        return 0.0;
    }
    let (mut ai, mut bi, mut transpositions) = (a_matched, b_matched, 0usize);
    while ai != 0 {
        let (i, j) = (ai.trailing_zeros() as usize, bi.trailing_zeros() as usize);
        transpositions += usize::from(a[i] != b[j]);
        ai &= ai - 1;
        bi &= bi - 1;
    }
    let m = matches as f64;
    let jaro = (m / a.len() as f64 + m / b.len() as f64 + (m - transpositions as f64 / 2.0) / m) / 3.0;
    let prefix = a.iter().zip(b).take(4).take_while(|(x, y)| x == y).count() as f64;
    jaro + prefix * 0.1 * (1.0 - jaro)
}

/// The algorithm over any comparable symbols; match flags on the stack for short inputs.
fn jaro_winkler_of<T: PartialEq>(a: &[T], b: &[T]) -> f64 {
    if a.len() > 64 || b.len() > 64 {
        return jaro_winkler_long(a, b);
    }
    let mut a_match = [false; 64];
    let mut b_match = [false; 64];
    jaro_winkler_with(a, b, &mut a_match, &mut b_match)
}

fn jaro_winkler_long<T: PartialEq>(a: &[T], b: &[T]) -> f64 {
    let mut a_match = vec![false; a.len()];
    let mut b_match = vec![false; b.len()];
    jaro_winkler_with(a, b, &mut a_match, &mut b_match)
}

fn jaro_winkler_with<T: PartialEq>(a: &[T], b: &[T], a_match: &mut [bool], b_match: &mut [bool]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut matches = 0usize;
    for i in 0..a.len() {
        let lo = i.saturating_sub(window);
        let hi = (i + window + 1).min(b.len());
        for j in lo..hi {
            if !b_match[j] && a[i] == b[j] {
                a_match[i] = true;
                b_match[j] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let (mut k, mut transpositions) = (0usize, 0usize);
    for i in 0..a.len() {
        if a_match[i] {
            while !b_match[k] {
                k += 1;
            }
            if a[i] != b[k] {
                transpositions += 1;
            }
            k += 1;
        }
    }
    let m = matches as f64;
    let jaro = (m / a.len() as f64 + m / b.len() as f64 + (m - transpositions as f64 / 2.0) / m) / 3.0;
    let prefix = a.iter().zip(b).take(4).take_while(|(x, y)| x == y).count() as f64;
    jaro + prefix * 0.1 * (1.0 - jaro)
}

/// Spelling variants common in transliterated names, folded to one form.
fn variants(word: &str) -> String {
    let mut w = word.to_string();
    for (from, to) in [
        ("ou", "u"),
        ("oe", "u"),
        ("ph", "f"),
        ("kh", "k"),
        ("dj", "j"),
        ("y", "i"),
        ("ee", "i"),
        ("mohammed", "mohamed"),
        ("muhammad", "mohamed"),
        ("mohammad", "mohamed"),
    ] {
        w = w.replace(from, to);
    }
    w
}

/// The words of a name, folded and with variants normalised.
pub fn tokens(name: &str) -> Vec<String> {
    fold_words(name)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(variants)
        .collect()
}

/// A name prepared once for many comparisons: its folded words, sorted and
/// joined by single spaces, and a 64-bit mask of the words' first two letters.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedName {
    joined: String,
    /// Where each word is in `joined`.
    words: Vec<(u32, u32)>,
    starts: u64,
}

impl PreparedName {
    pub fn new(name: &str) -> PreparedName {
        let mut words = tokens(name);
        words.sort();
        let starts = words.iter().fold(0u64, |m, w| m | start_bit(w));
        let mut at = 0u32;
        let bounds = words
            .iter()
            .map(|w| {
                let b = (at, at + w.len() as u32);
                at += w.len() as u32 + 1;
                b
            })
            .collect();
        PreparedName {
            joined: words.join(" "),
            words: bounds,
            starts,
        }
    }

    /// The folded, sorted words joined by single spaces (equal for names that are the same).
    pub fn joined(&self) -> &str {
        &self.joined
    }

    /// The alphabetically first word ("" for an empty name).
    pub fn first_word(&self) -> &str {
        self.words().next().unwrap_or("")
    }

    fn words(&self) -> impl Iterator<Item = &str> + Clone {
        self.words.iter().map(|&(a, b)| &self.joined[a as usize..b as usize])
    }

    /// Whether two names could be alike at all: some word of one may start with
    /// the same two letters as some word of the other (a cheap filter before
    /// [`PreparedName::similarity`]; it never says no to a pair that shares a start).
    pub fn may_match(&self, other: &PreparedName) -> bool {
        self.starts & other.starts != 0
    }

    /// Similarity whatever the order of the words: the best of Jaro-Winkler on
    /// the sorted words and a word-by-word best match.
    pub fn similarity(&self, other: &PreparedName) -> f64 {
        if self.joined.is_empty() || other.joined.is_empty() {
            return 0.0;
        }
        let sorted = jaro_winkler(&self.joined, &other.joined);
        let (na, nb) = (self.words.len(), other.words.len());
        // Each word of the shorter name to its best partner in the other.
        let (short, long, ns, nl) = if na <= nb {
            (self, other, na, nb)
        } else {
            (other, self, nb, na)
        };
        let per_word: f64 = short
            .words()
            .map(|w| long.words().map(|v| jaro_winkler(w, v)).fold(0.0, f64::max))
            .sum::<f64>()
            / ns as f64;
        // Missing words cost a little.
        let coverage = ns as f64 / nl as f64;
        sorted.max(per_word * (0.9 + 0.1 * coverage))
    }
}

/// One of 64 bits for the first two bytes of a word.
fn start_bit(word: &str) -> u64 {
    let b = word.as_bytes();
    let key = (b.first().copied().unwrap_or(0) as u32) * 31 + b.get(1).copied().unwrap_or(0) as u32;
    1u64 << (key.wrapping_mul(2_654_435_761) >> 26)
}

/// Similarity of two names whatever the order of their words (see [`PreparedName::similarity`]).
pub fn similarity(a: &str, b: &str) -> f64 {
    PreparedName::new(a).similarity(&PreparedName::new(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jaro_winkler_reference_values() {
        // Winkler's classic examples.
        assert!((jaro_winkler("martha", "marhta") - 0.9611).abs() < 1e-4);
        assert!((jaro_winkler("dwayne", "duane") - 0.84).abs() < 1e-4);
        assert!((jaro_winkler("dixon", "dicksonx") - 0.8133).abs() < 1e-4);
        assert_eq!(jaro_winkler("abc", "abc"), 1.0);
        assert_eq!(jaro_winkler("abc", "xyz"), 0.0);
    }

    #[test]
    fn bit_mask_path_equals_the_plain_algorithm() {
        let words = [
            "martha", "marhta", "dwayne", "duane", "dixon", "dicksonx", "a", "ab", "ba", "aaaa", "aaab", "",
        ];
        for a in words {
            for b in words {
                let plain = jaro_winkler_of(a.as_bytes(), b.as_bytes());
                assert_eq!(jaro_winkler_short_ascii(a.as_bytes(), b.as_bytes()), plain, "{a} {b}");
            }
        }
        let long = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl";
        assert_eq!(long.len(), 64);
        let other = "bacdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijlk";
        assert_eq!(
            jaro_winkler_short_ascii(long.as_bytes(), other.as_bytes()),
            jaro_winkler_of(long.as_bytes(), other.as_bytes())
        );
    }

    #[test]
    fn order_case_diacritics_and_variants() {
        assert!(similarity("Mohamed Kamara", "KAMARA MOHAMMED") > 0.97);
        assert!(similarity("Traoré Moussa", "Moussa Traore") > 0.99);
        assert!(similarity("Abdoulaye Diallo", "Abdulaye Diallo") > 0.95);
        assert!(similarity("Mohamed Kamara", "Fatmata Sesay") < 0.7);
    }
}
