//! A realistic workspace with every kind of field filled, for the schema
//! test and the example file.

use clientele::domain::date::Birthday;
use clientele::domain::input::Span;
use clientele::domain::profile::{
    ActionStep, Address, BuyingRole, Competitor, FinancialRating, LogEntry, LogKind, Opportunity,
    Person, Status, YesNoUnknown,
};
use clientele::domain::scoring::{Answer, CriterionKind, default_model};
use clientele::domain::{Date, Money, Timestamp, Workspace};

/// The moment the sample is written.
pub fn now() -> Timestamp {
    "2026-11-22T09:00:00Z".parse().unwrap()
}

fn money(text: &str) -> Money {
    text.parse().unwrap()
}

fn date(y: i32, m: u32, d: u32) -> Date {
    Date::new(y, m, d).unwrap()
}

/// An IT services firm's workspace: three customers and a prospect, a
/// worksheet charting two of them, and the default scoring model.
pub fn sample_workspace() -> Workspace {
    let mut ws = Workspace::new(now());
    ws.name = "Northwind IT services".into();
    let model = default_model(now());
    let rating = model
        .criteria
        .iter()
        .find(|c| matches!(c.kind, CriterionKind::Rating { .. }))
        .unwrap()
        .id;
    ws.add_model(model);
    let customers = [
        (
            "Contoso Manufacturing",
            "Manufacturing",
            "contoso.com",
            "4250.50",
            "Gdańsk",
        ),
        (
            "Fabrikam Legal LLP",
            "Law",
            "fabrikam-legal.com",
            "1800",
            "Warszawa",
        ),
        (
            "Tailspin Health",
            "Healthcare",
            "tailspin.health",
            "9100",
            "Kraków",
        ),
    ];
    for (name, industry, site, monthly, city) in customers {
        let id = ws.add_profile(name, now()).unwrap();
        let p = ws.profile_mut(id).unwrap();
        p.status = Status::Customer;
        p.industry = industry.into();
        p.business_type = "Entrepreneur".into();
        p.website = Some(format!("https://{site}"));
        p.employees = Some(Span::Range { low: 50, high: 100 });
        p.revenue = Some(Span::Exact {
            value: money("12500000"),
        });
        p.currency = "PLN".into();
        p.location = city.into();
        p.region = "North".into();
        p.customer_since = Some(date(2019, 3, 14));
        p.addresses.push(Address {
            label: "Head office".into(),
            text: format!("ul. Długa 1, {city}"),
            headquarters: true,
            ..Address::default()
        });
        p.hq_phone = "+48 58 000 00 00".into();
        p.hq_email = Some(format!("office@{site}"));
        p.people.push(Person {
            name: "Jan Kowalski".into(),
            title: "CFO".into(),
            role: BuyingRole::DecisionMaker,
            key_executive: true,
            influence: Some(5),
            email: Some(format!("jan@{site}")),
            phone: "+48 600 000 000".into(),
            birthday: Some(Birthday::new(2, 29, Some(1980), date(2026, 11, 22)).unwrap()),
            notes: "Prefers e-mail".into(),
            ..Person::default()
        });
        p.purchases = vec!["Managed services".into(), "Cloud backup".into()];
        p.monthly_spend = Some(money(monthly));
        p.direct_costs = Some(money("12000"));
        p.referred = YesNoUnknown::Yes;
        p.referral_count = Some(2);
        p.testimonial = YesNoUnknown::No;
        p.loyalty_notes = "Renewed twice".into();
        p.financial.rating = FinancialRating::Stable;
        p.financial.as_of = Some(date(2026, 6, 30));
        p.financial.source = "Annual report".into();
        p.opportunities.push(Opportunity {
            title: "Office 365 migration".into(),
            value: Some(money("80000")),
            stage: "Proposal".into(),
            expected: Some(date(2027, 1, 31)),
            ..Opportunity::default()
        });
        p.competitors.push(Competitor {
            name: "Adatum".into(),
            sells: "Hardware".into(),
            ..Competitor::default()
        });
        p.action_plan.push(ActionStep {
            description: "Quarterly review".into(),
            owner: "Anna".into(),
            due: Some(date(2026, 12, 15)),
            ..ActionStep::default()
        });
        p.log.push(LogEntry {
            date: Some(date(2026, 10, 1)),
            kind: LogKind::NewProject,
            text: "New plant in Gdynia".into(),
            ..LogEntry::default()
        });
        p.purchases_per_year = Some(6);
        p.answers.insert(rating, Answer::Rating(4));
        p.last_reviewed = Some(date(2026, 11, 1));
    }
    ws.add_profile("Litware Bank", now()).unwrap();
    let sheet = ws.add_worksheet("Top customers 2026", now()).unwrap();
    let (first, second) = (ws.profiles[0].clone(), ws.profiles[1].clone());
    let sheet = ws.worksheet_mut(sheet).unwrap();
    let (a, b) = (sheet.columns[0].id, sheet.columns[1].id);
    sheet.link(a, &first, date(2026, 11, 22));
    sheet.link(b, &second, date(2026, 11, 22));
    ws
}

