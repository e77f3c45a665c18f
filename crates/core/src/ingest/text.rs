//! Text files: decoding (UTF-8 with or without BOM, UTF-16, else
//! Windows-1252) and CSV with the delimiter sniffed.

use super::cells::{Cell, Grid, Note};

pub struct Decoded<'a> {
    /// Borrowed from the bytes when they are UTF-8 already (a large file is not copied).
    pub text: std::borrow::Cow<'a, str>,
    pub encoding: &'static str,
    /// NUL bytes dropped from a text file (a damaged export).
    pub nul_removed: usize,
    /// UTF-8 with a few invalid sequences (each shown as �): the lines that hold one (1-based, the
    /// first ten) and how many lines in all.
    pub invalid_utf8: Option<(Vec<usize>, usize)>,
}

/// Whether text that is not valid UTF-8 is still UTF-8 with a few damaged sequences (rather
/// than Windows-1252, where nearly every non-ASCII byte is invalid UTF-8): at least as many
/// valid multi-byte characters as invalid sequences.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    valid > 0 && valid >= invalid
}

/// The lines (1-based) with an invalid UTF-8 sequence: the first ten, and the count.
fn invalid_lines(bytes: &[u8]) -> (Vec<usize>, usize) {
    let (mut line, mut lines, mut total, mut last) = (1usize, Vec::new(), 0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        line += chunk.valid().bytes().filter(|&b| b == b'\n').count();
        if !chunk.invalid().is_empty() && last != line {
            last = line;
            total += 1;
            if lines.len() < 10 {
                lines.push(line);
            }
        }
    }
    (lines, total)
}

/// UTF-16 without a byte order mark: in text that is mostly ASCII, every other byte is zero.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let pairs: Vec<&[u8]> = bytes.chunks_exact(2).take(2048).collect();
    if pairs.len() < 4 {
        return None;
    }
    let share = |f: &dyn Fn(&[u8]) -> bool| pairs.iter().filter(|p| f(p)).count() * 10 >= pairs.len() * 9;
    if share(&|p| p[1] == 0 && p[0] != 0) {
        Some(encoding_rs::UTF_16LE)
    } else if share(&|p| p[0] == 0 && p[1] != 0) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Decode bytes as text, or `None` for binary data (many NUL bytes outside UTF-16).
pub fn decode(bytes: &[u8]) -> Option<Decoded<'_>> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Some(Decoded {
            text: String::from_utf8_lossy(rest),
            encoding: "UTF-8",
            nul_removed: 0,
            invalid_utf8: None,
        });
    }
    for (bom, enc, label) in [
        (&[0xFF, 0xFE][..], encoding_rs::UTF_16LE, "UTF-16"),
        (&[0xFE, 0xFF][..], encoding_rs::UTF_16BE, "UTF-16"),
    ] {
        if bytes.starts_with(bom) {
            let (text, _, _) = enc.decode(bytes);
            return Some(Decoded {
                text,
                encoding: label,
                nul_removed: 0,
                invalid_utf8: None,
            });
        }
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return Some(Decoded {
            text,
            encoding: "UTF-16 (zonder BOM)",
            nul_removed: 0,
            invalid_utf8: None,
        });
    }
    // Binary data has many NUL bytes; a text file damaged by a few keeps its text.
    let nul = bytes.iter().take(65_536).filter(|&&b| b == 0).count();
    if nul * 10 > bytes.len().min(65_536) {
        return None;
    }
    let nul_removed = if nul == 0 {
        0
    } else {
        bytes.iter().filter(|&&b| b == 0).count()
    };
    match std::str::from_utf8(bytes) {
        Ok(s) => Some(Decoded {
            text: if nul_removed == 0 {
                std::borrow::Cow::Borrowed(s)
            } else {
                std::borrow::Cow::Owned(s.replace('\0', ""))
            },
            encoding: "UTF-8",
            nul_removed,
            invalid_utf8: None,
        }),
        // UTF-8 damaged in a few places stays UTF-8: the damaged lines are named, the rest of
        // the file is not read as another encoding.
        Err(_) if mostly_utf8(bytes) => Some(Decoded {
            text: std::borrow::Cow::Owned(String::from_utf8_lossy(bytes).replace('\0', "")),
            encoding: "UTF-8",
            nul_removed,
            invalid_utf8: Some(invalid_lines(bytes)),
        }),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Some(Decoded {
                text: std::borrow::Cow::Owned(text.replace('\0', "")),
                encoding: "Windows-1252",
                nul_removed,
                invalid_utf8: None,
            })
        }
    }
}

