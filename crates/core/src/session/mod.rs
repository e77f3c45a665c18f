//! A session: the files with the user's choices, the options, and what they
//! give (the check, the linkage, the analysis file), computed once and kept
//! until an [`Edit`] changes them. The page's worker and `perspectief run` both
//! drive one, so the page and the command line cannot differ. The host passes
//! in its clock and, where work is long, a progress callback.

mod edit;
mod error;
mod file;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use edit::Edit;
pub use error::SessionError;
pub use file::{FileBytes, SessionFile};

use crate::analysis::run::{self as analyses, ComparisonView, ScreeningView, TableView, TreeView};
use crate::analysis::AnalysisFile;
use crate::anonymise::Settings;
use crate::chaid::data::{Level, RawColumn};
use crate::check::registration::{check, CheckOptions, CheckResult};
use crate::date::Date;
use crate::ingest::load::{ColumnOverride, LoadedFile};
use crate::kind::FileKind;
use crate::link::linkage::{link_clocked, LinkError, LinkOptions, Linkage, Overrule};
use crate::recept::{Analysis, Recept};

/// How long a step took, in the host's clock (milliseconds).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timing {
    pub step: String,
    pub ms: f64,
}

/// Progress of long work: done, total, what is being done now.
pub type Progress<'a> = &'a mut dyn FnMut(usize, usize, &str);

/// What the files give once checked, linked and built into the analysis file.
pub struct Computed {
    /// When a registration is loaded.
    pub check: Option<CheckResult>,
    /// When a national extract is loaded too.
    pub linkage: Option<Result<Linkage, LinkError>>,
    /// Registrations linked to the extract, or the registrations alone without one.
    pub analysis: Option<AnalysisFile>,
    pub timings: Vec<Timing>,
}

/// The result of one analysis.
#[derive(Debug, Clone)]
pub enum Outcome {
    Table(Box<TableView>),
    Tree(Box<TreeView>),
    Screening(Box<ScreeningView>),
    Comparison(Box<ComparisonView>),
}

pub struct Session<B> {
    files: Vec<SessionFile<B>>,
    demo: bool,
    options: CheckOptions,
    link_options: LinkOptions,
    peildatum: Option<Date>,
    levels: Vec<(String, Level)>,
    computed: Option<Computed>,
    /// The analyses run, in order (for the recept).
    analyses: Vec<Analysis>,
    /// Messages about the last recept.
    notices: Vec<String>,
    /// The anonymisation settings last used.
    anonymisation: Option<Settings>,
    /// The last tree grown for the editor (dropped with the results it grew from).
    steered: Option<analyses::Steered>,
    clock: fn() -> f64,
}

impl<B> fmt::Debug for Session<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Session({} files)", self.files.len())
    }
}

impl<B: FileBytes + From<Vec<u8>>> Session<B> {
    pub fn new(clock: fn() -> f64) -> Session<B> {
        Session {
            files: Vec::new(),
            demo: false,
            options: CheckOptions::default(),
            link_options: LinkOptions::default(),
            peildatum: None,
            levels: Vec::new(),
            computed: None,
            analyses: Vec::new(),
            notices: Vec::new(),
            anonymisation: None,
            steered: None,
            clock,
        }
    }

    pub fn files(&self) -> &[SessionFile<B>] {
        &self.files
    }

    /// Whether the files are the demo's.
    pub fn demo(&self) -> bool {
        self.demo
    }

    pub fn check_options(&self) -> &CheckOptions {
        &self.options
    }

    pub fn link_options(&self) -> &LinkOptions {
        &self.link_options
    }

    pub fn notices(&self) -> &[String] {
        &self.notices
    }

    pub fn anonymisation(&self) -> Option<&Settings> {
        self.anonymisation.as_ref()
    }

    pub fn analyses(&self) -> &[Analysis] {
        &self.analyses
    }

    /// Add a file (not read yet); one with the same name is replaced.
    pub fn add(&mut self, name: String, bytes: B) {
        if self.demo {
            self.files.clear();
            self.demo = false;
        }
        self.files.retain(|e| e.name != name);
        self.files.push(SessionFile::new(name, bytes));
        self.computed = None;
        self.steered = None;
    }

