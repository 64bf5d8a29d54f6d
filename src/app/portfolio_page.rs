//! The portfolio report for management (see [`crate::domain::portfolio`]):
//! a filter, then the report as one printable document.
//!
//! Every table goes through [`table`] and both charts through
//! [`bar_chart`]: one drawing each, so a new table costs its rows, not a
//! new kind of view in the download.

use super::print_button::PrintButton;
use super::route::Route;
use super::state::{today, use_app_store};
use crate::app::held::Held;
use crate::domain::Date;
use crate::domain::currency::Basis;
use crate::domain::decimal::grouped;
use crate::domain::portfolio::{
    Portfolio, PortfolioFilter, StepLine, Total, open_rule, portfolio, step_owners,
};
use crate::domain::profile::Status;
use crate::domain::profile_list::ProfileQuery;
use crate::domain::scoring::Tier;
use crate::tv;
use crate::{t, tn};
use leptos::prelude::*;
use rust_decimal::Decimal;

const TIERS: [Tier; 4] = [Tier::A, Tier::B, Tier::C, Tier::D];

/// The portfolio report screen.
#[component]
pub fn PortfolioPage() -> impl IntoView {
    let store = use_app_store();
    let filter = Held::new(PortfolioFilter::new(today()));
    let report = move || {
        let filter = filter.get();
        store
            .workspace
            .with(|w| portfolio(w, &filter, &Basis::of(w, today())))
    };
    // The choices are read once: the lists of industries and owners do not
    // change while the report is open, and a select drawn again would lose
    // the keyboard's place.
    let (industries, owners) = store
        .workspace
        .with_untracked(|w| (ProfileQuery::industries(&w.profiles), step_owners(w)));
    let since_error = Held::new(None::<&'static str>);
    let on_since = move |ev: web_sys::Event| match event_target_value(&ev).parse::<Date>() {
        Ok(day) => {
            since_error.set(None);
            filter.update(|f| f.since = day);
        }
        Err(_) => since_error.set(Some(crate::messages::since_day_required())),
    };
    let since = filter.with_untracked(|f| f.since.to_string());
    view! {
        <div class="toolbar no-print">
            <PrintButton/>
            <a href=Route::Profiles.href()>{tv!(icp_portfolio_profiles)}</a>
            <a href=Route::Scoring.href()>{tv!(icp_portfolio_scoring)}</a>
        </div>
        <fieldset class="no-print report-filter">
            <legend>{tv!(icp_portfolio_which)}</legend>
            {choice("portfolio-status", t!(icp_portfolio_status), Status::ALL.iter().map(|s| s.shown().to_owned()).collect(),
                Callback::new(move |at: Option<usize>| filter.update(|f| f.status = at.map(|i| Status::ALL[i]))))}
            {choice("portfolio-tier", t!(icp_portfolio_tier), TIERS.iter().map(|t| t!(icp_portfolio_tier_option, tier = t.letter())).collect(),
                Callback::new(move |at: Option<usize>| filter.update(|f| f.tier = at.map(|i| TIERS[i]))))}
            {choice("portfolio-industry", t!(icp_portfolio_industry), industries.clone(),
                Callback::new(move |at: Option<usize>| filter.update(|f| f.industry = at.map(|i| industries[i].clone()).unwrap_or_default())))}
            {choice("portfolio-owner", t!(icp_portfolio_owner), owners.clone(),
                Callback::new(move |at: Option<usize>| filter.update(|f| f.owner = at.map(|i| owners[i].clone()).unwrap_or_default())))}
            <div class="field">
                <label for="portfolio-since">{tv!(icp_portfolio_since)}</label>
                <input id="portfolio-since" type="date" value=since on:change=on_since
                    aria-invalid=move || since_error.get().map(|_| "true") aria-describedby="portfolio-since-error" />
                <p class="field-error" id="portfolio-since-error" aria-live="polite">{move || since_error.get()}</p>
            </div>
        </fieldset>
        {move || {
            let workspace = store.workspace.with(|w| w.name.clone());
            let f = filter.get();
            report_view(report(), &workspace, &f)
        }}
    }
}

/// A select of `options` after "All", labelled `label`; `choose` gets the
/// index of the option picked, or `None` for all.
fn choice(
    id: &'static str,
    label: &'static str,
    options: Vec<String>,
    choose: Callback<Option<usize>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| choose.run(event_target_value(&ev).parse().ok())>
                <option value="" selected>{tv!(icp_portfolio_all)}</option>
                {options.into_iter().enumerate().map(|(i, o)| view! { <option value=i.to_string()>{o}</option> }).collect_view()}
            </select>
        </div>
    }
}

