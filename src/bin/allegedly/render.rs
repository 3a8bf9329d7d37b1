//! The analysed text with its claims marked: ANSI colours on a terminal, plain markers elsewhere.
//!
//! Claims overlap (a quotation holding another cue, two cues sharing a source), so marking is a
//! sweep over span boundaries: each role (cue, source, content) is open while any claim's span of
//! that role covers the text, and the markup changes only where that changes.

use std::io::{self, Write};

use allegedly::{Claim, ClaimKind, Span};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Role {
    // Declaration order is nesting order: content outermost, cue innermost.
    Content,
    Source,
    Cue,
}

const KINDS: [ClaimKind; 3] = [
    ClaimKind::Attributed,
    ClaimKind::Unsourced,
    ClaimKind::Hedged,
];

fn kind_index(kind: ClaimKind) -> usize {
    match kind {
        ClaimKind::Attributed => 0,
        ClaimKind::Unsourced => 1,
        ClaimKind::Hedged => 2,
    }
}

/// SGR colour codes per kind: (source, content). Cues take the content colour, bold and underlined.
fn colours(kind: ClaimKind) -> (u8, u8) {
    match kind {
        ClaimKind::Attributed => (92, 33), // bright green source, yellow content
        ClaimKind::Unsourced => (95, 35),  // bright magenta, magenta
        ClaimKind::Hedged => (96, 36),     // bright cyan, cyan
    }
}

/// The colour legend, in the colours it describes (or the plain markers' legend).
pub fn legend(colour: bool) -> String {
    if !colour {
        return "markers: {source} [[cue|kind/stance]] <<content>>".to_string();
    }
    let mut out = String::from("colours:");
    for kind in KINDS {
        let (source, content) = colours(kind);
        let name = format!("{kind:?}").to_lowercase();
        out.push_str(&format!(
            " \x1b[{source}m{name} source\x1b[0m \x1b[{content}m{name} content\x1b[0m \x1b[1;4;{content}mcue\x1b[0m ·"
        ));
    }
    out.pop();
    out.trim_end().to_string()
}

struct Event {
    pos: usize,
    open: bool,
    role: Role,
    claim: usize,
}

/// Writes `text` with the spans of `claims` (byte offsets into `text`) marked.
///
/// Control characters other than tab and line breaks are written as U+FFFD: the text is untrusted
/// and an escape sequence in it must not reach the terminal.
pub fn render(out: &mut impl Write, text: &str, claims: &[Claim], colour: bool) -> io::Result<()> {
    let mut events = Vec::with_capacity(claims.len() * 6);
    for (i, claim) in claims.iter().enumerate() {
        let roles = [
            (Role::Cue, Some(claim.cue)),
            (Role::Source, claim.source),
            (Role::Content, claim.content),
        ];
        for (role, span) in roles {
            let Some(span) = span.and_then(|s| on_boundaries(text, s)) else {
                continue;
            };
            events.push(Event {
                pos: span.start,
                open: true,
                role,
                claim: i,
            });
            events.push(Event {
                pos: span.end,
                open: false,
                role,
                claim: i,
            });
        }
    }
    // At one position: close before opening, innermost first; open outermost first.
    events.sort_by(|a, b| {
        a.pos.cmp(&b.pos).then(a.open.cmp(&b.open)).then(if a.open {
            a.role.cmp(&b.role)
        } else {
            b.role.cmp(&a.role)
        })
    });

    let mut open = [[0usize; 3]; 3]; // [role][kind]
    let mut cue_label = String::new();
    let mut style = Style::default();
    let mut written = 0;
    let mut i = 0;
    while i < events.len() {
        let pos = events[i].pos;
        write_text(out, &text[written..pos])?;
        written = pos;
        while i < events.len() && events[i].pos == pos {
            let event = &events[i];
            let claim = &claims[event.claim];
            let counts = &mut open[event.role as usize];
            let before: usize = counts.iter().sum();
            let slot = &mut counts[kind_index(claim.kind)];
            if event.open {
                *slot += 1;
            } else {
                *slot = slot.saturating_sub(1);
            }
            let after: usize = counts.iter().sum();
            if !colour {
                if before == 0 && after > 0 {
                    if event.role == Role::Cue {
                        cue_label = format!("{:?}/{:?}", claim.kind, claim.stance).to_lowercase();
                    }
                    out.write_all(opener(event.role).as_bytes())?;
                } else if before > 0 && after == 0 {
                    if event.role == Role::Cue {
                        write!(out, "|{cue_label}")?;
                    }
                    out.write_all(closer(event.role).as_bytes())?;
                }
            }
            i += 1;
        }
        if colour {
            let next = Style::of(&open);
            if next != style {
                if style != Style::default() {
                    out.write_all(b"\x1b[0m")?;
                }
                next.write(out)?;
                style = next;
            }
        }
    }
    write_text(out, &text[written..])?;
    if colour && style != Style::default() {
        out.write_all(b"\x1b[0m")?;
    }
    if !text.ends_with('\n') {
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn opener(role: Role) -> &'static str {
    match role {
        Role::Content => "<<",
        Role::Source => "{",
        Role::Cue => "[[",
    }
}

fn closer(role: Role) -> &'static str {
    match role {
        Role::Content => ">>",
        Role::Source => "}",
        Role::Cue => "]]",
    }
}

