//! sitemap.xml.

use super::*;

impl Renderer<'_> {
    /// sitemap.xml: every page with its language versions (search engines need full addresses).
    pub(super) fn sitemap(&self, pages: &[(String, Option<String>)]) -> Page {
        let base = &self.site.config.base_url;
        let codes: Vec<&str> = self.site.config.codes().collect();
        let mut groups: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for (path, lang) in pages {
            if let Some(lang) = lang {
                let rest = path.strip_prefix(lang.as_str()).unwrap_or(path);
                groups.entry(rest.to_string()).or_default().push(lang);
            }
        }
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
        );
        for (rest, langs) in &groups {
            let address = |lang: &str| format!("{base}{lang}{}", rest.strip_suffix("index.html").unwrap_or(rest));
            for lang in codes.iter().filter(|c| langs.contains(c)) {
                xml.push_str(&format!("  <url>\n    <loc>{}</loc>\n", crate::render::html::escape(&address(lang))));
                for other in codes.iter().filter(|c| langs.contains(c)) {
                    let tag = self.tag(other);
                    xml.push_str(&format!(
                        "    <xhtml:link rel=\"alternate\" hreflang=\"{tag}\" href=\"{}\"/>\n",
                        crate::render::html::escape(&address(other))
                    ));
                }
                xml.push_str("  </url>\n");
            }
        }
        xml.push_str("</urlset>\n");
        Page { path: paths::SITEMAP.into(), lang: None, body: xml }
    }
}
