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
use crate::domain::locale::money;
use crate::domain::profile::{Known, Profile, YesNoUnknown};
use crate::domain::scoring::Explanation;
use crate::domain::share::Export;
use crate::domain::{Date, ProfileId};
use crate::tv;
use crate::{t, tn};
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
                <a href=Route::EditProfile(id).href()>{tv!(profile_view_edit)}</a>
                <a href=Route::CaseStudy(id).href()>{tv!(profile_view_case_study)}</a>
                <super::print_button::PrintButton/>
                <ExportControl
                    label=t!(profile_view_export)
                    make=Callback::new(move |()| store.workspace.with_untracked(|w| {
                        w.profile(id).is_some().then(|| Export::profiles(w, &[id]))
                    }))
                />
                <a href=Route::Profiles.href()>{tv!(profile_all_profiles)}</a>
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
        <h1 tabindex="-1">{tv!(profile_view_not_found)}</h1>
        <p>{tv!(profile_view_not_found_text)}</p>
        <p><a href=Route::Profiles.href()>{tv!(profile_all_profiles)}</a></p>
    }
}

fn or_unknown(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_owned()
    } else {
        text.to_owned()
    }
}

fn known_text(value: Option<Known>, currency: &str) -> String {
    match value {
        Some(Known::Entered(v)) => money(v, currency),
        Some(Known::Computed(v)) => t!(profile_view_computed, amount = money(v, currency)),
        None => "—".to_owned(),
    }
}

/// A day for reading, in the interface's language, or a dash.
fn date_text(value: Option<Date>) -> String {
    value.map_or_else(|| "—".to_owned(), Date::shown)
}

/// A score or its points as computed ("82.65"), with the interface's
/// decimal mark.
fn points(value: Decimal) -> String {
    let (_, point) = crate::i18n::language().separators();
    value
        .normalize()
        .to_string()
        .replace('.', &point.to_string())
}

