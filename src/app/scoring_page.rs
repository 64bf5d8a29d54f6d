//! The Perfect Prospect Model's results: the ranked list with tiers, the
//! spread of scores, and the customers to reward and to review.

use super::csv_export::CsvExport;
use super::keyed_list::{digest, snapshot_list};
use super::not_counted::NotCountedNote;
use super::route::Route;
use super::score_histogram::ScoreHistogram;
use super::show_more::{ROWS_AT_A_TIME, SIDE_ROWS_AT_A_TIME, ShowMore};
use super::state::{now, today, use_app_store};
use crate::app::derived::Derived;
use crate::app::held::Held;
use crate::app::when::When;
use crate::domain::ModelId;
use crate::domain::choice::Choice;
use crate::domain::csv::{CsvStyle, ranking_csv};
use crate::domain::id::ProfileId;
use crate::domain::profile::{Profile, Status};
use crate::domain::scoring::{
    self, RankFilter, Ranked, Tier, default_model, missing_rule, number_text, review_rule,
};
use crate::tv;
use crate::{t, tn};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// A tier's letter, or a dash for no score.
pub fn tier_text(tier: Option<Tier>) -> &'static str {
    tier.map_or("—", Tier::letter)
}

/// What one row of the ranked list shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct RankedRow {
    rank: usize,
    profile: ProfileId,
    name: String,
    status: Status,
    score: Option<Decimal>,
    tier: Option<Tier>,
    /// Criteria judged, of all the model's criteria.
    basis: (usize, usize),
}

impl RankedRow {
    fn new(rank: usize, r: &Ranked) -> Self {
        Self {
            rank,
            profile: r.profile,
            name: r.name.clone(),
            status: r.status,
            score: r.score(),
            tier: r.tier(),
            basis: r.basis,
        }
    }
}

