//! Field-by-field differences between two versions of a record, for the
//! import preview.

use crate::t;
use serde_json::{Map, Value};

/// One field that differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// Where it is, in words: "Yearly spend", or "People › Jan Kowalski ›
    /// E-mail" inside a list.
    pub field: String,
    /// The value here, as text ("" when empty).
    pub here: String,
    /// The value in the file, as text ("" when empty).
    pub there: String,
}

/// The longest value shown in a preview, in characters.
pub const MAX_VALUE_CHARS: usize = 120;

/// The fields in which `here` and `there` (two versions of a record, as
/// JSON) differ: the file's fields in
/// the order of their JSON names, then fields only `here` has. Lists of records with ids
/// (people, addresses, steps…) are compared item by item.
pub fn differences(here: &Value, there: &Value) -> Vec<FieldChange> {
    let mut changes = Vec::new();
    if let (Value::Object(here), Value::Object(there)) = (here, there) {
        compare_objects("", "", here, there, &mut changes);
    }
    changes
}

/// `parent` is the JSON name of the list the objects are items of, if any.
fn compare_objects(
    prefix: &str,
    parent: &str,
    here: &Map<String, Value>,
    there: &Map<String, Value>,
    out: &mut Vec<FieldChange>,
) {
    let keys = there
        .keys()
        .chain(here.keys().filter(|k| !there.contains_key(*k)));
    for key in keys {
        if key == "id" {
            continue;
        }
        let (a, b) = (here.get(key), there.get(key));
        if a == b {
            continue;
        }
        let field = format!("{prefix}{}", field_label(parent, key));
        match (a, b) {
            (Some(Value::Array(a)), Some(Value::Array(b))) if has_ids(a) && has_ids(b) => {
                compare_lists(&field, key, a, b, out);
            }
            _ => out.push(FieldChange {
                field,
                here: a.map(value_text).unwrap_or_default(),
                there: b.map(value_text).unwrap_or_default(),
            }),
        }
    }
}

/// The items of the list `key`, shown as `field`, one by one.
fn compare_lists(
    field: &str,
    key: &str,
    here: &[Value],
    there: &[Value],
    out: &mut Vec<FieldChange>,
) {
    let id = |v: &Value| v.get("id").cloned();
    for item in there {
        let name = item_name(item);
        match here.iter().find(|h| id(h) == id(item)) {
            None => out.push(FieldChange {
                field: format!("{field} › {name}"),
                here: String::new(),
                there: t!(data_diff_added).to_owned(),
            }),
            Some(old) if old != item => {
                if let (Value::Object(a), Value::Object(b)) = (old, item) {
                    compare_objects(&format!("{field} › {name} › "), key, a, b, out);
                }
            }
            Some(_) => {}
        }
    }
    for item in here
        .iter()
        .filter(|h| !there.iter().any(|t| id(t) == id(h)))
    {
        out.push(FieldChange {
            field: format!("{field} › {}", item_name(item)),
            here: t!(data_diff_present).to_owned(),
            there: t!(data_diff_removed).to_owned(),
        });
    }
}

fn has_ids(list: &[Value]) -> bool {
    !list.is_empty() && list.iter().all(|v| v.get("id").is_some())
}

/// What to call an item of a list: its name, title or text, else "item"
/// (in the page's language).
fn item_name(item: &Value) -> String {
    ["name", "title", "description", "label", "text"]
        .iter()
        .find_map(|k| {
            item.get(*k)
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
        })
        .map(|s| shorten(s, 40))
        .unwrap_or_else(|| t!(data_diff_item).to_owned())
}

/// A value as one line of text, its yes and no and field names in the
/// page's language.
fn value_text(value: &Value) -> String {
    let text = match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(true) => t!(data_diff_yes).to_owned(),
        Value::Bool(false) => t!(data_diff_no).to_owned(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items.iter().map(value_text).collect::<Vec<_>>().join("; "),
        Value::Object(map) => match (
            map.get("kind"),
            map.get("value"),
            map.get("low"),
            map.get("high"),
        ) {
            // A span: "1200" or "1000 – 2000".
            (Some(_), Some(v), _, _) => value_text(v),
            (Some(_), None, Some(low), Some(high)) => {
                format!("{} – {}", value_text(low), value_text(high))
            }
            _ => map
                .iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| format!("{}: {}", field_label("", k), value_text(v)))
                .collect::<Vec<_>>()
                .join(", "),
        },
    };
    shorten(&text, MAX_VALUE_CHARS)
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut short: String = text.chars().take(max - 1).collect();
        short.push('…');
        short
    }
}

