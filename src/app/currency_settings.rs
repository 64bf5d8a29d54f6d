//! The workspace's reporting currency and the exchange rates to it: what
//! every score, chart, sort and suggestion compares money in.

use super::fields::CheckedInput;
use super::state::{today, use_app_store};
use crate::domain::Workspace;
use crate::domain::currency::{parse_rates, rates_text};
use crate::domain::input::parse_currency;
use crate::messages;
use crate::t;
use crate::tv;
use leptos::prelude::*;

/// The "Currencies" section of Data & backup.
#[component]
pub fn CurrencySettings() -> impl IntoView {
    let store = use_app_store();
    let (chosen, rates) = store.workspace.with_untracked(|w| {
        (
            w.settings.reporting_currency.clone(),
            rates_text(&w.settings.exchange_rates),
        )
    });
    let set_reporting = Callback::new(move |text: String| match parse_currency(&text) {
        Ok(code) => {
            store
                .workspace
                .update(|w| w.settings.reporting_currency = code);
            None
        }
        Err(e) => Some(e.to_string()),
    });
    // Read as typed: a list that cannot be read leaves the rates as they
    // were, with the line at fault beside the field.
    let set_rates = Callback::new(move |text: String| {
        let reporting = store
            .workspace
            .with_untracked(Workspace::reporting_currency);
        match parse_rates(&text, &reporting, today()) {
            Ok(rates) => {
                store.workspace.update(|w| w.settings.replace_rates(rates));
                None
            }
            Err(e) => Some(messages::rate_line_error(&e)),
        }
    });
    let status = move || {
        store.workspace.with(|w| {
            let in_use = match w.reporting_currency() {
                code if code.is_empty() => t!(data_currency_none).to_owned(),
                code => t!(data_currency_in_use, code = code),
            };
            let missing = messages::not_counted(&w.not_counted());
            format!("{in_use} {missing}")
        })
    };
    view! {
        <section aria-labelledby="currency-heading">
            <h2 id="currency-heading">{tv!(data_currency_heading)}</h2>
            <p>{tv!(data_currency_intro)}</p>
            <CheckedInput label=t!(data_currency_reporting) id="reporting-currency" initial=chosen
                apply=set_reporting
                hint=t!(data_currency_reporting_hint) />
            <p role="status">{status}</p>
            <CheckedInput label=t!(data_currency_rates) id="exchange-rates" initial=rates multiline=true
                apply=set_rates
                hint=t!(data_currency_rates_hint) />
        </section>
    }
}
