//! The column mapping of a CSV file from a CRM, with a preview of its
//! first rows and every value that cannot be read, before the same merge
//! preview as a Clientele file.

use super::preview_records;
use crate::app::derived::Derived;
use crate::app::held::Held;
use crate::app::route::{Route, go_to};
use crate::app::state::{now, use_app_store};
use crate::app::when::When;
use crate::domain::csv::{self, MatchOn, Table, Target};
use crate::domain::share::Records;
use crate::messages;
use crate::tv;
use crate::{t, tn};
use leptos::prelude::*;

/// How many rows the preview shows.
const PREVIEW_ROWS: usize = 5;

/// The "Import a CSV file" screen.
#[component]
pub fn CsvImportPage() -> impl IntoView {
    let store = use_app_store();
    move || {
        match store.csv_file.get() {
        None => view! {
            <h1 tabindex="-1">{tv!(data_csv_title)}</h1>
            <p>{tv!(data_csv_none_waiting)}</p>
            <p><a href=Route::Data.href()>{tv!(data_import_choose_on_data_page)}</a></p>
        }
        .into_any(),
        Some(file) => match csv::parse(&file.text) {
            Err(e) => view! {
                <h1 tabindex="-1">{tv!(data_csv_title)}</h1>
                <p class="field-error" role="alert">{format!("{}: {}", file.name, messages::csv_error(&e))}</p>
                <p>{tv!(data_csv_nothing_changed)}</p>
                <p><button type="button" on:click=move |_| cancel(store)>{tv!(data_csv_back)}</button></p>
            }
            .into_any(),
            Ok(table) => view! { <Mapping name=file.name table/> }.into_any(),
        },
    }
    }
}

fn cancel(store: crate::app::state::AppStore) {
    store.csv_file.set(None);
    go_to(&Route::Data);
}

