//! Step 4, Anonimiseren: linkage files with a project secret, and the protected
//! analysis file: a purpose, every column's role (from the data dictionary,
//! changeable), the requirements, and one click that protects, writes, reads
//! back and audits the file, with the trees regrown beside the originals.

use leptos::prelude::*;
use perspectief_core::anonymise::{Purpose, Role, Settings, DEFAULT_SENSITIVE};

use crate::components::anonymise_result::{FileAuditCheck, ProtectionResult};
use crate::components::anonymise_roles::RolesForm;
use crate::components::form::number_field;
use crate::components::linkage_files::LinkageFiles;
use crate::engine::protocol::{Edit, Query};
use crate::i18n::Lang;
use crate::state::AppState;

/// The settings as the user edits them.
#[derive(Clone, Copy)]
pub struct Form {
    pub purpose: RwSignal<Purpose>,
    pub roles: RwSignal<Vec<(String, Role)>>,
    pub drop: RwSignal<Vec<String>>,
    pub band: RwSignal<Vec<String>>,
    pub sensitive: RwSignal<Vec<String>>,
    pub k: RwSignal<usize>,
    pub l: RwSignal<usize>,
    /// t-closeness asked (`None`: measured only).
    pub t: RwSignal<Option<f64>>,
    pub suppression: RwSignal<f64>,
}

impl Form {
    fn new(d: &Settings) -> Form {
        Form {
            purpose: RwSignal::new(d.purpose.clone()),
            roles: RwSignal::new(d.roles.clone()),
            drop: RwSignal::new(d.drop.clone()),
            band: RwSignal::new(d.band.clone()),
            sensitive: RwSignal::new(d.sensitive.clone()),
            k: RwSignal::new(d.k),
            l: RwSignal::new(d.l),
            t: RwSignal::new(d.t),
            suppression: RwSignal::new(d.max_suppression * 100.0),
        }
    }

    pub fn settings(&self) -> Settings {
        Settings {
            purpose: self.purpose.get_untracked(),
            roles: self.roles.get_untracked(),
            drop: self.drop.get_untracked(),
            band: self.band.get_untracked(),
            sensitive: self.sensitive.get_untracked(),
            k: self.k.get_untracked(),
            l: self.l.get_untracked(),
            t: self.t.get_untracked(),
            max_suppression: self.suppression.get_untracked() / 100.0,
            ..Settings::default()
        }
    }

    /// Protect with the current settings (the old result goes; the trees follow).
    pub fn protect(&self, state: AppState) {
        state.results.anonymised.set(None);
        state.results.conclusions.set(None);
        state.send(
            Edit::Anonymise {
                settings: self.settings(),
            },
            Vec::new(),
        );
    }

    /// Give a column a role (over the dictionary's).
    pub fn set_role(&self, column: &str, role: Role) {
        self.roles.update(|r| {
            r.retain(|(c, _)| c != column);
            r.push((column.to_string(), role));
        });
    }
}

