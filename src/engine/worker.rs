//! The worker side: holds every file and its records, answers with summaries.
//! Started by the page through a classic Blob worker that calls `initSync`
//! and then [`worker_main`].

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use perspectief_core::check::export;
use perspectief_core::check::problem::ProblemKind;
use perspectief_core::check::registration::{check, CheckOptions, CheckResult};
use perspectief_core::ingest::load::{load_mapped, ColumnOverride, LoadedFile};
use perspectief_core::ingest::steunpunt::known_with;
use perspectief_core::kind::FileKind;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use perspectief_core::analysis::AnalysisFile;
use perspectief_core::chaid::data::{Level, RawColumn};
use perspectief_core::date::Date;
use perspectief_core::ingest::fields::Field;
use perspectief_core::link::linkage::{link, LinkOptions, Linkage};
use perspectief_core::recept::{Analysis, FileChoices, Fingerprint, Recept};

use super::protocol::{
    AnalysisSummary, CheckView, ExportFormat, FileSummary, LinkRow, LinkageView, ProposalRow, Request, Response,
    Summary, TestHook, Timing, VariableRow, LIST_LIMIT,
};

struct Entry {
    name: String,
    /// The file's bytes, kept outside the wasm memory (for a reload after a mapping
    /// change) and copied in only while the file is read: a million-row file would
    /// otherwise hold its memory for the whole session.
    bytes: js_sys::Uint8Array,
    /// Size and SHA-256 for the recept, computed when first asked for.
    fingerprint: std::cell::OnceCell<Fingerprint>,
    forced: Option<FileKind>,
    steunpunt: Option<String>,
    mapping: Vec<ColumnOverride>,
    loaded: Result<LoadedFile, String>,
    read_ms: f64,
}

impl Entry {
    fn new(name: String, bytes: js_sys::Uint8Array) -> Entry {
        let mut e = Entry {
            name,
            bytes,
            fingerprint: std::cell::OnceCell::new(),
            forced: None,
            steunpunt: None,
            mapping: Vec::new(),
            loaded: Err(String::new()),
            read_ms: 0.0,
        };
        e.reload();
        e
    }

    fn fingerprint(&self) -> &Fingerprint {
        self.fingerprint.get_or_init(|| Fingerprint::of(&self.bytes.to_vec()))
    }

    fn reload(&mut self) {
        let start = now();
        let bytes = self.bytes.to_vec();
        self.loaded =
            load_mapped(&self.name, &bytes, self.forced, &known_with(&[]), &self.mapping).map_err(|e| e.to_string());
        if let (Ok(f), Some(sp)) = (self.loaded.as_mut(), &self.steunpunt) {
            f.steunpunt = Some(sp.clone());
        }
        self.read_ms = now() - start;
    }
}

/// The worker's wasm memory (it only grows).
fn memory_bytes() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    memory.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() as f64
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// What the files give once checked, linked and built into the analysis file;
/// kept until a file or an option changes.
struct Computed {
    check: Option<CheckResult>,
    linkage: Option<Result<Linkage, String>>,
    analysis: Option<AnalysisFile>,
    timings: Vec<Timing>,
}

#[derive(Default)]
struct Engine {
    files: Vec<Entry>,
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
    anonymisation: Option<perspectief_core::anonymise::Settings>,
}

impl Engine {
    /// The session as a recept: fingerprints and choices, never the files' contents.
    fn recept(&self) -> Recept {
        Recept {
            format: perspectief_core::recept::FORMAT.into(),
            files: self
                .files
                .iter()
                .map(|e| FileChoices {
                    name: e.name.clone(),
                    bytes: e.fingerprint().bytes,
                    sha256: e.fingerprint().sha256.clone(),
                    kind: e.forced,
                    steunpunt: e.steunpunt.clone(),
                    mapping: e.mapping.clone(),
                })
                .collect(),
            conflict_rule: self.options.conflict_rule,
            overrules: self.link_options.overrules.clone(),
            accept_above: self.link_options.accept_above,
            peildatum: self.peildatum,
            levels: self.levels.clone(),
            analyses: self.analyses.clone(),
            anonymisation: self.anonymisation.clone(),
        }
    }

