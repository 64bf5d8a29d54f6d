//! Every sentence a user reads about a problem, in one place, so that the
//! wording stays consistent and can be reviewed (or translated) together.
//! Errors elsewhere are typed enums whose `Display` comes from here.

use crate::domain::csv::{CellError, CsvError, RowSkip};
use crate::domain::currency::RateLineError;
use crate::domain::date::{BirthdayError, DateError};
use crate::domain::decimal::DecimalTextError;
use crate::domain::input::InputError;
use crate::domain::limits::{
    MAX_CSV_COLUMNS, MAX_CSV_ROWS, MAX_DECIMALS, MAX_DIGITS, MAX_NAME_CHARS,
};
use crate::domain::share::check::{Repair, Skip};
use crate::domain::survey::AnswerError;
use crate::format::{FormatError, MigrationNote, RecordFault, RecordProblem};
use crate::storage::{StorageError, StorageKey};

/// Why a stored decimal (money, a weight) was refused.
pub fn decimal_text_error(error: &DecimalTextError) -> String {
    match error {
        DecimalTextError::Empty => "An amount is empty.".to_owned(),
        DecimalTextError::NotANumber(text) => {
            format!("\"{text}\" is not an amount. Amounts are written like \"12500.50\".")
        }
        DecimalTextError::TooManyDigits(text) => {
            format!(
                "\"{text}\" has more than {MAX_DIGITS} digits, more than Clientele can keep exactly."
            )
        }
        DecimalTextError::TooManyDecimals(text) => {
            format!("\"{text}\" has more than {MAX_DECIMALS} digits after the decimal point.")
        }
        DecimalTextError::JsonNumber(text) => format!(
            "The amount {text} is a bare number; amounts must be written as text, like \"{text}\", \
             so that no digit is lost."
        ),
    }
}

/// Why saved data (a file or what the browser stored) could not be read.
pub fn format_error(error: &FormatError) -> String {
    match error {
        FormatError::Empty => "The data is empty.".to_owned(),
        FormatError::NotJson { detail } => {
            format!("The data is not a Clientele file: it is not valid JSON ({detail}).")
        }
        FormatError::NotClientele { found: Some(name) } => {
            format!("This is not a Clientele file: it says it is a \"{name}\" file.")
        }
        FormatError::NotClientele { found: None } => {
            "This is not a Clientele file: it has no \"format\": \"clientele\" marker.".to_owned()
        }
        FormatError::BadVersion => {
            "This Clientele file has no valid schema version, so it cannot be read safely."
                .to_owned()
        }
        FormatError::NewerVersion { found, supported } => format!(
            "This data was saved by a newer version of Clientele (schema version {found}; this one reads \
             up to {supported}). Open it with a newer Clientele; nothing has been changed."
        ),
        FormatError::MigrationFailed { from, detail } => format!(
            "This data from schema version {from} could not be brought up to date ({detail}). \
             Nothing has been changed."
        ),
        FormatError::TooLarge { bytes, limit } => format!(
            "This file is {} MB, larger than the {} MB Clientele reads (more than a backup of a \
             browser's full storage takes). Nothing has been changed.",
            megabytes_over(*bytes, *limit),
            megabytes(*limit)
        ),
        FormatError::PackedFile => "This is browser storage data, not an exported file: Clientele \
            reads packed data only from its own storage. In the browser that holds the workspace, \
            use Data & backup → “Export everything” and import that file. Nothing has been \
            changed."
            .to_owned(),
        FormatError::UnpacksTooLarge { limit } => format!(
            "The data is packed, as this browser keeps it, but would unpack to more than the {} MB \
             Clientele reads. No workspace that fits in the browser is that large, so it is damaged.",
            megabytes(*limit)
        ),
        FormatError::UnknownKind { found } => format!(
            "This Clientele file holds \"{found}\", which this version does not know. Open it with a \
             newer Clientele; nothing has been changed."
        ),
        FormatError::Damaged { detail } => format!(
            "The data is packed, as this browser keeps it, but damaged and cannot be unpacked: \
             {detail}."
        ),
        FormatError::InvalidData { detail } => {
            format!("Part of the data is missing or has a wrong value: {detail}.")
        }
    }
}

