//! The visible text of an HTML page, one block per line, for the analyzer.
//!
//! html5gum tokenizes by the WHATWG rules (character references, raw-text elements such as
//! `<script>`); a DOM tree is not needed to read text in order, so there is none. Elements that never
//! show text (head, script, style, template, form widgets, media fallbacks, `hidden`) are skipped,
//! and block elements end a line, so sentences never run across paragraphs.

use dom_smoothie::{Config, Readability};
use html5gum::Span;
use html5gum::Tokenizer;
use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};

/// Elements whose content is never part of the readable text.
const SKIPPED: &[&[u8]] = &[
    b"head",
    b"title",
    b"script",
    b"style",
    b"noscript",
    b"template",
    b"textarea",
    b"select",
    b"iframe",
    b"object",
    b"canvas",
    b"video",
    b"audio",
    b"svg",
    b"noembed",
    b"noframes",
];

/// Elements that start and end a block of text (a line of output).
const BLOCKS: &[&[u8]] = &[
    b"address",
    b"article",
    b"aside",
    b"blockquote",
    b"body",
    b"caption",
    b"dd",
    b"details",
    b"dialog",
    b"div",
    b"dl",
    b"dt",
    b"fieldset",
    b"figcaption",
    b"figure",
    b"footer",
    b"form",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"header",
    b"hgroup",
    b"hr",
    b"html",
    b"legend",
    b"li",
    b"main",
    b"nav",
    b"ol",
    b"p",
    b"pre",
    b"section",
    b"summary",
    b"table",
    b"tbody",
    b"td",
    b"tfoot",
    b"th",
    b"thead",
    b"tr",
    b"ul",
];

/// Elements with no content and no end tag: a `hidden` on them hides nothing after them.
const VOID: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta",
    b"source", b"track", b"wbr",
];

/// What may appear inside `<head>`; any other start tag means the head has ended (HTML's implied
/// `</head>`), so a page that never closes its head still shows its body.
const HEAD_CONTENT: &[&[u8]] = &[
    b"base",
    b"link",
    b"meta",
    b"noscript",
    b"script",
    b"style",
    b"template",
    b"title",
];

/// Readability refuses a document with more elements than this (the extension's cap is 20,000, where
/// it must also keep within a time budget on the page's main thread; natively, 100,000 elements parse
/// in well under a second).
const MAX_ELEMENTS: usize = 100_000;
/// An article shorter than this (characters of text) is not trusted (as in the extension).
const MIN_ARTICLE_CHARS: usize = 250;

/// What an HTML page gives the analyzer: its article (headline, then body) when Readability finds
/// one, as the extension does; otherwise, or with `whole_page`, all of its visible text. The second
/// value says why the whole page was read, when it was (for `--json`'s and a developer's sake).
pub fn page_text(html: &str, whole_page: bool) -> (String, Option<String>) {
    if whole_page {
        return (visible_text(html), Some("whole page asked for".to_string()));
    }
    match article_text(html) {
        Ok(text) => (text, None),
        Err(reason) => (visible_text(html), Some(reason)),
    }
}

/// The article of `html` by dom_smoothie (a Rust port of Mozilla's Readability.js): its title as the
/// first block, then the visible text of the content it keeps. Err says why there is none.
pub fn article_text(html: &str) -> Result<String, String> {
    let config = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let mut reader = Readability::new(html, None, Some(config)).map_err(|e| e.to_string())?;
    if !reader.is_probably_readable() {
        return Err("not an article (is_probably_readable)".to_string());
    }
    let article = reader.parse().map_err(|e| e.to_string())?;
    if article.length < MIN_ARTICLE_CHARS {
        return Err(format!("article too short ({} characters)", article.length));
    }
    let body = visible_text(&article.content);
    let title = article
        .title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // Readability drops a heading that repeats the title from the body; the headline is the
    // article's first block again, unless the body still starts with it.
    if title.is_empty() || body.trim_start().starts_with(&title) {
        return Ok(body);
    }
    Ok(format!("{title}\n\n{body}"))
}

