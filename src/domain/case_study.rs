//! A profile cleaned up for readers outside the company (seed 000: profiles
//! become external case studies): only what may be shown, chosen part by
//! part. Money, competitors, scores, internal notes and people's contact
//! data never enter it, so no view of it can show them.

use super::date::Date;
use super::profile::{LogKind, Profile, YesNoUnknown};

/// The parts of a case study the user chose to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseStudyParts {
    /// Industry, type of business, size, location, customer since.
    pub company: bool,
    /// What they buy from us (names of products, no amounts).
    pub purchases: bool,
    /// Key people's names and job titles.
    pub people: bool,
    /// Whether they referred us and gave a testimonial.
    pub relationship: bool,
    /// Their needs and wishes.
    pub needs: bool,
    /// New projects and product lines from the update log.
    pub projects: bool,
}

impl Default for CaseStudyParts {
    /// The company and what they buy; people, needs and projects only when
    /// chosen.
    fn default() -> Self {
        Self {
            company: true,
            purchases: true,
            people: false,
            relationship: true,
            needs: false,
            projects: false,
        }
    }
}

/// What a case study shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseStudy {
    /// The company's name.
    pub name: String,
    /// Its web address.
    pub website: Option<String>,
    /// (label, value) of the company facts known, labelled in the
    /// interface's language.
    pub facts: Vec<(&'static str, String)>,
    /// What they buy.
    pub purchases: Vec<String>,
    /// (name, job title) of the key people.
    pub people: Vec<(String, String)>,
    /// (label, answer) of referrals and testimonials answered yes or no,
    /// in the interface's language.
    pub relationship: Vec<(&'static str, &'static str)>,
    /// Their needs and wishes.
    pub needs: String,
    /// (date, text) of new projects and product lines.
    pub projects: Vec<(Option<Date>, String)>,
}

impl CaseStudy {
    /// The case study of `profile` with the `parts` chosen.
    pub fn of(profile: &Profile, parts: CaseStudyParts, today: Date) -> Self {
        let p = profile;
        let mut facts = Vec::new();
        if parts.company {
            let mut fact = |label, value: String| {
                if !value.trim().is_empty() {
                    facts.push((label, value));
                }
            };
            fact(crate::t!(profile_case_study_industry), p.industry.clone());
            fact(
                crate::t!(profile_case_study_business_type),
                p.business_type.clone(),
            );
            fact(
                crate::t!(profile_case_study_employees),
                p.employees
                    .map(|s| super::input::span_text(&s, |n| n.to_string()))
                    .unwrap_or_default(),
            );
            fact(crate::t!(profile_case_study_location), p.location.clone());
            fact(
                crate::t!(profile_case_study_customer_since),
                p.customer_since
                    .map(|d| d.year().to_string())
                    .unwrap_or_default(),
            );
            if let Some(years) = p.years_as_customer(today).filter(|y| *y > 0) {
                fact(crate::t!(profile_case_study_years), years.to_string());
            }
        }
        let answered = |label, answer: YesNoUnknown| match answer {
            YesNoUnknown::Yes | YesNoUnknown::No => Some((label, answer.shown())),
            _ => None,
        };
        Self {
            name: p.name.clone(),
            website: parts.company.then(|| p.website.clone()).flatten(),
            facts,
            purchases: if parts.purchases {
                p.purchases.clone()
            } else {
                Vec::new()
            },
            people: if parts.people {
                p.people
                    .iter()
                    .map(|x| (x.name.clone(), x.title.clone()))
                    .collect()
            } else {
                Vec::new()
            },
            relationship: if parts.relationship {
                [
                    answered(crate::t!(profile_case_study_referred), p.referred),
                    answered(crate::t!(profile_case_study_testimonial), p.testimonial),
                ]
                .into_iter()
                .flatten()
                .collect()
            } else {
                Vec::new()
            },
            needs: if parts.needs {
                p.needs.clone()
            } else {
                String::new()
            },
            projects: if parts.projects {
                p.log
                    .iter()
                    .filter(|e| e.kind == LogKind::NewProject)
                    .map(|e| (e.date, e.text.clone()))
                    .collect()
            } else {
                Vec::new()
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::profile::{Competitor, LogEntry, Person};
    use crate::domain::time::Timestamp;

    /// A profile with a secret in every field a case study leaves out.
    fn profile() -> Profile {
        let secret = |what: &str| format!("SECRET-{what}");
        let mut p = Profile::new("Acme".into(), Timestamp::from_millis(0));
        p.industry = "Logistics".into();
        p.purchases = vec!["Backup".into()];
        p.needs = "Faster delivery".into();
        p.referred = YesNoUnknown::Yes;
        p.yearly_spend = Some("987654".parse().unwrap());
        p.cost_to_serve = Some("123456".parse().unwrap());
        p.loyalty_notes = secret("loyalty");
        p.financial.note = secret("financial");
        p.hq_phone = secret("hq-phone");
        p.people.push(Person {
            name: "Anna Nowak".into(),
            title: "CFO".into(),
            email: Some("secret@acme.pl".into()),
            phone: secret("phone"),
            notes: secret("person-notes"),
            ..Person::default()
        });
        p.competitors.push(Competitor {
            name: secret("competitor"),
            ..Competitor::default()
        });
        p.log.push(LogEntry {
            kind: LogKind::NewProject,
            text: "A second warehouse".into(),
            ..LogEntry::default()
        });
        p.log.push(LogEntry {
            kind: LogKind::Other,
            text: secret("log"),
            ..LogEntry::default()
        });
        p
    }

    fn all_parts() -> CaseStudyParts {
        CaseStudyParts {
            company: true,
            purchases: true,
            people: true,
            relationship: true,
            needs: true,
            projects: true,
        }
    }

    #[test]
    fn nothing_left_out_enters_a_case_study_even_with_every_part_shown() {
        let study = CaseStudy::of(&profile(), all_parts(), "2026-12-01".parse().unwrap());
        let shown = format!("{study:?}");
        for left_out in ["SECRET", "987", "123456", "secret@acme.pl"] {
            assert!(!shown.contains(left_out), "{left_out} in {shown}");
        }
        assert_eq!(study.people, [("Anna Nowak".to_owned(), "CFO".to_owned())]);
        assert_eq!(
            study.relationship,
            [("Referred other customers to us", "Yes")]
        );
        assert_eq!(study.projects, [(None, "A second warehouse".to_owned())]);
        assert_eq!(study.needs, "Faster delivery");
    }

    #[test]
    fn only_the_parts_chosen_are_shown() {
        let study = CaseStudy::of(
            &profile(),
            CaseStudyParts::default(),
            "2026-12-01".parse().unwrap(),
        );
        assert_eq!(study.facts, [("Industry", "Logistics".to_owned())]);
        assert_eq!(study.purchases, ["Backup"]);
        assert!(study.people.is_empty() && study.needs.is_empty() && study.projects.is_empty());
    }

    #[test]
    fn labels_and_answers_read_in_polish() {
        use crate::i18n::{Language, set_language};
        set_language(Language::Polish);
        let study = CaseStudy::of(&profile(), all_parts(), "2026-12-01".parse().unwrap());
        set_language(Language::English);
        assert_eq!(study.facts, [("Branża", "Logistics".to_owned())]);
        assert_eq!(study.relationship, [("Polecili nas innym klientom", "Tak")]);
    }
}
