//! Home: what needs attention today, each item linking to its profile.

use super::backup_reminder::BackupReminder;
use super::route::Route;
use super::state::{today, use_app_store};
use crate::app::derived::Derived;
use crate::app::held::Held;
use crate::app::when::When;
use crate::domain::attention::{BIRTHDAY_WINDOW_DAYS, attention};
use crate::domain::input::parse_bounded;
use crate::domain::workspace::Settings;
use crate::tv;
use crate::{t, tn};
use leptos::prelude::*;

/// Items shown in each list until the user asks for all of them.
const SHORT_LIST: usize = 10;

/// How many items of a list of `total` to show.
fn shown(total: usize, all: bool) -> usize {
    if all { total } else { total.min(SHORT_LIST) }
}

/// A button that shows the rest of a long list.
#[component]
fn ShowAll(
    /// Items in the whole list.
    total: usize,
    /// Whether the whole list is shown.
    all: Held<bool>,
    /// The button's words for `total` items ("Show all 12 overdue steps").
    text: fn(usize) -> String,
) -> impl IntoView {
    (total > SHORT_LIST && !all.get()).then(|| {
        view! {
            <button type="button" class="secondary" on:click=move |_| all.set(true)>
                {text(total)}
            </button>
        }
    })
}

/// The home screen.
#[component]
pub fn Home() -> impl IntoView {
    let store = use_app_store();
    let found = Derived::new(move || {
        store
            .workspace
            .with(|w| attention(&w.profiles, today(), w.settings.periods()))
    });
    let has_profiles = move || store.workspace.with(|w| !w.profiles.is_empty());
    let (all_overdue, all_birthdays, all_reviews, all_financials) = (
        Held::new(false),
        Held::new(false),
        Held::new(false),
        Held::new(false),
    );
    view! {
        <h1 tabindex="-1">{tv!(icp_home_heading)}</h1>
        <BackupReminder/>
        <When when=has_profiles fallback=|| view! {
            <section aria-labelledby="start-heading">
                <h2 id="start-heading">{tv!(icp_home_start_heading)}</h2>
                <p>{tv!(icp_home_start_text)}</p>
                <p><a href=Route::Profiles.href()>{tv!(icp_home_create_first)}</a></p>
                <p>
                    {tv!(icp_home_received_file)}" "
                    <a href=Route::Data.href()>{tv!(icp_home_import_on_data)}</a>
                    {tv!(icp_home_or_drop)}
                </p>
            </section>
        }>
            <section aria-labelledby="overdue-heading">
                <h2 id="overdue-heading">{tv!(icp_home_overdue_heading)}</h2>
                {move || {
                    let total = found.with(|f| f.overdue.len());
                    let list = found.with(|f| f.overdue[..shown(total, all_overdue.get())].to_vec());
                    if list.is_empty() { return view! { <p>{tv!(icp_home_no_overdue)}</p> }.into_any(); }
                    view! { <ul class="attention">
                        {list.into_iter().map(|s| view! {
                            <li><a href=Route::Profile(s.profile).href()>{s.company}</a>": "{s.description}
                                <span class="meta">{format!(" {}", if s.owner.is_empty() {
                                    t!(icp_home_due, date = s.due.shown())
                                } else {
                                    t!(icp_home_due_owner, date = s.due.shown(), owner = s.owner)
                                })}</span></li>
                        }).collect_view()}
                    </ul> <ShowAll total all=all_overdue text=|n| tn!(icp_home_show_all_overdue, n)/> }.into_any()
                }}
            </section>
            <section aria-labelledby="birthdays-heading">
                <h2 id="birthdays-heading">{t!(icp_home_birthdays_heading, days = BIRTHDAY_WINDOW_DAYS)}</h2>
                {move || {
                    let total = found.with(|f| f.birthdays.len());
                    let list = found.with(|f| f.birthdays[..shown(total, all_birthdays.get())].to_vec());
                    if list.is_empty() { return view! { <p>{tv!(icp_home_no_birthdays)}</p> }.into_any(); }
                    view! { <ul class="attention">
                        {list.into_iter().map(|b| {
                            let when = match b.in_days {
                                0 => t!(icp_home_today).to_owned(),
                                1 => t!(icp_home_tomorrow).to_owned(),
                                n => tn!(icp_home_in_days, n.max(0)),
                            };
                            let date = b.on.shown();
                            let meta = match b.turns {
                                Some(age) => tn!(icp_home_birthday_turns, age, date = date, when = when),
                                None => t!(icp_home_birthday, date = date, when = when),
                            };
                            view! { <li>{b.name}" ("<a href=Route::Profile(b.profile).href()>{b.company}</a>")"
                                <span class="meta">{format!(" {meta}")}</span></li> }
                        }).collect_view()}
                    </ul> <ShowAll total all=all_birthdays text=|n| tn!(icp_home_show_all_birthdays, n)/> }.into_any()
                }}
            </section>
            <section aria-labelledby="review-heading">
                <h2 id="review-heading">{tv!(icp_home_review_heading)}</h2>
                <PeriodField id="review-days" label=t!(icp_home_review_every) max=3650
                    read=|s| s.review_every_days write=|s, n| s.review_every_days = n />
                {move || {
                    let total = found.with(|f| f.reviews.len());
                    let list = found.with(|f| f.reviews[..shown(total, all_reviews.get())].to_vec());
                    if list.is_empty() { return view! { <p>{tv!(icp_home_no_reviews)}</p> }.into_any(); }
                    view! { <ul class="attention">
                        {list.into_iter().map(|r| {
                            let last = match r.last_reviewed {
                                Some(day) => t!(icp_home_last_reviewed, date = day.shown()),
                                None => t!(icp_home_never_reviewed).to_owned(),
                            };
                            view! { <li><a href=Route::Profile(r.profile).href()>{r.company}</a>
                                <span class="meta">{format!(" {last}")}</span></li> }
                        }).collect_view()}
                    </ul> <ShowAll total all=all_reviews text=|n| tn!(icp_home_show_all_reviews, n)/> }.into_any()
                }}
            </section>
            <section aria-labelledby="financials-heading">
                <h2 id="financials-heading">{tv!(icp_home_financials_heading)}</h2>
                <PeriodField id="financial-months" label=t!(icp_home_financial_months) max=120
                    read=|s| s.financial_update_months write=|s, n| s.financial_update_months = n />
                {move || {
                    let total = found.with(|f| f.financials.len());
                    let list = found.with(|f| f.financials[..shown(total, all_financials.get())].to_vec());
                    if list.is_empty() { return view! { <p>{tv!(icp_home_no_financials)}</p> }.into_any(); }
                    view! { <ul class="attention">
                        {list.into_iter().map(|f| {
                            let meta = tn!(icp_home_financial_age, f.months_old, date = f.as_of.shown());
                            view! { <li><a href=Route::EditProfile(f.profile).href()>{f.company}</a>
                                <span class="meta">{format!(" {meta}")}</span></li> }
                        }).collect_view()}
                    </ul> <ShowAll total all=all_financials text=|n| tn!(icp_home_show_all_financials, n)/> }.into_any()
                }}
            </section>
        </When>
    }
}

