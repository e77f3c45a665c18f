//! What the user has loaded in this tab. Held in memory only: closing the tab wipes it.

use perspectief_core::kind::FileKind;

/// A loaded file: its bytes stay in this tab's memory and nowhere else.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedFile {
    pub name: String,
    pub kind: FileKind,
    pub bytes: Vec<u8>,
    pub rows: usize,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Session {
    pub files: Vec<LoadedFile>,
    /// True when the files are the synthetic demo.
    pub demo: bool,
    pub persons: usize,
}

impl Session {
    pub fn demo() -> Session {
        let set = perspectief_core::demo::generate(perspectief_core::demo::DEFAULT_SEED);
        let files = set
            .files
            .into_iter()
            .map(|f| LoadedFile {
                name: f.name,
                kind: f.kind,
                bytes: f.bytes,
                rows: f.rows,
            })
            .collect();
        Session {
            files,
            demo: true,
            persons: set.persons,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}
