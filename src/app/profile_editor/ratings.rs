//! The compact panel where a profile is rated on the active model's
//! hand-judged criteria; each rating shows what 1, 3 and 5 mean.

use super::access::ProfileAccess;
use crate::app::rating_input::{RatingInput, is_answered_by_hand};
use crate::app::route::Route;
use leptos::prelude::*;

/// Ratings for the active scoring model.
#[component]
pub fn RatingsSection(
    /// The profile being edited.
    profile: ProfileAccess,
) -> impl IntoView {
    let store = profile.store;
    let criteria = move || {
        store.workspace.with(|w| {
            w.model().map(|m| {
                (
                    m.name.clone(),
                    m.criteria
                        .iter()
                        .filter(|c| is_answered_by_hand(c))
                        .cloned()
                        .collect::<Vec<_>>(),
                )
            })
        })
    };
    view! {
        <section aria-labelledby="ratings-heading" class="editor-section">
            <h2 id="ratings-heading">"Ratings"</h2>
            {move || match criteria() {
                None => view! { <p class="hint">"No scoring model yet. "<a href=Route::Scoring.href()>"Set one up"</a></p> }.into_any(),
                Some((model, list)) => view! {
                    <p class="hint">{format!("For the scoring model “{model}”. ")}<a href=Route::ScoreExplanation(profile.id).href()>"See the score"</a></p>
                    <div class="field-grid">
                        {list.into_iter().map(|c| {
                            let label = c.name.clone();
                            view! { <div class="field"><RatingInput profile=profile.id criterion=c label visible_label=true /></div> }
                        }).collect_view()}
                    </div>
                }.into_any(),
            }}
        </section>
    }
}
