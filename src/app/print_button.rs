//! The "Print" button of the printable screens (a profile, a worksheet, a
//! case study, the brief): the browser's print dialog, which also saves a
//! PDF. What prints is set by the print style sheet.

use crate::tv;
use leptos::prelude::*;

/// Opens the browser's print dialog.
#[component]
pub fn PrintButton() -> impl IntoView {
    view! {
        <button type="button" class="secondary" on:click=|_| {
            // Nothing to report: a browser without printing ignores it.
            let _ = window().print();
        }>{tv!(shell_print)}</button>
    }
}
