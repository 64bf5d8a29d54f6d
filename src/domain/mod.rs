//! Plain Rust types and rules. Nothing here knows about the browser, Leptos or
//! storage, so every rule is tested natively with `cargo test`.

pub mod account_plan;
pub mod attention;
pub mod brief;
pub mod case_study;
pub mod choice;
pub mod counts;
pub mod csv;
pub mod currency;
pub mod custom_field;
pub mod date;
pub mod decimal;
pub mod icp;
pub mod id;
pub mod input;
pub mod json;
pub mod limits;
pub mod locale;
pub mod naming;
pub mod open_enum;
pub mod portfolio;
pub mod profile;
pub mod profile_list;
pub mod profiles;
pub mod scoring;
pub mod share;
pub mod small_map;
pub mod sorting;
pub mod survey;
pub mod time;
pub mod workspace;

pub use date::{Birthday, Date};
pub use decimal::{DecimalTextError, Money};
pub use id::*;
pub use profile::Profile;
pub use time::Timestamp;
pub use workspace::Workspace;
