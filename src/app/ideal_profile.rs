//! The ideal customer derived from a worksheet, with its reasoning, and the
//! fit of any profile against it.

use super::not_counted::NotCountedNote;
use super::route::Route;
use super::state::{today, use_app_store};
use crate::app::derived::Derived;
use crate::app::held::Held;
use crate::domain::currency::Basis;
use crate::domain::icp::{self, ChartValues, IdealProfile, RowFit, fit_rule, plain_number};
use crate::domain::profile::Status;
use crate::domain::sorting::{sort_by_key_with, sort_with};
use crate::domain::{ProfileId, WorksheetId};
use crate::tv;
use crate::{t, tn};
use leptos::prelude::*;

/// The chart's values, as derived now, tracked.
fn ideal_of(store: super::state::AppStore, id: WorksheetId) -> Option<IdealProfile> {
    store.workspace.with(|w| {
        let sheet = w.worksheet(id)?;
        let values: Vec<ChartValues> = sheet
            .column_views(&w.profiles, &Basis::of(w, today()))
            .into_iter()
            .map(|c| c.values)
            .collect();
        Some(icp::derive(&values))
    })
}

/// The derived Ideal Customer Profile, row by row.
#[component]
pub fn IdealProfileView(
    /// The worksheet.
    id: WorksheetId,
) -> impl IntoView {
    let store = use_app_store();
    // One reader, so a closure: a memo type of its own would cost the page
    // more code than deriving again costs time.
    let rows = move || {
        ideal_of(store, id)
            .map(|i| icp::reasoning(&i))
            .unwrap_or_default()
    };
    view! {
        <section aria-labelledby="ideal-heading" class="ideal">
            <h2 id="ideal-heading">{tv!(icp_ideal_heading)}</h2>
            <p class="hint">{tv!(icp_ideal_hint)}</p>
            <NotCountedNote/>
            <dl class="facts">
                {move || rows().into_iter().map(|(row, text)| view! {
                    <dt>{row.shown()}</dt>
                    <dd>{text}</dd>
                }).collect_view()}
            </dl>
        </section>
    }
}

fn fit_word(fit: RowFit) -> &'static str {
    match fit {
        RowFit::Matches => t!(icp_fit_matches),
        RowFit::Differs => t!(icp_fit_differs),
        RowFit::Unknown => t!(icp_fit_not_compared),
    }
}

/// Checks any profile against the ideal profile, and ranks prospects by fit.
#[component]
pub fn FitCheck(
    /// The worksheet.
    id: WorksheetId,
) -> impl IntoView {
    let store = use_app_store();
    let chosen = Held::new(None::<ProfileId>);
    let profiles = move || {
        store.workspace.with(|w| {
            let mut all: Vec<(ProfileId, String)> =
                w.profiles.iter().map(|p| (p.id, p.name.clone())).collect();
            sort_by_key_with(&mut all, |(_, n)| n.to_lowercase());
            all
        })
    };
    // Derived once per change, for both the check and the prospects.
    let ideal = Derived::new(move || ideal_of(store, id));
    let result = move || {
        let profile = chosen.get()?;
        let ideal = ideal.get()?;
        store.workspace.with(|w| {
            let p = w.profile(profile)?;
            let basis = Basis::of(w, today());
            Some(icp::fit(&ideal, &ChartValues::of_profile(p, &basis)))
        })
    };
    let prospects = move || {
        let Some(ideal) = ideal.get() else {
            return Vec::new();
        };
        store.workspace.with(|w| {
            let basis = Basis::of(w, today());
            let mut ranked: Vec<_> = w
                .profiles
                .iter()
                .filter(|p| p.status == Status::Prospect)
                .map(|p| {
                    let fit = icp::fit(&ideal, &ChartValues::of_profile(p, &basis));
                    (p.id, p.name.clone(), fit.percent(), fit.compared)
                })
                .collect();
            sort_with(&mut ranked, |a, b| {
                b.2.cmp(&a.2)
                    .then(a.1.to_lowercase().cmp(&b.1.to_lowercase()))
            });
            ranked
        })
    };
    view! {
        <section aria-labelledby="fit-heading" class="no-print">
            <h2 id="fit-heading">{tv!(icp_fit_heading)}</h2>
            <p class="hint">{fit_rule()}</p>
            <div class="field">
                <label for="fit-profile">{tv!(icp_fit_profile)}</label>
                <select id="fit-profile" on:change=move |ev| {
                    chosen.set(event_target_value(&ev).parse::<uuid::Uuid>().ok().map(ProfileId::from_uuid));
                }>
                    <option value="">{tv!(icp_fit_choose_profile)}</option>
                    {move || profiles().into_iter().map(|(p, name)| view! {
                        <option value=p.to_string() prop:selected=move || chosen.get() == Some(p)>{name}</option>
                    }).collect_view()}
                </select>
            </div>
            // The status line stays on the page, so that each new result is
            // announced.
            <p class="fit-summary" role="status">
                {move || result().map(|fit| match fit.percent() {
                    Some(percent) => tn!(icp_fit_summary, fit.compared, percent = plain_number(percent), matched = fit.matched),
                    None => t!(icp_fit_summary_unknown).to_owned(),
                })}
            </p>
            {move || result().map(|fit| {
                view! {
                    <table class="profile-table">
                        <thead><tr><th scope="col">{tv!(icp_fit_row)}</th><th scope="col">{tv!(icp_fit_result)}</th></tr></thead>
                        <tbody>
                            {fit.rows.into_iter().map(|(row, r)| view! {
                                <tr class:differs=r == RowFit::Differs><th scope="row">{row.shown()}</th><td>{fit_word(r)}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }
            })}
            <h3>{tv!(icp_fit_prospects)}</h3>
            {move || {
                let list = prospects();
                if list.is_empty() {
                    return view! { <p>{tv!(icp_fit_no_prospects)}</p> }.into_any();
                }
                view! {
                    <ol class="attention">
                        {list.into_iter().map(|(p, name, percent, compared)| {
                            let text = match percent {
                                Some(percent) => format!(" {}", tn!(icp_fit_prospect, compared, percent = plain_number(percent))),
                                None => format!(" {}", t!(icp_fit_prospect_unknown)),
                            };
                            view! { <li><a href=Route::Profile(p).href()>{name}</a><span class="meta">{text}</span></li> }
                        }).collect_view()}
                    </ol>
                }
                .into_any()
            }}
        </section>
    }
}