/// Every record's first line (1-based) and its number of fields, by the CSV rules (quoted
/// fields may hold delimiters, newlines and doubled quotes; blank lines are no records),
/// without allocating; `record` returns false to stop. A scan of its own: building a CSV
/// reader per candidate delimiter costs more than reading a small file.
fn each_record(text: &str, delimiter: u8, mut record: impl FnMut(u64, u64) -> bool) {
    let (mut line, mut first_line, mut fields, mut in_record) = (1u64, 1u64, 1u64, false);
    let (mut quoted, mut field_start) = (false, true);
    let mut bytes = text.bytes().peekable();
    while let Some(b) = bytes.next() {
        if b == b'\n' {
            line += 1;
        }
        if quoted {
            if b == b'"' {
                if bytes.peek() == Some(&b'"') {
                    bytes.next();
                } else {
                    quoted = false;
                }
            }
            continue;
        }
        if b == b'\n' || b == b'\r' {
            if in_record && !record(first_line, fields) {
                return;
            }
            (fields, in_record, field_start) = (1, false, true);
            continue;
        }
        if !in_record {
            (first_line, in_record) = (line, true);
        }
        match b {
            _ if b == delimiter => (fields, field_start) = (fields + 1, true),
            b'"' if field_start => (quoted, field_start) = (true, false),
            _ => field_start = false,
        }
    }
    if in_record {
        record(first_line, fields);
    }
}

/// Fields per record of the first `limit` records with this delimiter.
fn field_counts(text: &str, delimiter: u8, limit: usize) -> Vec<usize> {
    let mut counts = Vec::new();
    if limit > 0 {
        each_record(text, delimiter, |_, fields| {
            counts.push(fields as usize);
            counts.len() < limit
        });
    }
    counts
}

/// The line (1-based) with the most fields, and how many: counted without allocating, so that
/// a file can be refused before it is split into cells.
pub fn widest_line(text: &str, delimiter: u8) -> (u64, u64) {
    let mut best = (0u64, 0u64);
    each_record(text, delimiter, |line, fields| {
        if fields > best.1 {
            best = (line, fields);
        }
        true
    });
    best
}

/// Choose `;`, tab, `,` or `|`: the one that splits the most lines into the same, largest number of fields.
pub fn sniff(text: &str) -> u8 {
    let mut best = (b';', 0usize);
    for d in [b';', b'\t', b',', b'|'] {
        let mut freq = std::collections::HashMap::new();
        for fields in field_counts(text, d, 100).into_iter().filter(|&f| f > 1) {
            *freq.entry(fields).or_insert(0usize) += 1;
        }
        let score = freq.iter().map(|(fields, n)| n * fields.min(&50)).max().unwrap_or(0);
        if score > best.1 {
            best = (d, score);
        }
    }
    best.0
}

/// The CSV as a grid with `delimiter` (see [`sniff`]), and notes (lines that seem to use another delimiter).
/// How many line breaks a quoted field may span before it counts as a quote left open.
const MAX_QUOTED_LINES: usize = 10;

/// The quotes that open a field and are not closed within [`MAX_QUOTED_LINES`] line breaks (or
/// not at all), each read on as an ordinary character: byte offsets and lines (1-based), at
/// most `limit`.
fn open_quotes(text: &str, delimiter: u8, limit: usize) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let (mut line, mut field_start, mut i) = (1usize, true, 0usize);
    while i < bytes.len() && found.len() < limit {
        let b = bytes[i];
        if b == b'"' && field_start {
            let (start, start_line) = (i, line);
            let (mut j, mut breaks, mut closed) = (i + 1, 0usize, false);
            while j < bytes.len() && breaks <= MAX_QUOTED_LINES {
                match bytes[j] {
                    b'"' if bytes.get(j + 1) == Some(&b'"') => j += 2,
                    b'"' => {
                        closed = true;
                        break;
                    }
                    b'\n' => {
                        breaks += 1;
                        j += 1;
                    }
                    _ => j += 1,
                }
            }
            if closed {
                line += breaks;
                i = j + 1;
                field_start = false;
            } else {
                // Left open: the quote is a character, and reading goes on right after it.
                found.push((start, start_line));
                i = start + 1;
                field_start = false;
            }
            continue;
        }
        if b == b'\n' {
            line += 1;
            field_start = true;
        } else {
            field_start = b == delimiter || b == b'\r';
        }
        i += 1;
    }
    found
}

