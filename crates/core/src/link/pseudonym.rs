//! Keyed pseudonyms for linkage without V-nummers, after clkhash/anonlink:
//! one project secret, a key per field derived from it (HKDF-SHA-256,
//! RFC 5869), and HMAC-SHA-256 (RFC 2104/4231) of the normalised value.
//! Never a plain hash: a 10-digit V-nummer has only 10¹⁰ values and a plain
//! hash of it is reversed by trying them all in seconds. Without the secret a
//! pseudonym reveals nothing; with it, anyone can compute the pseudonym of a
//! V-nummer they already know (and so check whether that person is in a file).
//!
//! The secret is first stretched with Argon2id (RFC 9106; [`KDF`]): a memory-hard
//! function, so that guessing a typed secret costs a third of a second per guess natively
//! and 64 MiB, not a microsecond (HKDF alone is fast by design).
//!
//! Names are not pseudonymised as a whole (a typo would break the match) but
//! encoded as a keyed Bloom filter of their letter pairs (a "cryptographic
//! long-term key", Schnell et al. 2009): similar names give similar filters,
//! compared with the Dice coefficient. By default the filter is hardened
//! ([`NameScheme::Hardened`]): salted with the birth year (Niedermeyer et al.
//! 2014's record salting) and balanced (Schnell & Borgs 2016), against the
//! frequency attacks of `link::attack`.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::date::Date;
use crate::link::names::tokens;

/// Shortest secret a user may type.
pub const MIN_SECRET_CHARS: usize = 16;

/// The project secret. Typed by the user or generated; never stored.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Vec<u8>);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SecretError {
    TooShort {
        chars: usize,
    },
    /// One or two words with a number or a year: found with a word list in minutes.
    Guessable {
        words: usize,
    },
}

const ALPHABET: &[u8; 32] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

impl Secret {
    /// A secret typed by the user (surrounding spaces are ignored): at least
    /// [`MIN_SECRET_CHARS`] characters, and not a word or two with a number (see [`guessable`]).
    pub fn from_text(text: &str) -> Result<Secret, SecretError> {
        let text = text.trim();
        let chars = text.chars().count();
        if chars < MIN_SECRET_CHARS {
            return Err(SecretError::TooShort { chars });
        }
        if let Some(words) = guessable(text) {
            return Err(SecretError::Guessable { words });
        }
        Ok(Secret(text.as_bytes().to_vec()))
    }

    /// A new secret from 20 random bytes (the caller passes them in): 32 letters and
    /// digits in groups of four, 160 bits. Returns the text to show the user once.
    pub fn generate(random: [u8; 20]) -> String {
        let mut bits = 0u64;
        let mut n = 0;
        let mut out = String::new();
        for b in random {
            bits = bits << 8 | b as u64;
            n += 8;
            while n >= 5 {
                n -= 5;
                if out.len() % 5 == 4 {
                    out.push('-');
                }
                out.push(ALPHABET[(bits >> n & 31) as usize] as char);
            }
        }
        out
    }
}