    /// Do what the user did. `take` gives the bytes of the files a [`Edit::Load`] names, in order.
    /// Files are read here, with progress.
    pub fn edit(
        &mut self,
        edit: Edit,
        take: &mut dyn FnMut() -> Option<B>,
        progress: Progress,
    ) -> Result<(), SessionError> {
        // Bulk acceptance becomes one decision per open proposal, found before the results go.
        let edit = match edit {
            Edit::AcceptAbove { score, reason } => {
                let decisions = self.accept_above(score, &reason, progress);
                self.link_options.overrules.extend(decisions);
                Edit::AcceptAbove { score, reason }
            }
            other => other,
        };
        if !edit.keeps_results() {
            self.computed = None;
            self.steered = None;
        }
        match edit {
            Edit::Load { names } => {
                for name in names {
                    let bytes = take().ok_or_else(|| SessionError::MissingBytes(name.clone()))?;
                    self.add(name, bytes);
                }
            }
            Edit::LoadDemo => {
                self.files = crate::demo::generate(crate::demo::DEFAULT_SEED)
                    .files
                    .into_iter()
                    .map(|f| SessionFile::new(f.name, B::from(f.bytes)))
                    .collect();
                self.demo = true;
            }
            Edit::Remove { file } => {
                if file < self.files.len() {
                    self.files.remove(file);
                }
            }
            Edit::SetKind { file, kind } => {
                let e = self.file_mut(file)?;
                e.kind = Some(kind);
                e.mark_changed();
            }
            Edit::SetSteunpunt { file, steunpunt } => {
                let e = self.file_mut(file)?;
                e.steunpunt = Some(steunpunt);
                e.mark_changed();
            }
            Edit::SetMapping {
                file,
                sheet,
                column,
                field,
            } => {
                let e = self.file_mut(file)?;
                e.mapping.retain(|o| !(o.sheet == sheet && o.column == column));
                e.mapping.push(ColumnOverride { sheet, column, field });
                e.mark_changed();
            }
            Edit::SetConflictRule { rule } => self.options.conflict_rule = rule,
            Edit::Overrule { overrule } => self.link_options.overrules.push(overrule),
            Edit::UndoOverrule { index } => {
                if index < self.link_options.overrules.len() {
                    self.link_options.overrules.remove(index);
                }
            }
            Edit::AcceptAbove { .. } => {}
            Edit::SetFallback { scoring, propose_above } => {
                self.link_options.scoring = scoring;
                self.link_options.propose_above = propose_above.clamp(0.0, 1.0);
            }
            Edit::SetPeildatum { peildatum } => self.peildatum = peildatum,
            Edit::SetLevel { variable, level } => {
                self.steered = None;
                self.levels.retain(|(n, _)| *n != variable);
                self.levels.push((variable.clone(), level));
                // Only the level changes: no need to check and link again.
                if let Some(a) = self.computed.as_mut().and_then(|c| c.analysis.as_mut()) {
                    a.set_levels(&[(variable, level)]);
                }
            }
            Edit::Run { analysis } => match self.analyses.last_mut() {
                Some(last) if *last == analysis => {}
                // An edit by hand replaces the tree it edits: the recept keeps the steered tree once.
                Some(last) if analysis.edits_tree(last) => *last = analysis,
                _ => self.analyses.push(analysis),
            },
            Edit::Anonymise { settings } => self.anonymisation = Some(settings),
            Edit::LoadRecept { text } => {
                let recept = Recept::parse(&text).map_err(SessionError::Recept)?;
                self.apply(&recept);
                self.analyses = recept.analyses;
            }
        }
        self.read_pending(progress);
        Ok(())
    }

    /// The open proposals at or above `score`, as decisions to accept them.
    fn accept_above(&mut self, score: f64, reason: &str, progress: Progress) -> Vec<Overrule> {
        let reason = if reason.trim().is_empty() {
            format!(
                "automatisch geaccepteerd: score ≥ {}",
                crate::locale::Locale::Nl.number(score, 2)
            )
        } else {
            reason.to_string()
        };
        let computed = self.computed(progress);
        let (Some(check), Some(Ok(linkage))) = (computed.check.as_ref(), computed.linkage.as_ref()) else {
            return Vec::new();
        };
        let pairs: Vec<(usize, usize)> = linkage
            .proposals
            .iter()
            .filter(|p| p.score >= score)
            .map(|p| (p.person, p.national))
            .collect();
        let persons: Vec<_> = pairs.iter().map(|&(p, _)| check.persons[p].at.clone()).collect();
        let loaded = self.loaded();
        let Some(national) = loaded.iter().find(|f| f.kind == crate::kind::FileKind::National) else {
            return Vec::new();
        };
        pairs
            .iter()
            .zip(persons)
            .map(|(&(_, n), person)| Overrule::AcceptProposal {
                person,
                national_row: national.records[n].provenance.row,
                reason: reason.clone(),
            })
            .collect()
    }

