//! The profile editor: one section for each group of the one-page profile.
//! Every field saves as it is typed; refused text stays with its reason.

mod access;
mod addresses;
mod company;
mod custom;
mod money;
mod parse;
mod people;
mod plans;
mod ratings;
mod relationship;
mod row_list;

use super::profile_actions::ProfileActions;
use super::route::Route;
use super::state::use_app_store;
use crate::app::when::When;
use crate::domain::ProfileId;
use crate::t;
use crate::tv;
use access::ProfileAccess;
use addresses::AddressesSection;
use company::CompanySection;
use custom::CustomSection;
use leptos::prelude::*;
use money::MoneySection;
use people::PeopleSection;
use plans::{
    AccountPlanSection, ActionPlanSection, CompetitorsSection, OpportunitiesSection,
    UpdateLogSection,
};
use ratings::RatingsSection;
use relationship::{FinancialSection, RelationshipSection};

/// Edits profile `id`, or says it does not exist.
#[component]
pub fn ProfileEditor(
    /// The profile to edit.
    id: ProfileId,
) -> impl IntoView {
    let store = use_app_store();
    let profile = ProfileAccess::new(store, id);
    let exists = move || profile.watch.read(|_| ()).is_some();
    let name = move || profile.watch.read(|p| p.name.clone()).unwrap_or_default();
    view! {
        <When when=exists fallback=|| view! { <super::profile_view::MissingProfile/> }>
            <div class="page-head">
                <h1 tabindex="-1">{move || t!(profile_editor_heading, name = name())}</h1>
                <p class="actions">
                    <a href=Route::Profile(id).href()>{tv!(profile_editor_view_one_page)}</a>
                    <a href=Route::Profiles.href()>{tv!(profile_all_profiles)}</a>
                </p>
            </div>
            <ProfileActions id />
            <p class="hint">{tv!(profile_editor_intro)}</p>
            // Drawn again when the workspace is replaced from outside, so
            // that checked fields start from the new values.
            {move || {
                store.replaced.track();
                view! {
                    <form class="editor" on:submit=|ev| ev.prevent_default()>
                        <CompanySection profile />
                        <AddressesSection profile />
                        <PeopleSection profile />
                        <MoneySection profile />
                        <RelationshipSection profile />
                        <FinancialSection profile />
                        <OpportunitiesSection profile />
                        <CompetitorsSection profile />
                        <ActionPlanSection profile />
                        <AccountPlanSection profile />
                        <UpdateLogSection profile />
                        <CustomSection profile />
                        <RatingsSection profile />
                    </form>
                }
                .into_any()
            }}
        </When>
    }
}
