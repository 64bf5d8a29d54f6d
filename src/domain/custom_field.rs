//! Fields a team adds to every profile of its workspace (seed 002 asks for
//! the profile to be tailored to the business): a name and a kind (text,
//! number, date or a choice among options). The workspace's settings hold
//! the fields; each profile holds its values, keyed by the field's id.
//!
//! A value is kept as the text it reads as, in one form whatever was typed
//! (a number in plain digits with a decimal point, a date as YYYY-MM-DD, a
//! choice as the option is written), so a file stays readable and a field
//! whose kind a newer Clientele added keeps its values untouched.

use super::decimal::grouped;
use super::id::CustomFieldId;
use super::input::{InputError, parse_amount, parse_short_text};
use super::limits::MAX_NAME_CHARS;
use super::{Date, Workspace};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Map, Value};

/// The longest value of a text field, in characters.
pub const MAX_VALUE_CHARS: usize = 500;

crate::open_enum! {
    /// What a custom field holds.
    #[derive(Default)]
    pub enum FieldKind {
        /// Free text.
        #[default]
        Text = "text",
        /// A number (an amount, a count, a percentage).
        Number = "number",
        /// A day.
        Date = "date",
        /// One of a list of options.
        Choice = "choice",
    }
}

impl FieldKind {
    /// Every kind, in the order offered.
    pub const ALL: [FieldKind; 4] = [
        FieldKind::Text,
        FieldKind::Number,
        FieldKind::Date,
        FieldKind::Choice,
    ];

    /// The name shown to people, in the interface's language.
    pub fn label(self) -> &'static str {
        match self {
            FieldKind::Text => crate::t!(profile_field_kind_text),
            FieldKind::Number => crate::t!(profile_field_kind_number),
            FieldKind::Date => crate::t!(profile_field_kind_date),
            FieldKind::Choice => crate::t!(profile_field_kind_choice),
            FieldKind::Unlisted(text) => text,
        }
    }
}

/// A field the team added to every profile.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct CustomField {
    /// Stable id: values are keyed by it, so a renamed field keeps them.
    pub id: CustomFieldId,
    /// The field's name, as labels show it.
    pub name: String,
    /// What it holds.
    #[serde(default)]
    pub kind: FieldKind,
    /// The options of a choice, in the order offered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
    /// Fields this version does not know, kept for a round trip.
    #[serde(flatten)]
    pub unknown_fields: Map<String, Value>,
}

crate::json_record!(CustomField {
    id: required,
    name: required,
    kind,
    options,
    unknown_fields: rest,
});

impl CustomField {
    /// A new field named `name` holding `kind`.
    pub fn new(name: String, kind: FieldKind) -> Self {
        Self {
            id: CustomFieldId::new(),
            name,
            kind,
            ..Self::default()
        }
    }

    /// Checks a typed field name.
    pub fn validate_name(typed: &str) -> Result<String, InputError> {
        let name = parse_short_text(typed, MAX_NAME_CHARS)?;
        if name.is_empty() {
            return Err(InputError::Required);
        }
        Ok(name)
    }

    /// Reads typed options, one a line; blank lines and repeats (case
    /// ignored) are dropped.
    pub fn parse_options(typed: &str) -> Result<Vec<String>, InputError> {
        let mut options: Vec<String> = Vec::new();
        for line in typed.lines() {
            let option = parse_short_text(line, MAX_NAME_CHARS)?;
            if !option.is_empty() && !options.iter().any(|o| o.eq_ignore_ascii_case(&option)) {
                options.push(option);
            }
        }
        Ok(options)
    }

    /// The value to keep for `typed`, in this field's one form; empty
    /// clears the value. Refused with the reason when it does not fit the
    /// field's kind.
    pub fn read(&self, typed: &str) -> Result<String, InputError> {
        let typed = typed.trim();
        if typed.is_empty() {
            return Ok(String::new());
        }
        match self.kind {
            FieldKind::Number => Ok(parse_amount(typed)?
                .map(|n| n.normalize().to_string())
                .unwrap_or_default()),
            FieldKind::Date => typed
                .parse::<Date>()
                .map(|d| d.to_string())
                .map_err(|_| InputError::NotADate),
            FieldKind::Choice => self
                .options
                .iter()
                .find(|o| o.eq_ignore_ascii_case(typed))
                .cloned()
                .ok_or(InputError::NotAnOption),
            // Text, and a kind of a newer Clientele, kept as typed.
            FieldKind::Text | FieldKind::Unlisted(_) => parse_short_text(typed, MAX_VALUE_CHARS),
        }
    }

