//! The compact panel where a profile is rated on the active model's
//! hand-judged criteria; each rating shows what 1, 3 and 5 mean.

use super::access::ProfileAccess;
use crate::app::rating_input::{RatingInput, hand_judged_criteria};
use crate::app::route::Route;
use crate::t;
use crate::tv;
use leptos::prelude::*;

/// Ratings for the active scoring model.
#[component]
pub fn RatingsSection(
    /// The profile being edited.
    profile: ProfileAccess,
) -> impl IntoView {
    let store = profile.store;
    let criteria = hand_judged_criteria(store);
    let model = move || store.workspace.with(|w| w.model().map(|m| m.name.clone()));
    view! {
        <section aria-labelledby="ratings-heading" class="editor-section">
            <h2 id="ratings-heading">{tv!(profile_editor_ratings)}</h2>
            {move || match criteria.get() {
                None => view! { <p class="hint">{tv!(profile_editor_ratings_no_model)}" "<a href=Route::Scoring.href()>{tv!(profile_editor_ratings_set_up)}</a></p> }.into_any(),
                Some(list) => view! {
                    <p class="hint">{move || t!(profile_editor_ratings_model, model = model().unwrap_or_default())}" "<a href=Route::ScoreExplanation(profile.id).href()>{tv!(profile_editor_ratings_see_score)}</a></p>
                    <div class="field-grid">
                        {list.into_iter().map(|c| {
                            let label = c.name.clone();
                            view! { <div class="field"><RatingInput profile=profile.watch criterion=c label visible_label=true /></div> }
                        }).collect_view()}
                    </div>
                }.into_any(),
            }}
        </section>
    }
}
