//! The comparison as one printable HTML page (the steunpunt's overview, from the page or the
//! command line): the same cells as the text, in tables, with what crossed and what did not.

use super::compare::Comparison;
use super::text::{dimension_rows, tree_rows, words};
use crate::locale::Locale;
use crate::write::escape_html as esc;

const CSS: &str = "body{font-family:system-ui,sans-serif;margin:1.5cm;color:#1a1a1a;font-size:10pt}h1{font-size:1.4em}h2{font-size:1.1em;margin:1em 0 0.3em}\
table{border-collapse:collapse;margin:0 0 0.5em}th,td{border-bottom:1px solid #ccc;padding:0.1em 0.5em;text-align:left}\
td+td,th+th{text-align:right}.pf-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(22em,1fr));gap:0 1.5em}\
p{margin:0.3em 0}@media print{body{margin:0}@page{size:A4;margin:1cm}}";

fn table(header: &[&str], rows: &[Vec<String>], caption: &str) -> String {
    let head: String = header
        .iter()
        .map(|h| format!("<th scope=\"col\">{}</th>", esc(h)))
        .collect();
    let body: String = rows
        .iter()
        .map(|r| {
            let cells: String = r
                .iter()
                .enumerate()
                .map(|(j, c)| {
                    if j == 0 {
                        format!("<th scope=\"row\">{}</th>", esc(c))
                    } else {
                        format!("<td>{}</td>", esc(c))
                    }
                })
                .collect();
            format!("<tr>{cells}</tr>")
        })
        .collect();
    format!(
        "<table><caption>{}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>",
        esc(caption)
    )
}

/// The overview in `locale`, as a whole document.
pub fn document(c: &Comparison, locale: Locale) -> String {
    let w = words(locale);
    let mut body = format!(
        "<h1>{}</h1><p>{}</p><p>{}</p><p>{}</p>",
        esc(w.title),
        esc(&(w.fingerprint)(&c.fingerprint)),
        esc(&(w.summary)(c)),
        esc(w.nothing_crosses)
    );
    body.push_str("<div class=\"pf-grid\">");
    for d in &c.dimensions {
        let name = (w.dimension)(d.dimension);
        body.push_str(&format!(
            "<section><h2>{}</h2>{}</section>",
            esc(name),
            table(&w.headers, &dimension_rows(d, c, locale), name)
        ));
    }
    body.push_str("</div>");
    match &c.tree {
        None => body.push_str(&format!("<p>{}</p>", esc(w.no_tree))),
        Some(t) => {
            let heading = (w.tree)(t);
            body.push_str(&format!(
                "<section><h2>{}</h2>{}",
                esc(&heading),
                table(&w.node_headers, &tree_rows(t, c, locale), &heading)
            ));
            if t.rows.iter().any(|r| !r.terminal) {
                body.push_str(&format!("<p>* {}</p>", esc(w.stopped)));
            }
            if let Some(m) = t.most.and_then(|m| t.rows.get(m)) {
                body.push_str(&format!("<p><strong>{}</strong></p>", esc(&(w.most)(m, t))));
            }
            body.push_str("</section>");
        }
    }
    body.push_str(&format!(
        "<p>{}</p>",
        esc(&crate::disclosure::note(c.threshold, locale))
    ));
    let lang = locale.code();
    format!(
        "<!doctype html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{CSS}</style></head><body><main>{body}</main></body></html>\n",
        esc(w.title)
    )
}