/// The mapping of a readable table.
#[component]
fn Mapping(
    /// The file's name.
    name: String,
    /// The file's table.
    table: Table,
) -> impl IntoView {
    let store = use_app_store();
    // The fields a column can fill: the profile's own, then the team's.
    let (targets, target_names, mapping) = store.workspace.with_untracked(|w| {
        let custom = &w.settings.custom_fields;
        let mut targets: Vec<Target> = Target::ALL.to_vec();
        let mut names: Vec<String> = Target::ALL.iter().map(|t| t.shown().to_owned()).collect();
        targets.extend(custom.iter().map(|f| Target::Custom(f.id)));
        names.extend(custom.iter().map(|f| f.name.clone()));
        (targets, names, csv::guess_mapping(&table.headers, custom))
    });
    let mapping = Held::new(mapping);
    let targets = StoredValue::new(targets);
    let match_on = Held::new(MatchOn::CompanyName);
    let table = StoredValue::new(table);
    let outcome = Derived::new(move || {
        let (mapping, match_on) = (mapping.get(), match_on.get());
        store.workspace.with(|w| {
            table.with_value(|t| {
                csv::read_rows(
                    t,
                    &mapping,
                    match_on,
                    &w.profiles,
                    &w.settings.custom_fields,
                    now(),
                )
            })
        })
    });
    let has_name = move || mapping.with(|m| m.contains(&Some(Target::CompanyName)));
    let choose = move |column: usize, target: Option<Target>| {
        mapping.update(|m| {
            // A field is filled from one column only.
            if target.is_some() {
                m.iter_mut()
                    .filter(|t| **t == target)
                    .for_each(|t| *t = None);
            }
            m[column] = target;
        });
    };
    let file_name = name.clone();
    let proceed = move |_| {
        let profiles = outcome.get_untracked().profiles;
        store.csv_file.set(None);
        preview_records(
            store,
            file_name.clone(),
            Records {
                profiles,
                ..Records::default()
            },
        );
    };
    let headers = table.with_value(|t| t.headers.clone());
    let preview_rows = table.with_value(|t| {
        t.rows
            .iter()
            .take(PREVIEW_ROWS)
            .cloned()
            .collect::<Vec<_>>()
    });
    let row_count = table.with_value(|t| t.rows.len());
    view! {
        <h1 tabindex="-1">{tv!(data_csv_title)}</h1>
        <p>{tn!(data_csv_intro, row_count, name = name)}</p>
        <section aria-labelledby="csv-columns-heading">
            <h2 id="csv-columns-heading">{tv!(data_csv_columns_heading)}</h2>
            <div class="csv-mapping">
                {headers.iter().enumerate().map(|(i, header)| {
                    let id = format!("csv-column-{i}");
                    let sample = preview_rows.iter().map(|r| r.cells[i].clone()).find(|c| !c.trim().is_empty()).unwrap_or_default();
                    view! {
                        <div class="field">
                            <label for=id.clone()>{t!(data_csv_column, header = header)}</label>
                            <select id=id on:change=move |ev| {
                                let at = event_target_value(&ev).parse::<usize>().ok();
                                choose(i, at.and_then(|at| targets.with_value(|all| all.get(at).copied())));
                            }>
                                <option value="" selected=move || mapping.with(|m| m[i].is_none())>{tv!(data_csv_not_imported)}</option>
                                {target_names.iter().enumerate().map(|(at, name)| {
                                    let t = targets.with_value(|all| all[at]);
                                    view! {
                                        <option value=at.to_string() selected=move || mapping.with(|m| m[i] == Some(t))>{name.clone()}</option>
                                    }
                                }).collect_view()}
                            </select>
                            <span class="hint">{(!sample.is_empty()).then(|| t!(data_csv_example, sample = sample))}</span>
                        </div>
                    }
                }).collect_view()}
            </div>
            <fieldset class="import-mode">
                <legend>{tv!(data_csv_match_by)}</legend>
                <label><input type="radio" name="csv-match" checked=move || match_on.get() == MatchOn::CompanyName
                    on:change=move |_| match_on.set(MatchOn::CompanyName) />" " {tv!(data_csv_match_company_name)}</label>
                <label><input type="radio" name="csv-match" checked=move || match_on.get() == MatchOn::WebDomain
                    on:change=move |_| match_on.set(MatchOn::WebDomain) />" " {tv!(data_csv_match_web_domain)}</label>
            </fieldset>
        </section>
        <section aria-labelledby="csv-preview-heading">
            <h2 id="csv-preview-heading">{tn!(data_csv_first_rows, preview_rows.len())}</h2>
            // Focusable, so that a keyboard can scroll a wide file's columns.
            <div class="table-scroll" tabindex="0" role="group" aria-labelledby="csv-preview-heading">
                <table class="csv-preview">
                    <thead><tr>
                        <th scope="col">{tv!(data_csv_line)}</th>
                        {headers.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {preview_rows.into_iter().map(|row| view! {
                            <tr>
                                <th scope="row">{row.line}</th>
                                {row.cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        <section aria-labelledby="csv-result-heading">
            <h2 id="csv-result-heading">{tv!(data_csv_result_heading)}</h2>
            <p role="status">{move || outcome.with(|o| t!(
                data_csv_result,
                created = tn!(data_csv_result_created, o.created),
                matched = tn!(data_csv_result_matched, o.matched),
                skipped = tn!(data_csv_result_skipped, o.skipped.len()),
                unread = tn!(data_csv_result_unread, o.errors.len()),
            ))}</p>
            <ul class="import-problems">
                {move || outcome.with(|o| {
                    let skipped = o.skipped.iter().map(|(line, skip)| view! {
                        <li>{t!(data_csv_row_skipped, line = line, reason = messages::row_skip(skip))}</li>
                    }).collect_view();
                    let errors = o.errors.iter().map(|e| view! {
                        <li>{t!(data_csv_cell_error, line = e.line, column = e.column, value = e.value, reason = messages::cell_error(&e.error))}</li>
                    }).collect_view();
                    (skipped, errors)
                })}
            </ul>
            <When when=move || !has_name()>
                <p class="field-error" role="alert">{tv!(data_csv_choose_company_name)}</p>
            </When>
        </section>
        <p class="actions">
            <button type="button" disabled=move || !has_name() || outcome.with(|o| o.profiles.is_empty()) on:click=proceed>
                {tv!(data_csv_continue)}
            </button>
            <button type="button" class="secondary" on:click=move |_| cancel(store)>{tv!(data_csv_cancel)}</button>
        </p>
    }
}
