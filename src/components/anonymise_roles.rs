//! Every column's role, grouped: identifying, quasi-identifying, sensitive,
//! other. The dictionary gives them; the user can change one (applied on
//! change), leave a column out, and choose the sensitive attributes that must
//! be l-diverse. The choices go into the recept and the file's settings.

use leptos::prelude::*;
use perspectief_core::anonymise::{ColumnRole, Reason, Role};

use crate::components::anonymise_step::{role_name, toggle, Form};
use crate::i18n::Lang;
use crate::state::AppState;

fn reason(r: &ColumnRole, l: Lang) -> String {
    match &r.reason {
        Reason::Dictionary => l.pick("gegevenswoordenboek", "data dictionary").to_string(),
        Reason::Characteristic => l
            .pick("kenmerk van het steunpunt", "characteristic of the steunpunt")
            .to_string(),
        Reason::Coupled { with } => match l {
            Lang::Nl => format!("samen met {with} te herleiden"),
            Lang::En => format!("can be traced back together with {with}"),
        },
        Reason::DirectIdentifier => l
            .pick("wijst iemand direct aan", "identifies someone directly")
            .to_string(),
        Reason::FreeText => l.pick("vrije tekst", "free text").to_string(),
        Reason::Unknown => l
            .pick(
                "onbekende kolom: quasi-identificerend tot u anders kiest",
                "unknown column: quasi-identifying until you choose otherwise",
            )
            .to_string(),
        Reason::User => l.pick("uw keuze", "your choice").to_string(),
    }
}

const ROLES: [Role; 4] = [Role::Quasi, Role::Sensitive, Role::Other, Role::Identifying];

fn role_value(r: Role) -> &'static str {
    match r {
        Role::Identifying => "identifying",
        Role::Quasi => "quasi",
        Role::Sensitive => "sensitive",
        Role::Other => "other",
    }
}

#[component]
pub fn RolesForm(form: Form) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    // The dictionary's roles, with the user's choices over them.
    let roles = Memo::new(move |_| {
        let derived: Vec<ColumnRole> = state
            .summary
            .with(|s| {
                s.analysis
                    .as_ref()
                    .map(|a| a.list.iter().map(|v| v.role.clone()).collect())
            })
            .unwrap_or_default();
        let chosen = form.roles.get();
        derived
            .into_iter()
            .map(|mut r| {
                if let Some((_, role)) = chosen.iter().find(|(c, _)| *c == r.column) {
                    if *role != r.role {
                        r.role = *role;
                        r.reason = Reason::User;
                    }
                }
                r
            })
            .collect::<Vec<_>>()
    });
    let group = move |role: Role| {
        let l = lang.get();
        let members: Vec<ColumnRole> = roles.with(|rs| rs.iter().filter(|r| r.role == role).cloned().collect());
        let count = members.len();
        let rows = members
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                let id = format!("pf-role-{}-{i}", role_value(role));
                let column = r.column.clone();
                let choose = {
                    let column = column.clone();
                    move |ev: leptos::ev::Event| {
                        let value = event_target_value(&ev);
                        if let Some(role) = ROLES.iter().find(|r| role_value(**r) == value) {
                            form.set_role(&column, *role);
                        }
                    }
                };
                let options = ROLES
                    .iter()
                    .map(|&o| view! { <option value=role_value(o) selected=o == role>{role_name(o, l)}</option> })
                    .collect_view();
                let drop_id = format!("{id}-drop");
                let dropped = column.clone();
                let l_box = (role == Role::Sensitive).then(|| {
                    let l_id = format!("{id}-l");
                    let checked = column.clone();
                    view! {
                        <span class="pf-check">
                            <input type="checkbox" id=l_id.clone() prop:checked=move || form.sensitive.with(|s| s.contains(&checked)) on:change=toggle(form.sensitive, column.clone())/>
                            <label for=l_id>{l.pick("l-divers", "l-diverse")}</label>
                        </span>
                    }
                });
                view! {
                    <tr class="utrecht-table__row">
                        <th class="utrecht-table__header-cell" scope="row"><label for=id.clone()>{r.column.clone()}</label></th>
                        <td class="utrecht-table__cell">{reason(&r, l)}</td>
                        <td class="utrecht-table__cell">
                            <select id=id class="utrecht-select" on:change=choose>{options}</select>
                        </td>
                        <td class="utrecht-table__cell">
                            <span class="pf-check">
                                <input type="checkbox" id=drop_id.clone() prop:checked=move || form.drop.with(|d| d.contains(&dropped)) on:change=toggle(form.drop, r.column.clone())/>
                                <label for=drop_id>{l.pick("weglaten", "leave out")}</label>
                            </span>
                            {l_box}
                        </td>
                    </tr>
                }
            })
            .collect_view();
        let title = format!(
            "{} ({count})",
            match role {
                Role::Quasi => l.pick("Quasi-identificerend", "Quasi-identifying"),
                Role::Sensitive => l.pick("Gevoelig", "Sensitive"),
                Role::Other => l.pick("Overig", "Other"),
                Role::Identifying => l.pick("Identificerend (altijd weggelaten)", "Identifying (always left out)"),
            }
        );
        view! {
            <details class="pf-options" data-testid=format!("roles-{}", role_value(role))>
                <summary>{title}</summary>
                <crate::components::table_frame::TableFrame label=l.pick("Rollen", "Roles")>
                    <table class="utrecht-table">
                        <thead class="utrecht-table__header"><tr class="utrecht-table__row">
                            <th class="utrecht-table__header-cell" scope="col">{l.pick("Kolom", "Column")}</th>
                            <th class="utrecht-table__header-cell" scope="col">{l.pick("Waarom", "Why")}</th>
                            <th class="utrecht-table__header-cell" scope="col">{l.pick("Rol", "Role")}</th>
                            <th class="utrecht-table__header-cell" scope="col">{l.pick("Keuzes", "Choices")}</th>
                        </tr></thead>
                        <tbody class="utrecht-table__body">{rows}</tbody>
                    </table>
                </crate::components::table_frame::TableFrame>
            </details>
        }
    };
    view! {
        <section aria-labelledby="pf-roles-heading" data-testid="roles">
            <h3 class="utrecht-heading-3" id="pf-roles-heading">{move || lang.get().pick("Rollen van de kolommen", "Roles of the columns")}</h3>
            {move || ROLES.iter().map(|&r| group(r)).collect_view()}
        </section>
    }
}
