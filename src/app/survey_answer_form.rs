//! A rep's answer to a survey: quick, and needing nothing but the survey.

use super::export_control::ExportControl;
use super::fields::locked;
use super::state::use_app_store;
use crate::domain::share::Export;
use crate::domain::survey::{Round, Survey, SurveyAnswer};
use crate::domain::{CriterionId, SurveyId};
use crate::messages;
use leptos::prelude::*;

/// The answer form of survey `id`, kept in the workspace as it is filled.
#[component]
pub fn AnswerForm(
    /// The survey answered.
    id: SurveyId,
) -> impl IntoView {
    let store = use_app_store();
    let locked = locked();
    let survey = Memo::new(move |_| store.workspace.with(|w| w.survey(id).cloned()));
    let answer = Memo::new(move |_| store.workspace.with(|w| w.own_answer(id).cloned()));
    let edit = move |change: &dyn Fn(&mut SurveyAnswer, &Survey)| {
        store.workspace.update(|w| {
            let Some(survey) = w.survey(id).cloned() else {
                return;
            };
            if let Some(answer) = w.own_answer_mut(id) {
                change(answer, &survey);
            }
        });
    };
    let name =
        move || answer.with(|a| a.as_ref().map(|a| a.respondent.clone()).unwrap_or_default());
    let problems = move || {
        let Some(survey) = survey.get() else {
            return Vec::new();
        };
        match answer.get() {
            Some(a) => a
                .problems(&survey)
                .iter()
                .map(messages::answer_error)
                .collect(),
            None => SurveyAnswer::new(&survey, String::new(), store.workspace.with(|w| w.id))
                .problems(&survey)
                .iter()
                .map(messages::answer_error)
                .collect(),
        }
    };
    let complete = move || problems().is_empty();
    let minutes = move || survey.with(|s| s.as_ref().map_or(1, Survey::estimated_minutes));
    let round = move || survey.with(|s| s.as_ref().map(|s| s.round).unwrap_or_default());
    let export = Callback::new(move |()| {
        store.workspace.with_untracked(|w| {
            w.own_answer(id)
                .and_then(|a| Export::survey_answer(w, a.id))
        })
    });
    view! {
        <section class="answer-form" aria-labelledby="answer-heading">
            <h2 id="answer-heading">"Your answer"</h2>
            <p class="hint">{move || format!("Takes about {} minute{}. Your answer is kept in this browser as you go.", minutes(), if minutes() == 1 { "" } else { "s" })}</p>
            <div class="field">
                <label for="answer-name">"Your name"</label>
                <input id="answer-name" type="text" disabled=locked prop:value=name
                    on:input=move |ev| { let text = event_target_value(&ev); edit(&|a, _| a.respondent.clone_from(&text)); } />
            </div>
            {move || match round() {
                Round::Criteria => view! { <VoteList id survey answer edit=Callback::new(move |c: CriterionId| edit(&|a, s| { let _ = a.toggle_vote(s, c); })) /> }.into_any(),
                Round::Customers => view! { <CustomerRatings id survey answer /> }.into_any(),
                Round::Unlisted(_) => view! { <p>{crate::messages::ROUND_UNKNOWN}</p> }.into_any(),
            }}
            // Always on the page, so that finishing the answer is announced.
            <p role="status">
                {move || complete().then_some("Your answer is complete. Download it and send the file to the coordinator.")}
            </p>
            <Show
                when=complete
                fallback=move || view! {
                    <div class="answer-problems">
                        <p>"Before you can send your answer:"</p>
                        <ul>{move || problems().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    </div>
                }
            >
                <ExportControl label="Export my answer" make=export/>
            </Show>
        </section>
    }
}

/// Round 1: tick the criteria that matter most.
#[component]
fn VoteList(
    /// The survey.
    id: SurveyId,
    /// The survey, live.
    survey: Memo<Option<Survey>>,
    /// The rep's answer, live.
    answer: Memo<Option<SurveyAnswer>>,
    /// Ticks or unticks a criterion.
    edit: Callback<CriterionId>,
) -> impl IntoView {
    let locked = locked();
    let pick = move || survey.with(|s| s.as_ref().map_or(0, |s| s.pick));
    let votes = move || answer.with(|a| a.as_ref().map(|a| a.votes.clone()).unwrap_or_default());
    let criteria =
        move || survey.with(|s| s.as_ref().map(|s| s.criteria.clone()).unwrap_or_default());
    view! {
        <fieldset class="votes">
            <legend>{move || format!("Which criteria make a customer one of our best? Tick up to {}.", pick())}</legend>
            <p class="hint" role="status">{move || format!("{} of {} ticked", votes().len(), pick())}</p>
            <For each=criteria key=|c| c.id let:criterion>
                {
                    let box_id = format!("vote-{id}-{}", criterion.id);
                    let cid = criterion.id;
                    let ticked = move || votes().contains(&cid);
                    let full = move || !ticked() && votes().len() >= usize::from(pick());
                    view! {
                        <div class="vote">
                            <input id=box_id.clone() type="checkbox" prop:checked=ticked
                                disabled=move || locked() || full()
                                on:change=move |_| edit.run(cid) />
                            <label for=box_id>{criterion.name.clone()}</label>
                            {(!criterion.description.is_empty()).then(|| view! { <span class="hint">{format!(" – {}", criterion.description)}</span> })}
                        </div>
                    }
                }
            </For>
        </fieldset>
    }
}

/// Round 2: name the best customers and rate each on every criterion.
#[component]
fn CustomerRatings(
    /// The survey.
    id: SurveyId,
    /// The survey, live.
    survey: Memo<Option<Survey>>,
    /// The rep's answer, live.
    answer: Memo<Option<SurveyAnswer>>,
) -> impl IntoView {
    let store = use_app_store();
    let locked = locked();
    let count = move || survey.with(|s| s.as_ref().map_or(0, |s| usize::from(s.customers)));
    let criteria =
        move || survey.with(|s| s.as_ref().map(|s| s.criteria.clone()).unwrap_or_default());
    let update = move |change: Box<dyn Fn(&mut SurveyAnswer)>| {
        store.workspace.update(|w| {
            if let Some(a) = w.own_answer_mut(id) {
                change(a);
            }
        });
    };
    view! {
        <p>"Name your best customers, say in your own words what makes them great, and rate each from 1 (poor) to 5 (excellent) on every criterion."</p>
        {move || (0..count()).map(|i| {
            let n = i + 1;
            let name_id = format!("customer-{id}-{n}");
            let name = move || answer.with(|a| a.as_ref().and_then(|a| a.customers.get(i)).map(|c| c.name.clone()).unwrap_or_default());
            let why_id = format!("why-{id}-{n}");
            let why = move || answer.with(|a| a.as_ref().and_then(|a| a.customers.get(i)).map(|c| c.why.clone()).unwrap_or_default());
            view! {
                <fieldset class="rated-customer">
                    <legend>{format!("Best customer {n}")}</legend>
                    <div class="field">
                        <label for=name_id.clone()>{format!("Name of best customer {n}")}</label>
                        <input id=name_id type="text" disabled=locked prop:value=name
                            on:input=move |ev| {
                                let text = event_target_value(&ev);
                                update(Box::new(move |a| if let Some(c) = a.customers.get_mut(i) { c.name.clone_from(&text) }));
                            } />
                    </div>
                    <div class="field">
                        <label for=why_id.clone()>"What makes them great?"<span class="visually-hidden">{format!(" Best customer {n}")}</span></label>
                        <textarea id=why_id rows="2" disabled=locked prop:value=why
                            on:input=move |ev| {
                                let text = event_target_value(&ev);
                                update(Box::new(move |a| if let Some(c) = a.customers.get_mut(i) { c.why.clone_from(&text) }));
                            }></textarea>
                    </div>
                    <div class="rating-row">
                        {criteria().into_iter().map(|c| {
                            let select_id = format!("rate-{id}-{n}-{}", c.id);
                            let cid = c.id;
                            let current = move || answer.with(|a| a.as_ref().and_then(|a| a.customers.get(i)).and_then(|k| k.ratings.get(&cid).copied()));
                            view! {
                                <div class="field">
                                    <label for=select_id.clone()>{c.name.clone()}</label>
                                    <select id=select_id disabled=locked
                                        aria-label=format!("{} for best customer {n}", c.name)
                                        on:change=move |ev| {
                                            let rating = event_target_value(&ev).parse::<u8>().ok();
                                            update(Box::new(move |a| { let _ = a.rate(i, cid, rating); }));
                                        }>
                                        <option value="" selected=move || current().is_none()>"—"</option>
                                        {(1..=5u8).map(|r| view! {
                                            <option value=r.to_string() selected=move || current() == Some(r)>{r.to_string()}</option>
                                        }).collect_view()}
                                    </select>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
            }
        }).collect_view()}
    }
}