/// `span` if it is non-empty and lies on char boundaries of `text`; the analyzer promises this,
/// but a marked-up terminal is no reason to panic if it ever does not.
fn on_boundaries(text: &str, span: Span) -> Option<Span> {
    (span.start < span.end && text.get(span.start..span.end).is_some()).then_some(span)
}

fn write_text(out: &mut impl Write, text: &str) -> io::Result<()> {
    let is_unsafe = |c: char| c.is_control() && !matches!(c, '\n' | '\t' | '\r');
    if !text.chars().any(is_unsafe) {
        return out.write_all(text.as_bytes());
    }
    let cleaned: String = text
        .chars()
        .map(|c| if is_unsafe(c) { '\u{fffd}' } else { c })
        .collect();
    out.write_all(cleaned.as_bytes())
}

/// The terminal attributes of one stretch of text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Style {
    colour: Option<u8>,
    cue: bool,
}

impl Style {
    /// A cue is bold and underlined in its kind's colour; otherwise a source's colour wins over a
    /// content's, so a source inside a quotation stays visible.
    fn of(open: &[[usize; 3]; 3]) -> Style {
        let first_kind = |role: Role| {
            KINDS
                .into_iter()
                .find(|&k| open[role as usize][kind_index(k)] > 0)
        };
        if let Some(kind) = first_kind(Role::Cue) {
            return Style {
                colour: Some(colours(kind).1),
                cue: true,
            };
        }
        if let Some(kind) = first_kind(Role::Source) {
            return Style {
                colour: Some(colours(kind).0),
                cue: false,
            };
        }
        Style {
            colour: first_kind(Role::Content).map(|k| colours(k).1),
            cue: false,
        }
    }

    /// Switches the terminal from plain text to this style.
    fn write(self, out: &mut impl Write) -> io::Result<()> {
        match (self.cue, self.colour) {
            (true, Some(c)) => write!(out, "\x1b[1;4;{c}m"),
            (false, Some(c)) => write!(out, "\x1b[{c}m"),
            (true, None) => out.write_all(b"\x1b[1;4m"),
            (false, None) => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use allegedly::Stance;

    fn claim(
        kind: ClaimKind,
        cue: (usize, usize),
        source: Option<(usize, usize)>,
        content: Option<(usize, usize)>,
    ) -> Claim {
        Claim {
            kind,
            stance: Stance::Neutral,
            cue: cue.into(),
            source: source.map(Into::into),
            content: content.map(Into::into),
            sentence: Span::new(0, 0),
            antecedent: None,
            specificity: None,
        }
    }

    fn plain(text: &str, claims: &[Claim]) -> String {
        let mut out = Vec::new();
        render(&mut out, text, claims, false).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn plain_markers_nest_by_role() {
        let text = "Bo said that it rained.";
        let c = claim(ClaimKind::Attributed, (3, 7), Some((0, 2)), Some((8, 22)));
        assert_eq!(
            plain(text, &[c]),
            "{Bo} [[said|attributed/neutral]] <<that it rained>>.\n"
        );
    }

    #[test]
    fn overlapping_claims_open_and_close_each_role_once() {
        let text = "He said she claimed it.";
        let outer = claim(ClaimKind::Attributed, (3, 7), Some((0, 2)), Some((8, 22)));
        let inner = claim(
            ClaimKind::Attributed,
            (12, 19),
            Some((8, 11)),
            Some((20, 22)),
        );
        assert_eq!(
            plain(text, &[outer, inner]),
            "{He} [[said|attributed/neutral]] <<{she} [[claimed|attributed/neutral]] it>>.\n"
        );
    }

    #[test]
    fn colours_reset_at_the_end_and_escapes_in_the_text_are_neutralised() {
        let text = "\x1b[2Jit allegedly fell";
        let c = claim(ClaimKind::Hedged, (7, 16), None, Some((17, 21)));
        let mut out = Vec::new();
        render(&mut out, text, &[c], true).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert_eq!(
            out,
            "\u{fffd}[2Jit \x1b[1;4;36mallegedly\x1b[0m \x1b[36mfell\x1b[0m\n"
        );
    }

    #[test]
    fn spans_off_char_boundaries_are_skipped_not_panicked_on() {
        let text = "é said";
        let c = claim(ClaimKind::Unsourced, (1, 7), None, Some((1, 99)));
        assert_eq!(plain(text, &[c]), "é said\n");
    }
}