fn money(value: Decimal) -> String {
    grouped(value.round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero))
}

fn maybe(value: Option<Decimal>) -> String {
    value.map_or_else(|| "—".to_owned(), money)
}

fn day(date: Option<Date>) -> String {
    date.map_or_else(|| "—".to_owned(), Date::shown)
}

/// What the filter selects, in words, for the report's heading.
fn filter_text(f: &PortfolioFilter) -> String {
    let mut parts = vec![
        f.status
            .map_or(t!(icp_portfolio_all_statuses).to_owned(), |s| {
                s.shown().to_owned()
            }),
    ];
    parts.extend(
        f.tier
            .map(|t| t!(icp_portfolio_filter_tier, tier = t.letter())),
    );
    parts.extend((!f.industry.is_empty()).then(|| f.industry.clone()));
    parts.extend((!f.owner.is_empty()).then(|| t!(icp_portfolio_filter_owner, owner = f.owner)));
    parts.join(" · ")
}

fn report_view(r: Portfolio, workspace: &str, f: &PortfolioFilter) -> AnyView {
    let currency = r.currency.clone();
    let in_cur = |what: &str| {
        if currency.is_empty() {
            what.to_owned()
        } else {
            t!(icp_portfolio_in_currency, label = what, currency = currency)
        }
    };
    let opportunities = r.opportunities.len();
    let not_counted =
        (r.not_counted > 0).then(|| crate::messages::amounts_not_counted(r.not_counted));
    let accounts = r
        .accounts
        .iter()
        .map(|a| {
            (
                Some(Route::Profile(a.profile).href()),
                vec![
                    a.name.clone(),
                    a.status.shown().to_owned(),
                    a.score.map_or_else(|| "—".to_owned(), grouped),
                    a.tier.map_or("—", Tier::letter).to_owned(),
                    maybe(a.spend),
                    maybe(a.profitability),
                    money(a.pipeline),
                ],
            )
        })
        .collect();
    let opportunity_rows = r
        .opportunities
        .iter()
        .map(|o| {
            (
                None,
                vec![
                    o.account.clone(),
                    o.title.clone(),
                    o.stage.clone(),
                    maybe(o.value),
                    day(o.expected),
                ],
            )
        })
        .collect();
    let totals = |t: &[Total]| -> Vec<Row> {
        t.iter()
            .map(|t| {
                (
                    None,
                    vec![t.label.clone(), t.count.to_string(), money(t.value)],
                )
            })
            .collect()
    };
    let steps = |s: &[StepLine]| -> Vec<Row> {
        s.iter()
            .map(|s| {
                (
                    None,
                    vec![
                        s.account.clone(),
                        s.description.clone(),
                        s.owner.clone(),
                        day(s.due),
                    ],
                )
            })
            .collect()
    };
    let goals = r
        .goals
        .iter()
        .map(|g| {
            (
                None,
                vec![
                    g.account.clone(),
                    g.goal.clone(),
                    g.target.clone(),
                    g.period.clone(),
                    g.serves.join("; "),
                ],
            )
        })
        .collect();
    let changes = r
        .changes
        .iter()
        .map(|c| {
            (
                None,
                vec![
                    c.date.shown(),
                    c.account.clone(),
                    c.kind.to_owned(),
                    c.text.clone(),
                ],
            )
        })
        .collect();
    let stage_bars = r
        .by_stage
        .iter()
        .map(|t| (t.label.clone(), t.value, money(t.value)))
        .collect();
    let tier_bars = r
        .tiers
        .iter()
        .map(|(t, n)| (t.to_string(), Decimal::from(*n), n.to_string()))
        .collect();
    let step_head = || {
        vec![
            t!(icp_portfolio_col_account).into(),
            t!(icp_portfolio_col_step).into(),
            t!(icp_portfolio_col_owner).into(),
            t!(icp_portfolio_col_due).into(),
        ]
    };
    let count_head = |first: &str| {
        vec![
            first.to_owned(),
            t!(icp_portfolio_col_opportunities).into(),
            in_cur(t!(icp_portfolio_col_value)),
        ]
    };
    view! {
        <article class="one-page portfolio" aria-labelledby="portfolio-title">
            <header class="one-page-head">
                <h1 id="portfolio-title" tabindex="-1">{tv!(icp_portfolio_heading)}</h1>
                <p class="meta">{format!("{workspace} · {} · {}", today().shown(), filter_text(f))}</p>
            </header>
            <dl class="facts portfolio-totals">
                <dt>{tv!(icp_portfolio_accounts)}</dt><dd>{r.accounts.len()}</dd>
                <dt>{in_cur(t!(icp_portfolio_yearly_spend))}</dt><dd>{money(r.spend)}</dd>
                <dt>{in_cur(t!(icp_portfolio_profitability))}</dt><dd>{money(r.profitability)}</dd>
                <dt>{in_cur(t!(icp_portfolio_pipeline))}</dt><dd>{tn!(icp_portfolio_pipeline_in, opportunities, amount = money(r.pipeline))}</dd>
            </dl>
            {not_counted.map(|text| view! { <p class="note">{text}</p> })}
            <div class="portfolio-charts">
                {bar_chart(t!(icp_portfolio_chart_stages), stage_bars)}
                {bar_chart(t!(icp_portfolio_chart_tiers), tier_bars)}
            </div>
            {table(t!(icp_portfolio_accounts), "portfolio-accounts", vec![t!(icp_portfolio_col_account).into(), t!(icp_portfolio_col_status).into(),
                t!(icp_portfolio_col_score).into(), t!(icp_portfolio_col_tier).into(), in_cur(t!(icp_portfolio_yearly_spend)),
                in_cur(t!(icp_portfolio_profitability)), in_cur(t!(icp_portfolio_pipeline))], &[2, 4, 5, 6], accounts,
                t!(icp_portfolio_no_account))}
            {table(t!(icp_portfolio_opportunities), "portfolio-opportunities", vec![t!(icp_portfolio_col_account).into(),
                t!(icp_portfolio_col_opportunity).into(), t!(icp_portfolio_col_stage).into(), in_cur(t!(icp_portfolio_col_value)),
                t!(icp_portfolio_col_expected).into()], &[3], opportunity_rows, open_rule())}
            <div class="one-page-grid">
                {table(t!(icp_portfolio_by_stage), "portfolio-stages", count_head(t!(icp_portfolio_col_stage)), &[1, 2], totals(&r.by_stage),
                    t!(icp_portfolio_no_opportunity))}
                {table(t!(icp_portfolio_by_quarter), "portfolio-quarters", count_head(t!(icp_portfolio_col_quarter)), &[1, 2],
                    totals(&r.by_quarter), t!(icp_portfolio_no_opportunity))}
            </div>
            {table(t!(icp_portfolio_overdue), "portfolio-overdue", step_head(), &[], steps(&r.overdue), t!(icp_portfolio_no_overdue))}
            {table(t!(icp_portfolio_next), "portfolio-next", step_head(), &[], steps(&r.next_steps), t!(icp_portfolio_no_next))}
            {table(t!(icp_portfolio_goals), "portfolio-goals", vec![t!(icp_portfolio_col_account).into(), t!(icp_portfolio_col_goal).into(),
                t!(icp_portfolio_col_target).into(), t!(icp_portfolio_col_period).into(), t!(icp_portfolio_col_served_by).into()], &[],
                goals, t!(icp_portfolio_no_goals))}
            {table(&t!(icp_portfolio_changes, date = f.since.shown()), "portfolio-changes", vec![t!(icp_portfolio_col_date).into(),
                t!(icp_portfolio_col_account).into(), t!(icp_portfolio_col_change).into(), t!(icp_portfolio_col_what_changed).into()],
                &[], changes, t!(icp_portfolio_no_changes))}
        </article>
    }
    .into_any()
}

