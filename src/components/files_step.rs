//! Step 1, Bestanden: drop or pick files (or load the demo); see per file its
//! kind, sheets, rows, clients and problems. Reading happens in the worker.

use leptos::prelude::*;
use perspectief_core::kind::FileKind;
use perspectief_core::messages::Localized;
use wasm_bindgen::JsCast;

use crate::engine::protocol::{Edit, FileSummary};
use crate::i18n::Lang;
use crate::state::{AppState, Screen, Step};

pub fn kind_label(kind: FileKind, lang: Lang) -> &'static str {
    match kind {
        FileKind::Registration => lang.pick("Registratie steunpunt", "Steunpunt registration"),
        FileKind::National => lang.pick("Landelijk extract (DMB/IND)", "National extract (DMB/IND)"),
        FileKind::Characteristics => lang.pick("Kenmerken steunpunten", "Steunpunt characteristics"),
    }
}

const KINDS: [FileKind; 3] = [FileKind::Registration, FileKind::National, FileKind::Characteristics];

/// Read the files' bytes (async, not CPU work) and hand them to the worker.
fn send_files(state: AppState, list: web_sys::FileList) {
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    if files.is_empty() {
        return;
    }
    leptos::task::spawn_local(async move {
        let mut names = Vec::new();
        let mut buffers = Vec::new();
        let mut refused = Vec::new();
        let limit = perspectief_core::ingest::grid::DEFAULT_MAX_BYTES;
        for f in files {
            // Too large for the browser to hold: said before anything is read.
            if f.size() > limit as f64 {
                let e = perspectief_core::ingest::error::ReadError::TooLarge {
                    file: f.name(),
                    bytes: f.size() as u64,
                    limit,
                };
                refused.push(e.text(state.lang.get_untracked().locale()));
                continue;
            }
            match wasm_bindgen_futures::JsFuture::from(f.array_buffer()).await {
                Ok(buf) => {
                    names.push(f.name());
                    buffers.push(buf.unchecked_into::<js_sys::ArrayBuffer>());
                }
                Err(_) => state
                    .error
                    .set(Some(format!("{}: het bestand kon niet worden gelezen.", f.name()))),
            }
        }
        if !names.is_empty() {
            state.progress.set(Some(crate::state::Progress {
                done: 0,
                total: names.len(),
                current: String::new(),
            }));
            state.send(Edit::Load { names }, buffers);
        }
        if !refused.is_empty() {
            state.error.set(Some(refused.join(" ")));
        }
    });
}

#[component]
pub fn FilesStep() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let t = move |nl: &'static str, en: &'static str| move || lang.get().pick(nl, en);
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(list) = input.files() {
            send_files(state, list);
        }
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(list) = ev.data_transfer().and_then(|d| d.files()) {
            send_files(state, list);
        }
    };
    view! {
        <h1 class="utrecht-heading-1">{t("Bestanden", "Files")}</h1>
        <p class="utrecht-paragraph">{t(
            "Sleep de registraties van steunpunten, het landelijke extract en de kenmerken van steunpunten hierheen. Excel (.xlsx, .xls), OpenDocument (.ods) en CSV. Alles gebeurt op deze computer.",
            "Drop the steunpunt registrations, the national extract and the steunpunt characteristics here. Excel (.xlsx, .xls), OpenDocument (.ods) and CSV. Everything happens on this computer.",
        )}</p>
        <div
            class="pf-dropzone"
            data-testid="dropzone"
            on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=on_drop
        >
            <p class="utrecht-paragraph">
                <label for="pf-files" class="pf-label">{t("Bestanden kiezen", "Choose files")}</label>
                <input
                    id="pf-files"
                    type="file"
                    multiple
                    accept=".xlsx,.xlsm,.xls,.ods,.csv,.txt"
                    on:change=on_pick
                />
            </p>
            <p class="utrecht-paragraph">{t("Of probeer het eerst met verzonnen voorbeeldgegevens:", "Or try it first with invented example data:")}</p>
            <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                data-testid="load-demo"
                on:click=move |_| {
                    state.progress.set(Some(crate::state::Progress { done: 0, total: 22, current: String::new() }));
                    state.send(Edit::LoadDemo, Vec::new());
                }
            >
                {t("Voorbeeldgegevens laden", "Load example data")}
            </button>
        </div>
        <Show when=move || state.has_files()>
            <FileList/>
        </Show>
    }
}

