//! What needs attention across all profiles: reviews due, birthdays coming
//! up, action steps past their due date, and financial information to
//! update.

use super::date::Date;
use super::id::{PersonId, ProfileId, StepId};
use super::profile::{Profile, Status};
use crate::domain::sorting::sort_with;

/// How many days ahead upcoming birthdays are listed.
pub const BIRTHDAY_WINDOW_DAYS: i64 = 30;

/// A profile not reviewed for the set number of days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewDue {
    /// The profile.
    pub profile: ProfileId,
    /// Its company name.
    pub company: String,
    /// The last review, if any.
    pub last_reviewed: Option<Date>,
    /// Days since the review fell due (0 = due today).
    pub days_overdue: i64,
}

/// A key person's birthday within the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpcomingBirthday {
    /// The profile.
    pub profile: ProfileId,
    /// Its company name.
    pub company: String,
    /// The person.
    pub person: PersonId,
    /// Their name.
    pub name: String,
    /// The day it is celebrated.
    pub on: Date,
    /// Days from today (0 = today).
    pub in_days: i64,
    /// The age they turn, when the year of birth is known.
    pub turns: Option<u32>,
}

/// An action step past its due date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverdueStep {
    /// The profile.
    pub profile: ProfileId,
    /// Its company name.
    pub company: String,
    /// The step.
    pub step: StepId,
    /// What was to be done.
    pub description: String,
    /// Who does it.
    pub owner: String,
    /// When it was due.
    pub due: Date,
}

/// A profile whose financial information is older than the set age.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FinancialUpdate {
    /// The profile.
    pub profile: ProfileId,
    /// Its company name.
    pub company: String,
    /// When the information was current.
    pub as_of: Date,
    /// Whole months since then.
    pub months_old: u32,
}

/// Everything that needs attention on `today`, each list soonest or most
/// urgent first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Attention {
    /// Profiles due for review, longest overdue first.
    pub reviews: Vec<ReviewDue>,
    /// Birthdays in the next [`BIRTHDAY_WINDOW_DAYS`] days, soonest first.
    pub birthdays: Vec<UpcomingBirthday>,
    /// Overdue action steps, oldest first.
    pub overdue: Vec<OverdueStep>,
    /// Customers and prospects whose financial information is older than
    /// the set age, oldest first. Former customers are left out.
    pub financials: Vec<FinancialUpdate>,
}

/// How often things come due: the workspace's settings for [`attention`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Periods {
    /// A profile is due for review after this many days.
    pub review_every_days: u32,
    /// Financial information needs an update after this many months.
    pub financial_update_months: u32,
}

/// Whole months from `from` to `to` (0 when `to` is not later): 30 June to
/// 29 July is 0, to 30 July is 1.
pub fn months_between(from: Date, to: Date) -> u32 {
    let months = (i64::from(to.year()) * 12 + i64::from(to.month()))
        - (i64::from(from.year()) * 12 + i64::from(from.month()))
        - i64::from(to.day() < from.day());
    u32::try_from(months).unwrap_or(0)
}

