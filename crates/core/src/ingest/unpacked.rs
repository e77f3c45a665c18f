//! How much a zip container (xlsx, ods) unpacks to, from its central directory
//! alone: a workbook the browser cannot hold is refused before a cell is read,
//! and so is a zip bomb.

fn u16_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?)))
}

fn u32_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?)))
}

/// The central directory's entries, name and uncompressed size each; `None` when there is no
/// readable directory (the reader then says what is wrong with the file).
fn entries(bytes: &[u8]) -> Option<Vec<(&[u8], u64)>> {
    const END: [u8; 4] = *b"PK\x05\x06";
    const ENTRY: [u8; 4] = *b"PK\x01\x02";
    // The end record is the last 22 bytes, or earlier by a comment of at most 65,535 bytes.
    let from = bytes.len().saturating_sub(22 + 65_535);
    let end = (from..=bytes.len().saturating_sub(22))
        .rev()
        .find(|&i| bytes[i..].starts_with(&END))?;
    let count = u16_at(bytes, end + 10)?;
    let mut at = usize::try_from(u32_at(bytes, end + 16)?).ok()?;
    let mut out = Vec::new();
    for _ in 0..count {
        if !bytes.get(at..)?.starts_with(&ENTRY) {
            return None;
        }
        let name_len = usize::try_from(u16_at(bytes, at + 28)?).ok()?;
        out.push((bytes.get(at + 46..at + 46 + name_len)?, u32_at(bytes, at + 24)?));
        let lengths = u16_at(bytes, at + 28)? + u16_at(bytes, at + 30)? + u16_at(bytes, at + 32)?;
        at = at.checked_add(46 + usize::try_from(lengths).ok()?)?;
    }
    Some(out)
}

/// The sum of the entries' uncompressed sizes; `u64::MAX` when an entry needs ZIP64
/// (4 GB or more); `None` when there is no readable directory.
pub fn unpacked_size(bytes: &[u8]) -> Option<u64> {
    let mut total = 0u64;
    for (_, size) in entries(bytes)? {
        if size == u64::from(u32::MAX) {
            return Some(u64::MAX);
        }
        total = total.saturating_add(size);
    }
    Some(total)
}

/// What the entry whose name ends in `suffix` (ASCII case ignored) unpacks to, as far as it
/// matters against `cap`: the directory's figure when that passes `cap` (`u64::MAX` for ZIP64);
/// otherwise the entry is unpacked as a stream and counted, stopping soon after `cap`, because
/// a directory can claim less than its data holds. `None` when there is no such entry or no
/// readable archive.
pub fn entry_size(bytes: &[u8], suffix: &str, cap: u64) -> Option<u64> {
    let matches = |name: &[u8]| {
        name.len() >= suffix.len() && name[name.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
    };
    let (name, declared) = entries(bytes)?.into_iter().find(|(name, _)| matches(name))?;
    if declared == u64::from(u32::MAX) {
        return Some(u64::MAX);
    }
    if declared > cap {
        return Some(declared);
    }
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let mut part = archive.by_name(std::str::from_utf8(name).ok()?).ok()?;
    let (mut counted, mut buf) = (0u64, vec![0u8; 1 << 16]);
    while counted <= cap {
        match std::io::Read::read(&mut part, &mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => counted += n as u64,
        }
    }
    Some(counted.max(declared))
}

/// The first name that two entries of the central directory share (a reader would take one
/// of them without a word); `None` when all differ or there is no readable directory.
pub fn duplicate_entry(bytes: &[u8]) -> Option<String> {
    let mut seen = std::collections::HashSet::new();
    entries(bytes)?
        .into_iter()
        .find(|(name, _)| !seen.insert(*name))
        .map(|(name, _)| String::from_utf8_lossy(name).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_directory_gives_the_unpacked_size() {
        let zip =
            crate::write::zip::write(&[("a.xml".into(), vec![b'x'; 1000]), ("b.xml".into(), vec![b'y'; 234])]).unwrap();
        assert_eq!(unpacked_size(&zip), Some(1234));
        assert_eq!(unpacked_size(&zip[..zip.len() - 5]), None, "truncated: no end record");
        assert_eq!(unpacked_size(b"PK\x03\x04 not a zip"), None);
        let mut zip64 = zip.clone();
        let entry = zip64.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
        zip64[entry + 24..entry + 28].copy_from_slice(&[0xFF; 4]);
        assert_eq!(unpacked_size(&zip64), Some(u64::MAX));
        assert_eq!(duplicate_entry(&zip), None);
    }
}
