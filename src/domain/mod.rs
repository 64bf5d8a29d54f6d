//! Plain Rust types and rules. Nothing here knows about the browser, Leptos or
//! storage, so every rule is tested natively with `cargo test`.

pub mod decimal;
pub mod id;
pub mod time;
pub mod workspace;

pub use decimal::{DecimalTextError, Money};
pub use id::WorkspaceId;
pub use time::Timestamp;
pub use workspace::{Workspace, WorkspaceNameError};
