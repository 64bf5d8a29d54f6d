//! One profile's score, explained: every criterion's value, points and
//! weighted share, so that anyone can check the score by hand.

use super::route::Route;
use super::scoring_page::tier_text;
use super::state::{today, use_app_store};
use crate::domain::scoring::{self, Direction, Explanation, HardRule, MISSING_RULE};
use crate::domain::{ProfileId, Workspace};
use leptos::prelude::*;

/// The explanation screen.
#[component]
pub fn ScoreExplanation(
    /// The profile.
    id: ProfileId,
) -> impl IntoView {
    let store = use_app_store();
    let found = move || {
        store.workspace.with(|w| {
            let (model, e) = scored(w, id)?;
            Some((w.profile(id)?.name.clone(), model, e))
        })
    };
    move || match found() {
        None => view! {
            <h1 tabindex="-1">"No score to explain"</h1>
            <p>"This profile is not here, or there is no scoring model yet."</p>
            <p><a href=Route::Scoring.href()>"Scoring"</a></p>
        }
        .into_any(),
        Some((name, model, e)) => {
            let (used, total) = e.basis();
            let summary = match e.score {
                Some(score) => format!(
                    "Score {score} of 100 · tier {} · based on {used} of {total} criteria",
                    tier_text(e.tier)
                ),
                None => format!("No score: none of the {total} criteria has an answer yet"),
            };
            let capped = capped_text(&e);
            view! {
                <div class="page-head">
                    <h1 tabindex="-1">{format!("Score of {name}")}</h1>
                    <p class="actions">
                        <a href=Route::Profile(id).href()>"Profile"</a>
                        <a href=Route::EditProfile(id).href()>"Rate on the profile"</a>
                        <a href=Route::Scoring.href()>"Ranked list"</a>
                    </p>
                </div>
                <p class="fit-summary" role="status">{summary}</p>
                {capped.map(|text| view! { <p class="badge overdue">{text}</p> })}
                <p class="hint">{format!("Model: {model}. Each share = earned points × weight ÷ {} (the weight of the criteria answered), cut to the cent. The shares add up to the score. {MISSING_RULE}", e.answered_weight)}</p>
                // Six columns do not fit a phone: the table scrolls in its
                // own box, not the page (WCAG 1.4.10), and a keyboard can
                // scroll it once it has focus.
                <div class="table-scroll" tabindex="0" role="group" aria-label="Score by criterion">
                <table class="profile-table explanation">
                    <thead><tr>
                        <th scope="col">"Criterion"</th><th scope="col">"Value"</th><th scope="col" class="number">"Points"</th>
                        <th scope="col" class="number">"Earned"</th><th scope="col" class="number">"Weight"</th><th scope="col" class="number">"Share of score"</th>
                    </tr></thead>
                    <tbody>
                        {e.contributions.iter().map(|c| {
                            let negative = c.direction == Direction::TakesAway;
                            view! {
                                <tr class:negative=negative>
                                    <th scope="row">{c.name.clone()}{negative.then_some(" (takes value away)")}</th>
                                    <td>{c.value.clone()}</td>
                                    <td class="number">{c.points.to_string()}</td>
                                    <td class="number">{c.earned.to_string()}</td>
                                    <td class="number">{c.weight.to_string()}</td>
                                    <td class="number">{c.contribution.to_string()}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                    <tfoot><tr>
                        <th scope="row" colspan="5">"Score"</th>
                        <td class="number">{e.score.map(|s| s.to_string()).unwrap_or_else(|| "—".into())}</td>
                    </tr></tfoot>
                </table>
                </div>
                {(!e.missing.is_empty()).then(|| view! {
                    <section aria-labelledby="missing-heading">
                        <h2 id="missing-heading">"Not answered (left out)"</h2>
                        <ul class="attention">{e.missing.iter().map(|(_, n)| view! { <li>{n.clone()}</li> }).collect_view()}</ul>
                    </section>
                })}
            }
            .into_any()
        }
    }
}

/// What lowered the tier of score `e` below what its score gives ("Tier A
/// by score, lowered to C because the customer is unprofitable."), if a
/// hard rule did.
pub fn capped_text(e: &Explanation) -> Option<String> {
    e.capped_by.as_ref().map(|rule| {
        let why = match rule {
            HardRule::UnprofitableAtMost(_) => " because the customer is unprofitable",
            HardRule::WeakFinancesAtMost(_) => " because of weak financial condition",
            // Never: a rule of a newer build caps nothing here.
            HardRule::Unlisted(_) => "",
        };
        format!(
            "Tier {} by score, lowered to {}{why}.",
            tier_text(e.tier_by_score),
            tier_text(e.tier)
        )
    })
}

/// Profile `id`'s score under the active model of `w` today, with the
/// model's name; `None` without the profile or a model.
pub fn scored(w: &Workspace, id: ProfileId) -> Option<(String, Explanation)> {
    let model = w.model()?;
    let basis = scoring::Basis::of(w, today());
    Some((
        model.name.clone(),
        scoring::score(model, w.profile(id)?, &basis),
    ))
}
