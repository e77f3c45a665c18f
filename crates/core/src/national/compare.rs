//! A steunpunt's own figures beside the national ones. The steunpunt has only its registration:
//! it is checked and turned into an analysis file with the national file's peildatum (the same
//! derivations as the researcher's), each person's value is mapped to the file's categories,
//! and the counts go through the same disclosure rule (its own small counts show as "<5" too:
//! a printout may leave the building). No row per person is in the result.

use std::borrow::Borrow;

use serde::{Deserialize, Serialize};

use super::categories::{group_of, key, Dimension, Period};
use super::error::NationalError;
use super::figures::{percent, published, NationalFigures};
use super::tree::{PathCondition, Walk};
use crate::analysis::AnalysisFile;
use crate::check::registration::{check, CheckOptions};
use crate::date::Date;
use crate::disclosure::Count;
use crate::ingest::load::LoadedFile;
use crate::kind::FileKind;
use crate::link::linkage::Linkage;

/// One category: the steunpunt's count and % beside the national ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComparisonRow {
    pub label: String,
    pub local: Count,
    pub local_percent: Option<f64>,
    pub national: Count,
    pub national_percent: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionComparison {
    pub dimension: Dimension,
    pub rows: Vec<ComparisonRow>,
    /// Own persons whose value has no national category (a category the file does not know).
    pub unmatched: Option<Count>,
    pub local_total: Count,
    pub national_total: Count,
}

/// A node of the national tree with the steunpunt's persons in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeRow {
    pub node: usize,
    pub path: Vec<PathCondition>,
    /// False for an inner node where walks stopped: a category its split does not know, so the
    /// terminal node of those persons cannot be evaluated.
    pub terminal: bool,
    pub local: Count,
    pub local_percent: Option<f64>,
    pub national: Count,
    /// The national % of the tree's class (`mob` = `ja`) in this node.
    pub national_class_percent: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TreeComparison {
    pub target: String,
    pub class: String,
    /// The national % of the class over everyone in the tree.
    pub national_class_percent: Option<f64>,
    /// Terminal nodes (and inner nodes where walks stopped) with own persons.
    pub rows: Vec<NodeRow>,
    /// The row most own persons fall in.
    pub most: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The national file's fingerprint (compare it with the one the researcher announces).
    pub fingerprint: String,
    pub threshold: u64,
    pub peildatum: Date,
    pub period: Period,
    pub national_persons: u64,
    pub national_steunpunten: u64,
    /// The steunpunten of the own registration.
    pub steunpunten: Vec<String>,
    pub local_persons: Count,
    pub dimensions: Vec<DimensionComparison>,
    pub tree: Option<TreeComparison>,
}

/// The steunpunt's own persons in the national file's terms: for its own use in memory
/// ([`compare`] counts them), never written.
#[derive(Debug, Clone, PartialEq)]
pub struct Assigned {
    pub steunpunten: Vec<String>,
    pub persons: usize,
    /// Per dimension (in the file's order), each person's category (`None`: no category fits).
    pub categories: Vec<Vec<Option<usize>>>,
    /// Each person's walk down the national tree, and class of its target.
    pub walks: Vec<Walk>,
    pub classes: Vec<Option<usize>>,
}

/// The registrations as an analysis file with the national peildatum (no extract, no linkage).
fn local_analysis(files: &[&LoadedFile], peildatum: Date) -> Result<(AnalysisFile, Vec<String>), NationalError> {
    let options = CheckOptions {
        peildatum: Some(peildatum),
        ..CheckOptions::default()
    };
    let registrations: Vec<&LoadedFile> = files
        .iter()
        .copied()
        .filter(|f| f.kind == FileKind::Registration)
        .collect();
    let checked = check(&registrations, &options);
    if checked.persons.is_empty() {
        return Err(NationalError::NoLocalPersons {
            files: files.iter().map(|f| f.name.clone()).collect(),
        });
    }
    let linkage = Linkage::without_extract(checked.persons.len());
    let analysis = crate::analysis::build(&registrations, &checked, &linkage, Some(peildatum));
    Ok((analysis, checked.steunpunten.keys().cloned().collect()))
}

