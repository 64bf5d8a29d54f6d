//! The list of profiles: create, search as you type, filter, sort.

use super::csv_export::CsvExport;
use super::export_control::ExportControl;
use super::keyed_list::{digest, snapshot_list};
use super::route::{Route, go_to};
use super::show_more::{ROWS_AT_A_TIME, ShowMore};
use super::state::{now, use_app_store};
use crate::app::derived::Derived;
use crate::app::held::Held;
use crate::app::when::When;
use crate::domain::choice::Choice;
use crate::domain::csv::{CsvStyle, profiles_csv};
use crate::domain::locale::money;
use crate::domain::profile::Status;
use crate::domain::profile_list::{ProfileQuery, SortKey};
use crate::domain::share::Export;
use crate::domain::share::export::leave_out_personal_data;
use crate::domain::{Profile, ProfileId};
use crate::tv;
use crate::{t, tn};
use leptos::prelude::*;

/// One row of the list, worked out from a profile. Rows are keyed by their
/// whole content, so a row is redrawn exactly when what it shows changes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct ListRow {
    id: ProfileId,
    name: String,
    status: &'static str,
    industry: String,
    yearly: String,
    profitability: String,
    reviewed: String,
}

/// The profiles screen.
#[component]
pub fn ProfilesPage() -> impl IntoView {
    let store = use_app_store();
    let query = Held::new(ProfileQuery::default());
    let total = move || store.workspace.with(|w| w.profiles.len());
    let rows = Derived::new(move || {
        let query = query.get();
        store.workspace.with(|w| {
            query
                .run(&w.profiles, &w.converter())
                .into_iter()
                .map(|i| {
                    let p = &w.profiles[i];
                    ListRow {
                        id: p.id,
                        name: p.name.clone(),
                        status: p.status.shown(),
                        industry: p.industry.clone(),
                        // In the profile's own currency, which is named.
                        yearly: p
                            .yearly_spend()
                            .map(|k| money(k.value(), &p.currency))
                            .unwrap_or_default(),
                        profitability: p
                            .profitability()
                            .map(|v| money(v, &p.currency))
                            .unwrap_or_default(),
                        reviewed: p
                            .last_reviewed
                            .map_or_else(|| t!(profile_list_never).to_owned(), |d| d.shown()),
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let limit = Held::new(ROWS_AT_A_TIME);
    let industries = move || {
        store
            .workspace
            .with(|w| ProfileQuery::industries(&w.profiles))
    };
    // Profiles ticked for export; kept across searches so a selection can
    // be built from several.
    // Kept as UUIDs: the set's code is then the one other id sets use.
    let selected = Held::new(std::collections::HashSet::<uuid::Uuid>::new());
    // The selected profiles still here, in the workspace's order.
    let chosen = move |w: &crate::domain::Workspace| -> Vec<ProfileId> {
        selected.with(|s| {
            w.profiles
                .iter()
                .map(|p| p.id)
                .filter(|id| s.contains(&id.as_uuid()))
                .collect()
        })
    };
    let export_selected = Callback::new(move |()| {
        store.workspace.with_untracked(|w| {
            let ids = untrack(|| chosen(w));
            (!ids.is_empty()).then(|| Export::profiles(w, &ids))
        })
    });
    let selected_count = move || store.workspace.with(|w| chosen(w).len());
    // "Select all" takes every profile that matches the search and filters,
    // also the rows not drawn yet: a selection for export is about what
    // matches, not about how far the list was scrolled.
    let all_matching_selected = move || {
        let matching = rows.with(|r| r.iter().map(|row| row.id).collect::<Vec<_>>());
        !matching.is_empty()
            && selected.with(|s| matching.iter().all(|id| s.contains(&id.as_uuid())))
    };
    let select_all_matching = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        let matching = rows.with_untracked(|r| r.iter().map(|row| row.id).collect::<Vec<_>>());
        selected.update(|s| {
            for id in matching {
                if on {
                    s.insert(id.as_uuid());
                } else {
                    s.remove(&id.as_uuid());
                }
            }
        });
    };
    let csv_of_rows = Callback::new(move |(style, leave_out): (CsvStyle, bool)| {
        let ids: Vec<ProfileId> = rows.with_untracked(|r| r.iter().map(|row| row.id).collect());
        store.workspace.with_untracked(|w| {
            let mut profiles: Vec<Profile> =
                w.profiles_of(&ids).into_iter().flatten().cloned().collect();
            if leave_out {
                profiles.iter_mut().for_each(leave_out_personal_data);
            }
            (
                profiles_csv(&profiles, &w.settings.custom_fields, style),
                profiles.len(),
            )
        })
    });
    let count_text = move || {
        let (matching, total) = (rows.with(Vec::len), total());
        if matching == total {
            tn!(shared_profile_count, total)
        } else {
            let matching = crate::i18n::language().integer(matching as u64);
            tn!(profile_list_matching, total, matching = matching)
        }
    };
    view! {
        <div class="page-head">
            <h1 tabindex="-1">{tv!(profile_list_heading)}</h1>
        </div>
        <NewProfileForm/>
        <section aria-labelledby="find-heading">
            <h2 id="find-heading" class="visually-hidden">{tv!(profile_list_find)}</h2>
            <div class="filters">
                <div class="field">
                    <label for="profile-search">{tv!(profile_list_search)}</label>
                    <input id="profile-search" type="search" autocomplete="off"
                        prop:value=move || query.with(|q| q.search.clone())
                        on:input=move |ev| query.update(|q| q.search = event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="profile-status">{tv!(profile_list_status)}</label>
                    <select id="profile-status" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        query.update(|q| q.status = Status::from_key(&v));
                    }>
                        <option value="">{tv!(profile_list_all_statuses)}</option>
                        {Status::ALL.iter().map(|s| view! { <option value=s.key()>{s.shown()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="profile-industry">{tv!(profile_list_industry)}</label>
                    <select id="profile-industry" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        query.update(|q| q.industry = (!v.is_empty()).then_some(v));
                    }>
                        <option value="">{tv!(profile_list_all_industries)}</option>
                        {move || industries().into_iter().map(|i| {
                            let selected = { let i = i.clone(); move || query.with(|q| q.industry.as_deref() == Some(i.as_str())) };
                            view! { <option value=i.clone() prop:selected=selected>{i.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="profile-sort">{tv!(profile_list_sort)}</label>
                    <select id="profile-sort" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        query.update(|q| q.sort = SortKey::from_key(&v).unwrap_or_default());
                    }>
                        {SortKey::ALL.iter().map(|k| view! { <option value=k.key()>{k.label()}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <p role="status" class="hint">{count_text}</p>
            <div class="toolbar">
                <CsvExport file="profiles" personal_data=true make=csv_of_rows
                    hint=t!(profile_list_csv_hint)/>
                <a href=Route::Portfolio.href()>{tv!(profile_list_portfolio)}</a>
                <span class="hint">{move || tn!(profile_list_selected, selected_count())}</span>
                <When when=move || selected_count() != 0>
                    <ExportControl label=t!(profile_list_export_selected) make=export_selected/>
                    <button type="button" class="secondary" on:click=move |_| selected.set(Default::default())>
                        {tv!(profile_list_clear_selection)}
                    </button>
                </When>
            </div>
            // Rows are laid out one by one (see `.long-list` in the style
            // sheet), so the table's roles are stated.
            <table class="profile-table long-list profiles-list" role="table">
                <caption class="visually-hidden">{tv!(profile_list_heading)}</caption>
                <thead role="rowgroup">
                    <tr role="row">
                        <th role="columnheader" scope="col" class="select">
                            <input
                                type="checkbox"
                                aria-label=t!(profile_list_select_all)
                                prop:checked=all_matching_selected
                                on:change=select_all_matching
                            />
                        </th>
                        <th role="columnheader" scope="col">{tv!(profile_list_company)}</th>
                        <th role="columnheader" scope="col">{tv!(profile_list_status)}</th>
                        <th role="columnheader" scope="col">{tv!(profile_list_industry)}</th>
                        <th role="columnheader" scope="col" class="number">{tv!(profile_list_yearly_spend)}</th>
                        <th role="columnheader" scope="col" class="number">{tv!(profile_list_profitability)}</th>
                        <th role="columnheader" scope="col">{tv!(profile_list_last_reviewed)}</th>
                    </tr>
                </thead>
                <tbody role="rowgroup">
                    // Keyed by everything a row shows: a changed row is
                    // drawn again, the others stay.
                    {snapshot_list(
                        move || rows.with(|r| r.iter().take(limit.get()).cloned().collect::<Vec<_>>()),
                        |row| (row.id.as_uuid(), digest(row)),
                        move |row| view! {
                        <tr role="row">
                            <td role="cell" class="select">
                                <input
                                    type="checkbox"
                                    aria-label=t!(profile_list_select_one, name = row.name)
                                    prop:checked=move || selected.with(|s| s.contains(&row.id.as_uuid()))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        selected.update(|s| if on { s.insert(row.id.as_uuid()); } else { s.remove(&row.id.as_uuid()); });
                                    }
                                />
                            </td>
                            <th role="rowheader" scope="row"><a href=Route::Profile(row.id).href()>{row.name}</a></th>
                            <td role="cell">{row.status}</td>
                            <td role="cell">{row.industry}</td>
                            <td role="cell" class="number">{row.yearly}</td>
                            <td role="cell" class="number">{row.profitability}</td>
                            <td role="cell">{row.reviewed}</td>
                        </tr>
                    }.into_any())}
                </tbody>
            </table>
            <ShowMore limit total=Signal::derive(move || rows.with(Vec::len)) what=t!(profile_show_more_profiles)/>
        </section>
    }
}

/// Creates a profile from a company name and opens its editor.
#[component]
fn NewProfileForm() -> impl IntoView {
    let store = use_app_store();
    let name = Held::new(String::new());
    let error = Held::new(None::<String>);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Err(e) = Profile::validate_name(&name.get_untracked()) {
            error.set(Some(e.to_string()));
            return;
        }
        let mut created = None;
        store
            .workspace
            .update(|w| created = w.add_profile(&name.get_untracked(), now()).ok());
        if let Some(id) = created {
            name.set(String::new());
            error.set(None);
            go_to(&Route::EditProfile(id));
        }
    };
    view! {
        <form class="new-profile" on:submit=create>
            <div class="field">
                <label for="new-profile-name">{tv!(profile_list_new_name)}</label>
                <input id="new-profile-name" type="text" prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                    disabled=move || !store.is_editable()
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    aria-describedby="new-profile-error" />
                <p id="new-profile-error" class="field-error" aria-live="polite">{move || error.get()}</p>
            </div>
            <button type="submit" disabled=move || !store.is_editable()>{tv!(profile_list_create)}</button>
        </form>
    }
}
