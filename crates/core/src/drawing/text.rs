//! Text in a drawing without a browser to measure it: widths estimated generously, lines
//! wrapped and labels cut to fit, and text made safe for SVG.

/// The width a text takes in the drawing's sans-serif at `px`, measured generously (wider than
/// system-ui, Arial or DejaVu Sans draw it), so that what fits here fits on every screen.
pub fn text_width(text: &str, px: f64, bold: bool) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | '(' | ')' | '[' | ']' => 0.34,
            ' ' | 'f' | 't' | 'r' | 'I' | '-' => 0.42,
            'm' | 'w' => 0.92,
            'M' | 'W' | '%' | '—' | '…' => 1.0,
            '0'..='9' => 0.62,
            c if c.is_ascii_lowercase() => 0.62,
            c if c.is_ascii_uppercase() => 0.76,
            '<' | '>' | '=' | '+' | '×' | '≤' | '≥' | '_' | '/' | '*' => 0.66,
            _ => 0.8,
        })
        .sum();
    em * px * if bold { 1.1 } else { 1.0 }
}

/// `text` in lines of at most `width`: broken after spaces, and inside a word only when the word
/// alone is too wide.
pub fn wrap(text: &str, width: f64, px: f64, bold: bool) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, px, bold) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            let mut next = line.clone();
            next.push(c);
            if text_width(&next, px, bold) > width && !line.is_empty() {
                lines.push(std::mem::replace(&mut line, c.to_string()));
            } else {
                line = next;
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` cut to `width` with "…" (a category label in a box; the full label is in the node's
/// name for screen readers and in the tree table).
pub fn fit(text: &str, width: f64, px: f64) -> String {
    if text_width(text, px, false) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if text_width(&format!("{out}{c}…"), px, false) > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Text for XML: the five characters that could end an attribute or start markup, escaped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
