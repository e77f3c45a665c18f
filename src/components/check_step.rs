//! Step 2, Controle: the registration check per steunpunt, grouped by
//! problem, each line with the file, sheet and row to find in Excel; exports.

use leptos::prelude::*;
use perspectief_core::check::problem::{Problem, ProblemKind, Severity};
use perspectief_core::check::registration::ConflictRule;
use perspectief_core::messages::Localized;

use crate::engine::protocol::{Edit, Export, ExportFormat};
use crate::i18n::Lang;
use crate::state::AppState;

fn severity_label(s: Severity, lang: Lang) -> &'static str {
    match s {
        Severity::Fout => lang.pick("Fout", "Error"),
        Severity::Waarschuwing => lang.pick("Waarschuwing", "Warning"),
        Severity::Melding => lang.pick("Melding", "Notice"),
    }
}

fn problem_rows(problems: Vec<Problem>, counts: Vec<(ProblemKind, usize)>, lang: Lang) -> impl IntoView {
    let mut out = Vec::new();
    let mut last = None;
    let problems_kinds: Vec<ProblemKind> = problems.iter().map(|p| p.kind).collect();
    let problems_of_kind = |kinds: &[ProblemKind], k: ProblemKind| kinds.iter().filter(|x| **x == k).count();
    for p in problems {
        if last != Some(p.kind) {
            let n_label = p.kind.title_in(lang.locale());
            let total = counts.iter().find(|(k, _)| *k == p.kind).map_or(0, |(_, n)| *n);
            let shown = problems_of_kind(&problems_kinds, p.kind);
            let more = (total > shown).then(|| match lang {
                Lang::Nl => format!(
                    " ({} in totaal; de eerste {} hier, alle in de download)",
                    lang.locale().integer(total as u64),
                    shown
                ),
                Lang::En => format!(
                    " ({} in all; the first {} here, all in the download)",
                    lang.locale().integer(total as u64),
                    shown
                ),
            });
            out.push(
                view! {
                    <tr class="utrecht-table__row pf-group">
                        <th class="utrecht-table__header-cell" scope="rowgroup" colspan="6">
                            {format!("{} — {}{}", n_label, severity_label(p.severity, lang), more.unwrap_or_default())}
                        </th>
                    </tr>
                }
                .into_any(),
            );
            last = Some(p.kind);
        }
        out.push(
            view! {
                <tr class="utrecht-table__row">
                    <td class="utrecht-table__cell">{p.location_in(lang.locale())}</td>
                    <td class="utrecht-table__cell">{p.column.clone().unwrap_or_default()}</td>
                    <td class="utrecht-table__cell">{p.value.clone().unwrap_or_default()}</td>
                    <td class="utrecht-table__cell">{p.v_nummer.clone().unwrap_or_default()}</td>
                    <td class="utrecht-table__cell">{p.name.clone().unwrap_or_default()}</td>
                    <td class="utrecht-table__cell" data-engine="message">{p.text(lang.locale())}</td>
                </tr>
            }
            .into_any(),
        );
    }
    out
}

