//! Conclusions that survive, or a clear warning: the four outcome trees and the
//! multi-level MOB tree (persons and steunpunt characteristics) grown on the
//! original analysis file and again on the protected file as it is written,
//! side by side: root split, its groups, and the share classified correctly.

use serde::{Deserialize, Serialize};

use crate::analysis::run::{default_predictors, tree};
use crate::analysis::{AnalysisFile, Variable};
use crate::chaid::data::{Level, RawColumn, TextColumn};
use crate::chaid::ChaidParams;

use crate::analysis::OUTCOMES;

/// A tree in a few words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TreeSummary {
    pub root_split: Option<String>,
    /// The root's branches ("Afrika; Azie", "<= 18").
    pub groups: Vec<String>,
    /// Share classified correctly, in %.
    pub correct: Option<f64>,
    pub nodes: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conclusion {
    pub target: String,
    /// With the steunpunt and its characteristics as predictors (the multi-level tree).
    pub multi_level: bool,
    pub original: Option<TreeSummary>,
    pub protected: Option<TreeSummary>,
    /// Why a tree could not be grown (Dutch), when it could not.
    pub why_not: Option<String>,
    /// The same root split on both files.
    pub stays: bool,
}

fn summary(a: &AnalysisFile, target: &str, predictors: &[String]) -> Result<TreeSummary, String> {
    let params = ChaidParams::default();
    let request = crate::analysis::run::TreeRequest {
        target_class: Some("ja"),
        ..crate::analysis::run::TreeRequest::new(target, predictors, &params)
    };
    let view = tree(a, &request, || 0.0).map_err(|e| e.to_string())?;
    let t = &view.report.tree;
    let root = t.nodes.first();
    Ok(TreeSummary {
        root_split: root.and_then(|n| n.split.as_ref()).map(|s| s.name.clone()),
        groups: root
            .map(|n| {
                n.children
                    .iter()
                    .filter_map(|&c| t.nodes[c].branch.as_ref().map(|b| b.label.clone()))
                    .collect()
            })
            .unwrap_or_default(),
        correct: view
            .report
            .publish(crate::disclosure::DEFAULT_THRESHOLD)
            .classification
            .and_then(|c| c.overall_percent_correct),
        nodes: t.nodes.len(),
    })
}

/// "15-19", "-5--1": a band of numbers.
fn is_band(label: &str) -> bool {
    let bytes = label.as_bytes();
    (1..bytes.len()).any(|i| bytes[i] == b'-' && bytes[i - 1].is_ascii_digit())
}

/// "15-19" → 15, "18" → 18, "*" → missing: a banded column as ordered numbers (lower bounds).
fn as_ordered_numbers(t: &TextColumn) -> Option<Vec<Option<f64>>> {
    let lower: Vec<Option<Option<f64>>> = t
        .labels
        .iter()
        .map(|l| {
            if l == super::hierarchy::ANY {
                return Some(None);
            }
            let bytes = l.as_bytes();
            let head = (1..bytes.len())
                .find(|&i| bytes[i] == b'-' && bytes[i - 1].is_ascii_digit())
                .map_or(l.as_str(), |i| &l[..i]);
            crate::ingest::values::parse_number(head).map(Some)
        })
        .collect();
    lower.iter().all(Option::is_some).then(|| {
        t.codes
            .iter()
            .map(|&c| {
                if c == TextColumn::MISSING {
                    None
                } else {
                    lower[c as usize].flatten()
                }
            })
            .collect()
    })
}

/// The protected file as an analysis file: levels, sets and subsets from the original; banded
/// numbers as ordinal numbers.
pub fn protected_analysis(original: &AnalysisFile, protected: &[(&str, &RawColumn)]) -> AnalysisFile {
    let variables = protected
        .iter()
        .map(|(name, values)| {
            let from = original.variables.iter().find(|v| v.name == *name);
            let (values, level) = match (values, from.map(|v| v.level)) {
                (RawColumn::Text(t), Some(level @ (Level::Scale | Level::Ordinal))) => match as_ordered_numbers(t) {
                    // Bands are ordered categories; exact numbers with hidden cells keep their level.
                    Some(xs) if t.labels.iter().any(|l| is_band(l)) => (RawColumn::Number(xs), Level::Ordinal),
                    Some(xs) => (RawColumn::Number(xs), level),
                    None => ((*values).clone(), Level::Nominal),
                },
                (RawColumn::Number(_), Some(level)) => ((*values).clone(), level),
                (RawColumn::Text(_), _) => ((*values).clone(), Level::Nominal),
                (RawColumn::Number(_), None) => ((*values).clone(), values.default_level()),
            };
            Variable {
                name: name.to_string(),
                level,
                set: from.and_then(|v| v.set.clone()),
                subset: from.and_then(|v| v.subset.clone()),
                values,
                rule: from.map_or(crate::chaid::data::LevelRule::Dictionary, |v| v.rule),
            }
        })
        .collect();
    AnalysisFile {
        persons: protected.first().map_or(0, |(_, c)| c.len()),
        with_national_data: original.with_national_data,
        peildatum: original.peildatum,
        variables,
    }
}

fn is_steunpunt_level(v: &Variable, roles: &[super::ColumnRole]) -> bool {
    roles
        .iter()
        .any(|r| r.column == v.name && r.sources.iter().all(|s| s == "steunpunt"))
}

/// The trees on both files. `roles`: the original's (which variables belong to the steunpunt).
pub fn compare(original: &AnalysisFile, protected: &AnalysisFile, roles: &[super::ColumnRole]) -> Vec<Conclusion> {
    let predictors = |a: &AnalysisFile, target: &str, multi_level: bool| -> Vec<String> {
        let all = default_predictors(a.variables.iter().map(|v| (v.name.as_str(), v.set.is_some())), target);
        all.into_iter()
            .filter(|p| !OUTCOMES.iter().any(|(dummy, _)| dummy == p) && p != "resultaat")
            .filter(|p| {
                multi_level
                    || !a
                        .variables
                        .iter()
                        .find(|v| v.name == *p)
                        .is_some_and(|v| is_steunpunt_level(v, roles))
            })
            .collect()
    };
    let mut out = Vec::new();
    let runs = OUTCOMES.iter().map(|(t, _)| (*t, false)).chain([("mob", true)]);
    for (target, multi_level) in runs {
        if !original.variables.iter().any(|v| v.name == target) {
            continue;
        }
        let wanted = predictors(original, target, multi_level);
        let before = summary(original, target, &wanted);
        let present: Vec<String> = wanted
            .iter()
            .filter(|p| protected.variables.iter().any(|v| v.name == **p))
            .cloned()
            .collect();
        let has_steunpunt = protected
            .variables
            .iter()
            .any(|v| crate::ingest::fold::fold_words(&v.name) == "steunpunt");
        let (after, why_not) = if multi_level && !has_steunpunt {
            (
                None,
                Some("Het beschermde bestand heeft geen steunpunt en geen kenmerken van steunpunten: deze boom kan er niet op groeien.".to_string()),
            )
        } else if !protected.variables.iter().any(|v| v.name == target) {
            (None, Some(format!("'{target}' staat niet in het beschermde bestand.")))
        } else {
            match summary(protected, target, &present) {
                Ok(s) => (Some(s), None),
                Err(e) => (None, Some(e)),
            }
        };
        let before = before.ok();
        let stays = match (&before, &after) {
            (Some(b), Some(a)) => b.root_split == a.root_split,
            _ => false,
        };
        out.push(Conclusion {
            target: target.to_string(),
            multi_level,
            original: before,
            protected: after,
            why_not,
            stays,
        });
    }
    out
}