/// Put the steunpunt's own persons (its registration files) in the file's categories and tree.
pub fn assign<F: Borrow<LoadedFile>>(national: &NationalFigures, files: &[F]) -> Result<Assigned, NationalError> {
    let files: Vec<&LoadedFile> = files.iter().map(|f| f.borrow()).collect();
    let c = &national.content;
    let (analysis, steunpunten) = local_analysis(&files, c.peildatum)?;
    let columns = analysis.columns();
    let rows = analysis.persons;
    let mut categories = Vec::new();
    for d in &c.dimensions {
        let col = columns
            .iter()
            .find(|(n, _)| *n == d.dimension.column())
            .map(|(_, c)| *c)
            .ok_or_else(|| NationalError::MissingColumn {
                column: d.dimension.column().into(),
            })?;
        let groups: Vec<super::Group> = d.categories.iter().map(|c| c.group.clone()).collect();
        categories.push(
            (0..rows)
                .map(|r| group_of(&groups, &key(d.dimension, col, r, c.peildatum, c.period)))
                .collect(),
        );
    }
    let (walks, classes) = match &c.tree {
        Some(t) => (t.walks(&columns, rows), t.classes_of(&columns, rows)),
        None => (Vec::new(), Vec::new()),
    };
    Ok(Assigned {
        steunpunten,
        persons: rows,
        categories,
        walks,
        classes,
    })
}

/// The steunpunt's figures beside the national ones.
pub fn compare<F: Borrow<LoadedFile>>(national: &NationalFigures, files: &[F]) -> Result<Comparison, NationalError> {
    let own = assign(national, files)?;
    let c = &national.content;
    let threshold = c.threshold;
    let mut dimensions = Vec::new();
    for (d, assigned) in c.dimensions.iter().zip(&own.categories) {
        let mut counts = vec![0u64; d.categories.len() + 1];
        for a in assigned {
            counts[a.unwrap_or(d.categories.len())] += 1;
        }
        let unmatched = counts[d.categories.len()] > 0;
        if !unmatched {
            counts.pop();
        }
        let (shown, total) = published(&counts, threshold);
        dimensions.push(DimensionComparison {
            dimension: d.dimension,
            rows: d
                .categories
                .iter()
                .zip(&shown)
                .map(|(cat, &local)| ComparisonRow {
                    label: cat.group.label.clone(),
                    local,
                    local_percent: percent(local, total),
                    national: cat.count,
                    national_percent: cat.percent,
                })
                .collect(),
            unmatched: unmatched.then(|| shown[d.categories.len()]),
            local_total: total,
            national_total: d.total,
        });
    }
    let tree = c.tree.as_ref().map(|t| {
        // Rows: the nodes own persons end in, in the tree's order.
        let mut ends: Vec<usize> = own.walks.iter().map(|w| w.node).collect();
        ends.sort_unstable();
        ends.dedup();
        let counts: Vec<u64> = ends
            .iter()
            .map(|&n| own.walks.iter().filter(|w| w.node == n).count() as u64)
            .collect();
        let (shown, total) = published(&counts, threshold);
        let most = (0..ends.len()).max_by_key(|&i| (counts[i], std::cmp::Reverse(i)));
        let root = &t.nodes[0];
        TreeComparison {
            target: t.target.clone(),
            class: t.classes.get(t.class).cloned().unwrap_or_default(),
            national_class_percent: root.percents.get(t.class).copied().flatten(),
            rows: ends
                .iter()
                .zip(&shown)
                .map(|(&n, &local)| {
                    let node = &t.nodes[n];
                    NodeRow {
                        node: n,
                        path: node.path.clone(),
                        terminal: node.children.is_empty(),
                        local,
                        local_percent: percent(local, total),
                        national: node.n,
                        national_class_percent: node.percents.get(t.class).copied().flatten(),
                    }
                })
                .collect(),
            most,
        }
    });
    let (_, local_persons) = published(&[own.persons as u64], threshold);
    Ok(Comparison {
        fingerprint: national.fingerprint(),
        threshold,
        peildatum: c.peildatum,
        period: c.period,
        national_persons: c.persons,
        national_steunpunten: c.steunpunten,
        steunpunten: own.steunpunten,
        local_persons,
        dimensions,
        tree,
    })
}
