//! Loyalty (referrals, testimonials), needs and wishes, and financial
//! condition.

use super::access::ProfileAccess;
use super::parse;
use crate::app::fields::{CheckedInput, ChoiceInput, TextInput};
use crate::domain::Profile;
use crate::t;
use crate::tv;
use leptos::prelude::*;

/// Referrals, testimonials, loyalty notes, and the customer's needs and
/// wishes.
#[component]
pub fn RelationshipSection(
    /// The profile being edited.
    profile: ProfileAccess,
) -> impl IntoView {
    view! {
        <section aria-labelledby="relationship-heading" class="editor-section">
            <h2 id="relationship-heading">{tv!(profile_relationship)}</h2>
            <p class="hint">{tv!(profile_editor_relationship_hint)}</p>
            <div class="field-grid">
                <ChoiceInput label=t!(profile_editor_referred) id="rel-referred"
                    value=profile.get(|p| p.referred) on_change=profile.set(|p, v| p.referred = v) />
                <CheckedInput label=t!(profile_editor_referral_count) id="rel-referrals"
                    initial=profile.initial(|p| p.referral_count.map(|n| n.to_string()).unwrap_or_default())
                    apply=profile.apply(parse::count, Profile::set_referral_count) />
                <ChoiceInput label=t!(profile_editor_testimonial) id="rel-testimonial"
                    value=profile.get(|p| p.testimonial) on_change=profile.set(|p, v| p.testimonial = v) />
            </div>
            <TextInput label=t!(profile_editor_loyalty_notes) id="rel-notes" multiline=true
                value=profile.get(|p| p.loyalty_notes.clone())
                on_change=profile.set(|p, v| p.loyalty_notes = v) />
            <TextInput label=t!(profile_needs_and_wishes) id="rel-needs" multiline=true
                value=profile.get(|p| p.needs.clone())
                on_change=profile.set(|p, v| p.needs = v) />
        </section>
    }
}

/// Financial condition, with the date and source of the information.
#[component]
pub fn FinancialSection(
    /// The profile being edited.
    profile: ProfileAccess,
) -> impl IntoView {
    view! {
        <section aria-labelledby="financial-heading" class="editor-section">
            <h2 id="financial-heading">{tv!(profile_financial_condition)}</h2>
            <div class="field-grid">
                <ChoiceInput label=t!(profile_editor_financial_rating) id="fin-rating"
                    value=profile.get(|p| p.financial.rating) on_change=profile.set(|p, v| p.financial.rating = v) />
                <CheckedInput label=t!(profile_editor_financial_as_of) id="fin-as-of" kind="date"
                    initial=parse::date_text(profile.initial(|p| p.financial.as_of))
                    apply=profile.apply(parse::date, |p, v| p.financial.as_of = v) />
                <TextInput label=t!(profile_editor_financial_source) id="fin-source"
                    value=profile.get(|p| p.financial.source.clone())
                    on_change=profile.set(|p, v| p.financial.source = v) />
            </div>
            <TextInput label=t!(profile_editor_financial_note) id="fin-note" multiline=true
                value=profile.get(|p| p.financial.note.clone())
                on_change=profile.set(|p, v| p.financial.note = v) />
        </section>
    }
}
