//! The company block of the profile editor.

use super::access::ProfileAccess;
use super::parse;
use crate::app::fields::{CheckedInput, ChoiceInput, TextInput};
use crate::app::state::today;
use crate::domain::input;
use crate::domain::profile::{Profile, suggested_business_types, suggested_industries};
use crate::t;
use crate::tn;
use crate::tv;
use leptos::prelude::*;

/// Suggestions: the seed's list (in the interface's language), then values
/// used on other profiles, as
/// they are when the editor is drawn. Not followed as the user types: that
/// would read every profile after each key (the editor is drawn again when
/// the workspace is replaced from outside).
fn suggestions(
    store: crate::app::state::AppStore,
    seed: &[&str],
    used: fn(&Profile) -> &str,
) -> Signal<Vec<String>> {
    let mut all: Vec<String> = seed.iter().map(|s| (*s).to_owned()).collect();
    store.workspace.with_untracked(|w| {
        for profile in &w.profiles {
            let value = used(profile).trim();
            if !value.is_empty() && !all.iter().any(|a| a.eq_ignore_ascii_case(value)) {
                all.push(value.to_owned());
            }
        }
    });
    Signal::stored(all)
}

/// Name, status, web address, industry, size, revenue, location, tenure and
/// headquarters contacts.
#[component]
pub fn CompanySection(
    /// The profile being edited.
    profile: ProfileAccess,
) -> impl IntoView {
    let store = profile.store;
    let years = move || {
        profile
            .get(|p| p.years_as_customer(today()))
            .get()
            .map(|y| tn!(profile_editor_years_as_customer, y))
    };
    view! {
        <section aria-labelledby="company-heading" class="editor-section">
            <h2 id="company-heading">{tv!(profile_editor_company)}</h2>
            <div class="field-grid">
                <CheckedInput label=t!(profile_editor_company_name) id="company-name"
                    initial=profile.initial(|p| p.name.clone())
                    apply=profile.apply(Profile::validate_name, |p, v| p.name = v) />
                <ChoiceInput label=t!(profile_editor_status) id="company-status"
                    value=profile.get(|p| p.status) on_change=profile.set(|p, v| p.status = v) />
                <CheckedInput label=t!(profile_editor_website) id="company-website" hint=t!(profile_editor_website_hint)
                    initial=profile.initial(|p| p.website.clone().unwrap_or_default())
                    apply=profile.apply(input::parse_website, |p, v| p.website = v) />
                <TextInput label=t!(profile_editor_industry) id="company-industry"
                    value=profile.get(|p| p.industry.clone())
                    on_change=profile.set(|p, v| p.industry = v)
                    suggestions=suggestions(store, &suggested_industries(), |p| &p.industry) />
                <TextInput label=t!(profile_editor_business_type) id="company-business-type"
                    value=profile.get(|p| p.business_type.clone())
                    on_change=profile.set(|p, v| p.business_type = v)
                    suggestions=suggestions(store, &suggested_business_types(), |p| &p.business_type) />
                <CheckedInput label=t!(profile_editor_employees) id="company-employees"
                    hint=t!(profile_editor_employees_hint)
                    initial=parse::count_span_text(profile.initial(|p| p.employees))
                    apply=profile.apply(parse::count_span, |p, v| p.employees = v) />
                <CheckedInput label=t!(profile_editor_revenue) id="company-revenue"
                    hint=t!(profile_editor_revenue_hint)
                    initial=parse::money_span_text(profile.initial(|p| p.revenue))
                    apply=profile.apply(parse::money_span, |p, v| p.revenue = v) />
                <CheckedInput label=t!(profile_editor_currency) id="company-currency" hint=t!(profile_editor_currency_hint)
                    initial=profile.initial(|p| p.currency.clone())
                    apply=profile.apply(input::parse_currency, |p, v| p.currency = v) />
                <TextInput label=t!(profile_editor_location) id="company-location"
                    value=profile.get(|p| p.location.clone())
                    on_change=profile.set(|p, v| p.location = v) />
                <TextInput label=t!(profile_editor_region) id="company-region"
                    value=profile.get(|p| p.region.clone())
                    on_change=profile.set(|p, v| p.region = v)
                    suggestions=suggestions(store, &[], |p| &p.region) />
                <div>
                    <CheckedInput label=t!(profile_editor_customer_since) id="company-since" kind="date"
                        hint=t!(profile_editor_customer_since_hint)
                        initial=parse::date_text(profile.initial(|p| p.customer_since))
                        apply=profile.apply(parse::date, |p, v| p.customer_since = v) />
                    <p class="computed">{years}</p>
                </div>
                <TextInput label=t!(profile_editor_hq_phone) id="company-hq-phone"
                    value=profile.get(|p| p.hq_phone.clone())
                    on_change=profile.set(|p, v| p.hq_phone = v) />
                <CheckedInput label=t!(profile_editor_hq_email) id="company-hq-email" kind="email"
                    initial=profile.initial(|p| p.hq_email.clone().unwrap_or_default())
                    apply=profile.apply(input::parse_email, |p, v| p.hq_email = v) />
            </div>
        </section>
    }
}
