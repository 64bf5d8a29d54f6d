//! A realistic workspace of a small B2B IT services firm, built with the real
//! domain code: the example file `public/example.clientele.json` is written
//! from it, the schema test exports it in every kind of file, and the bad-file
//! test keeps it in storage while bad files are imported.
//!
//! Every id is fixed (derived from a counter), so the example file does not
//! change when it is written again and the bad fixtures can name records that
//! are already stored.
#![allow(dead_code)]

use clientele::domain::account_plan::AccountGoal;
use clientele::domain::custom_field::{CustomField, FieldKind};
use clientele::domain::date::Birthday;
use clientele::domain::icp::ChartColumn;
use clientele::domain::input::Span;
use clientele::domain::profile::{
    ActionStep, Address, BuyingRole, Competitor, FinancialRating, LogEntry, LogKind, Opportunity,
    Person, Status, YesNoUnknown,
};
use clientele::domain::scoring::{Answer, Basis, ScoringModel, default_model};
use clientele::domain::{
    AddressId, ColumnId, CompetitorId, CriterionId, CustomFieldId, Date, GoalId, LogEntryId,
    ModelId, Money, OpportunityId, PersonId, ProfileId, StepId, Timestamp, WorksheetId, Workspace,
    WorkspaceId,
};
use uuid::Uuid;

/// The moment the sample is written.
pub fn now() -> Timestamp {
    "2026-11-22T09:00:00Z".parse().unwrap()
}

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

/// The day the sample is written.
pub fn today() -> Date {
    date(2026, 11, 22)
}

/// The `n`th fixed id: random-looking version 4 UUIDs, the same every run.
pub fn fixed_id(n: u64) -> Uuid {
    // SplitMix64, twice, as the random bytes of a version 4 UUID.
    let mix = |mut z: u64| {
        z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&mix(2 * n).to_be_bytes());
    bytes[8..].copy_from_slice(&mix(2 * n + 1).to_be_bytes());
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

/// Hands out fixed ids in order.
struct Ids(u64);

impl Ids {
    fn next(&mut self) -> Uuid {
        self.0 += 1;
        fixed_id(self.0)
    }
}

pub fn money(text: &str) -> Money {
    text.parse().unwrap()
}

pub fn date(y: i32, m: u32, d: u32) -> Date {
    Date::new(y, m, d).unwrap()
}

/// The stored workspace's id.
pub fn workspace_id() -> WorkspaceId {
    WorkspaceId::from_uuid(fixed_id(1))
}

/// The default Perfect Prospect Model with fixed ids.
fn model(ids: &mut Ids) -> ScoringModel {
    let mut model = default_model(now());
    model.id = ModelId::from_uuid(ids.next());
    for criterion in &mut model.criteria {
        criterion.id = CriterionId::from_uuid(ids.next());
    }
    // The example was first written with the default of schema 4 (company
    // revenue, direct costs, profitability first) and brought up to date:
    // its money criteria have the ids that update gave them.
    let first: Vec<CriterionId> = model.criteria.iter().take(3).map(|c| c.id).collect();
    model.criteria[0].id = clientele::domain::scoring::replacement_id(first[1]);
    model.criteria[1].id = first[2];
    model.criteria[2].id = first[0];
    model
}

fn criterion(model: &ScoringModel, name: &str) -> CriterionId {
    model
        .criteria
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("the default model has no {name}"))
        .id
}

