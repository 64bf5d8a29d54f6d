//! The marketing and training brief, "Who we sell to": one printable page
//! (see [`crate::domain::brief`]), and "Copy as text" for an e-mail.

use super::print_button::PrintButton;
use super::state::{today, use_app_store};
use crate::app::held::Held;
use crate::app::when::When;
use crate::domain::brief::{BriefChoices, brief, worksheet_shown};
use crate::domain::currency::Basis;
use crate::t;
use crate::tv;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The brief screen.
#[component]
pub fn BriefPage() -> impl IntoView {
    let store = use_app_store();
    let choices = Held::new(BriefChoices::default());
    // Drawn from the workspace each time it is read (tracked, for the page;
    // untracked, for the copy): one brief, so both say the same.
    let shown = move || {
        let choices = choices.get();
        store
            .workspace
            .with(|w| brief(w, choices, &Basis::of(w, today())))
    };
    let sheets = move || {
        store.workspace.with(|w| {
            let shown = worksheet_shown(w, choices.with(|c| c.worksheet));
            w.worksheets
                .iter()
                .map(|s| (s.id, s.name.clone(), Some(s.id) == shown))
                .collect::<Vec<_>>()
        })
    };
    // What the last copy did, for the status line.
    let copied = Held::new(None::<&'static str>);
    let copy = move |_| {
        let text = untrack(shown).to_text();
        let clipboard = window().navigator().clipboard();
        leptos::task::spawn_local(async move {
            let done = JsFuture::from(clipboard.write_text(&text)).await;
            copied.set(Some(match done {
                Ok(_) => t!(icp_brief_copied),
                Err(_) => crate::messages::clipboard_refused(),
            }));
        });
    };
    view! {
        <div class="toolbar no-print">
            <PrintButton/>
            <button type="button" class="secondary" on:click=copy>{tv!(icp_brief_copy)}</button>
        </div>
        <p class="no-print" role="status">{move || copied.get()}</p>
        <fieldset class="no-print brief-choices">
            <legend>{tv!(icp_brief_choices)}</legend>
            <When when=move || 1 < store.workspace.with(|w| w.worksheets.len())>
                <div class="field">
                    <label for="brief-worksheet">{tv!(icp_brief_worksheet)}</label>
                    <select id="brief-worksheet" on:change=move |ev| {
                        let id = event_target_value(&ev).parse::<uuid::Uuid>().ok();
                        choices.update(|c| c.worksheet = id.map(crate::domain::WorksheetId::from_uuid));
                    }>
                        {move || sheets().into_iter().map(|(id, name, selected)| view! {
                            <option value=id.to_string() selected=selected>{name}</option>
                        }).collect_view()}
                    </select>
                </div>
            </When>
            <div class="field checkbox">
                <input type="checkbox" id="brief-anonymise" prop:checked=move || choices.with(|c| c.anonymise)
                    on:change=move |ev| choices.update(|c| c.anonymise = event_target_checked(&ev)) />
                <label for="brief-anonymise">{tv!(icp_brief_anonymise)}</label>
            </div>
            <p class="hint">{tv!(icp_brief_anonymise_hint)}</p>
        </fieldset>
        <article class="one-page brief" aria-labelledby="brief-title">
            <header class="one-page-head">
                <h1 id="brief-title" tabindex="-1">{tv!(icp_brief_heading)}</h1>
                <p class="meta">{move || store.workspace.with(|w| w.name.clone())}</p>
            </header>
            {move || shown().sections.into_iter().enumerate().map(|(n, s)| {
                let id = format!("brief-{n}");
                let labelled_by = id.clone();
                view! {
                    <section aria-labelledby=labelled_by>
                        <h2 id=id>{s.title}</h2>
                        <p>{s.intro}</p>
                        // Hidden while empty (style: `.brief ul:empty`).
                        <ul>{s.lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                    </section>
                }
            }).collect_view()}
        </article>
    }
}
