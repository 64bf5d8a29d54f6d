//! The one-page profile: read-only, laid out like a one-page report, and
//! printable on a single A4 or Letter page for management reporting,
//! training and case studies.

use super::export_control::ExportControl;
use super::profile_actions::ProfileActions;
use super::route::Route;
use super::score_explanation::{capped_text, scored};
use super::scoring_page::tier_text;
use super::state::{today, use_app_store};
use crate::app::derived::Derived;
use crate::app::when::When;
use crate::domain::decimal::grouped;
use crate::domain::input::{Span, span_text};
use crate::domain::profile::{Known, Profile, YesNoUnknown};
use crate::domain::scoring::Explanation;
use crate::domain::share::Export;
use crate::domain::{Date, ProfileId};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// The one-page view of profile `id`.
#[component]
pub fn ProfileView(
    /// The profile to show.
    id: ProfileId,
) -> impl IntoView {
    let store = use_app_store();
    let profile = Derived::new(move || store.workspace.with(|w| w.profile(id).cloned()));
    // Its score under the active model, with the model's name.
    let scored = Derived::new(move || store.workspace.with(|w| scored(w, id)));
    // The toolbar stays put while the report redraws, so a button keeps focus.
    view! {
        <When when=move || profile.with(Option::is_some) fallback=|| view! { <MissingProfile/> }>
            <div class="toolbar no-print">
                <a href=Route::EditProfile(id).href()>"Edit"</a>
                <a href=Route::CaseStudy(id).href()>"Case study"</a>
                <super::print_button::PrintButton/>
                <ExportControl
                    label="Export profile"
                    make=Callback::new(move |()| store.workspace.with_untracked(|w| {
                        w.profile(id).is_some().then(|| Export::profiles(w, &[id]))
                    }))
                />
                <a href=Route::Profiles.href()>"All profiles"</a>
            </div>
            <div class="no-print"><ProfileActions id /></div>
            {move || profile.get().map(|profile| view! { <OnePage profile scored /> })}
        </When>
    }
}

/// Said when a link points to a profile that is not (or no longer) here.
#[component]
pub fn MissingProfile() -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Profile not found"</h1>
        <p>"This profile is not in this workspace. It may have been deleted, or the link came from another browser."</p>
        <p><a href=Route::Profiles.href()>"All profiles"</a></p>
    }
}

fn or_unknown(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_owned()
    } else {
        text.to_owned()
    }
}

fn money_text(value: Decimal, currency: &str) -> String {
    if currency.is_empty() {
        grouped(value)
    } else {
        format!("{} {currency}", grouped(value))
    }
}

fn known_text(value: Option<Known>, currency: &str) -> String {
    match value {
        Some(Known::Entered(v)) => money_text(v, currency),
        Some(Known::Computed(v)) => format!("{} (computed)", money_text(v, currency)),
        None => "—".to_owned(),
    }
}

fn date_text(value: Option<Date>) -> String {
    value
        .map(|d| d.to_string())
        .unwrap_or_else(|| "—".to_owned())
}

fn answer(value: YesNoUnknown) -> &'static str {
    value.label()
}

