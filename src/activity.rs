//! What the worker was doing, in words, for the messages after the user stopped it
//! or it crashed.

use crate::engine::protocol::{Control, Edit, Export, Query, Request};
use crate::i18n::Lang;

/// "het koppelen", "linking": what the worker was doing for this request.
pub fn activity(request: &Request, lang: Lang) -> String {
    let (nl, en) = match request {
        Request::Edit { edit } => return edit_activity(edit, lang),
        Request::Control {
            control: Control::Replay { edit, .. },
        } => return edit_activity(edit, lang),
        Request::Query { query } => match query {
            Query::Risk { .. } => ("het anonimiseren", "anonymising"),
            Query::Conclusions { .. } => ("het vergelijken van de bomen", "comparing the trees"),
            Query::AuditFile { .. } => ("het controleren van een bestand", "checking a file"),
            Query::Competitors { .. } => (
                "het vergelijken van de verklarende variabelen",
                "comparing the predictors",
            ),
            Query::Wave { .. } => ("het toepassen van een eerdere boom", "applying an earlier tree"),
            Query::National { .. } => (
                "het vergelijken met het landelijk beeld",
                "comparing with the national picture",
            ),
        },
        Request::Export {
            export: Export::Recept, ..
        } => ("het bewaren van het recept", "saving the recept"),
        Request::Export { .. } => ("het maken van een download", "making a download"),
        Request::Control {
            control: Control::TestHook { .. },
        } => ("een test", "a test"),
    };
    lang.pick(nl, en).to_string()
}

fn edit_activity(edit: &Edit, lang: Lang) -> String {
    let (nl, en) = match edit {
        Edit::Load { names } => {
            return match lang {
                Lang::Nl => format!("het inlezen van {}", names.join(", ")),
                Lang::En => format!("reading {}", names.join(", ")),
            }
        }
        Edit::LoadDemo => ("het laden van de demo", "loading the demo"),
        Edit::SetKind { .. } | Edit::SetSteunpunt { .. } | Edit::SetMapping { .. } => {
            ("het opnieuw inlezen van een bestand", "reading a file again")
        }
        Edit::Remove { .. } => ("het verwijderen van een bestand", "removing a file"),
        Edit::Overrule { .. } | Edit::AcceptAbove { .. } | Edit::UndoOverrule { .. } | Edit::SetFallback { .. } => {
            ("het koppelen", "linking")
        }
        Edit::SetConflictRule { .. } => ("de controle", "the check"),
        Edit::SetPeildatum { .. } | Edit::SetLevel { .. } => {
            ("het maken van het analysebestand", "building the analysis file")
        }
        Edit::Run { .. } => ("de analyse", "the analysis"),
        Edit::Anonymise { .. } => ("het anonimiseren", "anonymising"),
        Edit::LoadRecept { .. } => ("het toepassen van het recept", "applying the recept"),
    };
    lang.pick(nl, en).to_string()
}

/// The notice (stopped by the user) or the error (crashed) after a new worker took over.
pub fn recovered(request: Option<&Request>, crashed: Option<String>, lang: Lang) -> (Option<String>, Option<String>) {
    let activity = request.map_or_else(|| lang.pick("het werk", "the work").to_string(), |r| activity(r, lang));
    match crashed {
        None => (
            Some(match lang {
                Lang::Nl => format!("U heeft {activity} afgebroken. Uw bestanden en keuzes zijn bewaard."),
                Lang::En => format!("You stopped {activity}. Your files and choices are kept."),
            }),
            None,
        ),
        Some(detail) => {
            let (nl_cause, en_cause) = if out_of_memory(&detail) {
                (
                    " De rekenhulp had niet genoeg geheugen: is een bestand heel groot? Sla alleen het tabblad met de gegevens op als CSV, of splits het bestand.",
                    " The calculation helper ran out of memory: is a file very large? Save only the sheet with the data as CSV, or split the file.",
                )
            } else {
                ("", "")
            };
            (
                None,
                Some(match lang {
                    Lang::Nl => format!(
                        "Er ging iets mis in de rekenhulp tijdens {activity}. Dat onderdeel is niet uitgevoerd; \
                         uw andere bestanden en keuzes zijn bewaard.{nl_cause} Technische melding: {detail}"
                    ),
                    Lang::En => format!(
                        "Something went wrong in the calculation helper during {activity}. That part was not done; \
                         your other files and choices are kept.{en_cause} Technical message: {detail}"
                    ),
                }),
            )
        }
    }
}

/// Whether a worker's last words mean it ran out of memory: wasm traps with "unreachable" when
/// an allocation fails, and Rust's collections panic with "capacity overflow".
fn out_of_memory(detail: &str) -> bool {
    let lower = detail.to_lowercase();
    ["unreachable", "capacity overflow", "out of memory", "memory allocation"]
        .iter()
        .any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_worker_out_of_memory_is_named_so_in_both_languages() {
        for detail in [
            "RuntimeError: unreachable",
            "capacity overflow (library/alloc/src/raw_vec.rs:25)",
        ] {
            let (_, nl) = recovered(None, Some(detail.into()), Lang::Nl);
            assert!(nl.unwrap().contains("niet genoeg geheugen"), "{detail}");
            let (_, en) = recovered(None, Some(detail.into()), Lang::En);
            assert!(en.unwrap().contains("ran out of memory"), "{detail}");
        }
        let (_, other) = recovered(None, Some("index out of bounds".into()), Lang::Nl);
        assert!(!other.unwrap().contains("geheugen"));
    }
}
