//! Every sentence a user reads about a problem, in one place, so that the
//! wording stays consistent and can be reviewed (or translated) together.
//! Errors elsewhere are typed enums whose `Display` comes from here. The
//! sentences themselves are in the text catalogues (`src/i18n/en.txt`,
//! `src/i18n/pl.txt`), in the language the interface is shown in.

use crate::domain::csv::{CellError, CsvError, RowSkip};
use crate::domain::currency::RateLineError;
use crate::domain::date::{BirthdayError, DateError};
use crate::domain::decimal::DecimalTextError;
use crate::domain::input::InputError;
use crate::domain::limits::{
    MAX_CSV_COLUMNS, MAX_CSV_ROWS, MAX_DECIMALS, MAX_DIGITS, MAX_NAME_CHARS,
};
use crate::domain::share::check::{Repair, Skip};
use crate::domain::share::records::RecordKind;
use crate::domain::survey::AnswerError;
use crate::format::{FormatError, MigrationNote, RecordFault, RecordProblem};
use crate::storage::{StorageError, StorageKey};
use crate::{t, tn};

/// Why a stored decimal (money, a weight) was refused.
pub fn decimal_text_error(error: &DecimalTextError) -> String {
    match error {
        DecimalTextError::Empty => t!(shell_amount_empty).to_owned(),
        DecimalTextError::NotANumber(text) => t!(shell_amount_not_a_number, text = text),
        DecimalTextError::TooManyDigits(text) => {
            tn!(shell_amount_too_many_digits, MAX_DIGITS, text = text)
        }
        DecimalTextError::TooManyDecimals(text) => {
            tn!(shell_amount_too_many_decimals, MAX_DECIMALS, text = text)
        }
        DecimalTextError::JsonNumber(text) => t!(shell_amount_bare_number, text = text),
    }
}

/// Why saved data (a file or what the browser stored) could not be read.
pub fn format_error(error: &FormatError) -> String {
    match error {
        FormatError::Empty => t!(shell_data_empty).to_owned(),
        FormatError::NotJson { detail } => t!(shell_data_not_json, detail = detail),
        FormatError::NotClientele { found: Some(name) } => {
            t!(shell_data_not_clientele_named, name = name)
        }
        FormatError::NotClientele { found: None } => t!(shell_data_not_clientele).to_owned(),
        FormatError::BadVersion => t!(shell_data_bad_version).to_owned(),
        FormatError::NewerVersion { found, supported } => t!(
            shell_data_newer_version,
            found = found,
            supported = supported
        ),
        FormatError::MigrationFailed { from, detail } => {
            t!(shell_data_migration_failed, from = from, detail = detail)
        }
        FormatError::TooLarge { bytes, limit } => t!(
            shell_data_too_large,
            size = megabytes_over(*bytes, *limit),
            limit = megabytes(*limit)
        ),
        FormatError::PackedFile => t!(shell_data_packed_file).to_owned(),
        FormatError::UnpacksTooLarge { limit } => {
            t!(shell_data_unpacks_too_large, limit = megabytes(*limit))
        }
        FormatError::UnknownKind { found } => t!(shell_data_unknown_kind, found = found),
        FormatError::Damaged { detail } => t!(shell_data_damaged, detail = detail),
        FormatError::InvalidData { detail } => t!(shell_data_invalid, detail = detail),
    }
}

/// Tenths as a number with one decimal, written with the language's
/// decimal point ("75.1", "75,1").
fn one_decimal(tenths: u64) -> String {
    let (_, point) = crate::i18n::language().separators();
    format!("{}{point}{}", tenths / 10, tenths % 10)
}

/// Bytes as megabytes of 1,048,576 bytes with one decimal, for size
/// messages.
fn megabytes(bytes: u64) -> String {
    one_decimal((bytes * 10 + 524_288) / 1_048_576)
}

