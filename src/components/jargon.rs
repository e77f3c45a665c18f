//! The words of the trade, explained where they appear: a `<details>` ("Wat is …?") that
//! opens with the keyboard and that a screen reader reads as a button with its text.

use leptos::prelude::*;

use crate::state::AppState;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    QuasiIdentifier,
    KAnonymity,
    LDiversity,
    TCloseness,
    Overrule,
    Dmb,
}

impl Term {
    /// The word, and what it means, in Dutch and English.
    fn text(self) -> [&'static str; 4] {
        match self {
            Term::QuasiIdentifier => [
                "een quasi-identificator",
                "Een gegeven dat iemand niet zelf noemt, maar dat een ander over hem kan weten: geslacht, leeftijd, land, steunpunt. Samen kunnen zulke gegevens één persoon aanwijzen, ook zonder naam of V-nummer. Daarom worden ze grover gemaakt.",
                "a quasi-identifier",
                "A fact that does not name anyone, but that someone else may know about a person: sex, age, country, steunpunt. Together such facts can point to one person, even without a name or V-nummer. That is why they are made coarser.",
            ],
            Term::KAnonymity => [
                "k (k-anonimiteit)",
                "Elke combinatie van quasi-identificatoren in het bestand komt bij minstens k rijen voor. Wie iemand zoekt, vindt dan altijd minstens k kandidaten.",
                "k (k-anonymity)",
                "Every combination of quasi-identifiers in the file occurs in at least k rows. Whoever looks for someone always finds at least k candidates.",
            ],
            Term::LDiversity => [
                "l-diversiteit",
                "Binnen elke groep van gelijke rijen heeft een gevoelig gegeven (zoals een psychiatrische diagnose) minstens l verschillende waarden. Anders weet wie iemand in de groep vindt, ook zijn diagnose.",
                "l-diversity",
                "Within every group of alike rows a sensitive fact (such as a psychiatric diagnosis) has at least l different values. Otherwise whoever finds someone in the group also learns the diagnosis.",
            ],
            Term::TCloseness => [
                "t-closeness",
                "De verdeling van een gevoelig gegeven binnen elke groep wijkt hoogstens t af van die in het hele bestand: een groep verraadt niet veel meer dan het totaal.",
                "t-closeness",
                "The distribution of a sensitive fact within every group differs at most t from the whole file's: a group gives away little more than the total.",
            ],
            Term::Overrule => [
                "overrulen",
                "Zelf beslissen tegen de regel van de app in: een koppeling toch verenigbaar of onverenigbaar verklaren, of een voorstel accepteren of afwijzen. Elk besluit komt met uw reden in het verslag en kan ongedaan worden gemaakt.",
                "overruling",
                "Deciding yourself against the app's rule: declaring a link compatible or incompatible after all, or accepting or rejecting a proposal. Every decision goes into the report with your reason and can be undone.",
            ],
            Term::Dmb => [
                "DMB",
                "Het landelijke extract van de Dienst Migratiebeleid en de IND: per V-nummer de landelijke gegevens (nationaliteit, procedures, vreemdelingenbewaring). Alleen de onderzoeker heeft het; een steunpunt niet.",
                "DMB",
                "The national extract of the Migration Policy Department and the IND: per V-nummer the national data (nationality, procedures, immigration detention). Only the researcher has it; a steunpunt does not.",
            ],
        }
    }
}

#[component]
pub fn Jargon(term: Term) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let [nl_word, nl_text, en_word, en_text] = term.text();
    view! {
        <details class="pf-jargon">
            <summary>{move || lang.get().pick("Wat is ", "What is ")}{move || lang.get().pick(nl_word, en_word)}"?"</summary>
            <p class="utrecht-paragraph">{move || lang.get().pick(nl_text, en_text)}</p>
        </details>
    }
}
