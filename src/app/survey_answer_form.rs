//! A rep's answer to a survey: quick, and needing nothing but the survey.

use super::export_control::ExportControl;
use super::fields::{CheckedInput, TextInput, locked};
use super::state::use_app_store;
use crate::app::derived::Derived;
use crate::app::when::When;
use crate::domain::profile::Status;
use crate::domain::share::Export;
use crate::domain::survey::asked::Asked;
use crate::domain::survey::{Round, Survey, SurveyAnswer, SurveyCriterion};
use crate::domain::{CriterionId, SurveyId};
use crate::messages;
use crate::tv;
use crate::{t, tn};
use leptos::prelude::*;

/// The answer form of survey `id`, kept in the workspace as it is filled.
#[component]
pub fn AnswerForm(
    /// The survey answered.
    id: SurveyId,
) -> impl IntoView {
    let store = use_app_store();
    let locked = locked();
    let survey = Derived::new(move || store.workspace.with(|w| w.survey(id).cloned()));
    let answer = Derived::new(move || store.workspace.with(|w| w.own_answer(id).cloned()));
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
            <h2 id="answer-heading">{tv!(survey_answer_heading)}</h2>
            <p class="hint">{move || tn!(survey_answer_time, minutes())}</p>
            <div class="field">
                <label for="answer-name">{tv!(survey_answer_name)}</label>
                <input id="answer-name" type="text" disabled=locked prop:value=name
                    on:input=move |ev| { let text = event_target_value(&ev); edit(&|a, _| a.respondent.clone_from(&text)); } />
            </div>
            {move || match round() {
                Round::Criteria => view! { <VoteList id survey answer edit=Callback::new(move |c: CriterionId| edit(&|a, s| { let _ = a.toggle_vote(s, c); })) /> }.into_any(),
                Round::Customers => view! { <CustomerRatings id survey answer /> }.into_any(),
                Round::Unlisted(_) => view! { <p>{crate::messages::round_unknown()}</p> }.into_any(),
            }}
            // Always on the page, so that finishing the answer is announced.
            <p role="status">
                {move || complete().then(|| t!(survey_answer_complete))}
            </p>
            <When
                when=complete
                fallback=move || view! {
                    <div class="answer-problems">
                        <p>{tv!(survey_answer_before_sending)}</p>
                        <ul>{move || problems().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    </div>
                }
            >
                <ExportControl label=t!(survey_answer_export) make=export/>
            </When>
        </section>
    }
}

/// Round 1: tick the criteria that matter most.
#[component]
fn VoteList(
    /// The survey.
    id: SurveyId,
    /// The survey, live.
    survey: Derived<Option<Survey>>,
    /// The rep's answer, live.
    answer: Derived<Option<SurveyAnswer>>,
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
            <legend>{move || t!(survey_answer_votes_legend, pick = pick())}</legend>
            <p class="hint" role="status">{move || t!(survey_answer_votes_ticked, ticked = votes().len(), pick = pick())}</p>
            // Drawn again only when the survey itself changes (the
            // coordinator's kinds), never on a tick: a keyed list would
            // cost more wasm than it saves.
            {move || criteria().into_iter().map(|criterion| {
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
                }).collect_view()}
        </fieldset>
    }
}

/// Round 2: name the best customers and rate each on every criterion.
#[component]
fn CustomerRatings(
    /// The survey.
    id: SurveyId,
    /// The survey, live.
    survey: Derived<Option<Survey>>,
    /// The rep's answer, live.
    answer: Derived<Option<SurveyAnswer>>,
) -> impl IntoView {
    let store = use_app_store();
    let count = move || survey.with(|s| s.as_ref().map_or(0, |s| usize::from(s.customers)));
    let criteria =
        move || survey.with(|s| s.as_ref().map(|s| s.criteria.clone()).unwrap_or_default());
    let currency =
        move || survey.with(|s| s.as_ref().map(|s| s.currency.clone()).unwrap_or_default());
    let update = move |change: Box<dyn Fn(&mut SurveyAnswer)>| {
        store.workspace.update(|w| {
            if let Some(a) = w.own_answer_mut(id) {
                change(a);
            }
        });
    };
    // A rep who keeps profiles here picks a best customer from them.
    let own_customers = Signal::derive(move || {
        store.workspace.with(|w| {
            w.profiles
                .iter()
                .filter(|p| p.status == Status::Customer)
                .map(|p| p.name.clone())
                .collect::<Vec<_>>()
        })
    });
    view! {
        <p>{tv!(survey_answer_customers_intro)}</p>
        {move || (0..count()).map(|i| {
            let n = i + 1;
            let name_id = format!("customer-{id}-{n}");
            let name = move || answer.with(|a| a.as_ref().and_then(|a| a.customers.get(i)).map(|c| c.name.clone()).unwrap_or_default());
            let why_id = format!("why-{id}-{n}");
            let why = move || answer.with(|a| a.as_ref().and_then(|a| a.customers.get(i)).map(|c| c.why.clone()).unwrap_or_default());
            view! {
                <fieldset class="rated-customer">
                    <legend>{t!(survey_answer_customer, number = n)}</legend>
                    <TextInput label=t!(survey_answer_customer_name, number = n) id=name_id value=Signal::derive(name)
                        on_change=Callback::new(move |text: String| update(Box::new(move |a| if let Some(c) = a.customers.get_mut(i) { c.name.clone_from(&text) })))
                        suggestions=own_customers />
                    <TextInput label=t!(survey_answer_customer_why, number = n) id=why_id value=Signal::derive(why) multiline=true
                        on_change=Callback::new(move |text: String| update(Box::new(move |a| if let Some(c) = a.customers.get_mut(i) { c.why.clone_from(&text) }))) />
                    <div class="rating-row">
                        {criteria().into_iter().map(|c| view! { <CustomerAnswer id n criterion=c answer currency=currency() /> }).collect_view()}
                    </div>
                </fieldset>
            }
        }).collect_view()}
    }
}

