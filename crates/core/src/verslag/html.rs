//! The report as one printable HTML file (what `perspectief run` writes beside the Word file).

use super::{Block, Verslag};
use crate::table::Cell;
use crate::write::escape_html as esc;

const CSS: &str = "body{font-family:system-ui,sans-serif;margin:2cm;color:#1a1a1a;max-width:48em}h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em}\
table{border-collapse:collapse;margin:0.5em 0}th,td{border-bottom:1px solid #ccc;padding:0.25em 0.6em;text-align:left}\
caption{text-align:left;font-weight:600}.pf-note{font-style:italic;font-size:0.9em}img{max-width:100%;height:auto}\
@media (max-width:40em){body{margin:1em}}@media print{body{margin:0}}";

fn cells(row: &[Cell], l: crate::locale::Locale) -> Vec<String> {
    row.iter().map(|c| super::cell_text(c, l)).collect()
}

/// The whole document.
pub fn document(v: &Verslag) -> String {
    let lang = v.locale.code();
    let mut body = format!("<h1>{}</h1>", esc(&v.title));
    for line in &v.intro {
        body.push_str(&format!("<p>{}</p>", esc(line)));
    }
    for s in &v.sections {
        body.push_str(&format!("<section><h2>{}</h2>", esc(&s.title)));
        for b in &s.blocks {
            match b {
                Block::Text(n) => body.push_str(&n.html()),
                Block::Paragraph(p) => body.push_str(&format!("<p>{}</p>", esc(p))),
                Block::Table(sheet) => {
                    let caption: Vec<String> = sheet
                        .title_rows
                        .iter()
                        .flat_map(|r| cells(r, v.locale))
                        .filter(|t| !t.is_empty())
                        .collect();
                    body.push_str(&format!(
                        "<table><caption>{}</caption><thead><tr>",
                        esc(&caption.join(" "))
                    ));
                    for h in &sheet.header {
                        body.push_str(&format!("<th scope=\"col\">{}</th>", esc(h)));
                    }
                    body.push_str("</tr></thead><tbody>");
                    for r in &sheet.rows {
                        body.push_str("<tr>");
                        for c in cells(r, v.locale) {
                            body.push_str(&format!("<td>{}</td>", esc(&c)));
                        }
                        body.push_str("</tr>");
                    }
                    for r in sheet.footer_rows.iter().filter(|r| super::is_total(r)) {
                        body.push_str("<tr>");
                        for c in cells(r, v.locale) {
                            body.push_str(&format!("<td>{}</td>", esc(&c)));
                        }
                        body.push_str("</tr>");
                    }
                    body.push_str("</tbody></table>");
                    for r in sheet.footer_rows.iter().filter(|r| !super::is_total(r)) {
                        let line: Vec<String> = cells(r, v.locale).into_iter().filter(|t| !t.is_empty()).collect();
                        if !line.is_empty() {
                            body.push_str(&format!("<p class=\"pf-note\">{}</p>", esc(&line.join(" "))));
                        }
                    }
                }
                Block::Image {
                    png,
                    width,
                    height,
                    alt,
                } => {
                    body.push_str(&format!(
                        "<img src=\"data:image/png;base64,{}\" width=\"{width}\" height=\"{height}\" alt=\"{}\">",
                        base64(png),
                        esc(alt)
                    ));
                }
            }
        }
        body.push_str("</section>\n");
    }
    format!(
        "<!doctype html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{CSS}</style></head><body><main>{body}</main></body></html>\n",
        esc(&v.title)
    )
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
