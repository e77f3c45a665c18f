//! A zip archive of stored (uncompressed) files: several downloads as one
//! (the browser would otherwise ask about, or block, a burst of downloads).

use std::io::Write;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// Why an archive could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZipError {
    pub file: String,
    pub detail: String,
}

impl std::fmt::Display for ZipError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Het zip-bestand kon niet worden gemaakt ({}: {}). Download de bestanden een voor een.",
            self.file, self.detail
        )
    }
}

/// The archive of `files` (name, bytes), stored (the files are small and the archive is only a
/// way to make several downloads one); names as UTF-8, sizes of any length (ZIP64 where needed).
pub fn write(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, ZipError> {
    let mut archive = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in files {
        let fail = |e: &dyn std::fmt::Display| ZipError {
            file: name.clone(),
            detail: e.to_string(),
        };
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Stored)
            .large_file(bytes.len() as u64 >= u32::MAX as u64);
        archive.start_file(name.as_str(), options).map_err(|e| fail(&e))?;
        archive.write_all(bytes).map_err(|e| fail(&e))?;
    }
    archive.finish().map(|c| c.into_inner()).map_err(|e| ZipError {
        file: String::new(),
        detail: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn a_zip_reader_reads_it_back() {
        let files = vec![
            ("koppelbestand-één.csv".to_string(), b"a;b\n1;2\n".to_vec()),
            ("leeg.csv".to_string(), Vec::new()),
        ];
        let bytes = write(&files).unwrap();
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(archive.len(), 2);
        for (name, content) in &files {
            let mut f = archive.by_name(name).unwrap();
            let mut read = Vec::new();
            f.read_to_end(&mut read).unwrap();
            assert_eq!(&read, content);
        }
    }
}
