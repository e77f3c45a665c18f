//! The report a researcher can hand in: headings, the generated text, tables with their
//! threshold note, pictures, and a methods paragraph written from the recept. One document
//! model, written as a Word file ([`crate::write::docx`]) or as printable HTML ([`html`]).
//! It holds what the published objects hold: no V-nummers, no names, no hidden count.

use crate::narrative::Narrative;
use crate::table::Sheet;

pub mod build;
pub mod html;
pub mod methods;

/// A block of a section, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Generated text (its numbers traced; the document keeps the words).
    Text(Narrative),
    /// A paragraph of plain text.
    Paragraph(String),
    /// A table: its title rows as caption, its header, rows, and its notes (the threshold note).
    Table(Sheet),
    /// A picture (a tree or a chart) as PNG, with its size in pixels and a text alternative.
    Image {
        png: Vec<u8>,
        width: u32,
        height: u32,
        alt: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Verslag {
    /// The language of the words and numbers (a table's decimals too).
    pub locale: crate::locale::Locale,
    pub title: String,
    /// The lines under the title: when it was made, what it holds.
    pub intro: Vec<String>,
    pub sections: Vec<Section>,
}

impl Verslag {
    /// Every paragraph's text in order (headings, text, table cells, notes): what a reader of
    /// the document sees, for the round-trip tests.
    pub fn words(&self) -> Vec<String> {
        let mut out = vec![self.title.clone()];
        out.extend(self.intro.iter().cloned());
        for s in &self.sections {
            out.push(s.title.clone());
            for b in &s.blocks {
                match b {
                    Block::Text(n) => out.extend(n.plain().lines().map(String::from)),
                    Block::Paragraph(p) => out.push(p.clone()),
                    Block::Table(sheet) => {
                        let cells = |rows: &[Vec<crate::table::Cell>]| -> Vec<String> {
                            rows.iter()
                                .flatten()
                                .map(|c| c.to_text())
                                .filter(|t| !t.is_empty())
                                .collect()
                        };
                        out.extend(cells(&sheet.title_rows));
                        out.extend(sheet.header.iter().filter(|h| !h.is_empty()).cloned());
                        out.extend(cells(&sheet.rows));
                        out.extend(cells(&sheet.footer_rows));
                    }
                    Block::Image { alt, .. } => out.push(alt.clone()),
                }
            }
        }
        out
    }
}

/// A table cell as the document shows it: a number to at most three decimals (a spreadsheet
/// keeps the full value behind its format; a document shows what it prints), below a thousandth
/// as "< 0,001", with the locale's decimal sign.
pub fn cell_text(c: &crate::table::Cell, l: crate::locale::Locale) -> String {
    match c {
        crate::table::Cell::Number(x) if *x != 0.0 && x.abs() < 0.001 => format!("< {}", l.number(0.001, 3)),
        crate::table::Cell::Number(x) => {
            let text = l.number(*x, 3);
            let decimal = if l == crate::locale::Locale::Nl { ',' } else { '.' };
            match text.contains(decimal) {
                true => text.trim_end_matches('0').trim_end_matches(decimal).to_string(),
                false => text,
            }
        }
        _ => c.to_text(),
    }
}

/// Whether a sheet's footer row is its totals row (a row of the table, not a note).
pub fn is_total(row: &[crate::table::Cell]) -> bool {
    matches!(
        row.first().map(crate::table::Cell::to_text).as_deref(),
        Some("Totaal" | "Total")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Locale;
    use crate::table::Cell;

    #[test]
    fn numbers_print_as_a_reader_reads_them() {
        assert_eq!(cell_text(&Cell::Number(0.118_690_313_778_990_45), Locale::Nl), "0,119");
        assert_eq!(cell_text(&Cell::Number(1e-10), Locale::Nl), "< 0,001");
        assert_eq!(cell_text(&Cell::Number(83.4), Locale::En), "83.4");
        assert_eq!(cell_text(&Cell::Number(1234.0), Locale::Nl), "1.234");
        assert_eq!(cell_text(&Cell::Number(0.0), Locale::Nl), "0");
        assert!(is_total(&[Cell::Text("Totaal".into()), Cell::Number(733.0)]));
    }
}