/// A birthday for reading: the day when the year is known, day and month
/// otherwise.
fn birthday_text(b: crate::domain::Birthday) -> String {
    match b
        .year
        .and_then(|y| Date::new(y, b.month.into(), b.day.into()))
    {
        Some(day) => day.shown(),
        None => t!(
            profile_view_birthday_no_year,
            month = format!("{:02}", b.month),
            day = format!("{:02}", b.day)
        ),
    }
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
    // A range names its currency once, after its high end.
    let revenue = p
        .revenue
        .map(|s: Span<crate::domain::Money>| match s {
            Span::Range { low, high } => {
                format!("{}–{}", grouped(low.amount()), money(high.amount(), &cur))
            }
            other => span_text(&other, |m| money(m.amount(), &cur)),
        })
        .unwrap_or_else(|| "—".into());
    let since = match (p.customer_since, p.years_as_customer(today)) {
        (Some(d), Some(years)) => tn!(profile_view_customer_since, years, date = d.shown()),
        _ => "—".to_owned(),
    };
    let hq = p.headquarters().map(|a| a.text.clone()).unwrap_or_default();
    let profitability = p
        .profitability()
        .map(|v| money(v, &cur))
        .unwrap_or_else(|| "—".into());
    // A count is never hidden, whatever the yes/no answer says.
    let referred = match (p.referred, p.referral_count) {
        (YesNoUnknown::Yes | YesNoUnknown::Unknown, Some(n)) if n > 0 => {
            tn!(profile_view_referred_times, n)
        }
        (YesNoUnknown::No, Some(n)) if n > 0 => tn!(profile_view_referred_no_but_counted, n),
        (answer_given, _) => answer_given.shown().to_owned(),
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
        p.status.shown().to_owned(),
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
                    <h2 id="op-company">{tv!(profile_view_company)}</h2>
                    <dl class="facts">
                        <dt>{tv!(profile_view_employees)}</dt><dd>{employees}</dd>
                        <dt>{tv!(profile_view_revenue)}</dt><dd>{revenue}</dd>
                        <dt>{tv!(profile_view_location)}</dt><dd>{or_unknown(&p.location)}</dd>
                        <dt>{tv!(profile_view_region)}</dt><dd>{or_unknown(&p.region)}</dd>
                        <dt>{tv!(profile_view_customer_since_term)}</dt><dd>{since}</dd>
                        <dt>{tv!(profile_view_headquarters)}</dt><dd class="pre">{or_unknown(&hq)}</dd>
                        <dt>{tv!(profile_view_hq_phone)}</dt><dd>{or_unknown(&p.hq_phone)}</dd>
                        <dt>{tv!(profile_view_hq_email)}</dt><dd>{or_unknown(p.hq_email.as_deref().unwrap_or_default())}</dd>
                    </dl>
                </section>
                <section aria-labelledby="op-money">
                    <h2 id="op-money">{tv!(profile_purchases_and_spend)}</h2>
                    <dl class="facts">
                        <dt>{tv!(profile_view_purchases)}</dt><dd>{if p.purchases.is_empty() { "—".to_owned() } else { p.purchases.join(", ") }}</dd>
                        <dt>{tv!(profile_view_per_month)}</dt><dd>{known_text(p.monthly_spend(), &cur)}</dd>
                        <dt>{tv!(profile_view_per_year)}</dt><dd>{known_text(p.yearly_spend(), &cur)}</dd>
                        <dt>{tv!(profile_view_cost_to_serve)}</dt><dd>{p.cost_to_serve.map(|m| money(m.amount(), &cur)).unwrap_or_else(|| "—".into())}</dd>
                        <dt>{tv!(profile_view_cost_to_win)}</dt><dd>{p.cost_to_win.map(|m| money(m.amount(), &cur)).unwrap_or_else(|| "—".into())}</dd>
                        <dt>{tv!(profile_view_profitability)}</dt><dd>{profitability}</dd>
                    </dl>
                </section>
                <section aria-labelledby="op-relationship">
                    <h2 id="op-relationship">{tv!(profile_relationship)}</h2>
                    <dl class="facts">
                        <dt>{tv!(profile_view_referred)}</dt><dd>{referred}</dd>
                        <dt>{tv!(profile_view_testimonial)}</dt><dd>{p.testimonial.shown()}</dd>
                        <dt>{tv!(profile_view_loyalty)}</dt><dd>{or_unknown(&p.loyalty_notes)}</dd>
                        <dt>{tv!(profile_needs_and_wishes)}</dt><dd class="pre">{or_unknown(&p.needs)}</dd>
                    </dl>
                </section>
                <section aria-labelledby="op-financial">
                    <h2 id="op-financial">{tv!(profile_financial_condition)}</h2>
                    <dl class="facts">
                        <dt>{tv!(profile_view_financial_rating)}</dt><dd>{p.financial.rating.label()}</dd>
                        <dt>{tv!(profile_view_financial_note)}</dt><dd>{or_unknown(&p.financial.note)}</dd>
                        <dt>{tv!(profile_view_financial_as_of)}</dt><dd>{date_text(p.financial.as_of)}</dd>
                        <dt>{tv!(profile_view_financial_source)}</dt><dd>{or_unknown(&p.financial.source)}</dd>
                    </dl>
                </section>
                {(!custom.is_empty()).then(|| view! {
                    <section aria-labelledby="op-custom">
                        <h2 id="op-custom">{tv!(profile_fields_of_your_own)}</h2>
                        <dl class="facts">
                            {custom.into_iter().map(|(name, value)| view! { <dt>{name}</dt><dd>{value}</dd> }).collect_view()}
                        </dl>
                    </section>
                })}
                <section class="wide" aria-labelledby="op-people">
                    <h2 id="op-people">{tv!(profile_view_key_people)}</h2>
                    // Six columns do not fit a phone: the table scrolls in
                    // its own box, not the page (WCAG 1.4.10); focusable, so
                    // that a keyboard can scroll it.
                    {if p.people.is_empty() { view! { <p>"—"</p> }.into_any() } else { view! {
                        <div class="table-scroll" tabindex="0" role="group" aria-labelledby="op-people">
                        <table>
                            <thead><tr><th scope="col">{tv!(profile_view_person_name)}</th><th scope="col">{tv!(profile_view_person_title)}</th><th scope="col">{tv!(profile_view_person_role)}</th>
                                <th scope="col">{tv!(profile_view_person_influence)}</th><th scope="col">{tv!(profile_view_person_contact)}</th><th scope="col">{tv!(profile_view_person_birthday)}</th></tr></thead>
                            <tbody>
                                {p.people.iter().map(|person| {
                                    let role = if person.key_executive { t!(profile_view_key_executive, role = person.role.label()) } else { person.role.label().to_owned() };
                                    let contact = [person.email.clone().unwrap_or_default(), person.phone.clone()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", ");
                                    let birthday = person.birthday.map(birthday_text).unwrap_or_default();
                                    view! { <tr><td>{person.name.clone()}</td><td>{person.title.clone()}</td><td>{role}</td>
                                        <td>{person.influence.map(|i| format!("{i}/5")).unwrap_or_default()}</td><td>{contact}</td><td>{birthday}</td></tr> }
                                }).collect_view()}
                            </tbody>
                        </table>
                        </div>
                    }.into_any() }}
                </section>
                <section aria-labelledby="op-opportunities">
                    <h2 id="op-opportunities">{tv!(profile_view_opportunities)}</h2>
                    <ul class="plain">
                        {p.opportunities.iter().map(|o| {
                            let details = [o.value.map(|m| money(m.amount(), &cur)).unwrap_or_default(), o.stage.clone(), o.expected.map(|d| t!(profile_view_expected, date = d.shown())).unwrap_or_default()]
                                .into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ");
                            view! { <li><strong>{o.title.clone()}</strong>" "{details}</li> }
                        }).collect_view()}
                    </ul>
                    {p.opportunities.is_empty().then(|| view! { <p>"—"</p> })}
                </section>
                <section aria-labelledby="op-competitors">
                    <h2 id="op-competitors">{tv!(profile_view_competitors)}</h2>
                    <ul class="plain">
                        {p.competitors.iter().map(|c| view! {
                            <li><strong>{c.name.clone()}</strong>" "{c.sells.clone()}" "{c.notes.clone()}</li>
                        }).collect_view()}
                    </ul>
                    {p.competitors.is_empty().then(|| view! { <p>"—"</p> })}
                </section>
                <section class="wide" aria-labelledby="op-plan">
                    <h2 id="op-plan">{tv!(profile_view_action_plan)}</h2>
                    <ol class="steps">
                        {p.action_plan.iter().map(|s| {
                            let overdue = s.is_overdue(today);
                            let details = [s.owner.clone(), s.due.map(|d| t!(profile_view_due, date = d.shown())).unwrap_or_default()]
                                .into_iter().filter(|x| !x.is_empty()).collect::<Vec<_>>().join(" · ");
                            view! {
                                <li class:done=s.done class:overdue=overdue>
                                    {s.description.clone()}" "<span class="meta">{details}</span>
                                    {s.done.then(|| view! { " "<span class="badge">{tv!(profile_view_done)}</span> })}
                                    {overdue.then(|| view! { " "<span class="badge overdue">{tv!(profile_view_overdue)}</span> })}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                    {p.action_plan.is_empty().then(|| view! { <p>"—"</p> })}
                </section>
                {(!p.account_plan.is_empty()).then(|| view! {
                    <section class="wide" aria-labelledby="op-account-plan">
                        <h2 id="op-account-plan">{tv!(profile_view_account_plan)}</h2>
                        <ul class="plain">
                            {p.account_plan.iter().map(|g| {
                                let details = [g.target.clone(), g.period()]
                                    .into_iter().filter(|x| !x.is_empty()).collect::<Vec<_>>().join(" · ");
                                let serves: Vec<String> = g.linked_opportunities(&p).iter().map(|o| o.title.clone())
                                    .chain(g.linked_steps(&p).iter().map(|s| s.description.clone()))
                                    .filter(|x| !x.trim().is_empty()).collect();
                                let serves = (!serves.is_empty()).then(|| format!(" {}", t!(profile_view_served_by, list = serves.join("; "))));
                                view! { <li><strong>{g.goal.clone()}</strong>" "<span class="meta">{details}</span>{serves}</li> }
                            }).collect_view()}
                        </ul>
                    </section>
                })}
                <section class="wide" aria-labelledby="op-log">
                    <h2 id="op-log">{tv!(profile_view_update_log)}</h2>
                    <ul class="plain">
                        {p.log_newest_first().into_iter().map(|e| view! {
                            <li><strong>{date_text(e.date)}</strong>" "{e.kind.label()}": "{e.text.clone()}</li>
                        }).collect_view()}
                    </ul>
                    {p.log.is_empty().then(|| view! { <p>"—"</p> })}
                </section>
            </div>
            <footer class="one-page-foot">
                {t!(profile_view_footer, date = date_text(p.last_reviewed))}
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
                .map(|c| format!("{} ({})", c.name, points(c.contribution)))
                .collect();
            let last = reasons.pop();
            let reasons = match (reasons.is_empty(), last) {
                (_, None) => String::new(),
                (true, Some(only)) => format!(" {}", t!(profile_view_score_reason, reason = only)),
                (false, Some(last)) => format!(
                    " {}",
                    t!(
                        profile_view_score_reasons,
                        reasons = reasons.join(", "),
                        last = last
                    )
                ),
            };
            let line = tn!(
                profile_view_score,
                total,
                score = points(score),
                tier = tier_text(e.tier),
                model = model,
                used = used
            );
            format!("{line}{reasons}")
        }
        None => tn!(profile_view_no_score, total, model = model),
    };
    view! {
        <p class="meta score-line">
            {said}
            {capped_text(&e).map(|capped| format!(" {capped}"))}
            " "
            <a class="no-print" href=Route::ScoreExplanation(id).href()>{tv!(profile_view_how_score_is_made)}</a>
        </p>
    }
}