    fn file_mut(&mut self, file: usize) -> Result<&mut SessionFile<B>, SessionError> {
        self.files.get_mut(file).ok_or(SessionError::UnknownFile(file))
    }

    /// Read every file not read with its current choices.
    fn read_pending(&mut self, progress: Progress) {
        let total = self.files.len();
        if self.files.iter().all(SessionFile::is_read) {
            return;
        }
        for (i, f) in self.files.iter_mut().enumerate() {
            if !f.is_read() {
                progress(i, total, &f.name);
                f.read(self.clock);
            }
        }
        progress(total, total, "");
    }

    /// A recept's choices for the files loaded under the same names, and its options (not its
    /// analyses: the host runs those). Files whose choices differ are read again.
    pub fn apply(&mut self, recept: &Recept) {
        let loaded: Vec<(&str, &crate::recept::Fingerprint)> =
            self.files.iter().map(|e| (e.name.as_str(), e.fingerprint())).collect();
        self.notices = recept.file_warnings(&loaded);
        for choice in &recept.files {
            if let Some(e) = self.files.iter_mut().find(|e| e.name == choice.name) {
                e.take_choices(choice);
            }
        }
        self.options.conflict_rule = recept.conflict_rule;
        self.link_options.overrules = recept.overrules.clone();
        self.link_options.accept_above = recept.accept_above;
        self.link_options.scoring = recept.scoring;
        self.link_options.propose_above = recept.propose_above;
        self.peildatum = recept.peildatum;
        self.levels = recept.levels.clone();
        self.anonymisation = recept.anonymisation.clone();
        self.computed = None;
        self.steered = None;
    }

    /// The session as a recept: fingerprints and choices, never the files' contents.
    pub fn recept(&self) -> Recept {
        Recept {
            format: crate::recept::FORMAT.into(),
            files: self.files.iter().map(SessionFile::choices).collect(),
            conflict_rule: self.options.conflict_rule,
            overrules: self.link_options.overrules.clone(),
            accept_above: self.link_options.accept_above,
            scoring: self.link_options.scoring,
            propose_above: self.link_options.propose_above,
            fallback_estimate: self
                .computed
                .as_ref()
                .and_then(|c| c.linkage.as_ref())
                .and_then(|l| l.as_ref().ok())
                .and_then(|l| l.fallback_estimate.as_ref())
                .map(crate::link::estimate::FallbackEstimate::rounded),
            peildatum: self.peildatum,
            levels: self.levels.clone(),
            analyses: self.analyses.clone(),
            anonymisation: self.anonymisation.clone(),
        }
    }

    /// The files that could be read.
    pub fn loaded(&self) -> Vec<&LoadedFile> {
        self.files
            .iter()
            .filter_map(|e| e.loaded().and_then(|l| l.as_ref().ok()))
            .collect()
    }

    /// Check, link and build what is not yet computed, with progress.
    pub fn computed(&mut self, progress: Progress) -> &Computed {
        self.read_pending(progress);
        if self.computed.is_none() {
            let clock = self.clock;
            let loaded = self.loaded();
            let mut timings: Vec<Timing> = self
                .files
                .iter()
                .map(|e| Timing {
                    step: format!("inlezen {}", e.name),
                    ms: e.read_ms,
                })
                .collect();
            let mut timed = |step: &str, start: f64| {
                timings.push(Timing {
                    step: step.to_string(),
                    ms: clock() - start,
                })
            };
            let start = clock();
            let check = loaded.iter().any(|f| f.kind == FileKind::Registration).then(|| {
                progress(0, 3, "controleren");
                check(&loaded, &self.options)
            });
            timed("controle", start);
            let has_national = loaded.iter().any(|f| f.kind == FileKind::National);
            let start = clock();
            let linkage = check.as_ref().filter(|_| has_national).map(|c| {
                progress(1, 3, "koppelen");
                link_clocked(&loaded, c, &self.link_options, clock)
            });
            timed("koppeling", start);
            let fallback_timings: Vec<Timing> = match &linkage {
                Some(Ok(Linkage {
                    fallback_ms: Some((fallback, estimate)),
                    ..
                })) => [
                    ("koppeling: reserveprocedure", *fallback),
                    ("koppeling: schatting", *estimate),
                ]
                .into_iter()
                .map(|(step, ms)| Timing { step: step.into(), ms })
                .collect(),
                _ => Vec::new(),
            };
            let start = clock();
            // Without a national extract the analysis file holds the registrations alone.
            let unlinked = check
                .as_ref()
                .filter(|_| linkage.is_none())
                .map(|c| Linkage::without_extract(c.persons.len()));
            let usable = match &linkage {
                Some(Ok(l)) => Some(l),
                Some(Err(_)) => None,
                None => unlinked.as_ref(),
            };
            let analysis = match (&check, usable) {
                (Some(c), Some(l)) => {
                    progress(2, 3, "analysebestand");
                    let mut a = crate::analysis::build(&loaded, c, l, self.peildatum);
                    a.set_levels(&self.levels);
                    Some(a)
                }
                _ => None,
            };
            timed("analysebestand", start);
            let after = timings
                .iter()
                .position(|t| t.step == "koppeling")
                .map_or(timings.len(), |i| i + 1);
            timings.splice(after..after, fallback_timings);
            self.computed = Some(Computed {
                check,
                linkage,
                analysis,
                timings,
            });
        }
        self.computed.as_ref().expect("computed above")
    }

