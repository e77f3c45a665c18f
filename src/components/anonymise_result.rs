//! What protecting gave: the audit of the written file (with one-click fixes
//! when it fails), the risk before and after for each attacker, the loss per
//! column, the trees regrown on the protected file, and the downloads.

use leptos::prelude::*;
use perspectief_core::anonymise::audit::{Audit, Finding};
use perspectief_core::anonymise::conclusions::{Conclusion, TreeSummary};
use perspectief_core::anonymise::{finding_text, ColumnOutcome, DropReason, RareCoding, Risk, Role, Treatment};

use crate::components::anonymise_step::{role_name, Form};
use crate::engine::protocol::{AnonymiseView, Export, ExportFormat, Query};
use crate::i18n::Lang;
use crate::state::AppState;

fn finding(f: &Finding, k: usize, l: Lang) -> String {
    if l == Lang::Nl {
        return finding_text(f, k);
    }
    match f {
        Finding::IdentifyingColumn { column } => format!("The column '{column}' identifies a person directly. Leave it out."),
        Finding::SmallClasses { records, classes, column } => format!(
            "{records} records in {classes} classes smaller than {k}{}.",
            column.as_ref().map_or(String::new(), |c| format!(". Make '{c}' coarser first"))
        ),
        Finding::NotDiverse { attribute, l, classes_below } => format!(
            "'{attribute}' has too few different values in {classes_below} classes (smallest l: {l})."
        ),
        Finding::NotClose { attribute, t, required } => format!(
            "In some class the distribution of '{attribute}' is {} from the whole file's; at most {} was asked.",
            l.locale().number(*t, 3),
            l.locale().number(*required, 3)
        ),
        Finding::TooPrecise { column, value } => format!(
            "'{column}' is written with decimals (such as {value}): more precise than a band. Put the column in bands."
        ),
        Finding::RareValues { column, values, records } => format!(
            "'{column}' has {values} values that occur fewer than {k} times ({records} records)."
        ),
        Finding::HiddenIdentifier { column, records, known } => format!(
            "'{column}' is not a quasi-identifier, but with the quasi-identifiers {records} records fall in classes smaller than {k}{}.",
            if *known { ". An attacker knows this column (see the data dictionary)" } else { "" }
        ),
        Finding::SampleUniques { columns, records } => format!(
            "{records} records are unique on the combination {} (warning).",
            columns.join(" + ")
        ),
    }
}

/// The column a finding is about, when a one-click fix applies to it.
fn finding_column(f: &Finding) -> Option<&str> {
    match f {
        Finding::IdentifyingColumn { column }
        | Finding::TooPrecise { column, .. }
        | Finding::RareValues { column, .. }
        | Finding::HiddenIdentifier { column, .. } => Some(column),
        Finding::SmallClasses { column, .. } => column.as_deref(),
        _ => None,
    }
}

fn pct(x: f64, l: Lang) -> String {
    format!("{} %", l.locale().number(100.0 * x, 1))
}

fn risk_rows(view: &AnonymiseView, l: Lang) -> impl IntoView {
    let loc = l.locale();
    type Measure = (&'static str, &'static str, fn(&Risk) -> f64, bool);
    let measures: [Measure; 9] = [
        ("Rijen", "Records", |r| r.records as f64, false),
        ("Klassen", "Classes", |r| r.classes as f64, false),
        ("Kleinste klasse", "Smallest class", |r| r.smallest_class as f64, false),
        (
            "Rijen in klassen kleiner dan k",
            "Records in classes smaller than k",
            |r| r.records_below_k as f64,
            false,
        ),
        (
            "Hoogste risico (aanklager)",
            "Highest risk (prosecutor)",
            |r| r.prosecutor_max,
            true,
        ),
        (
            "Gemiddeld risico (aanklager)",
            "Average risk (prosecutor)",
            |r| r.prosecutor_average,
            true,
        ),
        (
            "Populatie (journalist, marketeer)",
            "Population (journalist, marketer)",
            |r| r.population as f64,
            false,
        ),
        (
            "Hoogste risico (journalist)",
            "Highest risk (journalist)",
            |r| r.journalist_max,
            true,
        ),
        (
            "Verwacht deel heridentificeerd (marketeer)",
            "Expected share re-identified (marketer)",
            |r| r.marketer,
            true,
        ),
    ];
    let cell = move |r: Option<&Risk>, f: fn(&Risk) -> f64, percent: bool| {
        r.map_or(String::new(), |r| {
            if percent {
                pct(f(r), l)
            } else {
                loc.integer(f(r) as u64)
            }
        })
    };
    let mut rows: Vec<(String, String, String)> = measures
        .iter()
        .map(|(nl, en, f, p)| {
            (
                l.pick(nl, en).to_string(),
                cell(Some(&view.before), *f, *p),
                cell(view.after.as_ref(), *f, *p),
            )
        })
        .collect();
    for (i, d) in view.before.diversity.iter().enumerate() {
        let after = view
            .after
            .as_ref()
            .and_then(|a| a.diversity.get(i))
            .map_or(String::new(), |a| a.l.to_string());
        rows.push((
            format!("l-{} {}", l.pick("diversiteit van", "diversity of"), d.attribute),
            d.l.to_string(),
            after,
        ));
    }
    for (i, c) in view.before.closeness.iter().enumerate() {
        let after = view
            .after
            .as_ref()
            .and_then(|a| a.closeness.get(i))
            .map_or(String::new(), |a| loc.number(a.t, 3));
        rows.push((
            format!("t-closeness {} {}", l.pick("van", "of"), c.attribute),
            loc.number(c.t, 3),
            after,
        ));
    }
    rows.into_iter()
        .map(|(what, before, after)| {
            view! {
                <tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="row">{what}</th>
                    <td class="utrecht-table__cell pf-num">{before}</td>
                    <td class="utrecht-table__cell pf-num">{after}</td>
                </tr>
            }
        })
        .collect_view()
}