#[component]
pub fn CheckStep() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let t = move |nl: &'static str, en: &'static str| move || lang.get().pick(nl, en);
    // Exports are without V-nummers, names and values unless the user ticks "eigen organisatie".
    let own = RwSignal::new(false);
    // The filter: which severities (0 all, 1 errors and warnings, 2 errors) and which steunpunt.
    let level = RwSignal::new(0u8);
    let only = RwSignal::new(String::new());
    let export = move |format: ExportFormat, steunpunt: Option<String>| {
        move |_| {
            state.send(
                Export::Check {
                    format,
                    steunpunt: steunpunt.clone(),
                    own_organisation: own.get_untracked(),
                },
                Vec::new(),
            )
        }
    };
    let body = move || {
        let l = lang.get();
        let Some(check) = state.summary.with(|s| s.check.clone()) else {
            return view! {
                <div class="utrecht-alert utrecht-alert--info" role="status" data-testid="not-yet">
                    <div class="utrecht-alert__content"><div class="utrecht-alert__message">
                        <p class="utrecht-paragraph">{l.pick(
                            "Er is nog geen registratie van een steunpunt geladen. Laad eerst bestanden bij stap 1.",
                            "No steunpunt registration has been loaded yet. Load files in step 1 first.",
                        )}</p>
                    </div></div>
                </div>
            }
            .into_any();
        };
        let rule = state.summary.with(|s| s.conflict_rule);
        let errors: usize = check.steunpunten.values().map(|s| s.errors).sum();
        let warnings: usize = check.steunpunten.values().map(|s| s.warnings).sum();
        let notices: usize = check.steunpunten.values().map(|s| s.notices).sum();
        let (min, chosen) = (level.get(), only.get());
        let shows = move |p: &Problem| match min {
            2 => p.severity == Severity::Fout,
            1 => p.severity != Severity::Melding,
            _ => true,
        };
        let steunpunt_options = check
            .steunpunten
            .keys()
            .map(|sp| view! { <option value=sp.clone() selected=*sp == chosen>{sp.clone()}</option> })
            .collect_view();
        let sections = check
            .steunpunten
            .iter()
            .filter(|(sp, _)| chosen.is_empty() || **sp == chosen)
            .map(|(sp, s)| {
                let problems: Vec<Problem> = check.problems.iter().filter(|p| p.steunpunt.as_deref() == Some(sp.as_str()) && shows(p)).cloned().collect();
                let counts: Vec<(ProblemKind, usize)> = check.counts.iter().filter(|(s, _, _)| s == sp).map(|(_, k, n)| (*k, *n)).collect();
                let heading = format!(
                    "{sp}: {}, {}, {}, {}",
                    l.count(s.persons, ("cliënt", "cliënten"), ("client", "clients")),
                    l.count(s.errors, ("fout", "fouten"), ("error", "errors")),
                    l.count(s.warnings, ("waarschuwing", "waarschuwingen"), ("warning", "warnings")),
                    l.count(s.notices, ("melding", "meldingen"), ("notice", "notices")),
                );
                let sp_xlsx = Some(sp.clone());
                let sp_csv = Some(sp.clone());
                let empty = problems.is_empty();
                // Sections start closed, except where there are errors (or a single steunpunt is chosen).
                let open = s.errors > 0 || !chosen.is_empty();
                view! {
                    <details class="pf-steunpunt" data-testid="steunpunt-section" open=open>
                        <summary><h2 class="utrecht-heading-2 pf-summary-heading">{heading}</h2></summary>
                        <div class="utrecht-button-group">
                            <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=export(ExportFormat::Xlsx, sp_xlsx)>
                                {format!("{} {sp} (Excel)", l.pick("Download controle", "Download check"))}
                            </button>
                            <button type="button" class="utrecht-button utrecht-button--subtle" on:click=export(ExportFormat::Csv, sp_csv)>
                                {format!("{} {sp} (CSV)", l.pick("Download controle", "Download check"))}
                            </button>
                        </div>
                        {if empty {
                            view! { <p class="utrecht-paragraph">{if min == 0 { l.pick("Geen bijzonderheden gevonden.", "Nothing found.") } else { l.pick("Niets van deze soort.", "Nothing of this kind.") }}</p> }.into_any()
                        } else {
                            view! {
                                <crate::components::table_frame::TableFrame label=l.pick("Meldingen", "Findings")>
                                    <table class="utrecht-table">
                                        <thead class="utrecht-table__header">
                                            <tr class="utrecht-table__row">
                                                <th class="utrecht-table__header-cell" scope="col">{l.pick("Waar", "Where")}</th>
                                                <th class="utrecht-table__header-cell" scope="col">{l.pick("Kolom", "Column")}</th>
                                                <th class="utrecht-table__header-cell" scope="col">{l.pick("Waarde", "Value")}</th>
                                                <th class="utrecht-table__header-cell" scope="col">"V-nummer"</th>
                                                <th class="utrecht-table__header-cell" scope="col">{l.pick("Naam", "Name")}</th>
                                                <th class="utrecht-table__header-cell" scope="col">{l.pick("Wat te doen", "What to do")}</th>
                                            </tr>
                                        </thead>
                                        <tbody class="utrecht-table__body">{problem_rows(problems, counts.clone(), l)}</tbody>
                                    </table>
                                </crate::components::table_frame::TableFrame>
                            }.into_any()
                        }}
                    </details>
                }
            })
            .collect_view();
        let filter = view! {
            <div class="pf-form-row" data-testid="check-filter">
                <div class="pf-field">
                    <label for="pf-check-level" class="pf-label">{l.pick("Toon", "Show")}</label>
                    <select id="pf-check-level" class="utrecht-select" on:change=move |ev| level.set(event_target_value(&ev).parse().unwrap_or(0))>
                        <option value="0" selected=min == 0>{l.pick("alle meldingen", "everything")}</option>
                        <option value="1" selected=min == 1>{l.pick("fouten en waarschuwingen", "errors and warnings")}</option>
                        <option value="2" selected=min == 2>{l.pick("alleen fouten", "errors only")}</option>
                    </select>
                </div>
                <div class="pf-field">
                    <label for="pf-check-steunpunt" class="pf-label">{l.pick("Steunpunt", "Steunpunt")}</label>
                    <select id="pf-check-steunpunt" class="utrecht-select" on:change=move |ev| only.set(event_target_value(&ev))>
                        <option value="" selected=chosen.is_empty()>{l.pick("alle steunpunten", "all steunpunten")}</option>
                        {steunpunt_options}
                    </select>
                </div>
            </div>
        };
        view! {
            <div class="utrecht-alert utrecht-alert--warning" role="note">
                <div class="utrecht-alert__content"><div class="utrecht-alert__message">
                    <p class="utrecht-paragraph">{l.pick(
                        "Dit overzicht toont V-nummers en namen. Het is alleen voor eigen gebruik binnen het steunpunt: stuur het niet door. Voor anderen maakt u later een bestand zonder V-nummers en namen (stap 4).",
                        "This overview shows V-nummers and names. It is only for use within the steunpunt: do not forward it. For others you will make a file without V-nummers and names (step 4).",
                    )}</p>
                </div></div>
            </div>
            <p class="utrecht-paragraph" data-testid="check-totals">
                {format!(
                    "{}; {}, {}, {}. {} {}.",
                    l.count(check.persons, ("cliënt", "cliënten"), ("client", "clients")),
                    l.count(errors, ("fout", "fouten"), ("error", "errors")),
                    l.count(warnings, ("waarschuwing", "waarschuwingen"), ("warning", "warnings")),
                    l.count(notices, ("melding", "meldingen"), ("notice", "notices")),
                    l.pick("Peildatum", "Reference date"),
                    check.peildatum,
                )}
            </p>
            <p class="utrecht-paragraph">
                <label for="pf-conflict" class="pf-label">{l.pick(
                    "Zelfde V-nummer met andere gegevens:",
                    "Same V-nummer with different data:",
                )}</label>
                <select id="pf-conflict" class="utrecht-select" on:change=move |ev| {
                    let rule = if event_target_value(&ev) == "keep_all" { ConflictRule::KeepAll } else { ConflictRule::LatestIntake };
                    state.send(Edit::SetConflictRule { rule }, Vec::new());
                }>
                    <option value="latest_intake" selected=rule == ConflictRule::LatestIntake>
                        {l.pick("de rij met de laatste instroomdatum aanhouden (standaard)", "keep the row with the latest intake date (default)")}
                    </option>
                    <option value="keep_all" selected=rule == ConflictRule::KeepAll>
                        {l.pick("alle rijen aanhouden als aparte cliënten", "keep every row as a separate client")}
                    </option>
                </select>
            </p>
            <div class="pf-check" data-testid="own-organisation">
                <input type="checkbox" id="pf-own" prop:checked=move || own.get() on:change=move |ev| own.set(event_target_checked(&ev))/>
                <label for="pf-own">{l.pick(
                    "Export voor de eigen organisatie: met V-nummers, namen en waarden (niet doorsturen)",
                    "Export for your own organisation: with V-nummers, names and values (do not pass on)",
                )}</label>
            </div>
            <p class="utrecht-paragraph pf-hint">{l.pick(
                "Zonder dit vinkje staan er geen V-nummers, namen of waarden in de download: bestand, tabblad, rij en kolom wijzen de persoon aan in uw eigen bestand.",
                "Without this tick the download holds no V-nummers, names or values: file, sheet, row and column point to the person in your own file.",
            )}</p>
            <div class="utrecht-button-group">
                <button type="button" class="utrecht-button utrecht-button--primary-action" on:click=export(ExportFormat::Xlsx, None)>
                    {l.pick("Download alle controles (Excel)", "Download all checks (Excel)")}
                </button>
                <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=export(ExportFormat::Csv, None)>
                    {l.pick("Download alle controles (CSV)", "Download all checks (CSV)")}
                </button>
            </div>
            <h2 class="utrecht-heading-2">{l.pick("Per steunpunt", "Per steunpunt")}</h2>
            {filter}
            {sections}
        }
        .into_any()
    };
    view! {
        <h1 class="utrecht-heading-1">{t("Controle", "Check")}</h1>
        {body}
        <crate::components::national_view::NationalView/>
        <crate::components::steps::StepEnd next=crate::state::Step::Koppeling/>
    }
}
