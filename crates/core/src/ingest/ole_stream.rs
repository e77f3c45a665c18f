//! The "Workbook" stream of an Excel 97–2003 file (an OLE2 compound file, [MS-CFB]), read
//! with budgets, so that the xls reader's records can be checked before calamine reads them:
//! a record of a few bytes can make calamine reserve room for billions of cells. Every chain is
//! bounded by the file's own sector count, so a loop or a lie in the file ends in `None`.

/// Sector numbers from here up are markers, not sectors.
const RESERVED: u32 = 0xFFFF_FFFA;
/// What calamine takes when a DIFAT sector holds no next link.
const END_OF_DIFAT: u32 = 0xFFFF_FFFE;
/// Streams shorter than this live in the mini stream (64-byte sectors).
const MINI_CUTOFF: usize = 4096;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// What is wrong with a compound file that calamine would not survive: a chain of sectors
/// that loops or leaves the file (calamine follows it without a bound, or indexes its sector
/// table with it), or a stream that claims more than the file holds (calamine reads it into
/// one buffer of that size).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BrokenChain;

struct Compound<'a> {
    bytes: &'a [u8],
    sector: usize,
    fat: Vec<u32>,
}

impl Compound<'_> {
    /// The sectors in the file (the last one may be cut short, as calamine allows).
    fn count(&self) -> usize {
        (self.bytes.len().saturating_sub(self.sector)).div_ceil(self.sector)
    }

    fn sector(&self, id: u32) -> Option<&[u8]> {
        let at = (id as usize).checked_add(1)?.checked_mul(self.sector)?;
        let end = at.checked_add(self.sector)?.min(self.bytes.len());
        self.bytes.get(at..end).filter(|s| !s.is_empty())
    }

    /// The stream of the sectors chained from `start` in `table` (sectors of `size` bytes in
    /// `area`), cut to `len`, followed as calamine follows it: up to `len` or the end of the
    /// chain. Every link must be a sector of the area and an entry of the table, and the chain
    /// may not visit more sectors than the area holds.
    fn chain(area: &[u8], size: usize, table: &[u32], start: u32, len: usize) -> Result<Vec<u8>, BrokenChain> {
        const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
        let sectors = area.len().div_ceil(size);
        let mut out = Vec::with_capacity(len.min(area.len()));
        let (mut id, mut hops) = (start, 0usize);
        while id != END_OF_CHAIN {
            hops += 1;
            if hops > sectors + 1 {
                return Err(BrokenChain);
            }
            let at = (id as usize).checked_mul(size).ok_or(BrokenChain)?;
            let data = area
                .get(at..(at + size).min(area.len()))
                .filter(|d| !d.is_empty())
                .ok_or(BrokenChain)?;
            out.extend_from_slice(&data[..data.len().min(len - out.len())]);
            if out.len() >= len {
                break;
            }
            id = *table.get(id as usize).ok_or(BrokenChain)?;
        }
        Ok(out)
    }

    fn stream(&self, start: u32, len: usize) -> Result<Vec<u8>, BrokenChain> {
        Self::chain(
            &self.bytes[self.sector.min(self.bytes.len())..],
            self.sector,
            &self.fat,
            start,
            len,
        )
    }
}

/// A directory entry's name as calamine reads it: all 64 bytes as UTF-16, up to the first NUL.
fn entry_name(e: &[u8]) -> String {
    let units: Vec<u16> = (0..32).filter_map(|i| u16_at(e, 2 * i)).collect();
    let name = String::from_utf16_lossy(&units);
    name.split('\0').next().unwrap_or("").to_string()
}

