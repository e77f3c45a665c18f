//! The "Workbook" stream of an Excel 97–2003 file (an OLE2 compound file, [MS-CFB]), read
//! with budgets, so that the xls reader's records can be checked before calamine reads them:
//! a record of a few bytes can make calamine reserve room for billions of cells. Every chain is
//! bounded by the file's own sector count, so a loop or a lie in the file ends in `None`.

/// Sector numbers from here up are markers, not sectors.
const RESERVED: u32 = 0xFFFF_FFFA;
/// Streams shorter than this live in the mini stream (64-byte sectors).
const MINI_CUTOFF: usize = 4096;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

struct Compound<'a> {
    bytes: &'a [u8],
    sector: usize,
    fat: Vec<u32>,
}

impl Compound<'_> {
    fn sector(&self, id: u32) -> Option<&[u8]> {
        let at = (id as usize).checked_add(1)?.checked_mul(self.sector)?;
        self.bytes.get(at..at.checked_add(self.sector)?)
    }

    /// The sectors of the chain from `start` in `table`, at most `limit` of them.
    fn chain(table: &[u32], start: u32, limit: usize) -> Option<Vec<u32>> {
        let (mut out, mut id) = (Vec::new(), start);
        while id < RESERVED {
            if out.len() >= limit {
                return None;
            }
            out.push(id);
            id = *table.get(id as usize)?;
        }
        Some(out)
    }

    /// The stream of the regular sectors from `start`, cut to `len`.
    fn stream(&self, start: u32, len: usize) -> Option<Vec<u8>> {
        let ids = Self::chain(&self.fat, start, self.bytes.len() / self.sector + 1)?;
        let mut out = Vec::with_capacity(len.min(self.bytes.len()));
        for id in ids {
            out.extend_from_slice(self.sector(id)?);
            if out.len() >= len {
                break;
            }
        }
        out.truncate(len);
        Some(out)
    }
}

/// The "Workbook" (or BIFF5's "Book") stream of a compound file; `None` when the file does not
/// hold one that can be read within its own size (the reader then says what is wrong).
pub fn workbook_stream(bytes: &[u8]) -> Option<Vec<u8>> {
    if !bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return None;
    }
    let sector = match u16_at(bytes, 30)? {
        9 => 512,
        12 => 4096,
        _ => return None,
    };
    let sectors = bytes.len() / sector + 1;
    // The FAT's sectors: 109 in the header, the rest in the DIFAT chain.
    let mut difat: Vec<u32> = (0..109).filter_map(|i| u32_at(bytes, 76 + 4 * i)).collect();
    let mut next = u32_at(bytes, 68)?;
    let mut hops = 0;
    let probe = Compound {
        bytes,
        sector,
        fat: Vec::new(),
    };
    while next < RESERVED {
        hops += 1;
        if hops > sectors {
            return None;
        }
        let s = probe.sector(next)?;
        let per = sector / 4 - 1;
        difat.extend((0..per).filter_map(|i| u32_at(s, 4 * i)));
        next = u32_at(s, 4 * per)?;
    }
    let mut fat = Vec::new();
    for id in difat.into_iter().filter(|&id| id < RESERVED) {
        if fat.len() / (sector / 4) > sectors {
            return None;
        }
        let s = probe.sector(id)?;
        fat.extend((0..sector / 4).filter_map(|i| u32_at(s, 4 * i)));
    }
    let file = Compound { bytes, sector, fat };
    let directory = file.stream(u32_at(bytes, 48)?, usize::MAX)?;
    let entries: Vec<&[u8]> = directory.chunks_exact(128).collect();
    let named = |e: &&[u8]| {
        let len = usize::from(u16_at(e, 64).unwrap_or(0)).min(64);
        let name: Vec<u16> = (0..len / 2)
            .filter_map(|i| u16_at(e, 2 * i))
            .take_while(|&u| u != 0)
            .collect();
        let name = String::from_utf16_lossy(&name);
        name.eq_ignore_ascii_case("Workbook") || name.eq_ignore_ascii_case("Book")
    };
    let entry = entries.iter().copied().find(|e| named(e))?;
    let (start, len) = (u32_at(entry, 116)?, u32_at(entry, 120)? as usize);
    if len >= MINI_CUTOFF {
        return file.stream(start, len);
    }
    // The mini stream: 64-byte sectors inside the root entry's stream, chained by the mini FAT.
    let root = entries.first()?;
    let mini = file.stream(u32_at(root, 116)?, u32_at(root, 120)? as usize)?;
    let mini_fat_bytes = file.stream(u32_at(bytes, 60)?, u32_at(bytes, 64)? as usize * sector)?;
    let mini_fat: Vec<u32> = (0..mini_fat_bytes.len() / 4)
        .filter_map(|i| u32_at(&mini_fat_bytes, 4 * i))
        .collect();
    let mut out = Vec::with_capacity(len);
    for id in Compound::chain(&mini_fat, start, mini.len() / 64 + 1)? {
        let at = id as usize * 64;
        out.extend_from_slice(mini.get(at..at + 64)?);
    }
    out.truncate(len);
    Some(out)
}

