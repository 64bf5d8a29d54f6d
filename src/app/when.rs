//! `<When>`: Leptos's `<Show>`, compiled once for the whole app.
//!
//! `<Show>` is generic over its condition and its children, so each use
//! compiles its own memo and its own children's code: some 1.5 KB of wasm
//! a use, and the app has about thirty. `<When>` takes both behind
//! pointers, as [`Derived`] does for memos, and behaves the same: the
//! children are drawn again only when the condition changes.

use super::derived::Derived;
use leptos::prelude::*;
use std::sync::Arc;

/// A condition for [`When`], from any closure that returns `bool`.
#[derive(Clone)]
pub struct Condition(Arc<dyn Fn() -> bool + Send + Sync>);

impl<F: Fn() -> bool + Send + Sync + 'static> From<F> for Condition {
    fn from(condition: F) -> Self {
        Self(Arc::new(condition))
    }
}

/// Shows its children while `when` holds, and `fallback` (nothing by
/// default) while it does not.
#[component]
pub fn When(
    /// Whether the children are shown.
    #[prop(into)]
    when: Condition,
    /// What is shown while `when` holds.
    children: ChildrenFn,
    /// What is shown while it does not.
    #[prop(optional, into)]
    fallback: ViewFn,
) -> impl IntoView {
    let holds = Derived::new(move || (when.0)());
    move || {
        if holds.get() {
            children().into_any()
        } else {
            fallback.run()
        }
    }
}