/// One row of the ranked list.
#[component]
fn RankedRowView(
    /// The row to show.
    row: RankedRow,
) -> impl IntoView {
    let (used, total) = row.basis;
    view! {
        <tr role="row">
            <td role="cell" class="number">{row.rank}</td>
            <th role="rowheader" scope="row"><a href=Route::ScoreExplanation(row.profile).href()>{row.name}</a></th>
            <td role="cell">{row.status.shown()}</td>
            <td role="cell"><span class=format!("tier tier-{}", tier_text(row.tier))>{tier_text(row.tier)}</span></td>
            <td role="cell" class="number">
                {row.score.map(|s| view! {
                    <meter min="0" max="100" value=s.to_string() aria-hidden="true"></meter>" "{number_text(s)}
                })}
                {row.score.is_none().then(|| t!(scoring_no_score))}
            </td>
            <td role="cell">{tn!(scoring_based_on, total, used = used)}</td>
        </tr>
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
    let locked = crate::app::fields::locked();
    view! {
        <div class="field inline">
            <label for="active-model">{tv!(scoring_active_model)}</label>
            <select id="active-model" disabled=locked on:change=move |ev| {
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
        <p>{tv!(scoring_no_model_intro)}</p>
        <button type="button" disabled=locked on:click=move |_| {
            store.workspace.update(|w| {
                w.add_model(default_model(now()));
            });
        }>{tv!(scoring_start_with_default)}</button>
    }
}

/// How much of the scoring screen is drawn. With a thousand profiles,
/// drawing it all at once kept the page busy for one long stretch (70 to 90
/// ms, the ranking run the first time being slow), so that a click or a key
/// pressed meanwhile waited. It is drawn in three tasks instead, each well
/// under 50 ms, with the browser free to answer in between: the screen's
/// frame, then the ranking with its spread and the short lists, then the
/// ranked list. Each step is a zero-delay timeout, usually before the next
/// frame is painted, so nobody sees the steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Drawn {
    /// The heading, the model switch and the rules.
    Frame,
    /// The ranking, its spread of scores, and the customers to reward and
    /// to review.
    Summary,
    /// The ranked list as well.
    List,
}

/// Starts drawing the screen in steps and says how far it has come.
fn draw_in_steps() -> ReadSignal<Drawn> {
    let (drawn, set_drawn) = signal(Drawn::Frame);
    let step = std::time::Duration::ZERO;
    set_timeout(
        move || {
            // `try_set`: the screen may be left before the step comes.
            if set_drawn.try_set(Drawn::Summary).is_none() {
                set_timeout(move || _ = set_drawn.try_set(Drawn::List), step);
            }
        },
        step,
    );
    drawn
}

/// The scoring screen.
#[component]
pub fn ScoringPage() -> impl IntoView {
    let store = use_app_store();
    let has_model = move || store.workspace.with(|w| w.model().is_some());
    let filter = Held::new(RankFilter::default());
    let ranked = Derived::new(move || {
        store.workspace.with(|w| {
            w.model()
                .map(|m| scoring::rank(m, &w.profiles, &scoring::Basis::of(w, today())))
                .unwrap_or_default()
        })
    });
    let shown = Derived::new(move || {
        filter.with(|filter| {
            ranked.with(|all| {
                filter
                    .apply(all)
                    .into_iter()
                    .map(|(rank, r)| RankedRow::new(rank, r))
                    .collect::<Vec<_>>()
            })
        })
    });
    let ranked_limit = Held::new(ROWS_AT_A_TIME);
    let csv_of_shown = Callback::new(move |(style, _): (CsvStyle, bool)| {
        let (ranks, ids): (Vec<usize>, Vec<ProfileId>) =
            shown.with_untracked(|rows| rows.iter().map(|r| (r.rank, r.profile)).unzip());
        store.workspace.with_untracked(|w| {
            let Some(model) = w.model() else {
                return (String::new(), 0);
            };
            let rows: Vec<(usize, &Profile)> = ranks
                .into_iter()
                .zip(w.profiles_of(&ids))
                .filter_map(|(rank, p)| Some((rank, p?)))
                .collect();
            let basis = scoring::Basis::of(w, today());
            (
                ranking_csv(model, rows.iter().copied(), &basis, style),
                rows.len(),
            )
        })
    });
    let scores = Signal::derive(move || {
        ranked.with(|all| all.iter().filter_map(|r| r.score()).collect::<Vec<_>>())
    });
    let reward = Derived::new(move || {
        ranked.with(|all| {
            scoring::to_reward(all)
                .into_iter()
                .map(|r| (r.profile, r.name.clone(), r.score()))
                .collect::<Vec<_>>()
        })
    });
    let reward_limit = Held::new(SIDE_ROWS_AT_A_TIME);
    let review = Derived::new(move || {
        ranked.with(|all| {
            scoring::to_review(all)
                .into_iter()
                .map(|(r, why)| (r.profile, r.name.clone(), why))
                .collect::<Vec<_>>()
        })
    });
    let review_limit = Held::new(SIDE_ROWS_AT_A_TIME);
    let drawn = draw_in_steps();
    let summary_drawn = move || drawn.get() >= Drawn::Summary;
    let list_drawn = move || drawn.get() >= Drawn::List;
    view! {
        <h1 tabindex="-1">{tv!(scoring_page_title)}</h1>
        <When when=has_model fallback=|| view! { <NoModelYet/> }>
            <div class="toolbar">
                <ModelSwitch/>
                <a href=Route::ScoringModel.href()>{tv!(scoring_edit_the_model)}</a>
                <a href=Route::RatingGrid.href()>{tv!(scoring_rate_profiles)}</a>
                <a href=Route::Brief.href()>{tv!(scoring_link_brief)}</a>
                <a href=Route::Portfolio.href()>{tv!(scoring_link_portfolio)}</a>
            </div>
            <p class="hint">{missing_rule()}</p>
            <NotCountedNote/>
            <When when=summary_drawn>
                <ScoreHistogram scores />
            </When>
            <When when=list_drawn>
                <section aria-labelledby="ranked-heading">
                    <h2 id="ranked-heading">{tv!(scoring_ranked_list)}</h2>
                    <div class="filters">
                        <div class="field">
                            <label for="rank-search">{tv!(scoring_search_by_name)}</label>
                            <input id="rank-search" type="search" autocomplete="off"
                                prop:value=move || filter.with(|f| f.search.clone())
                                on:input=move |ev| filter.update(|f| f.search = event_target_value(&ev)) />
                        </div>
                        <div class="field">
                            <label for="rank-status">{tv!(scoring_status)}</label>
                            <select id="rank-status" on:change=move |ev| filter.update(|f| f.status = Status::from_key(&event_target_value(&ev)))>
                                <option value="">{tv!(scoring_filter_all)}</option>
                                {Status::ALL.iter().map(|s| view! { <option value=s.key()>{s.shown()}</option> }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="rank-tier">{tv!(scoring_tier)}</label>
                            <select id="rank-tier" on:change=move |ev| {
                                let v = event_target_value(&ev);
                                filter.update(|f| f.tier = [Tier::A, Tier::B, Tier::C, Tier::D].into_iter().find(|t| tier_text(Some(*t)) == v));
                            }>
                                <option value="">{tv!(scoring_filter_all)}</option>
                                {["A", "B", "C", "D"].map(|t| view! { <option value=t>{t}</option> }).collect_view()}
                            </select>
                        </div>
                    </div>
                    <CsvExport file="ranking" make=csv_of_shown
                        hint=t!(scoring_csv_hint)/>
                    // Rows are laid out one by one (see `.long-list` in the style
                    // sheet), so the table's roles are stated.
                    <table class="profile-table long-list ranked" role="table">
                        <thead role="rowgroup"><tr role="row">
                            <th role="columnheader" scope="col" class="number">{tv!(scoring_column_rank)}</th>
                            <th role="columnheader" scope="col">{tv!(scoring_column_company)}</th>
                            <th role="columnheader" scope="col">{tv!(scoring_status)}</th>
                            <th role="columnheader" scope="col">{tv!(scoring_tier)}</th>
                            <th role="columnheader" scope="col" class="number">{tv!(scoring_score)}</th>
                            <th role="columnheader" scope="col">{tv!(scoring_column_based_on)}</th>
                        </tr></thead>
                        <tbody role="rowgroup">
                            // Keyed by everything a row shows: typing in the search
                            // removes and adds rows but never rebuilds the others.
                            {snapshot_list(
                                move || shown.with(|rows| rows.iter().take(ranked_limit.get()).cloned().collect::<Vec<_>>()),
                                |row| (row.profile.as_uuid(), digest(row)),
                                |row| view! { <RankedRowView row/> }.into_any(),
                            )}
                        </tbody>
                    </table>
                    <ShowMore limit=ranked_limit total=Signal::derive(move || shown.with(Vec::len)) what=t!(scoring_show_more_companies)/>
                    {move || (!ranked.with(Vec::is_empty) && shown.with(Vec::is_empty)).then(|| view! {
                        <p role="status">{tv!(scoring_no_match)}</p>
                    })}
                </section>
            </When>
            <When when=summary_drawn>
                <div class="two-lists">
                    <section aria-labelledby="reward-heading">
                        <h2 id="reward-heading">{tv!(scoring_reward)}</h2>
                        <p class="hint">{tv!(scoring_reward_hint)}</p>
                        <ul class="attention">
                            {move || reward.with(|all| all.iter().take(reward_limit.get()).cloned().collect::<Vec<_>>())
                                .into_iter().map(|(id, name, score)| view! {
                                <li><a href=Route::ScoreExplanation(id).href()>{name}</a>
                                    <span class="meta">{score.map(|s| format!(" · {}", number_text(s))).unwrap_or_default()}</span></li>
                            }).collect_view()}
                        </ul>
                        <ShowMore limit=reward_limit total=Signal::derive(move || reward.with(Vec::len)) what=t!(scoring_show_more_reward) step=SIDE_ROWS_AT_A_TIME/>
                    </section>
                    <section aria-labelledby="review-heading">
                        <h2 id="review-heading">{tv!(scoring_review)}</h2>
                        <p class="hint">{review_rule()}</p>
                        <ul class="attention">
                            {move || review.with(|all| all.iter().take(review_limit.get()).cloned().collect::<Vec<_>>())
                                .into_iter().map(|(id, name, why)| view! {
                                <li><a href=Route::ScoreExplanation(id).href()>{name}</a><span class="meta">{format!(" · {why}")}</span></li>
                            }).collect_view()}
                        </ul>
                        <ShowMore limit=review_limit total=Signal::derive(move || review.with(Vec::len)) what=t!(scoring_show_more_review) step=SIDE_ROWS_AT_A_TIME/>
                    </section>
                </div>
            </When>
        </When>
    }
}