    /// The competing predictors of node `id` of the last tree grown for the editor.
    pub fn competitors(&self, id: usize) -> Option<Vec<crate::chaid::competitors::Competitor>> {
        let s = self.steered.as_ref()?;
        Some(crate::chaid::competitors::of_node(&s.tree, &s.data, id, 5))
    }

    /// What is computed now, without computing (for views after [`Session::computed`]).
    pub fn computed_now(&self) -> Option<&Computed> {
        self.computed.as_ref()
    }

    /// The analysis file, when the files give one.
    pub fn analysis_file(&mut self, progress: Progress) -> Result<&AnalysisFile, SessionError> {
        self.computed(progress)
            .analysis
            .as_ref()
            .ok_or(SessionError::NoAnalysisFile)
    }

    /// The check, when a registration is loaded.
    pub fn checked(&mut self, progress: Progress) -> Result<&CheckResult, SessionError> {
        self.computed(progress)
            .check
            .as_ref()
            .ok_or(SessionError::NoRegistration)
    }

    /// The national extract's persons who are not in the analysis file (when one is loaded): with
    /// the file's own, the population for journalist and marketer risk.
    pub fn population(&mut self, progress: Progress) -> Option<Vec<(String, RawColumn)>> {
        self.computed(progress);
        let computed = self.computed.as_ref()?;
        let linkage = computed.linkage.as_ref()?.as_ref().ok()?;
        let analysis = computed.analysis.as_ref()?;
        Some(crate::analysis::population_extra(&self.loaded(), linkage, analysis))
    }

    /// Run one analysis on the analysis file (not remembered: that is [`Edit::Run`]).
    pub fn run(&mut self, analysis: &Analysis, progress: Progress) -> Result<Outcome, SessionError> {
        let clock = self.clock;
        self.analysis_file(progress)?;
        let a = self
            .computed
            .as_ref()
            .and_then(|c| c.analysis.as_ref())
            .expect("the analysis file, just computed");
        let steered = &mut self.steered;
        let failed = SessionError::Analysis;
        Ok(match analysis {
            Analysis::Table { table, threshold } => {
                Outcome::Table(Box::new(analyses::table(a, table, *threshold).map_err(failed)?))
            }
            Analysis::Tree {
                target,
                predictors,
                params,
                target_class,
                edits,
                validation,
            } => {
                progress(0, 1, "beslisboom");
                let request = analyses::TreeRequest {
                    target,
                    predictors,
                    params,
                    target_class: target_class.as_deref(),
                    edits,
                    validation: validation.as_ref(),
                };
                Outcome::Tree(Box::new(
                    analyses::steerable_tree(a, &request, steered, clock).map_err(failed)?,
                ))
            }
            Analysis::Screen {
                target,
                predictors,
                params,
            } => {
                progress(0, 1, "screening");
                Outcome::Screening(Box::new(
                    analyses::screening(a, target, predictors, params.clone()).map_err(failed)?,
                ))
            }
            Analysis::Compare { target, params } => {
                progress(0, 1, "vergelijken");
                Outcome::Comparison(Box::new(analyses::compare(a, target, params.clone()).map_err(failed)?))
            }
        })
    }
}

#[cfg(test)]
mod tests;
