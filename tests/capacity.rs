//! How many typical profiles fit in the browser's storage, measured in
//! UTF-16 code units as browsers count them, in the packed chunks storage
//! keeps (`storage::tabs::save`, see `format::stored`). Empty fields are left out and nothing
//! derived is stored.
//!
//! At least 2,500 must fit in 5 MiB. Plain file text takes about 2,380
//! characters a typical profile (about 2,190 would fit); packed, far fewer.
//!
//! And every export imports back: the backup of a workspace that fills
//! storage is under the import limit (`format::MAX_FILE_BYTES`) and reads
//! back as the same workspace.
//!
//! README's "Your data" states what these tests measure; [`readme`] holds
//! its figures, and the tests fail when a measurement strays from one, so
//! that README and the app cannot drift apart silently.
#![cfg(not(target_arch = "wasm32"))]

mod sample;

use clientele::domain::Workspace;
use clientele::domain::scoring::Answer;
use clientele::domain::share::Export;
use clientele::domain::share::merge::{ImportMode, MergeChoices, apply};
use clientele::format::import::check_size;
use clientele::format::{
    MAX_FILE_BYTES, STORAGE_QUOTA_CHARS, decode_file, encode_export, encode_workspace,
};
use sample::{now, stored_chars, typical_workspace};

/// 5 MiB, the smallest allowance of the major browsers, in characters:
/// the quota the app counts with.
const FIVE_MIB_CHARS: usize = STORAGE_QUOTA_CHARS as usize;

/// The figures README's "Your data" states, word for word there. README
/// says "about" and "some": a figure holds while it is within
/// [`TOLERANCE`] of what is measured. Change one only together with
/// README.
mod readme {
    /// "the 5.24 million characters Chromium allows".
    pub const QUOTA_CHARS: f64 = 5.24e6;
    /// "a typical profile (two people, a short plan and log, six ratings)
    /// takes about 420 characters": packed, every profile with words of
    /// its own.
    pub const PACKED_CHARS: f64 = 420.0;
    /// "… instead of 2,380": as plain file text.
    pub const PLAIN_CHARS: f64 = 2_380.0;
    /// "some 12,000 fit": packed, with words of their own; at least this
    /// many must fit.
    pub const FIT: f64 = 12_000.0;
    /// "where plain text would hold about 2,190".
    pub const PLAIN_FIT: f64 = 2_190.0;
    /// "Profiles that share most of their texts pack tighter (about 210
    /// characters, …": the typical profiles of `typical_workspace`.
    pub const SHARED_PACKED_CHARS: f64 = 240.0;
    /// "… 21,000 of them)": at least this many must fit.
    pub const SHARED_FIT: f64 = 21_000.0;
    /// "their backup file is the largest a full storage gives, about 53 MB".
    pub const FULL_BACKUP_BYTES: f64 = 53e6;
}

/// How far README's rounded figures may be from a measurement: 8%. Ids are
/// random, so packed sizes vary from run to run: a typical profile packed
/// has taken from 236 to 249 characters (some 3% either side).
const TOLERANCE: f64 = 0.08;

#[test]
fn readme_states_the_figures_these_tests_check() {
    // README's text as one line: its paragraphs wrap anywhere.
    let readme = include_str!("../README.md")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let n = |figure: f64| grouped(figure as u64);
    for phrase in [
        format!(
            "takes about {} characters instead of {}: some {} fit in the {:.2} million characters",
            n(readme::PACKED_CHARS),
            n(readme::PLAIN_CHARS),
            n(readme::FIT),
            readme::QUOTA_CHARS / 1e6
        ),
        format!("plain text would hold about {}", n(readme::PLAIN_FIT)),
        format!(
            "(about {} characters, {} of them)",
            n(readme::SHARED_PACKED_CHARS),
            n(readme::SHARED_FIT)
        ),
        format!("about {} MB", n(readme::FULL_BACKUP_BYTES / 1e6)),
    ] {
        assert!(
            readme.contains(&phrase),
            "README's \"Your data\" no longer says {phrase:?}: update `readme` here with it"
        );
    }
}

/// `n` with a comma between thousands, as README writes numbers.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Fails unless README's `figure` for `what` is within [`TOLERANCE`] of
/// `measured`.
fn assert_readme_says(what: &str, figure: f64, measured: f64) {
    let off = (figure - measured).abs() / measured;
    assert!(
        off <= TOLERANCE,
        "README (\"Your data\") gives {what} as about {figure}, but it is {measured}, \
         {:.1}% off: correct README, or find what changed",
        off * 100.0
    );
}

