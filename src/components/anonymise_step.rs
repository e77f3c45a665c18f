//! Step 4, Anonimiseren: linkage files with a project secret, and the disclosure
//! risk of the analysis file with the one click that makes it k-anonymous and
//! l-diverse with the least information loss, as a download that states how.

use leptos::prelude::*;
use perspectief_core::anonymise::{Risk, Settings, DEFAULT_QUASI, DEFAULT_SENSITIVE};

use crate::app::AppState;
use crate::components::linkage_files::LinkageFiles;
use crate::engine::protocol::{AnonymiseView, ExportFormat, Request};
use crate::i18n::Lang;

#[derive(Clone, Copy)]
struct Form {
    quasi: RwSignal<Vec<String>>,
    sensitive: RwSignal<Vec<String>>,
    keep: RwSignal<Vec<String>>,
    k: RwSignal<usize>,
    l: RwSignal<usize>,
    suppression: RwSignal<f64>,
    top_code: RwSignal<Vec<String>>,
}

impl Form {
    fn settings(&self) -> Settings {
        let mut s = Settings::default()
            .quasi(self.quasi.get_untracked())
            .sensitive(self.sensitive.get_untracked())
            .k(self.k.get_untracked())
            .l(self.l.get_untracked())
            .max_suppression(self.suppression.get_untracked() / 100.0)
            .top_code(self.top_code.get_untracked());
        for q in self.keep.get_untracked() {
            if s.quasi.contains(&q) {
                s = s.max_level(q, 0);
            }
        }
        s
    }
}

fn toggle(list: RwSignal<Vec<String>>, name: String) -> impl Fn(leptos::ev::Event) {
    move |ev| {
        let on = event_target_checked(&ev);
        list.update(|v| {
            v.retain(|n| *n != name);
            if on {
                v.push(name.clone());
            }
        })
    }
}