/// A typed secret that a word list finds: at most three runs of letters (words, or words run
/// together), the rest at most eight digits (a year, a date) and punctuation, and no run mixing cases
/// in the middle (a random string has several). `Some(words)` when it is guessable.
pub fn guessable(text: &str) -> Option<usize> {
    let mut runs: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut digits = 0;
    for c in text.chars() {
        if c.is_alphabetic() {
            current.push(c);
        } else {
            if !current.is_empty() {
                runs.push(std::mem::take(&mut current));
            }
            if c.is_ascii_digit() {
                digits += 1;
            }
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    // Capitals inside a run ("mZqvR") are a sign of a random string, not of a word.
    let mixed = runs
        .iter()
        .any(|r| r.chars().skip(1).filter(|c| c.is_uppercase()).count() >= 2);
    let repeated = {
        let mut seen: Vec<char> = text.to_lowercase().chars().collect();
        seen.sort_unstable();
        seen.dedup();
        seen.len() <= 4
    };
    ((runs.len() <= 3 && digits <= 8 && !mixed) || repeated).then_some(runs.len())
}

/// Argon2id as the project secret is stretched: memory in KiB, passes, lanes (RFC 9106).
pub const KDF: (u32, u32, u32) = (65_536, 6, 1);
const KDF_SALT: &[u8] = b"perspectief-projectgeheim-2";

/// The secret stretched into 32 bytes with Argon2id ([`KDF`]).
fn stretch(secret: &[u8]) -> [u8; 32] {
    use argon2::{Algorithm, Argon2, Params, Version};
    let (m, t, p) = KDF;
    let params = Params::new(m, t, p, Some(32)).expect("valid Argon2 parameters");
    let mut out = [0u8; 32];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(secret, KDF_SALT, &mut out)
        .expect("Argon2 takes these inputs");
    out
}

pub fn hmac_sha256(key: &[u8], data: &[u8]) -> [u8; 32] {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(data);
    mac.finalize().into_bytes().into()
}

/// HKDF-SHA-256 (RFC 5869): extract with `salt`, expand to `len` bytes (at most 8160).
pub fn hkdf_sha256(salt: &[u8], ikm: &[u8], info: &[u8], len: usize) -> Vec<u8> {
    let prk = hmac_sha256(salt, ikm);
    let mut out = Vec::with_capacity(len);
    let mut block: Vec<u8> = Vec::new();
    let mut counter = 1u8;
    while out.len() < len {
        let mut input = block.clone();
        input.extend_from_slice(info);
        input.push(counter);
        block = hmac_sha256(&prk, &input).to_vec();
        out.extend_from_slice(&block);
        counter += 1;
    }
    out.truncate(len);
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Bits in a plain name encoding (a Bloom filter), and hash functions per letter pair.
pub const NAME_BITS: usize = 1024;
/// Bits in a hardened name encoding: the filter and its complement, permuted.
pub const HARDENED_BITS: usize = 2 * NAME_BITS;
const NAME_HASHES: u64 = 20;

/// How names are encoded in a linkage file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameScheme {
    /// A keyed Bloom filter of the letter pairs (1024 bits): the encoding of the first linkage
    /// files, kept to read them and for comparison. The same name always gives the same filter, and
    /// the number of set bits tells the name's length.
    Plain,
    /// The letter pairs salted with the birth year, the filter balanced (the filter and its complement,
    /// 2048 bits, permuted with a permutation of the name key): the same name born in another year gives
    /// an unrelated encoding, and every encoding has 1024 bits set, whatever the name's length.
    #[default]
    Hardened,
}

/// The keys of one secret, one per field.
#[derive(Clone)]
pub struct Keys {
    v_nummer: [u8; 32],
    birth_date: [u8; 32],
    name: [u8; 32],
    /// The key of the records' date-test keys (see `date_tests`).
    date_tests: [u8; 32],
    /// Where each bit of a balanced filter goes (from the name key).
    permutation: Vec<u16>,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys(…)")
    }
}

const SALT: &[u8] = b"perspectief-pseudoniemen-2";

/// A name as its encoding sees it: the folded words (with their usual variants), sorted, joined by one space.
pub fn encoded_form(name: &str) -> String {
    let mut words = tokens(name);
    words.sort();
    words.join(" ")
}

impl Keys {
    /// The keys of a secret: Argon2id once (0.35 s natively, measured by `benches/secret_guess.rs`), then HKDF per field.
    pub fn new(secret: &Secret) -> Keys {
        let stretched = stretch(&secret.0);
        let key = |field: &str| -> [u8; 32] {
            hkdf_sha256(SALT, &stretched, field.as_bytes(), 32)
                .try_into()
                .expect("32 bytes")
        };
        let name = key("naam");
        // Fisher–Yates with HMAC of the name key as its random stream.
        let mut permutation: Vec<u16> = (0..HARDENED_BITS as u16).collect();
        for i in (1..HARDENED_BITS).rev() {
            let mut input = b"permutatie".to_vec();
            input.extend_from_slice(&(i as u32).to_le_bytes());
            let h = hmac_sha256(&name, &input);
            let j = (u64::from_le_bytes(h[..8].try_into().expect("8 bytes")) % (i as u64 + 1)) as usize;
            permutation.swap(i, j);
        }
        Keys {
            v_nummer: key("v_nummer"),
            birth_date: key("geboortedatum"),
            name,
            date_tests: key("datumtoetsen"),
            permutation,
        }
    }

    /// The pseudonym of a (normalised, 10-digit) V-nummer: 128 bits as 32 hex digits.
    pub fn v_nummer(&self, v_nummer: &str) -> String {
        hex(&hmac_sha256(&self.v_nummer, v_nummer.as_bytes())[..16])
    }

    /// The key under which a record's date tests are keyed (with its V-nummer).
    pub fn date_tests(&self) -> &[u8; 32] {
        &self.date_tests
    }

    /// The pseudonym of a birth date (ISO form).
    pub fn birth_date(&self, date: Date) -> String {
        hex(&hmac_sha256(&self.birth_date, date.iso().as_bytes())[..16])
    }

    /// The plain keyed encoding of a name ([`NameScheme::Plain`]): its words folded and sorted, letter
    /// pairs (with a space before and after) each setting 20 of 1024 bits.
    pub fn name(&self, name: &str) -> NameEncoding {
        NameEncoding::Plain(self.filter(name, None).unwrap_or([0; NAME_BITS / 64]))
    }

    /// The hardened encoding of a name ([`NameScheme::Hardened`]): each letter pair hashed with the
    /// birth year as a salt (none without a birth date), the filter followed by its complement, the
    /// 2048 bits permuted by the name key. An empty name gives an empty encoding (no bit set).
    pub fn name_hardened(&self, name: &str, birth_year: Option<i32>) -> NameEncoding {
        let salt = birth_year.map(|y| y.to_string()).unwrap_or_default();
        let mut out = [0u64; HARDENED_BITS / 64];
        let Some(filter) = self.filter(name, Some(salt.as_bytes())) else {
            return NameEncoding::Balanced(out);
        };
        for (i, &to) in self.permutation.iter().enumerate() {
            let at = i % NAME_BITS;
            let set = filter[at / 64] >> (at % 64) & 1 == 1;
            if set == (i < NAME_BITS) {
                out[to as usize / 64] |= 1 << (to % 64);
            }
        }
        NameEncoding::Balanced(out)
    }

    /// The encoding of a name under `scheme` (the birth year is the hardened scheme's salt).
    pub fn name_with(&self, name: &str, birth_year: Option<i32>, scheme: NameScheme) -> NameEncoding {
        match scheme {
            NameScheme::Plain => self.name(name),
            NameScheme::Hardened => self.name_hardened(name, birth_year),
        }
    }

    /// The Bloom filter of a name's letter pairs; with a salt, each pair's HMAC input is the salt, a
    /// zero byte and the pair. `None` when the name has no words.
    fn filter(&self, name: &str, salt: Option<&[u8]>) -> Option<[u64; NAME_BITS / 64]> {
        let form = encoded_form(name);
        if form.is_empty() {
            return None;
        }
        let chars: Vec<char> = format!(" {form} ").chars().collect();
        let mut bits = [0u64; NAME_BITS / 64];
        for pair in chars.windows(2) {
            let gram: String = pair.iter().collect();
            let h = match salt {
                None => hmac_sha256(&self.name, gram.as_bytes()),
                Some(salt) => {
                    let mut input = salt.to_vec();
                    input.push(0);
                    input.extend_from_slice(gram.as_bytes());
                    hmac_sha256(&self.name, &input)
                }
            };
            let h1 = u64::from_le_bytes(h[..8].try_into().expect("8 bytes"));
            let h2 = u64::from_le_bytes(h[8..16].try_into().expect("8 bytes")) | 1;
            for i in 0..NAME_HASHES {
                let bit = (h1.wrapping_add(i.wrapping_mul(h2)) % NAME_BITS as u64) as usize;
                bits[bit / 64] |= 1 << (bit % 64);
            }
        }
        Some(bits)
    }
}

/// A keyed encoding of a name's letter pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameEncoding {
    /// A Bloom filter of 1024 bits ([`NameScheme::Plain`]).
    Plain([u64; NAME_BITS / 64]),
    /// A salted Bloom filter with its complement, permuted: 2048 bits, 1024 set ([`NameScheme::Hardened`]).
    Balanced([u64; HARDENED_BITS / 64]),
}

