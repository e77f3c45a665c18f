//! A file of the session: its bytes (kept where the host keeps them), the
//! user's choices for it, and what reading it with those choices gave.

use std::cell::OnceCell;

use crate::ingest::error::ReadError;
use crate::ingest::load::{load_mapped, ColumnOverride, LoadedFile};
use crate::ingest::steunpunt::known_with;
use crate::kind::FileKind;
use crate::recept::{FileChoices, Fingerprint};

/// Where a file's bytes live. Natively a `Vec<u8>`; in the browser's worker a
/// JavaScript array outside the wasm memory, copied in only while it is read.
pub trait FileBytes {
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Call `f` with the bytes.
    fn read<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R;
}

impl FileBytes for Vec<u8> {
    fn len(&self) -> usize {
        Vec::len(self)
    }

    fn read<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        f(self)
    }
}

pub struct SessionFile<B> {
    pub name: String,
    bytes: B,
    /// Size and SHA-256 for the recept, computed when first asked for.
    fingerprint: OnceCell<Fingerprint>,
    /// The kind the user chose (`None`: as detected).
    pub kind: Option<FileKind>,
    /// The steunpunt the user named (`None`: as the file says).
    pub steunpunt: Option<String>,
    /// Columns mapped by hand.
    pub mapping: Vec<ColumnOverride>,
    /// `None` until read with the current choices.
    loaded: Option<Result<LoadedFile, ReadError>>,
    /// How long the last read took, in the session's clock.
    pub read_ms: f64,
}

impl<B: FileBytes> SessionFile<B> {
    pub fn new(name: String, bytes: B) -> SessionFile<B> {
        SessionFile {
            name,
            bytes,
            fingerprint: OnceCell::new(),
            kind: None,
            steunpunt: None,
            mapping: Vec::new(),
            loaded: None,
            read_ms: 0.0,
        }
    }

    pub fn bytes(&self) -> usize {
        self.bytes.len()
    }

    pub fn fingerprint(&self) -> &Fingerprint {
        self.fingerprint.get_or_init(|| self.bytes.read(Fingerprint::of))
    }

    /// What reading gave (an unread file reads as not yet loaded: the session reads every file
    /// before it shows or uses one).
    pub fn loaded(&self) -> Option<&Result<LoadedFile, ReadError>> {
        self.loaded.as_ref()
    }

    pub fn is_read(&self) -> bool {
        self.loaded.is_some()
    }

    /// Read again with the current choices (after a change of kind, steunpunt or mapping).
    pub fn mark_changed(&mut self) {
        self.loaded = None;
    }

    pub(super) fn read(&mut self, clock: fn() -> f64) {
        let start = clock();
        let mut loaded = self
            .bytes
            .read(|b| load_mapped(&self.name, b, self.kind, &known_with(&[]), &self.mapping));
        if let (Ok(f), Some(sp)) = (loaded.as_mut(), &self.steunpunt) {
            f.steunpunt = Some(sp.clone());
        }
        self.loaded = Some(loaded);
        self.read_ms = clock() - start;
    }

    /// The choices as a recept keeps them.
    pub fn choices(&self) -> FileChoices {
        FileChoices {
            name: self.name.clone(),
            bytes: self.fingerprint().bytes,
            sha256: self.fingerprint().sha256.clone(),
            kind: self.kind,
            steunpunt: self.steunpunt.clone(),
            mapping: self.mapping.clone(),
        }
    }

    /// Take a recept's choices; true when they differ (the file must be read again).
    pub fn take_choices(&mut self, choice: &FileChoices) -> bool {
        let differ = (self.kind, &self.steunpunt, &self.mapping) != (choice.kind, &choice.steunpunt, &choice.mapping);
        if differ {
            self.kind = choice.kind;
            self.steunpunt = choice.steunpunt.clone();
            self.mapping = choice.mapping.clone();
            self.mark_changed();
        }
        differ
    }
}