/// The visible text of `html`: blocks separated by blank lines, runs of white space collapsed
/// (kept inside `<pre>`), character references decoded.
pub fn visible_text(html: &str) -> String {
    let mut text = TextBuilder::default();
    let mut tag = Vec::new();
    let mut hidden = false;
    let mut emitter = CallbackEmitter::new(|event: CallbackEvent<'_>, _: Span<()>| -> Option<()> {
        match event {
            CallbackEvent::OpenStartTag { name } => {
                tag.clear();
                tag.extend_from_slice(name);
                hidden = false;
            }
            CallbackEvent::AttributeName { name } => hidden |= name == b"hidden",
            CallbackEvent::CloseStartTag { .. } => text.start_tag(&tag, hidden),
            CallbackEvent::EndTag { name } => text.end_tag(name),
            CallbackEvent::String { value } => text.characters(value),
            _ => {}
        }
        None
    });
    // Switches to raw text inside <script>, <style>, <title>…, so their content is not read as tags.
    emitter.naively_switch_states(true);
    for _ in Tokenizer::new_with_emitter(html, emitter) {}
    text.finish()
}

#[derive(Default)]
struct TextBuilder {
    out: String,
    /// The element being skipped and how many of its kind are open inside it.
    skipping: Option<(Vec<u8>, usize)>,
    in_pre: usize,
    space_pending: bool,
}

impl TextBuilder {
    fn start_tag(&mut self, name: &[u8], hidden: bool) {
        if let Some((skipped, depth)) = &mut self.skipping {
            if skipped == b"head" && !HEAD_CONTENT.contains(&name) {
                self.skipping = None; // the implied </head>; fall through to this tag
            } else {
                if skipped == name {
                    *depth += 1;
                }
                return;
            }
        }
        let is_void = VOID.contains(&name);
        if SKIPPED.contains(&name) || (hidden && !is_void) {
            self.skipping = Some((name.to_vec(), 1));
            return;
        }
        if name == b"br" {
            self.line_break();
        } else if BLOCKS.contains(&name) {
            self.block_break();
            if name == b"pre" {
                self.in_pre += 1;
            }
        }
    }

    fn end_tag(&mut self, name: &[u8]) {
        if let Some((skipped, depth)) = &mut self.skipping {
            if skipped == name {
                *depth -= 1;
                if *depth == 0 {
                    self.skipping = None;
                }
            }
            return;
        }
        if BLOCKS.contains(&name) {
            self.block_break();
            if name == b"pre" {
                self.in_pre = self.in_pre.saturating_sub(1);
            }
        } else if name == b"br" {
            self.line_break(); // "</br>" is a <br> to browsers
        }
    }

