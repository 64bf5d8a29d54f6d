//! The list of Ideal Customer Profile worksheets.

use super::route::{Route, go_to};
use super::state::{now, use_app_store};
use super::time_text::local_date_time;
use crate::app::held::Held;
use crate::tv;
use crate::{t, tn};
use leptos::prelude::*;

/// Lists the worksheets and creates new ones.
#[component]
pub fn WorksheetsPage() -> impl IntoView {
    let store = use_app_store();
    let name = Held::new(String::new());
    let error = Held::new(None::<String>);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut created = Err(crate::domain::input::InputError::Required);
        store
            .workspace
            .update(|w| created = w.add_worksheet(&name.get_untracked(), now()));
        match created {
            Ok(id) => {
                name.set(String::new());
                error.set(None);
                go_to(&Route::Worksheet(id));
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let sheets = move || {
        store.workspace.with(|w| {
            w.worksheets
                .iter()
                .map(|s| (s.id, s.name.clone(), s.created_at, s.columns.len()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <h1 tabindex="-1">{tv!(icp_worksheets_heading)}</h1>
        <p class="lead">{tv!(icp_worksheets_lead)}</p>
        <p><a href=Route::Brief.href()>{tv!(icp_worksheets_brief_link)}</a>" "{tv!(icp_worksheets_brief_after)}</p>
        <form class="new-profile" on:submit=create>
            <div class="field">
                <label for="new-worksheet-name">{tv!(icp_worksheets_new_name)}</label>
                <input id="new-worksheet-name" type="text" prop:value=move || name.get()
                    placeholder=t!(icp_worksheets_new_placeholder)
                    on:input=move |ev| name.set(event_target_value(&ev))
                    disabled=move || !store.is_editable()
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    aria-describedby="new-worksheet-error" />
                <p id="new-worksheet-error" class="field-error" aria-live="polite">{move || error.get()}</p>
            </div>
            <button type="submit" disabled=move || !store.is_editable()>{tv!(icp_worksheets_create)}</button>
        </form>
        {move || {
            let list = sheets();
            if list.is_empty() {
                return view! { <p>{tv!(icp_worksheets_none)}</p> }.into_any();
            }
            view! {
                <ul class="attention">
                    {list.into_iter().map(|(id, name, created, columns)| view! {
                        <li>
                            <a href=Route::Worksheet(id).href()>{name}</a>
                            <span class="meta">{format!(" {}", tn!(icp_worksheets_meta, columns, created = local_date_time(created)))}</span>
                        </li>
                    }).collect_view()}
                </ul>
            }
            .into_any()
        }}
    }
}