fn remove_button(index: usize, name: &str, state: AppState) -> impl IntoView {
    let lang = state.lang.get_untracked();
    let name = name.to_string();
    view! {
        <td class="utrecht-table__cell">
            <button type="button" class="utrecht-button utrecht-button--subtle"
                on:click=move |_| {
                    state.send(Edit::Remove { file: index }, Vec::new());
                    crate::focus::after_action(&["[data-testid=\"file-list\"] caption", "main h1"]);
                }>
                {lang.pick("Verwijderen", "Remove")}<span class="pf-visually-hidden">" "{name}</span>
            </button>
        </td>
    }
}

fn file_row(index: usize, f: FileSummary, state: AppState) -> impl IntoView {
    let lang = state.lang.get();
    let loc = lang.locale();
    let name = f.name.clone();
    let Some(kind) = f.kind else {
        return view! {
            <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">{name}</th>
                <td class="utrecht-table__cell" colspan="6">
                    <span class="pf-error" role="alert">{f.error.as_ref().map(|e| e.text(loc)).unwrap_or_default()}</span>
                </td>
                {remove_button(index, &f.name, state)}
            </tr>
        }
        .into_any();
    };
    let kind_name = format!("{} {}", lang.pick("Soort van", "Kind of"), f.name);
    let on_kind = move |value: String| {
        if let Some(k) = KINDS.iter().find(|k| format!("{k:?}") == value) {
            state.send(Edit::SetKind { file: index, kind: *k }, Vec::new());
        }
    };
    let options = KINDS
        .iter()
        .map(|k| view! { <option value=format!("{k:?}") selected=*k == kind>{kind_label(*k, lang)}</option> })
        .collect_view();
    let sheets: Vec<String> = f
        .sheets
        .iter()
        .map(|s| {
            if s.sheet.is_empty() {
                "—".to_string()
            } else {
                s.sheet.clone()
            }
        })
        .collect();
    let has_column = f.sheets.iter().any(|s| {
        s.columns
            .iter()
            .any(|c| c.field == Some(perspectief_core::ingest::fields::Field::Steunpunt))
    });
    let steunpunt = match (kind, &f.steunpunt) {
        (FileKind::Registration, Some(sp)) => sp.clone().into_any(),
        (FileKind::Registration, None) if has_column => lang.pick("uit kolom", "from column").into_any(),
        (FileKind::Registration, None) => {
            // Not in a column, the file name or a title: ask.
            let label = format!("{} {}", lang.pick("Steunpunt van", "Steunpunt of"), f.name);
            let on_choose = move |steunpunt: String| {
                if !steunpunt.is_empty() {
                    state.send(Edit::SetSteunpunt { file: index, steunpunt }, Vec::new());
                }
            };
            let options = perspectief_core::ingest::steunpunt::KNOWN
                .iter()
                .map(|k| view! { <option value=*k>{*k}</option> })
                .collect_view();
            let (key, change, blur, pointer) = crate::components::form::KeySafe::handlers(on_choose);
            view! {
                <select class="utrecht-select" aria-label=label on:keydown=key on:change=change on:blur=blur on:pointerdown=pointer>
                    <option value="" selected=true>{lang.pick("Kies het steunpunt…", "Choose the steunpunt…")}</option>
                    {options}
                </select>
            }
            .into_any()
        }
        _ => String::new().into_any(),
    };
    view! {
        <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="row">{name}</th>
            <td class="utrecht-table__cell">
                {
                    let (key, change, blur, pointer) = crate::components::form::KeySafe::handlers(on_kind);
                    view! { <select class="utrecht-select" aria-label=kind_name on:keydown=key on:change=change on:blur=blur on:pointerdown=pointer>{options}</select> }
                }
            </td>
            <td class="utrecht-table__cell">{steunpunt}</td>
            <td class="utrecht-table__cell">{sheets.join(", ")}</td>
            <td class="utrecht-table__cell pf-num">{loc.integer(f.rows as u64)}</td>
            <td class="utrecht-table__cell pf-num">{if kind == FileKind::Registration { loc.integer(f.persons as u64) } else { String::new() }}</td>
            <td class="utrecht-table__cell pf-num">{if kind == FileKind::Registration { loc.integer(f.problems as u64) } else { String::new() }}</td>
            {remove_button(index, &f.name, state)}
        </tr>
    }
    .into_any()
}

