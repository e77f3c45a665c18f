//! How many filled cells an OpenDocument spreadsheet declares, counted from its `content.xml`
//! as a stream before a reader expands it: a repeated range (`number-rows-repeated` ×
//! `number-columns-repeated`) of a few bytes can stand for a hundred million cells. Empty
//! repeated cells (LibreOffice writes a thousand at the end of every row) cost nothing and are
//! not counted.

use std::io::Read;

/// The tag text kept at most (attributes of one element); longer tags are cut.
const MAX_TAG: usize = 4096;

fn attribute(tag: &[u8], name: &[u8]) -> Option<u64> {
    let at = tag.windows(name.len()).position(|w| w == name)?;
    let rest = &tag[at + name.len()..];
    let rest = rest.strip_prefix(b"=\"").or_else(|| rest.strip_prefix(b"='"))?;
    let digits: Vec<u8> = rest.iter().take_while(|b| b.is_ascii_digit()).copied().collect();
    std::str::from_utf8(&digits).ok()?.parse().ok()
}

/// The filled cells `content.xml` declares, per table: (table name, cells) of the first table
/// that passes `limit`, or `None` when none does (or the part cannot be read: the reader then
/// says what is wrong).
pub fn over_limit(bytes: &[u8], limit: u64) -> Option<(String, u64)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let part = archive.by_name("content.xml").ok()?;
    let mut reader = std::io::BufReader::with_capacity(1 << 16, part);
    let (mut table, mut total) = (String::new(), 0u64);
    let (mut rows_repeated, mut row_cells) = (1u64, 0u64);
    let mut tag: Vec<u8> = Vec::new();
    let (mut in_tag, mut buf) = (false, [0u8; 1 << 16]);
    loop {
        let n = reader.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        for &b in &buf[..n] {
            if !in_tag {
                if b == b'<' {
                    in_tag = true;
                    tag.clear();
                }
                continue;
            }
            if b != b'>' {
                if tag.len() < MAX_TAG {
                    tag.push(b);
                }
                continue;
            }
            in_tag = false;
            let closing_self = tag.last() == Some(&b'/');
            if tag.starts_with(b"table:table ") || tag.starts_with(b"table:table>") {
                total = 0;
                table = tag
                    .windows(12)
                    .position(|w| w == b"table:name=\"")
                    .map(|at| {
                        tag[at + 12..]
                            .iter()
                            .take_while(|&&c| c != b'"')
                            .map(|&c| c as char)
                            .collect()
                    })
                    .unwrap_or_default();
            } else if tag.starts_with(b"table:table-row") && !closing_self {
                rows_repeated = attribute(&tag, b"table:number-rows-repeated").unwrap_or(1);
                row_cells = 0;
            } else if tag.starts_with(b"/table:table-row") {
                total = total.saturating_add(rows_repeated.saturating_mul(row_cells));
                if total > limit {
                    return Some((table, total));
                }
            } else if (tag.starts_with(b"table:table-cell") || tag.starts_with(b"table:covered-table-cell"))
                && !closing_self
            {
                row_cells = row_cells.saturating_add(attribute(&tag, b"table:number-columns-repeated").unwrap_or(1));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ods(content: &str) -> Vec<u8> {
        crate::write::zip::write(&[
            (
                "mimetype".into(),
                b"application/vnd.oasis.opendocument.spreadsheet".to_vec(),
            ),
            ("content.xml".into(), content.as_bytes().to_vec()),
        ])
        .unwrap()
    }

    #[test]
    fn repeated_filled_cells_count_and_empty_ones_do_not() {
        let bomb = ods(
            r#"<office:document-content><office:body><office:spreadsheet><table:table table:name="Blad1"><table:table-row table:number-rows-repeated="9900"><table:table-cell table:number-columns-repeated="10000" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#,
        );
        assert!(bomb.len() < 1000);
        assert_eq!(over_limit(&bomb, 25_000_000), Some(("Blad1".to_string(), 99_000_000)));
        // LibreOffice's usual tail: a thousand empty cells per row, a million empty rows.
        let normal = ods(
            r#"<office:document-content><office:body><office:spreadsheet><table:table table:name="Blad1"><table:table-row><table:table-cell office:value-type="string"><text:p>V-nummer</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1023"/></table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#,
        );
        assert_eq!(over_limit(&normal, 25_000_000), None);
    }

    /// Real spreadsheets compress content.xml (deflate): counted the same.
    #[test]
    fn a_compressed_content_part_is_counted_too() {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let deflated = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        w.start_file("content.xml", deflated).unwrap();
        w.write_all(br#"<table:table table:name="T"><table:table-row table:number-rows-repeated="9900"><table:table-cell table:number-columns-repeated="10000" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row></table:table>"#).unwrap();
        let bytes = w.finish().unwrap().into_inner();
        assert_eq!(over_limit(&bytes, 25_000_000), Some(("T".to_string(), 99_000_000)));
    }
}
