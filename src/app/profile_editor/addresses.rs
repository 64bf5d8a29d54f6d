//! Addresses, one of which may be the headquarters.

use super::access::{ProfileAccess, RowAccess};
use super::row_list::{RowList, row_fields};
use crate::app::fields::{CheckboxInput, TextInput};
use crate::domain::profile::Address;
use crate::t;
use leptos::prelude::*;

/// The profile's addresses.
#[component]
pub fn AddressesSection(
    /// The profile being edited.
    profile: ProfileAccess,
) -> impl IntoView {
    view! {
        <RowList profile title=t!(profile_editor_addresses) id="address"
            add_label=t!(profile_editor_address_add) unnamed=t!(profile_editor_address_unnamed)
            empty=t!(profile_editor_addresses_empty)
            row=row_fields(move |row: RowAccess<Address>| {
                let make_hq = Callback::new(move |on: bool| {
                    super::access::edit_profile(row.store, row.profile, |p| {
                        if on { p.set_headquarters(row.id) } else {
                            p.addresses.iter_mut().filter(|a| a.id == row.id).for_each(|a| a.headquarters = false);
                        }
                    });
                });
                view! {
                    <TextInput label=t!(profile_editor_address_label) id=row.field_id("label")
                        value=row.get(|a| a.label.clone()) on_change=row.set(|a, v| a.label = v) />
                    <TextInput label=t!(profile_editor_address_text) id=row.field_id("text") multiline=true
                        value=row.get(|a| a.text.clone()) on_change=row.set(|a, v| a.text = v) />
                    <CheckboxInput label=t!(profile_editor_address_headquarters) id=row.field_id("hq")
                        checked=row.get(|a| a.headquarters) on_change=make_hq />
                }
            }) />
    }
}
