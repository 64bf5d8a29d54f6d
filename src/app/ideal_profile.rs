//! The ideal customer derived from a worksheet, with its reasoning, and the
//! fit of any profile against it.

use super::not_counted::NotCountedNote;
use super::route::Route;
use super::state::{today, use_app_store};
use crate::domain::currency::Basis;
use crate::domain::decimal::grouped;
use crate::domain::icp::{
    self, Average, ChartRow, ChartValues, FIT_RULE, IdealProfile, Mode, RowFit, Share, Typical,
};
use crate::domain::profile::Status;
use crate::domain::sorting::{sort_by_key_with, sort_with};
use crate::domain::{ProfileId, WorksheetId};
use leptos::prelude::*;
use rust_decimal::Decimal;

fn of(known: usize, total: usize) -> String {
    format!("{known} of {total} known")
}

fn mode_text(mode: &Mode, total: usize) -> String {
    match mode.values.as_slice() {
        [] => format!("No answer yet ({})", of(0, total)),
        [one] => format!(
            "{one}: {} of {} answers ({})",
            mode.count,
            mode.known,
            of(mode.known, total)
        ),
        many => format!(
            "Tie: {}, {} each ({})",
            many.join(", "),
            mode.count,
            of(mode.known, total)
        ),
    }
}

fn typical_text<T: std::fmt::Display + PartialEq>(
    typical: Option<Typical<T>>,
    total: usize,
    unit: &str,
) -> String {
    match typical {
        None => format!("No answer yet ({})", of(0, total)),
        Some(t) => {
            let middle = if t.median_low == t.median_high {
                t.median_low.to_string()
            } else {
                format!("{}–{}", t.median_low, t.median_high)
            };
            format!(
                "Typically {middle}{unit} (median); from {} to {} ({})",
                t.min,
                t.max,
                of(t.known, total)
            )
        }
    }
}

fn average_text(average: Option<Average>, total: usize) -> String {
    match average {
        None => format!("No answer yet ({})", of(0, total)),
        Some(a) => format!(
            "Average {} (from {} to {}; {})",
            grouped(a.mean),
            grouped(a.min),
            grouped(a.max),
            of(a.known, total)
        ),
    }
}

fn share_text(share: Share, total: usize) -> String {
    if share.known == 0 {
        return format!("No answer yet ({})", of(0, total));
    }
    let percent = (Decimal::from(share.yes * 100) / Decimal::from(share.known)).round();
    format!(
        "{} of {} said yes ({percent}%; {})",
        share.yes,
        share.known,
        of(share.known, total)
    )
}

/// Each chart row's derived answer as a sentence with its reasoning.
fn ideal_rows(ideal: &IdealProfile) -> Vec<(ChartRow, String)> {
    let n = ideal.columns;
    let big = |t: Option<Typical<Decimal>>| {
        t.map(|t| Typical {
            median_low: grouped(t.median_low),
            median_high: grouped(t.median_high),
            min: grouped(t.min),
            max: grouped(t.max),
            known: t.known,
        })
    };
    ChartRow::ALL
        .into_iter()
        .map(|row| {
            let text = match row {
                ChartRow::Employees => typical_text(ideal.employees, n, " employees"),
                ChartRow::Industry => mode_text(&ideal.industry, n),
                ChartRow::BusinessType => mode_text(&ideal.business_type, n),
                ChartRow::Revenue => typical_text(big(ideal.revenue), n, ""),
                ChartRow::Location => mode_text(&ideal.location, n),
                ChartRow::Years => typical_text(ideal.years, n, " years"),
                ChartRow::Purchases if ideal.purchases.is_empty() => {
                    format!("No answer yet ({})", of(0, n))
                }
                ChartRow::Purchases => format!(
                    "{} ({})",
                    ideal
                        .purchases
                        .iter()
                        .map(|p| format!("{} ×{}", p.name, p.count))
                        .collect::<Vec<_>>()
                        .join(", "),
                    of(ideal.purchases_known, n)
                ),
                ChartRow::MonthlySpend => average_text(ideal.monthly_spend, n),
                ChartRow::YearlySpend => average_text(ideal.yearly_spend, n),
                ChartRow::Referred => share_text(ideal.referred, n),
                ChartRow::Testimonial => share_text(ideal.testimonial, n),
            };
            (row, text)
        })
        .collect()
}

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
    let rows = Memo::new(move |_| {
        ideal_of(store, id)
            .map(|i| ideal_rows(&i))
            .unwrap_or_default()
    });
    view! {
        <section aria-labelledby="ideal-heading" class="ideal">
            <h2 id="ideal-heading">"Your Ideal Customer Profile"</h2>
            <p class="hint">"Derived from the chart: the most common answer, the typical span (a range counts as an interval), or the average, with how many customers were known. Money is in the reporting currency."</p>
            <NotCountedNote/>
            <dl class="facts">
                {move || rows.get().into_iter().map(|(row, text)| view! {
                    <dt>{row.label()}</dt>
                    <dd>{text}</dd>
                }).collect_view()}
            </dl>
        </section>
    }
}

