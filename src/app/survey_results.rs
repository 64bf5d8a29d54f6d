//! What the reps answered: the round-1 tally and the round-2 results.

use super::csv_export::CsvExport;
use super::fields::locked;
use super::route::{Route, go_to};
use super::state::{now, use_app_store};
use crate::app::derived::Derived;
use crate::app::held::Held;
use crate::domain::csv::{CsvStyle, survey_results_csv};
use crate::domain::survey::TOP_CRITERIA;
use crate::domain::survey::asked::{Asked, proposal_rule, proposal_text};
use crate::domain::survey::results::{
    agreement_rule, model_from_results, outlier_rule, results, vote_weights, weights_rule,
};
use crate::domain::survey::tally::{TopCut, tally};
use crate::domain::{CriterionId, SurveyId};
use crate::tv;
use crate::{t, tn};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// Round 1: votes per criterion, the top five, and the start of round 2.
#[component]
pub fn TallyTable(
    /// The round-1 survey.
    id: SurveyId,
) -> impl IntoView {
    let store = use_app_store();
    let locked = locked();
    let tally = Derived::new(move || {
        store.workspace.with(|w| {
            w.survey(id)
                .map(|s| tally(s, &w.answers_to(id)))
                .unwrap_or_default()
        })
    });
    let cut = Derived::new(move || tally.with(|t| t.cut(TOP_CRITERIA)));
    // The coordinator's choice among criteria tied for the last places;
    // it matters only until round 2 starts, so it is not stored.
    let chosen = Held::new(Vec::<CriterionId>::new());
    let top = move || cut.with(|c| chosen.with(|chosen| c.settled(chosen)));
    let round_two = move || {
        store
            .workspace
            .with(|w| w.round_two_of(id).map(|s| (s.id, s.title.clone())))
    };
    let start_round_two = move |_| {
        let Some(top) = top() else {
            return;
        };
        let mut next = None;
        store.workspace.update(|w| {
            // Started once: a second round 2 would split the reps' ratings.
            if let Some(existing) = w.round_two_of(id) {
                next = Some(existing.id);
            } else if let Some(survey) = w.survey(id).cloned() {
                // Reps give amounts in the coordinator's reporting currency.
                let currency = w.settings.reporting_currency(&w.profiles);
                next = Some(w.add_survey(survey.round_two(&top, &currency, now())));
            }
        });
        if let Some(next) = next {
            go_to(&Route::Survey(next));
        }
    };
    view! {
        <section aria-labelledby="tally-heading">
            <h2 id="tally-heading">{tv!(survey_tally_heading)}</h2>
            <p role="status">{move || tn!(survey_tally_counted, tally.with(|t| t.answers))}</p>
            <table class="tally">
                <thead><tr>
                    <th scope="col">{tv!(survey_tally_criterion)}</th>
                    <th scope="col" class="number">{tv!(survey_tally_votes)}</th>
                    <th scope="col">{tv!(survey_tally_top)}</th>
                </tr></thead>
                <tbody>
                    {move || {
                        // Drawn again when the tie's choice changes: the
                        // rows hold nothing to focus.
                        let answers = tally.with(|t| t.answers);
                        let cut = cut.get();
                        let chosen = chosen.get();
                        tally.get().rows.into_iter().map(|row| {
                            let id = row.criterion.id;
                            let place = if cut.sure.contains(&id) {
                                t!(survey_tally_in_top)
                            } else if !cut.tied.contains(&id) {
                                ""
                            } else if chosen.contains(&id) {
                                t!(survey_tally_chosen)
                            } else {
                                t!(survey_tally_tied)
                            };
                            view! {
                                <tr class:top=!place.is_empty()>
                                    <th scope="row">{row.criterion.name}</th>
                                    <td class="number">
                                        <meter min="0" max=answers.max(1).to_string() value=row.votes.to_string() aria-hidden="true"></meter>
                                        {format!(" {}", row.votes)}
                                    </td>
                                    <td>{place}</td>
                                </tr>
                            }
                        }).collect_view()
                    }}
                </tbody>
            </table>
            {move || match round_two() {
                Some((next, title)) => view! {
                    <p class="actions">
                        {tv!(survey_tally_round_two_started)}" "
                        <a href=Route::Survey(next).href()>{title}</a>
                    </p>
                }
                .into_any(),
                None => view! {
                    {move || cut.get().is_tied().then(|| view! { <TieChoice id cut chosen/> })}
                    <p class="actions">
                        <button type="button" disabled=move || locked() || top().is_none_or(|t| t.is_empty()) on:click=start_round_two>
                            {tv!(survey_tally_start_round_two)}
                        </button>
                    </p>
                    <p class="hint">{tv!(survey_tally_round_two_hint)}</p>
                }
                .into_any(),
            }}
        </section>
    }
}

