//! Key people and decision makers, with their birthdays.

use super::access::{ProfileAccess, RowAccess};
use super::parse;
use super::row_list::{RowList, row_fields};
use crate::app::fields::{CheckboxInput, CheckedInput, ChoiceInput, TextInput};
use crate::app::held::Held;
use crate::app::state::today;
use crate::domain::date::BirthdayError;
use crate::domain::input::parse_email;
use crate::domain::profile::Person;
use crate::domain::{Birthday, input};
use crate::t;
use crate::tv;
use leptos::prelude::*;

/// The names of the months, in the interface's language.
fn months() -> [&'static str; 12] {
    [
        t!(profile_editor_month_january),
        t!(profile_editor_month_february),
        t!(profile_editor_month_march),
        t!(profile_editor_month_april),
        t!(profile_editor_month_may),
        t!(profile_editor_month_june),
        t!(profile_editor_month_july),
        t!(profile_editor_month_august),
        t!(profile_editor_month_september),
        t!(profile_editor_month_october),
        t!(profile_editor_month_november),
        t!(profile_editor_month_december),
    ]
}

/// The profile's key people.
#[component]
pub fn PeopleSection(
    /// The profile being edited.
    profile: ProfileAccess,
) -> impl IntoView {
    view! {
        <RowList profile title=t!(profile_editor_people) id="person"
            add_label=t!(profile_editor_person_add) unnamed=t!(profile_editor_person_unnamed)
            empty=t!(profile_editor_people_empty)
            row=row_fields(move |row: RowAccess<Person>| view! {
                <TextInput label=t!(profile_editor_person_name) id=row.field_id("name")
                    value=row.get(|p| p.name.clone()) on_change=row.set(|p, v| p.name = v) />
                <TextInput label=t!(profile_editor_person_title) id=row.field_id("title")
                    value=row.get(|p| p.title.clone()) on_change=row.set(|p, v| p.title = v) />
                <ChoiceInput label=t!(profile_editor_person_role) id=row.field_id("role")
                    value=row.get(|p| p.role) on_change=row.set(|p, v| p.role = v) />
                <CheckboxInput label=t!(profile_editor_person_key_executive) id=row.field_id("key")
                    checked=row.get(|p| p.key_executive) on_change=row.set(|p, v| p.key_executive = v) />
                <CheckedInput label=t!(profile_editor_person_influence) id=row.field_id("influence")
                    hint=t!(profile_editor_person_influence_hint)
                    initial=row.initial(|p| p.influence.map(|i| i.to_string()).unwrap_or_default())
                    apply=row.apply(parse::influence, |p, v| p.influence = v) />
                <CheckedInput label=t!(profile_editor_person_email) id=row.field_id("email") kind="email"
                    initial=row.initial(|p| p.email.clone().unwrap_or_default())
                    apply=row.apply(parse_email, |p, v| p.email = v) />
                <TextInput label=t!(profile_editor_person_phone) id=row.field_id("phone")
                    value=row.get(|p| p.phone.clone()) on_change=row.set(|p, v| p.phone = v) />
                <BirthdayInput row />
                <TextInput label=t!(profile_editor_person_notes) id=row.field_id("notes") multiline=true
                    value=row.get(|p| p.notes.clone()) on_change=row.set(|p, v| p.notes = v) />
            }) />
    }
}

/// Day, month and (optionally) year of a birthday, checked together.
#[component]
fn BirthdayInput(
    /// The person.
    row: RowAccess<Person>,
) -> impl IntoView {
    let locked = crate::app::fields::locked();
    let stored = row.initial(|p| p.birthday);
    let day = Held::new(stored.map(|b| b.day.to_string()).unwrap_or_default());
    let month = Held::new(stored.map(|b| b.month.to_string()).unwrap_or_default());
    let year = Held::new(
        stored
            .and_then(|b| b.year)
            .map(|y| y.to_string())
            .unwrap_or_default(),
    );
    let error = Held::new(None::<String>);
    let set_birthday = row.set(|p, v: Option<Birthday>| p.birthday = v);
    let check = move || {
        let (d, m, y) = (
            day.get_untracked(),
            month.get_untracked(),
            year.get_untracked(),
        );
        let result = if d.trim().is_empty() && m.is_empty() && y.trim().is_empty() {
            Ok(None)
        } else {
            read_birthday(&d, &m, &y).map(Some)
        };
        match result {
            Ok(birthday) => {
                error.set(None);
                set_birthday.run(birthday);
            }
            Err(message) => error.set(Some(message)),
        }
    };
    let (day_id, month_id, year_id, error_id) = (
        row.field_id("bday-day"),
        row.field_id("bday-month"),
        row.field_id("bday-year"),
        row.field_id("bday-error"),
    );
    let invalid = move || error.with(Option::is_some).then_some("true");
    view! {
        <fieldset class="birthday">
            <legend>{tv!(profile_editor_birthday)}</legend>
            <label for=day_id.clone()>{tv!(profile_editor_birthday_day)}</label>
            <input id=day_id disabled=locked type="text" inputmode="numeric" size="2" prop:value=move || day.get()
                aria-invalid=invalid aria-describedby=error_id.clone()
                on:input=move |ev| { day.set(event_target_value(&ev)); check(); } />
            <label for=month_id.clone()>{tv!(profile_editor_birthday_month)}</label>
            <select id=month_id disabled=locked aria-invalid=invalid aria-describedby=error_id.clone()
                on:change=move |ev| { month.set(event_target_value(&ev)); check(); }>
                <option value="" prop:selected=move || month.get().is_empty()>"—"</option>
                {months().into_iter().enumerate().map(|(i, name)| {
                    let value = (i + 1).to_string();
                    let selected = { let value = value.clone(); move || month.get() == value };
                    view! { <option value=value prop:selected=selected>{name}</option> }
                }).collect_view()}
            </select>
            <label for=year_id.clone()>{tv!(profile_editor_birthday_year)}</label>
            <input id=year_id disabled=locked type="text" inputmode="numeric" size="4" prop:value=move || year.get()
                aria-invalid=invalid aria-describedby=error_id.clone()
                on:input=move |ev| { year.set(event_target_value(&ev)); check(); } />
            <p class="field-error" id=error_id aria-live="polite">{move || error.get()}</p>
        </fieldset>
    }
}

/// Reads a birthday from its three typed parts.
fn read_birthday(day: &str, month: &str, year: &str) -> Result<Birthday, String> {
    let day = input::parse_bounded(day, 1, 31)
        .map_err(|e| e.to_string())?
        .ok_or(crate::messages::birthday_day_missing())?;
    let month: u32 = month
        .parse()
        .map_err(|_| crate::messages::birthday_month_missing().to_owned())?;
    let year = match year.trim() {
        "" => None,
        text => Some(
            text.parse::<i32>()
                .map_err(|_| BirthdayError::ImplausibleYear.to_string())?,
        ),
    };
    Birthday::new(month, day as u32, year, today()).map_err(|e| e.to_string())
}
