//! The criteria surveys: start one, or open one received from a colleague.

use super::fields::locked;
use super::focus::focus_first;
use super::import::file_picker::FilePicker;
use super::route::{Route, go_to};
use super::state::{now, use_app_store};
use crate::app::derived::Derived;
use crate::app::held::Held;
use crate::domain::input::{InputError, parse_name};
use crate::domain::limits::MAX_NAME_CHARS;
use crate::domain::survey::{Round, Survey};
use crate::messages;
use crate::tv;
use crate::{t, tn};
use leptos::prelude::*;

/// The "Surveys" screen.
#[component]
pub fn SurveysPage() -> impl IntoView {
    let store = use_app_store();
    let rows = Derived::new(move || {
        store.workspace.with(|w| {
            w.surveys
                .iter()
                .map(|s| {
                    let answers = w
                        .survey_answers
                        .iter()
                        .filter(|a| a.survey_id == s.id)
                        .count();
                    (
                        s.id,
                        s.title.clone(),
                        s.round,
                        s.is_coordinated_by(w.id),
                        s.coordinator.clone(),
                        answers,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <h1 tabindex="-1">{tv!(survey_list_title)}</h1>
        <p>{tv!(survey_list_intro)}</p>
        <section aria-labelledby="surveys-heading">
            <h2 id="surveys-heading">{tv!(survey_list_heading)}</h2>
            {move || {
                let rows = rows.get();
                if rows.is_empty() {
                    return view! { <p>{tv!(survey_list_none)}</p> }.into_any();
                }
                view! {
                    <ul class="survey-list">
                        {rows
                            .into_iter()
                            .map(|(id, title, round, mine, coordinator, answers)| {
                                let round = match round {
                                    Round::Criteria => t!(survey_list_round_criteria),
                                    Round::Customers => t!(survey_list_round_customers),
                                    Round::Unlisted(text) => text,
                                };
                                let whose = if mine {
                                    tn!(survey_list_made_here, answers)
                                } else if coordinator.is_empty() {
                                    t!(survey_list_from_colleague).to_owned()
                                } else {
                                    t!(survey_list_from, name = coordinator)
                                };
                                view! {
                                    <li>
                                        <a href=Route::Survey(id).href()>{title}</a>
                                        <span class="meta">" "{t!(survey_list_meta, round = round, whose = whose)}</span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
        <NewSurveyForm/>
        <section aria-labelledby="received-heading">
            <h2 id="received-heading">{tv!(survey_received_heading)}</h2>
            <p>{tv!(survey_received_hint)}</p>
            <FilePicker/>
        </section>
    }
}

/// Starts a round-1 survey from the active model's criteria and the
/// coordinator's own.
#[component]
fn NewSurveyForm() -> impl IntoView {
    let store = use_app_store();
    let locked = locked();
    let title = Held::new(String::new());
    let coordinator = Held::new(String::new());
    let extra = Held::new(String::new());
    let use_model = Held::new(true);
    // Each problem is shown beside its own field, which is marked invalid
    // and takes focus.
    let title_error = Held::new(None::<String>);
    let criteria_error = Held::new(None::<&'static str>);
    let model_count = move || {
        store
            .workspace
            .with(|w| w.model().map_or(0, |m| m.criteria.len()))
    };
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = match parse_name(&title.get_untracked(), MAX_NAME_CHARS) {
            Ok(name) => name,
            Err(error) => {
                title_error.set(Some(match error {
                    InputError::Required => messages::survey_title_missing().to_owned(),
                    other => other.to_string(),
                }));
                focus_first("#survey-title");
                return;
            }
        };
        let extra: Vec<String> = extra.get_untracked().lines().map(str::to_owned).collect();
        let use_model = use_model.get_untracked();
        let mut id = None;
        store.workspace.update(|w| {
            let survey = Survey::round_one(
                name,
                coordinator.get_untracked().trim().to_owned(),
                w.id,
                w.model().filter(|_| use_model),
                &extra,
                now(),
            );
            if !survey.criteria.is_empty() {
                id = Some(w.add_survey(survey));
            }
        });
        match id {
            Some(id) => go_to(&Route::Survey(id)),
            None => {
                criteria_error.set(Some(messages::survey_no_criteria()));
                focus_first("#survey-extra");
            }
        }
    };
    view! {
        <section aria-labelledby="new-survey-heading">
            <h2 id="new-survey-heading">{tv!(survey_new_heading)}</h2>
            <form class="stacked" on:submit=create>
                <div class="field">
                    <label for="survey-title">{tv!(survey_new_title)}</label>
                    <input id="survey-title" type="text" disabled=locked prop:value=move || title.get()
                        aria-describedby="survey-title-error"
                        aria-invalid=move || title_error.get().map(|_| "true")
                        on:input=move |ev| { title.set(event_target_value(&ev)); title_error.set(None); } />
                    <p id="survey-title-error" class="field-error" aria-live="polite">{move || title_error.get()}</p>
                </div>
                <div class="field">
                    <label for="survey-coordinator">{tv!(survey_new_coordinator)}</label>
                    <input id="survey-coordinator" type="text" disabled=locked prop:value=move || coordinator.get()
                        on:input=move |ev| coordinator.set(event_target_value(&ev)) />
                </div>
                <label class="checkbox">
                    <input type="checkbox" disabled=locked prop:checked=move || use_model.get()
                        on:change=move |ev| { use_model.set(event_target_checked(&ev)); criteria_error.set(None); } />
                    {move || format!(" {}", t!(survey_new_offer_model, count = model_count()))}
                </label>
                <div class="field">
                    <label for="survey-extra">{tv!(survey_new_own_criteria)}</label>
                    <textarea id="survey-extra" rows="4" disabled=locked prop:value=move || extra.get()
                        aria-describedby="survey-extra-error survey-extra-hint"
                        aria-invalid=move || criteria_error.get().map(|_| "true")
                        on:input=move |ev| { extra.set(event_target_value(&ev)); criteria_error.set(None); }></textarea>
                    <span id="survey-extra-hint" class="hint">{tv!(survey_new_own_criteria_hint)}</span>
                    <p id="survey-extra-error" class="field-error" aria-live="polite">{move || criteria_error.get()}</p>
                </div>
                <button type="submit" disabled=locked>{tv!(survey_new_create)}</button>
            </form>
        </section>
    }
}
