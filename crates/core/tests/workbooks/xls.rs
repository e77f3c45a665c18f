//! A minimal Excel 97–2003 workbook (`.xls`: BIFF8 records in an OLE2 compound file), written
//! here because no tool on the build machine writes one: one sheet of text and number cells,
//! numbers optionally shown as dates (built-in format 14), in the 1900 or the 1904 date system,
//! and the sheet's DIMENSIONS record as given (a crafted one claims more than the sheet holds).
//! Written from the public format documentation ([MS-XLS], [MS-CFB]).

/// A cell's value.
pub enum Value {
    Text(String),
    Number(f64),
    /// A serial day number shown with the date format.
    Date(f64),
}

fn record(out: &mut Vec<u8>, typ: u16, data: &[u8]) {
    out.extend(typ.to_le_bytes());
    out.extend(u16::try_from(data.len()).unwrap().to_le_bytes());
    out.extend(data);
}

fn bof(out: &mut Vec<u8>, kind: u16) {
    let mut d = Vec::new();
    d.extend(0x0600u16.to_le_bytes()); // BIFF8
    d.extend(kind.to_le_bytes()); // 0x0005 globals, 0x0010 worksheet
    d.extend(0x0DBBu16.to_le_bytes());
    d.extend(0x07CCu16.to_le_bytes());
    d.extend(0u32.to_le_bytes());
    d.extend(6u32.to_le_bytes());
    record(out, 0x0809, &d);
}

fn xf(out: &mut Vec<u8>, format: u16) {
    let mut d = vec![0u8; 20];
    d[2..4].copy_from_slice(&format.to_le_bytes());
    record(out, 0x00E0, &d);
}

/// The Workbook stream: globals (date system, two cell formats, the sheet), then the sheet.
/// `dimensions` is (first row, last row + 1, first column, last column + 1).
pub fn workbook_stream(
    sheet: &str,
    rows: &[Vec<Value>],
    date1904: bool,
    dimensions: Option<(u32, u32, u16, u16)>,
) -> Vec<u8> {
    workbook_stream_with(sheet, rows, date1904, dimensions, &[])
}

/// [`workbook_stream`] with text cells at given places after the rows (a stray cell far away).
pub fn workbook_stream_with(
    sheet: &str,
    rows: &[Vec<Value>],
    date1904: bool,
    dimensions: Option<(u32, u32, u16, u16)>,
    extra: &[(u16, u16, &str)],
) -> Vec<u8> {
    let mut globals = Vec::new();
    bof(&mut globals, 0x0005);
    record(&mut globals, 0x0022, &u16::from(date1904).to_le_bytes());
    xf(&mut globals, 0); // 0: General
    xf(&mut globals, 14); // 1: a date
    let name: Vec<u8> = sheet.bytes().collect();
    assert!(sheet.is_ascii() && name.len() < 256);
    let bound_at = globals.len() + 4; // where BOUNDSHEET's offset field will be
    let mut bound = vec![0u8; 4];
    bound.extend([0, 0, name.len() as u8, 0]);
    bound.extend(&name);
    record(&mut globals, 0x0085, &bound);
    record(&mut globals, 0x000A, &[]);
    let at = u32::try_from(globals.len()).unwrap();
    globals[bound_at..bound_at + 4].copy_from_slice(&at.to_le_bytes());

    let mut s = Vec::new();
    bof(&mut s, 0x0010);
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let (r0, r1, c0, c1) = dimensions.unwrap_or((0, rows.len() as u32, 0, width as u16));
    let mut d = Vec::new();
    d.extend(r0.to_le_bytes());
    d.extend(r1.to_le_bytes());
    d.extend(c0.to_le_bytes());
    d.extend(c1.to_le_bytes());
    d.extend(0u16.to_le_bytes());
    record(&mut s, 0x0200, &d);
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            let mut d = Vec::new();
            d.extend(u16::try_from(r).unwrap().to_le_bytes());
            d.extend(u16::try_from(c).unwrap().to_le_bytes());
            match value {
                Value::Text(t) if t.is_empty() => continue,
                Value::Text(t) => {
                    let units: Vec<u16> = t.encode_utf16().collect();
                    d.extend(0u16.to_le_bytes());
                    d.extend(u16::try_from(units.len()).unwrap().to_le_bytes());
                    d.push(1); // UTF-16
                    d.extend(units.iter().flat_map(|u| u.to_le_bytes()));
                    record(&mut s, 0x0204, &d);
                }
                Value::Number(x) | Value::Date(x) => {
                    d.extend(u16::from(matches!(value, Value::Date(_))).to_le_bytes());
                    d.extend(x.to_le_bytes());
                    record(&mut s, 0x0203, &d);
                }
            }
        }
    }
    for &(row, col, text) in extra {
        let units: Vec<u16> = text.encode_utf16().collect();
        let mut d = Vec::new();
        d.extend(row.to_le_bytes());
        d.extend(col.to_le_bytes());
        d.extend(0u16.to_le_bytes());
        d.extend(u16::try_from(units.len()).unwrap().to_le_bytes());
        d.push(1);
        d.extend(units.iter().flat_map(|u| u.to_le_bytes()));
        record(&mut s, 0x0204, &d);
    }
    record(&mut s, 0x000A, &[]);
    globals.extend(s);
    globals
}