fn fit_word(fit: RowFit) -> &'static str {
    match fit {
        RowFit::Matches => "Matches",
        RowFit::Differs => "Differs",
        RowFit::Unknown => "Not compared",
    }
}

/// Checks any profile against the ideal profile, and ranks prospects by fit.
#[component]
pub fn FitCheck(
    /// The worksheet.
    id: WorksheetId,
) -> impl IntoView {
    let store = use_app_store();
    let chosen = RwSignal::new(None::<ProfileId>);
    let profiles = move || {
        store.workspace.with(|w| {
            let mut all: Vec<(ProfileId, String)> =
                w.profiles.iter().map(|p| (p.id, p.name.clone())).collect();
            sort_by_key_with(&mut all, |(_, n)| n.to_lowercase());
            all
        })
    };
    // Derived once per change, for both the check and the prospects.
    let ideal = Memo::new(move |_| ideal_of(store, id));
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
            <h2 id="fit-heading">"Fit check"</h2>
            <p class="hint">{FIT_RULE}</p>
            <div class="field">
                <label for="fit-profile">"Profile to check"</label>
                <select id="fit-profile" on:change=move |ev| {
                    chosen.set(event_target_value(&ev).parse::<uuid::Uuid>().ok().map(ProfileId::from_uuid));
                }>
                    <option value="">"Choose a profile"</option>
                    {move || profiles().into_iter().map(|(p, name)| view! {
                        <option value=p.to_string() prop:selected=move || chosen.get() == Some(p)>{name}</option>
                    }).collect_view()}
                </select>
            </div>
            // The status line stays on the page, so that each new result is
            // announced.
            <p class="fit-summary" role="status">
                {move || result().map(|fit| match fit.percent() {
                    Some(percent) => format!("Fit: {percent}% ({} of {} rows compared match)", fit.matched, fit.compared),
                    None => "Fit: not enough known to compare".to_owned(),
                })}
            </p>
            {move || result().map(|fit| {
                view! {
                    <table class="profile-table">
                        <thead><tr><th scope="col">"Row"</th><th scope="col">"Result"</th></tr></thead>
                        <tbody>
                            {fit.rows.into_iter().map(|(row, r)| view! {
                                <tr class:differs=r == RowFit::Differs><th scope="row">{row.label()}</th><td>{fit_word(r)}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }
            })}
            <h3>"Prospects by fit"</h3>
            {move || {
                let list = prospects();
                if list.is_empty() {
                    return view! { <p>"No prospect profiles yet."</p> }.into_any();
                }
                view! {
                    <ol class="attention">
                        {list.into_iter().map(|(p, name, percent, compared)| {
                            let text = match percent {
                                Some(percent) => format!(" · {percent}% fit on {compared} rows"),
                                None => " · not enough known".to_owned(),
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
