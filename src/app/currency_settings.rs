//! The workspace's reporting currency and the exchange rates to it: what
//! every score, chart, sort and suggestion compares money in.

use super::fields::{CheckedInput, locked};
use super::focus::focus_first;
use super::state::{today, use_app_store};
use crate::domain::currency::{ExchangeRate, parse_rate, parse_rate_currency};
use crate::domain::decimal::grouped;
use crate::domain::input::{InputError, parse_currency};
use crate::domain::{Date, Workspace};
use crate::messages;
use leptos::prelude::*;

/// The "Currencies" section of Data & backup.
#[component]
pub fn CurrencySettings() -> impl IntoView {
    let store = use_app_store();
    let locked = locked();
    let reporting = move || store.workspace.with(Workspace::reporting_currency);
    let chosen = store
        .workspace
        .with_untracked(|w| w.settings.reporting_currency.clone());
    let set_reporting = Callback::new(move |text: String| match parse_currency(&text) {
        Ok(code) => {
            store
                .workspace
                .update(|w| w.settings.reporting_currency = code);
            None
        }
        Err(e) => Some(e.to_string()),
    });
    let in_use = move || match reporting() {
        code if code.is_empty() => "No profile names a currency yet.".to_owned(),
        code => format!("Money is compared and added up in {code}."),
    };
    let not_counted = move || {
        store
            .workspace
            .with(|w| messages::not_counted(&w.converter().missing_rates(&w.profiles)))
    };

    let currency = RwSignal::new(String::new());
    let rate = RwSignal::new(String::new());
    let date = RwSignal::new(today().to_string());
    let currency_error = RwSignal::new(None::<String>);
    let rate_error = RwSignal::new(None::<String>);
    let date_error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let code = parse_rate_currency(&currency.get_untracked(), &reporting());
        let value = parse_rate(&rate.get_untracked());
        let day = date
            .get_untracked()
            .parse::<Date>()
            .map_err(|_| InputError::Required);
        currency_error.set(code.as_ref().err().map(ToString::to_string));
        rate_error.set(value.as_ref().err().map(ToString::to_string));
        date_error.set(day.as_ref().err().map(ToString::to_string));
        match (code, value, day) {
            (Ok(currency_code), Ok(rate_value), Ok(day)) => {
                store.workspace.update(|w| {
                    w.settings.set_rate(ExchangeRate {
                        currency: currency_code,
                        rate: rate_value,
                        date: day,
                        unknown_fields: Default::default(),
                    });
                });
                currency.set(String::new());
                rate.set(String::new());
            }
            (Err(_), ..) => drop(focus_first("#rate-currency")),
            (_, Err(_), _) => drop(focus_first("#rate-value")),
            _ => drop(focus_first("#rate-date")),
        }
    };
    let rates = move || store.workspace.with(|w| w.settings.exchange_rates.clone());

    view! {
        <section aria-labelledby="currency-heading">
            <h2 id="currency-heading">"Currencies"</h2>
            <p>
                "Profiles keep money in their own currency. Scores, tiers, the ICP worksheet, sorts "
                "and suggestions compare it in one reporting currency, with the rates below; a "
                "model's thresholds are in it too."
            </p>
            <CheckedInput label="Reporting currency" id="reporting-currency" initial=chosen
                apply=set_reporting
                hint="Three letters, such as PLN. Left blank, the currency most profiles use." />
            <p role="status">{in_use} " " {not_counted}</p>
            <h3>"Exchange rates"</h3>
            <ul class="rates">
                <For each=rates key=|r| r.currency.clone() let(r)>
                    <li>
                        {format!("1 {} = {} {}, as of {}", r.currency, grouped(r.rate), reporting(), r.date)}
                        " "
                        <button type="button" disabled=locked
                            aria-label=format!("Remove the rate for {}", r.currency)
                            on:click={
                                let code = r.currency.clone();
                                move |_| store.workspace.update(|w| w.settings.remove_rate(&code))
                            }>"Remove"</button>
                    </li>
                </For>
            </ul>
            <form on:submit=save novalidate>
                <h3>"Set a rate"</h3>
                <p class="hint">"Setting a rate for a currency that has one replaces it."</p>
                <div class="field-grid">
                    <div class="field">
                        <label for="rate-currency">"Currency"</label>
                        <input id="rate-currency" type="text" maxlength="3" autocomplete="off"
                            prop:value=move || currency.get() disabled=locked
                            aria-invalid=move || currency_error.with(Option::is_some).then_some("true")
                            aria-describedby="rate-currency-error"
                            on:input=move |ev| currency.set(event_target_value(&ev)) />
                        <p id="rate-currency-error" class="field-error" aria-live="polite">{move || currency_error.get()}</p>
                    </div>
                    <div class="field">
                        <label for="rate-value">{move || format!("Worth in {}", reporting())}</label>
                        <input id="rate-value" type="text" inputmode="decimal" autocomplete="off"
                            prop:value=move || rate.get() disabled=locked
                            aria-invalid=move || rate_error.with(Option::is_some).then_some("true")
                            aria-describedby="rate-value-error"
                            on:input=move |ev| rate.set(event_target_value(&ev)) />
                        <p id="rate-value-error" class="field-error" aria-live="polite">{move || rate_error.get()}</p>
                    </div>
                    <div class="field">
                        <label for="rate-date">"Rate of"</label>
                        <input id="rate-date" type="date"
                            prop:value=move || date.get() disabled=locked
                            aria-invalid=move || date_error.with(Option::is_some).then_some("true")
                            aria-describedby="rate-date-error"
                            on:input=move |ev| date.set(event_target_value(&ev)) />
                        <p id="rate-date-error" class="field-error" aria-live="polite">{move || date_error.get()}</p>
                    </div>
                </div>
                <button type="submit" disabled=locked>"Save rate"</button>
            </form>
        </section>
    }
}
