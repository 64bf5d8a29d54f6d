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
    let delete = move |_| {
        let sure = window()
            .confirm_with_message("Delete this survey and the answers to it from this workspace?")
            .unwrap_or(false);
        if sure {
            store.workspace.update(|w| w.remove_survey(id));
            go_to(&Route::Surveys);
        }
    };
    move || {
        let Some((title, round, coordinator, mine, minutes, answers)) = head.get() else {
            return view! {
                <h1 tabindex="-1">"Survey not found"</h1>
                <p>"This survey is not in this workspace. Import the survey file first."</p>
                <p><a href=Route::Surveys.href()>"All surveys"</a></p>
            }
            .into_any();
        };
        let round_text = match round {
            Round::Criteria => "Round 1: which criteria make a customer one of our best",
            Round::Customers => "Round 2: rate your best customers on the top criteria",
            // A newer build's round: its name as written.
            Round::Unlisted(text) => text,
        };
        let from = if coordinator.is_empty() {
            String::new()
        } else {
            format!(" · from {coordinator}")
        };
        let body = if mine {
            view! {
                <section aria-labelledby="send-heading">
                    <h2 id="send-heading">"Send it to your reps"</h2>
                    <p>
                        {format!("Each rep opens the file in Clientele in their own browser (no setup needed), answers in about {minutes} minute{} and sends you their answer file.", if minutes == 1 { "" } else { "s" })}
                    </p>
                    <ExportControl
                        label="Export survey"
                        make=Callback::new(move |()| store.workspace.with_untracked(|w| Export::survey(w, id)))
                    />
                </section>
                <section aria-labelledby="answers-heading">
                    <h2 id="answers-heading">{format!("Answers received ({answers})")}</h2>
                    <p>"Import every answer file at once; an answer imported twice counts once."</p>
                    <FilePicker/>
                </section>
                {match round {
                    Round::Criteria => view! { <RoundTwoKinds id/> <TallyTable id/> }.into_any(),
                    Round::Customers => view! { <RoundTwoResults id/> }.into_any(),
                    Round::Unlisted(_) => view! { <p>{crate::messages::ROUND_UNKNOWN}</p> }.into_any(),
                }}
                <details class="answer-yourself">
                    <summary>"Answer it yourself"</summary>
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
                    <a href=Route::Surveys.href()>"All surveys"</a>
                    <button type="button" class="secondary" disabled=locked on:click=delete>"Delete survey"</button>
                </p>
            </div>
            <p class="meta">{format!("{round_text}{from}")}</p>
            {body}
        }
        .into_any()
    }
}
