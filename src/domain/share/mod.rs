//! Sharing records between workspaces by file: what a file carries
//! ([`Records`]), how a record is recognised across browsers (its stable id
//! and a [`fingerprint`] of its content), the export side ([`export`]) and
//! the merge of an imported file into a workspace ([`merge`], [`diff`]).
//!
//! How "changed here" is told from "changed there": every record carries a
//! version (see [`history`]) that says which edits, by which workspace, it
//! holds; a merge compares versions, then fields ([`slots`]), never clocks
//! of the machines.

pub mod check;
pub mod diff;
pub mod export;
pub mod fingerprint;
pub mod history;
pub mod merge;
pub mod records;
pub mod slots;

pub use export::{Export, FileKind, PersonalData};
pub use fingerprint::fingerprint;
pub use history::{Clock, Deleted, Tombstone, Version, Versions, settle};
pub use merge::{Change, ImportMode, MergeChoices, MergePreview, RecordChange, Resolution};
pub use records::{RecordKind, Records, Shared};