/// The size of something over `limit`, rounded up: a file a few bytes over
/// the limit must not read as "75.0 MB, larger than the 75.0 MB".
fn megabytes_over(bytes: u64, limit: u64) -> String {
    let tenths = (bytes * 10).div_ceil(1_048_576);
    let limit_tenths = (limit * 10 + 524_288) / 1_048_576;
    one_decimal(tenths.max(limit_tenths + 1))
}

/// The name of one record of `kind`, at the start of a sentence.
fn record_kind(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Profile => t!(shell_record_kind_profile),
        RecordKind::Worksheet => t!(shell_record_kind_worksheet),
        RecordKind::Model => t!(shell_record_kind_model),
        RecordKind::Survey => t!(shell_record_kind_survey),
        RecordKind::SurveyAnswer => t!(shell_record_kind_survey_answer),
    }
}

/// A file's whole list of records of `kind`, at the start of a sentence.
fn record_list(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Profile => t!(shell_record_list_profiles),
        RecordKind::Worksheet => t!(shell_record_list_worksheets),
        RecordKind::Model => t!(shell_record_list_models),
        RecordKind::Survey => t!(shell_record_list_surveys),
        RecordKind::SurveyAnswer => t!(shell_record_list_survey_answers),
    }
}

/// What happened to one record of an imported file.
pub fn record_problem(problem: &RecordProblem) -> String {
    let which = match (&problem.name, problem.position) {
        (Some(name), _) => t!(
            shell_record_named,
            kind = record_kind(problem.kind),
            name = name
        ),
        (None, 0) => record_list(problem.kind).to_owned(),
        (None, n) => t!(
            shell_record_numbered,
            kind = record_kind(problem.kind),
            position = n
        ),
    };
    match &problem.fault {
        RecordFault::Skipped(skip) => {
            t!(
                shell_record_skipped,
                which = which,
                reason = skip_reason(skip)
            )
        }
        RecordFault::Repaired(repair) => format!("{which}: {}", repair_text(repair)),
    }
}

fn skip_reason(skip: &Skip) -> String {
    match skip {
        Skip::Unreadable(detail) => t!(shell_skip_unreadable, detail = detail),
        Skip::NoName => t!(shell_skip_no_name).to_owned(),
        Skip::DuplicateId => t!(shell_skip_duplicate_id).to_owned(),
        Skip::InvalidModel => t!(shell_skip_invalid_model).to_owned(),
        Skip::PointsOutOfRange => t!(shell_skip_points_out_of_range).to_owned(),
    }
}

fn repair_text(repair: &Repair) -> String {
    match repair {
        Repair::WebsiteRemoved(text) => t!(shell_repair_website_removed, text = text),
        Repair::EmailRemoved(text) => t!(shell_repair_email_removed, text = text),
        Repair::NameShortened { max } => tn!(shell_repair_name_shortened, *max),
        Repair::ReversedRange(field) => t!(shell_repair_reversed_range, field = field),
        Repair::CurrencyRemoved(text) => t!(shell_repair_currency_removed, text = text),
        Repair::RatingRemoved => t!(shell_repair_rating_removed).to_owned(),
        Repair::BirthdayRemoved => t!(shell_repair_birthday_removed).to_owned(),
        Repair::InfluenceRemoved => t!(shell_repair_influence_removed).to_owned(),
        Repair::RepeatedIdsRenewed(what) => t!(shell_repair_repeated_ids, what = what),
        Repair::LooksLikeMarkup => t!(shell_repair_looks_like_markup).to_owned(),
    }
}

/// A criterion of a kind a newer Clientele added, in the model editor.
pub fn unlisted_criterion_kind(kind: &str) -> String {
    t!(shell_unlisted_criterion_kind, kind = kind)
}

/// A survey whose round a newer Clientele added: shown instead of its
/// questions, tally or results.
pub fn round_unknown() -> &'static str {
    t!(shell_round_unknown)
}