/// The records of a BIFF stream from `at`: (type, data), up to the end of the stream.
pub fn records(stream: &[u8], mut at: usize) -> impl Iterator<Item = (u16, &[u8])> {
    std::iter::from_fn(move || {
        let typ = u16_at(stream, at)?;
        let len = usize::from(u16_at(stream, at + 2)?);
        let data = stream.get(at + 4..at + 4 + len)?;
        at += 4 + len;
        Some((typ, data))
    })
}

/// The cells calamine makes room for on a DIMENSIONS record: its arithmetic, wrapping as in
/// the release build (a first row after the last gives four billion rows).
fn dimension_cells(data: &[u8]) -> Option<u64> {
    let (rf, rl, mut cf, cl) = match data.len() {
        10 => (
            u32::from(u16_at(data, 0)?),
            u32::from(u16_at(data, 2)?),
            u32::from(u16_at(data, 4)?),
            u32::from(u16_at(data, 6)?),
        ),
        14 | 16 => (
            u32_at(data, 0)?,
            u32_at(data, 4)?,
            u32::from(u16_at(data, 8)?),
            u32::from(u16_at(data, 10)?),
        ),
        _ => return None,
    };
    if cf > 0xFF || cl < cf {
        cf = 0;
    }
    let end = if rl >= 1 && cl >= 1 { (rl - 1, cl - 1) } else { (rf, cf) };
    let rows = end.0.wrapping_sub(rf).wrapping_add(1);
    let cols = end.1.wrapping_sub(cf).wrapping_add(1);
    Some(u64::from(rows).saturating_mul(u64::from(cols)))
}

/// A BOUNDSHEET record's sheet name (a short string: length, then Latin-1 or UTF-16 by a flag).
fn sheet_name(data: &[u8]) -> String {
    let (Some(&len), Some(&flags)) = (data.get(6), data.get(7)) else {
        return String::new();
    };
    let text = &data[8.min(data.len())..];
    if flags & 1 == 1 {
        let units: Vec<u16> = (0..usize::from(len)).filter_map(|i| u16_at(text, 2 * i)).collect();
        String::from_utf16_lossy(&units)
    } else {
        text.iter().take(usize::from(len)).map(|&b| char::from(b)).collect()
    }
}

/// The sheet whose DIMENSIONS record declares the most cells, and how many, looking where calamine looks:
/// the globals up to their end, and each sheet from where BOUNDSHEET says it starts, skipping
/// nested substreams (embedded charts) as calamine does. `None` when the file holds no
/// readable Workbook stream.
pub fn declared_cells(bytes: &[u8]) -> Option<(String, u64)> {
    let stream = workbook_stream(bytes)?;
    let mut sheets = Vec::new();
    for (typ, data) in records(&stream, 0) {
        match typ {
            0x0085 => sheets.extend(u32_at(data, 0).map(|at| (at, sheet_name(data)))),
            0x000A => break,
            _ => {}
        }
    }
    let mut most = (String::new(), 0u64);
    for (start, name) in sheets {
        let (mut seen_bof, mut depth) = (false, 0usize);
        for (typ, data) in records(&stream, start as usize) {
            if depth > 0 {
                match typ {
                    0x0809 => depth += 1,
                    0x000A => depth -= 1,
                    _ => {}
                }
                continue;
            }
            match typ {
                0x0809 if seen_bof => depth += 1,
                0x0809 => seen_bof = true,
                0x0200 => {
                    let cells = dimension_cells(data).unwrap_or(0);
                    if cells > most.1 {
                        most = (name.clone(), cells);
                    }
                }
                0x000A => break,
                _ => {}
            }
        }
    }
    Some(most)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dims(rf: u32, rl: u32, cf: u16, cl: u16) -> Vec<u8> {
        [
            rf.to_le_bytes().as_slice(),
            &rl.to_le_bytes(),
            &cf.to_le_bytes(),
            &cl.to_le_bytes(),
            &[0, 0],
        ]
        .concat()
    }

    #[test]
    fn dimensions_count_as_calamine_reserves() {
        assert_eq!(dimension_cells(&dims(0, 3, 0, 7)), Some(21));
        assert_eq!(dimension_cells(&dims(0, 0, 0, 0)), Some(1));
        assert_eq!(
            dimension_cells(&dims(0, u32::MAX, 0, u16::MAX)),
            Some(u64::from(u32::MAX) * 65_535)
        );
        // A first row after the last wraps to four billion rows.
        assert_eq!(dimension_cells(&dims(5, 1, 0, 1)), Some(u64::from(u32::MAX) - 3));
        assert_eq!(dimension_cells(&[0; 3]), None);
    }

    #[test]
    fn a_compound_file_that_lies_gives_nothing_and_does_not_loop() {
        let mut b = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
        b.resize(2048, 0);
        b[30] = 9;
        // The DIFAT chain points at itself; the FAT sector at sector 0 chains to itself.
        b[68..72].copy_from_slice(&0u32.to_le_bytes());
        assert_eq!(workbook_stream(&b), None);
        assert_eq!(workbook_stream(b"PK\x03\x04"), None);
    }
}
