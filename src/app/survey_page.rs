//! One survey: the coordinator sends it and reads the answers; a rep
//! answers it.

use super::export_control::ExportControl;
use super::fields::locked;
use super::import::file_picker::FilePicker;
use super::route::{Route, go_to};
use super::state::use_app_store;
use super::survey_answer_form::AnswerForm;
use super::survey_criteria::RoundTwoKinds;
use super::survey_results::{RoundTwoResults, TallyTable};
use crate::app::derived::Derived;
use crate::domain::SurveyId;
use crate::domain::share::Export;
use crate::domain::survey::Round;
use crate::tv;
use crate::{t, tn};
use leptos::prelude::*;

/// The screen of survey `id`.
#[component]
pub fn SurveyPage(
    /// The survey shown.
    id: SurveyId,
) -> impl IntoView {
    let store = use_app_store();
    let locked = locked();
    // (title, round, coordinator, made here, minutes, answers)
    let head = Derived::new(move || {
        store.workspace.with(|w| {
            w.survey(id).map(|s| {
                let answers = w
                    .survey_answers
                    .iter()
                    .filter(|a| a.survey_id == id && a.respondent_workspace != w.id)
                    .count();
                (
                    s.title.clone(),
                    s.round,
                    s.coordinator.clone(),
                    s.is_coordinated_by(w.id),
                    s.estimated_minutes(),
                    answers,
                )
            })
        })
    });
    // A rep's page opens in the language the survey was written in, once
    // for each survey, so that a switch made on the page afterwards stays.
    let written_in = store.workspace.with_untracked(|w| {
        w.survey(id)
            .filter(|s| !s.is_coordinated_by(w.id))
            .and_then(|s| s.written_in())
    });
    if let Some(language) = written_in
        && store.survey_language_followed.get_untracked() != Some(id)
    {
        store.survey_language_followed.set(Some(id));
        // Once this screen is drawn: a new language draws the page again.
        request_animation_frame(move || {
            store.show_language(language);
        });
    }
    let delete = move |_| {
        let sure = window()
            .confirm_with_message(t!(survey_page_delete_confirm))
            .unwrap_or(false);
        if sure {
            store.workspace.update(|w| w.remove_survey(id));
            go_to(&Route::Surveys);
        }
    };
    move || {
        let Some((title, round, coordinator, mine, minutes, answers)) = head.get() else {
            return view! {
                <h1 tabindex="-1">{tv!(survey_page_not_found)}</h1>
                <p>{tv!(survey_page_not_found_hint)}</p>
                <p><a href=Route::Surveys.href()>{tv!(survey_page_all)}</a></p>
            }
            .into_any();
        };
        let round_text = match round {
            Round::Criteria => t!(survey_page_round_criteria),
            Round::Customers => t!(survey_page_round_customers),
            // A newer build's round: its name as written.
            Round::Unlisted(text) => text,
        };
        let round_line = if coordinator.is_empty() {
            round_text.to_owned()
        } else {
            t!(
                survey_page_round_from,
                round = round_text,
                name = coordinator
            )
        };
        let body = if mine {
            view! {
                <section aria-labelledby="send-heading">
                    <h2 id="send-heading">{tv!(survey_page_send_heading)}</h2>
                    <p>{tn!(survey_page_send_hint, minutes)}</p>
                    <ExportControl
                        label=t!(survey_page_export)
                        make=Callback::new(move |()| store.workspace.with_untracked(|w| Export::survey(w, id)))
                    />
                </section>
                <section aria-labelledby="answers-heading">
                    <h2 id="answers-heading">{t!(survey_page_answers_heading, count = answers)}</h2>
                    <p>{tv!(survey_page_answers_hint)}</p>
                    <FilePicker/>
                </section>
                {match round {
                    Round::Criteria => view! { <RoundTwoKinds id/> <TallyTable id/> }.into_any(),
                    Round::Customers => view! { <RoundTwoResults id/> }.into_any(),
                    Round::Unlisted(_) => view! { <p>{crate::messages::round_unknown()}</p> }.into_any(),
                }}
                <details class="answer-yourself">
                    <summary>{tv!(survey_page_answer_yourself)}</summary>
                    <AnswerForm id/>
                </details>
            }
            .into_any()
        } else {
            view! { <AnswerForm id/> }.into_any()
        };
        view! {
            <div class="page-head">
                <h1 tabindex="-1">{title}</h1>
                <p class="actions">
                    <a href=Route::Surveys.href()>{tv!(survey_page_all)}</a>
                    <button type="button" class="secondary" disabled=locked on:click=delete>{tv!(survey_page_delete)}</button>
                </p>
            </div>
            <p class="meta">{round_line}</p>
            {body}
        }
        .into_any()
    }
}