/// Bytes as megabytes of 1,048,576 bytes with one decimal, for size
/// messages.
fn megabytes(bytes: u64) -> String {
    let tenths = (bytes * 10 + 524_288) / 1_048_576;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// The size of something over `limit`, rounded up: a file a few bytes over
/// the limit must not read as "75.0 MB, larger than the 75.0 MB".
fn megabytes_over(bytes: u64, limit: u64) -> String {
    let tenths = (bytes * 10).div_ceil(1_048_576);
    let limit_tenths = (limit * 10 + 524_288) / 1_048_576;
    let tenths = tenths.max(limit_tenths + 1);
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// What happened to one record of an imported file.
pub fn record_problem(problem: &RecordProblem) -> String {
    let which = match (&problem.name, problem.position) {
        (Some(name), _) => format!("{} “{name}”", problem.kind.label()),
        (None, 0) => format!("The list of {}", problem.kind.field().replace('_', " ")),
        (None, n) => format!("{} number {n}", problem.kind.label()),
    };
    match &problem.fault {
        RecordFault::Skipped(skip) => format!("{which} was not imported: {}.", skip_reason(skip)),
        RecordFault::Repaired(repair) => format!("{which}: {}", repair_text(repair)),
    }
}

fn skip_reason(skip: &Skip) -> String {
    match skip {
        Skip::Unreadable(detail) => {
            format!("part of it is missing or has a wrong value ({detail})")
        }
        Skip::NoName => "it has no name".to_owned(),
        Skip::DuplicateId => "the file lists it twice (the first one was read)".to_owned(),
        Skip::InvalidModel => "it has a negative weight or tier thresholds out of order".to_owned(),
        Skip::PointsOutOfRange => "a threshold gives points outside 0 to 100".to_owned(),
    }
}

fn repair_text(repair: &Repair) -> String {
    match repair {
        Repair::WebsiteRemoved(text) => {
            format!("the web address “{text}” is not an http or https address, so it was left out.")
        }
        Repair::EmailRemoved(text) => {
            format!("“{text}” is not an e-mail address, so it was left out.")
        }
        Repair::NameShortened { max } => {
            format!("the name was longer than {max} characters and was shortened.")
        }
        Repair::ReversedRange(field) => format!(
            "{field} was a range going down (its first number above its second), so it was left out."
        ),
        Repair::CurrencyRemoved(text) => {
            format!(
                "the currency “{text}” is not a three-letter code such as EUR, so it was left out."
            )
        }
        Repair::RatingRemoved => "a rating outside 1 to 5 was left out.".to_owned(),
        Repair::BirthdayRemoved => {
            "a person's birthday is not a real day, so it was left out.".to_owned()
        }
        Repair::InfluenceRemoved => {
            "a person's influence was outside 1 to 5, so it was left out.".to_owned()
        }
        Repair::RepeatedIdsRenewed(what) => format!(
            "some {what} had the same id; each now has its own, so that changing or removing one \
             leaves the others alone."
        ),
        Repair::LooksLikeMarkup => "some text looks like HTML or script; it is kept and only ever \
             shown as plain text."
            .to_owned(),
    }
}

/// A criterion of a kind a newer Clientele added, in the model editor.
pub fn unlisted_criterion_kind(kind: &str) -> String {
    format!(
        "Judged as “{kind}”, which a newer version of Clientele knows. It is kept unchanged \
         and left out of scores here."
    )
}

/// A survey whose round a newer Clientele added: shown instead of its
/// questions, tally or results.
pub const ROUND_UNKNOWN: &str = "This survey's round comes from a newer version of Clientele, \
    which can show its questions and results. It is kept here unchanged.";

/// What the standard model's change means, said once in every note.
const DEFAULT_MODEL_CHANGE: &str = "Revenue is now what a customer spends with you a year; their \
    own annual revenue counts as Company size; and direct costs count once, inside Profitability \
    (yearly spend minus the costs to serve and to win them), no longer also as a criterion of \
    their own.";

/// What migrating older data changed, or kept, that changes scores.
pub fn migration_note(note: &MigrationNote) -> String {
    match note {
        MigrationNote::DefaultModelUpdated { model } => format!(
            "The standard Perfect Prospect Model has changed, and your model “{model}”, which \
             was the standard one, now follows it: {DEFAULT_MODEL_CHANGE} Scores and tiers change \
             accordingly. On profiles, direct costs are now “Cost to serve”; add a “Cost to win” \
             where you know it."
        ),
        MigrationNote::EditedModelKept { model } => format!(
            "The standard Perfect Prospect Model has changed: {DEFAULT_MODEL_CHANGE} Your model \
             “{model}” was edited, so it is kept as it was and scores as before. Add the new \
             standard model beside it to compare, and make it active in the model editor if you \
             prefer it."
        ),
    }
}

/// What keeps a survey answer from being sent.
pub fn answer_error(error: &AnswerError) -> String {
    match error {
        AnswerError::NoName => {
            "Type your name, so the coordinator knows whose answer it is.".to_owned()
        }
        AnswerError::NameTooLong => {
            format!("Shorten your name to at most {MAX_NAME_CHARS} characters.")
        }
        AnswerError::NoVotes => "Tick the criteria that matter most.".to_owned(),
        AnswerError::TooManyVotes { pick } => {
            format!("Tick at most {pick}: take a tick away to choose another.")
        }
        AnswerError::UnknownCriterion => {
            "The answer names a criterion this survey does not list.".to_owned()
        }
        AnswerError::CustomerUnnamed { position } => {
            format!("Name best customer {position}.")
        }
        AnswerError::CustomerTwice(name) => {
            format!("“{name}” is named twice; name another customer.")
        }
        AnswerError::RatingMissing {
            customer,
            criterion,
        } => {
            format!("Answer “{criterion}” for {customer}.")
        }
        AnswerError::RatingOutOfRange => "Ratings go from 1 to 5.".to_owned(),
        AnswerError::RoundUnknown => ROUND_UNKNOWN.to_owned(),
    }
}

/// Shown for a value a newer Clientele wrote in a form this version cannot
/// read (a new kind of range, a new kind of answer); it is kept unchanged.
pub const UNREADABLE_VALUE: &str = "(kept from a newer version of Clientele)";

/// Said of a CSV file chosen together with other files.
pub const CSV_ON_ITS_OWN: &str = "A CSV file is imported on its own, with its column mapping: \
    choose it again by itself.";

/// Why a CSV file could not be read.
pub fn csv_error(error: &CsvError) -> String {
    match error {
        CsvError::Empty => "The file is empty.".to_owned(),
        CsvError::UnclosedQuote { line } => format!(
            "A quoted value that starts on line {line} is never closed, so the file cannot be read \
             reliably. Check that line in a spreadsheet and export again."
        ),
        CsvError::NoRows => "The file has a header line but no customers.".to_owned(),
        CsvError::TooManyColumns => {
            format!(
                "The file has more than {MAX_CSV_COLUMNS} columns; export only the ones you need."
            )
        }
        CsvError::TooManyRows => {
            format!("The file has more than {MAX_CSV_ROWS} rows; split it into smaller files.")
        }
    }
}

/// Why a cell of a CSV file was not used.
pub fn cell_error(error: &CellError) -> String {
    match error {
        CellError::Input(e) => input_error(e),
        CellError::UnknownStatus => {
            "Use Customer, Prospect or Former customer (or Client, Lead, Churned).".to_owned()
        }
        CellError::NotADate => "Write dates as 2026-11-22 or 22.11.2026.".to_owned(),
        CellError::ContactWithoutName => {
            "A contact's details need the contact's name in the same row.".to_owned()
        }
    }
}

/// Why a row of a CSV file was not imported.
pub fn row_skip(skip: &RowSkip) -> String {
    match skip {
        RowSkip::NoCompanyName => {
            "it has no company name and matches no profile here, so it was not imported.".to_owned()
        }
    }
}

/// Why browser storage failed.
pub fn storage_error(error: &StorageError) -> String {
    match error {
        StorageError::Unavailable => "This browser does not let Clientele keep data.".to_owned(),
        StorageError::QuotaExceeded => "The browser's storage for this site is full.".to_owned(),
        StorageError::NotKept => "The browser accepted the data but did not keep it.".to_owned(),
        StorageError::ChangedMeanwhile => "Another tab or program kept changing the stored data \
             while Clientele was setting it aside, so it was left where it was."
            .to_owned(),
        StorageError::Browser(detail) => format!("The browser reported an error: {detail}."),
    }
}

/// Something the user must know about, shown in the banner area until
/// dismissed or resolved. It lives here, beside its sentences, so that
/// this module never reaches up into the app that keeps it in its state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The browser gives no localStorage: the app runs in memory.
    StorageUnavailable,
    /// The latest changes could not be saved.
    NotSaved(StorageError),
    /// Stored data could not be read; it was moved aside to `key`.
    CorruptQuarantined {
        /// Where the unreadable text now is.
        key: StorageKey,
        /// Why it could not be read.
        reason: FormatError,
    },
    /// While this tab was open, something wrote unreadable data to storage;
    /// it was moved aside to `key` and this tab's workspace saved instead.
    CorruptSetAside {
        /// Where the unreadable text now is.
        key: StorageKey,
        /// Why it could not be read.
        reason: FormatError,
    },
    /// Stored data could not be read nor moved aside; the app is read-only so
    /// that it is not overwritten.
    CorruptKept {
        /// Why it could not be read.
        reason: FormatError,
        /// Why it could not be moved aside.
        move_error: StorageError,
    },
    /// Stored data comes from a newer Clientele; the app is read-only.
    NewerData {
        /// The schema version found.
        found: u64,
        /// The newest this app reads.
        supported: u32,
    },
    /// Storage worked at first but then failed on a read or a removal.
    StorageFailed(StorageError),
    /// A file could not be offered for download.
    DownloadFailed(String),
    /// A newer Clientele saved while this tab had changes that are not
    /// saved; the page is read-only and those changes live only here.
    NewerDataUnsaved {
        /// The schema version found.
        found: u64,
        /// The newest this app reads.
        supported: u32,
    },
    /// Another tab saved after an import here, so it can no longer be undone.
    ImportUndoExpired,
    /// Another tab or program removed the stored workspace (or cleared
    /// storage); this tab wrote its workspace back.
    RemovedAndSavedAgain,
    /// Stored data from an older version was brought up to date in a way
    /// that changes scores, or kept as it was where the user must decide.
    Migrated(MigrationNote),
    /// Storage is nearly full: saves will soon fail.
    StorageNearlyFull {
        /// How full, in percent.
        percent: usize,
    },
    /// The language chosen applies to this tab but could not be kept for
    /// the next visit.
    LanguageNotKept(StorageError),
}

impl Notice {
    /// Whether two notices are the same kind of problem, so a repeat replaces
    /// the earlier one instead of stacking up.
    pub fn same_kind(&self, other: &Notice) -> bool {
        // Each migrated model has its own note.
        if let (Notice::Migrated(a), Notice::Migrated(b)) = (self, other) {
            return a == b;
        }
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}

/// The banner text for a notice.
pub fn notice(notice: &Notice) -> String {
    match notice {
        Notice::StorageUnavailable => "This browser does not let Clientele keep data (storage is \
             disabled or blocked, as in some private windows). You can work, but everything stays \
             in this tab only and is lost when it closes: download a backup before you leave."
            .to_owned(),
        // A write the browser accepted but did not keep may have replaced
        // what was stored: then nothing is promised about it.
        Notice::NotSaved(StorageError::NotKept) => format!(
            "Your latest changes may not be saved. {} They are still here in this tab, but what \
             is stored may be damaged: download everything as a file before you reload or close \
             this tab.",
            storage_error(&StorageError::NotKept)
        ),
        Notice::NotSaved(error) => format!(
            "Your latest changes are not saved. {} They are still here in this tab, and what was saved \
             before is intact. Download everything as a file before you reload or close this tab.",
            storage_error(error)
        ),
        Notice::CorruptQuarantined { reason, .. } => format!(
            "The data stored in this browser could not be read, so Clientele started with an empty \
             workspace. The unreadable data was kept aside, unchanged: you can download it. ({})",
            format_error(reason)
        ),
        Notice::CorruptSetAside { reason, .. } => format!(
            "Something wrote data to this browser's storage that Clientele cannot read. It was kept \
             aside, unchanged (you can download it), so that this tab's workspace can be saved in its \
             place. ({})",
            format_error(reason)
        ),
        Notice::CorruptKept { reason, move_error } => format!(
            "The data stored in this browser could not be read, and it could not be set aside either \
             ({}). To keep it safe, Clientele is read-only here: download it, then free some space. ({})",
            storage_error(move_error).trim_end_matches('.'),
            format_error(reason)
        ),
        Notice::NewerData { found, supported } => format!(
            "This browser holds data saved by a newer version of Clientele (schema version {found}; this \
             one reads up to {supported}). To keep it safe, this page is read-only and will not write \
             over it. Open Clientele's newest version, or download the data as a file."
        ),
        Notice::NewerDataUnsaved { found, supported } => format!(
            "A newer version of Clientele saved this workspace in another tab (schema version {found}; \
             this one reads up to {supported}). This page is now read-only, and your latest changes \
             here are not saved: download everything as a file before you reload or close this tab."
        ),
        Notice::StorageFailed(error) => format!(
            "Clientele could not use this browser's storage. {} Nothing stored was changed.",
            storage_error(error)
        ),
        Notice::Migrated(note) => migration_note(note),
        Notice::StorageNearlyFull { percent } => format!(
            "This browser's storage for Clientele is {percent}% full. Download a backup now, then \
             make room (delete profiles, surveys or set-aside copies you no longer need): once it is \
             full, changes can no longer be saved here."
        ),
        Notice::ImportUndoExpired => "Another tab or window saved changes after your import, and \
             this tab now shows them. The import can no longer be undone: undoing it would also \
             undo those changes."
            .to_owned(),
        Notice::DownloadFailed(detail) => {
            format!("The file could not be downloaded ({detail}). Nothing was changed.")
        }
        Notice::RemovedAndSavedAgain => "Another tab, window or program removed this workspace \
             from the browser's storage. This tab still had it, so Clientele saved it again and \
             nothing is lost. If you meant to clear it, close every Clientele tab before clearing \
             the browser's data."
            .to_owned(),
        Notice::LanguageNotKept(error) => {
            crate::t!(shell_language_not_kept, reason = storage_error(error))
        }
    }
}

/// The browser did not give "Copy as text" the clipboard (a browser setting, or
/// a page without focus).
pub const CLIPBOARD_REFUSED: &str = "The browser did not let Clientele use the clipboard. \
    Select the brief's text and copy it instead.";

/// The portfolio report's "changes since" day left empty or unfinished.
pub const SINCE_DAY_REQUIRED: &str = "Choose the day from which changes are listed.";

/// How many amounts the portfolio report left out of its totals for want
/// of an exchange rate; empty when none.
pub fn amounts_not_counted(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => "1 amount in a currency without an exchange rate is left out of the totals; \
              add the rate on Data & backup."
            .to_owned(),
        n => format!(
            "{n} amounts in currencies without an exchange rate are left out of the totals; \
             add the rates on Data & backup."
        ),
    }
}

/// A new survey without a title.
pub const SURVEY_TITLE_MISSING: &str = "Give the survey a title.";

/// A new survey with no criterion to vote on.
pub const SURVEY_NO_CRITERIA: &str =
    "List at least one criterion: type your own, or include the scoring model's.";

/// The question asked when another tab saved while this one had changes.
pub const CONFLICT: &str = "This workspace was also changed and saved in another tab or window \
    while you had unsaved changes here. Which version do you want to keep? The other one is replaced.";

/// Said when a download of stored data finds nothing under its key.
pub const NOTHING_STORED: &str = "nothing is stored there any more";

/// Why a date was refused.
pub fn date_error(error: &DateError) -> String {
    match error {
        DateError::Malformed(text) => {
            format!("\"{text}\" is not a date; write it like 2026-11-22.")
        }
        DateError::NoSuchDay(text) => format!("There is no such day as {text}."),
    }
}

/// A date field with some of its parts still empty: nothing is stored.
pub const UNFINISHED_DATE: &str =
    "Finish the date (day, month and year) or clear it. Until then the date saved before is kept.";

/// Why a birthday was refused.
pub fn birthday_error(error: &BirthdayError) -> String {
    match error {
        BirthdayError::NoSuchDay => {
            "There is no such day in that month (29 February needs a leap year).".to_owned()
        }
        BirthdayError::ImplausibleYear => {
            "The year of birth must be between 1900 and this year.".to_owned()
        }
    }
}

/// Why typed text was refused, shown beside the field.
pub fn input_error(error: &InputError) -> String {
    match error {
        InputError::NotANumber => {
            "Type a number such as 12500, 12,500.50 or 12 500,50 (a range: 50-100).".to_owned()
        }
        InputError::TooManyDecimals => {
            format!("Use at most {MAX_DECIMALS} digits after the decimal point.")
        }
        InputError::TooManyDigits => format!("Use at most {MAX_DIGITS} digits."),
        InputError::NotWhole => "Type a whole number.".to_owned(),
        InputError::TooLarge => "That number is too large.".to_owned(),
        InputError::AmountTooLarge => {
            "Amounts must stay under 1,000,000,000,000,000 (a thousand trillion).".to_owned()
        }
        InputError::RangeReversed => {
            "The first number of a range must not be larger than the second.".to_owned()
        }
        InputError::NotAnEmail => "Type an e-mail address such as anna@example.com.".to_owned(),
        InputError::NotAWebAddress => {
            "Type a web address such as example.com or https://example.com (http and https only)."
                .to_owned()
        }
        InputError::NotAThreshold => {
            "Write one threshold a line, as amount = points, such as 1,000,000 = 25.".to_owned()
        }
        InputError::NotACurrency => {
            "Type a three-letter currency code such as USD, EUR or PLN.".to_owned()
        }
        InputError::Required => "This is required.".to_owned(),
        InputError::NameTaken => "Another field has this name: choose another.".to_owned(),
        InputError::NotADate => "Type a date as year-month-day, such as 2027-03-31.".to_owned(),
        InputError::NotAnOption => "Choose one of the options listed for this field.".to_owned(),
        InputError::NotAboveZero => "Type a number above zero.".to_owned(),
        InputError::NeedsNoRate => {
            "This is the reporting currency: its amounts need no rate.".to_owned()
        }
        InputError::NotARate => {
            "Write a currency, its rate and the date of the rate, such as EUR 4.2817 2026-12-01."
                .to_owned()
        }
        InputError::ListedTwice => "This currency already has a rate above.".to_owned(),
        InputError::LabelTaken => "Another column has this label: choose another.".to_owned(),
        InputError::TooLong { max, chars } => {
            format!("Keep it to {max} characters or fewer (this has {chars}).")
        }
        InputError::OutOfRange { min, max } => format!("Type a whole number from {min} to {max}."),
    }
}

/// A birthday with a month or year but no day.
pub const BIRTHDAY_DAY_MISSING: &str = "Type the day of the month (1-31).";

/// A birthday with a day but no month.
pub const BIRTHDAY_MONTH_MISSING: &str = "Choose the month.";

/// Tier thresholds that do not descend from A to C.
pub const TIERS_OUT_OF_ORDER: &str =
    "Tier thresholds must go down from A to C, within 0 to 100 (for example 75, 50, 25).";

/// A line of the typed list of rates that cannot be read.
pub fn rate_line_error(error: &RateLineError) -> String {
    format!("Line {}: {}", error.line, input_error(&error.error))
}

/// Which profiles' money is left out of scores, charts and sorts for
/// want of a rate: "2 profiles in EUR and 1 in USD are not counted in money
/// figures: add a rate for each currency under Data & backup."
pub fn not_counted(missing: &[(String, usize)]) -> String {
    let parts: Vec<String> = missing
        .iter()
        .enumerate()
        .map(|(i, (currency, count))| match (i, count) {
            (0, 1) => format!("1 profile in {currency}"),
            (0, n) => format!("{n} profiles in {currency}"),
            (_, n) => format!("{n} in {currency}"),
        })
        .collect();
    let listed = match parts.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => return String::new(),
    };
    let verb = if missing.len() == 1 && missing[0].1 == 1 {
        "is"
    } else {
        "are"
    };
    format!(
        "{listed} {verb} not counted in money figures: add a rate for each currency under Data & backup."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_the_browser_did_not_keep_promises_nothing_about_what_is_stored() {
        let not_kept = notice(&Notice::NotSaved(StorageError::NotKept));
        assert!(!not_kept.contains("intact"), "{not_kept}");
        assert!(not_kept.contains("may be damaged"), "{not_kept}");
        let full = notice(&Notice::NotSaved(StorageError::QuotaExceeded));
        assert!(full.contains("what was saved before is intact"), "{full}");
        for text in [not_kept, full] {
            assert!(
                text.contains("before you reload or close this tab"),
                "{text}"
            );
        }
    }

    #[test]
    fn profiles_not_counted_are_named_by_currency() {
        assert_eq!(
            not_counted(&[("EUR".into(), 1)]),
            "1 profile in EUR is not counted in money figures: add a rate for each currency under Data & backup."
        );
        assert_eq!(
            not_counted(&[("EUR".into(), 2), ("GBP".into(), 3), ("USD".into(), 1)]),
            "2 profiles in EUR, 3 in GBP and 1 in USD are not counted in money figures: add a rate for each currency under Data & backup."
        );
        assert_eq!(not_counted(&[]), "");
    }
}