/// What migrating older data changed, or kept, that changes scores. Each
/// note says what the standard model's change means.
pub fn migration_note(note: &MigrationNote) -> String {
    let change = t!(shell_default_model_change);
    match note {
        MigrationNote::DefaultModelUpdated { model } => t!(
            shell_migration_default_model_updated,
            model = model,
            change = change
        ),
        MigrationNote::EditedModelKept { model } => t!(
            shell_migration_edited_model_kept,
            model = model,
            change = change
        ),
    }
}

/// What keeps a survey answer from being sent.
pub fn answer_error(error: &AnswerError) -> String {
    match error {
        AnswerError::NoName => t!(shell_answer_no_name).to_owned(),
        AnswerError::NameTooLong => tn!(shell_answer_name_too_long, MAX_NAME_CHARS),
        AnswerError::NoVotes => t!(shell_answer_no_votes).to_owned(),
        AnswerError::TooManyVotes { pick } => t!(shell_answer_too_many_votes, pick = pick),
        AnswerError::UnknownCriterion => t!(shell_answer_unknown_criterion).to_owned(),
        AnswerError::CustomerUnnamed { position } => {
            t!(shell_answer_customer_unnamed, position = position)
        }
        AnswerError::CustomerTwice(name) => t!(shell_answer_customer_twice, name = name),
        AnswerError::RatingMissing {
            customer,
            criterion,
        } => t!(
            shell_answer_rating_missing,
            criterion = criterion,
            customer = customer
        ),
        AnswerError::RatingOutOfRange => t!(shell_answer_rating_out_of_range).to_owned(),
        AnswerError::RoundUnknown => round_unknown().to_owned(),
    }
}

/// Shown for a value a newer Clientele wrote in a form this version cannot
/// read (a new kind of range, a new kind of answer); it is kept unchanged.
pub fn unreadable_value() -> &'static str {
    t!(shell_unreadable_value)
}

/// Said of a CSV file chosen together with other files.
pub fn csv_on_its_own() -> &'static str {
    t!(shell_csv_on_its_own)
}

/// Why a CSV file could not be read.
pub fn csv_error(error: &CsvError) -> String {
    match error {
        CsvError::Empty => t!(shell_csv_empty).to_owned(),
        CsvError::UnclosedQuote { line } => t!(shell_csv_unclosed_quote, line = line),
        CsvError::NoRows => t!(shell_csv_no_rows).to_owned(),
        CsvError::TooManyColumns => tn!(shell_csv_too_many_columns, MAX_CSV_COLUMNS),
        CsvError::TooManyRows => tn!(shell_csv_too_many_rows, MAX_CSV_ROWS),
    }
}

/// Why a cell of a CSV file was not used.
pub fn cell_error(error: &CellError) -> String {
    match error {
        CellError::Input(e) => input_error(e),
        CellError::UnknownStatus => t!(shell_cell_unknown_status).to_owned(),
        CellError::NotADate => t!(shell_cell_not_a_date).to_owned(),
        CellError::ContactWithoutName => t!(shell_cell_contact_without_name).to_owned(),
    }
}

/// Why a row of a CSV file was not imported.
pub fn row_skip(skip: &RowSkip) -> String {
    match skip {
        RowSkip::NoCompanyName => t!(shell_row_no_company_name).to_owned(),
    }
}