impl NameEncoding {
    fn words(&self) -> &[u64] {
        match self {
            NameEncoding::Plain(w) => w,
            NameEncoding::Balanced(w) => w,
        }
    }

    /// Dice coefficient 2|A∩B| / (|A|+|B|) of the set bits (0 when both are empty). Right for plain
    /// filters; balanced ones all have half their bits set, which lifts it (use [`NameEncoding::similarity`]).
    pub fn dice(&self, other: &NameEncoding) -> f64 {
        let (mut both, mut total) = (0u32, 0u32);
        for (a, b) in self.words().iter().zip(other.words()) {
            both += (a & b).count_ones();
            total += a.count_ones() + b.count_ones();
        }
        if total == 0 {
            0.0
        } else {
            2.0 * both as f64 / total as f64
        }
    }

    /// How alike two names are, 0 to 1, on the scale of the linkage's rule (0.75 or more: alike).
    /// Plain filters: the Dice coefficient. Balanced filters: 1 − 2·h/2048 with h the Hamming
    /// distance, which is 1 − h′/512 with h′ the distance of the filters before balancing: about
    /// the Dice coefficient of a two-word name (whose filter has some 250 of 1024 bits set), since
    /// Dice is 1 − h′/(|A|+|B|). Encodings of different schemes (or an empty one) give 0.
    pub fn similarity(&self, other: &NameEncoding) -> f64 {
        if self.is_empty() || other.is_empty() {
            return 0.0;
        }
        match (self, other) {
            (NameEncoding::Plain(_), NameEncoding::Plain(_)) => self.dice(other),
            (NameEncoding::Balanced(a), NameEncoding::Balanced(b)) => {
                let distance: u32 = a.iter().zip(b).map(|(x, y)| (x ^ y).count_ones()).sum();
                (1.0 - 2.0 * f64::from(distance) / HARDENED_BITS as f64).max(0.0)
            }
            _ => 0.0,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words().iter().all(|w| *w == 0)
    }

    /// The bits set (a plain filter's weight grows with the name's length; a balanced one's is always 1024).
    pub fn weight(&self) -> u32 {
        self.words().iter().map(|w| w.count_ones()).sum()
    }

    /// As hex digits (for a cell of a linkage file): 256 for a plain filter, 512 for a balanced one.
    pub fn to_text(&self) -> String {
        self.words().iter().map(|w| format!("{w:016x}")).collect()
    }

    /// From [`NameEncoding::to_text`]: 256 hex digits are a plain filter (the linkage files made before
    /// hardening), 512 a balanced one; `None` otherwise.
    pub fn parse(text: &str) -> Option<NameEncoding> {
        let text = text.trim();
        if !text.is_ascii() {
            return None;
        }
        fn words<const N: usize>(text: &str) -> Option<[u64; N]> {
            let mut bits = [0u64; N];
            for (i, w) in bits.iter_mut().enumerate() {
                *w = u64::from_str_radix(&text[i * 16..i * 16 + 16], 16).ok()?;
            }
            Some(bits)
        }
        match text.len() {
            n if n == NAME_BITS / 4 => words(text).map(NameEncoding::Plain),
            n if n == HARDENED_BITS / 4 => words(text).map(NameEncoding::Balanced),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unhex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    /// RFC 4231, section 4: every HMAC-SHA-256 test case.
    #[test]
    fn rfc4231_vectors() {
        let long_key = vec![0xaa; 131];
        let cases: [(Vec<u8>, Vec<u8>, &str); 7] = [
            (vec![0x0b; 20], b"Hi There".to_vec(), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
            (b"Jefe".to_vec(), b"what do ya want for nothing?".to_vec(), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
            (vec![0xaa; 20], vec![0xdd; 50], "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
            ((1..=25).collect(), vec![0xcd; 50], "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
            // Test case 5 checks the first 128 bits only.
            (vec![0x0c; 20], b"Test With Truncation".to_vec(), "a3b6167473100ee06e0c796c2955552b"),
            (long_key.clone(), b"Test Using Larger Than Block-Size Key - Hash Key First".to_vec(), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
            (long_key, b"This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.".to_vec(), "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
        ];
        for (key, data, expected) in cases {
            let mac = hmac_sha256(&key, &data);
            assert_eq!(hex(&mac[..expected.len() / 2]), expected);
        }
    }

    /// RFC 5869, appendix A.1 and A.3.
    #[test]
    fn rfc5869_vectors() {
        let okm = hkdf_sha256(
            &unhex("000102030405060708090a0b0c"),
            &[0x0b; 22],
            &unhex("f0f1f2f3f4f5f6f7f8f9"),
            42,
        );
        assert_eq!(
            hex(&okm),
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"
        );
        let okm = hkdf_sha256(&[], &[0x0b; 22], &[], 42);
        assert_eq!(
            hex(&okm),
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"
        );
    }

    fn keys(text: &str) -> Keys {
        Keys::new(&Secret::from_text(text).unwrap())
    }

    #[test]
    fn pseudonyms_are_stable_and_differ_per_secret_and_field() {
        let a = keys("een geheim van het project");
        let b = keys("een ander geheim van het project");
        assert_eq!(
            a.v_nummer("1234567890"),
            keys("een geheim van het project").v_nummer("1234567890")
        );
        assert_eq!(a.v_nummer("1234567890").len(), 32);
        assert_ne!(a.v_nummer("1234567890"), b.v_nummer("1234567890"));
        assert_ne!(a.v_nummer("1234567890"), a.v_nummer("1234567891"));
        let d = Date {
            year: 1990,
            month: 1,
            day: 2,
        };
        assert_ne!(a.birth_date(d), b.birth_date(d));
        // The same text under two fields gives two pseudonyms (a key per field).
        assert_ne!(a.v_nummer("1990-01-02"), a.birth_date(d));
    }

    #[test]
    fn secrets_typed_too_short_are_refused_in_dutch() {
        let e = Secret::from_text("  kort  ").unwrap_err();
        assert_eq!(
            e.to_string(),
            "Het geheim is te kort (4 tekens): gebruik er minstens 16, of laat er een maken."
        );
        let text = Secret::generate([
            7, 201, 33, 90, 14, 250, 61, 128, 77, 3, 190, 45, 219, 98, 12, 166, 240, 55, 130, 9,
        ]);
        assert_eq!(text.len(), 39);
        assert!(text.split('-').all(|g| g.len() == 4), "{text}");
        assert!(Secret::from_text(&text).is_ok());
        assert_ne!(text, Secret::generate([8; 20]));
        // A word and a year, however long, is refused; a sentence of words is not.
        for weak in [
            "Perspectief2026!",
            "perspectiefperspectief",
            "Welkom01-01-2026",
            "aaaaaaaaaaaaaaaaaaaa",
            "Steunpunt Zwolle 2026",
        ] {
            let e = Secret::from_text(weak).unwrap_err();
            assert!(matches!(e, SecretError::Guessable { .. }), "{weak}: {e}");
        }
        assert_eq!(
            Secret::from_text("Perspectief2026!").unwrap_err().to_string(),
            "Dit geheim is te makkelijk te raden: het is één woord met een getal of jaartal. Met een woordenlijst \
             vindt een computer zo'n geheim snel, hoe lang het ook is. Laat een geheim maken (aanbevolen), of typ een \
             zin van minstens vier woorden."
        );
        for strong in [
            "het gras is groen in de lente",
            "K9#mZq2!vR7@pL4w",
            "een geheim van het project 2026",
        ] {
            assert!(Secret::from_text(strong).is_ok(), "{strong}");
        }
    }

    #[test]
    fn name_encodings_are_close_for_close_names_only() {
        let k = keys("een geheim van het project");
        let same = k.name("Ahmed Mohamed").dice(&k.name("mohamed  AHMED"));
        assert_eq!(same, 1.0, "order and case do not matter");
        let typo = k.name("Ahmed Mohamed").dice(&k.name("Ahmad Mohamed"));
        let other = k.name("Ahmed Mohamed").dice(&k.name("Liya Tesfaye"));
        assert!(typo > 0.75 && other < 0.4, "typo {typo}, other {other}");
        // Another secret gives unrelated filters.
        let foreign = keys("een ander geheim van het project").name("Ahmed Mohamed");
        assert!(k.name("Ahmed Mohamed").dice(&foreign) < 0.5);
        let enc = k.name("Ahmed Mohamed");
        assert_eq!(NameEncoding::parse(&enc.to_text()), Some(enc));
        assert_eq!(NameEncoding::parse("zz"), None);
        assert!(k.name("").is_empty());
    }

    #[test]
    fn hardened_encodings_are_stable_salted_and_balanced() {
        let k = keys("een geheim van het project");
        let enc = k.name_hardened("Ahmed Mohamed", Some(1990));
        // Stable per secret, another under another secret.
        assert_eq!(
            enc,
            keys("een geheim van het project").name_hardened("Ahmed Mohamed", Some(1990))
        );
        let foreign = keys("een ander geheim van het project").name_hardened("Ahmed Mohamed", Some(1990));
        assert!(enc.similarity(&foreign) < 0.5, "{}", enc.similarity(&foreign));
        // Another birth year (or none) is another salt: unrelated encodings of the same name.
        for other in [Some(1991), Some(2090), None] {
            let s = enc.similarity(&k.name_hardened("Ahmed Mohamed", other));
            assert!(s < 0.5, "{other:?}: {s}");
        }
        // Balanced: 1024 of 2048 bits set, whatever the name's length.
        for name in ["Bah", "Ahmed Mohamed", "Abdoulaye Gebremedhin Tesfamariam Mansaray"] {
            assert_eq!(k.name_hardened(name, Some(1990)).weight(), 1024, "{name}");
        }
        assert_ne!(k.name("Bah").weight(), k.name("Ahmed Mohamed").weight());
        assert_eq!(k.name_with("Bah", Some(1990), NameScheme::Plain), k.name("Bah"));
        assert!(k.name_hardened("", Some(1990)).is_empty());
        assert_eq!(
            k.name_hardened("", Some(1990))
                .similarity(&k.name_hardened("", Some(1990))),
            0.0
        );
        // The text: 512 hex digits, read back; a plain encoding (256) still reads, and the two
        // schemes do not compare.
        let text = enc.to_text();
        assert_eq!(text.len(), HARDENED_BITS / 4);
        assert_eq!(NameEncoding::parse(&text), Some(enc));
        let plain = NameEncoding::parse(&k.name("Ahmed Mohamed").to_text()).unwrap();
        assert!(matches!(plain, NameEncoding::Plain(_)));
        assert_eq!(plain.similarity(&enc), 0.0);
        assert_eq!(NameEncoding::parse(&text[..300]), None);
    }

    #[test]
    fn hardened_similarity_keeps_the_linkage_rule() {
        let k = keys("een geheim van het project");
        let sim = |a: &str, b: &str| {
            k.name_hardened(a, Some(1995))
                .similarity(&k.name_hardened(b, Some(1995)))
        };
        assert_eq!(
            sim("Ahmed Mohamed", "mohamed  AHMED"),
            1.0,
            "order and case do not matter"
        );
        // One-letter typos stay at or above the linkage's 0.75; other names fall well below.
        for (a, b) in [
            ("Ahmed Mohamed", "Ahmad Mohamed"),
            ("Fatmata Kamara", "Fatmata Kamora"),
            ("Ibrahim Sesay", "Ibrahim Sessay"),
            ("Aminata Bangura", "Aminata Bangora"),
            ("Abdoulaye Gebremedhin", "Abdoulaye Gebremedin"),
        ] {
            let s = sim(a, b);
            assert!(s >= 0.75, "{a} / {b}: {s}");
        }
        for (a, b) in [
            ("Ahmed Mohamed", "Liya Tesfaye"),
            ("Fatmata Kamara", "Ibrahim Sesay"),
            ("Bah Sow", "Issa Kanu"),
        ] {
            let s = sim(a, b);
            assert!(s < 0.5, "{a} / {b}: {s}");
        }
        // Half the name the same: alike, not alike enough.
        let s = sim("Mohamed Kamara", "Mohamed Diallo");
        assert!(s < 0.75, "{s}");
    }
}
