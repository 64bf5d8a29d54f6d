//! Field-by-field differences between two versions of a record, for the
//! import preview.

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
        compare_objects("", here, there, &mut changes);
    }
    changes
}

fn compare_objects(
    prefix: &str,
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
        let field = format!("{prefix}{}", field_label(key));
        match (a, b) {
            (Some(Value::Array(a)), Some(Value::Array(b))) if has_ids(a) && has_ids(b) => {
                compare_lists(&field, a, b, out);
            }
            _ => out.push(FieldChange {
                field,
                here: a.map(value_text).unwrap_or_default(),
                there: b.map(value_text).unwrap_or_default(),
            }),
        }
    }
}

fn compare_lists(field: &str, here: &[Value], there: &[Value], out: &mut Vec<FieldChange>) {
    let id = |v: &Value| v.get("id").cloned();
    for item in there {
        let name = item_name(item);
        match here.iter().find(|h| id(h) == id(item)) {
            None => out.push(FieldChange {
                field: format!("{field} › {name}"),
                here: String::new(),
                there: "added".to_owned(),
            }),
            Some(old) if old != item => {
                if let (Value::Object(a), Value::Object(b)) = (old, item) {
                    compare_objects(&format!("{field} › {name} › "), a, b, out);
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
            here: "present".to_owned(),
            there: "removed".to_owned(),
        });
    }
}

fn has_ids(list: &[Value]) -> bool {
    !list.is_empty() && list.iter().all(|v| v.get("id").is_some())
}

/// What to call an item of a list: its name, title or text, else "item".
fn item_name(item: &Value) -> String {
    ["name", "title", "description", "label", "text"]
        .iter()
        .find_map(|k| {
            item.get(*k)
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
        })
        .map(|s| shorten(s, 40))
        .unwrap_or_else(|| "item".to_owned())
}

/// A value as one line of text.
fn value_text(value: &Value) -> String {
    let text = match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(true) => "yes".to_owned(),
        Value::Bool(false) => "no".to_owned(),
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
                .map(|(k, v)| format!("{}: {}", field_label(k), value_text(v)))
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

/// A JSON field name in the product's words.
pub fn field_label(key: &str) -> String {
    let known = match key {
        "name" => "Name",
        "hq_phone" => "Headquarters phone",
        "hq_email" => "Headquarters e-mail",
        "email" => "E-mail",
        "website" => "Web address",
        "business_type" => "Type of business",
        "employees" => "Number of employees",
        "revenue" => "Average annual revenue",
        "customer_since" => "Customer since",
        "monthly_spend" => "Average monthly spend",
        "yearly_spend" => "Average yearly spend",
        "cost_to_serve" => "Cost to serve",
        "cost_to_win" => "Cost to win",
        "referred" => "Referred other customers",
        "referral_count" => "Referrals",
        "testimonial" => "Gave a testimonial",
        "loyalty_notes" => "Loyalty notes",
        "needs" => "Needs and wishes",
        "financial" => "Financial condition",
        "action_plan" => "Action plan",
        "account_plan" => "Key account plan",
        "log" => "Update log",
        "purchases_per_year" => "Purchases per year",
        "answers" => "Ratings",
        "custom" => "Fields of your own",
        "last_reviewed" => "Last reviewed",
        "criteria" => "Criteria",
        "tiers" => "Tiers",
        "hard_rules" => "Rules that cap the tier",
        "columns" => "Columns",
        "key_executive" => "Key executive",
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
