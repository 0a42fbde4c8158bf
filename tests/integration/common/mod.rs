//! Helpers shared by the integration tests: temporary projects, builds, and an HTML link checker.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use toolkit::build::{self, Report};

pub fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A throwaway project: the fixture's content (or the real one) with the real theme and texts.
pub struct Project {
    pub dir: tempfile::TempDir,
}

impl Project {
    pub fn fixture() -> Project {
        Self::with_content(&project_root().join("tests/fixture/content"))
    }

    pub fn real() -> Project {
        Self::with_content(&project_root().join("content"))
    }

    fn with_content(content: &Path) -> Project {
        let dir = tempfile::tempdir().expect("temporary folder");
        copy_tree(content, &dir.path().join("content"));
        copy_tree(&project_root().join("themes"), &dir.path().join("themes"));
        copy_tree(&project_root().join("i18n"), &dir.path().join("i18n"));
        Project { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    pub fn write(&self, relative: &str, text: &str) {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
    }

    pub fn edit(&self, relative: &str, from: &str, to: &str) {
        let text = self.read(relative);
        assert!(text.contains(from), "{relative} does not contain {from:?}");
        self.write(relative, &text.replacen(from, to, 1));
    }

    pub fn build(&self) -> Report {
        build::run(self.root(), Some(build::Target { out: Path::new("public"), force: false, pdf: false }))
    }

    pub fn check(&self) -> Report {
        build::run(self.root(), None)
    }

    pub fn page(&self, relative: &str) -> String {
        self.read(&format!("public/{relative}"))
    }
}

pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Fails with every diagnostic listed, so a failing test shows why.
/// The real content, built once for every test that only reads the site.
pub fn real_site() -> &'static Project {
    static SITE: std::sync::OnceLock<Project> = std::sync::OnceLock::new();
    SITE.get_or_init(|| {
        let project = Project::real();
        assert_clean(&project.build());
        project
    })
}

pub fn assert_clean(report: &Report) {
    let errors: Vec<String> =
        report.diagnostics.iter().filter(|d| d.severity == toolkit::diagnostics::Severity::Error).map(|d| d.to_string()).collect();
    assert!(errors.is_empty(), "errors:\n{}", errors.join("\n"));
}

/// The messages reported for one file, as "line: message".
pub fn problems_in(report: &Report, file: &str) -> Vec<String> {
    report
        .diagnostics
        .iter()
        .filter(|d| toolkit::diagnostics::display_path(&d.file) == file)
        .map(|d| format!("{}: {}", d.line.map_or("-".into(), |l| l.to_string()), d.message))
        .collect()
}

/// Values of an attribute throughout an HTML text (the generated HTML always double-quotes).
pub fn attributes(html: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    html.match_indices(&needle)
        .map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            unescape(&rest[..rest.find('"').unwrap()])
        })
        .collect()
}

pub fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// Every file of a built site, by its path in the site.
pub fn site_files(site: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(site)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(site).unwrap().to_string_lossy().replace('\\', "/"), std::fs::read(e.path()).unwrap()))
        .collect()
}

/// Every HTML file of a built site, by its path in the site.
pub fn html_files(site: &Path) -> BTreeMap<String, String> {
    site_files(site)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| (path, String::from_utf8(bytes).unwrap()))
        .collect()
}

/// Follows every relative link and fragment of every page (except the 404 page, whose links
/// start from the base path); returns the broken ones.
pub fn broken_links(site: &Path) -> Vec<String> {
    let pages = html_files(site);
    let ids: BTreeMap<&str, BTreeSet<String>> =
        pages.iter().map(|(path, html)| (path.as_str(), attributes(html, "id").into_iter().collect())).collect();
    let mut broken = Vec::new();
    for (path, html) in &pages {
        if path == "404.html" {
            continue;
        }
        let folder = Path::new(path).parent().unwrap_or(Path::new(""));
        for link in attributes(html, "href").into_iter().chain(attributes(html, "src")) {
            if link.starts_with("http://") || link.starts_with("https://") || link.starts_with("mailto:") {
                continue;
            }
            let (file, fragment) = match link.split_once('#') {
                Some((file, fragment)) => (file, Some(fragment)),
                None => (link.as_str(), None),
            };
            let target = if file.is_empty() { path.clone() } else { normalise(&folder.join(file)) };
            if !site.join(&target).is_file() {
                broken.push(format!("{path}: {link} (no file {target})"));
                continue;
            }
            if let Some(fragment) = fragment {
                let known = ids.get(target.as_str()).is_some_and(|ids| ids.contains(fragment));
                if !known {
                    broken.push(format!("{path}: {link} (no id {fragment} in {target})"));
                }
            }
        }
    }
    broken
}

fn normalise(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for component in path.components() {
        match component {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(name) => parts.push(name.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.join("/")
}