/// The "Workbook" (or BIFF5's "Book") stream of a compound file, found and read as calamine
/// finds and reads it. `Ok(None)` when calamine would stop with an error of its own before it
/// reads a record (not a compound file, no such stream, an unknown sector size);
/// `Err(BrokenChain)` when it would not stop at all, or run out of memory or bounds.
pub fn workbook_stream(bytes: &[u8]) -> Result<Option<Vec<u8>>, BrokenChain> {
    if !bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") || bytes.len() < 512 {
        return Ok(None);
    }
    let Some(sector) = (match u16_at(bytes, 30) {
        Some(9) => Some(512),
        Some(12) => Some(4096),
        _ => None,
    }) else {
        return Ok(None);
    };
    let header = |at| u32_at(bytes, at).ok_or(BrokenChain);
    let probe = Compound {
        bytes,
        sector,
        fat: Vec::new(),
    };
    let sectors = probe.count();
    // The FAT's sectors: 109 in the header, the rest in the DIFAT chain (bounded by calamine too).
    let mut difat: Vec<u32> = (0..109).filter_map(|i| u32_at(bytes, 76 + 4 * i)).collect();
    let mut next = header(68)?;
    let mut hops = 0;
    // Every sector the structure names must be inside the file: calamine slices past the end
    // of a short file, and asserts that a table sector is whole words.
    let table_sector = |id: u32| probe.sector(id).filter(|s| s.len() % 4 == 0).ok_or(BrokenChain);
    while next < RESERVED {
        hops += 1;
        if hops > sectors + 1 {
            return Err(BrokenChain);
        }
        let s = table_sector(next)?;
        difat.extend((0..s.len() / 4).filter_map(|i| u32_at(s, 4 * i)));
        next = difat.pop().unwrap_or(END_OF_DIFAT);
    }
    let mut fat = Vec::new();
    for id in difat.into_iter().filter(|&id| id < 0xFFFF_FFFC) {
        let s = table_sector(id)?;
        fat.extend((0..s.len() / 4).filter_map(|i| u32_at(s, 4 * i)));
    }
    let file = Compound { bytes, sector, fat };
    // calamine reads the directory chain without a length: it must end.
    let directory = file.stream(header(48)?, usize::MAX)?;
    let entries: Vec<&[u8]> = directory.chunks_exact(128).collect();
    let Some(root) = entries.first() else { return Ok(None) };
    // calamine reads every entry's size into a machine word (and panics where it does not fit).
    if sector == 4096
        && entries.iter().any(|e| {
            e.get(120..128)
                .is_some_and(|b| u64::from_le_bytes(b.try_into().unwrap_or([0; 8])) > u64::from(u32::MAX))
        })
    {
        return Err(BrokenChain);
    }
    let size = |e: &[u8]| -> Result<usize, BrokenChain> {
        let len = if sector == 512 {
            u64::from(u32_at(e, 120).ok_or(BrokenChain)?)
        } else {
            u64::from_le_bytes(
                e.get(120..128)
                    .ok_or(BrokenChain)?
                    .try_into()
                    .map_err(|_| BrokenChain)?,
            )
        };
        // A stream cannot hold more than the file: a larger claim is a loop calamine would fill.
        usize::try_from(len)
            .ok()
            .filter(|&l| l <= bytes.len())
            .ok_or(BrokenChain)
    };
    let mini_fat_sectors = header(64)? as usize;
    let mini = if mini_fat_sectors > 0 {
        let stream = file.stream(u32_at(root, 116).ok_or(BrokenChain)?, size(root)?)?;
        let table_len = mini_fat_sectors
            .checked_mul(sector)
            .filter(|&l| l <= bytes.len())
            .ok_or(BrokenChain)?;
        let table = file.stream(header(60)?, table_len)?;
        if table.len() % 4 != 0 {
            return Err(BrokenChain);
        }
        Some((
            stream,
            (0..table.len() / 4)
                .filter_map(|i| u32_at(&table, 4 * i))
                .collect::<Vec<u32>>(),
        ))
    } else {
        None
    };
    let named = |wanted: &str| entries.iter().find(|e| entry_name(e).eq_ignore_ascii_case(wanted));
    let Some(entry) = named("Workbook").or_else(|| named("Book")) else {
        return Ok(None);
    };
    let (start, len) = (u32_at(entry, 116).ok_or(BrokenChain)?, size(entry)?);
    if len >= MINI_CUTOFF {
        return file.stream(start, len).map(Some);
    }
    match mini {
        Some((stream, table)) => Compound::chain(&stream, 64, &table, start, len).map(Some),
        // A small stream without a mini stream: calamine would index an empty table.
        None => Err(BrokenChain),
    }
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