/// What must fit.
const MUST_FIT: usize = 2_500;

/// Characters a typical profile takes, as `chars` counts them.
fn per_profile(chars: fn(&Workspace) -> usize) -> (usize, usize) {
    let empty = chars(&typical_workspace(0));
    let full = chars(&typical_workspace(MUST_FIT));
    let per_profile = (full - empty).div_ceil(MUST_FIT);
    (per_profile, (FIVE_MIB_CHARS - empty) / per_profile)
}

#[test]
fn at_least_2_500_typical_profiles_fit_in_5_mib() {
    let (plain, plain_fit) = per_profile(|ws| encode_workspace(ws, now()).encode_utf16().count());
    let (packed, fit) = per_profile(stored_chars);
    println!(
        "a typical profile takes {packed} characters in storage ({plain} as plain file text); \
         {fit} fit in 5 MiB ({plain_fit} plain)"
    );
    assert!(fit >= MUST_FIT, "only {fit} typical profiles fit in 5 MiB");

    assert_readme_says("the quota", readme::QUOTA_CHARS, FIVE_MIB_CHARS as f64);
    // These profiles share their texts: README's "pack tighter" figures.
    assert_readme_says(
        "the characters of a profile sharing its texts",
        readme::SHARED_PACKED_CHARS,
        packed as f64,
    );
    assert_readme_says(
        "how many profiles sharing their texts fit",
        readme::SHARED_FIT,
        fit as f64,
    );
    assert!(
        fit as f64 >= readme::SHARED_FIT,
        "README says {} profiles sharing their texts fit; {fit} do",
        readme::SHARED_FIT
    );
    // Plain file text is as long with words of their own: same lengths.
    assert_readme_says(
        "the characters of a profile as plain text",
        readme::PLAIN_CHARS,
        plain as f64,
    );
    assert_readme_says(
        "how many profiles fit as plain text",
        readme::PLAIN_FIT,
        plain_fit as f64,
    );
}

#[test]
fn at_least_2_500_fit_when_every_profile_has_words_of_its_own() {
    // Packing feeds on repeats, and the typical profiles share their texts;
    // real ones do not. Here every free text is made-up words of about the
    // same length, different in every profile, and every rating differs.
    let (packed, fit) = per_profile(|ws| stored_chars(&with_own_words(ws)));
    println!("with words of its own, {packed} characters; {fit} fit in 5 MiB");
    assert!(
        fit >= MUST_FIT,
        "only {fit} profiles with their own words fit"
    );

    // README's typical profile has words of its own.
    assert_readme_says(
        "the characters of a typical profile",
        readme::PACKED_CHARS,
        packed as f64,
    );
    assert_readme_says("how many typical profiles fit", readme::FIT, fit as f64);
    assert!(
        fit as f64 >= readme::FIT,
        "README says some {} typical profiles fit; {fit} do",
        readme::FIT
    );
}

/// `ws` with every free text of every profile replaced by made-up words.
fn with_own_words(ws: &Workspace) -> Workspace {
    let mut ws = ws.clone();
    let mut words = Words(7);
    for p in ws.profiles.iter_mut() {
        for text in [&mut p.name, &mut p.location, &mut p.hq_phone] {
            *text = words.like(text);
        }
        p.financial.note = words.like(&p.financial.note);
        for a in &mut p.addresses {
            a.text = words.like(&a.text);
        }
        for person in &mut p.people {
            person.name = words.like(&person.name);
            person.title = words.like(&person.title);
            person.phone = words.like(&person.phone);
        }
        for o in &mut p.opportunities {
            o.title = words.like(&o.title);
        }
        for c in &mut p.competitors {
            c.name = words.like(&c.name);
        }
        for step in &mut p.action_plan {
            step.description = words.like(&step.description);
            step.owner = words.like(&step.owner);
        }
        for entry in &mut p.log {
            entry.text = words.like(&entry.text);
        }
        for answer in p.answers.values_mut() {
            *answer = Answer::Rating(words.below(5) as u8 + 1);
        }
    }
    ws
}

/// How many bytes of file text each byte of zlib stream stands for, in a
/// workspace of 2,000 profiles like `ws(n)`; packed, each character holds
/// 15 bits of stream.
fn expansion(ws: impl Fn(usize) -> Workspace) -> f64 {
    let ws = ws(2_000);
    let file = encode_export(&Export::workspace(&ws), now()).len();
    file as f64 / (stored_chars(&ws) as f64 * 15.0 / 8.0)
}

