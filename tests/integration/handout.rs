//! The printable handout: its page numbers come from the page map the PDF printer reads back
//! from a first print, given to the renderer as data.

use toolkit::build;
use toolkit::render::html::PageMap;
use toolkit::render::pages::Renderer;

use crate::common::Project;

fn handout(project: &Project, pages: Option<&PageMap>) -> String {
    let loaded = build::load(project.root()).expect("the fixture loads");
    let facts = build::gather_facts(project.root(), &loaded);
    let renderer = Renderer { facts: &facts, site: &loaded.site, ui: &loaded.ui, theme: &loaded.theme };
    renderer.handout("en", 1, None, pages).expect("the handout renders").body
}

#[test]
fn handout_page_numbers_come_from_the_page_map() {
    let project = Project::fixture();
    let pages = PageMap::from([("s-1.1".to_string(), 3), ("c-1.1.a".to_string(), 4), ("c-1.1.b".to_string(), 7)]);
    let html = handout(&project, Some(&pages));
    // The contents give each entry the page of its anchor.
    assert!(html.contains(r##"<a href="#s-1.1">"##) && html.contains(r#"<span class="toc-page">3</span></a>"#), "{html}");
    let entry = html.split(r##"<li><a href="#c-1.1.b">"##).nth(1).expect("contents entry of 1.1.b");
    assert!(entry.split("</li>").next().unwrap().ends_with(r#"<span class="toc-page">7</span></a>"#), "{entry}");
    // A cross-reference inside the handout gives the page of its target, as the language says it.
    assert!(html.contains("</a><span class=\"ref-page\">, p.\u{a0}7</span>"), "{html}");
    // An anchor the map does not know gets no number (no empty slot left to fill).
    assert!(!html.contains(r#"<span class="toc-page"></span>"#));
    // What the PDF printer renders runs no script: no Print button, a policy that allows none.
    assert!(html.contains("script-src &#39;none&#39;") && !html.contains("<script") && !html.contains("print-button"), "{html}");
    // Without a map (the print page of the site), no page numbers at all.
    let plain = handout(&project, None);
    assert!(!plain.contains("toc-page") && !plain.contains("ref-page"), "page numbers without a page map");
    // The site's print page has the Print button and its script.
    assert!(plain.contains("script-src &#39;self&#39;") && plain.contains("print.js") && plain.contains("print-button"));
}
