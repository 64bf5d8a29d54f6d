//! The screen for a link to nothing.

use super::route::Route;
use leptos::prelude::*;

/// Says the link leads nowhere and offers the way back.
#[component]
pub fn NotFound(
    /// The path that was asked for, without `#/`.
    path: String,
) -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Page not found"</h1>
        <p>"There is no page at “#/" {path} "”. It may come from a newer version of Clientele."</p>
        <p><a href=Route::Home.href()>"Go to Home"</a></p>
    }
}
