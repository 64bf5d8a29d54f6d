//! The rating grid: many profiles against the model's hand-judged criteria,
//! rated fast from the keyboard (Tab moves across, a digit picks a rating).

use super::keyed_list::{digest, snapshot_list};
use super::profile_watch::ProfileWatch;
use super::rating_input::{RatingInput, hand_judged_criteria};
use super::route::Route;
use super::scoring_page::NoModelYet;
use super::show_more::{ROWS_AT_A_TIME, ShowMore};
use super::state::use_app_store;
use crate::app::derived::Derived;
use crate::app::held::Held;
use crate::domain::ProfileId;
use crate::domain::profile::Status;
use crate::domain::sorting::sort_by_key_with;
use crate::t;
use crate::tv;
use leptos::prelude::*;

/// The rating grid screen.
#[component]
pub fn RatingGrid() -> impl IntoView {
    let store = use_app_store();
    let status = Held::new(None::<Status>);
    let limit = Held::new(ROWS_AT_A_TIME);
    let criteria = hand_judged_criteria(store);
    let profiles = Derived::new(move || {
        let status = status.get();
        store.workspace.with(|w| {
            let mut list: Vec<(ProfileId, String)> = w
                .profiles
                .iter()
                .filter(|p| status.is_none_or(|s| p.status == s))
                .map(|p| (p.id, p.name.clone()))
                .collect();
            sort_by_key_with(&mut list, |(_, n)| n.to_lowercase());
            list
        })
    });
    view! {
        <div class="page-head">
            <h1 tabindex="-1">{tv!(scoring_rate_profiles)}</h1>
            <p class="actions"><a href=Route::Scoring.href()>{tv!(scoring_ranked_list)}</a><a href=Route::ScoringModel.href()>{tv!(scoring_edit_the_model)}</a></p>
        </div>
        {move || match criteria.get() {
            None => view! { <NoModelYet/> }.into_any(),
            Some(criteria) => {
                let header = criteria.clone();
                view! {
                    <p class="hint">{tv!(scoring_grid_hint)}</p>
                    <div class="field inline">
                        <label for="grid-status">{tv!(scoring_grid_show)}</label>
                        <select id="grid-status" on:change=move |ev| {
                            status.set(crate::domain::choice::Choice::from_key(&event_target_value(&ev)));
                        }>
                            <option value="">{tv!(scoring_grid_all_profiles)}</option>
                            {Status::ALL.iter().map(|s| view! { <option value=crate::domain::choice::Choice::key(*s)>{s.shown()}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="chart-scroll">
                        <table class="chart rating-grid">
                            <thead><tr>
                                <th scope="col">{tv!(scoring_column_company)}</th>
                                {header.iter().map(|c| view! { <th scope="col">{c.name.clone()}</th> }).collect_view()}
                            </tr></thead>
                            <tbody>
                                // Keyed, and a part at a time: years of profiles
                                // would take seconds to draw at once, and showing
                                // more draws only the rows added.
                                {snapshot_list(
                                    move || profiles.with(|all| all.iter().take(limit.get()).cloned().collect()),
                                    |(id, name)| (id.as_uuid(), digest(name)),
                                    move |(id, name)| {
                                        // One watch for the row's ratings: rating one
                                        // profile re-runs no other row.
                                        let profile = ProfileWatch::new(store, id);
                                        view! {
                                            <tr>
                                                <th scope="row"><a href=Route::ScoreExplanation(id).href()>{name.clone()}</a></th>
                                                {criteria.iter().cloned().map(|c| {
                                                    let label = t!(scoring_grid_rating_label, criterion = c.name, company = name);
                                                    view! { <td><RatingInput profile criterion=c label /></td> }
                                                }).collect_view()}
                                            </tr>
                                        }
                                        .into_any()
                                    },
                                )}
                            </tbody>
                        </table>
                    </div>
                    <ShowMore limit total=Signal::derive(move || profiles.with(Vec::len)) what=t!(scoring_show_more_profiles)/>
                }
                .into_any()
            }
        }}
    }
}