/// A profile as a team typically keeps it: the company, two people, what
/// they buy and spend, a short plan and log, and six ratings. Ids and the
/// varying text are drawn from `n`.
pub fn typical_profile(
    n: usize,
    ratings: &[clientele::domain::CriterionId],
) -> clientele::domain::Profile {
    let mut p = clientele::domain::Profile::new(format!("Company {n} Sp. z o.o."), now());
    p.status = Status::Customer;
    p.website = Some(format!("https://company{n}.example.com"));
    p.industry = "Manufacturing".into();
    p.business_type = "Entrepreneur".into();
    p.employees = Some(Span::Range { low: 50, high: 100 });
    p.revenue = Some(Span::Exact {
        value: money("12500000"),
    });
    p.currency = "PLN".into();
    p.location = "Gdańsk, Poland".into();
    p.region = "North".into();
    p.customer_since = Some(date(2019, 3, 14));
    p.addresses.push(Address {
        label: "Head office".into(),
        text: format!("ul. Długa {n}, 80-001 Gdańsk"),
        headquarters: true,
        ..Address::default()
    });
    p.hq_phone = "+48 58 123 45 67".into();
    p.hq_email = Some(format!("office@company{n}.example.com"));
    for (name, title) in [("Jan Kowalski", "CFO"), ("Anna Nowak", "IT manager")] {
        p.people.push(Person {
            name: name.into(),
            title: title.into(),
            role: BuyingRole::DecisionMaker,
            email: Some(format!(
                "{}@company{n}.example.com",
                name.split(' ').next().unwrap().to_lowercase()
            )),
            phone: "+48 600 123 456".into(),
            birthday: Some(Birthday::new(5, 17, None, date(2026, 11, 22)).unwrap()),
            ..Person::default()
        });
    }
    p.purchases = vec![
        "Managed services".into(),
        "Cloud backup".into(),
        "Hardware".into(),
    ];
    p.monthly_spend = Some(money("4250.50"));
    p.direct_costs = Some(money("12000"));
    p.referred = YesNoUnknown::Yes;
    p.financial.rating = FinancialRating::Stable;
    p.financial.note = "Profitable, growing 8% a year".into();
    p.opportunities.push(Opportunity {
        title: "Office 365 migration".into(),
        value: Some(money("80000")),
        stage: "Proposal".into(),
        ..Opportunity::default()
    });
    p.competitors.push(Competitor {
        name: "Adatum".into(),
        sells: "Hardware".into(),
        ..Competitor::default()
    });
    for step in [
        "Quarterly review",
        "Send the renewal offer",
        "Invite to the user day",
    ] {
        p.action_plan.push(ActionStep {
            description: step.into(),
            owner: "Anna".into(),
            due: Some(date(2026, 12, 15)),
            ..ActionStep::default()
        });
    }
    p.log.push(LogEntry {
        date: Some(date(2026, 10, 1)),
        kind: LogKind::NewProject,
        text: "New plant in Gdynia".into(),
        ..LogEntry::default()
    });
    p.log.push(LogEntry {
        date: Some(date(2026, 6, 1)),
        kind: LogKind::FinancialUpdate,
        text: "Annual report filed".into(),
        ..LogEntry::default()
    });
    for id in ratings.iter().take(6) {
        p.answers.insert(*id, Answer::Rating(4));
    }
    p.last_reviewed = Some(date(2026, 11, 1));
    p
}