/// A JSON field name in the product's words, in the page's language;
/// `parent` is the field of the list it is in ("people"), where one name
/// means two things. A field no version of Clientele wrote when this one
/// was made keeps its JSON name, capitalised.
pub fn field_label(parent: &str, key: &str) -> String {
    let known = match key {
        "title" if parent == "people" => t!(data_field_job_title),
        "name" => t!(data_field_name),
        "hq_phone" => t!(data_field_hq_phone),
        "hq_email" => t!(data_field_hq_email),
        "email" => t!(data_field_email),
        "website" => t!(data_field_website),
        "business_type" => t!(data_field_business_type),
        "employees" => t!(data_field_employees),
        "revenue" => t!(data_field_revenue),
        "customer_since" => t!(data_field_customer_since),
        "monthly_spend" => t!(data_field_monthly_spend),
        "yearly_spend" => t!(data_field_yearly_spend),
        "cost_to_serve" => t!(data_field_cost_to_serve),
        "cost_to_win" => t!(data_field_cost_to_win),
        "referred" => t!(data_field_referred),
        "referral_count" => t!(data_field_referral_count),
        "testimonial" => t!(data_field_testimonial),
        "loyalty_notes" => t!(data_field_loyalty_notes),
        "needs" => t!(data_field_needs),
        "financial" => t!(data_field_financial),
        "action_plan" => t!(data_field_action_plan),
        "account_plan" => t!(data_field_account_plan),
        "log" => t!(data_field_log),
        "purchases_per_year" => t!(data_field_purchases_per_year),
        "answers" => t!(data_field_answers),
        "custom" => t!(data_field_custom),
        "last_reviewed" => t!(data_field_last_reviewed),
        "criteria" => t!(data_field_criteria),
        "tiers" => t!(data_field_tiers),
        "hard_rules" => t!(data_field_hard_rules),
        "columns" => t!(data_field_columns),
        "key_executive" => t!(data_field_key_executive),
        "addresses" => t!(data_field_addresses),
        "competitors" => t!(data_field_competitors),
        "created_at" => t!(data_field_created_at),
        "currency" => t!(data_field_currency),
        "industry" => t!(data_field_industry),
        "location" => t!(data_field_location),
        "opportunities" => t!(data_field_opportunities),
        "people" => t!(data_field_people),
        "purchases" => t!(data_field_purchases),
        "region" => t!(data_field_region),
        "status" => t!(data_field_status),
        "birthday" => t!(data_field_birthday),
        "influence" => t!(data_field_influence),
        "notes" => t!(data_field_notes),
        "phone" => t!(data_field_phone),
        "role" => t!(data_field_role),
        "title" => t!(data_field_title),
        "headquarters" => t!(data_field_headquarters),
        "label" => t!(data_field_label),
        "text" => t!(data_field_text),
        "expected" => t!(data_field_expected),
        "stage" => t!(data_field_stage),
        "value" => t!(data_field_value),
        "sells" => t!(data_field_sells),
        "description" => t!(data_field_description),
        "done" => t!(data_field_done),
        "due" => t!(data_field_due),
        "owner" => t!(data_field_owner),
        "from" => t!(data_field_from),
        "goal" => t!(data_field_goal),
        "steps" => t!(data_field_steps),
        "target" => t!(data_field_target),
        "until" => t!(data_field_until),
        "date" => t!(data_field_date),
        "kind" => t!(data_field_kind),
        "as_of" => t!(data_field_as_of),
        "note" => t!(data_field_note),
        "rating" => t!(data_field_rating),
        "source" => t!(data_field_source),
        "day" => t!(data_field_day),
        "month" => t!(data_field_month),
        "year" => t!(data_field_year),
        "low" => t!(data_field_low),
        "high" => t!(data_field_high),
        "years" => t!(data_field_years),
        "profile" => t!(data_field_profile),
        "values" => t!(data_field_values),
        "at_least" => t!(data_field_at_least),
        "points" => t!(data_field_points),
        "field" => t!(data_field_field),
        "from_profile" => t!(data_field_from_profile),
        "meanings" => t!(data_field_meanings),
        "measure" => t!(data_field_measure),
        "thresholds" => t!(data_field_thresholds),
        "direction" => t!(data_field_direction),
        "weight" => t!(data_field_weight),
        "unprofitable_at_most" => t!(data_field_unprofitable_at_most),
        "weak_finances_at_most" => t!(data_field_weak_finances_at_most),
        "coordinator" => t!(data_field_coordinator),
        "coordinator_workspace" => t!(data_field_coordinator_workspace),
        "customers" => t!(data_field_customers),
        "follows" => t!(data_field_follows),
        "instructions" => t!(data_field_instructions),
        "pick" => t!(data_field_pick),
        "round" => t!(data_field_round),
        "ratings" => t!(data_field_ratings),
        "why" => t!(data_field_why),
        "respondent" => t!(data_field_respondent),
        "respondent_workspace" => t!(data_field_respondent_workspace),
        "survey_id" => t!(data_field_survey_id),
        "votes" => t!(data_field_votes),
        _ => "",
    };
    if !known.is_empty() {
        return known.to_owned();
    }
    let words = key.replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        // Field names are ASCII; leaving others as they are keeps Unicode's
        // upper-case tables out of the page.
        Some(first) => std::iter::once(first.to_ascii_uppercase())
            .chain(chars)
            .collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn changed_fields_are_listed_with_both_values_in_words() {
        let here = json!({"id": "1", "name": "Acme", "yearly_spend": "1000", "industry": "Law"});
        let there = json!({"id": "1", "name": "Acme", "yearly_spend": "1500", "region": "North"});
        let changes = differences(&here, &there);
        assert_eq!(
            changes,
            vec![
                FieldChange {
                    field: "Region".into(),
                    here: "".into(),
                    there: "North".into()
                },
                FieldChange {
                    field: "Average yearly spend".into(),
                    here: "1000".into(),
                    there: "1500".into()
                },
                FieldChange {
                    field: "Industry".into(),
                    here: "Law".into(),
                    there: "".into()
                },
            ]
        );
    }

    #[test]
    fn people_are_compared_person_by_person() {
        let here = json!({"people": [
            {"id": "p1", "name": "Jan", "email": "jan@a.pl"},
            {"id": "p2", "name": "Ewa"}
        ]});
        let there = json!({"people": [
            {"id": "p1", "name": "Jan", "email": "jan@b.pl"},
            {"id": "p3", "name": "Ola"}
        ]});
        let fields: Vec<String> = differences(&here, &there)
            .into_iter()
            .map(|c| c.field)
            .collect();
        assert_eq!(
            fields,
            ["People › Jan › E-mail", "People › Ola", "People › Ewa"]
        );
    }

    #[test]
    fn a_polish_page_names_the_fields_in_polish() {
        use crate::i18n::{Language, set_language};
        let here =
            json!({"people": [{"id": "p1", "name": "Jan", "title": "CFO"}], "referred": true});
        let there = json!({"people": [{"id": "p1", "name": "Jan", "title": "CEO"}, {"id": "p2"}], "referred": false, "region": "Mazowsze"});
        set_language(Language::Polish);
        let changes = differences(&here, &there);
        set_language(Language::English);
        let shown: Vec<(&str, &str, &str)> = changes
            .iter()
            .map(|c| (c.field.as_str(), c.here.as_str(), c.there.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                ("Osoby › Jan › Stanowisko", "CFO", "CEO"),
                ("Osoby › element", "", "dodano"),
                ("Polecił nam innych klientów", "tak", "nie"),
                ("Region", "", "Mazowsze"),
            ]
        );
    }

    #[test]
    fn spans_and_long_text_read_as_one_short_line() {
        let here = json!({"employees": {"kind": "range", "low": 50, "high": 100}});
        let there =
            json!({"employees": {"kind": "exact", "value": 80}, "loyalty_notes": "x".repeat(500)});
        let changes = differences(&here, &there);
        assert_eq!(changes[0].here, "50 – 100");
        assert_eq!(changes[0].there, "80");
        assert_eq!(changes[1].there.chars().count(), MAX_VALUE_CHARS);
    }
}