/// Northwind IT Services: two customers (a manufacturer and a law firm) and
/// a bank they are pitching to, an ICP worksheet charting the customers
/// next to one typed-in client, and the default scoring model.
pub fn sample_workspace() -> Workspace {
    let mut ids = Ids(1);
    let mut ws = Workspace::new(now());
    ws.id = workspace_id();
    ws.created_at = at("2024-02-01T08:30:00Z");
    ws.name = "Northwind IT Services – sales".into();
    ws.revision = 42;
    let model = model(&mut ids);
    let (ease, prestige, alignment, customization) = (
        criterion(&model, "Ease of working with them"),
        criterion(&model, "Brand prestige"),
        criterion(&model, "Strategic alignment"),
        criterion(&model, "Customization they need"),
    );
    ws.add_model(model);
    // Two fields of the team's own. Their ids are fixed apart from `ids`, so
    // that the records after them keep theirs.
    let plan = CustomFieldId::from_uuid(Uuid::from_u128(0x5a3e0000_0000_4000_8000_0000000000c1));
    let renewal = CustomFieldId::from_uuid(Uuid::from_u128(0x5a3e0000_0000_4000_8000_0000000000c2));
    ws.settings.custom_fields = vec![
        CustomField {
            id: plan,
            name: "Support plan".into(),
            kind: FieldKind::Choice,
            options: vec!["Gold".into(), "Silver".into(), "Bronze".into()],
            unknown_fields: Default::default(),
        },
        CustomField {
            id: renewal,
            name: "Contract renewal".into(),
            kind: FieldKind::Date,
            options: Vec::new(),
            unknown_fields: Default::default(),
        },
    ];

    // A manufacturer, customer since 2019.
    let contoso = ProfileId::from_uuid(ids.next());
    let id = ws
        .add_profile("Contoso Manufacturing Sp. z o.o.", now())
        .unwrap();
    let p = ws.profile_mut(id).unwrap();
    p.id = contoso;
    p.created_at = at("2024-02-05T10:12:00Z");
    p.status = Status::Customer;
    p.website = Some("https://www.contoso-manufacturing.pl".into());
    p.industry = "Manufacturing".into();
    p.business_type = "Franchise".into();
    p.employees = Some(Span::Range {
        low: 250,
        high: 400,
    });
    p.revenue = Some(Span::Range {
        low: money("80000000"),
        high: money("120000000"),
    });
    p.currency = "PLN".into();
    p.location = "Gdańsk, Pomorskie".into();
    p.region = "North".into();
    p.customer_since = Some(date(2019, 3, 14));
    p.addresses = vec![
        Address {
            unknown_fields: Default::default(),
            id: AddressId::from_uuid(ids.next()),
            label: "Head office".into(),
            text: "ul. Grunwaldzka 472\n80-309 Gdańsk".into(),
            headquarters: true,
        },
        Address {
            unknown_fields: Default::default(),
            id: AddressId::from_uuid(ids.next()),
            label: "Plant".into(),
            text: "ul. Przemysłowa 8\n81-061 Gdynia".into(),
            headquarters: false,
        },
    ];
    p.hq_phone = "+48 58 555 01 00".into();
    p.hq_email = Some("biuro@contoso-manufacturing.pl".into());
    p.people = vec![
        Person {
            unknown_fields: Default::default(),
            id: PersonId::from_uuid(ids.next()),
            name: "Katarzyna Nowak".into(),
            title: "CFO".into(),
            role: BuyingRole::DecisionMaker,
            key_executive: true,
            influence: Some(5),
            email: Some("k.nowak@contoso-manufacturing.pl".into()),
            phone: "+48 601 555 210".into(),
            birthday: Some(Birthday::new(2, 29, Some(1976), today()).unwrap()),
            notes: "Signs every contract over 50 000 PLN; prefers e-mail.".into(),
        },
        Person {
            id: PersonId::from_uuid(ids.next()),
            name: "Piotr Wiśniewski".into(),
            title: "IT Manager".into(),
            role: BuyingRole::Champion,
            influence: Some(4),
            email: Some("p.wisniewski@contoso-manufacturing.pl".into()),
            phone: "+48 602 555 311".into(),
            ..Person::default()
        },
    ];
    p.purchases = vec![
        "Managed IT services".into(),
        "Microsoft 365 licences".into(),
        "Backup and disaster recovery".into(),
    ];
    p.monthly_spend = Some(money("18500.00"));
    p.cost_to_serve = Some(money("96000"));
    p.cost_to_win = Some(money("12500"));
    p.referred = YesNoUnknown::Yes;
    p.referral_count = Some(2);
    p.testimonial = YesNoUnknown::Yes;
    p.loyalty_notes = "Renewed the managed-services contract twice without a tender.".into();
    p.needs = "Backup they can prove to their auditors; one invoice for all sites.".into();
    p.financial.rating = FinancialRating::Strong;
    p.financial.note = "Profitable for five years; new plant financed from cash.".into();
    p.financial.as_of = Some(date(2026, 6, 30));
    p.financial.source = "Annual report 2025".into();
    p.opportunities.push(Opportunity {
        unknown_fields: Default::default(),
        id: OpportunityId::from_uuid(ids.next()),
        title: "Network and Wi-Fi for the Gdynia plant".into(),
        value: Some(money("240000")),
        stage: "Proposal".into(),
        expected: Some(date(2027, 2, 28)),
    });
    p.competitors.push(Competitor {
        unknown_fields: Default::default(),
        id: CompetitorId::from_uuid(ids.next()),
        name: "Adatum Systems".into(),
        sells: "Hardware and cabling".into(),
        notes: "Cheaper on hardware, no 24/7 support.".into(),
    });
    p.action_plan = vec![
        ActionStep {
            unknown_fields: Default::default(),
            id: StepId::from_uuid(ids.next()),
            description: "Site survey at the Gdynia plant".into(),
            owner: "Anna".into(),
            due: Some(date(2026, 12, 4)),
            done: true,
        },
        ActionStep {
            unknown_fields: Default::default(),
            id: StepId::from_uuid(ids.next()),
            description: "Send the network proposal to the CFO".into(),
            owner: "Anna".into(),
            due: Some(date(2026, 12, 15)),
            done: false,
        },
    ];
    // A goal of the key account plan, served by the opportunity and both
    // steps. Its id is fixed apart from `ids`, so that the records after it
    // keep theirs.
    p.account_plan.push(AccountGoal {
        unknown_fields: Default::default(),
        id: GoalId::from_uuid(Uuid::from_u128(0x5a3e0000_0000_4000_8000_000000000001)),
        goal: "Become their only IT supplier for the new plant".into(),
        target: "Network and Wi-Fi won; 180,000 a year in managed services".into(),
        from: Some(date(2027, 1, 1)),
        until: Some(date(2027, 12, 31)),
        opportunities: vec![p.opportunities[0].id],
        steps: p.action_plan.iter().map(|s| s.id).collect(),
    });
    p.log.push(LogEntry {
        unknown_fields: Default::default(),
        id: LogEntryId::from_uuid(ids.next()),
        date: Some(date(2026, 10, 1)),
        kind: LogKind::NewProject,
        text: "Opening a second plant in Gdynia in 2027.".into(),
    });
    p.purchases_per_year = Some(14);
    p.answers.insert(ease, Answer::Rating(4));
    p.answers.insert(prestige, Answer::Rating(3));
    p.answers.insert(alignment, Answer::Rating(5));
    p.answers.insert(customization, Answer::Rating(2));
    p.last_reviewed = Some(date(2026, 11, 2));
    p.custom.insert(plan, "Gold".into());
    p.custom.insert(renewal, "2027-06-30".into());

    // A law firm, customer since 2022.
    let fabrikam = ProfileId::from_uuid(ids.next());
    let id = ws.add_profile("Fabrikam Legal LLP", now()).unwrap();
    let p = ws.profile_mut(id).unwrap();
    p.id = fabrikam;
    p.created_at = at("2024-06-11T14:03:00Z");
    p.status = Status::Customer;
    p.website = Some("https://fabrikam-legal.com".into());
    p.custom.insert(plan, "Silver".into());
    p.industry = "Law".into();
    p.employees = Some(Span::Exact { value: 45 });
    p.revenue = Some(Span::Exact {
        value: money("21500000"),
    });
    p.currency = "PLN".into();
    p.location = "Warszawa, Mokotów".into();
    p.region = "Central".into();
    p.customer_since = Some(date(2022, 9, 1));
    p.addresses.push(Address {
        unknown_fields: Default::default(),
        id: AddressId::from_uuid(ids.next()),
        label: "Office".into(),
        text: "ul. Puławska 145\n02-715 Warszawa".into(),
        headquarters: true,
    });
    p.hq_phone = "+48 22 555 40 40".into();
    p.people.push(Person {
        id: PersonId::from_uuid(ids.next()),
        name: "Marek Zieliński".into(),
        title: "Managing Partner".into(),
        role: BuyingRole::DecisionMaker,
        key_executive: true,
        influence: Some(5),
        email: Some("marek.zielinski@fabrikam-legal.com".into()),
        ..Person::default()
    });
    p.people.push(Person {
        id: PersonId::from_uuid(ids.next()),
        name: "Ewa Lewandowska".into(),
        title: "Office Manager".into(),
        role: BuyingRole::Gatekeeper,
        influence: Some(2),
        phone: "+48 22 555 40 41".into(),
        ..Person::default()
    });
    p.purchases = vec!["Helpdesk".into(), "Document management system".into()];
    p.yearly_spend = Some(money("96000"));
    p.cost_to_serve = Some(money("41250.50"));
    p.testimonial = YesNoUnknown::Yes;
    p.financial.rating = FinancialRating::Stable;
    p.log.push(LogEntry {
        unknown_fields: Default::default(),
        id: LogEntryId::from_uuid(ids.next()),
        date: Some(date(2026, 5, 12)),
        kind: LogKind::KeyPersonnelChange,
        text: "New IT partner; our contact moved to the Kraków office.".into(),
    });
    p.purchases_per_year = Some(4);
    p.answers.insert(ease, Answer::Rating(5));
    p.answers.insert(prestige, Answer::Rating(4));
    p.last_reviewed = Some(date(2026, 9, 15));

    // A bank they are pitching to.
    let litware = ProfileId::from_uuid(ids.next());
    let id = ws.add_profile("Litware Bank S.A.", now()).unwrap();
    let p = ws.profile_mut(id).unwrap();
    p.id = litware;
    p.created_at = at("2026-09-30T07:45:00Z");
    p.website = Some("https://litwarebank.example".into());
    p.industry = "Banking".into();
    p.employees = Some(Span::Range {
        low: 1000,
        high: 1500,
    });
    p.currency = "EUR".into();
    p.location = "Poznań".into();
    p.region = "West".into();
    p.people.push(Person {
        id: PersonId::from_uuid(ids.next()),
        name: "Tomasz Kamiński".into(),
        title: "Head of IT Operations".into(),
        role: BuyingRole::Influencer,
        influence: Some(3),
        ..Person::default()
    });
    p.opportunities.push(Opportunity {
        unknown_fields: Default::default(),
        id: OpportunityId::from_uuid(ids.next()),
        title: "Security operations centre (pilot)".into(),
        value: Some(money("85000.00")),
        stage: "Qualification".into(),
        expected: None,
    });
    p.financial.rating = FinancialRating::Strong;
    p.financial.source = "KNF filings".into();

    // The ICP worksheet: the two customers and a client typed in.
    let sheet = ws.add_worksheet("Top customers 2026", now()).unwrap();
    let (first, second) = (
        ws.profile(contoso).unwrap().clone(),
        ws.profile(fabrikam).unwrap().clone(),
    );
    let sheet_id = WorksheetId::from_uuid(ids.next());
    let sheet = ws.worksheet_mut(sheet).unwrap();
    sheet.id = sheet_id;
    sheet.columns.truncate(3);
    for column in &mut sheet.columns {
        column.id = ColumnId::from_uuid(ids.next());
    }
    let (a, b) = (sheet.columns[0].id, sheet.columns[1].id);
    sheet.link(a, &first, &Basis::one_currency(today()));
    sheet.link(b, &second, &Basis::one_currency(today()));
    let typed_in: &mut ChartColumn = &mut sheet.columns[2];
    typed_in.values.employees = Some(Span::Range { low: 80, high: 120 });
    typed_in.values.industry = "Healthcare".into();
    typed_in.values.location = "Kraków".into();
    typed_in.values.years = Some(Span::Exact { value: 6 });
    typed_in.values.purchases = vec!["Managed IT services".into()];
    typed_in.values.monthly_spend = Some(money("9100"));
    typed_in.values.referred = YesNoUnknown::No;
    typed_in.values.testimonial = YesNoUnknown::Yes;
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
    p.cost_to_serve = Some(money("12000"));
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

/// A workspace of `profiles` typical profiles, rated on the default
/// model: what the benchmarks and the capacity test measure.
pub fn typical_workspace(profiles: usize) -> Workspace {
    let mut ws = Workspace::new(now());
    let model = default_model(now());
    let ratings: Vec<_> = model.criteria.iter().map(|c| c.id).collect();
    ws.add_model(model);
    ws.profiles = (0..profiles)
        .map(|n| typical_profile(n, &ratings))
        .collect();
    ws
}

/// Browser storage as a map, for measuring and timing saves natively.
#[derive(Default)]
pub struct StorageMap(std::cell::RefCell<std::collections::BTreeMap<String, String>>);

impl StorageMap {
    /// UTF-16 code units (what browsers count) in every key and value.
    pub fn chars(&self) -> usize {
        self.0
            .borrow()
            .iter()
            .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
            .sum()
    }
}

impl clientele::storage::Slots for StorageMap {
    fn read(
        &self,
        key: &clientele::storage::StorageKey,
    ) -> Result<Option<String>, clientele::storage::StorageError> {
        Ok(self.0.borrow().get(&key.name()).cloned())
    }
    fn write(
        &self,
        key: &clientele::storage::StorageKey,
        text: &str,
    ) -> Result<(), clientele::storage::StorageError> {
        self.0.borrow_mut().insert(key.name(), text.to_owned());
        Ok(())
    }
    fn remove(
        &self,
        key: &clientele::storage::StorageKey,
    ) -> Result<(), clientele::storage::StorageError> {
        self.0.borrow_mut().remove(&key.name());
        Ok(())
    }
    fn keys(
        &self,
    ) -> Result<Vec<clientele::storage::StorageKey>, clientele::storage::StorageError> {
        Ok(self
            .0
            .borrow()
            .keys()
            .filter_map(|k| clientele::storage::StorageKey::parse(k))
            .collect())
    }
}

/// Characters `ws` takes in browser storage, as the app saves it (its
/// manifest and chunks, keys included).
pub fn stored_chars(ws: &Workspace) -> usize {
    let slots = StorageMap::default();
    let mut ws = ws.clone();
    let memo = &mut clientele::storage::chunks::ChunkMemo::default();
    let attempt = clientele::storage::tabs::save(&slots, None, memo, &mut ws, now());
    assert!(attempt.result.is_ok(), "{:?}", attempt.result);
    slots.chars()
}
