//! The three seed articles: the claims a careful reader marks in them, and sentences that are not
//! claims. The texts are the project's own fixtures (tests/fixtures/seeds).
#![cfg(not(target_arch = "wasm32"))]

use allegedly::{Analyzer, Claim, ClaimKind, Stance};

fn seed(name: &str) -> String {
    let path = format!("{}/tests/fixtures/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

struct Article {
    text: String,
    claims: Vec<Claim>,
}

impl Article {
    fn new(name: &str) -> Self {
        let text = seed(name);
        let claims = Analyzer::default().analyze(&text);
        Article { text, claims }
    }

    /// The claim whose cue is `cue`, in the sentence that contains `context`.
    fn claim(&self, context: &str, cue: &str) -> &Claim {
        let at = self
            .text
            .find(context)
            .unwrap_or_else(|| panic!("{context:?} is not in the seed"));
        self.claims
            .iter()
            .find(|c| c.sentence.start <= at && at < c.sentence.end && c.cue.of(&self.text) == cue)
            .unwrap_or_else(|| {
                panic!(
                    "no claim with cue {cue:?} near {context:?}; found {:?}",
                    self.claims
                        .iter()
                        .map(|c| c.cue.of(&self.text))
                        .collect::<Vec<_>>()
                )
            })
    }

    fn source(&self, claim: &Claim) -> Option<&str> {
        claim.source.map(|s| s.of(&self.text))
    }

    fn content(&self, claim: &Claim) -> &str {
        claim.content.expect("a content").of(&self.text)
    }

    /// No claim has its cue in the sentence that contains `context`.
    fn assert_no_claim(&self, context: &str) {
        let at = self.text.find(context).expect("context in the seed");
        let inside: Vec<&str> = self
            .claims
            .iter()
            .filter(|c| c.sentence.start <= at && at < c.sentence.end)
            .map(|c| c.cue.of(&self.text))
            .collect();
        assert!(inside.is_empty(), "{context:?} has cues {inside:?}");
    }
}

fn check(claim: &Claim, kind: ClaimKind, stance: Stance) {
    assert_eq!((claim.kind, claim.stance), (kind, stance), "{claim:?}");
}

#[test]
fn seed_000_intelligence_ministry_claims() {
    let a = Article::new("000_baf26d563d984379.txt");
    let c = a.claim("Iran's Intelligence Ministry claimed Friday", "claimed");
    check(c, ClaimKind::Attributed, Stance::Distancing);
    assert_eq!(a.source(c), Some("Iran's Intelligence Ministry"));
    let content = a.content(c);
    assert!(content.contains("that \"dozens\" of spies"), "{content:?}");
    assert!(content.ends_with("other parts of Iran"), "{content:?}");

    let c = a.claim("The ministry claimed that the spies", "claimed");
    check(c, ClaimKind::Attributed, Stance::Distancing);
    assert_eq!(a.source(c), Some("The ministry"));
    assert!(a.content(c).starts_with("that the spies were uncovered"));

    // A postposed "according to": the content is the clause before it.
    let c = a.claim("according to the ministry.", "according to");
    check(c, ClaimKind::Attributed, Stance::Neutral);
    assert_eq!(a.source(c), Some("the ministry"));
    assert!(a.content(c).contains("the usurping Zionist regime"));

    let c = a.claim("details allegedly uncovered", "allegedly");
    check(c, ClaimKind::Hedged, Stance::Hedge);
    assert_eq!(c.source, None);

    let c = a.claim("The ministry stated that", "stated");
    check(c, ClaimKind::Attributed, Stance::Neutral);
    assert_eq!(a.source(c), Some("The ministry"));

    let c = a.claim("The ministry added that", "added");
    assert_eq!(a.source(c), Some("The ministry"));
    assert!(a.content(c).starts_with("that it had identified"));

    // "…, warning that …": the gerund's speaker is the subject of the main clause.
    let c = a.claim("abroad, warning that", "warning");
    assert_eq!(a.source(c), Some("The ministry"));
    assert!(a.content(c).starts_with("that \"a decision will be made"));

    let c = a.claim("Iran periodically claims", "claims");
    check(c, ClaimKind::Attributed, Stance::Distancing);
    assert_eq!(a.source(c), Some("Iran"));

    let c = a.claim("Hengaw human rights group stating", "stating");
    assert!(
        a.content(c)
            .contains("the minimum requirements for a fair trial")
    );

    // Headline: "alleged" is the writer's distance from the spying, not a reporting verb here.
    let c = a.claim("Iran claims alleged Israeli spies", "alleged");
    check(c, ClaimKind::Hedged, Stance::Distancing);
    assert_eq!(a.content(c), "Israeli spies");
}

#[test]
fn seed_001_tass_report() {
    let a = Article::new("001_406d8a8693b4f4ae.txt");
    // The impersonal frame is the cue: "It is claimed".
    let c = a.claim("It is claimed that thanks", "It is claimed");
    check(c, ClaimKind::Unsourced, Stance::Distancing);
    assert_eq!(c.source, None);
    assert!(
        a.content(c)
            .starts_with("that thanks to the obtained information")
    );

    let c = a.claim("According to the Mehr news agency", "According to");
    check(c, ClaimKind::Attributed, Stance::Neutral);
    assert_eq!(a.source(c), Some("the Mehr news agency"));
    let content = a.content(c);
    assert!(
        content.starts_with("they were recruited by Mossad"),
        "{content:?}"
    );

    let c = a.claim("According to the information mentioned", "According to");
    assert!(
        a.content(c)
            .starts_with("Israeli intelligence services actively use")
    );

    let c = a.claim("Iran’s intelligence ministry says", "says");
    assert_eq!(a.source(c), Some("Iran’s intelligence ministry"));

    let c = a.claim("The statement noted that", "noted");
    assert_eq!(a.source(c), Some("The statement"));

    // A quotation followed by its source: "…," a statement … reads.
    let c = a.claim("official website reads", "reads");
    check(c, ClaimKind::Attributed, Stance::Neutral);
    assert!(
        a.content(c)
            .starts_with("\"Following the largest multistage")
    );

    let c = a.claim(
        "The investigation is still in progress, it explained",
        "explained",
    );
    assert_eq!(a.source(c), Some("it"));
    assert_eq!(a.content(c), "The investigation is still in progress");

    a.assert_no_claim("The security services of these countries have already taken");
}

#[test]
fn seed_003_sabotage_plot() {
    let a = Article::new("003_44faeac5b7c7361e.txt");
    let c = a.claim("The plot allegedly involved", "allegedly");
    check(c, ClaimKind::Hedged, Stance::Hedge);

    // The source comes after the verb at the end of the sentence.
    let c = a.claim("Iranian state media reported", "reported");
    check(c, ClaimKind::Attributed, Stance::Neutral);
    assert_eq!(a.source(c), Some("Iranian state media"));
    assert!(a.content(c).starts_with("The plot allegedly involved"));

    let c = a.claim("Defense Ministry said it had thwarted", "said");
    check(c, ClaimKind::Attributed, Stance::Neutral);
    assert_eq!(
        a.source(c),
        Some("The Intelligence Organization of the Iranian Defense Ministry")
    );
    assert!(a.content(c).starts_with("it had thwarted"));

    let c = a.claim("Iran blamed Israel for attempting", "blamed");
    check(c, ClaimKind::Attributed, Stance::Distancing);
    assert_eq!(a.source(c), Some("Iran"));

    // A participial adjunct after a short phrase: its speaker is the main clause's subject.
    let c = a.claim("this time accusing its foe", "accusing");
    check(c, ClaimKind::Attributed, Stance::Distancing);
    assert_eq!(a.source(c), Some("Iran"));

    let c = a.claim("Israel is also suspected of", "suspected");
    assert_ne!(c.kind, ClaimKind::Attributed);

    let c = a.claim("Cyber Security said in May", "said");
    assert!(
        a.source(c)
            .is_some_and(|s| s.contains("ClearSky Cyber Security"))
    );
    let c = a.claim("Iran was likely behind", "likely");
    check(c, ClaimKind::Hedged, Stance::Hedge);

    let c = a.claim("Tehran said it had developed", "said");
    assert_eq!(a.source(c), Some("Tehran"));

    let c = a.claim("correspondent in Tehran reported at the time", "reported");
    assert_eq!(a.source(c), Some("Al-Monitor’s correspondent in Tehran"));
    assert!(a.content(c).contains("naval ballistic missile in July"));

    a.assert_no_claim("Iran has significant missile capabilities.");
    a.assert_no_claim("The conflict is particularly tense at the moment.");
}