    /// Apply a recept's choices to the files loaded under the same names.
    fn apply(&mut self, recept: &Recept) {
        let loaded: Vec<(&str, &Fingerprint)> = self.files.iter().map(|e| (e.name.as_str(), e.fingerprint())).collect();
        self.notices = recept.file_warnings(&loaded);
        for choice in &recept.files {
            if let Some(e) = self.files.iter_mut().find(|e| e.name == choice.name) {
                if (e.forced, &e.steunpunt, &e.mapping) != (choice.kind, &choice.steunpunt, &choice.mapping) {
                    e.forced = choice.kind;
                    e.steunpunt = choice.steunpunt.clone();
                    e.mapping = choice.mapping.clone();
                    e.reload();
                }
            }
        }
        self.options.conflict_rule = recept.conflict_rule;
        self.link_options.overrules = recept.overrules.clone();
        self.link_options.accept_above = recept.accept_above;
        self.peildatum = recept.peildatum;
        self.levels = recept.levels.clone();
        self.anonymisation = recept.anonymisation.clone();
        self.computed = None;
    }

    fn loaded(&self) -> Vec<&LoadedFile> {
        self.files.iter().filter_map(|e| e.loaded.as_ref().ok()).collect()
    }

    /// Check, link and build what is not yet computed, with progress.
    fn compute(&mut self) -> &Computed {
        if self.computed.is_none() {
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
                    ms: now() - start,
                })
            };
            let start = now();
            let check = loaded.iter().any(|f| f.kind == FileKind::Registration).then(|| {
                progress(0, 3, "controleren");
                check(&loaded, &self.options)
            });
            timed("controle", start);
            let has_national = loaded.iter().any(|f| f.kind == FileKind::National);
            let start = now();
            let linkage = check.as_ref().filter(|_| has_national).map(|c| {
                progress(1, 3, "koppelen");
                link(&loaded, c, &self.link_options).map_err(|e| e.to_string())
            });
            timed("koppeling", start);
            let start = now();
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
                    let mut a = perspectief_core::analysis::build(&loaded, c, l, self.peildatum);
                    a.set_levels(&self.levels);
                    Some(a)
                }
                _ => None,
            };
            timed("analysebestand", start);
            self.computed = Some(Computed {
                check,
                linkage,
                analysis,
                timings,
            });
        }
        self.computed.as_ref().expect("computed above")
    }

    fn summary(&mut self) -> Summary {
        self.compute();
        let computed = self.computed.as_ref().expect("computed");
        let result = computed.check.as_ref();
        let files = self
            .files
            .iter()
            .map(|e| {
                let base = FileSummary {
                    name: e.name.clone(),
                    bytes: e.bytes.length() as usize,
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
                match &e.loaded {
                    Err(message) => FileSummary {
                        error: Some(message.clone()),
                        ..base
                    },
                    Ok(f) => {
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
            })
            .collect();
        let linkage = self.linkage_view(computed);
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
            demo: self.demo,
            conflict_rule: self.options.conflict_rule,
            linkage,
            timings: computed.timings.clone(),
            analysis: computed.analysis.as_ref().map(analysis_summary),
            memory_bytes: memory_bytes(),
            notices: self.notices.clone(),
            anonymisation: self.anonymisation.clone(),
        }
    }

    /// Table 3 and what is behind it, when a national extract is loaded.
    fn linkage_view(&self, computed: &Computed) -> Option<LinkageView> {
        let checked = computed.check.as_ref()?;
        let overrules = self.link_options.overrules.clone();
        let l = match computed.linkage.as_ref()? {
            Ok(l) => l,
            Err(e) => {
                return Some(LinkageView {
                    table3: Default::default(),
                    deviating: Vec::new(),
                    proposals: Vec::new(),
                    overrules,
                    error: Some(e.clone()),
                })
            }
        };
        let loaded = self.loaded();
        let national = loaded.iter().find(|f| f.kind == FileKind::National)?;
        let record = |p: usize| &loaded[checked.persons[p].file].records[checked.persons[p].index];
        let describe = |r: &perspectief_core::ingest::records::Record| {
            let birth = r.date(Field::Geboortedatum).map_or("?".to_string(), |d| d.dutch());
            format!(
                "{}, {}, {}",
                perspectief_core::link::linkage::shown_name(r),
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
                name: perspectief_core::link::linkage::shown_name(record(x.person)),
                v_nummer: checked.persons[x.person].v_nummer.usable().unwrap_or("").to_string(),
                sides: x.sides.as_deref().cloned().unwrap_or_default(),
                verification: x.verification.clone(),
                overruled: x.overruled.clone(),
            })
            .collect();
        let mut best: Vec<&perspectief_core::link::linkage::Proposal> = l.proposals.iter().collect();
        best.sort_by(|a, b| b.score.total_cmp(&a.score));
        let proposals = best
            .into_iter()
            .take(LIST_LIMIT)
            .map(|p| ProposalRow {
                person: checked.persons[p.person].at.clone(),
                national_row: national.records[p.national].provenance.row,
                local: describe(record(p.person)),
                national: describe(&national.records[p.national]),
                score: p.score,
                reasons: p.reasons.clone(),
            })
            .collect();
        Some(LinkageView {
            table3: l.table3.clone(),
            deviating,
            proposals,
            overrules,
            error: None,
        })
    }
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
                role,
            })
            .collect(),
    }
}