/// A table row: a link for its first cell, and its cells.
type Row = (Option<String>, Vec<String>);

/// A section with a heading and a table of `rows` under `head`, numbers in
/// the columns `numeric` aligned right; `empty` says why there is none.
fn table(
    title: &str,
    id: &'static str,
    head: Vec<String>,
    numeric: &'static [usize],
    rows: Vec<Row>,
    empty: &'static str,
) -> AnyView {
    let class = move |i: usize| numeric.contains(&i).then_some("num");
    // A wide table does not fit a phone: it scrolls in its own box, which
    // takes the keyboard's focus so that it can be scrolled from there.
    let body = (!rows.is_empty()).then(|| view! {
        <div class="table-scroll" tabindex="0" role="group" aria-labelledby=id>
        <table aria-labelledby=id>
            <thead><tr>{head.into_iter().enumerate().map(|(i, h)| view! { <th scope="col" class=class(i)>{h}</th> }).collect_view()}</tr></thead>
            <tbody>
                {rows.into_iter().map(|(link, cells)| view! {
                    <tr>{cells.into_iter().enumerate().map(|(i, cell)| match (i, &link) {
                        (0, Some(href)) => view! { <td><a href=href.clone()>{cell}</a></td> }.into_any(),
                        _ => view! { <td class=class(i)>{cell}</td> }.into_any(),
                    }).collect_view()}</tr>
                }).collect_view()}
            </tbody>
        </table>
        </div>
    });
    let hint = body.is_none().then_some(empty);
    view! {
        <section aria-labelledby=id>
            <h2 id=id>{title.to_owned()}</h2>
            {hint.map(|text| view! { <p class="hint">{text}</p> })}
            {body}
        </section>
    }
    .into_any()
}

