//! The file as it travels: `{"format", "content", "checksum"}`, the checksum the SHA-256 (hex)
//! of the content's canonical JSON (object keys sorted, no spaces, numbers as serde_json writes
//! them). Reading refuses another format and an altered content.
//!
//! What the checksum does and does not show: that the content is the one that was sealed, not
//! who sealed it (anyone can compute a SHA-256). The fingerprint printed beside the figures lets
//! a steunpunt compare the file with the fingerprint the researcher announces by another route
//! (a letter, a phone call, the project's site).

use serde_json::Value;
use sha2::{Digest, Sha256};

use super::error::NationalError;
use super::figures::{Content, NationalFigures};
use super::FORMAT;

/// Canonical JSON of a value: keys sorted at every level, no whitespace.
pub fn canonical(v: &Value) -> String {
    match v {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            let fields: Vec<String> = keys
                .into_iter()
                .map(|k| format!("{}:{}", Value::String(k.clone()), canonical(&map[k])))
                .collect();
            format!("{{{}}}", fields.join(","))
        }
        Value::Array(items) => format!("[{}]", items.iter().map(canonical).collect::<Vec<_>>().join(",")),
        other => other.to_string(),
    }
}

fn digest(content: &Value) -> String {
    Sha256::digest(canonical(content).as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The file of a content: its format and checksum added.
pub fn seal(content: Content) -> NationalFigures {
    let value = serde_json::to_value(&content).expect("content is JSON");
    NationalFigures {
        format: FORMAT.into(),
        checksum: digest(&value),
        content,
    }
}

impl NationalFigures {
    /// The file's text (pretty JSON).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("figures are JSON")
    }

    /// Read a file: its format must be [`FORMAT`] and its checksum must match its content.
    pub fn read(text: &str) -> Result<NationalFigures, NationalError> {
        let not_json = |e: serde_json::Error| NationalError::NotJson {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        };
        let value: Value = serde_json::from_str(text).map_err(not_json)?;
        let format = value.get("format").and_then(Value::as_str).unwrap_or_default();
        if format != FORMAT {
            return Err(NationalError::OtherFormat { found: format.into() });
        }
        let invalid = |message: String| NationalError::Invalid { message };
        let content = value.get("content").ok_or_else(|| invalid("content".into()))?;
        let stored = value
            .get("checksum")
            .and_then(Value::as_str)
            .ok_or_else(|| invalid("checksum".into()))?;
        let computed = digest(content);
        if !stored.eq_ignore_ascii_case(&computed) {
            return Err(NationalError::Altered {
                stored: stored.into(),
                computed,
            });
        }
        let content: Content = serde_json::from_value(content.clone()).map_err(|e| invalid(e.to_string()))?;
        Ok(NationalFigures {
            format: FORMAT.into(),
            content,
            checksum: computed,
        })
    }

    /// The first 16 hex digits of the checksum in groups of four (`3f2a 9c1b 7d4e 0a12`): what
    /// a steunpunt compares with the fingerprint the researcher announces.
    pub fn fingerprint(&self) -> String {
        fingerprint(&self.checksum)
    }
}

/// The short form of a checksum.
pub fn fingerprint(checksum: &str) -> String {
    let short: Vec<char> = checksum.chars().take(16).collect();
    short
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_json_sorts_keys_and_drops_spaces() {
        let v: Value = serde_json::from_str(r#"{ "b": [1, {"d": 2.5, "c": "x"}], "a": null }"#).unwrap();
        assert_eq!(canonical(&v), r#"{"a":null,"b":[1,{"c":"x","d":2.5}]}"#);
        assert_eq!(fingerprint("0123456789abcdef0123"), "0123 4567 89ab cdef");
    }
}