/// A sheet as a download in the format asked for: its file name and bytes.
fn sheet_file(
    stem: &str,
    sheet: perspectief_core::table::Sheet,
    format: ExportFormat,
) -> Result<(String, Vec<u8>), String> {
    Ok(match format {
        ExportFormat::Xlsx => (
            format!("{stem}.xlsx"),
            perspectief_core::write::xlsx::write(&[sheet], crate::download::today()).map_err(|e| e.to_string())?,
        ),
        ExportFormat::Csv => (
            format!("{stem}.csv"),
            perspectief_core::write::csv::write(&sheet, perspectief_core::write::csv::CsvStyle::default()),
        ),
    })
}

/// Run one analysis and send its result.
fn run(engine: &mut Engine, analysis: &Analysis) -> Result<(), String> {
    use perspectief_core::analysis::run as r;
    let a = analysis_file(engine)?;
    let response = match analysis {
        Analysis::Table { table, threshold } => Response::Table(Box::new(r::table(a, table, *threshold)?)),
        Analysis::Tree {
            target,
            predictors,
            params,
            target_class,
        } => {
            progress(0, 1, "beslisboom");
            let view = r::tree(a, target, predictors, params.clone(), target_class.as_deref(), now)?;
            Response::Tree(Box::new(view))
        }
        Analysis::Screen {
            target,
            predictors,
            params,
        } => {
            progress(0, 1, "screening");
            Response::Screening(Box::new(r::screening(a, target, predictors, params.clone())?))
        }
        Analysis::Compare { target, params } => {
            progress(0, 1, "vergelijken");
            Response::Comparison(Box::new(r::compare(a, target, params.clone())?))
        }
    };
    post(&response, None);
    Ok(())
}

/// The national extract's persons who are not in the analysis file (when one is loaded): with the
/// file's own, the population for journalist and marketer risk.
fn population(engine: &mut Engine) -> Option<Vec<(String, perspectief_core::chaid::RawColumn)>> {
    engine.compute();
    let loaded = engine.loaded();
    let computed = engine.computed.as_ref()?;
    let linkage = computed.linkage.as_ref()?.as_ref().ok()?;
    let analysis = computed.analysis.as_ref()?;
    Some(perspectief_core::analysis::population_extra(&loaded, linkage, analysis))
}

fn refs(
    owned: &Option<Vec<(String, perspectief_core::chaid::RawColumn)>>,
) -> Option<Vec<(&str, &perspectief_core::chaid::RawColumn)>> {
    owned.as_ref().map(|v| v.iter().map(|(n, c)| (n.as_str(), c)).collect())
}

