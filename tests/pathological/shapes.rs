//! The hostile text shapes of issue 7, by name and size: shared by `tests/pathological.rs` (test
//! sizes) and `benches/growth.rs` (the sizes, to show linear growth).

/// Every shape, in the order the benchmark reports them.
pub const NAMES: &[&str] = &[
    "no punctuation",
    "cue words without punctuation",
    "quotation marks",
    "unclosed quotation marks",
    "one long sentence",
    "nested brackets",
    "unclosed brackets",
    "rtl emoji combining",
    "periods",
    "spaced periods",
    "abbreviations",
    "newlines",
    "nul bytes",
    "quotations with cues",
];

/// The text of shape `name`, about `size` bytes long.
pub fn make(name: &str, size: usize) -> String {
    let repeat = |unit: &str| unit.repeat(size.div_ceil(unit.len()).max(1));
    match name {
        "no punctuation" => repeat("lorem ipsum dolor sit amet consectetur adipiscing elit "),
        "cue words without punctuation" => {
            repeat("the minister said that officials reportedly claimed according to sources ")
        }
        "quotation marks" => repeat("\""),
        "unclosed quotation marks" => repeat("“"),
        "one long sentence" => {
            let mut text = repeat("the ministry, which officials say, that the claim ");
            text.push('.');
            text
        }
        "nested brackets" => {
            let half = size / 2;
            format!("{}said{}", "(".repeat(half), ")".repeat(half))
        }
        "unclosed brackets" => repeat("([«“‘"),
        "rtl emoji combining" => repeat(
            "قال الوزير إن «الاتفاق» said 😀👩\u{200d}👩\u{200d}👧🇺🇦 e\u{301}\u{302} Z\u{351}\u{36b} \
             אמר השר \u{200f}כי. 新闻报道说。 ",
        ),
        "periods" => repeat("."),
        "spaced periods" => repeat(". "),
        "abbreviations" => repeat("Mr. U.S. J. e.g. No. Inc. a.m. "),
        "newlines" => repeat("\n"),
        "nul bytes" => repeat("\0"),
        "quotations with cues" => repeat("“We won. It is over,” he said. "),
        _ => panic!("unknown shape {name}"),
    }
}