/// The criteria tied for the last places of the top 5, for the coordinator
/// to choose from: the votes alone do not say which go to round 2, and the
/// order of a list should not decide it.
#[component]
fn TieChoice(
    /// The round-1 survey.
    id: SurveyId,
    /// Where the votes put the line.
    cut: Derived<TopCut>,
    /// The tied criteria chosen so far.
    chosen: Held<Vec<CriterionId>>,
) -> impl IntoView {
    let store = use_app_store();
    let locked = locked();
    let places = move || cut.with(|c| c.places);
    let picked =
        move || cut.with(|c| chosen.with(|ch| c.tied.iter().filter(|t| ch.contains(t)).count()));
    let name_of = move |criterion: CriterionId| {
        store.workspace.with(|w| {
            w.survey(id)
                .and_then(|s| s.criteria.iter().find(|c| c.id == criterion))
                .map(|c| c.name.clone())
                .unwrap_or_default()
        })
    };
    view! {
        <fieldset class="votes">
            <legend>{move || tn!(survey_tie_legend, places())}</legend>
            <p class="hint">{tv!(survey_tie_hint)}</p>
            // Drawn again whenever the line moves: this whole choice is.
            {cut.get_untracked().tied.into_iter().map(|criterion| {
                let field = format!("tie-{criterion}");
                let checked = move || chosen.with(|c| c.contains(&criterion));
                let full = move || !checked() && picked() >= places();
                view! {
                    <div class="vote">
                        <input type="checkbox" id=field.clone() prop:checked=checked disabled=move || locked() || full()
                            on:change=move |_| chosen.update(|c| {
                                if let Some(at) = c.iter().position(|x| *x == criterion) {
                                    c.remove(at);
                                } else {
                                    c.push(criterion);
                                }
                            })/>
                        <label for=field>{name_of(criterion)}<span class="visually-hidden">" "{tv!(survey_tie_goes_to_round_two)}</span></label>
                    </div>
                }
            }).collect_view()}
            <p role="status">{move || t!(survey_tie_chosen, chosen = picked(), places = places())}</p>
        </fieldset>
    }
}

