//! Calendar dates without a time of day (`2026-11-22`), and birthdays, which
//! may lack a year.

use super::time::{civil_from_days, days_from_civil, days_in_month};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A day of the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a text is not a real date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not written as `YYYY-MM-DD`.
    #[error("{}", crate::messages::date_error(self))]
    Malformed(String),
    /// Written right, but no such day exists (30 February, month 13).
    #[error("{}", crate::messages::date_error(self))]
    NoSuchDay(String),
}

impl Date {
    /// The date, if it exists.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(i64::from(year), month);
        valid.then_some(Self {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    /// The day of the month, from 1.
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// Days since 1970-01-01.
    pub fn day_number(self) -> i64 {
        days_from_civil(i64::from(self.year), self.month(), self.day())
    }

    /// The date `day_number` days after 1970-01-01.
    pub fn from_day_number(day_number: i64) -> Self {
        let (year, month, day) = civil_from_days(day_number);
        Self {
            year: year as i32,
            month: month as u8,
            day: day as u8,
        }
    }

    /// The date `days` days later (earlier when negative).
    pub fn add_days(self, days: i64) -> Self {
        Self::from_day_number(self.day_number() + days)
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.day_number() - self.day_number()
    }

    /// Whole years from `self` to `on`, as an age or a tenure is counted
    /// (0 before the first anniversary; never negative).
    pub fn whole_years_until(self, on: Date) -> u32 {
        let mut years = on.year - self.year;
        if (on.month, on.day) < (self.month, self.day) {
            years -= 1;
        }
        years.max(0) as u32
    }
}

impl Date {
    /// The day for reading, as the interface's language writes it:
    /// "Dec 5, 2026" in English, "05.12.2026" in Polish. Inputs and files
    /// keep `2026-12-05` (`Display`).
    pub fn shown(self) -> String {
        crate::i18n::language().date(self)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;

    /// Reads `YYYY-MM-DD`, as date inputs and files write it.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        let malformed = || DateError::Malformed(text.to_owned());
        let mut parts = text.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(malformed());
        };
        let digits = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
            return Err(malformed());
        }
        let (y, m, d) = (
            y.parse().map_err(|_| malformed())?,
            m.parse().unwrap_or(0),
            d.parse().unwrap_or(0),
        );
        Self::new(y, m, d).ok_or_else(|| DateError::NoSuchDay(text.to_owned()))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A birthday: day and month, the year when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
// The derived code is used through the impls below, which keep fields a
// newer build added.
#[serde(remote = "Self")]
pub struct Birthday {
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month.
    pub day: u8,
    /// Year of birth, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Fields a newer Clientele wrote, kept as the JSON text of an object
    /// and written back unchanged (text, so that a birthday stays `Copy`).
    #[serde(skip)]
    pub unknown_fields: Option<&'static str>,
}

/// The fields of a birthday this build reads.
const BIRTHDAY_FIELDS: [&str; 3] = ["month", "day", "year"];

impl Serialize for Birthday {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let Some(unknown) = self.unknown_fields else {
            return Self::serialize(self, serializer);
        };
        let unknown: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(unknown).map_err(serde::ser::Error::custom)?;
        // Known fields first, in their usual order, as for every record.
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("month", &self.month)?;
        map.serialize_entry("day", &self.day)?;
        if let Some(year) = self.year {
            map.serialize_entry("year", &year)?;
        }
        for (key, value) in &unknown {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Birthday {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let mut written = serde_json::Map::deserialize(deserializer)?;
        let mut unknown = serde_json::Map::new();
        written.retain(|key, value| {
            let known = BIRTHDAY_FIELDS.contains(&key.as_str());
            if !known {
                unknown.insert(key.clone(), value.take());
            }
            known
        });
        let mut birthday =
            Self::deserialize(serde_json::Value::Object(written)).map_err(D::Error::custom)?;
        if !unknown.is_empty() {
            birthday.unknown_fields = Some(super::open_enum::keep_unread(
                &serde_json::Value::Object(unknown),
            ));
        }
        Ok(birthday)
    }
}

/// Why a birthday was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BirthdayError {
    /// No such day in that month (31 April; 29 February of a common year).
    #[error("{}", crate::messages::birthday_error(self))]
    NoSuchDay,
    /// A year before 1900 or in the future.
    #[error("{}", crate::messages::birthday_error(self))]
    ImplausibleYear,
}

impl Birthday {
    /// A birthday, checked against the calendar; `today` bounds the year.
    pub fn new(
        month: u32,
        day: u32,
        year: Option<i32>,
        today: Date,
    ) -> Result<Self, BirthdayError> {
        if let Some(year) = year
            && !(1900..=today.year()).contains(&year)
        {
            return Err(BirthdayError::ImplausibleYear);
        }
        // Without a year, 29 February is a real birthday.
        let check_year = year.unwrap_or(2000);
        Date::new(check_year, month, day).ok_or(BirthdayError::NoSuchDay)?;
        Ok(Self {
            month: month as u8,
            day: day as u8,
            year,
            unknown_fields: None,
        })
    }

    /// The next day on or after `today` when this birthday is celebrated.
    /// In common years 29 February is celebrated on 28 February.
    pub fn next_on_or_after(self, today: Date) -> Date {
        let in_year = |year: i32| {
            Date::new(year, u32::from(self.month), u32::from(self.day))
                .or_else(|| Date::new(year, 2, 28))
                .expect("28 February exists")
        };
        let this_year = in_year(today.year());
        if this_year >= today {
            this_year
        } else {
            in_year(today.year() + 1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn dates_read_and_write_as_iso_text() {
        assert_eq!(d("2026-11-22").to_string(), "2026-11-22");
        assert_eq!(
            serde_json::to_string(&d("2024-02-29")).unwrap(),
            "\"2024-02-29\""
        );
        assert_eq!(
            serde_json::from_str::<Date>("\"2024-02-29\"").unwrap(),
            d("2024-02-29")
        );
    }

    #[test]
    fn unreal_or_malformed_dates_are_refused() {
        assert!(matches!(
            "2026-02-29".parse::<Date>(),
            Err(DateError::NoSuchDay(_))
        ));
        assert!(matches!(
            "2026-04-31".parse::<Date>(),
            Err(DateError::NoSuchDay(_))
        ));
        assert!(matches!(
            "2026-13-01".parse::<Date>(),
            Err(DateError::NoSuchDay(_))
        ));
        for text in [
            "",
            "22/11/2026",
            "2026-1-5",
            "2026-11-22T00:00",
            "yesterday",
            "0000-01-01",
        ] {
            assert!(text.parse::<Date>().is_err(), "{text:?}");
        }
    }

    #[test]
    fn day_arithmetic_crosses_months_and_years() {
        assert_eq!(d("2026-12-31").add_days(1), d("2027-01-01"));
        assert_eq!(d("2024-02-28").add_days(1), d("2024-02-29"));
        assert_eq!(d("2026-03-01").add_days(-1), d("2026-02-28"));
        assert_eq!(d("2026-11-22").days_until(d("2027-02-20")), 90);
    }

    #[test]
    fn whole_years_count_completed_anniversaries() {
        assert_eq!(d("2020-11-22").whole_years_until(d("2026-11-22")), 6);
        assert_eq!(d("2020-11-23").whole_years_until(d("2026-11-22")), 5);
        assert_eq!(d("2027-01-01").whole_years_until(d("2026-11-22")), 0);
    }

    #[test]
    fn birthdays_are_checked_against_the_calendar() {
        let today = d("2026-11-22");
        assert!(Birthday::new(2, 29, None, today).is_ok());
        assert!(Birthday::new(2, 29, Some(1984), today).is_ok());
        assert_eq!(
            Birthday::new(2, 29, Some(1985), today),
            Err(BirthdayError::NoSuchDay)
        );
        assert_eq!(
            Birthday::new(4, 31, None, today),
            Err(BirthdayError::NoSuchDay)
        );
        assert_eq!(
            Birthday::new(5, 1, Some(2030), today),
            Err(BirthdayError::ImplausibleYear)
        );
    }

    #[test]
    fn the_next_birthday_wraps_across_the_year_end() {
        let b = Birthday::new(1, 5, None, d("2026-11-22")).unwrap();
        assert_eq!(b.next_on_or_after(d("2026-12-20")), d("2027-01-05"));
        assert_eq!(b.next_on_or_after(d("2027-01-05")), d("2027-01-05"));
    }

    #[test]
    fn a_29_february_birthday_is_kept_on_28_february_in_common_years() {
        let b = Birthday::new(2, 29, None, d("2026-11-22")).unwrap();
        assert_eq!(b.next_on_or_after(d("2026-11-22")), d("2027-02-28"));
        assert_eq!(b.next_on_or_after(d("2027-03-01")), d("2028-02-29"));
    }

    #[test]
    fn a_birthday_keeps_the_fields_a_newer_build_added_and_writes_them_back() {
        let written = r#"{"month":2,"day":29,"calendar":"gregorian","reminder_days":7}"#;
        let birthday: Birthday = serde_json::from_str(written).unwrap();
        assert_eq!((birthday.month, birthday.day, birthday.year), (2, 29, None));
        assert_eq!(serde_json::to_string(&birthday).unwrap(), written);
        let plain = r#"{"month":4,"day":1,"year":1980}"#;
        let birthday: Birthday = serde_json::from_str(plain).unwrap();
        assert_eq!(birthday.unknown_fields, None);
        assert_eq!(serde_json::to_string(&birthday).unwrap(), plain);
        assert!(
            serde_json::from_str::<Birthday>(r#"{"day":1}"#).is_err(),
            "month is needed"
        );
    }
}