#[test]
fn a_full_storage_of_any_realistic_profiles_exports_under_the_import_limit() {
    // The limit assumes a file is at most a fixed number of times its
    // packed stream; the most repetitive workspaces come closest.
    let most_stream = STORAGE_QUOTA_CHARS as f64 * 15.0 / 8.0;
    let bare = |n: usize| {
        let mut ws = typical_workspace(0);
        ws.profiles = (0..n)
            .map(|i| clientele::domain::Profile::new(format!("Company {i}"), now()))
            .collect();
        ws
    };
    for (what, times) in [
        ("typical profiles", expansion(typical_workspace)),
        (
            "profiles with words of their own",
            expansion(|n| with_own_words(&typical_workspace(n))),
        ),
        ("profiles with only a name", expansion(bare)),
    ] {
        let file = most_stream * times;
        println!("{what}: the file is {times:.2} times the stream; {file:.0} bytes at capacity");
        assert!(
            file < MAX_FILE_BYTES as f64 * 0.9,
            "{what}: a full storage exports {file:.0} bytes, too near the limit {MAX_FILE_BYTES}"
        );
    }
}

#[test]
fn a_workspace_that_fills_storage_exports_a_file_that_imports_back() {
    // Typical profiles share their texts, so they pack tightest and make
    // the largest file a full storage can hold. The count is estimated
    // from 2,000, then measured: packed, the workspace must reach the quota.
    let quota = STORAGE_QUOTA_CHARS as usize;
    let empty = stored_chars(&typical_workspace(0));
    let per_profile = (stored_chars(&typical_workspace(2_000)) - empty) as f64 / 2_000.0;
    // A little over the estimate: ids are random, so the packed size of the
    // same count varies a little, and one round is much quicker than two.
    let mut count = ((quota - empty) as f64 / per_profile * 1.02).ceil() as usize;
    loop {
        let ws = typical_workspace(count);
        // Packing and the export's round trip are independent: both at once
        // keep the test quick.
        let (chars, text) = std::thread::scope(|scope| {
            let packed = scope.spawn(|| stored_chars(&ws));
            let text = encode_export(&Export::workspace(&ws), now());
            check_size(text.len() as u64)
                .unwrap_or_else(|e| panic!("the backup of {count} profiles is refused: {e}"));
            let file = decode_file(&text).unwrap();
            assert!(file.problems.is_empty(), "{:?}", &file.problems[..1]);
            let replace = MergeChoices {
                mode: ImportMode::Replace,
                ..MergeChoices::default()
            };
            let elsewhere = apply(
                &Workspace::new(now()),
                std::slice::from_ref(&file.incoming),
                &replace,
            );
            assert!(elsewhere.profiles == ws.profiles, "the profiles differ");
            assert_eq!(elsewhere.models, ws.models);
            assert_eq!(elsewhere.settings, ws.settings);
            assert_eq!(elsewhere.name, ws.name);
            (packed.join().unwrap(), text.len())
        });
        // Packed, more profiles share more text, so the estimate from 2,000
        // can land on either side: aim again from what this count took.
        let aim_again = || (count as f64 * quota as f64 * 1.02 / chars as f64).ceil() as usize;
        if chars < quota {
            println!("{count} typical profiles take {chars} characters, short of the quota");
            count = aim_again().max(count + 1);
            continue;
        }
        if chars >= quota + quota / 20 {
            println!("{count} typical profiles take {chars} characters, far over the quota");
            count = aim_again().min(count - 1);
            continue;
        }
        println!(
            "{count} typical profiles fill storage ({chars} characters packed); \
             their backup is {text} bytes, the import limit {MAX_FILE_BYTES}"
        );
        assert_readme_says(
            "the backup of a full storage, in bytes",
            readme::FULL_BACKUP_BYTES,
            text as f64,
        );
        break;
    }
}

/// Made-up words from a fixed seed: syllables of a consonant and a vowel.
struct Words(u64);

impl Words {
    fn below(&mut self, n: u64) -> u64 {
        // A 64-bit linear congruential generator; plenty for test text.
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }

    /// Words as long, in all, as `text`.
    fn like(&mut self, text: &str) -> String {
        const CONSONANTS: &[u8] = b"bcdfghjklmnprstvwz";
        const VOWELS: &[u8] = b"aeiouy";
        let mut out = String::new();
        while out.len() < text.chars().count() {
            if !out.is_empty() && self.below(4) == 0 {
                out.push(' ');
            }
            out.push(CONSONANTS[self.below(CONSONANTS.len() as u64) as usize] as char);
            out.push(VOWELS[self.below(VOWELS.len() as u64) as usize] as char);
        }
        out
    }
}