pub fn toggle(list: RwSignal<Vec<String>>, name: String) -> impl Fn(leptos::ev::Event) {
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

/// The purposes, as the user chooses them.
#[component]
fn PurposeChoice(form: Form) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let steunpunten = Memo::new(move |_| {
        state
            .summary
            .with(|s| {
                s.check
                    .as_ref()
                    .map(|c| c.steunpunten.keys().cloned().collect::<Vec<_>>())
            })
            .unwrap_or_default()
    });
    let is = move |kind: u8| {
        move || {
            form.purpose.with(|p| {
                matches!(
                    (kind, p),
                    (0, Purpose::National) | (1, Purpose::CompareSteunpunten) | (2, Purpose::OwnSteunpunt { .. })
                )
            })
        }
    };
    let own = move || match form.purpose.get() {
        Purpose::OwnSteunpunt { steunpunt } => steunpunt,
        _ => String::new(),
    };
    let choose_own = move |steunpunt: String| form.purpose.set(Purpose::OwnSteunpunt { steunpunt });
    view! {
        <fieldset class="pf-fieldset" data-testid="purpose">
            <legend class="pf-label">{move || lang.get().pick("Waarvoor is het bestand?", "What is the file for?")}</legend>
            <div class="pf-check">
                <input type="radio" id="pf-purpose-national" name="pf-purpose" prop:checked=is(0)
                    on:change=move |_| form.purpose.set(Purpose::National)/>
                <label for="pf-purpose-national">{move || lang.get().pick(
                    "Landelijk beeld: zonder steunpunt en kenmerken van steunpunten",
                    "National picture: without the steunpunt and its characteristics",
                )}</label>
            </div>
            <div class="pf-check">
                <input type="radio" id="pf-purpose-compare" name="pf-purpose" prop:checked=is(1)
                    on:change=move |_| form.purpose.set(Purpose::CompareSteunpunten)/>
                <label for="pf-purpose-compare">{move || lang.get().pick(
                    "Steunpunten vergelijken: steunpunt en kenmerken blijven, kenmerken van personen worden grover",
                    "Compare steunpunten: the steunpunt and its characteristics stay, person characteristics get coarser",
                )}</label>
            </div>
            <div class="pf-check">
                <input type="radio" id="pf-purpose-own" name="pf-purpose" prop:checked=is(2)
                    on:change=move |_| {
                        let first = steunpunten.get_untracked().first().cloned().unwrap_or_default();
                        choose_own(first)
                    }/>
                <label for="pf-purpose-own">{move || lang.get().pick("Eigen steunpunt: alleen de eigen cliënten", "Own steunpunt: only its own clients")}</label>
            </div>
            <Show when=is(2)>
                <div class="pf-field">
                    <label for="pf-own-steunpunt" class="pf-label">{move || lang.get().pick("Steunpunt", "Steunpunt")}</label>
                    <select id="pf-own-steunpunt" class="utrecht-select" on:change=move |ev| choose_own(event_target_value(&ev))>
                        {move || steunpunten.get().into_iter().map(|s| {
                            let selected = s == own();
                            view! { <option value=s.clone() selected=selected>{s.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </Show>
        </fieldset>
    }
}

#[component]
pub fn AnonymiseStep() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let list = Memo::new(move |_| state.summary.with(|s| s.analysis.as_ref().map(|a| a.list.clone())));
    let saved = state.summary.with_untracked(|s| s.anonymisation.clone());
    let d = saved.unwrap_or_else(|| {
        let present: Vec<String> = list.with_untracked(|l| {
            DEFAULT_SENSITIVE
                .iter()
                .filter(|n| l.as_ref().is_some_and(|l| l.iter().any(|v| v.name == **n)))
                .map(|n| n.to_string())
                .collect()
        });
        Settings::default().sensitive(present)
    });
    let form = Form::new(&d);
    let body = move || {
        let l = lang.get();
        if list.with(Option::is_none) {
            return view! {
                <p class="utrecht-paragraph">{l.pick(
                    "Laad registraties bij stap 1 om het risico van het analysebestand te zien.",
                    "Load registrations in step 1 to see the risk of the analysis file.",
                )}</p>
            }
            .into_any();
        }
        view! {
            <section aria-labelledby="pf-risk-heading" data-testid="anonymise">
                <h2 class="utrecht-heading-2" id="pf-risk-heading">{l.pick("Een beschermd analysebestand", "A protected analysis file")}</h2>
                <p class="utrecht-paragraph">{l.pick(
                    "Elke kolom krijgt een rol uit het gegevenswoordenboek. Quasi-identificerend: wat een aanvaller over iemand weet of kan afleiden (steunpunt en zijn kenmerken, geslacht, land, nationaliteit, elke leeftijd, duur en elk kwartaal uit een datum). Gevoelig: wat niemand over een herkenbaar persoon mag leren. Kolommen die van dezelfde gegevens komen, worden samen grover gemaakt. Het bestand wordt geschreven, teruggelezen en gecontroleerd voordat u het kunt downloaden.",
                    "Every column gets a role from the data dictionary. Quasi-identifying: what an attacker knows about someone or can derive (the steunpunt and its characteristics, sex, country, nationality, every age, duration and quarter from a date). Sensitive: what no one may learn about a recognisable person. Columns that come from the same facts are coarsened together. The file is written, read back and checked before you can download it.",
                )}</p>
                <div class="pf-jargon-list">
                    <crate::components::jargon::Jargon term=crate::components::jargon::Term::QuasiIdentifier/>
                    <crate::components::jargon::Jargon term=crate::components::jargon::Term::KAnonymity/>
                    <crate::components::jargon::Jargon term=crate::components::jargon::Term::LDiversity/>
                    <crate::components::jargon::Jargon term=crate::components::jargon::Term::TCloseness/>
                </div>
                <PurposeChoice form=form/>
                <RolesForm form=form/>
                <fieldset class="pf-fieldset">
                    <legend class="pf-label">{l.pick("Eisen", "Requirements")}</legend>
                    {number_field("pf-k", l.pick("k (minimale klassegrootte)", "k (smallest class size)").into(), "1", move || form.k.get().to_string(), move |v| if let Ok(x) = v.parse() { form.k.set(x) })}
                    {number_field("pf-l", l.pick("l (verschillende waarden per klasse)", "l (different values per class)").into(), "1", move || form.l.get().to_string(), move |v| if let Ok(x) = v.parse() { form.l.set(x) })}
                    {number_field("pf-t", l.pick("t (t-closeness, leeg: niet geëist)", "t (t-closeness, empty: not required)").into(), "any", move || form.t.get().map_or(String::new(), |t| t.to_string()), move |v| form.t.set(v.parse().ok()))}
                    {number_field("pf-suppression", l.pick("Ten hoogste te onderdrukken rijen (%)", "At most this share of rows suppressed (%)").into(), "any", move || form.suppression.get().to_string(), move |v| if let Ok(x) = v.parse() { form.suppression.set(x) })}
                </fieldset>
                <div class="utrecht-button-group">
                    <button type="button" class="utrecht-button utrecht-button--secondary-action"
                        on:click=move |_| state.send(Query::Risk { settings: form.settings() }, Vec::new())>
                        {l.pick("Risico berekenen", "Compute risk")}
                    </button>
                    <button type="button" class="utrecht-button utrecht-button--primary-action"
                        on:click=move |_| form.protect(state)>
                        {l.pick("Maak anoniem en controleer", "Make anonymous and check")}
                    </button>
                </div>
                <ProtectionResult form=form/>
                <FileAuditCheck form=form/>
                <crate::components::timings::Timings/>
            </section>
        }
        .into_any()
    };
    view! {
        <h1 class="utrecht-heading-1">{move || lang.get().pick("Anonimiseren", "Anonymise")}</h1>
        <LinkageFiles/>
        <crate::components::steps::StepEnd next=crate::state::Step::Analyse/>
        {body}
    }
}

/// A role in the user's language.
pub fn role_name(role: Role, l: Lang) -> &'static str {
    match role {
        Role::Identifying => l.pick("identificerend", "identifying"),
        Role::Quasi => l.pick("quasi-identificerend", "quasi-identifying"),
        Role::Sensitive => l.pick("gevoelig", "sensitive"),
        Role::Other => l.pick("overig", "other"),
    }
}
