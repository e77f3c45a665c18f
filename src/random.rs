//! Random bytes from the browser's cryptographic generator (page and worker alike).

use wasm_bindgen::JsCast;

/// `N` random bytes from `crypto.getRandomValues`.
pub fn random_bytes<const N: usize>() -> Result<[u8; N], String> {
    let failed = || "Deze browser kan geen veilig toeval maken.".to_string();
    let global = js_sys::global();
    let crypto = js_sys::Reflect::get(&global, &"crypto".into()).map_err(|_| failed())?;
    let get: js_sys::Function = js_sys::Reflect::get(&crypto, &"getRandomValues".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(failed)?;
    let array = js_sys::Uint8Array::new_with_length(N as u32);
    get.call1(&crypto, &array).map_err(|_| failed())?;
    let mut out = [0u8; N];
    array.copy_to(&mut out);
    Ok(out)
}

/// A random seed (for the row shuffle of person-level exports).
pub fn seed() -> Result<u64, String> {
    random_bytes::<8>().map(u64::from_le_bytes)
}