/// Round 2: every criterion and customer, the agreement between reps, and
/// the model made from them.
#[component]
pub fn RoundTwoResults(
    /// The round-2 survey.
    id: SurveyId,
) -> impl IntoView {
    let store = use_app_store();
    let locked = locked();
    let found = Derived::new(move || {
        store.workspace.with(|w| {
            w.survey(id)
                .map(|s| results(s, &w.answers_to(id)))
                .unwrap_or_default()
        })
    });
    // The customers' table has a column per criterion, in the survey's order.
    let asked = move || {
        store.workspace.with(|w| {
            w.survey(id)
                .map(|s| {
                    s.criteria
                        .iter()
                        .map(|c| (c.name.clone(), c.asked()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let currency = move || {
        store
            .workspace
            .with(|w| w.survey(id).map(|s| s.currency.clone()).unwrap_or_default())
    };
    let weights = move || {
        store.workspace.with(|w| {
            w.survey(id)
                .map(|s| vote_weights(s, w.votes_behind(id).as_ref()))
                .unwrap_or_default()
        })
    };
    // What the page says of the model made here.
    let made = Held::new(None::<String>);
    let make_model = move |_| {
        store.workspace.update(|w| {
            let Some(survey) = w.survey(id).cloned() else {
                return;
            };
            let votes = w.votes_behind(id);
            let found = results(&survey, &w.answers_to(id));
            let mut model = model_from_results(w.model(), &survey, &found, votes.as_ref(), now());
            model.name = w.unused_model_name(&model.name);
            let name = model.name.clone();
            made.set(Some(if w.add_model_to_review(model) {
                t!(survey_results_made_active, name = name)
            } else {
                t!(survey_results_made_review, name = name)
            }));
        });
    };
    view! {
        <section aria-labelledby="criteria-results-heading">
            <h2 id="criteria-results-heading">{tv!(survey_results_criteria_heading)}</h2>
            <p role="status">{move || tn!(survey_results_counted, found.with(|r| r.answers))}</p>
            // Wide tables scroll in a box of their own, not the page (WCAG
            // 1.4.10); focusable, so that a keyboard can scroll them.
            <div class="table-scroll" tabindex="0" role="group" aria-labelledby="criteria-results-heading">
            <table class="survey-results">
                <thead><tr>
                    <th scope="col">{tv!(survey_results_criterion)}</th><th scope="col" class="number">{tv!(survey_results_ratings)}</th>
                    <th scope="col" class="number">{tv!(survey_results_mean)}</th><th scope="col" class="number">{tv!(survey_results_spread)}</th>
                    <th scope="col">{tv!(survey_results_range)}</th><th scope="col">{tv!(survey_results_agreement)}</th><th scope="col">{tv!(survey_results_each_rep)}</th>
                </tr></thead>
                <tbody>
                    {move || found.get().criteria.into_iter().map(|c| {
                        let asked = c.criterion.asked();
                        if asked != Asked::Rating {
                            // Another kind: what the best customers look like.
                            let said = c.summary.shown(asked, &currency());
                            return view! {
                                <tr>
                                    <th scope="row">{c.criterion.name}</th>
                                    <td colspan="6">{said}</td>
                                </tr>
                            }
                            .into_any();
                        }
                        view! {
                        <tr>
                            <th scope="row">{c.criterion.name}</th>
                            <td class="number">{c.ratings}</td>
                            <td class="number">{dec(c.mean)}</td>
                            <td class="number">{dec(c.spread)}</td>
                            <td>{c.range.map(|(a, b)| format!("{a}–{b}")).unwrap_or_default()}</td>
                            <td>{c.agreement.shown()}</td>
                            <td>{c.by_rep.into_iter().map(|m| {
                                if m.outlier {
                                    let text = t!(survey_results_outlier, rep = m.respondent, mean = dec(m.mean));
                                    view! { <span class="outlier">{text}</span>" " }.into_any()
                                } else {
                                    let text = format!("{}: {}", m.respondent, dec(m.mean));
                                    view! { <span>{text}</span>" " }.into_any()
                                }
                            }).collect_view()}</td>
                        </tr>
                        }
                        .into_any()
                    }).collect_view()}
                </tbody>
            </table>
            </div>
            <p class="hint">{agreement_rule()} " " {outlier_rule()}</p>
        </section>
        <section aria-labelledby="customer-results-heading">
            <h2 id="customer-results-heading">{tv!(survey_results_customers_heading)}</h2>
            <div class="table-scroll" tabindex="0" role="group" aria-labelledby="customer-results-heading">
            <table class="survey-results">
                <thead><tr>
                    <th scope="col">{tv!(survey_results_customer)}</th><th scope="col">{tv!(survey_results_named_by)}</th>
                    {move || asked().into_iter().map(|(n, asked)| view! { <th scope="col" class:number=numeric(asked)>{n}</th> }).collect_view()}
                    <th scope="col" class="number">{tv!(survey_results_overall)}</th>
                    <th scope="col">{tv!(survey_results_why)}</th>
                </tr></thead>
                <tbody>
                    {move || {
                        // Read once for the whole table, not per row.
                        let (columns, currency) = (asked(), currency());
                        found.get().customers.into_iter().map(|c| view! {
                        <tr>
                            <th scope="row">{c.name}</th>
                            <td>{c.reps.join(", ")}</td>
                            {c.ratings.into_iter().zip(c.answers).zip(&columns).map(|((r, answer), (_, asked))| {
                                let asked = *asked;
                                let cell = match asked {
                                    Asked::Rating => r.map(dec).unwrap_or_else(|| "—".into()),
                                    _ => answer.cell(asked, &currency),
                                };
                                view! { <td class:number=numeric(asked)>{cell}</td> }
                            }).collect_view()}
                            <td class="number">{c.overall.map(dec).unwrap_or_else(|| "—".into())}</td>
                            <td class="reasons">{c.reasons.into_iter().map(|(rep, words)| view! {
                                <p>{t!(survey_results_reason, words = words, rep = rep)}</p>
                            }).collect_view()}</td>
                        </tr>
                    }).collect_view()
                    }}
                </tbody>
            </table>
            </div>
        </section>
        <section aria-labelledby="weights-heading">
            <h2 id="weights-heading">{tv!(survey_results_weights_heading)}</h2>
            <p>{weights_rule()} " " {proposal_rule()}</p>
            <ul class="vote-weights">
                {move || weights().into_iter().map(|(c, weight)| {
                    let proposed = found.with(|r| {
                        r.criteria.iter().find(|f| f.criterion.id == c.id)
                            .and_then(|f| f.summary.proposed_kind(&f.criterion))
                            .map(|kind| proposal_text(&kind))
                    });
                    let text = match proposed {
                        Some(proposal) => t!(survey_results_weight_proposed, name = c.name, weight = weight, proposal = proposal),
                        None => t!(survey_results_weight, name = c.name, weight = weight),
                    };
                    view! { <li>{text}</li> }
                }).collect_view()}
            </ul>
            <CsvExport file="survey-results" make=Callback::new(move |(style, _): (CsvStyle, bool)| {
                let text = found.with_untracked(|r| survey_results_csv(r, &weights(), &currency(), style));
                (text, found.with_untracked(|r| r.criteria.len()))
            }) hint=t!(survey_results_csv_hint) />
            <button type="button" disabled=move || locked() || found.with(|r| r.answers == 0) on:click=make_model>
                {tv!(survey_results_make_model)}
            </button>
            <p role="status">
                {move || made.get().map(|said| view! {
                    {said}
                    " "
                    <a href=Route::ScoringModel.href()>{tv!(survey_results_review)}</a>
                })}
            </p>
        </section>
    }
}

/// A rating's average or spread for reading, as exact as it is ("4.5",
/// "3.67"), with the decimal mark of the interface's language ("4,5").
fn dec(d: Decimal) -> String {
    let text = d.normalize().to_string();
    match crate::i18n::language().separators() {
        (_, '.') => text,
        (_, point) => text.replace('.', &point.to_string()),
    }
}

/// Whether answers asked as `asked` are numbers, set right in a table.
fn numeric(asked: Asked) -> bool {
    matches!(asked, Asked::Rating | Asked::Number(_))
}