const BAR_WIDTH: u32 = 220;
/// The longest label that fits left of the bars; the spoken name has it whole.
const LABEL_CHARS: usize = 16;
const BAR_ROW: u32 = 22;

/// Horizontal bars of `bars` (label, size, the size as shown), with the
/// same figures spoken as the chart's name.
fn bar_chart(title: &'static str, bars: Vec<(String, Decimal, String)>) -> AnyView {
    let most = bars
        .iter()
        .map(|b| b.1)
        .max()
        .unwrap_or_default()
        .max(Decimal::ONE);
    let spoken: Vec<String> = bars
        .iter()
        .map(|(label, _, shown)| t!(icp_portfolio_chart_bar, label = label, value = shown))
        .collect();
    let height = (bars.len() as u32).max(1) * BAR_ROW;
    view! {
        <figure class="bar-chart">
            <figcaption>{title}</figcaption>
            <svg viewBox=format!("0 0 {} {height}", BAR_WIDTH + 215) role="img"
                aria-label=format!("{title}. {}", if spoken.is_empty() { t!(icp_portfolio_chart_none).to_owned() } else { spoken.join(", ") })>
                {bars.into_iter().enumerate().map(|(i, (label, size, shown))| {
                    let y = i as u32 * BAR_ROW;
                    let width = (size * Decimal::from(BAR_WIDTH) / most).round().to_string();
                    view! {
                        <text class="bar-label" x="0" y=(y + 16).to_string()>{short(&label)}</text>
                        <rect class="bar" x="130" y=(y + 4).to_string() width=width height=(BAR_ROW - 8).to_string()></rect>
                        <text class="bar-count" x=(BAR_WIDTH + 136).to_string() y=(y + 16).to_string() text-anchor="start">{shown}</text>
                    }
                }).collect_view()}
            </svg>
        </figure>
    }
    .into_any()
}

fn short(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_owned()
    } else {
        let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}
