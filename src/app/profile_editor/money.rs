//! What they buy and what they are worth: spend with us, the costs to serve
//! and to win them, profitability.

use super::access::ProfileAccess;
use super::parse;
use crate::app::fields::CheckedInput;
use crate::domain::decimal::grouped;
use crate::domain::profile::Known;
use leptos::prelude::*;

/// "computed: 12,000" under a field whose value was worked out from another.
fn computed_note(value: Option<Known>, from: &'static str) -> Option<String> {
    match value? {
        Known::Computed(v) => Some(format!("Computed from {from}: {}", grouped(v))),
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
        computed_note(
            profile.get(|p| p.yearly_spend()).get(),
            "monthly spend × 12",
        )
    };
    let monthly_note = move || {
        computed_note(
            profile.get(|p| p.monthly_spend()).get(),
            "yearly spend ÷ 12",
        )
    };
    let profitability = move || match profile.get(|p| p.profitability()).get() {
        Some(value) => format!(
            "Profitability: {} a year (yearly spend with us minus the costs to serve and to win them)",
            grouped(value)
        ),
        None => "Profitability: needs yearly (or monthly) spend and a cost to serve or to win them"
            .to_owned(),
    };
    view! {
        <section aria-labelledby="money-heading" class="editor-section">
            <h2 id="money-heading">"Purchases and spend"</h2>
            <CheckedInput label="What they purchase" id="money-purchases" multiline=true
                hint="One product or service a line, in broad terms (Managed Desktop, Antivirus)."
                initial=profile.initial(|p| p.purchases.join("\n"))
                apply=profile.apply(parse::lines, |p, v| p.purchases = v) />
            <div class="field-grid">
                <div>
                    <CheckedInput label="Average spend per month" id="money-monthly"
                        hint="From the customer summary's monthly sheet."
                        initial=parse::money_text(profile.initial(|p| p.monthly_spend))
                        apply=profile.apply(parse::money, |p, v| p.monthly_spend = v) />
                    <p class="computed">{monthly_note}</p>
                </div>
                <div>
                    <CheckedInput label="Average spend per year" id="money-yearly"
                        initial=parse::money_text(profile.initial(|p| p.yearly_spend))
                        apply=profile.apply(parse::money, |p, v| p.yearly_spend = v) />
                    <p class="computed">{yearly_note}</p>
                </div>
                <CheckedInput label="Purchases per year" id="money-frequency"
                    hint="How often they buy."
                    initial=profile.initial(|p| p.purchases_per_year.map(|n| n.to_string()).unwrap_or_default())
                    apply=profile.apply(parse::count, |p, v| p.purchases_per_year = v) />
                <CheckedInput label="Cost to serve per year" id="money-costs"
                    hint="Delivery, support and account management for them."
                    initial=parse::money_text(profile.initial(|p| p.cost_to_serve))
                    apply=profile.apply(parse::money, |p, v| p.cost_to_serve = v) />
                <CheckedInput label="Cost to win per year" id="money-cost-to-win"
                    hint="What it takes to get their sales: visits, tenders, samples, discounts."
                    initial=parse::money_text(profile.initial(|p| p.cost_to_win))
                    apply=profile.apply(parse::money, |p, v| p.cost_to_win = v) />
            </div>
            <p class="computed" aria-live="polite">{profitability}</p>
        </section>
    }
}