pub fn csv_grid(text: &str, delimiter: u8) -> (Grid, Vec<Note>) {
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    // A quote left open would swallow the rest of the file into one cell: read it as a
    // character instead, and say where it is.
    let open = open_quotes(text, delimiter, 100_000);
    let owned = (!open.is_empty()).then(|| {
        let mut t = String::with_capacity(text.len());
        let mut from = 0;
        for &(at, _) in &open {
            t.push_str(&text[from..at]);
            from = at + 1;
        }
        t.push_str(&text[from..]);
        notes.push(Note::OpenQuote {
            lines: open.iter().take(10).map(|&(_, line)| line).collect(),
            total: open.len(),
        });
        t
    });
    let text = owned.as_deref().unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut odd_lines = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        match rec {
            Ok(r) => {
                if r.len() == 1 {
                    let f = &r[0];
                    let other = [b';', b',', b'\t']
                        .into_iter()
                        .find(|&d| d != delimiter && f.as_bytes().contains(&d));
                    if let Some(other) = other {
                        odd_lines.push(i + 1);
                        // The line is read with its own delimiter rather than lost as one cell.
                        let mut line = csv::ReaderBuilder::new()
                            .delimiter(other)
                            .has_headers(false)
                            .flexible(true)
                            .from_reader(f.as_bytes());
                        if let Some(Ok(fields)) = line.records().next() {
                            rows.push(
                                fields
                                    .iter()
                                    .map(|s| {
                                        if s.trim().is_empty() {
                                            Cell::Empty
                                        } else {
                                            Cell::Text(s.to_string())
                                        }
                                    })
                                    .collect(),
                            );
                            continue;
                        }
                    }
                }
                rows.push(
                    r.iter()
                        .map(|s| {
                            if s.trim().is_empty() {
                                Cell::Empty
                            } else {
                                Cell::Text(s.to_string())
                            }
                        })
                        .collect(),
                );
            }
            Err(e) => notes.push(Note::LineUnreadable {
                line: i + 1,
                detail: e.to_string(),
            }),
        }
    }
    if !odd_lines.is_empty() {
        let shown: Vec<String> = odd_lines.iter().take(10).map(|l| l.to_string()).collect();
        notes.push(Note::MixedDelimiters {
            lines: odd_lines.len(),
            delimiter: if delimiter == b'\t' {
                "tab".to_string()
            } else {
                char::from(delimiter).to_string()
            },
            first: shown,
        });
    }
    (
        Grid {
            sheet: String::new(),
            first_row: 1,
            first_col: 0,
            rows,
        },
        notes,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        let cp1252 = encoding_rs::WINDOWS_1252.encode("Beëindigd door").0.into_owned();
        let d = decode(&cp1252).unwrap();
        assert_eq!((&*d.text, d.encoding), ("Beëindigd door", "Windows-1252"));
        let bom = [&[0xEF, 0xBB, 0xBF][..], "Beëindigd".as_bytes()].concat();
        assert_eq!(decode(&bom).unwrap().text, "Beëindigd");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("a;b".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16).unwrap().text, "a;b");
        assert!(decode(&[0u8; 100]).is_none());
    }

    #[test]
    fn delimiters_and_quoted_newlines() {
        assert_eq!(
            field_counts("a;\"b;\n\"\"c\";d\r\n\r\n1;2\nx\"y;z", b';', 10),
            [3, 2, 2]
        );
        assert_eq!(field_counts("a;b\n1;2\n3;4\n", b';', 2), [2, 2]);
        assert_eq!(sniff("a;b;c\n1,5;2;3\n"), b';');
        assert_eq!(sniff("a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff("a\tb\tc\n1\t2\t3\n"), b'\t');
        let t = "naam;opmerking\n\"Ali\";\"regel 1\nregel 2\"\n";
        let d = sniff(t);
        let (g, notes) = csv_grid(t, d);
        assert_eq!(d, b';');
        assert!(notes.is_empty());
        assert_eq!(g.rows[1][1], Cell::Text("regel 1\nregel 2".into()));
    }

    #[test]
    fn mixed_delimiters_are_noted() {
        let t = "a;b;c\n1;2;3\n4;5;6\n7,8,9\n";
        let d = sniff(t);
        let (_, notes) = csv_grid(t, d);
        assert_eq!(d, b';');
        assert_eq!(
            notes,
            [Note::MixedDelimiters {
                lines: 1,
                delimiter: ";".into(),
                first: vec!["4".into()],
            }]
        );
        use crate::messages::Localized;
        assert!(notes[0]
            .text(crate::locale::Locale::Nl)
            .starts_with("Gemengde scheidingstekens: 1 regel(s)"));
        assert!(notes[0]
            .text(crate::locale::Locale::En)
            .starts_with("Mixed delimiters: 1 line uses another delimiter than ';' (line 4); they were read with their own delimiter."));
    }
}

#[cfg(test)]
mod utf8_tests {
    use super::decode;

    #[test]
    fn utf8_damaged_in_one_place_stays_utf8_and_names_the_line() {
        // Line 3 holds a stray 0xFF, line 4 a stray 0xFE; the rest is good UTF-8.
        let mut bytes = "Naam;Land\nJosé;Somalië\nAïcha ".as_bytes().to_vec();
        bytes.push(0xff);
        bytes.extend_from_slice(";Eritrea\nZoë;Ethiopi".as_bytes());
        bytes.push(0xfe);
        bytes.extend_from_slice("\n".as_bytes());
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(
            d.text.contains("Somalië") && d.text.contains("Zoë") && d.text.contains("Aïcha"),
            "{}",
            d.text
        );
        let (lines, total) = d.invalid_utf8.unwrap();
        assert_eq!((lines, total), (vec![3, 4], 2));
        // A Windows-1252 file (every non-ASCII byte invalid as UTF-8) is still read as one.
        let cp1252 = b"Naam;Land\nJos\xe9;Somali\xeb\nZo\xeb;Ethiopi\xeb\n";
        let d = decode(cp1252).unwrap();
        assert_eq!(d.encoding, "Windows-1252");
        assert!(d.text.contains("José") && d.invalid_utf8.is_none());
    }
}

#[cfg(test)]
mod quote_tests {
    use super::{csv_grid, sniff};
    use crate::ingest::cells::Note;

    #[test]
    fn a_quote_left_open_loses_no_rows_and_says_where() {
        let mut text = String::from("Steunpunt;V-nummer;Naam\n");
        for i in 0..43 {
            let open = if i == 4 { "\"" } else { "" };
            text.push_str(&format!("Zwolle;{open}01234567{i:02};Persoon {i}\n"));
        }
        let (grid, notes) = csv_grid(&text, sniff(&text));
        assert_eq!(grid.rows.len(), 44, "every line a row");
        assert!(
            matches!(&notes[..], [Note::OpenQuote { lines, total: 1 }] if lines == &[6]),
            "{notes:?}"
        );
        // A quoted field over a few lines is a cell with line breaks, not an open quote.
        let t = "a;b\n1;\"regel een\nregel twee\nregel drie\"\n2;x\n";
        let (grid, notes) = csv_grid(t, sniff(t));
        assert_eq!(grid.rows.len(), 3);
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn a_line_with_another_delimiter_is_read_with_it() {
        let t = "Steunpunt;V-nummer;Naam\nZwolle;0123456789;Ali\nZwolle,0223456789,Bo\n";
        let (grid, notes) = csv_grid(t, sniff(t));
        assert_eq!(grid.rows[2].len(), 3, "{:?}", grid.rows[2]);
        assert!(
            matches!(&notes[..], [Note::MixedDelimiters { lines: 1, .. }]),
            "{notes:?}"
        );
    }
}
