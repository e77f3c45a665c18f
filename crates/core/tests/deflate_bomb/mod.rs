//! A zip entry that unpacks to far more than it takes, without compressing it all: one chunk
//! deflated with a full flush (its blocks end on a byte and refer to nothing before them), so
//! the same compressed bytes can follow each other as often as wanted. The archive is written
//! by hand so that its directory can also claim another size than the data holds.

/// One stored part, or a deflated one: its compressed bytes, what it unpacks to and its CRC.
pub struct Part {
    pub name: &'static str,
    pub method: u16,
    pub data: Vec<u8>,
    pub size: u64,
    pub crc: u32,
}

impl Part {
    pub fn stored(name: &'static str, data: &[u8]) -> Part {
        let mut crc = flate2::Crc::new();
        crc.update(data);
        Part {
            name,
            method: 0,
            data: data.to_vec(),
            size: data.len() as u64,
            crc: crc.sum(),
        }
    }

    /// `head`, then `chunk` `times` over, then `tail`, deflated.
    pub fn repeated(name: &'static str, head: &[u8], chunk: &[u8], times: usize, tail: &[u8]) -> Part {
        let segment = |data: &[u8], flush| {
            let mut c = flate2::Compress::new(flate2::Compression::best(), false);
            let mut out = Vec::with_capacity(data.len() + 4096);
            c.compress_vec(data, &mut out, flush).unwrap();
            assert_eq!(c.total_in(), data.len() as u64);
            out
        };
        let full = flate2::FlushCompress::Full;
        let once = segment(chunk, full);
        let mut data = segment(head, full);
        let mut crc = flate2::Crc::new();
        crc.update(head);
        for _ in 0..times {
            data.extend_from_slice(&once);
            crc.update(chunk);
        }
        data.extend(segment(tail, flate2::FlushCompress::Finish));
        crc.update(tail);
        let size = (head.len() + chunk.len() * times + tail.len()) as u64;
        Part {
            name,
            method: 8,
            data,
            size,
            crc: crc.sum(),
        }
    }
}

/// The archive; the directory (and the local header) claim `claimed(part)` as each part's size.
pub fn archive(parts: &[Part], claimed: impl Fn(&Part) -> u64) -> Vec<u8> {
    let header = |out: &mut Vec<u8>, part: &Part| {
        out.extend(20u16.to_le_bytes()); // version needed
        out.extend(0u16.to_le_bytes()); // flags
        out.extend(part.method.to_le_bytes());
        out.extend([0, 0, 0x21, 0]); // 00:00, 1-1-1980
        out.extend(part.crc.to_le_bytes());
        out.extend(u32::try_from(part.data.len()).unwrap().to_le_bytes());
        out.extend(u32::try_from(claimed(part)).unwrap().to_le_bytes());
        out.extend(u16::try_from(part.name.len()).unwrap().to_le_bytes());
        out.extend(0u16.to_le_bytes()); // extra field
    };
    let (mut out, mut directory) = (Vec::new(), Vec::new());
    for part in parts {
        let offset = u32::try_from(out.len()).unwrap();
        out.extend(b"PK\x03\x04");
        header(&mut out, part);
        out.extend(part.name.as_bytes());
        out.extend(&part.data);
        directory.extend(b"PK\x01\x02");
        directory.extend(20u16.to_le_bytes()); // made by
        header(&mut directory, part);
        directory.extend([0u8; 6]); // comment, disk, internal attributes
        directory.extend(0u32.to_le_bytes()); // external attributes
        directory.extend(offset.to_le_bytes());
        directory.extend(part.name.as_bytes());
    }
    let at = u32::try_from(out.len()).unwrap();
    let count = u16::try_from(parts.len()).unwrap().to_le_bytes();
    out.extend(&directory);
    out.extend(b"PK\x05\x06");
    out.extend([0u8; 4]);
    out.extend(count);
    out.extend(count);
    out.extend(u32::try_from(directory.len()).unwrap().to_le_bytes());
    out.extend(at.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}
