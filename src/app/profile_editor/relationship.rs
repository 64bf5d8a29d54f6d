//! Loyalty (referrals, testimonials) and financial condition.

use super::access::ProfileAccess;
use super::parse;
use crate::app::fields::{CheckedInput, SelectInput, TextInput};
use crate::domain::profile::{FinancialRating, YesNoUnknown};
use leptos::prelude::*;

fn answers() -> Vec<(String, String)> {
    YesNoUnknown::ALL
        .iter()
        .map(|a| (format!("{a:?}"), a.label().to_owned()))
        .collect()
}

fn answer(value: &str) -> YesNoUnknown {
    YesNoUnknown::ALL
        .into_iter()
        .find(|a| format!("{a:?}") == value)
        .unwrap_or_default()
}

/// Referrals, testimonials and loyalty notes.
#[component]
pub fn RelationshipSection(
    /// The profile being edited.
    profile: ProfileAccess,
) -> impl IntoView {
    view! {
        <section aria-labelledby="relationship-heading" class="editor-section">
            <h2 id="relationship-heading">"Relationship"</h2>
            <p class="hint">"Loyal customers who refer you and give testimonials count, even when they spend less."</p>
            <div class="field-grid">
                <SelectInput label="Have they referred us?" id="rel-referred" options=answers()
                    value=profile.get(|p| format!("{:?}", p.referred))
                    on_change=profile.set(|p, v: String| p.referred = answer(&v)) />
                <CheckedInput label="How many referrals" id="rel-referrals"
                    initial=profile.initial(|p| p.referral_count.map(|n| n.to_string()).unwrap_or_default())
                    apply=profile.apply(parse::count, |p, v| p.referral_count = v) />
                <SelectInput label="Have they given a testimonial?" id="rel-testimonial" options=answers()
                    value=profile.get(|p| format!("{:?}", p.testimonial))
                    on_change=profile.set(|p, v: String| p.testimonial = answer(&v)) />
            </div>
            <TextInput label="Loyalty notes" id="rel-notes" multiline=true
                value=profile.get(|p| p.loyalty_notes.clone())
                on_change=profile.set(|p, v| p.loyalty_notes = v) />
        </section>
    }
}

/// Financial condition, with the date and source of the information.
#[component]
pub fn FinancialSection(
    /// The profile being edited.
    profile: ProfileAccess,
) -> impl IntoView {
    let ratings = FinancialRating::ALL
        .iter()
        .map(|r| (format!("{r:?}"), r.label().to_owned()))
        .collect();
    view! {
        <section aria-labelledby="financial-heading" class="editor-section">
            <h2 id="financial-heading">"Financial condition"</h2>
            <div class="field-grid">
                <SelectInput label="Rating" id="fin-rating" options=ratings
                    value=profile.get(|p| format!("{:?}", p.financial.rating))
                    on_change=profile.set(|p, v: String| {
                        p.financial.rating =
                            FinancialRating::ALL.into_iter().find(|r| format!("{r:?}") == v).unwrap_or_default();
                    }) />
                <CheckedInput label="Information as of" id="fin-as-of" kind="date"
                    initial=parse::date_text(profile.initial(|p| p.financial.as_of))
                    apply=profile.apply(parse::date, |p, v| p.financial.as_of = v) />
                <TextInput label="Source" id="fin-source"
                    value=profile.get(|p| p.financial.source.clone())
                    on_change=profile.set(|p, v| p.financial.source = v) />
            </div>
            <TextInput label="Financial note" id="fin-note" multiline=true
                value=profile.get(|p| p.financial.note.clone())
                on_change=profile.set(|p, v| p.financial.note = v) />
        </section>
    }
}
