//! "Uw gegevens blijven op deze computer": what is kept where, and how to wipe it.

use leptos::prelude::*;

use crate::state::AppState;

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let t = move |nl: &'static str, en: &'static str| move || lang.get().pick(nl, en);
    view! {
        <h1 class="utrecht-heading-1">{t("Uw gegevens blijven op deze computer", "Your data stays on this computer")}</h1>
        <p class="utrecht-paragraph">{t(
            "Perspectief is een webpagina die helemaal in uw browser werkt. Er is geen server die uw bestanden ontvangt: de app stuurt niets en kan niets sturen.",
            "Perspectief is a web page that works entirely in your browser. There is no server that receives your files: the app sends nothing and cannot send anything.",
        )}</p>
        <h2 class="utrecht-heading-2">{t("Wat wordt bewaard, en waar?", "What is kept, and where?")}</h2>
        <ul class="utrecht-unordered-list">
            <li class="utrecht-unordered-list__item">{t(
                "Uw bestanden en alle uitkomsten staan alleen in het geheugen van dit tabblad.",
                "Your files and all results are only in the memory of this tab.",
            )}</li>
            <li class="utrecht-unordered-list__item">{t(
                "Niets wordt opgeslagen in de browser: geen cookies, geen lokale opslag, geen databank. Alleen de programmabestanden van de app zelf kunnen bewaard worden, zodat de app ook zonder internet werkt.",
                "Nothing is stored in the browser: no cookies, no local storage, no database. Only the app's own program files may be kept, so that the app also works without internet.",
            )}</li>
            <li class="utrecht-unordered-list__item">{t(
                "De app gebruikt geen lettertypen, scripts, afbeeldingen of statistieken van andere websites, en geen WebRTC. Een beveiligingsregel (Content-Security-Policy) laat de browser elke andere verbinding weigeren.",
                "The app uses no fonts, scripts, images or analytics from other websites, and no WebRTC. A security rule (Content-Security-Policy) makes the browser refuse any other connection.",
            )}</li>
            <li class="utrecht-unordered-list__item">{t(
                "Een bestand verlaat deze computer alleen als u zelf op Opslaan klikt; het komt dan in uw eigen map Downloads.",
                "A file only leaves the app when you click Save yourself; it then goes to your own Downloads folder.",
            )}</li>
        </ul>
        <h2 class="utrecht-heading-2">{t("Alles wissen", "Wiping everything")}</h2>
        <p class="utrecht-paragraph">{t(
            "Sluit dit tabblad. Dan is alles weg: er blijft niets achter. Daarom vraagt de browser of u het zeker weet als er gegevens geladen zijn.",
            "Close this tab. Then everything is gone: nothing is left behind. That is why the browser asks whether you are sure when data is loaded.",
        )}</p>
        <crate::components::steps::BackToFiles/>
    }
}