/// Why browser storage failed.
pub fn storage_error(error: &StorageError) -> String {
    match error {
        StorageError::Unavailable => t!(shell_storage_unavailable).to_owned(),
        StorageError::QuotaExceeded => t!(shell_storage_full).to_owned(),
        StorageError::NotKept => t!(shell_storage_not_kept).to_owned(),
        StorageError::ChangedMeanwhile => t!(shell_storage_changed_meanwhile).to_owned(),
        StorageError::Browser(detail) => t!(shell_storage_browser, detail = detail),
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
        Notice::StorageUnavailable => t!(shell_notice_storage_unavailable).to_owned(),
        // A write the browser accepted but did not keep may have replaced
        // what was stored: then nothing is promised about it.
        Notice::NotSaved(StorageError::NotKept) => t!(
            shell_notice_not_saved_not_kept,
            reason = storage_error(&StorageError::NotKept)
        ),
        Notice::NotSaved(error) => t!(shell_notice_not_saved, reason = storage_error(error)),
        Notice::CorruptQuarantined { reason, .. } => {
            t!(
                shell_notice_corrupt_quarantined,
                reason = format_error(reason)
            )
        }
        Notice::CorruptSetAside { reason, .. } => {
            t!(
                shell_notice_corrupt_set_aside,
                reason = format_error(reason)
            )
        }
        Notice::CorruptKept { reason, move_error } => t!(
            shell_notice_corrupt_kept,
            move_error = storage_error(move_error).trim_end_matches('.'),
            reason = format_error(reason)
        ),
        Notice::NewerData { found, supported } => t!(
            shell_notice_newer_data,
            found = found,
            supported = supported
        ),
        Notice::NewerDataUnsaved { found, supported } => t!(
            shell_notice_newer_data_unsaved,
            found = found,
            supported = supported
        ),
        Notice::StorageFailed(error) => {
            t!(shell_notice_storage_failed, reason = storage_error(error))
        }
        Notice::Migrated(note) => migration_note(note),
        Notice::StorageNearlyFull { percent } => {
            t!(shell_notice_storage_nearly_full, percent = percent)
        }
        Notice::ImportUndoExpired => t!(shell_notice_import_undo_expired).to_owned(),
        Notice::DownloadFailed(detail) => t!(shell_notice_download_failed, detail = detail),
        Notice::RemovedAndSavedAgain => t!(shell_notice_removed_and_saved_again).to_owned(),
        Notice::LanguageNotKept(error) => {
            t!(shell_language_not_kept, reason = storage_error(error))
        }
    }
}

/// The browser did not give "Copy as text" the clipboard (a browser setting, or
/// a page without focus).
pub fn clipboard_refused() -> &'static str {
    t!(shell_clipboard_refused)
}

/// The portfolio report's "changes since" day left empty or unfinished.
pub fn since_day_required() -> &'static str {
    t!(shell_since_day_required)
}

/// How many amounts the portfolio report left out of its totals for want
/// of an exchange rate; empty when none.
pub fn amounts_not_counted(n: usize) -> String {
    match n {
        0 => String::new(),
        n => tn!(shell_amounts_not_counted, n),
    }
}

/// A new survey without a title.
pub fn survey_title_missing() -> &'static str {
    t!(shell_survey_title_missing)
}

/// A new survey with no criterion to vote on.
pub fn survey_no_criteria() -> &'static str {
    t!(shell_survey_no_criteria)
}

/// The question asked when another tab saved while this one had changes.
pub fn conflict() -> &'static str {
    t!(shell_conflict)
}

/// Said when a download of stored data finds nothing under its key.
pub fn nothing_stored() -> &'static str {
    t!(shell_nothing_stored)
}

/// Why a date was refused.
pub fn date_error(error: &DateError) -> String {
    match error {
        DateError::Malformed(text) => t!(shell_date_malformed, text = text),
        DateError::NoSuchDay(text) => t!(shell_date_no_such_day, text = text),
    }
}

/// A date field with some of its parts still empty: nothing is stored.
pub fn unfinished_date() -> &'static str {
    t!(shell_unfinished_date)
}

/// Why a birthday was refused.
pub fn birthday_error(error: &BirthdayError) -> String {
    match error {
        BirthdayError::NoSuchDay => t!(shell_birthday_no_such_day).to_owned(),
        BirthdayError::ImplausibleYear => t!(shell_birthday_implausible_year).to_owned(),
    }
}