/// The sheet that makes calamine hold the most cells, and how many: what its DIMENSIONS record
/// declares (calamine reserves that much) or the rectangle around its cells (calamine fills
/// it), looking where calamine looks:
/// the globals up to their end, and each sheet from where BOUNDSHEET says it starts, skipping
/// nested substreams (embedded charts) as calamine does. `None` when the file holds no
/// readable Workbook stream.
pub fn declared_cells(bytes: &[u8]) -> Result<Option<(String, u64)>, BrokenChain> {
    let Some(stream) = workbook_stream(bytes)? else {
        return Ok(None);
    };
    // Records calamine reads without checking their length first, or whose offsets it slices
    // with: too short, or pointing past the stream, is damage (calamine would panic).
    let short = |data: &[u8], at_least: usize| data.len() < at_least;
    let mut sheets = Vec::new();
    for (typ, data) in records(&stream, 0) {
        match typ {
            // BOF, FilePass, CodePage, DateMode, ExternSheet: a 16-bit value first.
            0x0809 | 0x002F | 0x0042 | 0x0022 | 0x0017 if short(data, 2) => return Err(BrokenChain),
            // BoundSheet8: where the sheet starts, its state and type.
            0x0085 => {
                let at = u32_at(data, 0).filter(|_| !short(data, 6)).ok_or(BrokenChain)?;
                if at as usize > stream.len() {
                    return Err(BrokenChain);
                }
                sheets.push((at, sheet_name(data)));
            }
            // Lbl: fixed fields up to byte 14, and a formula of cce bytes at the end.
            0x0018 => {
                let cce = u16_at(data, 4).map(usize::from);
                if short(data, 14) || cce.is_none_or(|c| c > data.len()) {
                    return Err(BrokenChain);
                }
            }
            0x000A => break,
            _ => {}
        }
    }
    let mut most = (String::new(), 0u64);
    for (start, name) in sheets {
        let (mut seen_bof, mut depth) = (false, 0usize);
        // The rectangle around the sheet's cells: calamine makes a range of every cell in it.
        let mut extent: Option<(u32, u32, u32, u32)> = None;
        let mut cover = |row: u32, first: u32, last: u32| {
            let e = extent.get_or_insert((row, row, first, last));
            *e = (e.0.min(row), e.1.max(row), e.2.min(first), e.3.max(last));
        };
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
                // Number, Label, RString, BoolErr, Rk, LabelSst, Formula: one cell each.
                0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                    if let (Some(r), Some(c)) = (u16_at(data, 0), u16_at(data, 2)) {
                        cover(u32::from(r), u32::from(c), u32::from(c));
                    }
                }
                // MulRk: a row of cells from a first to a last column.
                0x00BD if data.len() >= 6 => {
                    if let (Some(r), Some(first), Some(last)) =
                        (u16_at(data, 0), u16_at(data, 2), u16_at(data, data.len() - 2))
                    {
                        cover(u32::from(r), u32::from(first), u32::from(last.max(first)));
                    }
                }
                // MergeCells: a count, then eight bytes per range.
                0x00E5 => {
                    let count = u16_at(data, 0).map(usize::from).ok_or(BrokenChain)?;
                    if data.len() < 2 + 8 * count {
                        return Err(BrokenChain);
                    }
                }
                0x000A => break,
                _ => {}
            }
        }
        if let Some((r0, r1, c0, c1)) = extent {
            let cells = u64::from(r1 - r0 + 1) * u64::from(c1 - c0 + 1);
            if cells > most.1 {
                most = (name.clone(), cells);
            }
        }
    }
    Ok(Some(most))
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
        assert!(!matches!(workbook_stream(&b), Ok(Some(_))));
        assert_eq!(workbook_stream(b"PK\x03\x04"), Ok(None));
    }
}