fn analysis_file(engine: &mut Engine) -> Result<&AnalysisFile, String> {
    engine
        .compute()
        .analysis
        .as_ref()
        .ok_or_else(|| "Er is nog geen analysebestand: laad eerst registraties bij stap 1.".to_string())
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(response: &Response, buffer: Option<&[u8]>) {
    let msg = js_sys::Object::new();
    let json =
        serde_json::to_string(response).unwrap_or_else(|e| format!("{{\"type\":\"failed\",\"message\":\"{e}\"}}"));
    let _ = js_sys::Reflect::set(&msg, &"json".into(), &json.into());
    let transfer = js_sys::Array::new();
    if let Some(bytes) = buffer {
        let array = js_sys::Uint8Array::from(bytes);
        let _ = js_sys::Reflect::set(&msg, &"buffer".into(), &array.buffer());
        transfer.push(&array.buffer());
    }
    let _ = scope().post_message_with_transfer(&msg, &transfer);
}

fn progress(done: usize, total: usize, current: &str) {
    post(
        &Response::Progress {
            done,
            total,
            current: current.to_string(),
        },
        None,
    );
}

fn handle(engine: &mut Engine, data: &JsValue) -> Result<(), String> {
    let json = js_sys::Reflect::get(data, &"json".into())
        .ok()
        .and_then(|j| j.as_string())
        .ok_or("bericht zonder inhoud")?;
    let request: Request = serde_json::from_str(&json).map_err(|e| e.to_string())?;
    let buffers: Option<js_sys::Array> = js_sys::Reflect::get(data, &"buffers".into())
        .ok()
        .filter(|b| !b.is_undefined())
        .map(Into::into);
    let mut next = 0u32;
    let mut take = move || -> Result<js_sys::Uint8Array, String> {
        let buffer = buffers.as_ref().map(|b| b.get(next)).filter(|b| !b.is_undefined());
        next += 1;
        Ok(js_sys::Uint8Array::new(&buffer.ok_or("geen bestanden")?))
    };
    serve(engine, request, &mut take, false)
}

/// Do what the page asks. `take` gives the next file's bytes; while `replaying`,
/// nothing is sent back and analyses are only remembered, not run.
fn serve(
    engine: &mut Engine,
    request: Request,
    take: &mut dyn FnMut() -> Result<js_sys::Uint8Array, String>,
    replaying: bool,
) -> Result<(), String> {
    match request {
        Request::Replay { request, last } => {
            let result = serve(engine, *request, take, true);
            engine.computed = None;
            if last {
                post(&Response::State(Box::new(engine.summary())), None);
            }
            return result;
        }
        Request::TestHook { hook } => {
            match hook {
                TestHook::Panic => panic!("testpaniek (alleen voor tests)"),
                TestHook::Busy { ms } => {
                    progress(0, 1, "test");
                    let start = now();
                    while now() - start < ms {}
                }
            }
            return Ok(());
        }
        Request::Load { names } => {
            let total = names.len();
            if engine.demo {
                engine.files.clear();
                engine.demo = false;
            }
            for (i, name) in names.into_iter().enumerate() {
                progress(i, total, &name);
                let bytes = take()?;
                // Loading a file with the same name again replaces it.
                engine.files.retain(|e| e.name != name);
                engine.files.push(Entry::new(name, bytes));
            }
            progress(total, total, "");
        }
        Request::LoadDemo => {
            let set = perspectief_core::demo::generate(perspectief_core::demo::DEFAULT_SEED);
            engine.files.clear();
            engine.demo = true;
            let total = set.files.len();
            for (i, f) in set.files.into_iter().enumerate() {
                progress(i, total, &f.name);
                engine
                    .files
                    .push(Entry::new(f.name, js_sys::Uint8Array::from(f.bytes.as_slice())));
            }
            progress(total, total, "");
        }
        Request::SetKind { file, kind } => {
            let e = engine.files.get_mut(file).ok_or("onbekend bestand")?;
            e.forced = Some(kind);
            e.reload();
        }
        Request::SetSteunpunt { file, steunpunt } => {
            let e = engine.files.get_mut(file).ok_or("onbekend bestand")?;
            e.steunpunt = Some(steunpunt);
            e.reload();
        }
        Request::SetMapping {
            file,
            sheet,
            column,
            field,
        } => {
            let e = engine.files.get_mut(file).ok_or("onbekend bestand")?;
            e.mapping.retain(|o| !(o.sheet == sheet && o.column == column));
            e.mapping.push(ColumnOverride { sheet, column, field });
            e.reload();
        }
        Request::SetConflictRule { rule } => engine.options.conflict_rule = rule,
        Request::Overrule { overrule } => engine.link_options.overrules.push(overrule),
        Request::UndoOverrule { index } => {
            if index < engine.link_options.overrules.len() {
                engine.link_options.overrules.remove(index);
            }
        }
        Request::AcceptAbove { score } => engine.link_options.accept_above = Some(score),
        Request::SetPeildatum { peildatum } => engine.peildatum = peildatum,
        Request::SetLevel { variable, level } => {
            engine.levels.retain(|(n, _)| *n != variable);
            engine.levels.push((variable.clone(), level));
            // Only the level changes: no need to check and link again.
            if let Some(a) = engine.computed.as_mut().and_then(|c| c.analysis.as_mut()) {
                a.set_levels(&[(variable, level)]);
            }
            if !replaying {
                post(&Response::State(Box::new(engine.summary())), None);
            }
            return Ok(());
        }
        Request::Risk { settings } => {
            let a = analysis_file(engine)?;
            let columns = a.columns();
            let checked = settings.check(&columns).map_err(|e| e.to_string())?;
            post(
                &Response::Anonymised(Box::new(crate::engine::anonymise::risk(&columns, &checked))),
                None,
            );
            return Ok(());
        }
        Request::Anonymise { settings } => {
            engine.anonymisation = Some(settings.clone());
            if replaying {
                return Ok(());
            }
            progress(0, 1, "anonimiseren");
            let population = population(engine);
            let a = analysis_file(engine)?;
            let columns = a.columns();
            let checked = settings.check(&columns).map_err(|e| e.to_string())?;
            let extra = refs(&population);
            let view = crate::engine::anonymise::protect(&columns, extra.as_deref(), &checked, now)?;
            post(&Response::Anonymised(Box::new(view)), None);
            return Ok(());
        }
        Request::Conclusions { settings } => {
            progress(0, 1, "bomen vergelijken");
            let population = population(engine);
            let a = analysis_file(engine)?;
            let checked = settings.check(&a.columns()).map_err(|e| e.to_string())?;
            let extra = refs(&population);
            let found = crate::engine::anonymise::conclusions(a, extra.as_deref(), &checked)?;
            post(&Response::Conclusions { trees: found }, None);
            return Ok(());
        }
        Request::AuditFile { name, settings } => {
            let bytes = take()?.to_vec();
            let audit = crate::engine::anonymise::audit_file(&name, &bytes, &settings)?;
            post(&Response::FileAudit { name, audit }, None);
            return Ok(());
        }
        Request::ExportAnonymised { settings, format } => {
            let population = population(engine);
            let a = analysis_file(engine)?;
            let columns = a.columns();
            let checked = settings.check(&columns).map_err(|e| e.to_string())?;
            let extra = refs(&population);
            let (name, bytes) =
                crate::engine::anonymise::file(&columns, extra.as_deref(), &checked, format, crate::download::today())?;
            post(&Response::Exported { name }, Some(&bytes));
            return Ok(());
        }
        Request::ExportLinkageFiles { secret, extra } => {
            let secret =
                perspectief_core::anonymise::pseudonym::Secret::from_text(&secret).map_err(|e| e.to_string())?;
            let loaded = engine.loaded();
            let (name, bytes, audit) =
                crate::engine::anonymise::linkage_files(&loaded, &secret, crate::download::today(), &extra)?;
            post(&Response::Exported { name: name.clone() }, Some(&bytes));
            if let Some(audit) = audit {
                post(&Response::FileAudit { name, audit }, None);
            }
            return Ok(());
        }
        Request::Run { analysis } => {
            if !replaying {
                run(engine, &analysis)?;
            }
            if engine.analyses.last() != Some(&analysis) {
                engine.analyses.push(analysis);
            }
            return Ok(());
        }
        Request::SaveRecept => {
            let recept = engine.recept();
            post(
                &Response::Exported {
                    name: "perspectief-recept.json".into(),
                },
                Some(recept.to_json().as_bytes()),
            );
            return Ok(());
        }
        Request::LoadRecept { text } => {
            let recept = Recept::parse(&text).map_err(|e| e.to_string())?;
            engine.apply(&recept);
            if replaying {
                engine.analyses = recept.analyses;
                return Ok(());
            }
            post(&Response::State(Box::new(engine.summary())), None);
            // The page shows one table, tree, screening and comparison at a time:
            // run the last of each kind (the others stay in the list for the next recept).
            let kind = |a: &Analysis| std::mem::discriminant(a);
            for (i, analysis) in recept.analyses.iter().enumerate() {
                if !recept.analyses[i + 1..]
                    .iter()
                    .any(|later| kind(later) == kind(analysis))
                {
                    run(engine, analysis)?;
                }
            }
            engine.analyses = recept.analyses;
            return Ok(());
        }
        Request::ExportTable {
            table,
            threshold,
            format,
        } => {
            let a = analysis_file(engine)?;
            let view = perspectief_core::analysis::run::table(a, &table, threshold)?;
            let (sheet, stem) = view.sheet();
            let (name, bytes) = sheet_file(&format!("tabel-{stem}"), sheet, format)?;
            post(&Response::Exported { name }, Some(&bytes));
            return Ok(());
        }
        Request::ExportAnalysis { format } => {
            let a = engine
                .compute()
                .analysis
                .as_ref()
                .ok_or("Er is nog geen analysebestand: laad registraties en het landelijke extract.")?;
            let (name, bytes) = sheet_file("analysebestand", a.sheet(crate::random::seed()?), format)?;
            post(&Response::Exported { name }, Some(&bytes));
            return Ok(());
        }
        Request::Remove { file } => {
            if file < engine.files.len() {
                engine.files.remove(file);
            }
        }
        Request::Export {
            format,
            steunpunt,
            own_organisation,
        } => {
            let result = engine
                .compute()
                .check
                .as_ref()
                .ok_or("Er is nog geen registratie geladen.")?;
            let sp = steunpunt.as_deref();
            let slug = sp.map_or("alle-steunpunten".to_string(), |s| s.to_lowercase().replace(' ', "-"));
            let (audience, suffix) = if own_organisation {
                (export::Audience::OwnOrganisation, "-eigen-organisatie")
            } else {
                (export::Audience::Others, "")
            };
            let (name, bytes) = match format {
                ExportFormat::Xlsx => (
                    format!("controle-{slug}{suffix}.xlsx"),
                    export::xlsx(result, sp, audience, crate::download::today())?,
                ),
                ExportFormat::Csv => (
                    format!("controle-{slug}{suffix}.csv"),
                    export::csv(result, sp, audience),
                ),
            };
            post(&Response::Exported { name }, Some(&bytes));
            return Ok(());
        }
    }
    // Everything else changes files or options: check and link again.
    engine.computed = None;
    if !replaying {
        post(&Response::State(Box::new(engine.summary())), None);
    }
    Ok(())
}

/// Entry point of the worker (called by the bootstrap after `initSync`).
#[wasm_bindgen]
pub fn worker_main() {
    // A panic ends this worker (wasm cannot unwind): tell the page, which starts a new
    // worker with the same session.
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let payload = info.payload();
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let place = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        post(
            &Response::Crashed {
                message: format!("{what}{place}"),
            },
            None,
        );
    }));
    let engine = Rc::new(RefCell::new(Engine::default()));
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let result = handle(&mut engine.borrow_mut(), &event.data());
        if let Err(message) = result {
            post(&Response::Failed { message }, None);
        }
        post(
            &Response::Idle {
                memory_bytes: memory_bytes(),
            },
            None,
        );
    });
    scope().set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    let ready = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&ready, &"ready".into(), &true.into());
    let _ = scope().post_message(&ready);
}