/// Best customer `n`'s answer to one criterion, asked in the criterion's
/// own kind.
#[component]
fn CustomerAnswer(
    /// The survey.
    id: SurveyId,
    /// Which best customer, from 1.
    n: usize,
    /// The criterion asked.
    criterion: SurveyCriterion,
    /// The rep's answer, live.
    answer: Derived<Option<SurveyAnswer>>,
    /// The currency amounts are given in (may be blank).
    currency: String,
) -> impl IntoView {
    let store = use_app_store();
    let locked = locked();
    let i = n - 1;
    let cid = criterion.id;
    let field_id = format!("rate-{id}-{n}-{cid}");
    let name = t!(
        survey_answer_criterion_for_customer,
        criterion = criterion.name,
        number = n
    );
    let given = move || {
        answer.with(|a| {
            a.as_ref()
                .and_then(|a| a.customers.get(i))
                .and_then(|k| k.values.get(&cid).cloned())
        })
    };
    let asked = criterion.asked();
    // A select for a rating or yes / no: (value, label) options after "—".
    let options: Vec<(String, String)> = match asked {
        Asked::Rating => {
            let meanings = criterion.meanings();
            (1..=5u8)
                .map(|r| {
                    let meaning = match r {
                        1 => meanings[0],
                        3 => meanings[1],
                        5 => meanings[2],
                        _ => "",
                    };
                    let label = if meaning.is_empty() {
                        r.to_string()
                    } else {
                        format!("{r} – {meaning}")
                    };
                    (r.to_string(), label)
                })
                .collect()
        }
        // The values are the codes an answer keeps; the labels are shown.
        Asked::YesNo => vec![
            ("yes".into(), t!(survey_answer_yes).into()),
            ("no".into(), t!(survey_answer_no).into()),
        ],
        _ => Vec::new(),
    };
    let current = move || match asked {
        Asked::Rating => answer.with(|a| {
            a.as_ref()
                .and_then(|a| a.customers.get(i))
                .and_then(|k| k.ratings.get(&cid).map(u8::to_string))
        }),
        _ => given(),
    };
    match asked {
        Asked::Rating | Asked::YesNo => view! {
            <div class="field">
                <label for=field_id.clone()>{criterion.name.clone()}</label>
                <select id=field_id disabled=locked aria-label=name
                    on:change=move |ev| {
                        let chosen = event_target_value(&ev);
                        store.workspace.update(|w| {
                            let Some(survey) = w.survey(id).cloned() else { return };
                            let Some(c) = survey.criterion(cid) else { return };
                            if let Some(a) = w.own_answer_mut(id) {
                                // The options are all valid: neither can be refused.
                                let _ = match asked {
                                    Asked::Rating => a.rate(i, cid, chosen.parse().ok()).is_ok(),
                                    _ => a.give(i, c, &chosen).is_ok(),
                                };
                            }
                        });
                    }>
                    <option value="" selected=move || current().is_none()>"—"</option>
                    {options.into_iter().map(|(value, label)| {
                        let this = value.clone();
                        view! { <option value=value selected=move || current().as_deref() == Some(this.as_str())>{label}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
        .into_any(),
        Asked::Number(_) | Asked::Category(_) => {
            let label = match asked {
                Asked::Number(m) if m.is_money() && !currency.is_empty() => t!(survey_answer_in_currency, label = name, currency = currency),
                _ => name,
            };
            let apply = Callback::new(move |typed: String| {
                let mut refused = None;
                store.workspace.update(|w| {
                    let Some(survey) = w.survey(id).cloned() else { return };
                    let Some(c) = survey.criterion(cid) else { return };
                    if let Some(a) = w.own_answer_mut(id) {
                        refused = a.give(i, c, &typed).err().map(|e| messages::input_error(&e));
                    }
                });
                refused
            });
            view! { <CheckedInput label id=field_id initial=given().unwrap_or_default() apply /> }.into_any()
        }
        Asked::Unreadable => view! {
            <p class="meta">{format!("{}: {}", criterion.name, messages::unreadable_value())}</p>
        }
        .into_any(),
    }
}
