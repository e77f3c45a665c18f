//! What the command line prints is safe for a terminal: cells of a file can hold escape
//! sequences (window title, clipboard, clear screen) or bidi overrides. [`say!`] and [`warn!`]
//! print like `println!` and `eprintln!`, with every control character other than a line break
//! or tab written as a visible escape (`\x1b`, `\u{202e}`).

/// `text` with control characters and bidi overrides as visible escapes.
pub fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            c if (c as u32) < 0x80 && c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c) => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

/// `println!`, with control characters made visible.
#[macro_export]
macro_rules! say {
    () => { println!() };
    ($($arg:tt)*) => { println!("{}", $crate::term::visible(&format!($($arg)*))) };
}

/// `eprintln!`, with control characters made visible.
#[macro_export]
macro_rules! warn {
    () => { eprintln!() };
    ($($arg:tt)*) => { eprintln!("{}", $crate::term::visible(&format!($($arg)*))) };
}

#[cfg(test)]
mod tests {
    use super::visible;

    #[test]
    fn escape_sequences_from_cells_are_shown_not_obeyed() {
        assert_eq!(visible("Zwolle"), "Zwolle");
        assert_eq!(visible("a\u{1b}]0;pwned\u{7}b"), "a\\x1b]0;pwned\\x07b");
        assert_eq!(visible("\u{1b}]52;c;ZXZpbA==\u{7}"), "\\x1b]52;c;ZXZpbA==\\x07");
        assert_eq!(visible("\u{1b}[2J\r"), "\\x1b[2J\\x0d");
        assert_eq!(visible("\u{9b}31m"), "\\u{9b}31m");
        assert_eq!(visible("abc\u{202e}fdp.exe"), "abc\\u{202e}fdp.exe");
        assert_eq!(visible("regel 1\nregel 2\tkolom"), "regel 1\nregel 2\tkolom");
    }
}
