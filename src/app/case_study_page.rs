//! A profile as a case study for readers outside the company: the user
//! ticks which parts to show, sees the page as it will print, and prints
//! it. What it may never show is kept out by [`CaseStudy`] itself.

use super::profile_view::MissingProfile;
use super::route::Route;
use super::state::{today, use_app_store};
use crate::app::held::Held;
use crate::app::when::When;
use crate::domain::ProfileId;
use crate::domain::case_study::{CaseStudy, CaseStudyParts};
use crate::t;
use crate::tv;
use leptos::prelude::*;

/// The case study of profile `id`.
#[component]
pub fn CaseStudyPage(
    /// The profile.
    id: ProfileId,
) -> impl IntoView {
    let store = use_app_store();
    let parts = Held::new(CaseStudyParts::default());
    // A closure, not a memo: one profile is quick to read twice, and a
    // memo type of its own would cost the page more code.
    let study = move || {
        let parts = parts.get();
        store
            .workspace
            .with(|w| w.profile(id).map(|p| CaseStudy::of(p, parts, today())))
    };
    // One tick per part: (id, label, read, write).
    type Part = (
        &'static str,
        &'static str,
        fn(&CaseStudyParts) -> bool,
        fn(&mut CaseStudyParts, bool),
    );
    let ticks: [Part; 6] = [
        (
            "cs-company",
            t!(profile_case_study_part_company),
            |p| p.company,
            |p, on| p.company = on,
        ),
        (
            "cs-purchases",
            t!(profile_case_study_what_they_buy),
            |p| p.purchases,
            |p, on| p.purchases = on,
        ),
        (
            "cs-people",
            t!(profile_case_study_part_people),
            |p| p.people,
            |p, on| p.people = on,
        ),
        (
            "cs-relationship",
            t!(profile_case_study_part_relationship),
            |p| p.relationship,
            |p, on| p.relationship = on,
        ),
        (
            "cs-needs",
            t!(profile_case_study_part_needs),
            |p| p.needs,
            |p, on| p.needs = on,
        ),
        (
            "cs-projects",
            t!(profile_case_study_part_projects),
            |p| p.projects,
            |p, on| p.projects = on,
        ),
    ];
    view! {
        <When when=move || study().is_some() fallback=|| view! { <MissingProfile/> }>
            <div class="toolbar no-print">
                <super::print_button::PrintButton/>
                <a href=Route::Profile(id).href()>{tv!(profile_case_study_profile)}</a>
            </div>
            <fieldset class="no-print case-study-parts">
                <legend>{tv!(profile_case_study_show)}</legend>
                <p class="hint">{tv!(profile_case_study_never_shown)}</p>
                {ticks.into_iter().map(|(field, label, read, write)| view! {
                    <div class="field checkbox">
                        <input type="checkbox" id=field prop:checked=move || parts.with(read)
                            on:change=move |ev| parts.update(|p| write(p, event_target_checked(&ev))) />
                        <label for=field>{label}</label>
                    </div>
                }).collect_view()}
            </fieldset>
            {move || study().map(study_view)}
        </When>
    }
}

/// The printable case study.
fn study_view(s: CaseStudy) -> impl IntoView {
    let section = |id: &'static str, title: &'static str, shown: bool, body: AnyView| {
        shown.then(|| {
            view! {
                <section aria-labelledby=id>
                    <h2 id=id>{title}</h2>
                    {body}
                </section>
            }
        })
    };
    let facts = view! {
        <dl class="facts">
            {s.facts.iter().map(|(label, value)| view! { <dt>{*label}</dt><dd>{value.clone()}</dd> }).collect_view()}
        </dl>
    };
    let purchases = view! { <ul>{s.purchases.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}</ul> };
    let people = view! {
        <ul>{s.people.iter().map(|(name, title)| view! {
            <li>{name.clone()}{(!title.is_empty()).then(|| format!(", {title}"))}</li>
        }).collect_view()}</ul>
    };
    let relationship = view! {
        <dl class="facts">
            {s.relationship.iter().map(|(label, answer)| view! { <dt>{*label}</dt><dd>{*answer}</dd> }).collect_view()}
        </dl>
    };
    let projects = view! {
        <ul>{s.projects.iter().map(|(date, text)| view! {
            <li>{date.map(|d| format!("{}: ", d.shown())).unwrap_or_default()}{text.clone()}</li>
        }).collect_view()}</ul>
    };
    view! {
        <article class="one-page case-study" aria-labelledby="case-study-title">
            <header class="one-page-head">
                <h1 id="case-study-title" tabindex="-1">{t!(profile_case_study_title, name = s.name)}</h1>
                {s.website.clone().map(|url| view! { <p class="meta">{url}</p> })}
            </header>
            <div class="one-page-grid">
                {section("cs-company-heading", t!(profile_case_study_company), !s.facts.is_empty(), facts.into_any())}
                {section("cs-purchases-heading", t!(profile_case_study_what_they_buy), !s.purchases.is_empty(), purchases.into_any())}
                {section("cs-people-heading", t!(profile_case_study_key_people), !s.people.is_empty(), people.into_any())}
                {section("cs-relationship-heading", t!(profile_relationship), !s.relationship.is_empty(), relationship.into_any())}
                {section("cs-needs-heading", t!(profile_needs_and_wishes), !s.needs.trim().is_empty(), view! { <p class="pre">{s.needs.clone()}</p> }.into_any())}
                {section("cs-projects-heading", t!(profile_case_study_new_projects), !s.projects.is_empty(), projects.into_any())}
            </div>
        </article>
    }
}