/// A whole number of the workspace's settings, such as the days after
/// which a profile is due for review; refused text stays in the field with
/// the reason beside it.
#[component]
fn PeriodField(
    /// The element id.
    id: &'static str,
    /// The visible label, with its unit.
    label: &'static str,
    /// The largest number allowed (the smallest is 1).
    max: i64,
    /// Reads the setting.
    read: fn(&Settings) -> u32,
    /// Writes the setting.
    write: fn(&mut Settings, u32),
) -> impl IntoView {
    let store = use_app_store();
    let typed = Held::new(
        store
            .workspace
            .with_untracked(|w| read(&w.settings).to_string()),
    );
    let error = Held::new(None::<String>);
    let error_id = format!("{id}-error");
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        match parse_bounded(&text, 1, max) {
            Ok(Some(n)) => {
                error.set(None);
                store.workspace.update(|w| write(&mut w.settings, n as u32));
            }
            Ok(None) => error.set(Some(crate::domain::input::InputError::Required.to_string())),
            Err(e) => error.set(Some(e.to_string())),
        }
        typed.set(text);
    };
    view! {
        <div class="field inline">
            <label for=id>{label}</label>
            <input id=id type="text" inputmode="numeric" size="4" prop:value=move || typed.get()
                on:input=on_input disabled=move || !store.is_editable()
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=error_id.clone() />
            <p id=error_id class="field-error" aria-live="polite">{move || error.get()}</p>
        </div>
    }
}
