//! One profile's score, explained: every criterion's value, points and
//! weighted share, so that anyone can check the score by hand.

use super::route::Route;
use super::scoring_page::tier_text;
use super::state::{today, use_app_store};
use crate::domain::scoring::{self, Direction, Explanation, HardRule, missing_rule, number_text};
use crate::domain::{ProfileId, Workspace};
use crate::tv;
use crate::{t, tn};
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
            <h1 tabindex="-1">{tv!(scoring_explanation_none)}</h1>
            <p>{tv!(scoring_explanation_none_why)}</p>
            <p><a href=Route::Scoring.href()>{tv!(scoring_page_title)}</a></p>
        }
        .into_any(),
        Some((name, model, e)) => {
            let (used, total) = e.basis();
            let summary = match e.score {
                Some(score) => tn!(
                    scoring_explanation_summary,
                    total,
                    score = number_text(score),
                    tier = tier_text(e.tier),
                    used = used
                ),
                None => tn!(scoring_explanation_no_score, total),
            };
            let capped = capped_text(&e);
            view! {
                <div class="page-head">
                    <h1 tabindex="-1">{t!(scoring_explanation_title, name = name)}</h1>
                    <p class="actions">
                        <a href=Route::Profile(id).href()>{tv!(scoring_explanation_profile)}</a>
                        <a href=Route::EditProfile(id).href()>{tv!(scoring_explanation_rate_on_profile)}</a>
                        <a href=Route::Scoring.href()>{tv!(scoring_ranked_list)}</a>
                    </p>
                </div>
                <p class="fit-summary" role="status">{summary}</p>
                {capped.map(|text| view! { <p class="badge overdue">{text}</p> })}
                <p class="hint">{t!(scoring_explanation_how, model = model, weight = number_text(e.answered_weight), rule = missing_rule())}</p>
                // Six columns do not fit a phone: the table scrolls in its
                // own box, not the page (WCAG 1.4.10), and a keyboard can
                // scroll it once it has focus.
                <div class="table-scroll" tabindex="0" role="group" aria-label=t!(scoring_explanation_table)>
                <table class="profile-table explanation">
                    <thead><tr>
                        <th scope="col">{tv!(scoring_criterion)}</th><th scope="col">{tv!(scoring_explanation_value)}</th><th scope="col" class="number">{tv!(scoring_explanation_points)}</th>
                        <th scope="col" class="number">{tv!(scoring_explanation_earned)}</th><th scope="col" class="number">{tv!(scoring_explanation_weight)}</th><th scope="col" class="number">{tv!(scoring_explanation_share)}</th>
                    </tr></thead>
                    <tbody>
                        {e.contributions.iter().map(|c| {
                            let negative = c.direction == Direction::TakesAway;
                            view! {
                                <tr class:negative=negative>
                                    <th scope="row">{c.name.clone()}{negative.then(|| format!(" {}", t!(scoring_explanation_takes_away)))}</th>
                                    <td>{c.value.clone()}</td>
                                    <td class="number">{number_text(c.points)}</td>
                                    <td class="number">{number_text(c.earned)}</td>
                                    <td class="number">{number_text(c.weight)}</td>
                                    <td class="number">{number_text(c.contribution)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                    <tfoot><tr>
                        <th scope="row" colspan="5">{tv!(scoring_score)}</th>
                        <td class="number">{e.score.map_or_else(|| "—".into(), number_text)}</td>
                    </tr></tfoot>
                </table>
                </div>
                {(!e.missing.is_empty()).then(|| view! {
                    <section aria-labelledby="missing-heading">
                        <h2 id="missing-heading">{tv!(scoring_explanation_missing)}</h2>
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
        let (by_score, tier) = (tier_text(e.tier_by_score), tier_text(e.tier));
        match rule {
            HardRule::UnprofitableAtMost(_) => {
                t!(
                    scoring_capped_unprofitable,
                    by_score = by_score,
                    tier = tier
                )
            }
            HardRule::WeakFinancesAtMost(_) => {
                t!(
                    scoring_capped_weak_finances,
                    by_score = by_score,
                    tier = tier
                )
            }
            // Never: a rule of a newer build caps nothing here.
            HardRule::Unlisted(_) => t!(scoring_capped, by_score = by_score, tier = tier),
        }
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