fn treatment(t: &Treatment, l: Lang) -> String {
    let loc = l.locale();
    match t {
        Treatment::Kept => l.pick("ongewijzigd", "unchanged").into(),
        Treatment::Generalised {
            meaning,
            level,
            height,
            dimension,
        } => match l {
            Lang::Nl => format!("{meaning} (niveau {level} van {height}, met {dimension})"),
            Lang::En => format!("{meaning} (level {level} of {height}, with {dimension})"),
        },
        Treatment::Rare {
            coding: RareCoding::Capped { bottom, top, .. },
        }
        | Treatment::TopCoded { bottom, top, .. } => match l {
            Lang::Nl => format!("afgekapt op {} en {}", loc.number(*bottom, 1), loc.number(*top, 1)),
            Lang::En => format!("capped at {} and {}", loc.number(*bottom, 1), loc.number(*top, 1)),
        },
        Treatment::Rare {
            coding: RareCoding::Bands { bands, .. },
        } => match l {
            Lang::Nl => format!("in {bands} klassen"),
            Lang::En => format!("in {bands} bands"),
        },
        Treatment::Rare {
            coding: RareCoding::Joined { values, .. },
        } => match l {
            Lang::Nl => format!("{values} zeldzame waarden als '(overig)'"),
            Lang::En => format!("{values} rare values as '(overig)'"),
        },
        Treatment::Rare {
            coding: RareCoding::Width { width },
        } => match l {
            Lang::Nl => format!("in klassen van {}", loc.number(*width, 0)),
            Lang::En => format!("in bands of {}", loc.number(*width, 0)),
        },
        Treatment::Dropped {
            why: DropReason::Identifying,
        } => l.pick("weggelaten (identificerend)", "left out (identifying)").into(),
        Treatment::Dropped {
            why: DropReason::Purpose,
        } => l.pick("weggelaten voor het doel", "left out for the purpose").into(),
        Treatment::Dropped { why: DropReason::User } => {
            l.pick("weggelaten op uw verzoek", "left out as you asked").into()
        }
    }
}

