//! sitemap.xml: every page with its language versions (search engines need full addresses).
//! Within the sitemap protocol's limits: past 50,000 addresses or 50 MB, `sitemap.xml` becomes
//! an index of `sitemap-1.xml`, `sitemap-2.xml`, ...

use super::*;

/// The sitemap protocol's limits for one file.
pub const MAX_URLS: usize = 50_000;
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

const URLSET_START: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
const URLSET_END: &str = "</urlset>\n";

impl Renderer<'_> {
    /// The sitemap file or files for the pages placed (path, language).
    pub fn sitemaps(&self, pages: &[(String, Option<String>)], max_urls: usize, max_bytes: usize) -> Vec<Page> {
        let entries = self.sitemap_entries(pages);
        let mut files: Vec<String> = Vec::new();
        let mut current = String::new();
        let mut count = 0;
        for entry in entries {
            let full = URLSET_START.len() + current.len() + entry.len() + URLSET_END.len() > max_bytes;
            if count > 0 && (count == max_urls || full) {
                files.push(std::mem::take(&mut current));
                count = 0;
            }
            current.push_str(&entry);
            count += 1;
        }
        files.push(current);
        let urlset = |body: &str| format!("{URLSET_START}{body}{URLSET_END}");
        if files.len() == 1 {
            return vec![Page { path: paths::SITEMAP.into(), lang: None, body: urlset(&files[0]) }];
        }
        let base = &self.site.config.base_url;
        let mut index = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        let mut pages: Vec<Page> = Vec::new();
        for (number, body) in files.iter().enumerate() {
            let path = paths::sitemap_part(number + 1);
            index.push_str(&format!("  <sitemap><loc>{}</loc></sitemap>\n", crate::render::html::escape(&format!("{base}{path}"))));
            pages.push(Page { path, lang: None, body: urlset(body) });
        }
        index.push_str("</sitemapindex>\n");
        pages.push(Page { path: paths::SITEMAP.into(), lang: None, body: index });
        pages
    }

    /// One `<url>` element per page and language, with its alternates.
    fn sitemap_entries(&self, pages: &[(String, Option<String>)]) -> Vec<String> {
        let base = &self.site.config.base_url;
        let codes: Vec<&str> = self.site.config.codes().collect();
        let mut groups: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for (path, lang) in pages {
            if let Some(lang) = lang {
                let rest = path.strip_prefix(lang.as_str()).unwrap_or(path);
                groups.entry(rest.to_string()).or_default().push(lang);
            }
        }
        let mut entries = Vec::new();
        for (rest, langs) in &groups {
            let address = |lang: &str| format!("{base}{lang}{}", rest.strip_suffix("index.html").unwrap_or(rest));
            for lang in codes.iter().filter(|c| langs.contains(c)) {
                let mut xml = format!("  <url>\n    <loc>{}</loc>\n", crate::render::html::escape(&address(lang)));
                for other in codes.iter().filter(|c| langs.contains(c)) {
                    let tag = self.tag(other);
                    xml.push_str(&format!(
                        "    <xhtml:link rel=\"alternate\" hreflang=\"{tag}\" href=\"{}\"/>\n",
                        crate::render::html::escape(&address(other))
                    ));
                }
                xml.push_str("  </url>\n");
                entries.push(xml);
            }
        }
        entries
    }
}
