//! Dictionary coding of a column's text: every cell with the same text shares
//! one allocation (a million rows of "Zwolle" or "Eritrea" hold one string).

use std::collections::HashSet;
use std::sync::Arc;

/// Distinct texts kept per column; a column of names (nearly all distinct) stops
/// growing its dictionary here and gives each new text its own allocation.
const MAX_ENTRIES: usize = 1 << 16;

#[derive(Debug, Default)]
pub struct Dictionary {
    entries: HashSet<Arc<str>>,
}

impl Dictionary {
    /// The shared text equal to `text`.
    pub fn get(&mut self, text: &str) -> Arc<str> {
        if let Some(t) = self.entries.get(text) {
            return t.clone();
        }
        let t: Arc<str> = text.into();
        if self.entries.len() < MAX_ENTRIES {
            self.entries.insert(t.clone());
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_share_one_allocation_and_a_full_dictionary_still_gives_the_text() {
        let mut d = Dictionary::default();
        let (a, b) = (d.get("Zwolle"), d.get(&String::from("Zwolle")));
        assert!(Arc::ptr_eq(&a, &b));
        for i in 0..MAX_ENTRIES {
            d.get(&i.to_string());
        }
        let (c, e) = (d.get("nieuw"), d.get("nieuw"));
        assert_eq!((&*c, &*e), ("nieuw", "nieuw"));
        assert!(!Arc::ptr_eq(&c, &e), "no entries beyond the limit");
        assert!(Arc::ptr_eq(&d.get("Zwolle"), &a), "earlier entries stay shared");
    }
}