fn columns_table(columns: &[ColumnOutcome], l: Lang) -> impl IntoView {
    let rows = columns
        .iter()
        .map(|c| {
            view! {
                <tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="row">{c.role.column.clone()}</th>
                    <td class="utrecht-table__cell">{role_name(c.role.role, l)}</td>
                    <td class="utrecht-table__cell">{treatment(&c.treatment, l)}</td>
                    <td class="utrecht-table__cell pf-num">{pct(c.loss, l)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <details class="pf-options" data-testid="column-loss">
            <summary>{l.pick("Wat er met elke kolom gebeurde, en het verlies", "What happened to each column, and the loss")}</summary>
            <crate::components::table_frame::TableFrame label=l.pick("Verlies per kolom", "Loss per column")>
                <table class="utrecht-table">
                    <thead class="utrecht-table__header"><tr class="utrecht-table__row">
                        <th class="utrecht-table__header-cell" scope="col">{l.pick("Kolom", "Column")}</th>
                        <th class="utrecht-table__header-cell" scope="col">{l.pick("Rol", "Role")}</th>
                        <th class="utrecht-table__header-cell" scope="col">{l.pick("Bewerking", "Treatment")}</th>
                        <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Verlies", "Loss")}</th>
                    </tr></thead>
                    <tbody class="utrecht-table__body">{rows}</tbody>
                </table>
            </crate::components::table_frame::TableFrame>
        </details>
    }
}

/// The audit, with fixes for the findings about a column (when it is of the file being protected).
fn audit_view(a: &Audit, fixes: Option<(Form, &AnonymiseView)>, l: Lang) -> impl IntoView {
    let state = expect_context::<AppState>();
    let own = fixes.is_some();
    let k = a.k;
    let numeric = |column: &str| {
        state.summary.with_untracked(|s| {
            s.analysis
                .as_ref()
                .is_some_and(|an| an.list.iter().any(|v| v.name == column && v.numeric))
        })
    };
    let role_of =
        |column: &str| fixes.and_then(|(_, view)| view.roles.iter().find(|r| r.column == column).map(|r| r.role));
    let headline = if a.passed {
        match l {
            Lang::Nl => format!(
                "Controle geslaagd: het geschreven bestand is teruggelezen; elke combinatie van de {} quasi-identificerende kolommen komt minstens {} keer voor (kleinste klasse {}).",
                a.quasi.len(), a.k, a.smallest_class
            ),
            Lang::En => format!(
                "Check passed: the written file was read back; every combination of the {} quasi-identifying columns occurs at least {} times (smallest class {}).",
                a.quasi.len(), a.k, a.smallest_class
            ),
        }
    } else {
        l.pick(
            "NIET ANONIEM: de controle van het geschreven bestand is niet geslaagd. Het bestand zegt dat ook. Los het op met een van de knoppen hieronder.",
            "NOT ANONYMOUS: the check of the written file did not pass. The file says so too. Fix it with one of the buttons below.",
        )
        .to_string()
    };
    let item = |f: &Finding| {
        let text = finding(f, k, l);
        let fixes = fixes.and_then(|(form, _)| finding_column(f).map(|column| (form, column))).map(|(form, column)| {
                let column = column.to_string();
                let (c1, c2, c3) = (column.clone(), column.clone(), column.clone());
                let quasi = role_of(&column) != Some(Role::Quasi);
                let band = numeric(&column) && role_of(&column) == Some(Role::Other);
                view! {
                    <span class="utrecht-button-group">
                        {quasi.then(|| view! {
                            <button type="button" class="utrecht-button utrecht-button--subtle"
                                on:click=move |_| { form.set_role(&c1, Role::Quasi); form.protect(state) }>
                                {format!("{} {}", l.pick("Als quasi-identificator:", "As quasi-identifier:"), c1)}
                            </button>
                        })}
                        {band.then(|| view! {
                            <button type="button" class="utrecht-button utrecht-button--subtle"
                                on:click=move |_| { form.band.update(|b| if !b.contains(&c2) { b.push(c2.clone()) }); form.protect(state) }>
                                {format!("{} {}", l.pick("In klassen:", "In bands:"), c2)}
                            </button>
                        })}
                        <button type="button" class="utrecht-button utrecht-button--subtle"
                            on:click=move |_| { form.drop.update(|d| if !d.contains(&c3) { d.push(c3.clone()) }); form.protect(state) }>
                            {format!("{} {}", l.pick("Weglaten:", "Leave out:"), c3)}
                        </button>
                    </span>
                }
            });
        let kind = if f.fails() {
            l.pick("Fout", "Error")
        } else {
            l.pick("Waarschuwing", "Warning")
        };
        view! { <li class="utrecht-unordered-list__item"><strong>{kind}": "</strong>{text}" "{fixes}</li> }
    };
    let errors = a.findings.iter().filter(|f| f.fails()).map(item).collect_view();
    let warnings: Vec<&Finding> = a.findings.iter().filter(|f| !f.fails()).collect();
    let warned = warnings.len();
    let warnings = (warned > 0).then(|| {
        let title = match l {
            Lang::Nl => format!("{warned} waarschuwingen: kolommen die volgens het gegevenswoordenboek geen aanvaller kent, maar die klassen zouden splitsen als iemand ze wel kende"),
            Lang::En => format!("{warned} warnings: columns no attacker knows by the data dictionary, but that would split classes if someone did"),
        };
        view! {
            <details class="pf-options" data-testid="audit-warnings">
                <summary>{title}</summary>
                <ul class="utrecht-unordered-list">{warnings.into_iter().map(item).collect_view()}</ul>
            </details>
        }
    });
    let class = if a.passed {
        "utrecht-alert utrecht-alert--ok"
    } else {
        "utrecht-alert utrecht-alert--error"
    };
    view! {
        <div class=class role="status" data-testid=if own { "audit" } else { "file-audit-result" } data-passed=a.passed.to_string()>
            <div class="utrecht-alert__content"><div class="utrecht-alert__message">
                <p class="utrecht-paragraph">{headline}</p>
                {(!a.passed).then(|| view! { <ul class="utrecht-unordered-list">{errors}</ul> })}
                {warnings}
            </div></div>
        </div>
    }
}

fn tree_cell(t: &Option<TreeSummary>, l: Lang) -> String {
    match t {
        None => "–".into(),
        Some(t) => {
            let split = t
                .root_split
                .clone()
                .unwrap_or_else(|| l.pick("geen splitsing", "no split").into());
            let groups = if t.groups.is_empty() {
                String::new()
            } else {
                format!(
                    " ({})",
                    t.groups.iter().map(|g| l.label(g)).collect::<Vec<_>>().join(" | ")
                )
            };
            let correct = t.correct.map_or(String::new(), |c| {
                format!("; {} {}", l.locale().number(c, 1), l.pick("% goed", "% correct"))
            });
            format!("{split}{groups}{correct}")
        }
    }
}

fn conclusions_view(found: &[Conclusion], l: Lang) -> impl IntoView {
    let rows = found
        .iter()
        .map(|c| {
            let name = if c.multi_level {
                format!(
                    "{} ({})",
                    c.target,
                    l.pick("met kenmerken van steunpunten", "with steunpunt characteristics")
                )
            } else {
                c.target.clone()
            };
            let verdict = if c.protected.is_none() {
                c.why_not.clone().unwrap_or_default()
            } else if c.stays {
                l.pick("conclusie blijft", "conclusion stays").to_string()
            } else {
                l.pick("conclusie verandert", "conclusion changes").to_string()
            };
            view! {
                <tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="row">{name}</th>
                    <td class="utrecht-table__cell">{tree_cell(&c.original, l)}</td>
                    <td class="utrecht-table__cell">{tree_cell(&c.protected, l)}</td>
                    <td class="utrecht-table__cell">{verdict}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <crate::components::table_frame::TableFrame label=l.pick("Bomen vergeleken", "Trees compared")>
            <table class="utrecht-table" data-testid="conclusions">
                <caption class="utrecht-table__caption">{l.pick(
                    "Blijven de conclusies? Dezelfde CHAID-bomen op het analysebestand en op het beschermde bestand (eerste splitsing, groepen, deel goed geclassificeerd)",
                    "Do the conclusions survive? The same CHAID trees on the analysis file and on the protected file (first split, groups, share classified correctly)",
                )}</caption>
                <thead class="utrecht-table__header"><tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="col">{l.pick("Boom", "Tree")}</th>
                    <th class="utrecht-table__header-cell" scope="col">{l.pick("Analysebestand", "Analysis file")}</th>
                    <th class="utrecht-table__header-cell" scope="col">{l.pick("Beschermd bestand", "Protected file")}</th>
                    <th class="utrecht-table__header-cell" scope="col">{l.pick("Conclusie", "Conclusion")}</th>
                </tr></thead>
                <tbody class="utrecht-table__body">{rows}</tbody>
            </table>
        </crate::components::table_frame::TableFrame>
    }
}

#[component]
pub fn ProtectionResult(form: Form) -> impl IntoView {
    let state = expect_context::<AppState>();
    let download = move |format: ExportFormat| {
        move |_| {
            state.send(
                Export::Anonymised {
                    settings: form.settings(),
                    format,
                },
                Vec::new(),
            )
        }
    };
    // The trees follow a protection that passed its audit.
    Effect::new(move |_| {
        let passed = state
            .results
            .anonymised
            .with(|v| v.as_ref().and_then(|v| v.audit.as_ref()).is_some_and(|a| a.passed));
        if passed && state.results.conclusions.with_untracked(Option::is_none) {
            state.send(
                Query::Conclusions {
                    settings: form.settings(),
                },
                Vec::new(),
            );
        }
    });
    move || {
        let l = state.lang.get();
        let loc = l.locale();
        state.results.anonymised.get().map(|v| {
            let audit = v.audit.as_ref().map(|a| audit_view(a, Some((form, &v)), l));
            let summary = v.after.as_ref().map(|_| {
                let passed = v.audit.as_ref().is_some_and(|a| a.passed);
                let text = match l {
                    Lang::Nl => format!(
                        "{} van {} records; informatieverlies {}; {} cellen onderdrukt; {} records weggelaten; {} van {} combinaties doorzocht in {} ms; controle in {} ms.",
                        loc.integer((v.rows_in_scope - v.removed_records) as u64), loc.integer(v.rows_in_scope as u64), pct(v.loss, l),
                        loc.integer(v.suppressed_cells as u64), loc.integer(v.removed_records as u64), v.evaluated, v.nodes,
                        loc.integer(v.ms.round() as u64), loc.integer(v.audit_ms.round() as u64)
                    ),
                    Lang::En => format!(
                        "{} of {} records; information loss {}; {} cells suppressed; {} records left out; {} of {} combinations searched in {} ms; check in {} ms.",
                        loc.integer((v.rows_in_scope - v.removed_records) as u64), loc.integer(v.rows_in_scope as u64), pct(v.loss, l),
                        loc.integer(v.suppressed_cells as u64), loc.integer(v.removed_records as u64), v.evaluated, v.nodes,
                        loc.integer(v.ms.round() as u64), loc.integer(v.audit_ms.round() as u64)
                    ),
                };
                let (xlsx, csv) = if passed {
                    (l.pick("Download beschermd bestand (Excel)", "Download protected file (Excel)"), l.pick("Download beschermd bestand (CSV)", "Download protected file (CSV)"))
                } else {
                    (l.pick("Download NIET ANONIEM bestand (Excel)", "Download NOT ANONYMOUS file (Excel)"), l.pick("Download NIET ANONIEM bestand (CSV)", "Download NOT ANONYMOUS file (CSV)"))
                };
                view! {
                    <p class="utrecht-paragraph" data-testid="anonymise-summary">{text}</p>
                    {columns_table(&v.columns, l)}
                    <div class="utrecht-button-group">
                        <button type="button" class="utrecht-button utrecht-button--primary-action" on:click=download(ExportFormat::Xlsx)>{xlsx}</button>
                        <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=download(ExportFormat::Csv)>{csv}</button>
                    </div>
                }
            });
            let conclusions = move || state.results.conclusions.get().map(|c| conclusions_view(&c, state.lang.get()));
            view! {
                {audit}
                <crate::components::table_frame::TableFrame label=l.pick("Risico", "Risk")>
                    <table class="utrecht-table" data-testid="risk-table">
                        <caption class="utrecht-table__caption">{l.pick("Risico van het analysebestand, per aanvaller", "Risk of the analysis file, per attacker")}</caption>
                        <thead class="utrecht-table__header"><tr class="utrecht-table__row">
                            <th class="utrecht-table__header-cell" scope="col">{l.pick("Maat", "Measure")}</th>
                            <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Nu", "Now")}</th>
                            <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Beschermd", "Protected")}</th>
                        </tr></thead>
                        <tbody class="utrecht-table__body">{risk_rows(&v, l)}</tbody>
                    </table>
                </crate::components::table_frame::TableFrame>
                {summary}
                {conclusions}
            }
        })
    }
}

/// Any person-level file the user brings, audited the same way (nothing is kept).
#[component]
pub fn FileAuditCheck(form: Form) -> impl IntoView {
    use wasm_bindgen::JsCast;
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|l| l.get(0)) else {
            return;
        };
        state.results.file_audit.set(None);
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buf) => state.send(
                    Query::AuditFile {
                        name: file.name(),
                        settings: form.settings(),
                    },
                    vec![buf.unchecked_into::<js_sys::ArrayBuffer>()],
                ),
                Err(_) => state
                    .error
                    .set(Some(format!("{}: het bestand kon niet worden gelezen.", file.name()))),
            }
        });
    };
    view! {
        <details class="pf-options" data-testid="file-audit">
            <summary>{move || lang.get().pick("Een ander bestand controleren", "Check another file")}</summary>
            <p class="utrecht-paragraph">{move || lang.get().pick(
                "Kies een bestand met een rij per persoon (ook een bestand dat elders gemaakt is). Het wordt op dezelfde manier gecontroleerd, met de rollen uit het gegevenswoordenboek en de eisen hierboven. Er wordt niets bewaard.",
                "Choose a file with a row per person (also one made elsewhere). It is checked the same way, with the roles from the data dictionary and the requirements above. Nothing is kept.",
            )}</p>
            <label for="pf-audit-file" class="pf-label">{move || lang.get().pick("Bestand om te controleren", "File to check")}</label>
            <input id="pf-audit-file" type="file" accept=".csv,.txt,.xlsx,.xls,.ods" on:change=on_pick/>
            {move || state.results.file_audit.get().map(|(name, a)| {
                let l = lang.get();
                view! {
                    <p class="utrecht-paragraph"><strong>{name}</strong></p>
                    {audit_view(&a, None, l)}
                }
            })}
        </details>
    }
}
