//! A report from a session's analyses: per analysis its heading, its generated text and its
//! published tables, then the methods. The command line (`perspectief run`) and the page's
//! worker build the same document.

use super::{Block, Section, Verslag};
use crate::analysis::labels;
use crate::analysis::run::TableView;
use crate::locale::Locale;
use crate::narrative::{self, Units};
use crate::recept::Analysis;
use crate::session::{FileBytes, Outcome, Session, SessionError};

/// A picture of an analysis made elsewhere (the page draws its trees), by the analysis's place.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Picture {
    pub analysis: usize,
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

fn localized(sheet: crate::table::Sheet, l: Locale) -> Block {
    Block::Table(crate::messages::localize_sheet(sheet, l))
}

/// The section of one analysis's outcome (none for a screening: its table is a file of its own).
pub fn section(outcome: &Outcome, threshold: u64, l: Locale) -> Option<Section> {
    let pick = |nl: &str, en: &str| l.pick(nl, en).to_string();
    Some(match outcome {
        Outcome::Table(view) => {
            let text = match view.as_ref() {
                TableView::Counts(p) => narrative::table(p, Units::ExAmv, l),
                TableView::Means(m) => narrative::means(m, l),
            };
            Section {
                title: view.title(),
                blocks: vec![Block::Text(text), localized(view.sheet().0, l)],
            }
        }
        Outcome::Tree(view) => {
            let r = &view.report;
            let target = labels::label(&r.tree.target.name, l);
            let mut blocks = vec![Block::Text(narrative::report_text(
                r,
                threshold,
                narrative::units_of(&r.tree.target.name),
                l,
            ))];
            blocks.extend(r.sheets(threshold).into_iter().map(|s| localized(s, l)));
            Section {
                title: pick(&format!("Boom voor {target}"), &format!("Tree for {target}")),
                blocks,
            }
        }
        Outcome::Comparison(c) => {
            let target = labels::label(&c.target, l);
            Section {
                title: pick(
                    &format!("Alternatieve verklaringen (§7.5): {target}"),
                    &format!("Alternative explanations (§7.5): {target}"),
                ),
                blocks: vec![Block::Text(narrative::comparison(c, l))],
            }
        }
        Outcome::Screening(_) => return None,
    })
}

/// The report of `analyses` (each with the threshold its tree is published at) run on
/// `session`, with the pictures given, the methods last (their counts at `threshold`).
pub fn build<B: FileBytes + From<Vec<u8>>>(
    session: &mut Session<B>,
    analyses: &[(Analysis, u64)],
    pictures: &[Picture],
    threshold: u64,
    made: &str,
    l: Locale,
) -> Result<Verslag, SessionError> {
    let mut sections = Vec::new();
    for (i, (a, at)) in analyses.iter().enumerate() {
        let outcome = session.run(a, &mut |_, _, _| {})?;
        let Some(mut s) = section(&outcome, *at, l) else {
            continue;
        };
        for p in pictures.iter().filter(|p| p.analysis == i) {
            s.blocks.insert(
                1,
                Block::Image {
                    png: p.png.clone(),
                    width: p.width,
                    height: p.height,
                    alt: p.alt.clone(),
                },
            );
        }
        sections.push(s);
    }
    Ok(document(session, sections, threshold, made, l))
}

/// The report of `sections`, the methods of `session` last.
pub fn document<B: FileBytes + From<Vec<u8>>>(
    session: &Session<B>,
    mut sections: Vec<Section>,
    threshold: u64,
    made: &str,
    l: Locale,
) -> Verslag {
    let recept = session.recept();
    let table3 = session
        .computed_now()
        .and_then(|c| c.linkage.as_ref())
        .and_then(|l| l.as_ref().ok())
        .map(|l| l.table3.clone());
    let methods = super::methods::methods(&recept, table3.as_ref(), threshold, l);
    sections.push(Section {
        title: match l {
            Locale::Nl => "Werkwijze".into(),
            Locale::En => "Methods".into(),
        },
        blocks: methods.into_iter().map(Block::Paragraph).collect(),
    });
    let (title, intro) = match l {
        Locale::Nl => (
            "Perspectief — verslag",
            format!("Gemaakt op {made} met Perspectief. Dit verslag bevat tabellen, beslisbomen en tekst die daaruit is geschreven; geen V-nummers en geen namen. Aantallen onder de drempel staan als \"<{threshold}\", \"x\" verbergt een aantal dat anders uit de totalen terug te rekenen is."),
        ),
        Locale::En => (
            "Perspectief — report",
            format!("Made on {made} with Perspectief. This report holds tables, decision trees and text written from them; no V-nummers and no names. Counts below the threshold show as \"<{threshold}\", \"x\" hides a count that could otherwise be worked out from the totals."),
        ),
    };
    Verslag {
        locale: l,
        title: title.into(),
        intro: vec![intro],
        sections,
    }
}
