//! An Excel binary workbook (`.xlsb`) walked before calamine reads it. calamine's xlsb reader
//! slices its record buffers and looks up relationship ids without checking (a file of a few
//! bytes made it panic within thirty fuzzing runs). This walk reads the same parts with the
//! same record reader (BIFF12's variable-length types and sizes, one buffer that only grows
//! where calamine's does) and calls the file damaged wherever calamine would index past what
//! the file holds: too-short records, a sheet whose relationship id is not in
//! `workbook.bin.rels`, a shared-string index past the table.

use std::collections::HashMap;
use std::io::Read;

/// calamine would panic on this file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Damaged;

/// BIFF12 records read as calamine reads them: the buffer is resized only when too small, so
/// bytes of a longer earlier record stay behind a shorter one.
struct Records<R: Read> {
    r: R,
    buf: Vec<u8>,
}

impl<R: Read> Records<R> {
    fn byte(&mut self) -> Option<u8> {
        let mut b = [0u8];
        self.r.read_exact(&mut b).ok()?;
        Some(b[0])
    }

    /// The next record's type and length; `None` at the end or on a short read (where calamine
    /// returns an error of its own).
    fn next(&mut self) -> Option<(u16, usize)> {
        let b = self.byte()?;
        let typ = if b & 0x80 == 0x80 {
            u16::from(b & 0x7F) + (u16::from(self.byte()? & 0x7F) << 7)
        } else {
            u16::from(b)
        };
        let mut b = self.byte()?;
        let mut len = usize::from(b & 0x7F);
        for i in 1..4 {
            if b & 0x80 == 0 {
                break;
            }
            b = self.byte()?;
            len += usize::from(b & 0x7F) << (7 * i);
        }
        if self.buf.len() < len {
            self.buf.resize(len, 0);
        }
        self.r.read_exact(&mut self.buf[..len]).ok()?;
        Some((typ, len))
    }
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The relationships calamine finds in `workbook.bin.rels` (Id → Target), found the strict
/// way: only unprefixed `<Relationship` elements outside comments, with both attributes, and
/// no entity in either (calamine would decode one; a mismatch must not pass).
fn relationships(xml: &str) -> HashMap<String, String> {
    let mut text = xml.to_string();
    while let Some(start) = text.find("<!--") {
        let end = text[start..].find("-->").map_or(text.len(), |e| start + e + 3);
        text.replace_range(start..end, "");
    }
    let attribute = |tag: &str, name: &str| -> Option<String> {
        for quote in ['"', '\''] {
            let key = format!(" {name}={quote}");
            if let Some(at) = tag.find(&key) {
                let rest = &tag[at + key.len()..];
                return rest.find(quote).map(|end| rest[..end].to_string());
            }
        }
        None
    };
    let mut out = HashMap::new();
    for piece in text.split('<').skip(1) {
        let Some(rest) = piece.strip_prefix("Relationship") else {
            continue;
        };
        if !rest.starts_with(|c: char| c.is_whitespace()) {
            continue;
        }
        let tag = format!(" {}", rest.split('>').next().unwrap_or(""));
        if let (Some(id), Some(target)) = (attribute(&tag, "Id"), attribute(&tag, "Target")) {
            if !id.contains('&') && !target.contains('&') {
                out.insert(id, target);
            }
        }
    }
    out
}

type Archive<'a> = zip::ZipArchive<std::io::Cursor<&'a [u8]>>;

/// A part found as calamine finds the binary parts: by its name with `\\` as `/` and ASCII case
/// ignored (the last of two such names wins); `exact` for the one it looks up by name.
fn part<'a, 'b>(
    zip: &'a mut Archive<'b>,
    name: &str,
    exact: bool,
) -> Option<Records<zip::read::ZipFile<'a, std::io::Cursor<&'b [u8]>>>> {
    let actual = if exact {
        name.to_string()
    } else {
        let key = name.to_ascii_lowercase();
        zip.file_names()
            .filter_map(|n| n.ok().map(|n| n.into_owned()))
            .filter(|n| n.replace('\\', "/").to_ascii_lowercase() == key)
            .last()
            .unwrap_or_else(|| name.to_string())
    };
    let file = zip.by_name(&actual).ok()?;
    Some(Records {
        r: file,
        buf: Vec::with_capacity(1024),
    })
}

/// Whether calamine would panic reading `bytes` as xlsb. `Ok(())` also when it is no xlsb or
/// calamine would stop with an error of its own.
pub fn check(bytes: &[u8]) -> Result<(), Damaged> {
    let Ok(mut zip) = Archive::new(std::io::Cursor::new(bytes)) else {
        return Ok(());
    };
    // Shared strings: BrtBeginSst's count at bytes 4..8.
    let mut strings = 0u64;
    if let Some(mut sst) = part(&mut zip, "xl/sharedStrings.bin", false) {
        while let Some((typ, _)) = sst.next() {
            if typ == 0x009F {
                strings = u64::from(u32_at(&sst.buf, 4).ok_or(Damaged)?);
                break;
            }
        }
    }
    // Styles: BrtBeginFmts and BrtBeginCellXFs carry a count of four bytes.
    if let Some(mut styles) = part(&mut zip, "xl/styles.bin", false) {
        while let Some((typ, len)) = styles.next() {
            if (typ == 0x0267 || typ == 0x0269) && len < 4 {
                return Err(Damaged);
            }
            if typ == 0x0269 {
                break;
            }
            styles.buf.clear();
        }
    }
    let rels = match part(&mut zip, "xl/_rels/workbook.bin.rels", true) {
        Some(mut f) => {
            let mut xml = Vec::new();
            if f.r.read_to_end(&mut xml).is_err() {
                return Ok(());
            }
            relationships(&String::from_utf8_lossy(&xml))
        }
        None => HashMap::new(),
    };
    // The workbook: the sheets and their relationship ids, then the extern sheets.
    let mut sheets = Vec::new();
    let Some(mut book) = part(&mut zip, "xl/workbook.bin", false) else {
        return Ok(());
    };
    loop {
        let Some((typ, len)) = book.next() else { return Ok(()) };
        match typ {
            0x0099 if len < 1 => return Err(Damaged),
            0x009C => {
                let rel_len = u32_at(&book.buf[..len], 8).ok_or(Damaged)?;
                if rel_len != u32::MAX {
                    let end = 12usize.checked_add(rel_len as usize * 2).ok_or(Damaged)?;
                    let id: Vec<u16> = book.buf[..len]
                        .get(12..end)
                        .ok_or(Damaged)?
                        .chunks_exact(2)
                        .map(|c| u16::from_le_bytes([c[0], c[1]]))
                        .collect();
                    let target = rels.get(&String::from_utf16_lossy(&id)).ok_or(Damaged)?;
                    sheets.push(format!("xl/{target}"));
                }
            }
            0x0090 => break,
            _ => {}
        }
        book.buf.clear();
    }
    while let Some((typ, len)) = book.next() {
        match typ {
            // BrtExternSheet: a count, then twelve bytes per sheet (eight of them read).
            0x016A => {
                let tail = book.buf.len().checked_sub(4).ok_or(Damaged)?;
                if len < 4 || (1..8).contains(&(tail % 12)) {
                    return Err(Damaged);
                }
            }
            0x009D | 0x0225 | 0x018D | 0x0180 | 0x009A | 0x0252 | 0x0229 | 0x009B | 0x0084 => break,
            _ => {}
        }
    }
    drop(book);
    // Each sheet: sixteen bytes by BrtWsDim; a shared-string cell within the table.
    for sheet in sheets {
        let Some(mut s) = part(&mut zip, &sheet, false) else {
            continue;
        };
        let mut dimensioned = false;
        while let Some((typ, len)) = s.next() {
            if !dimensioned {
                if typ == 0x0094 {
                    if s.buf.len() < 16 {
                        return Err(Damaged);
                    }
                    dimensioned = true;
                }
                continue;
            }
            if typ == 0x0007 {
                let index = u32_at(&s.buf[..len], 8).ok_or(Damaged)?;
                if u64::from(index) >= strings {
                    return Err(Damaged);
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relationships_are_found_the_strict_way() {
        let xml = r#"<Relationships><!-- <Relationship Id="rId9" Target="x"/> --><Relationship Id="rId1" Target="worksheets/sheet1.bin"/><r:Relationship Id="rId2" Target="y"/><Relationship Id='rId3' Target='z'/><Relationship Id="a&amp;b" Target="w"/></Relationships>"#;
        let found = relationships(xml);
        assert_eq!(found.get("rId1").map(String::as_str), Some("worksheets/sheet1.bin"));
        assert_eq!(found.get("rId3").map(String::as_str), Some("z"));
        assert_eq!(found.len(), 2, "{found:?}");
    }
}
