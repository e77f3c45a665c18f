//! The user's decisions on the linkage (accept, reject, overrule), with their
//! reasons, in the order made; each can be taken back.

use leptos::prelude::*;
use perspectief_core::ingest::records::Provenance;
use perspectief_core::link::linkage::Overrule;

use crate::engine::protocol::Edit;
use crate::i18n::Lang;
use crate::state::AppState;

fn describe(o: &Overrule, l: Lang) -> (String, String) {
    let proposal = |what: &str, person: &Provenance, national_row: u32, reason: &str| {
        let row = l.pick("rij", "row");
        (
            format!(
                "{what} {} {}, {row} {} ↔ DMB {row} {national_row}",
                person.file, person.sheet, person.row
            ),
            reason.to_string(),
        )
    };
    match o {
        Overrule::AcceptProposal {
            person,
            national_row,
            reason,
        } => proposal(
            l.pick("Voorstel geaccepteerd:", "Proposal accepted:"),
            person,
            *national_row,
            reason,
        ),
        Overrule::RejectProposal {
            person,
            national_row,
            reason,
        } => proposal(
            l.pick("Voorstel afgewezen:", "Proposal rejected:"),
            person,
            *national_row,
            reason,
        ),
        Overrule::Compatibility {
            person,
            compatible,
            reason,
        } => (
            format!(
                "{} {} {}, {} {}",
                if *compatible {
                    l.pick("Verenigbaar verklaard:", "Declared compatible:")
                } else {
                    l.pick("Onverenigbaar verklaard:", "Declared incompatible:")
                },
                person.file,
                person.sheet,
                l.pick("rij", "row"),
                person.row
            ),
            reason.clone(),
        ),
    }
}

#[component]
pub fn Decisions(overrules: Vec<Overrule>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let l = state.lang.get_untracked();
    (!overrules.is_empty()).then(|| {
        let items = overrules
            .iter()
            .enumerate()
            .map(|(index, o)| {
                let (what, why) = describe(o, l);
                view! {
                    <li class="utrecht-unordered-list__item">
                        {what}" — "{l.pick("reden", "reason")}": "{why}" "
                        <button type="button" class="utrecht-button utrecht-button--subtle"
                            on:click=move |_| {
                                state.send(Edit::UndoOverrule { index }, Vec::new());
                                crate::focus::after_action(&["#pf-decisions-heading", "[data-testid=\"proposals-heading\"]", "main h1"]);
                                crate::announce::say("Besluit ongedaan gemaakt", "Decision undone");
                            }>
                            {l.pick("Ongedaan maken", "Undo")}
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h2 class="utrecht-heading-2" id="pf-decisions-heading">{format!("{} ({})", l.pick("Uw besluiten", "Your decisions"), overrules.len())}</h2>
            <ul class="utrecht-unordered-list" data-testid="decisions">{items}</ul>
        }
    })
}
