//! One ICP worksheet: the chart of top customers, the ideal profile derived
//! from it, and the fit check.

use super::csv_export::CsvExport;
use super::export_control::ExportControl;
use super::fields::{ChoiceInput, try_edit};
use super::ideal_profile::{FitCheck, IdealProfileView};
use super::keyed_list::{digest, snapshot_list};
use super::route::{Route, go_to};
use super::state::{AppStore, today, use_app_store};
use crate::app::derived::Derived;
use crate::app::held::Held;
use crate::app::when::When;
use crate::domain::csv::{CsvStyle, chart_csv};
use crate::domain::currency::{Basis, amount_text};
use crate::domain::icp::{ChartRow, ColumnSource, ColumnView, Worksheet, plain_number};
use crate::domain::input::InputError;
use crate::domain::profile::YesNoUnknown;
use crate::domain::share::Export;
use crate::domain::sorting::{sort_by_key_with, sort_with};
use crate::domain::{ColumnId, ProfileId, WorksheetId};
use crate::t;
use crate::tv;
use leptos::prelude::*;

fn edit_sheet(store: AppStore, id: WorksheetId, change: impl FnOnce(&mut Worksheet)) {
    store.workspace.update(|w| {
        if let Some(sheet) = w.worksheet_mut(id) {
            change(sheet);
        }
    });
}

/// The columns as shown now, tracked.
fn column_views(store: AppStore, id: WorksheetId) -> Vec<ColumnView> {
    store
        .workspace
        .with(|w| {
            w.worksheet(id)
                .map(|s| s.column_views(&w.profiles, &Basis::of(w, today())))
        })
        .unwrap_or_default()
}

/// The worksheet screen.
#[component]
pub fn WorksheetPage(
    /// The worksheet.
    id: WorksheetId,
) -> impl IntoView {
    let store = use_app_store();
    let locked = super::fields::locked();
    let exists = move || store.workspace.with(|w| w.worksheet(id).is_some());
    let name = move || {
        store
            .workspace
            .with(|w| w.worksheet(id).map(|s| s.name.clone()))
            .unwrap_or_default()
    };
    let typed_name = Held::new(name());
    let name_error = Held::new(None::<String>);
    // The workspace was replaced from outside: show the name it now has.
    Effect::new(move |previous: Option<()>| {
        store.replaced.track();
        if previous.is_some() {
            typed_name.set(untrack(name));
            name_error.set(None);
        }
    });
    let rename = move |ev| {
        let text = event_target_value(&ev);
        match crate::domain::input::parse_name(&text, crate::domain::limits::MAX_NAME_CHARS) {
            Ok(valid) => {
                name_error.set(None);
                edit_sheet(store, id, |s| s.name = valid);
            }
            Err(e) => name_error.set(Some(e.to_string())),
        }
        typed_name.set(text);
    };
    // A printed chart shown outside the team may leave out whom it charts.
    let hide_names = Held::new(false);
    let delete = move |_| {
        let confirmed = window()
            .confirm_with_message(t!(icp_worksheet_delete_confirm))
            .unwrap_or(false);
        if confirmed {
            store
                .workspace
                .update(|w| w.worksheets.retain(|s| s.id != id));
            go_to(&Route::Worksheets);
        }
    };
    view! {
        <When when=exists fallback=|| view! {
            <h1 tabindex="-1">{tv!(icp_worksheet_not_found)}</h1>
            <p><a href=Route::Worksheets.href()>{tv!(icp_worksheet_all)}</a></p>
        }>
            <div class="page-head">
                <h1 tabindex="-1">{name}</h1>
                // A block, not a paragraph: the export controls are
                // disclosures, which a paragraph may not hold.
                <div class="actions no-print">
                    <super::print_button::PrintButton/>
                    <ExportControl
                        label=t!(icp_worksheet_export)
                        make=Callback::new(move |()| store.workspace.with_untracked(|w| Export::worksheet(w, id, today())))
                    />
                    <CsvExport file="icp-chart" make=Callback::new(move |(style, _): (CsvStyle, bool)| {
                        let columns = store.workspace.with_untracked(|w| {
                            w.worksheet(id).map(|s| s.column_views(&w.profiles, &Basis::of(w, today())))
                        }).unwrap_or_default();
                        (chart_csv(&columns, !hide_names.get_untracked(), style), ChartRow::ALL.len())
                    }) hint=t!(icp_worksheet_csv_hint) />
                    <button type="button" class="secondary" disabled=locked on:click=delete>{tv!(icp_worksheet_delete)}</button>
                    <a href=Route::Worksheets.href()>{tv!(icp_worksheet_all)}</a>
                </div>
            </div>
            <p class="field no-print">
                <label>
                    <input type="checkbox" aria-label=t!(icp_worksheet_hide_names) prop:checked=move || hide_names.get()
                        on:change=move |ev| hide_names.set(event_target_checked(&ev)) />
                    " "{tv!(icp_worksheet_hide_names)}
                </label>
            </p>
            <div class="field no-print">
                <label for="worksheet-name">{tv!(icp_worksheet_name)}</label>
                <input id="worksheet-name" disabled=locked type="text" prop:value=move || typed_name.get() on:input=rename
                    aria-invalid=move || name_error.with(Option::is_some).then_some("true")
                    aria-describedby="worksheet-name-error" />
                <p id="worksheet-name-error" class="field-error" aria-live="polite">{move || name_error.get()}</p>
            </div>
            <ColumnPicker id />
            <Chart id hide_names />
            <IdealProfileView id />
            <FitCheck id />
        </When>
    }
}