    /// `stored` as people read it, in the interface's language: a number
    /// with its digits grouped, a date as the language writes days.
    pub fn shown(&self, stored: &str) -> String {
        match (self.kind, self.number(stored)) {
            (FieldKind::Number, Some(n)) => grouped(n),
            (FieldKind::Date, _) => stored
                .parse::<Date>()
                .map_or_else(|_| stored.to_owned(), Date::shown),
            _ => stored.to_owned(),
        }
    }

    /// `stored` as a number, for a number field.
    pub fn number(&self, stored: &str) -> Option<Decimal> {
        (self.kind == FieldKind::Number)
            .then(|| stored.parse().ok())
            .flatten()
    }
}

impl Workspace {
    /// The custom field `id`, if the workspace has it.
    pub fn custom_field(&self, id: CustomFieldId) -> Option<&CustomField> {
        self.settings.custom_fields.iter().find(|f| f.id == id)
    }

    /// Checks a typed name for a custom field: required, and not the name
    /// of another field (`except`, the field being renamed).
    fn custom_field_name(
        &self,
        typed: &str,
        except: Option<CustomFieldId>,
    ) -> Result<String, InputError> {
        let name = CustomField::validate_name(typed)?;
        let taken = self
            .settings
            .custom_fields
            .iter()
            .any(|f| Some(f.id) != except && f.name.to_lowercase() == name.to_lowercase());
        if taken {
            return Err(InputError::NameTaken);
        }
        Ok(name)
    }

    /// Adds a field named `typed` holding `kind` to every profile.
    pub fn add_custom_field(
        &mut self,
        typed: &str,
        kind: FieldKind,
    ) -> Result<CustomFieldId, InputError> {
        let field = CustomField::new(self.custom_field_name(typed, None)?, kind);
        let id = field.id;
        self.settings.custom_fields.push(field);
        Ok(id)
    }

    /// Renames the field `id` to `typed`.
    pub fn rename_custom_field(
        &mut self,
        id: CustomFieldId,
        typed: &str,
    ) -> Result<(), InputError> {
        let name = self.custom_field_name(typed, Some(id))?;
        if let Some(field) = self.settings.custom_fields.iter_mut().find(|f| f.id == id) {
            field.name = name;
        }
        Ok(())
    }

    /// How many profiles have a value in the field `id`.
    pub fn custom_values(&self, id: CustomFieldId) -> usize {
        self.profiles
            .iter()
            .filter(|p| p.custom.get(&id).is_some())
            .count()
    }

