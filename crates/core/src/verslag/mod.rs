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

/// A table cell as the document shows it: a number with the locale's decimal sign.
pub fn cell_text(c: &crate::table::Cell, l: crate::locale::Locale) -> String {
    match (c, l) {
        (crate::table::Cell::Number(_), crate::locale::Locale::Nl) => c.to_text().replace('.', ","),
        _ => c.to_text(),
    }
}