fn risk_rows(view: &AnonymiseView, l: Lang) -> impl IntoView {
    let loc = l.locale();
    let pct = move |x: f64| format!("{} %", loc.number(100.0 * x, 1));
    type Measure = (&'static str, &'static str, fn(&Risk) -> f64, bool);
    let measures: [Measure; 6] = [
        ("Records", "Records", |r| r.records as f64, false),
        ("Klassen", "Classes", |r| r.classes as f64, false),
        ("Kleinste klasse", "Smallest class", |r| r.smallest_class as f64, false),
        (
            "Records in klassen kleiner dan k",
            "Records in classes smaller than k",
            |r| r.records_below_k as f64,
            false,
        ),
        (
            "Hoogste heridentificatierisico",
            "Highest re-identification risk",
            |r| r.prosecutor_max,
            true,
        ),
        (
            "Gemiddeld heridentificatierisico",
            "Average re-identification risk",
            |r| r.prosecutor_average,
            true,
        ),
    ];
    let cell = move |r: Option<&Risk>, f: fn(&Risk) -> f64, percent: bool| {
        r.map_or(String::new(), |r| {
            if percent {
                pct(f(r))
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
            .map_or(String::new(), |a| a.diversity[i].l.to_string());
        rows.push((
            format!("l-{} {}", l.pick("diversiteit van", "diversity of"), d.attribute),
            d.l.to_string(),
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

#[component]
fn RiskResult(form: Form) -> impl IntoView {
    let state = expect_context::<AppState>();
    let download = move |format: ExportFormat| {
        move |_| {
            state.send(
                Request::ExportAnonymised {
                    settings: form.settings(),
                    format,
                },
                Vec::new(),
            )
        }
    };
    move || {
        let l = state.lang.get();
        let loc = l.locale();
        state.results.anonymised.get().map(|v| {
            let summary = v.after.as_ref().map(|_| {
                let levels = v
                    .generalised
                    .iter()
                    .map(|g| format!("{}: {} ({} {} {} {})", g.column, g.meaning, l.pick("niveau", "level"), g.level, l.pick("van", "of"), g.height))
                    .collect::<Vec<_>>()
                    .join("; ");
                let text = match l {
                    Lang::Nl => format!(
                        "{}-anoniem en {}-divers. Informatieverlies {} %; {} cellen onderdrukt; {} records weggelaten; {} van {} combinaties doorzocht in {} ms. {levels}.",
                        v.settings.k, v.settings.l, loc.number(100.0 * v.loss, 1), loc.integer(v.suppressed_cells as u64),
                        loc.integer(v.removed_records as u64), v.evaluated, v.nodes, loc.integer(v.ms.round() as u64)
                    ),
                    Lang::En => format!(
                        "{}-anonymous and {}-diverse. Information loss {} %; {} cells suppressed; {} records left out; {} of {} combinations searched in {} ms. {levels}.",
                        v.settings.k, v.settings.l, loc.number(100.0 * v.loss, 1), loc.integer(v.suppressed_cells as u64),
                        loc.integer(v.removed_records as u64), v.evaluated, v.nodes, loc.integer(v.ms.round() as u64)
                    ),
                };
                view! {
                    <p class="utrecht-paragraph" data-testid="anonymise-summary">{text}</p>
                    <div class="utrecht-button-group">
                        <button type="button" class="utrecht-button utrecht-button--primary-action" on:click=download(ExportFormat::Xlsx)>{l.pick("Download geanonimiseerd bestand (Excel)", "Download anonymised file (Excel)")}</button>
                        <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=download(ExportFormat::Csv)>{l.pick("Download geanonimiseerd bestand (CSV)", "Download anonymised file (CSV)")}</button>
                    </div>
                }
            });
            let sizes = |r: &Risk| {
                r.sizes
                    .iter()
                    .take(8)
                    .map(|(size, n)| format!("{} × {}", loc.integer(*n as u64), loc.integer(*size as u64)))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let classes = match &v.after {
                Some(a) => format!(
                    "{} {}; {} {}",
                    l.pick("Kleinste klassen nu (aantal × grootte):", "Smallest classes now (number × size):"),
                    sizes(&v.before),
                    l.pick("na anonimiseren:", "after anonymising:"),
                    sizes(a)
                ),
                None => format!("{} {}", l.pick("Kleinste klassen (aantal × grootte):", "Smallest classes (number × size):"), sizes(&v.before)),
            };
            view! {
                <table class="utrecht-table" data-testid="risk-table">
                    <caption class="utrecht-table__caption">{l.pick("Risico van het analysebestand", "Risk of the analysis file")}</caption>
                    <thead class="utrecht-table__header"><tr class="utrecht-table__row">
                        <th class="utrecht-table__header-cell" scope="col">{l.pick("Maat", "Measure")}</th>
                        <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Nu", "Now")}</th>
                        <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Na anonimiseren", "After anonymising")}</th>
                    </tr></thead>
                    <tbody class="utrecht-table__body">{risk_rows(&v, l)}</tbody>
                </table>
                <p class="utrecht-paragraph" data-testid="class-sizes">{classes}</p>
                {summary}
            }
        })
    }
}

#[component]
pub fn AnonymiseStep() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let list = Memo::new(move |_| state.summary.with(|s| s.analysis.as_ref().map(|a| a.list.clone())));
    let saved = state.summary.with_untracked(|s| s.anonymisation.clone());
    let present = |names: &[&str]| -> Vec<String> {
        list.with_untracked(|l| {
            names
                .iter()
                .filter(|n| l.as_ref().is_some_and(|l| l.iter().any(|v| v.name == **n)))
                .map(|n| n.to_string())
                .collect()
        })
    };
    let d = saved.clone().unwrap_or_else(|| {
        Settings::default()
            .quasi(present(&DEFAULT_QUASI))
            .sensitive(present(&DEFAULT_SENSITIVE))
    });
    let form = Form {
        quasi: RwSignal::new(d.quasi.clone()),
        sensitive: RwSignal::new(d.sensitive.clone()),
        keep: RwSignal::new(
            d.max_levels
                .iter()
                .filter(|(_, l)| *l == 0)
                .map(|(c, _)| c.clone())
                .collect(),
        ),
        k: RwSignal::new(d.k),
        l: RwSignal::new(d.l),
        suppression: RwSignal::new(d.max_suppression * 100.0),
        top_code: RwSignal::new(d.top_code.clone()),
    };
    let body = move || {
        let l = lang.get();
        let Some(list) = list.get() else {
            return view! {
                <p class="utrecht-paragraph">{l.pick(
                    "Laad registraties bij stap 1 om het risico van het analysebestand te zien.",
                    "Load registrations in step 1 to see the risk of the analysis file.",
                )}</p>
            }
            .into_any();
        };
        let boxes = |role: &'static str, signal: RwSignal<Vec<String>>| {
            list.iter()
                .enumerate()
                .map(|(i, v)| {
                    let id = format!("pf-{role}-{i}");
                    let name = v.name.clone();
                    let checked = name.clone();
                    view! {
                        <div class="pf-check">
                            <input type="checkbox" id=id.clone() prop:checked=move || signal.with(|s| s.contains(&checked)) on:change=toggle(signal, name)/>
                            <label for=id>{v.name.clone()}</label>
                        </div>
                    }
                })
                .collect_view()
        };
        // Counts (numeric columns named "aantal…") can be top- and bottom-coded at 1 %.
        let counts = list
            .iter()
            .filter(|v| v.numeric && v.name.starts_with("aantal"))
            .enumerate()
            .map(|(i, v)| {
                let id = format!("pf-top-{i}");
                let checked = v.name.clone();
                view! {
                    <div class="pf-check">
                        <input type="checkbox" id=id.clone() prop:checked=move || form.top_code.with(|s| s.contains(&checked)) on:change=toggle(form.top_code, v.name.clone())/>
                        <label for=id>{v.name.clone()}</label>
                    </div>
                }
            })
            .collect_view();
        let keep_boxes = move || {
            form.quasi
                .get()
                .into_iter()
                .enumerate()
                .map(|(i, q)| {
                    let id = format!("pf-keep-{i}");
                    let checked = q.clone();
                    view! {
                        <div class="pf-check">
                            <input type="checkbox" id=id.clone() prop:checked=move || form.keep.with(|s| s.contains(&checked)) on:change=toggle(form.keep, q.clone())/>
                            <label for=id>{format!("{} {q}", lang.get().pick("Niet generaliseren:", "Do not generalise:"))}</label>
                        </div>
                    }
                })
                .collect_view()
        };
        let number = |id: &'static str,
                      label: &'static str,
                      on: Box<dyn Fn(String)>,
                      value: Box<dyn Fn() -> String + Send + Sync>| {
            view! {
                <div class="pf-field">
                    <label for=id class="pf-label">{label}</label>
                    <input id=id class="utrecht-textbox pf-short" type="number" prop:value=value on:change=move |ev| on(event_target_value(&ev))/>
                </div>
            }
        };
        view! {
            <section aria-labelledby="pf-risk-heading" data-testid="anonymise">
                <h2 class="utrecht-heading-2" id="pf-risk-heading">{l.pick("Risico en bescherming van het analysebestand", "Risk and protection of the analysis file")}</h2>
                <p class="utrecht-paragraph">{l.pick(
                    "Quasi-identificatoren zijn kenmerken die samen iemand kunnen aanwijzen; gevoelige attributen zijn wat niemand over een herkenbaar persoon mag te weten komen. k-anonimiteit: elke combinatie van quasi-identificatoren komt minstens k keer voor. l-diversiteit: binnen elke combinatie heeft elk gevoelig attribuut minstens l verschillende waarden.",
                    "Quasi-identifiers are characteristics that together can single someone out; sensitive attributes are what no one may learn about a recognisable person. k-anonymity: each combination of quasi-identifiers occurs at least k times. l-diversity: within each combination each sensitive attribute has at least l different values.",
                )}</p>
                <details class="pf-options">
                    <summary>{move || format!("{} ({}): {}", lang.get().pick("Quasi-identificatoren", "Quasi-identifiers"), form.quasi.with(Vec::len), form.quasi.get().join(", "))}</summary>
                    <div class="pf-columns-3" data-testid="quasi">{boxes("qi", form.quasi)}</div>
                </details>
                <details class="pf-options">
                    <summary>{move || format!("{} ({}): {}", lang.get().pick("Gevoelige attributen", "Sensitive attributes"), form.sensitive.with(Vec::len), form.sensitive.get().join(", "))}</summary>
                    <div class="pf-columns-3" data-testid="sensitive">{boxes("sens", form.sensitive)}</div>
                </details>
                <details class="pf-options">
                    <summary>{l.pick("Top- en bottomcodering van aantallen (de uiterste 1 % afgekapt)", "Top and bottom coding of counts (the outer 1 % capped)")}</summary>
                    <div class="pf-columns-3" data-testid="top-code">{counts}</div>
                </details>
                <fieldset class="pf-fieldset">
                    <legend class="pf-label">{l.pick("Eisen", "Requirements")}</legend>
                    {number("pf-k", l.pick("k (minimale klassegrootte)", "k (smallest class size)"), Box::new(move |v| if let Ok(x) = v.parse() { form.k.set(x) }), Box::new(move || form.k.get().to_string()))}
                    {number("pf-l", l.pick("l (verschillende waarden per klasse)", "l (different values per class)"), Box::new(move |v| if let Ok(x) = v.parse() { form.l.set(x) }), Box::new(move || form.l.get().to_string()))}
                    {number("pf-suppression", l.pick("Ten hoogste te onderdrukken records (%)", "At most this share of records suppressed (%)"), Box::new(move |v| if let Ok(x) = v.replace(',', ".").parse() { form.suppression.set(x) }), Box::new(move || form.suppression.get().to_string()))}
                    {keep_boxes}
                </fieldset>
                <div class="utrecht-button-group">
                    <button type="button" class="utrecht-button utrecht-button--secondary-action"
                        on:click=move |_| state.send(Request::Risk { settings: form.settings() }, Vec::new())>
                        {l.pick("Risico berekenen", "Compute risk")}
                    </button>
                    <button type="button" class="utrecht-button utrecht-button--primary-action"
                        on:click=move |_| { state.results.anonymised.set(None); state.send(Request::Anonymise { settings: form.settings() }, Vec::new()) }>
                        {l.pick("Maak k-anoniem met l-diversiteit", "Make it k-anonymous with l-diversity")}
                    </button>
                </div>
                <RiskResult form=form/>
            </section>
        }
        .into_any()
    };
    view! {
        <h1 class="utrecht-heading-1">{move || lang.get().pick("Anonimiseren", "Anonymise")}</h1>
        <LinkageFiles/>
        {body}
    }
}
