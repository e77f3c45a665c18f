//! What the page is shown of a session: summaries of the files, the check,
//! Table 3 with the links behind it, and the analysis file's variables.

use std::collections::BTreeMap;

use perspectief_core::analysis::AnalysisFile;
use perspectief_core::chaid::data::RawColumn;
use perspectief_core::check::problem::ProblemKind;
use perspectief_core::ingest::fields::Field;
use perspectief_core::ingest::records::Record;
use perspectief_core::kind::FileKind;
use perspectief_core::link::linkage::shown_name;
use perspectief_core::session::{Computed, FileBytes, Session, SessionFile};

use super::protocol::{
    AnalysisSummary, CheckView, FileSummary, LinkRow, LinkageView, ProposalRow, Summary, VariableRow, LIST_LIMIT,
};

/// The session as the page shows it, with progress while it is computed.
pub fn summary<B: FileBytes + From<Vec<u8>>>(
    session: &mut Session<B>,
    memory_bytes: f64,
    progress: &mut dyn FnMut(usize, usize, &str),
) -> Summary {
    session.computed(progress);
    let session = &*session;
    let computed = session.computed_now().expect("computed above");
    let result = computed.check.as_ref();
    let files = session.files().iter().map(|e| file_summary(e, computed)).collect();
    let check = result.map(|r| {
        // At most LIST_LIMIT problems of a kind per steunpunt travel to the page (all are in the download).
        let mut counts: BTreeMap<(String, ProblemKind), usize> = BTreeMap::new();
        let mut problems = Vec::new();
        for p in &r.problems {
            let n = counts
                .entry((p.steunpunt.clone().unwrap_or_default(), p.kind))
                .or_default();
            *n += 1;
            if *n <= LIST_LIMIT {
                problems.push(p.clone());
            }
        }
        CheckView {
            peildatum: r.peildatum.dutch(),
            persons: r.persons.len(),
            steunpunten: r.steunpunten.clone(),
            problems,
            counts: counts.into_iter().map(|((sp, k), n)| (sp, k, n)).collect(),
        }
    });
    Summary {
        files,
        check,
        demo: session.demo(),
        conflict_rule: session.check_options().conflict_rule,
        linkage: linkage_view(session, computed),
        timings: computed.timings.clone(),
        analysis: computed.analysis.as_ref().map(analysis_summary),
        memory_bytes,
        notices: session.notices().to_vec(),
        anonymisation: session.anonymisation().cloned(),
    }
}

fn file_summary<B: FileBytes>(e: &SessionFile<B>, computed: &Computed) -> FileSummary {
    let base = FileSummary {
        name: e.name.clone(),
        bytes: e.bytes(),
        error: None,
        kind: None,
        format: None,
        steunpunt: None,
        sheets: Vec::new(),
        skipped_sheets: Vec::new(),
        notes: Vec::new(),
        rows: 0,
        persons: 0,
        problems: 0,
    };
    match e.loaded() {
        None => base,
        Some(Err(error)) => FileSummary {
            error: Some(error.clone()),
            ..base
        },
        Some(Ok(f)) => {
            let result = computed.check.as_ref();
            let in_file = |file: &str| file == e.name;
            let persons = result.map_or(0, |r| r.persons.iter().filter(|p| in_file(&p.at.file)).count());
            let problems = result.map_or(0, |r| {
                r.problems
                    .iter()
                    .filter(|p| p.at.as_ref().is_some_and(|a| in_file(&a.file)))
                    .count()
            });
            FileSummary {
                kind: Some(f.kind),
                format: Some(f.format),
                steunpunt: f.steunpunt.clone(),
                sheets: f.sheets.clone(),
                skipped_sheets: f.skipped_sheets.clone(),
                notes: f.notes.clone(),
                rows: f.records.len(),
                persons,
                problems,
                ..base
            }
        }
    }
}

/// Table 3 and what is behind it, when a national extract is loaded.
fn linkage_view<B: FileBytes + From<Vec<u8>>>(session: &Session<B>, computed: &Computed) -> Option<LinkageView> {
    let checked = computed.check.as_ref()?;
    let overrules = session.link_options().overrules.clone();
    let l = match computed.linkage.as_ref()? {
        Ok(l) => l,
        Err(e) => {
            return Some(LinkageView {
                table3: Default::default(),
                deviating: Vec::new(),
                proposals: Vec::new(),
                overrules,
                error: Some(e.to_string()),
                estimate: None,
                scoring: session.link_options().scoring,
                chosen_scoring: session.link_options().scoring,
                propose_above: session.link_options().propose_above,
            })
        }
    };
    let loaded = session.loaded();
    let national = loaded.iter().find(|f| f.kind == FileKind::National)?;
    let record = |p: usize| &loaded[checked.persons[p].file].records[checked.persons[p].index];
    let describe = |r: &Record| {
        let birth = r.date(Field::Geboortedatum).map_or("?".to_string(), |d| d.dutch());
        format!(
            "{}, {}, {}",
            shown_name(r),
            birth,
            r.code(Field::Geslacht).unwrap_or("?")
        )
    };
    // Up to LIST_LIMIT rows per control variable, and every overruled link.
    let mut shown = [0usize; 3];
    let deviating = l
        .links
        .iter()
        .filter(|x| {
            let mut keep = x.overruled.is_some();
            for (i, deviates) in x.verification.deviations().into_iter().enumerate() {
                if deviates && shown[i] < LIST_LIMIT {
                    shown[i] += 1;
                    keep = true;
                }
            }
            keep
        })
        .map(|x| LinkRow {
            person: checked.persons[x.person].at.clone(),
            name: shown_name(record(x.person)),
            v_nummer: checked.persons[x.person].v_nummer.usable().unwrap_or("").to_string(),
            sides: x.sides.as_deref().cloned().unwrap_or_default(),
            verification: x.verification.clone(),
            overruled: x.overruled.clone(),
        })
        .collect();
    // In the engine's order: the least certain first.
    let proposals = l
        .proposals
        .iter()
        .take(LIST_LIMIT)
        .map(|p| ProposalRow {
            person: checked.persons[p.person].at.clone(),
            national_row: national.records[p.national].provenance.row,
            local: describe(record(p.person)),
            national: describe(&national.records[p.national]),
            score: p.score,
            evidence: p.evidence.clone(),
            waterfall: p.waterfall.clone(),
        })
        .collect();
    Some(LinkageView {
        table3: l.table3.clone(),
        deviating,
        proposals,
        overrules,
        error: None,
        estimate: l.fallback_estimate.clone(),
        scoring: l.scoring,
        chosen_scoring: session.link_options().scoring,
        propose_above: session.link_options().propose_above,
    })
}

/// The analysis file as the page shows it: counts, sets, and each variable's level.
fn analysis_summary(a: &AnalysisFile) -> AnalysisSummary {
    let roles = perspectief_core::anonymise::roles::assign(&a.columns(), &[]);
    AnalysisSummary {
        persons: a.persons,
        with_national_data: a.with_national_data,
        variables: a.variables.len(),
        peildatum: a.peildatum.dutch(),
        peildatum_iso: a.peildatum.iso(),
        sets: a.sets(),
        list: a
            .variables
            .iter()
            .zip(roles)
            .map(|(v, role)| VariableRow {
                name: v.name.clone(),
                set: v.set.clone(),
                subset: v.subset.clone(),
                level: v.level,
                numeric: matches!(v.values, RawColumn::Number(_)),
                rule: v.rule,
                role,
            })
            .collect(),
    }
}
