//! Linkage files: the project secret (typed, or made here and shown once; never
//! stored) and one linkage file per loaded registration and extract.

use leptos::prelude::*;
use perspectief_core::link::pseudonym::{Secret, MIN_SECRET_CHARS};
use perspectief_core::messages::Localized;

use perspectief_core::ingest::fields::Field;

use crate::state::AppState;

/// Analysis fields a user may send along in linkage files.
const OPTIONAL: [Field; 12] = [
    Field::DatumInstroom,
    Field::DatumUitstroom,
    Field::Resultaat,
    Field::Traject,
    Field::AantalContacten,
    Field::Arts,
    Field::PsychiatrischeDiagnose,
    Field::DatumEersteRegistratie,
    Field::DatumEersteAsielaanvraag,
    Field::AantalAsielaanvragen,
    Field::AantalVbm,
    Field::HuidigeVerblijfstitel,
];
use crate::engine::protocol::Export;

/// 20 random bytes from the browser's cryptographic generator.
fn random_bytes() -> Result<[u8; 20], String> {
    crate::random::random_bytes::<20>().map_err(|e| format!("{e} Typ zelf een geheim."))
}

#[component]
pub fn LinkageFiles() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let secret = RwSignal::new(String::new());
    let made = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    let extra = RwSignal::new(Vec::<Field>::new());
    let generate = move |_| match random_bytes() {
        Ok(bytes) => {
            let text = Secret::generate(bytes);
            secret.set(text.clone());
            made.set(Some(text));
            problem.set(None);
        }
        Err(e) => problem.set(Some(e)),
    };
    let export = move |_| {
        let text = secret.get_untracked();
        match Secret::from_text(&text) {
            Ok(_) => {
                problem.set(None);
                state.results.file_audit.set(None);
                state.results.self_tests.set(Vec::new());
                state.send(
                    Export::LinkageFiles {
                        secret: text,
                        extra: extra.get_untracked(),
                    },
                    Vec::new(),
                );
            }
            Err(e) => problem.set(Some(e.text(lang.get_untracked().locale()))),
        }
    };
    view! {
        <section aria-labelledby="pf-linkage-files-heading" data-testid="linkage-files">
            <h2 class="utrecht-heading-2" id="pf-linkage-files-heading">{move || lang.get().pick("Koppelbestanden zonder V-nummers", "Linkage files without V-nummers")}</h2>
            <p class="utrecht-paragraph">{move || lang.get().pick(
                "Een koppelbestand vervangt V-nummer, naam en geboortedatum door sleutelcodes die alleen met hetzelfde projectgeheim te maken zijn. Steunpunten en ministerie maken elk hun koppelbestand met hetzelfde geheim; de onderzoeker koppelt die zonder ooit een V-nummer te zien. Het geheim gaat niet naar de onderzoeker: wie het geheim en een koppelbestand heeft, kan bij een bekend V-nummer de persoon terugvinden.",
                "A linkage file replaces V-nummer, name and birth date by keyed codes that only the same project secret gives. Steunpunten and the ministry each make theirs with the same secret; the researcher links them without ever seeing a V-nummer. The secret does not go to the researcher: whoever has the secret and a linkage file can find a person whose V-nummer they know.",
            )}</p>
            <div class="pf-field">
                <label for="pf-secret" class="pf-label">{move || format!("{} ({} {})", lang.get().pick("Projectgeheim", "Project secret"), lang.get().pick("minstens", "at least"), MIN_SECRET_CHARS)}</label>
                <input id="pf-secret" class="utrecht-textbox" type="password" autocomplete="off" spellcheck="false"
                    prop:value=move || secret.get() on:input=move |ev| { secret.set(event_target_value(&ev)); made.set(None) }/>
            </div>
            {move || made.get().map(|text| view! {
                <div class="utrecht-alert utrecht-alert--warning" role="alert" data-testid="new-secret">
                    <div class="utrecht-alert__content"><div class="utrecht-alert__message">
                        <p class="utrecht-paragraph">{lang.get().pick("Uw nieuwe geheim:", "Your new secret:")}" "<code class="pf-secret">{text}</code></p>
                        <p class="utrecht-paragraph">{lang.get().pick(
                            "Schrijf het nu op en geef het door buiten de bestanden om (telefoon, papier). Perspectief bewaart het niet: na het sluiten van deze pagina is het niet terug te halen.",
                            "Write it down now and pass it on apart from the files (phone, paper). Perspectief does not keep it: once this page is closed it cannot be recovered.",
                        )}</p>
                    </div></div>
                </div>
            })}
            {move || problem.get().map(|p| view! { <p class="utrecht-paragraph pf-error" role="alert" data-testid="secret-problem">{p}</p> })}
            <details class="pf-options" data-testid="linkage-extra">
                <summary>{move || lang.get().pick(
                    "Velden voor de analyse meesturen (niet aanbevolen)",
                    "Send fields for the analysis along (not recommended)",
                )}</summary>
                <p class="utrecht-paragraph">{move || lang.get().pick(
                    "Een koppelbestand bevat alleen wat het koppelen nodig heeft: de sleutelcodes, het geboortejaar, geslacht, land, nationaliteit en steunpunt. Wat u hier aanvinkt gaat mee (datums op de eerste van de maand); Perspectief controleert dan wat die velden over personen verraden. Diagnose, arts en resultaat zijn gevoelig.",
                    "A linkage file holds only what linking needs: the keyed codes, the birth year, sex, country, nationality and steunpunt. What you tick here goes along (dates to the first of the month); Perspectief then checks what those fields give away about persons. Diagnosis, doctor and outcome are sensitive.",
                )}</p>
                <div class="pf-columns-3">
                    {OPTIONAL.iter().enumerate().map(|(i, &f)| {
                        let id = format!("pf-linkage-extra-{i}");
                        view! {
                            <div class="pf-check">
                                <input type="checkbox" id=id.clone() prop:checked=move || extra.with(|e| e.contains(&f))
                                    on:change=move |ev| { let on = event_target_checked(&ev); extra.update(|e| { e.retain(|x| *x != f); if on { e.push(f) } }) }/>
                                <label for=id>{f.key()}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </details>
            <div class="utrecht-button-group">
                <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=generate>{move || lang.get().pick("Geheim laten maken", "Make a secret")}</button>
                <button type="button" class="utrecht-button utrecht-button--primary-action" on:click=export>{move || lang.get().pick("Koppelbestanden maken", "Make linkage files")}</button>
            </div>
            {move || state.results.file_audit.get().filter(|(name, _)| name.starts_with("koppelbestand")).map(|(_, a)| {
                let l = lang.get();
                let text = match l {
                    crate::i18n::Lang::Nl => format!(
                        "Met de meegestuurde velden: kleinste groep van gelijke personen {}, {} personen in groepen kleiner dan {} (over {}). Een koppelbestand is niet anoniem: geef het alleen aan wie koppelt.",
                        a.smallest_class, a.records_below_k, a.k, a.quasi.join(", ")
                    ),
                    crate::i18n::Lang::En => format!(
                        "With the fields sent along: smallest group of alike persons {}, {} persons in groups smaller than {} (over {}). A linkage file is not anonymous: give it only to whoever links.",
                        a.smallest_class, a.records_below_k, a.k, a.quasi.join(", ")
                    ),
                };
                view! { <p class="utrecht-paragraph" role="status" data-testid="linkage-audit">{text}</p> }
            })}
            {move || {
                let tests = state.results.self_tests.get();
                let l = lang.get();
                (!tests.is_empty()).then(|| view! {
                    <details class="pf-options" data-testid="self-tests">
                        <summary>{l.pick(
                            "Zelftest: wat een frequentieaanval zonder het geheim uit deze bestanden haalt",
                            "Self-test: what a frequency attack without the secret gets from these files",
                        )}</summary>
                        <ul class="utrecht-unordered-list">
                            {tests.iter().map(|t| {
                                use perspectief_core::messages::Localized;
                                view! { <li class="utrecht-unordered-list__item">{format!("{}: {}", t.file, t.text(l.locale()))}</li> }
                            }).collect_view()}
                        </ul>
                    </details>
                })
            }}
        </section>
    }
}
