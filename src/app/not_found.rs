//! The screen for a link to nothing.

use super::route::Route;
use crate::t;
use crate::tv;
use leptos::prelude::*;

/// Says the link leads nowhere and offers the way back.
#[component]
pub fn NotFound(
    /// The path that was asked for, without `#/`.
    path: String,
) -> impl IntoView {
    view! {
        <h1 tabindex="-1">{tv!(shell_route_not_found)}</h1>
        <p>{t!(shell_not_found_text, path = path)}</p>
        <p><a href=Route::Home.href()>{tv!(shell_not_found_go_home)}</a></p>
    }
}