/// The report itself.
#[component]
fn OnePage(
    /// The profile, as it is now.
    profile: Profile,
    /// Its score and the active model's name; `None` without a model.
    scored: Derived<Option<(String, Explanation)>>,
) -> impl IntoView {
    let id = profile.id;
    let today = today();
    let p = profile;
    let cur = p.currency.clone();
    let employees = p
        .employees
        .map(|s| span_text(&s, |n| grouped(n.into())))
        .unwrap_or_else(|| "—".into());
    let revenue = p
        .revenue
        .map(|s: Span<_>| span_text(&s, |m: crate::domain::Money| grouped(m.amount())))
        .map(|t| {
            if cur.is_empty() {
                t
            } else {
                format!("{t} {cur}")
            }
        })
        .unwrap_or_else(|| "—".into());
    let since = match (p.customer_since, p.years_as_customer(today)) {
        (Some(d), Some(years)) => format!(
            "{d} ({years} {})",
            if years == 1 { "year" } else { "years" }
        ),
        _ => "—".to_owned(),
    };
    let hq = p.headquarters().map(|a| a.text.clone()).unwrap_or_default();
    let profitability = p
        .profitability()
        .map(|v| money_text(v, &cur))
        .unwrap_or_else(|| "—".into());
    // A count is never hidden, whatever the yes/no answer says.
    let times = |n: u32| if n == 1 { "time" } else { "times" };
    let referred = match (p.referred, p.referral_count) {
        (YesNoUnknown::Yes | YesNoUnknown::Unknown, Some(n)) if n > 0 => {
            format!("Yes, {n} {}", times(n))
        }
        (YesNoUnknown::No, Some(n)) if n > 0 => format!("No ({n} {} counted)", times(n)),
        (answer_given, _) => answer(answer_given).to_owned(),
    };
    // The fields the team added, in their order, where this profile has a
    // value.
    let custom: Vec<(String, String)> = use_app_store().workspace.with_untracked(|w| {
        w.settings
            .custom_fields
            .iter()
            .filter_map(|f| Some((f.name.clone(), f.shown(p.custom.get(&f.id)?))))
            .collect()
    });
    let website = p.website.clone();
    let meta = [
        p.status.label().to_owned(),
        p.industry.clone(),
        p.business_type.clone(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    view! {
        <article class="one-page" aria-labelledby="one-page-title">
            <header class="one-page-head">
                <h1 id="one-page-title" tabindex="-1">{p.name.clone()}</h1>
                <p class="meta">{meta}</p>
                {website.map(|url| view! { <p class="meta"><a href=url.clone() rel="noopener noreferrer" target="_blank">{url.clone()}</a></p> })}
                {move || scored.get().map(|(model, e)| score_line(id, model, e))}
            </header>
            <div class="one-page-grid">
                <section aria-labelledby="op-company">
                    <h2 id="op-company">"Company"</h2>
                    <dl class="facts">
                        <dt>"Employees"</dt><dd>{employees}</dd>
                        <dt>"Average revenue"</dt><dd>{revenue}</dd>
                        <dt>"Location"</dt><dd>{or_unknown(&p.location)}</dd>
                        <dt>"Region"</dt><dd>{or_unknown(&p.region)}</dd>
                        <dt>"Customer since"</dt><dd>{since}</dd>
                        <dt>"Headquarters"</dt><dd class="pre">{or_unknown(&hq)}</dd>
                        <dt>"HQ phone"</dt><dd>{or_unknown(&p.hq_phone)}</dd>
                        <dt>"HQ e-mail"</dt><dd>{or_unknown(p.hq_email.as_deref().unwrap_or_default())}</dd>
                    </dl>
                </section>
                <section aria-labelledby="op-money">
                    <h2 id="op-money">"Purchases and spend"</h2>
                    <dl class="facts">
                        <dt>"Purchases"</dt><dd>{if p.purchases.is_empty() { "—".to_owned() } else { p.purchases.join(", ") }}</dd>
                        <dt>"Per month"</dt><dd>{known_text(p.monthly_spend(), &cur)}</dd>
                        <dt>"Per year"</dt><dd>{known_text(p.yearly_spend(), &cur)}</dd>
                        <dt>"Cost to serve"</dt><dd>{p.cost_to_serve.map(|m| money_text(m.amount(), &cur)).unwrap_or_else(|| "—".into())}</dd>
                        <dt>"Cost to win"</dt><dd>{p.cost_to_win.map(|m| money_text(m.amount(), &cur)).unwrap_or_else(|| "—".into())}</dd>
                        <dt>"Profitability"</dt><dd>{profitability}</dd>
                    </dl>
                </section>
                <section aria-labelledby="op-relationship">
                    <h2 id="op-relationship">"Relationship"</h2>
                    <dl class="facts">
                        <dt>"Referred us"</dt><dd>{referred}</dd>
                        <dt>"Testimonial"</dt><dd>{answer(p.testimonial)}</dd>
                        <dt>"Loyalty"</dt><dd>{or_unknown(&p.loyalty_notes)}</dd>
                        <dt>"Needs and wishes"</dt><dd class="pre">{or_unknown(&p.needs)}</dd>
                    </dl>
                </section>
                <section aria-labelledby="op-financial">
                    <h2 id="op-financial">"Financial condition"</h2>
                    <dl class="facts">
                        <dt>"Rating"</dt><dd>{p.financial.rating.label()}</dd>
                        <dt>"Note"</dt><dd>{or_unknown(&p.financial.note)}</dd>
                        <dt>"As of"</dt><dd>{date_text(p.financial.as_of)}</dd>
                        <dt>"Source"</dt><dd>{or_unknown(&p.financial.source)}</dd>
                    </dl>
                </section>
                {(!custom.is_empty()).then(|| view! {
                    <section aria-labelledby="op-custom">
                        <h2 id="op-custom">"Fields of your own"</h2>
                        <dl class="facts">
                            {custom.into_iter().map(|(name, value)| view! { <dt>{name}</dt><dd>{value}</dd> }).collect_view()}
                        </dl>
                    </section>
                })}
                <section class="wide" aria-labelledby="op-people">
                    <h2 id="op-people">"Key people"</h2>
                    // Six columns do not fit a phone: the table scrolls in
                    // its own box, not the page (WCAG 1.4.10); focusable, so
                    // that a keyboard can scroll it.
                    {if p.people.is_empty() { view! { <p>"—"</p> }.into_any() } else { view! {
                        <div class="table-scroll" tabindex="0" role="group" aria-labelledby="op-people">
                        <table>
                            <thead><tr><th scope="col">"Name"</th><th scope="col">"Title"</th><th scope="col">"Role"</th>
                                <th scope="col">"Influence"</th><th scope="col">"Contact"</th><th scope="col">"Birthday"</th></tr></thead>
                            <tbody>
                                {p.people.iter().map(|person| {
                                    let role = if person.key_executive { format!("{} (key executive)", person.role.label()) } else { person.role.label().to_owned() };
                                    let contact = [person.email.clone().unwrap_or_default(), person.phone.clone()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", ");
                                    let birthday = person.birthday.map(|b| match b.year { Some(y) => format!("{y}-{:02}-{:02}", b.month, b.day), None => format!("{:02}-{:02}", b.month, b.day) }).unwrap_or_default();
                                    view! { <tr><td>{person.name.clone()}</td><td>{person.title.clone()}</td><td>{role}</td>
                                        <td>{person.influence.map(|i| format!("{i}/5")).unwrap_or_default()}</td><td>{contact}</td><td>{birthday}</td></tr> }
                                }).collect_view()}
                            </tbody>
                        </table>
                        </div>
                    }.into_any() }}
                </section>
                <section aria-labelledby="op-opportunities">
                    <h2 id="op-opportunities">"Opportunities"</h2>
                    <ul class="plain">
                        {p.opportunities.iter().map(|o| {
                            let details = [o.value.map(|m| money_text(m.amount(), &cur)).unwrap_or_default(), o.stage.clone(), o.expected.map(|d| format!("expected {d}")).unwrap_or_default()]
                                .into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ");
                            view! { <li><strong>{o.title.clone()}</strong>" "{details}</li> }
                        }).collect_view()}
                    </ul>
                    {p.opportunities.is_empty().then(|| view! { <p>"—"</p> })}
                </section>
                <section aria-labelledby="op-competitors">
                    <h2 id="op-competitors">"Competitors"</h2>
                    <ul class="plain">
                        {p.competitors.iter().map(|c| view! {
                            <li><strong>{c.name.clone()}</strong>" "{c.sells.clone()}" "{c.notes.clone()}</li>
                        }).collect_view()}
                    </ul>
                    {p.competitors.is_empty().then(|| view! { <p>"—"</p> })}
                </section>
                <section class="wide" aria-labelledby="op-plan">
                    <h2 id="op-plan">"Action plan"</h2>
                    <ol class="steps">
                        {p.action_plan.iter().map(|s| {
                            let overdue = s.is_overdue(today);
                            let details = [s.owner.clone(), s.due.map(|d| format!("due {d}")).unwrap_or_default()]
                                .into_iter().filter(|x| !x.is_empty()).collect::<Vec<_>>().join(" · ");
                            view! {
                                <li class:done=s.done class:overdue=overdue>
                                    {s.description.clone()}" "<span class="meta">{details}</span>
                                    {s.done.then(|| view! { " "<span class="badge">"Done"</span> })}
                                    {overdue.then(|| view! { " "<span class="badge overdue">"Overdue"</span> })}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                    {p.action_plan.is_empty().then(|| view! { <p>"—"</p> })}
                </section>
                {(!p.account_plan.is_empty()).then(|| view! {
                    <section class="wide" aria-labelledby="op-account-plan">
                        <h2 id="op-account-plan">"Key account plan"</h2>
                        <ul class="plain">
                            {p.account_plan.iter().map(|g| {
                                let details = [g.target.clone(), g.period()]
                                    .into_iter().filter(|x| !x.is_empty()).collect::<Vec<_>>().join(" · ");
                                let serves: Vec<String> = g.linked_opportunities(&p).iter().map(|o| o.title.clone())
                                    .chain(g.linked_steps(&p).iter().map(|s| s.description.clone()))
                                    .filter(|x| !x.trim().is_empty()).collect();
                                let serves = (!serves.is_empty()).then(|| format!(" Served by: {}.", serves.join("; ")));
                                view! { <li><strong>{g.goal.clone()}</strong>" "<span class="meta">{details}</span>{serves}</li> }
                            }).collect_view()}
                        </ul>
                    </section>
                })}
                <section class="wide" aria-labelledby="op-log">
                    <h2 id="op-log">"Update log"</h2>
                    <ul class="plain">
                        {p.log_newest_first().into_iter().map(|e| view! {
                            <li><strong>{date_text(e.date)}</strong>" "{e.kind.label()}": "{e.text.clone()}</li>
                        }).collect_view()}
                    </ul>
                    {p.log.is_empty().then(|| view! { <p>"—"</p> })}
                </section>
            </div>
            <footer class="one-page-foot">
                {format!("Last reviewed {} · Clientele", date_text(p.last_reviewed))}
            </footer>
        </article>
    }
}

/// How many of the criteria that give the most of a score the one-page
/// profile names.
const TOP_REASONS: usize = 3;

/// The score, tier and top reasons of profile `id` under the active model
/// `model`, for under its header.
fn score_line(id: ProfileId, model: String, e: Explanation) -> impl IntoView {
    let (used, total) = e.basis();
    let said = match e.score {
        Some(score) => {
            // "Most of it comes from Revenue (20), Ease (10.5) and Prestige
            // (6)": each criterion with its share of the score.
            let mut reasons: Vec<String> = e
                .top_reasons(TOP_REASONS)
                .iter()
                .map(|c| format!("{} ({})", c.name, c.contribution))
                .collect();
            let last = reasons.pop();
            let reasons = match (reasons.is_empty(), last) {
                (_, None) => String::new(),
                (true, Some(only)) => format!(" Most of it comes from {only}."),
                (false, Some(last)) => {
                    format!(" Most of it comes from {} and {last}.", reasons.join(", "))
                }
            };
            format!(
                "Score {score} of 100, tier {} ({model}, {used} of {total} criteria).{reasons}",
                tier_text(e.tier)
            )
        }
        None => format!("No score yet under {model}: none of its {total} criteria has an answer."),
    };
    view! {
        <p class="meta score-line">
            {said}
            {capped_text(&e).map(|capped| format!(" {capped}"))}
            " "
            <a class="no-print" href=Route::ScoreExplanation(id).href()>"How the score is made"</a>
        </p>
    }
}
