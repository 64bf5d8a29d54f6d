//! Addresses, one of which may be the headquarters.

use super::access::{ProfileAccess, RowAccess};
use super::row_list::{RowList, row_fields};
use crate::app::fields::{CheckboxInput, TextInput};
use crate::domain::profile::Address;
use leptos::prelude::*;

/// The profile's addresses.
#[component]
pub fn AddressesSection(
    /// The profile being edited.
    profile: ProfileAccess,
) -> impl IntoView {
    view! {
        <RowList profile title="Addresses" noun="address" empty="No address yet."
            row=row_fields(move |row: RowAccess<Address>| {
                let make_hq = Callback::new(move |on: bool| {
                    super::access::edit_profile(row.store, row.profile, |p| {
                        if on { p.set_headquarters(row.id) } else {
                            p.addresses.iter_mut().filter(|a| a.id == row.id).for_each(|a| a.headquarters = false);
                        }
                    });
                });
                view! {
                    <TextInput label="Address label" id=row.field_id("label")
                        value=row.get(|a| a.label.clone()) on_change=row.set(|a, v| a.label = v) />
                    <TextInput label="Address" id=row.field_id("text") multiline=true
                        value=row.get(|a| a.text.clone()) on_change=row.set(|a, v| a.text = v) />
                    <CheckboxInput label="Headquarters" id=row.field_id("hq")
                        checked=row.get(|a| a.headquarters) on_change=make_hq />
                }
            }) />
    }
}
