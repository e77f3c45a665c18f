//! What a screen reader hears when something happened: one short polite sentence per result,
//! in one live region for the whole page (the results themselves are not live regions, so a
//! new tree is not read out cell by cell).

use leptos::prelude::*;

use crate::engine::protocol::Response;
use crate::i18n::Lang;

thread_local! {
    /// The page's live region and language, for announcements from outside a component (a
    /// download, a decision).
    static REGION: std::cell::Cell<Option<(RwSignal<String>, RwSignal<Lang>)>> = const { std::cell::Cell::new(None) };
}

/// Where [`say`] writes: the shell's live region and the language signal.
pub fn register(region: RwSignal<String>, lang: RwSignal<Lang>) {
    REGION.with(|r| r.set(Some((region, lang))));
}

/// Say one short sentence (Dutch, English) in the live region.
pub fn say(nl: impl Into<String>, en: impl Into<String>) {
    if let Some((region, lang)) = REGION.with(|r| r.get()) {
        let text = match lang.get_untracked() {
            Lang::Nl => nl.into(),
            Lang::En => en.into(),
        };
        region.set(text);
    }
}

/// The sentence for an answer of the worker, if it is worth saying.
pub fn sentence(response: &Response, l: Lang) -> Option<String> {
    let loc = l.locale();
    Some(match response {
        Response::Tree { view, .. } => {
            let t = &view.report.tree;
            let first = t.nodes.first().and_then(|n| n.split.as_ref()).map(|s| l.var(&s.name));
            format!(
                "{}: {}{}",
                l.pick("Boom gegroeid", "Tree grown"),
                l.count(t.nodes.len(), ("knoop", "knopen"), ("node", "nodes")),
                first.map_or(l.pick(", geen splitsing gevonden", ", no split found").to_string(), |f| format!(
                    ", {} {f}",
                    l.pick("eerste splitsing op", "first split on")
                ))
            )
        }
        Response::Table(view) => format!("{}: {}", l.pick("Tabel gemaakt", "Table made"), view.title()),
        Response::Screening(view) => format!(
            "{}: {}",
            l.pick("Screening klaar", "Screening done"),
            l.count(view.rows.len(), ("variabele", "variabelen"), ("variable", "variables"))
        ),
        Response::Comparison(view) => format!("{}: {}", l.pick("Vergelijking klaar voor", "Comparison done for"), view.target),
        Response::Anonymised(view) => match (&view.audit, &view.after) {
            (Some(audit), _) if audit.passed => format!(
                "{} {}",
                l.pick("Beschermd bestand gemaakt en gecontroleerd: geanonimiseerd, elke rij lijkt op minstens", "Protected file made and checked: anonymised, every row matches at least"),
                l.count(audit.k, ("andere rij", "andere rijen"), ("row", "rows"))
            ),
            (Some(_), _) => l
                .pick(
                    "Beschermd bestand gemaakt, maar de controle keurt het af: NIET ANONIEM. Zie de controle voor wat er mis is.",
                    "Protected file made, but the check rejects it: NOT ANONYMOUS. See the check for what is wrong.",
                )
                .to_string(),
            (None, _) => format!(
                "{}: {} {}",
                l.pick("Risico berekend", "Risk computed"),
                loc.integer(view.rows_in_scope as u64),
                l.pick("rijen", "rows")
            ),
        },
        Response::FileAudit { name, audit } => format!(
            "{} {name}: {}",
            l.pick("Controle van", "Check of"),
            if audit.passed { l.pick("geanonimiseerd", "anonymised") } else { l.pick("NIET ANONIEM", "NOT ANONYMOUS") }
        ),
        Response::Conclusions { trees } => format!(
            "{}: {}",
            l.pick("Bomen vergeleken", "Trees compared"),
            l.count(trees.len(), ("boom", "bomen"), ("tree", "trees"))
        ),
        _ => return None,
    })
}
