//! The service worker (`public/sw.js`) keeps the page's files so that the
//! app opens offline. This registers it and, when a new version has been
//! deployed and installed in the background, says so and offers a reload.

use super::state::use_app_store;
use crate::tv;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

/// The worker waiting to take over, once a new version is installed.
#[derive(Clone)]
struct Waiting(ServiceWorker);

/// Registers the service worker and shows the update banner when a new
/// version waits.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let waiting = RwSignal::new_local(None::<Waiting>);
    let store = use_app_store();
    register(waiting);
    let reload = move |_| {
        let Some(Waiting(worker)) = waiting.get_untracked() else {
            return;
        };
        // Reload only when the new worker has taken over, so the page
        // comes back with the new files.
        if let Some(container) = container() {
            let on_change = Closure::<dyn FnMut()>::new(|| {
                let _ = window().location().reload();
            });
            container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
            on_change.forget();
        }
        let _ = worker.post_message(&"skip-waiting".into());
    };
    move || {
        waiting.with(Option::is_some).then(|| {
            view! {
                <div class="notice info" role="status">
                    <p>{tv!(shell_update_ready)}</p>
                    <div class="notice-actions">
                        <button type="button" on:click=reload>{tv!(shell_update_reload)}</button>
                        <button type="button" class="secondary" on:click=move |_| waiting.set(None)>
                            {tv!(shell_update_later)}
                        </button>
                    </div>
                    {move || (!store.is_editable()).then(|| view! {
                        <p class="hint">{tv!(shell_update_read_only)}</p>
                    })}
                </div>
            }
        })
    }
}

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = window().navigator();
    // Missing on insecure origins and in some private windows.
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

/// Registers `sw.js` beside the page; the app works the same without it.
fn register(waiting: RwSignal<Option<Waiting>, LocalStorage>) {
    let Some(container) = container() else { return };
    let promise = container.register("sw.js");
    leptos::task::spawn_local(async move {
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(promise).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        // A version installed during an earlier visit may already wait.
        offer(&registration, waiting);
        let on_found = {
            let registration = registration.clone();
            Closure::<dyn FnMut()>::new(move || {
                let Some(installing) = registration.installing() else {
                    return;
                };
                let registration = registration.clone();
                let on_state = Closure::<dyn FnMut()>::new(move || offer(&registration, waiting));
                installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
                on_state.forget();
            })
        };
        registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
    });
}

/// Shows the banner if a new worker is installed and waiting while an
/// older one controls the page (on a first visit there is nothing to
/// update).
fn offer(
    registration: &ServiceWorkerRegistration,
    waiting: RwSignal<Option<Waiting>, LocalStorage>,
) {
    let controlled = container().is_some_and(|c| c.controller().is_some());
    if let Some(worker) = registration.waiting()
        && controlled
        && worker.state() == ServiceWorkerState::Installed
    {
        waiting.set(Some(Waiting(worker)));
    }
}