/// Why typed text was refused, shown beside the field.
pub fn input_error(error: &InputError) -> String {
    match error {
        InputError::NotANumber => t!(shell_input_not_a_number).to_owned(),
        InputError::TooManyDecimals => tn!(shell_input_too_many_decimals, MAX_DECIMALS),
        InputError::TooManyDigits => tn!(shell_input_too_many_digits, MAX_DIGITS),
        InputError::NotWhole => t!(shell_input_not_whole).to_owned(),
        InputError::TooLarge => t!(shell_input_too_large).to_owned(),
        InputError::AmountTooLarge => t!(shell_input_amount_too_large).to_owned(),
        InputError::RangeReversed => t!(shell_input_range_reversed).to_owned(),
        InputError::NotAnEmail => t!(shell_input_not_an_email).to_owned(),
        InputError::NotAWebAddress => t!(shell_input_not_a_web_address).to_owned(),
        InputError::NotAThreshold => t!(shell_input_not_a_threshold).to_owned(),
        InputError::NotACurrency => t!(shell_input_not_a_currency).to_owned(),
        InputError::Required => t!(shell_input_required).to_owned(),
        InputError::NameTaken => t!(shell_input_name_taken).to_owned(),
        InputError::NotADate => t!(shell_input_not_a_date).to_owned(),
        InputError::NotAnOption => t!(shell_input_not_an_option).to_owned(),
        InputError::NotAboveZero => t!(shell_input_not_above_zero).to_owned(),
        InputError::NeedsNoRate => t!(shell_input_needs_no_rate).to_owned(),
        InputError::NotARate => t!(shell_input_not_a_rate).to_owned(),
        InputError::ListedTwice => t!(shell_input_listed_twice).to_owned(),
        InputError::LabelTaken => t!(shell_input_label_taken).to_owned(),
        InputError::TooLong { max, chars } => tn!(shell_input_too_long, *max, chars = chars),
        InputError::OutOfRange { min, max } => t!(shell_input_out_of_range, min = min, max = max),
    }
}

/// A birthday with a month or year but no day.
pub fn birthday_day_missing() -> &'static str {
    t!(shell_birthday_day_missing)
}

/// A birthday with a day but no month.
pub fn birthday_month_missing() -> &'static str {
    t!(shell_birthday_month_missing)
}

/// Tier thresholds that do not descend from A to C.
pub fn tiers_out_of_order() -> &'static str {
    t!(shell_tiers_out_of_order)
}

/// A line of the typed list of rates that cannot be read.
pub fn rate_line_error(error: &RateLineError) -> String {
    t!(
        shell_rate_line_error,
        line = error.line,
        error = input_error(&error.error)
    )
}

/// Which profiles' money is left out of scores, charts and sorts for
/// want of a rate: "2 profiles in EUR and 1 in USD are not counted in money
/// figures: add a rate for each currency under Data & backup."
pub fn not_counted(missing: &[(String, usize)]) -> String {
    let parts: Vec<String> = missing
        .iter()
        .enumerate()
        .map(|(i, (currency, count))| match i {
            0 => tn!(shell_not_counted_first, *count, currency = currency),
            _ => t!(shell_not_counted_more, count = count, currency = currency),
        })
        .collect();
    let listed = match parts.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => t!(shell_list_and, rest = rest.join(", "), last = last),
        None => return String::new(),
    };
    // One profile in all reads "is", more "are".
    let profiles: usize = missing.iter().map(|(_, count)| count).sum();
    tn!(shell_not_counted, profiles, list = listed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, set_language};

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

    #[test]
    fn polish_counts_take_their_own_forms() {
        set_language(Language::Polish);
        let listed = not_counted(&[("EUR".into(), 2), ("USD".into(), 5)]);
        let one = amounts_not_counted(1);
        let few = amounts_not_counted(3);
        let many = amounts_not_counted(12);
        let too_large = format_error(&FormatError::TooLarge {
            bytes: 80 * 1_048_576,
            limit: 75 * 1_048_576,
        });
        set_language(Language::English);
        assert!(listed.contains("2 profile w EUR i 5 w USD"), "{listed}");
        assert!(one.starts_with("1 kwota w walucie"), "{one}");
        assert!(few.starts_with("3 kwoty w walutach"), "{few}");
        assert!(many.starts_with("12 kwot w walutach"), "{many}");
        assert!(too_large.contains("80,0 MB"), "{too_large}");
    }
}