#[component]
fn FileList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let t = move |nl: &'static str, en: &'static str| move || lang.get().pick(nl, en);
    let summary_line = move || {
        state.summary.with(|s| {
            let l = lang.get();
            let loc = l.locale();
            let read = s.files.iter().filter(|f| f.error.is_none()).count();
            let failed = s.files.len() - read;
            let persons = s.check.as_ref().map_or(0, |c| c.persons);
            let mut line = format!(
                "{}, {}",
                l.count(
                    read,
                    ("bestand gelezen", "bestanden gelezen"),
                    ("file read", "files read")
                ),
                l.count(persons, ("cliënt", "cliënten"), ("client", "clients")),
            );
            if failed > 0 {
                line.push_str(&format!(
                    ", {} {}",
                    loc.integer(failed as u64),
                    l.pick("niet te lezen", "unreadable")
                ));
            }
            if s.demo {
                line.push_str(l.pick(" (verzonnen voorbeeldgegevens)", " (invented example data)"));
            }
            line
        })
    };
    // The way on, inferred from what was dropped: a steunpunt has its own registration only; a
    // researcher has the national extract too.
    let path_hint = move || {
        let l = lang.get();
        state.summary.with(|s| {
            let has = |k: FileKind| s.files.iter().any(|f| f.kind == Some(k) && f.error.is_none());
            let text = match (has(FileKind::Registration), has(FileKind::National)) {
                (true, false) => l.pick(
                    "U heeft alleen registraties geladen, zoals een steunpunt. Uw weg: Controle, en dan bij Anonimiseren de koppelbestanden voor de onderzoeker. Koppeling slaat u over: daarvoor is het landelijke extract nodig, dat alleen de onderzoeker heeft.",
                    "You loaded registrations only, as a steunpunt does. Your way: Check, then the linkage files for the researcher in Anonymise. You skip Linkage: it needs the national extract, which only the researcher has.",
                ),
                (true, true) => l.pick(
                    "Registraties en het landelijke extract: alle stappen, van Controle en Koppeling tot Analyse.",
                    "Registrations and the national extract: every step, from Check and Linkage to Analysis.",
                ),
                (false, true) => l.pick(
                    "Alleen het landelijke extract: laad ook de registraties van de steunpunten.",
                    "The national extract only: load the steunpunten' registrations too.",
                ),
                (false, false) => return None,
            };
            Some(view! { <p class="utrecht-paragraph" data-testid="path-hint">{text}</p> })
        })
    };
    let rows = move || {
        state.summary.with(|s| {
            s.files
                .iter()
                .cloned()
                .enumerate()
                .map(|(i, f)| file_row(i, f, state))
                .collect_view()
        })
    };
    view! {
        <div class=move || if state.summary.with(|s| s.files.iter().any(|f| f.error.is_some())) { "utrecht-alert utrecht-alert--warning" } else { "utrecht-alert utrecht-alert--ok" }
            role="status">
            <div class="utrecht-alert__content">
                <div class="utrecht-alert__message">
                    <p class="utrecht-paragraph" data-testid="files-summary">{summary_line}</p>
                </div>
            </div>
        </div>
        {path_hint}
        <crate::components::table_frame::TableFrame label=move || lang.get().pick("Geladen bestanden", "Loaded files")>
            <table class="utrecht-table" data-testid="file-list">
                <caption class="utrecht-table__caption">{t("Geladen bestanden", "Loaded files")}</caption>
                <thead class="utrecht-table__header">
                    <tr class="utrecht-table__row">
                        <th class="utrecht-table__header-cell" scope="col">{t("Bestand", "File")}</th>
                        <th class="utrecht-table__header-cell" scope="col">{t("Soort", "Kind")}</th>
                        <th class="utrecht-table__header-cell" scope="col">{t("Steunpunt", "Steunpunt")}</th>
                        <th class="utrecht-table__header-cell" scope="col">{t("Tabbladen", "Sheets")}</th>
                        <th class="utrecht-table__header-cell pf-num" scope="col">{t("Rijen", "Rows")}</th>
                        <th class="utrecht-table__header-cell pf-num" scope="col">{t("Cliënten", "Clients")}</th>
                        <th class="utrecht-table__header-cell pf-num" scope="col">{t("Meldingen", "Findings")}</th>
                        <th class="utrecht-table__header-cell" scope="col"><span class="pf-visually-hidden">{t("Acties", "Actions")}</span></th>
                    </tr>
                </thead>
                <tbody class="utrecht-table__body">{rows}</tbody>
            </table>
        </crate::components::table_frame::TableFrame>
        <p class="utrecht-paragraph">
            <button
                type="button"
                class="utrecht-button utrecht-button--primary-action"
                on:click=move |_| state.screen.set(Screen::Step(Step::Controle))
            >
                {t("Naar de controle", "Go to the check")}
            </button>
        </p>
        <crate::components::columns::ColumnsPanel/>
    }
}
