//! Step 1, Bestanden: load the demo (reading one's own files comes with the readers).

use leptos::prelude::*;
use perspectief_core::kind::FileKind;

use crate::app::AppState;
use crate::download;
use crate::i18n::Lang;
use crate::session::Session;

fn kind_label(kind: FileKind, lang: Lang) -> &'static str {
    match kind {
        FileKind::Registration => lang.pick("Registratie steunpunt", "Steunpunt registration"),
        FileKind::National => {
            lang.pick("Landelijk extract (DMB/IND)", "National extract (DMB/IND)")
        }
        FileKind::Characteristics => {
            lang.pick("Kenmerken steunpunten", "Steunpunt characteristics")
        }
    }
}

#[component]
pub fn FilesStep() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let session = state.session;
    let load_demo = move |_| session.set(Session::demo());
    view! {
        <h1 class="utrecht-heading-1">{move || lang.get().pick("Bestanden", "Files")}</h1>
        <p class="utrecht-paragraph">
            {move || lang.get().pick(
                "Perspectief leest de registraties van steunpunten, het landelijke extract en de kenmerken van steunpunten. Alles gebeurt op deze computer.",
                "Perspectief reads the steunpunt registrations, the national extract and the steunpunt characteristics. Everything happens on this computer.",
            )}
        </p>
        <div class="pf-dropzone">
            <p class="utrecht-paragraph">
                {move || lang.get().pick(
                    "Eigen bestanden openen kan in deze versie nog niet. Bekijk hoe het werkt met verzonnen voorbeeldgegevens.",
                    "Opening your own files is not possible in this version yet. See how it works with invented example data.",
                )}
            </p>
            <button
                type="button"
                class="utrecht-button utrecht-button--primary-action"
                data-testid="load-demo"
                on:click=load_demo
            >
                {move || lang.get().pick("Voorbeeldgegevens laden", "Load example data")}
            </button>
        </div>
        <Show when=move || !session.with(Session::is_empty)>
            <FileList/>
        </Show>
    }
}

#[component]
fn FileList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let session = state.session;
    let summary = move || {
        session.with(|s| {
            let l = lang.get();
            let loc = l.locale();
            format!(
                "{} {}, {} {}",
                loc.integer(s.files.len() as u64),
                l.pick("bestanden", "files"),
                loc.integer(s.persons as u64),
                l.pick("personen (verzonnen)", "persons (invented)"),
            )
        })
    };
    let rows = move || {
        let l = lang.get();
        let loc = l.locale();
        session.with(|s| {
            s.files
                .iter()
                .map(|f| {
                    let name = f.name.clone();
                    let bytes = f.bytes.clone();
                    let save_label = format!("{} {}", l.pick("Download", "Download"), f.name);
                    let save = move |_| {
                        if let Err(e) = download::save(&name, &bytes, download::mime_for(&name)) {
                            leptos::logging::warn!("{e}");
                        }
                    };
                    view! {
                        <tr class="utrecht-table__row">
                            <th class="utrecht-table__header-cell" scope="row">{f.name.clone()}</th>
                            <td class="utrecht-table__cell">{kind_label(f.kind, l)}</td>
                            <td class="utrecht-table__cell pf-num">{loc.integer(f.rows as u64)}</td>
                            <td class="utrecht-table__cell pf-num">{format!("{} kB", loc.number(f.bytes.len() as f64 / 1024.0, 1))}</td>
                            <td class="utrecht-table__cell">
                                <button type="button" class="utrecht-button utrecht-button--subtle" aria-label=save_label on:click=save>
                                    {l.pick("Opslaan", "Save")}
                                </button>
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="utrecht-alert utrecht-alert--ok" role="status">
            <div class="utrecht-alert__content">
                <div class="utrecht-alert__message">
                    <p class="utrecht-paragraph" data-testid="demo-summary">
                        {move || lang.get().pick("Voorbeeldgegevens geladen: ", "Example data loaded: ")}
                        {summary}
                    </p>
                    <p class="utrecht-paragraph">
                        {move || lang.get().pick(
                            "Alle namen, V-nummers en datums zijn verzonnen. U kunt elk bestand opslaan als voorbeeld van de verwachte opbouw.",
                            "All names, V-nummers and dates are invented. You can save each file as an example of the expected layout.",
                        )}
                    </p>
                </div>
            </div>
        </div>
        <div class="pf-table-wrap">
            <table class="utrecht-table" data-testid="file-list">
                <caption class="utrecht-table__caption">{move || lang.get().pick("Geladen bestanden", "Loaded files")}</caption>
                <thead class="utrecht-table__header">
                    <tr class="utrecht-table__row">
                        <th class="utrecht-table__header-cell" scope="col">{move || lang.get().pick("Bestand", "File")}</th>
                        <th class="utrecht-table__header-cell" scope="col">{move || lang.get().pick("Soort", "Kind")}</th>
                        <th class="utrecht-table__header-cell pf-num" scope="col">{move || lang.get().pick("Rijen", "Rows")}</th>
                        <th class="utrecht-table__header-cell pf-num" scope="col">{move || lang.get().pick("Grootte", "Size")}</th>
                        <th class="utrecht-table__header-cell" scope="col">{move || lang.get().pick("Opslaan", "Save")}</th>
                    </tr>
                </thead>
                <tbody class="utrecht-table__body">{rows}</tbody>
            </table>
        </div>
    }
}
