//! A file's bytes in the worker: a JavaScript array outside the wasm memory, copied in
//! only while the file is read (a million-row file would otherwise hold its memory for
//! the whole session).

use perspectief_core::session::FileBytes;

pub struct JsBytes(pub js_sys::Uint8Array);

impl FileBytes for JsBytes {
    fn len(&self) -> usize {
        self.0.length() as usize
    }

    fn read<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        f(&self.0.to_vec())
    }
}

impl From<Vec<u8>> for JsBytes {
    fn from(bytes: Vec<u8>) -> JsBytes {
        JsBytes(js_sys::Uint8Array::from(bytes.as_slice()))
    }
}