    fn characters(&mut self, value: &[u8]) {
        if self.skipping.is_some() {
            return;
        }
        let value = String::from_utf8_lossy(value);
        if self.in_pre > 0 {
            self.out.push_str(&value);
            self.space_pending = false;
            return;
        }
        // HTML white space only: a no-break space is text and stays.
        for c in value.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
                self.space_pending = true;
            } else {
                if self.space_pending && !self.out.is_empty() && !self.out.ends_with('\n') {
                    self.out.push(' ');
                }
                self.space_pending = false;
                self.out.push(c);
            }
        }
    }

    fn line_break(&mut self) {
        self.trim_line_end();
        self.out.push('\n');
    }

    fn block_break(&mut self) {
        self.trim_line_end();
        if self.out.is_empty() {
            return;
        }
        while !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    fn trim_line_end(&mut self) {
        let kept = self.out.trim_end_matches([' ', '\t']).len();
        self.out.truncate(kept);
        self.space_pending = false;
    }

    fn finish(mut self) -> String {
        let kept = self.out.trim_end().len();
        self.out.truncate(kept);
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An article with the furniture of a news page around it (issue 14).
    fn furnished_page() -> String {
        let paragraph = "The minister said on Tuesday that the plan would cut emissions by half, \
                         according to officials who briefed reporters in the capital on the details.";
        let body: String = (0..8)
            .map(|i| format!("<p>{paragraph} Paragraph {i}.</p>"))
            .collect();
        format!(
            "<!doctype html><html><head><title>Minister unveils plan to halve emissions by 2035 | The Loopback Times</title></head><body>\
             <nav><a href=/a>Officials say the war is over, reports claim</a> <a href=/b>World</a></nav>\
             <div id=cookie-banner>We and our partners say cookies are used, reportedly.</div>\
             <main><article><h1>Minister unveils plan to halve emissions by 2035</h1>{body}</article></main>\
             <aside class=related><ul><li><a href=/c>Critics allegedly said the deal was off</a></li></ul></aside>\
             <footer><p>The material on this site may not be reproduced, sources say.</p></footer></body></html>"
        )
    }

    #[test]
    fn an_article_page_is_read_as_its_article_only() {
        let (text, why) = page_text(&furnished_page(), false);
        assert_eq!(why, None);
        assert!(
            text.starts_with("Minister unveils plan to halve emissions by 2035\n\n"),
            "{text}"
        );
        assert!(text.contains("Paragraph 7."));
        for furniture in ["war is over", "cookies", "allegedly", "reproduced"] {
            assert!(!text.contains(furniture), "{furniture} in {text}");
        }
        let (whole, why) = page_text(&furnished_page(), true);
        assert!(why.is_some());
        assert!(whole.contains("reproduced") && whole.contains("Paragraph 7."));
    }

    #[test]
    fn a_page_that_is_not_an_article_is_read_whole() {
        let links: String = (0..30)
            .map(|i| format!("<li><a href=/s{i}>Story {i}: officials said things</a></li>"))
            .collect();
        let html = format!("<html><body><h1>Front page</h1><ul>{links}</ul></body></html>");
        let (text, why) = page_text(&html, false);
        assert!(why.is_some());
        assert_eq!(text, visible_text(&html));
        // Not HTML at all, or empty: still the whole (visible) text, never a panic.
        for odd in ["", "plain text", "<p>", "<html><body></body></html>"] {
            assert_eq!(page_text(odd, false).0, visible_text(odd));
        }
    }

    #[test]
    fn blocks_become_lines_and_inline_elements_do_not() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body>\
                    <h1>Headline</h1><p>The <b>minister</b>   said\n so.</p><div>Next</div></body></html>";
        assert_eq!(
            visible_text(html),
            "Headline\n\nThe minister said so.\n\nNext\n"
        );
    }

    #[test]
    fn scripts_templates_and_hidden_elements_are_skipped() {
        let html = "<body><script>var s = '<p>not text</p>';</script><p>Seen.</p>\
                    <template><p>no</p></template><noscript>Enable JS</noscript>\
                    <div hidden><div>no</div><p>no</p></div><p>Also <input hidden> seen.</p></body>";
        assert_eq!(visible_text(html), "Seen.\n\nAlso seen.\n");
    }

    #[test]
    fn character_references_are_decoded() {
        assert_eq!(
            visible_text("<p>&ldquo;Yes,&rdquo; she said &amp; left&nbsp;&#x1F600;</p>"),
            "“Yes,” she said & left\u{a0}😀\n"
        );
    }

    #[test]
    fn an_unclosed_head_ends_at_the_first_body_element() {
        assert_eq!(
            visible_text("<head><meta charset=utf-8><title>x</title><p>Body text."),
            "Body text.\n"
        );
    }

    #[test]
    fn br_breaks_a_line_and_pre_keeps_its_spaces() {
        assert_eq!(
            visible_text("<p>one<br>two</p><pre>a  b\nc</pre>"),
            "one\ntwo\n\na  b\nc\n"
        );
    }

    #[test]
    fn broken_markup_never_fails() {
        for html in [
            "<",
            "<p",
            "<!--",
            "</",
            "<<p>>",
            "<script>",
            "&",
            "<a href='x>y",
        ] {
            let _ = visible_text(html);
        }
        assert_eq!(visible_text(""), "");
    }
}