/// Suggests customers to chart, biggest yearly spend first, the most loyal
/// first, or best score first, with the seed's reminder that loyal
/// customers count too.
#[component]
fn ColumnPicker(
    /// The worksheet.
    id: WorksheetId,
) -> impl IntoView {
    let store = use_app_store();
    let locked = super::fields::locked();
    // "spend", "loyalty" or "score": what suggestions are ordered by.
    let by = Held::new(String::from("spend"));
    let has_model = move || store.workspace.with(|w| w.model().is_some());
    // Customers not charted yet, best first by yearly spend, loyalty or
    // score, each with the figures it was ordered by.
    let suggestions = move || {
        let by = by.get();
        let today = today();
        store.workspace.with(|w| {
            let charted: Vec<ProfileId> = w
                .worksheet(id)
                .map(|s| s.columns.iter().filter_map(|c| c.profile).collect())
                .unwrap_or_default();
            let model = w.model().filter(|_| by == "score");
            // Spend and scores in the reporting currency; a customer whose
            // currency has no rate has no figure and comes last.
            let basis = crate::domain::scoring::Basis::of(w, today);
            let mut customers: Vec<_> = w
                .profiles
                .iter()
                .filter(|p| {
                    p.status == crate::domain::profile::Status::Customer && !charted.contains(&p.id)
                })
                .map(|p| {
                    let figure = match model {
                        Some(m) => crate::domain::scoring::score(m, p, &basis).score,
                        None => p
                            .yearly_spend()
                            .and_then(|k| basis.money.convert(k.value(), &p.currency)),
                    };
                    (p.id, p.name.clone(), figure, p.loyalty(today))
                })
                .collect();
            if by == "loyalty" {
                sort_with(&mut customers, |a, b| b.3.cmp(&a.3).then(a.1.cmp(&b.1)));
            } else {
                sort_with(&mut customers, |a, b| b.2.cmp(&a.2).then(a.1.cmp(&b.1)));
            }
            customers.truncate(8);
            customers
                .into_iter()
                .map(|(profile, name, figure, loyalty)| {
                    let meta = match (by.as_str(), figure) {
                        ("loyalty", _) => match loyalty.text() {
                            text if text.is_empty() => String::new(),
                            text => format!(" ({text})"),
                        },
                        (_, None) => String::new(),
                        ("score", Some(score)) => {
                            format!(" {}", t!(icp_picker_score, score = plain_number(score)))
                        }
                        (_, Some(spend)) => format!(
                            " {}",
                            t!(
                                icp_picker_spend,
                                amount = amount_text(spend, basis.money.reporting())
                            )
                        ),
                    };
                    (profile, name, meta)
                })
                .collect::<Vec<_>>()
        })
    };
    let add = move |profile: ProfileId| {
        store.workspace.update(|w| {
            let Some(found) = w.profile(profile).cloned() else {
                return;
            };
            let basis = Basis::of(w, today());
            if let Some(sheet) = w.worksheet_mut(id) {
                // Fill the first blank typed-in column, or add one.
                let blank = sheet
                    .columns
                    .iter()
                    .find(|c| c.profile.is_none() && c.values == Default::default())
                    .map(|c| c.id);
                let column = blank.unwrap_or_else(|| sheet.add_column());
                sheet.link(column, &found, &basis);
            }
        });
        // The list is drawn again without this customer: focus goes on to
        // the next suggestion, so that several can be added from the keyboard.
        request_animation_frame(|| {
            super::focus::focus_first(".suggestions>li>button");
        });
    };
    view! {
        <section aria-labelledby="picker-heading" class="no-print">
            <h2 id="picker-heading">{tv!(icp_picker_heading)}</h2>
            <p class="hint">{tv!(icp_picker_hint)}</p>
            // Outside the list, which redraws, so the choice keeps focus.
            <div class="field inline">
                <label for="suggest-by">{tv!(icp_picker_suggest_by)}</label>
                <select id="suggest-by" on:change=move |ev| by.set(event_target_value(&ev))>
                    <option value="spend" prop:selected=move || by.with(|b| b == "spend")>{tv!(icp_picker_by_spend)}</option>
                    <option value="loyalty" prop:selected=move || by.with(|b| b == "loyalty")>{tv!(icp_picker_by_loyalty)}</option>
                    <When when=has_model>
                        <option value="score" prop:selected=move || by.with(|b| b == "score")>{tv!(icp_picker_by_score)}</option>
                    </When>
                </select>
            </div>
            {move || {
                let list = suggestions();
                if list.is_empty() {
                    return view! { <p>{tv!(icp_picker_none)}</p> }.into_any();
                }
                view! {
                    <p>{move || by.with(|b| match b.as_str() {
                        "score" => t!(icp_picker_suggested_by_score),
                        "loyalty" => t!(icp_picker_suggested_by_loyalty),
                        _ => t!(icp_picker_suggested_by_spend),
                    })}</p>
                    <ul class="suggestions">
                        {list.into_iter().map(|(profile, name, meta)| {
                            view! {
                                <li>
                                    <button type="button" class="secondary" disabled=locked aria-label=t!(icp_picker_add_named, name = name)
                                        on:click=move |_| add(profile)>{tv!(icp_picker_add)}</button>
                                    " "{name.clone()}<span class="meta">{meta}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}

/// The chart: the eleven rows down, one customer a column.
#[component]
fn Chart(
    /// The worksheet.
    id: WorksheetId,
    /// Whether printing shows "Client #n" instead of linked customers' names.
    hide_names: Held<bool>,
) -> impl IntoView {
    let store = use_app_store();
    let columns = Derived::new(move || column_views(store, id));
    let profiles = move || {
        store.workspace.with(|w| {
            let mut all: Vec<(ProfileId, String)> =
                w.profiles.iter().map(|p| (p.id, p.name.clone())).collect();
            sort_by_key_with(&mut all, |(_, name)| name.to_lowercase());
            all
        })
    };
    let locked = super::fields::locked();
    let add_column = move |_| {
        edit_sheet(store, id, |s| {
            s.add_column();
        })
    };
    // A column is redrawn when its source changes (linking re-reads the
    // values); a new heading (a label typed, a profile renamed) is not a
    // new column, so the label's field keeps focus.
    let column_key = |c: &ColumnView| (c.id.as_uuid(), digest(&c.source));
    view! {
        <section aria-labelledby="chart-heading" class="chart-section" class:hide-names-in-print=move || hide_names.get()>
            <h2 id="chart-heading">{tv!(icp_chart_heading)}</h2>
            <p class="hint">{tv!(icp_chart_hint)}</p>
            // Drawn again when the workspace is replaced from outside, so
            // that cells start from the new values.
            {move || {
                store.replaced.track();
                view! {
            <div class="chart-scroll">
                <table class="chart">
                    <thead>
                        <tr>
                            <td></td>
                            {snapshot_list(move || columns.get(), column_key, move |column| view! {
                                <ColumnHeading sheet=id column columns profiles=Signal::derive(profiles) />
                            }.into_any())}
                        </tr>
                    </thead>
                    <tbody>
                        {ChartRow::ALL.into_iter().map(|row| view! {
                            <tr>
                                <th scope="row">
                                    {row.shown()}
                                    <span class="row-help">{row.help()}</span>
                                </th>
                                {snapshot_list(move || columns.get(), column_key, move |column| view! {
                                    <Cell sheet=id row column columns />
                                }.into_any())}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
                }
                .into_any()
            }}
            <button type="button" class="secondary no-print" disabled=locked on:click=add_column>{tv!(icp_chart_add_column)}</button>
        </section>
    }
}

/// A column's `text` now (its heading, its label), from the chart's memo.
fn column_text(
    columns: Derived<Vec<ColumnView>>,
    id: ColumnId,
    text: fn(&ColumnView) -> &String,
) -> String {
    columns.with(|all| {
        all.iter()
            .find(|c| c.id == id)
            .map(|c| text(c).clone())
            .unwrap_or_default()
    })
}

/// A column's heading now as the chart shows it, from the chart's memo.
fn heading_now(columns: Derived<Vec<ColumnView>>, id: ColumnId) -> String {
    columns.with(|all| {
        all.iter()
            .find(|c| c.id == id)
            .map(ColumnView::shown_heading)
            .unwrap_or_default()
    })
}

/// A column's heading: its name, its label, where its values come from,
/// and removal.
#[component]
fn ColumnHeading(
    /// The worksheet.
    sheet: WorksheetId,
    /// The column as shown when it was drawn.
    column: ColumnView,
    /// Every column as shown now (the chart's memo), for the live heading.
    columns: Derived<Vec<ColumnView>>,
    /// Every profile, for linking.
    profiles: Signal<Vec<(ProfileId, String)>>,
) -> impl IntoView {
    let store = use_app_store();
    let locked = super::fields::locked();
    let column_id = column.id;
    let linked = match column.source {
        ColumnSource::Linked(p) | ColumnSource::ProfileDeleted(p) => Some(p),
        ColumnSource::TypedIn => None,
    };
    let heading = move || heading_now(columns, column_id);
    let anonymous = move || column_text(columns, column_id, |c| &c.anonymous);
    // The label's field is named by the column's place, which typing in it
    // does not change.
    let place = move || {
        columns.with(|all| {
            all.iter()
                .position(|c| c.id == column_id)
                .map_or(0, |i| i + 1)
        })
    };
    let select_id = format!("source-{column_id}");
    let label_id = format!("label-{column_id}");
    let label_error_id = format!("{label_id}-error");
    let typed_label = Held::new(column.anonymous.clone());
    let label_error = Held::new(None::<String>);
    let on_label = move |ev| {
        let text = event_target_value(&ev);
        label_error.set(try_edit(store, &mut |w| match w.worksheet_mut(sheet) {
            Some(s) => s.set_label(column_id, &text),
            None => Ok(()),
        }));
        typed_label.set(text);
    };
    let on_source = move |ev| {
        let value = event_target_value(&ev);
        store.workspace.update(|w| {
            let profile = value
                .parse::<uuid::Uuid>()
                .ok()
                .map(ProfileId::from_uuid)
                .and_then(|p| w.profile(p).cloned());
            let basis = Basis::of(w, today());
            if let Some(s) = w.worksheet_mut(sheet) {
                match profile {
                    Some(profile) => s.link(column_id, &profile, &basis),
                    None => s.unlink(column_id),
                }
            }
        });
    };
    let remove = move |_| edit_sheet(store, sheet, |s| s.remove_column(column_id));
    let deleted = matches!(column.source, ColumnSource::ProfileDeleted(_));
    view! {
        <th scope="col">
            <span class="column-name" class:customer-name=linked.is_some()>{heading}</span>
            {linked.map(|_| view! { <span class="column-anonymous" aria-hidden="true">{anonymous}</span> })}
            {deleted.then(|| view! { <span class="badge overdue">{tv!(icp_column_profile_deleted)}</span> })}
            <span class="column-label no-print">
                <label for=label_id.clone()>{tv!(icp_column_label)}<span class="visually-hidden">{move || format!(" {}", t!(icp_column_label_place, place = place()))}</span></label>
                <input id=label_id type="text" disabled=locked prop:value=move || typed_label.get() on:input=on_label
                    aria-invalid=move || label_error.with(Option::is_some).then_some("true")
                    aria-describedby=label_error_id.clone() />
                <span class="field-error" id=label_error_id aria-live="polite">{move || label_error.get()}</span>
            </span>
            <label class="visually-hidden" for=select_id.clone()>{move || t!(icp_column_source, heading = heading())}</label>
            <select id=select_id class="no-print" disabled=locked on:change=on_source>
                <option value="" prop:selected=linked.is_none()>{tv!(icp_column_typed_in)}</option>
                {move || profiles.get().into_iter().map(|(p, name)| view! {
                    <option value=p.to_string() prop:selected=linked == Some(p)>{t!(icp_column_profile, name = name)}</option>
                }).collect_view()}
            </select>
            <button type="button" class="secondary no-print" disabled=locked aria-label=move || t!(icp_column_remove_named, heading = heading())
                on:click=remove>{tv!(icp_column_remove)}</button>
        </th>
    }
}

/// One cell: typed-in values are edited in the worksheet, linked ones in
/// the profile itself.
#[component]
fn Cell(
    /// The worksheet.
    sheet: WorksheetId,
    /// The row.
    row: ChartRow,
    /// The column as shown when it was drawn.
    column: ColumnView,
    /// Every column as shown now (the chart's memo), for live answers.
    columns: Derived<Vec<ColumnView>>,
) -> impl IntoView {
    let store = use_app_store();
    let column_id: ColumnId = column.id;
    let label = move || {
        t!(
            icp_cell_label,
            row = row.shown(),
            heading = heading_now(columns, column_id)
        )
    };
    let editable = match column.source {
        ColumnSource::TypedIn => true,
        ColumnSource::Linked(_) => row.editable_on_profile(),
        ColumnSource::ProfileDeleted(_) => false,
    };
    let source = column.source;
    if !editable {
        let note = match source {
            ColumnSource::Linked(_) => format!(" {}", t!(icp_cell_years_from_profile)),
            _ => String::new(),
        };
        let text = row.text(&column.values);
        return view! { <td class="read-only">{if text.is_empty() { "—".to_owned() } else { text }}<span class="meta">{note}</span></td> }.into_any();
    }
    if row.is_answer() {
        let answer = Signal::derive(move || {
            columns.with(|all| {
                all.iter()
                    .find(|c| c.id == column_id)
                    .map(|c| row.answer(&c.values))
                    .unwrap_or_default()
            })
        });
        let set = Callback::new(move |answer: YesNoUnknown| {
            store
                .workspace
                .update(|w| set_cell_answer(w, sheet, column_id, source, row, answer));
        });
        return view! { <td><ChoiceInput label=Signal::derive(label) id=format!("cell-{column_id}-{row:?}") value=answer on_change=set /></td> }.into_any();
    }
    // A linked cell starts from what was entered on the profile; a value the
    // chart computes (spend from the other period) shows as a placeholder.
    let (initial, placeholder) = match source {
        ColumnSource::Linked(profile) => {
            // In the profile's own currency: editing the cell edits it.
            let (entered, computed) = store
                .workspace
                .with_untracked(|w| {
                    w.profile(profile).map(|p| {
                        (
                            row.entered_on_profile(p, today()),
                            row.computed_on_profile(p, today()),
                        )
                    })
                })
                .unwrap_or_default();
            let placeholder = computed
                .filter(|_| entered.is_empty())
                .map(|c| t!(icp_cell_computed, value = c));
            (entered, placeholder)
        }
        _ => (row.text(&column.values), None),
    };
    let locked = super::fields::locked();
    let typed = Held::new(initial);
    let error = Held::new(None::<String>);
    let input_id = format!("cell-{column_id}-{row:?}");
    let error_id = format!("{input_id}-error");
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        error.set(try_edit(store, &mut |w| {
            set_cell_text(w, sheet, column_id, source, row, &text)
        }));
        typed.set(text);
    };
    let multiline = row == ChartRow::Purchases;
    let invalid = move || error.with(Option::is_some).then_some("true");
    view! {
        <td>
            <label class="visually-hidden" for=input_id.clone()>{label}</label>
            {if multiline {
                // A textarea prints only its visible lines; the copy below prints them all.
                view! { <textarea id=input_id disabled=locked rows="3" prop:value=move || typed.get() on:input=on_input
                    aria-invalid=invalid aria-describedby=error_id.clone()></textarea>
                    <div class="print-only pre" aria-hidden="true">{move || typed.get()}</div> }.into_any()
            } else {
                view! { <input id=input_id disabled=locked type="text" prop:value=move || typed.get() on:input=on_input
                    placeholder=placeholder aria-invalid=invalid aria-describedby=error_id.clone() /> }.into_any()
            }}
            <p class="field-error" id=error_id aria-live="polite">{move || error.get()}</p>
        </td>
    }
    .into_any()
}

/// Writes typed text into a cell: the worksheet's own values, or the linked
/// profile. Refused text changes nothing.
fn set_cell_text(
    w: &mut crate::domain::Workspace,
    sheet: WorksheetId,
    column: ColumnId,
    source: ColumnSource,
    row: ChartRow,
    text: &str,
) -> Result<(), InputError> {
    match source {
        ColumnSource::Linked(profile) => match w.profile_mut(profile) {
            Some(p) => row.set_on_profile(p, text),
            None => Ok(()),
        },
        _ => match w
            .worksheet_mut(sheet)
            .and_then(|s| s.columns.iter_mut().find(|c| c.id == column))
        {
            Some(c) => row.set(&mut c.values, text),
            None => Ok(()),
        },
    }
}

fn set_cell_answer(
    w: &mut crate::domain::Workspace,
    sheet: WorksheetId,
    column: ColumnId,
    source: ColumnSource,
    row: ChartRow,
    answer: YesNoUnknown,
) {
    match source {
        ColumnSource::Linked(profile) => {
            if let Some(p) = w.profile_mut(profile) {
                row.set_answer_on_profile(p, answer);
            }
        }
        _ => {
            if let Some(c) = w
                .worksheet_mut(sheet)
                .and_then(|s| s.columns.iter_mut().find(|c| c.id == column))
            {
                row.set_answer(&mut c.values, answer);
            }
        }
    }
}
