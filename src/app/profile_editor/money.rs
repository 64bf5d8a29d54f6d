//! What they buy and what they are worth: spend with us, the costs to serve
//! and to win them, profitability.

use super::access::ProfileAccess;
use super::parse;
use crate::app::fields::CheckedInput;
use crate::domain::decimal::grouped;
use crate::domain::profile::Known;
use crate::t;
use crate::tv;
use leptos::prelude::*;

/// The value, grouped for reading, of a field worked out from another, for
/// the note under it ("Computed from monthly spend × 12: 12,000").
fn computed(value: Option<Known>) -> Option<String> {
    match value? {
        Known::Computed(v) => Some(grouped(v)),
        Known::Entered(_) => None,
    }
}

/// Purchases, spend per month and year, the costs to serve and to win them,
/// and profitability.
#[component]
pub fn MoneySection(
    /// The profile being edited.
    profile: ProfileAccess,
) -> impl IntoView {
    let yearly_note = move || {
        computed(profile.get(|p| p.yearly_spend()).get())
            .map(|value| t!(profile_editor_yearly_computed, value = value))
    };
    let monthly_note = move || {
        computed(profile.get(|p| p.monthly_spend()).get())
            .map(|value| t!(profile_editor_monthly_computed, value = value))
    };
    let profitability = move || match profile.get(|p| p.profitability()).get() {
        Some(value) => t!(profile_editor_profitability, value = grouped(value)),
        None => t!(profile_editor_profitability_unknown).to_owned(),
    };
    view! {
        <section aria-labelledby="money-heading" class="editor-section">
            <h2 id="money-heading">{tv!(profile_purchases_and_spend)}</h2>
            <CheckedInput label=t!(profile_editor_purchases) id="money-purchases" multiline=true
                hint=t!(profile_editor_purchases_hint)
                initial=profile.initial(|p| p.purchases.join("\n"))
                apply=profile.apply(parse::lines, |p, v| p.purchases = v) />
            <div class="field-grid">
                <div>
                    <CheckedInput label=t!(profile_editor_monthly_spend) id="money-monthly"
                        hint=t!(profile_editor_monthly_spend_hint)
                        initial=parse::money_text(profile.initial(|p| p.monthly_spend))
                        apply=profile.apply(parse::money, |p, v| p.monthly_spend = v) />
                    <p class="computed">{monthly_note}</p>
                </div>
                <div>
                    <CheckedInput label=t!(profile_editor_yearly_spend) id="money-yearly"
                        initial=parse::money_text(profile.initial(|p| p.yearly_spend))
                        apply=profile.apply(parse::money, |p, v| p.yearly_spend = v) />
                    <p class="computed">{yearly_note}</p>
                </div>
                <CheckedInput label=t!(profile_editor_purchases_per_year) id="money-frequency"
                    hint=t!(profile_editor_purchases_per_year_hint)
                    initial=profile.initial(|p| p.purchases_per_year.map(|n| n.to_string()).unwrap_or_default())
                    apply=profile.apply(parse::count, |p, v| p.purchases_per_year = v) />
                <CheckedInput label=t!(profile_editor_cost_to_serve) id="money-costs"
                    hint=t!(profile_editor_cost_to_serve_hint)
                    initial=parse::money_text(profile.initial(|p| p.cost_to_serve))
                    apply=profile.apply(parse::money, |p, v| p.cost_to_serve = v) />
                <CheckedInput label=t!(profile_editor_cost_to_win) id="money-cost-to-win"
                    hint=t!(profile_editor_cost_to_win_hint)
                    initial=parse::money_text(profile.initial(|p| p.cost_to_win))
                    apply=profile.apply(parse::money, |p, v| p.cost_to_win = v) />
            </div>
            <p class="computed" aria-live="polite">{profitability}</p>
        </section>
    }
}