    /// Removes the field `id` and its value from every profile.
    pub fn remove_custom_field(&mut self, id: CustomFieldId) {
        self.settings.custom_fields.retain(|f| f.id != id);
        let holding: Vec<usize> = (0..self.profiles.len())
            .filter(|i| self.profiles[*i].custom.get(&id).is_some())
            .collect();
        for i in holding {
            if let Some(profile) = self.profiles.get_mut(i) {
                profile.custom.remove(&id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(kind: FieldKind) -> CustomField {
        let mut field = CustomField::new("Contract".into(), kind);
        field.options = vec!["Gold".into(), "Silver".into()];
        field
    }

    #[test]
    fn values_are_kept_in_one_form_whatever_was_typed() {
        let number = field(FieldKind::Number);
        for typed in ["12500", "12,500.00", "12 500,00", " 12500.0 "] {
            assert_eq!(number.read(typed).unwrap(), "12500", "{typed:?}");
        }
        assert_eq!(number.shown("12500"), "12,500");
        assert_eq!(number.number("12500"), Some(Decimal::from(12500)));
        assert_eq!(number.read("a lot"), Err(InputError::NotANumber));
        let date = field(FieldKind::Date);
        assert_eq!(date.read("2027-03-31").unwrap(), "2027-03-31");
        assert_eq!(date.read("31 March"), Err(InputError::NotADate));
        assert_eq!(date.shown("2027-03-31"), "Mar 31, 2027");
        let choice = field(FieldKind::Choice);
        assert_eq!(
            choice.read("gold").unwrap(),
            "Gold",
            "the option as written"
        );
        assert_eq!(choice.read("Bronze"), Err(InputError::NotAnOption));
        let text = field(FieldKind::Text);
        assert_eq!(
            text.read("  Framework agreement ").unwrap(),
            "Framework agreement"
        );
        assert!(matches!(
            text.read(&"x".repeat(501)),
            Err(InputError::TooLong { .. })
        ));
        for kind in FieldKind::ALL {
            assert_eq!(
                field(kind).read("  ").unwrap(),
                "",
                "blank clears the value"
            );
        }
    }

    #[test]
    fn fields_are_named_apart_and_removing_one_removes_its_values() {
        let mut ws = Workspace::new(crate::domain::Timestamp::from_millis(0));
        let id = ws
            .add_custom_field(" Contract value ", FieldKind::Number)
            .unwrap();
        assert_eq!(ws.custom_field(id).unwrap().name, "Contract value");
        assert_eq!(
            ws.add_custom_field("contract VALUE", FieldKind::Text),
            Err(InputError::NameTaken)
        );
        let other = ws.add_custom_field("Plan", FieldKind::Choice).unwrap();
        assert_eq!(
            ws.rename_custom_field(other, "Contract value"),
            Err(InputError::NameTaken)
        );
        assert_eq!(
            ws.rename_custom_field(id, "contract value"),
            Ok(()),
            "its own name, recased"
        );
        let p = ws
            .add_profile("Acme", crate::domain::Timestamp::from_millis(0))
            .unwrap();
        ws.profile_mut(p).unwrap().custom.insert(id, "12500".into());
        ws.add_profile("Borealis", crate::domain::Timestamp::from_millis(0))
            .unwrap();
        assert_eq!(ws.custom_values(id), 1);
        ws.remove_custom_field(id);
        assert!(ws.custom_field(id).is_none());
        assert!(
            ws.profile(p).unwrap().custom.is_empty(),
            "the value goes too"
        );
    }

    #[test]
    fn kinds_numbers_and_dates_read_in_polish() {
        use crate::i18n::{Language, set_language};
        set_language(Language::Polish);
        assert_eq!(FieldKind::Choice.label(), "Wybór");
        assert_eq!(field(FieldKind::Number).shown("12500.5"), "12\u{a0}500,50");
        assert_eq!(field(FieldKind::Date).shown("2027-03-31"), "31.03.2027");
        assert_eq!(
            field(FieldKind::Date).shown("soon"),
            "soon",
            "kept as written"
        );
        set_language(Language::English);
        assert_eq!(FieldKind::Choice.label(), "Choice");
    }

    #[test]
    fn options_are_one_a_line_without_blanks_or_repeats() {
        assert_eq!(
            CustomField::parse_options("Gold\n\n silver \nGOLD\nSilver").unwrap(),
            ["Gold", "silver"]
        );
        assert_eq!(CustomField::validate_name("  "), Err(InputError::Required));
    }

    #[test]
    fn a_field_reads_back_as_written_with_unknown_parts_kept() {
        let written = r#"{"id":"5a3e0000-0000-4000-8000-0000000000cf","name":"Tier of contract",
            "kind":"choice","options":["Gold","Silver"],"colour":"gold"}"#;
        let field: CustomField = crate::domain::json::from_str(written).unwrap();
        assert_eq!(field.kind, FieldKind::Choice);
        assert_eq!(field.unknown_fields["colour"], "gold");
        let again = serde_json::to_value(&field).unwrap();
        assert_eq!(again, serde_json::from_str::<Value>(written).unwrap());
        let newer: CustomField = crate::domain::json::from_str(
            r#"{"id":"5a3e0000-0000-4000-8000-0000000000cf","name":"Map","kind":"geo"}"#,
        )
        .unwrap();
        assert_eq!(newer.kind.label(), "geo");
        assert_eq!(
            newer.read(" 54.4,18.6 ").unwrap(),
            "54.4,18.6",
            "kept as typed"
        );
    }
}
