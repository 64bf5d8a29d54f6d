//! The note on screens that compare money: which profiles are left out for
//! want of an exchange rate, with the way to add one.

use super::route::Route;
use super::state::use_app_store;
use crate::messages;
use leptos::prelude::*;

/// Says which profiles' money is not counted here, if any; nothing when
/// every profile's currency can be compared.
#[component]
pub fn NotCountedNote() -> impl IntoView {
    let store = use_app_store();
    let text = move || {
        store
            .workspace
            .with(|w| messages::not_counted(&w.not_counted()))
    };
    move || {
        let text = text();
        (!text.is_empty()).then(|| {
            view! {
                <p class="note" role="status">{text} " "<a href=Route::Data.href()>{Route::Data.title()}</a></p>
            }
        })
    }
}