/// `stream` as the "Workbook" stream of a compound file (version 3, 512-byte sectors): a FAT
/// sector, a directory sector, then the stream (at least 4,096 bytes, so not in the mini stream).
pub fn compound_file(stream: &[u8]) -> Vec<u8> {
    const FREE: u32 = 0xFFFF_FFFF;
    const END: u32 = 0xFFFF_FFFE;
    let mut data = stream.to_vec();
    data.resize(data.len().max(4096).div_ceil(512) * 512, 0);
    let sectors = data.len() / 512;
    // FAT sectors first (128 entries each), then the directory, then the stream.
    let fat_sectors = (sectors + 2).div_ceil(127);
    assert!(fat_sectors <= 109, "the header's DIFAT holds 109 FAT sectors");
    let dir = fat_sectors as u32;
    let first = dir + 1;
    let mut fat = vec![FREE; fat_sectors * 128];
    for f in fat.iter_mut().take(fat_sectors) {
        *f = 0xFFFF_FFFD;
    }
    fat[dir as usize] = END;
    for i in 0..sectors as u32 {
        fat[(first + i) as usize] = if i + 1 == sectors as u32 { END } else { first + i + 1 };
    }
    let mut h = Vec::with_capacity(512);
    h.extend(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    h.extend([0u8; 16]);
    h.extend(0x003Eu16.to_le_bytes());
    h.extend(0x0003u16.to_le_bytes());
    h.extend(0xFFFEu16.to_le_bytes());
    h.extend(9u16.to_le_bytes());
    h.extend(6u16.to_le_bytes());
    h.extend([0u8; 6]);
    h.extend(0u32.to_le_bytes()); // directory sectors (0 in version 3)
    h.extend(u32::try_from(fat_sectors).unwrap().to_le_bytes());
    h.extend(dir.to_le_bytes());
    h.extend(0u32.to_le_bytes());
    h.extend(4096u32.to_le_bytes());
    h.extend(END.to_le_bytes()); // mini FAT
    h.extend(0u32.to_le_bytes());
    h.extend(END.to_le_bytes()); // DIFAT chain
    h.extend(0u32.to_le_bytes());
    for i in 0..109u32 {
        h.extend((if (i as usize) < fat_sectors { i } else { FREE }).to_le_bytes());
    }
    assert_eq!(h.len(), 512);
    let entry = |name: &str, kind: u8, child: u32, start: u32, size: u32| {
        let mut e = vec![0u8; 128];
        let units: Vec<u8> = name.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        e[..units.len()].copy_from_slice(&units);
        e[64..66].copy_from_slice(&u16::try_from(units.len() + 2).unwrap().to_le_bytes());
        e[66] = kind;
        e[67] = 1; // black
        e[68..72].copy_from_slice(&FREE.to_le_bytes());
        e[72..76].copy_from_slice(&FREE.to_le_bytes());
        e[76..80].copy_from_slice(&child.to_le_bytes());
        e[116..120].copy_from_slice(&start.to_le_bytes());
        e[120..124].copy_from_slice(&size.to_le_bytes());
        e
    };
    let mut out = h;
    out.extend(fat.iter().flat_map(|f| f.to_le_bytes()));
    out.extend(entry("Root Entry", 5, 1, END, 0));
    out.extend(entry("Workbook", 2, FREE, first, u32::try_from(data.len()).unwrap()));
    out.extend([0u8; 256]);
    out.extend(data);
    out
}

/// A CSV (`;`-separated, first line the header) as an xls: columns whose header contains "datum"
/// hold dates as serials of the chosen date system, other numbers stay text as typed.
pub fn from_csv(csv: &str, date1904: bool) -> Vec<u8> {
    let rows = super::csv_rows(csv, date1904);
    compound_file(&workbook_stream("Registratie", &rows, date1904, None))
}
