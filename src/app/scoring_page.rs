//! The Perfect Prospect Model's results: the ranked list with tiers, the
//! spread of scores, and the customers to reward and to review.

use super::route::Route;
use super::score_histogram::ScoreHistogram;
use super::state::{now, today, use_app_store};
use crate::domain::ModelId;
use crate::domain::choice::Choice;
use crate::domain::profile::Status;
use crate::domain::scoring::{self, MISSING_RULE, REVIEW_RULE, Tier, default_model};
use leptos::prelude::*;

/// A tier's letter, or a dash for no score.
pub fn tier_text(tier: Option<Tier>) -> &'static str {
    match tier {
        Some(Tier::A) => "A",
        Some(Tier::B) => "B",
        Some(Tier::C) => "C",
        Some(Tier::D) => "D",
        None => "—",
    }
}

/// Switches the active model.
#[component]
pub fn ModelSwitch() -> impl IntoView {
    let store = use_app_store();
    let models = move || {
        store.workspace.with(|w| {
            w.models
                .iter()
                .map(|m| (m.id, m.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let active = move || store.workspace.with(|w| w.active_model);
    view! {
        <div class="field inline">
            <label for="active-model">"Active model"</label>
            <select id="active-model" on:change=move |ev| {
                let id = event_target_value(&ev).parse::<uuid::Uuid>().ok().map(ModelId::from_uuid);
                store.workspace.update(|w| if id.is_some() { w.active_model = id });
            }>
                {move || models().into_iter().map(|(id, name)| view! {
                    <option value=id.to_string() prop:selected=move || active() == Some(id)>{name}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// Offers the default model when there is none yet.
#[component]
pub fn NoModelYet() -> impl IntoView {
    let store = use_app_store();
    let locked = super::fields::locked();
    view! {
        <p>
            "Score every customer and prospect on what really makes a customer valuable: not only "
            "revenue, but profitability, partnership value and the effort they cost."
        </p>
        <button type="button" disabled=locked on:click=move |_| {
            store.workspace.update(|w| {
                w.add_model(default_model(now()));
            });
        }>"Start with the Perfect Prospect Model"</button>
    }
}

/// The scoring screen.
#[component]
pub fn ScoringPage() -> impl IntoView {
    let store = use_app_store();
    let has_model = move || store.workspace.with(|w| w.model().is_some());
    let status = RwSignal::new(None::<Status>);
    let tier = RwSignal::new(None::<Tier>);
    let ranked = Memo::new(move |_| {
        store.workspace.with(|w| {
            w.model()
                .map(|m| scoring::rank(m, &w.profiles, today()))
                .unwrap_or_default()
        })
    });
    let shown = move || {
        let (status, tier) = (status.get(), tier.get());
        ranked.with(|all| {
            all.iter()
                .enumerate()
                .filter(|(_, r)| {
                    status.is_none_or(|s| r.status == s) && tier.is_none_or(|t| r.tier() == Some(t))
                })
                .map(|(i, r)| {
                    let (used, total) = r.explanation.basis();
                    (
                        i + 1,
                        r.profile,
                        r.name.clone(),
                        r.status,
                        r.score(),
                        r.tier(),
                        used,
                        total,
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let scores = Signal::derive(move || {
        ranked.with(|all| all.iter().filter_map(|r| r.score()).collect::<Vec<_>>())
    });
    let reward = move || {
        ranked.with(|all| {
            scoring::to_reward(all)
                .into_iter()
                .map(|r| (r.profile, r.name.clone(), r.score()))
                .collect::<Vec<_>>()
        })
    };
    let review = move || {
        store.workspace.with(|w| {
            ranked.with(|all| {
                scoring::to_review(all, &w.profiles)
                    .into_iter()
                    .map(|(r, why)| (r.profile, r.name.clone(), why))
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <h1 tabindex="-1">"Scoring"</h1>
        <Show when=has_model fallback=|| view! { <NoModelYet/> }>
            <div class="toolbar">
                <ModelSwitch/>
                <a href=Route::ScoringModel.href()>"Edit the model"</a>
                <a href=Route::RatingGrid.href()>"Rate profiles"</a>
            </div>
            <p class="hint">{MISSING_RULE}</p>
            <ScoreHistogram scores />
            <section aria-labelledby="ranked-heading">
                <h2 id="ranked-heading">"Ranked list"</h2>
                <div class="filters">
                    <div class="field">
                        <label for="rank-status">"Status"</label>
                        <select id="rank-status" on:change=move |ev| status.set(Status::from_key(&event_target_value(&ev)))>
                            <option value="">"All"</option>
                            {Status::ALL.iter().map(|s| view! { <option value=s.key()>{s.label()}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="rank-tier">"Tier"</label>
                        <select id="rank-tier" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            tier.set([Tier::A, Tier::B, Tier::C, Tier::D].into_iter().find(|t| tier_text(Some(*t)) == v));
                        }>
                            <option value="">"All"</option>
                            {["A", "B", "C", "D"].map(|t| view! { <option value=t>{t}</option> }).collect_view()}
                        </select>
                    </div>
                </div>
                <table class="profile-table ranked">
                    <thead><tr>
                        <th scope="col" class="number">"Rank"</th><th scope="col">"Company"</th><th scope="col">"Status"</th>
                        <th scope="col">"Tier"</th><th scope="col" class="number">"Score"</th><th scope="col">"Based on"</th>
                    </tr></thead>
                    <tbody>
                        {move || shown().into_iter().map(|(rank, id, name, status, score, tier, used, total)| view! {
                            <tr>
                                <td class="number">{rank}</td>
                                <th scope="row"><a href=Route::ScoreExplanation(id).href()>{name}</a></th>
                                <td>{status.label()}</td>
                                <td><span class=format!("tier tier-{}", tier_text(tier))>{tier_text(tier)}</span></td>
                                <td class="number">
                                    {score.map(|s| view! {
                                        <meter min="0" max="100" value=s.to_string() aria-hidden="true"></meter>" "{s.to_string()}
                                    })}
                                    {score.is_none().then_some("no score")}
                                </td>
                                <td>{format!("{used} of {total} criteria")}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
            <div class="two-lists">
                <section aria-labelledby="reward-heading">
                    <h2 id="reward-heading">"Reward"</h2>
                    <p class="hint">"Tier A customers: great customers to reward and grow."</p>
                    <ul class="attention">
                        {move || reward().into_iter().map(|(id, name, score)| view! {
                            <li><a href=Route::ScoreExplanation(id).href()>{name}</a>
                                <span class="meta">{score.map(|s| format!(" · {s}")).unwrap_or_default()}</span></li>
                        }).collect_view()}
                    </ul>
                </section>
                <section aria-labelledby="review-heading">
                    <h2 id="review-heading">"Review"</h2>
                    <p class="hint">{REVIEW_RULE}</p>
                    <ul class="attention">
                        {move || review().into_iter().map(|(id, name, why)| view! {
                            <li><a href=Route::ScoreExplanation(id).href()>{name}</a><span class="meta">{format!(" · {why}")}</span></li>
                        }).collect_view()}
                    </ul>
                </section>
            </div>
        </Show>
    }
}