/// Works out what needs attention on `today` with the workspace's
/// `periods`.
pub fn attention(profiles: &[Profile], today: Date, periods: Periods) -> Attention {
    let mut found = Attention::default();
    for profile in profiles {
        if let Some(as_of) = profile.financial.as_of
            && profile.status != Status::FormerCustomer
        {
            let months_old = months_between(as_of, today);
            if months_old >= periods.financial_update_months {
                found.financials.push(FinancialUpdate {
                    profile: profile.id,
                    company: profile.name.clone(),
                    as_of,
                    months_old,
                });
            }
        }
        let due = profile.review_due_on(periods.review_every_days);
        if due <= today {
            found.reviews.push(ReviewDue {
                profile: profile.id,
                company: profile.name.clone(),
                last_reviewed: profile.last_reviewed,
                days_overdue: due.days_until(today),
            });
        }
        for person in &profile.people {
            let Some(birthday) = person.birthday else {
                continue;
            };
            let on = birthday.next_on_or_after(today);
            let in_days = today.days_until(on);
            if in_days <= BIRTHDAY_WINDOW_DAYS {
                found.birthdays.push(UpcomingBirthday {
                    profile: profile.id,
                    company: profile.name.clone(),
                    person: person.id,
                    name: person.name.clone(),
                    on,
                    in_days,
                    turns: birthday.year.map(|y| (on.year() - y) as u32),
                });
            }
        }
        for step in profile.overdue_steps(today) {
            found.overdue.push(OverdueStep {
                profile: profile.id,
                company: profile.name.clone(),
                step: step.id,
                description: step.description.clone(),
                owner: step.owner.clone(),
                due: step.due.expect("an overdue step has a due date"),
            });
        }
    }
    sort_with(&mut found.reviews, |a, b| {
        b.days_overdue
            .cmp(&a.days_overdue)
            .then(a.company.cmp(&b.company))
    });
    sort_with(&mut found.birthdays, |a, b| {
        a.in_days.cmp(&b.in_days).then(a.name.cmp(&b.name))
    });
    sort_with(&mut found.overdue, |a, b| {
        a.due.cmp(&b.due).then(a.company.cmp(&b.company))
    });
    sort_with(&mut found.financials, |a, b| {
        a.as_of.cmp(&b.as_of).then(a.company.cmp(&b.company))
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::date::Birthday;
    use crate::domain::profile::{ActionStep, Person};
    use crate::domain::time::Timestamp;

    fn d(text: &str) -> Date {
        text.parse().unwrap()
    }

    /// Reviews every `days` days, financial updates after a year.
    fn review_every(days: u32) -> Periods {
        Periods {
            review_every_days: days,
            financial_update_months: 12,
        }
    }

    #[test]
    fn months_are_counted_whole() {
        assert_eq!(months_between(d("2026-06-30"), d("2026-07-29")), 0);
        assert_eq!(months_between(d("2026-06-30"), d("2026-07-30")), 1);
        assert_eq!(months_between(d("2025-12-01"), d("2026-12-01")), 12);
        assert_eq!(months_between(d("2026-12-01"), d("2025-12-01")), 0);
    }

    #[test]
    fn financial_information_older_than_the_set_age_is_listed_oldest_first() {
        let dated = |name: &str, as_of: &str, status: Status| {
            let mut p = profile(name, "2020-01-01");
            p.status = status;
            p.financial.as_of = Some(d(as_of));
            p
        };
        let profiles = [
            dated("Year old", "2025-12-05", Status::Customer),
            dated("Fresh", "2026-06-30", Status::Customer),
            dated("Older", "2024-03-31", Status::Prospect),
            dated("Gone", "2020-01-01", Status::FormerCustomer),
            profile("Undated", "2020-01-01"),
        ];
        let on = |months| {
            let periods = Periods {
                review_every_days: 9999,
                financial_update_months: months,
            };
            attention(&profiles, d("2026-12-05"), periods)
                .financials
                .into_iter()
                .map(|f| (f.company, f.months_old))
                .collect::<Vec<_>>()
        };
        // 2024-03-31 to 2026-12-05: 32 whole months; 2025-12-05: 12.
        assert_eq!(
            on(12),
            [("Older".to_owned(), 32), ("Year old".to_owned(), 12)]
        );
        assert_eq!(on(13), [("Older".to_owned(), 32)]);
        assert_eq!(on(5).len(), 3, "Fresh is 5 months old");
    }

    fn profile(name: &str, created: &str) -> Profile {
        Profile::new(
            name.into(),
            format!("{created}T10:00:00Z").parse::<Timestamp>().unwrap(),
        )
    }

    fn person(name: &str, month: u32, day: u32, year: Option<i32>) -> Person {
        Person {
            name: name.into(),
            birthday: Some(Birthday::new(month, day, year, d("2026-01-01")).unwrap()),
            ..Person::default()
        }
    }

    #[test]
    fn profiles_not_reviewed_within_the_period_are_listed_most_overdue_first() {
        let mut reviewed = profile("Reviewed", "2025-01-01");
        reviewed.last_reviewed = Some(d("2026-11-01"));
        let mut stale = profile("Stale", "2025-01-01");
        stale.last_reviewed = Some(d("2026-01-01"));
        let never = profile("Never", "2026-08-24");
        let fresh = profile("Fresh", "2026-11-20");
        let found = attention(
            &[reviewed, stale, never, fresh],
            d("2026-11-22"),
            review_every(90),
        );
        let names: Vec<_> = found
            .reviews
            .iter()
            .map(|r| (r.company.as_str(), r.days_overdue))
            .collect();
        assert_eq!(names, vec![("Stale", 235), ("Never", 0)]);
    }

    #[test]
    fn birthdays_in_the_next_30_days_are_listed_across_the_year_end() {
        let mut p = profile("Acme", "2026-01-01");
        p.people = vec![
            person("Jan", 1, 10, Some(1980)),
            person("Ewa", 12, 22, None),
            person("Late", 1, 22, None),
            person("Past", 12, 19, None),
        ];
        let found = attention(&[p], d("2026-12-20"), review_every(9999));
        let listed: Vec<_> = found
            .birthdays
            .iter()
            .map(|b| (b.name.as_str(), b.on, b.in_days, b.turns))
            .collect();
        assert_eq!(
            listed,
            vec![
                ("Ewa", d("2026-12-22"), 2, None),
                ("Jan", d("2027-01-10"), 21, Some(47))
            ]
        );
    }

    #[test]
    fn a_29_february_birthday_shows_on_28_february_in_a_common_year() {
        let mut p = profile("Acme", "2026-01-01");
        p.people = vec![person("Leap", 2, 29, Some(1984))];
        let found = attention(&[p], d("2027-02-15"), review_every(9999));
        assert_eq!(found.birthdays[0].on, d("2027-02-28"));
        assert_eq!(found.birthdays[0].turns, Some(43));
    }

    #[test]
    fn overdue_steps_are_listed_oldest_first_with_their_company() {
        let mut a = profile("Acme", "2026-01-01");
        let mut b = profile("Beta", "2026-01-01");
        let step = |text: &str, due: &str, done| ActionStep {
            description: text.into(),
            due: Some(d(due)),
            done,
            ..ActionStep::default()
        };
        a.action_plan = vec![
            step("Send proposal", "2026-11-10", false),
            step("Done", "2026-11-01", true),
        ];
        b.action_plan = vec![
            step("Call CFO", "2026-11-05", false),
            step("Future", "2026-12-01", false),
        ];
        let found = attention(&[a, b], d("2026-11-22"), review_every(9999));
        let listed: Vec<_> = found
            .overdue
            .iter()
            .map(|s| (s.company.as_str(), s.description.as_str()))
            .collect();
        assert_eq!(
            listed,
            vec![("Beta", "Call CFO"), ("Acme", "Send proposal")]
        );
    }
}
