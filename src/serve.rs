//! `toolkit serve`: a live preview for authors and translators. It builds the site into memory,
//! serves it on 127.0.0.1 only, rebuilds when content/, themes/ or i18n/ change, and reloads
//! open pages. A failed build shows its problems in the browser instead of a stale page.
//!
//! An edited challenge is shown at once: it is read again into the last build's model and its
//! pages alone are rendered (milliseconds, whatever the size of the site). A full build follows
//! in the background for everything else (other pages, checks, then search), and open pages
//! reload only when their own text changed.
//!
//! Only the files of the last build are served, looked up by exact path: nothing on disk is
//! reachable, so no address can escape the site.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};
use tiny_http::{Header, Request, Response, Server};

use crate::build::{self, Loaded};
use crate::diagnostics::{Diagnostic, Problems};
use crate::load::content;
use crate::outputs::Memory;
use crate::outputs::assets::Assets;
use crate::outputs::pages::Pages;
use crate::outputs::search::SearchIndex;
use crate::paths;
use crate::render::html::escape;
use crate::render::pages::{Facts, Renderer};

/// The site's files by path.
type Files = HashMap<String, Arc<[u8]>>;

/// The files served: the last full build's (with its search index), and the pages that quick
/// updates made since, looked up first.
#[derive(Clone, Default)]
struct Served {
    built: Arc<Files>,
    edited: Arc<Files>,
}

impl Served {
    fn get(&self, key: &str) -> Option<&Arc<[u8]>> {
        self.edited.get(key).or_else(|| self.built.get(key))
    }
}

/// What a publication brings: a full build's pages, its search index, or a quick update's pages.
#[derive(Clone, Copy)]
enum Part {
    Pages,
    Search,
    Quick,
}

/// What the server shows: the files of the last good build, or the problems of a failed one.
struct Snapshot {
    version: u64,
    files: Served,
    /// The version at which each file last changed, so that an open page reloads only when its
    /// own text did.
    changed: HashMap<String, u64>,
    /// The version at which the problems shown last appeared or went away.
    problems_changed: u64,
    problems: Option<Vec<Diagnostic>>,
    /// The path part of the site's published address (`/toolkit/`): the 404 page links from it,
    /// so the preview answers there too.
    base_path: String,
}

impl Default for Snapshot {
    fn default() -> Snapshot {
        Snapshot {
            version: 0,
            files: Served::default(),
            changed: HashMap::new(),
            problems_changed: 0,
            problems: None,
            base_path: "/".into(),
        }
    }
}

impl Snapshot {
    /// Publishes `new` as `part` of the site, and notes which files changed.
    fn publish(&mut self, new: Files, part: Part) {
        self.version += 1;
        for (path, bytes) in &new {
            if self.files.get(path).is_none_or(|old| old[..] != bytes[..]) {
                self.changed.insert(path.clone(), self.version);
            }
        }
        let is_search = |path: &String| path.starts_with(paths::SEARCH_DATA);
        match part {
            // Until the new search index is ready, the previous one answers.
            Part::Pages => {
                let mut built = new;
                built.extend(self.files.built.iter().filter(|(p, _)| is_search(p)).map(|(p, b)| (p.clone(), b.clone())));
                self.files = Served { built: Arc::new(built), edited: Arc::default() };
            }
            Part::Search => {
                let built = Arc::make_mut(&mut self.files.built);
                built.retain(|p, _| !is_search(p));
                built.extend(new);
            }
            Part::Quick => Arc::make_mut(&mut self.files.edited).extend(new),
        }
        if self.problems.take().is_some() {
            self.problems_changed = self.version;
        }
    }

    fn fail(&mut self, problems: Vec<Diagnostic>) {
        self.version += 1;
        self.problems_changed = self.version;
        self.problems = Some(problems);
    }

    /// Whether the page at `key` has changed since `version`; without a key, whether the site
    /// is at another version.
    fn page_changed(&self, key: Option<&str>, version: u64) -> bool {
        match key {
            None => self.version != version,
            Some(_) if self.problems_changed > version => true,
            Some(key) if self.files.get(key).is_some() => self.changed.get(key).is_some_and(|&at| at > version),
            Some(_) => self.version > version,
        }
    }
}

struct Shared {
    snapshot: Mutex<Snapshot>,
    changed: Condvar,
}

impl Shared {
    fn snapshot(&self) -> std::sync::MutexGuard<'_, Snapshot> {
        self.snapshot.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn update(&self, change: impl FnOnce(&mut Snapshot)) {
        change(&mut self.snapshot());
        self.changed.notify_all();
    }
}

/// What the last good full build loaded, kept to render an edited challenge at once.
struct Model {
    loaded: Loaded,
    facts: Facts,
}

/// What happens to the preview: files changed on disk, or a background build reports.
enum Event {
    Changed(Vec<PathBuf>),
    /// A full build's pages (or its problems). `edits` counts the quick updates made before
    /// it started: a build that started before the last one is stale.
    Pages {
        edits: u64,
        /// The files, and the path part of the site's address (see `Snapshot::base_path`).
        result: Result<(Files, String), Vec<Diagnostic>>,
        elapsed: Duration,
    },
    /// The same build's search index, then its model, given back for quick updates.
    Indexed {
        edits: u64,
        search: Option<Files>,
        model: Option<Box<Model>>,
    },
}

fn into_files(memory: Memory) -> Files {
    memory.into_files().into_iter().map(|(path, bytes)| (path, Arc::from(bytes))).collect()
}

/// A full build in memory: the pages, then the search index from the same load. Whatever goes
/// wrong in a build, the preview stays up and says so in the page.
fn full_build(root: &Path, edits: u64, events: &Sender<Event>) {
    let start = Instant::now();
    let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let loaded = build::load(root)?;
        let facts = build::gather_facts(root, &loaded);
        let memory = Memory::default();
        build::render(root, &loaded, &facts, &[Box::new(Pages), Box::new(Assets)], &memory)?;
        Ok((into_files(memory), Model { loaded, facts }))
    }))
    .unwrap_or_else(|_| Err(Problems::one(internal_error())));
    let (pages, model) = match built {
        Ok((files, model)) => (Ok((files, model.loaded.site.config.base_path().to_string())), Some(model)),
        Err(Problems(problems)) => {
            (Err(problems.into_iter().filter(|p| p.severity == crate::diagnostics::Severity::Error).collect()), None)
        }
    };
    let _ = events.send(Event::Pages { edits, result: pages, elapsed: start.elapsed() });
    let Some(model) = model else {
        let _ = events.send(Event::Indexed { edits, search: None, model: None });
        return;
    };
    let start = Instant::now();
    let memory = Memory::default();
    let outputs: [Box<dyn crate::outputs::Output>; 1] = [Box::new(SearchIndex { keep_in: None })];
    let indexed =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| build::render(root, &model.loaded, &Facts::default(), &outputs, &memory)));
    let search = matches!(indexed, Ok(Ok(_))).then(|| into_files(memory));
    if search.is_some() {
        eprintln!("search index updated in {} ms", start.elapsed().as_millis());
    }
    let _ = events.send(Event::Indexed { edits, search, model: Some(Box::new(model)) });
}

fn internal_error() -> Diagnostic {
    Diagnostic::error(
        "content",
        None,
        "The preview could not build the site because of a fault in toolkit itself (not in your files). Save again to retry; if it persists, run toolkit check and report what it says.",
    )
}

/// Renders the pages of an edited challenge from the last build's model: `None` when the file
/// is not a challenge already in the site, or does not load or render cleanly (the full build
/// that follows says why).
fn quick_update(root: &Path, model: &mut Model, file: &Path) -> Option<Files> {
    let (lang, challenge) = content::reload_challenge(root, &model.loaded.site.config, file)?;
    let content = model.loaded.site.languages.iter_mut().find(|l| l.code == lang)?;
    let slot = content.challenges.get_mut(&challenge.id)?;
    *slot = challenge;
    let id = slot.id.clone();
    let Model { loaded, facts } = &*model;
    let renderer = Renderer { facts, site: &loaded.site, ui: &loaded.ui, theme: &loaded.theme };
    let pages = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| renderer.challenge_pages(&id))).ok()?.ok()?;
    Some(pages.into_iter().map(|page| (page.path, Arc::from(page.body.into_bytes()))).collect())
}

/// The preview's state between events: the model for quick updates, and the full builds.
struct Preview {
    root: PathBuf,
    shared: Arc<Shared>,
    events: Sender<Event>,
    model: Option<Box<Model>>,
    /// Quick updates made so far.
    edits: u64,
    building: bool,
    /// Files changed while a build ran: another one follows it.
    pending: bool,
    /// When to start the full build that follows a quick update.
    build_at: Option<Instant>,
}

/// How long a quick update has the machine to itself, for the open page to reload, before the
/// full build starts.
const QUICK_HEAD_START: Duration = Duration::from_millis(300);

impl Preview {
    fn run(mut self, receiver: Receiver<Event>) {
        self.start_build();
        loop {
            let event = match self.build_at.map(|at| at.saturating_duration_since(Instant::now())) {
                Some(wait) => match receiver.recv_timeout(wait) {
                    Err(mpsc::RecvTimeoutError::Timeout) => {
                        self.build_at = None;
                        self.start_build();
                        continue;
                    }
                    event => event.ok(),
                },
                None => receiver.recv().ok(),
            };
            let Some(event) = event else { break };
            let Event::Changed(mut files) = event else {
                self.on_build(event);
                continue;
            };
            // Editors write a file in several steps: wait for a quiet moment.
            while let Ok(event) = receiver.recv_timeout(Duration::from_millis(40)) {
                match event {
                    Event::Changed(more) => files.extend(more),
                    other => self.on_build(other),
                }
            }
            // What an editor's save leaves: its temporary files are gone again.
            files.retain(|file| file.is_file());
            files.sort();
            files.dedup();
            self.on_change(&files);
        }
    }

    fn on_change(&mut self, files: &[PathBuf]) {
        if let (Some(model), [file]) = (self.model.as_deref_mut(), files) {
            let start = Instant::now();
            if let Some(pages) = quick_update(&self.root, model, file) {
                self.edits += 1;
                self.shared.update(|snapshot| snapshot.publish(pages, Part::Quick));
                let name = file.strip_prefix(&self.root).unwrap_or(file);
                eprintln!("{} shown in {} ms; the rest of the site follows", name.display(), start.elapsed().as_millis());
                // The open page reloads first, then the full build takes the cores.
                self.build_at = Some(Instant::now() + QUICK_HEAD_START);
                return;
            }
        }
        self.build_at = None;
        self.start_build();
    }

    fn start_build(&mut self) {
        if self.building {
            self.pending = true;
            return;
        }
        self.building = true;
        let (root, edits, events) = (self.root.clone(), self.edits, self.events.clone());
        std::thread::spawn(move || full_build(&root, edits, &events));
    }

    fn on_build(&mut self, event: Event) {
        match event {
            Event::Changed(_) => {}
            // A build that started before the last quick update may not have read it; another
            // build follows that update.
            Event::Pages { edits, .. } | Event::Indexed { edits, .. } if edits != self.edits => {
                if matches!(event, Event::Indexed { .. }) {
                    self.finish_build();
                }
            }
            Event::Pages { result: Ok((files, base_path)), elapsed, .. } => {
                eprintln!("pages built in {} ms", elapsed.as_millis());
                self.shared.update(|snapshot| {
                    // Read with the rest of the project; a failed build keeps the last good one's.
                    snapshot.base_path = base_path;
                    snapshot.publish(files, Part::Pages);
                });
            }
            Event::Pages { result: Err(problems), elapsed, .. } => {
                eprintln!("build failed ({} ms):", elapsed.as_millis());
                for problem in &problems {
                    eprintln!("  {problem}");
                }
                self.replace_model(None);
                self.shared.update(|snapshot| snapshot.fail(problems));
            }
            Event::Indexed { search, model, .. } => {
                if let Some(model) = model {
                    self.replace_model(Some(model));
                    self.shared.update(|snapshot| {
                        if let Some(search) = search.filter(|_| snapshot.problems.is_none()) {
                            snapshot.publish(search, Part::Search);
                        }
                    });
                }
                self.finish_build();
            }
        }
    }

    /// Freeing a large site's model takes a moment: not on the way of the next edit.
    fn replace_model(&mut self, model: Option<Box<Model>>) {
        if let Some(old) = std::mem::replace(&mut self.model, model) {
            std::thread::spawn(move || drop(old));
        }
    }

    fn finish_build(&mut self) {
        self.building = false;
        if std::mem::take(&mut self.pending) {
            self.start_build();
        }
    }
}

/// Runs until the process is stopped. `ready` receives the address once the server listens
/// and the first build is shown.
pub fn serve(root: &Path, port: u16, ready: impl FnOnce(&str)) -> Result<(), String> {
    // Absolute, as the watcher names changed files.
    let root = std::fs::canonicalize(root).map_err(|e| format!("cannot open the project folder {}: {e}", root.display()))?;
    let server = Server::http(("127.0.0.1", port)).map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let address = match server.server_addr().to_ip() {
        Some(address) => format!("http://{address}/"),
        None => return Err("the server has no address".into()),
    };
    let shared = Arc::new(Shared { snapshot: Mutex::new(Snapshot::default()), changed: Condvar::new() });

    let (sender, receiver) = mpsc::channel();
    let watched = sender.clone();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| match event {
        Ok(event) if !event.kind.is_access() => {
            let _ = watched.send(Event::Changed(event.paths));
        }
        _ => {}
    })
    .map_err(|e| format!("cannot watch the project's files: {e}"))?;
    for folder in ["content", "themes", "i18n"] {
        let path = root.join(folder);
        if path.exists() {
            watcher.watch(&path, RecursiveMode::Recursive).map_err(|e| format!("cannot watch {folder}/: {e}"))?;
        }
    }
    let preview =
        Preview { root, shared: shared.clone(), events: sender, model: None, edits: 0, building: false, pending: false, build_at: None };
    std::thread::spawn(move || preview.run(receiver));

    // The first build, pages or problems, before anyone is told to look.
    let _ = wait_for_change(&shared, None, 0, Duration::from_secs(365 * 86_400));
    ready(&address);
    for request in server.incoming_requests() {
        let shared = shared.clone();
        std::thread::spawn(move || respond(request, &shared));
    }
    drop(watcher);
    Ok(())
}

/// The site path of an address, without the site's base path.
fn key_of<'a>(path: &'a str, base_path: &str) -> &'a str {
    path.strip_prefix(base_path.trim_end_matches('/')).filter(|p| p.starts_with('/') && base_path != "/").unwrap_or(path)
}

fn respond(request: Request, shared: &Shared) {
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    if path == RELOAD_SCRIPT {
        let _ = request.respond(with_type(Response::from_string(RELOAD_JS), "text/javascript; charset=utf-8"));
        return;
    }
    if path == "/__toolkit/changes" {
        let parameter = |name: &str| query.split('&').find_map(|p| p.strip_prefix(name)?.strip_prefix('='));
        let since: u64 = parameter("since").and_then(|v| v.parse().ok()).unwrap_or(0);
        // The page asking, to wake it only when its own text changed.
        let page = parameter("page").map(|p| site_path(key_of(&percent_decode(p), &shared.snapshot().base_path)));
        let version = wait_for_change(shared, page.as_deref(), since, Duration::from_secs(25));
        let _ = request.respond(with_type(Response::from_string(format!("{{\"version\":{version}}}")), "application/json"));
        return;
    }
    let (version, files, problems, base_path) = {
        let snapshot = shared.snapshot();
        (snapshot.version, snapshot.files.clone(), snapshot.problems.clone(), snapshot.base_path.clone())
    };
    let path = key_of(path, &base_path);
    let key = site_path(path);
    // "/fr" means the folder "/fr/": send the browser there, so the page's relative links work.
    if !key.ends_with(".html") && files.get(&format!("{key}/index.html")).is_some() {
        let location = Header::from_bytes("Location", format!("{path}/")).expect("a valid header");
        let _ = request.respond(Response::empty(301).with_header(location));
        return;
    }
    let is_page = key.ends_with(".html");
    if let (Some(problems), true) = (&problems, is_page) {
        let body = error_page(problems, version);
        let _ = request.respond(with_type(Response::from_string(body).with_status_code(500), "text/html; charset=utf-8"));
        return;
    }
    match files.get(&key) {
        Some(bytes) => {
            let content_type = content_type(&key);
            let body = if is_page { with_reload(bytes, version) } else { bytes.to_vec() };
            let _ = request.respond(with_type(Response::from_data(body), content_type));
        }
        None => {
            let body = files.get(paths::NOT_FOUND).map(|b| with_reload(b, version)).unwrap_or_else(|| b"Not found".to_vec());
            let _ = request.respond(with_type(Response::from_data(body).with_status_code(404), "text/html; charset=utf-8"));
        }
    }
}

/// Waits until the page at `key` (any page, without one) changes after version `since`, or
/// until `timeout`; returns the version then (`since` when nothing changed for it).
fn wait_for_change(shared: &Shared, key: Option<&str>, since: u64, timeout: Duration) -> u64 {
    let snapshot = shared.snapshot();
    let (snapshot, _) =
        shared.changed.wait_timeout_while(snapshot, timeout, |s| !s.page_changed(key, since)).unwrap_or_else(|e| e.into_inner());
    if snapshot.page_changed(key, since) { snapshot.version } else { since }
}

/// The site path asked for: percent-decoded, folders mapped to their index.html. Anything that
/// tries to climb out simply names no file of the site.
pub fn site_path(url_path: &str) -> String {
    let decoded = percent_decode(url_path);
    let mut path = decoded.trim_start_matches('/').to_string();
    if path.is_empty() || path.ends_with('/') {
        path.push_str("index.html");
    }
    path
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            // Bytes, not a slice of the text: after '%' may come any character.
            if let Some(byte) = std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|hex| u8::from_str_radix(hex, 16).ok()) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn content_type(path: &str) -> &'static str {
    match Path::new(path).extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("xml") => "application/xml; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("pdf") => "application/pdf",
        _ => "application/octet-stream",
    }
}

fn with_type<R: std::io::Read>(response: Response<R>, content_type: &str) -> Response<R> {
    let header = Header::from_bytes("Content-Type", content_type).expect("a valid header");
    let no_cache = Header::from_bytes("Cache-Control", "no-store").expect("a valid header");
    response.with_header(header).with_header(no_cache)
}

/// The preview's only addition to a page: a script (a file, as the pages' Content-Security-Policy
/// allows no inline script) that waits for the next build and reloads.
const RELOAD_SCRIPT: &str = "/__toolkit/reload.js";
const RELOAD_JS: &str = "(function(){var s=document.currentScript,v=Number(s.dataset.version);function wait(){fetch('/__toolkit/changes?since='+v+'&page='+encodeURIComponent(location.pathname)).then(function(r){return r.json();}).then(function(d){if(d.version!==v){location.reload();}else{wait();}}).catch(function(){setTimeout(wait,1000);});}wait();})();\n";

fn reload_script(version: u64) -> String {
    format!("<script src=\"{RELOAD_SCRIPT}\" data-version=\"{version}\"></script>")
}

fn with_reload(page: &[u8], version: u64) -> Vec<u8> {
    let text = String::from_utf8_lossy(page);
    let script = reload_script(version);
    match text.rfind("</body>") {
        Some(at) => format!("{}{script}{}", &text[..at], &text[at..]).into_bytes(),
        None => format!("{text}{script}").into_bytes(),
    }
}

fn error_page(problems: &[Diagnostic], version: u64) -> String {
    let items: String =
        problems.iter().map(|p| format!("<li><code>{}</code><br>{}</li>\n", escape(&p.location()), escape(&p.message))).collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Build failed</title>\n<style>body{{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.5}}h1{{color:#b00020}}li{{margin:1rem 0}}code{{background:#f3f3f3;padding:0.1rem 0.3rem}}</style></head>\n<body><main><h1>Build failed</h1><p>Fix these problems and save: this page reloads by itself.</p><ul>\n{items}</ul></main>{}</body></html>\n",
        reload_script(version)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_addresses_to_site_files() {
        assert_eq!(site_path("/"), "index.html");
        assert_eq!(site_path("/en/2.1.a/"), "en/2.1.a/index.html");
        assert_eq!(site_path("/fr/sources/index.html"), "fr/sources/index.html");
        assert_eq!(site_path("/zh/%E6%90%9C/"), "zh/搜/index.html");
        // Climbing out only produces names that no site file has.
        assert_eq!(site_path("/../Cargo.toml"), "../Cargo.toml");
        assert_eq!(site_path("/%2e%2e/%2e%2e/etc/passwd"), "../../etc/passwd");
        // A '%' before a character of several bytes is kept as it is.
        assert_eq!(site_path("/%aé/"), "%aé/index.html");
    }

    /// The fixture's content with the real theme and texts, in a temporary folder.
    fn fixture_project() -> (tempfile::TempDir, PathBuf) {
        fn copy(from: &Path, to: &Path) {
            std::fs::create_dir_all(to).unwrap();
            for entry in std::fs::read_dir(from).unwrap() {
                let entry = entry.unwrap();
                let target = to.join(entry.file_name());
                if entry.file_type().unwrap().is_dir() {
                    copy(&entry.path(), &target)
                } else {
                    std::fs::copy(entry.path(), target).unwrap();
                };
            }
        }
        let project = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = tempfile::tempdir().unwrap();
        copy(&project.join("tests/fixture/content"), &dir.path().join("content"));
        copy(&project.join("themes"), &dir.path().join("themes"));
        copy(&project.join("i18n"), &dir.path().join("i18n"));
        let root = std::fs::canonicalize(dir.path()).unwrap();
        (dir, root)
    }

    fn loaded_model(root: &Path) -> Model {
        let loaded = build::load(root).unwrap_or_else(|Problems(p)| panic!("{p:?}"));
        let facts = build::gather_facts(root, &loaded);
        Model { loaded, facts }
    }

    fn edit(root: &Path, file: &str, from: &str, to: &str) {
        let path = root.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file}: {from}");
        std::fs::write(path, text.replacen(from, to, 1)).unwrap();
    }

    #[test]
    fn an_edited_challenge_is_shown_at_once_as_the_full_build_renders_it() {
        let (_dir, root) = fixture_project();
        let mut model = loaded_model(&root);
        // English first (its translations become out of date), then a translation.
        let edits = [
            ("content/en/1/1.1/a.md", "Raise the", "Raise promptly the", "en/1.1.a/index.html"),
            ("content/fr/1/1.1/a.md", "Évoquer les", "Évoquer d’abord les", "fr/1.1.a/index.html"),
        ];
        for (file, from, to, page) in edits {
            edit(&root, file, from, to);
            let pages = quick_update(&root, &mut model, &root.join(file)).expect("an edited challenge is updated at once");
            assert_eq!(pages.len(), model.loaded.site.config.languages.len(), "its page in every language: {:?}", pages.keys());
            assert!(String::from_utf8_lossy(&pages[page]).contains(to), "{page}");
            // Byte for byte what the full build that follows makes of it.
            let memory = Memory::default();
            let fresh = loaded_model(&root);
            build::render(&root, &fresh.loaded, &fresh.facts, &[Box::new(Pages)], &memory).unwrap();
            let full = memory.into_files();
            for (path, bytes) in &pages {
                assert!(full[path] == bytes[..], "{path} differs from the full build's");
            }
        }
    }

    #[test]
    fn other_changes_wait_for_the_full_build() {
        let (_dir, root) = fixture_project();
        let mut model = loaded_model(&root);
        // A section, a challenge not in the site yet, a challenge that no longer loads.
        assert!(quick_update(&root, &mut model, &root.join("content/en/1/1.1/_index.md")).is_none());
        std::fs::copy(root.join("content/en/1/1.1/b.md"), root.join("content/en/1/1.1/c.md")).unwrap();
        assert!(quick_update(&root, &mut model, &root.join("content/en/1/1.1/c.md")).is_none());
        edit(&root, "content/en/1/1.1/a.md", "+++", "+++\nnot = [toml");
        assert!(quick_update(&root, &mut model, &root.join("content/en/1/1.1/a.md")).is_none());
        assert!(quick_update(&root, &mut model, &root.join("themes/default/templates/base.html")).is_none());
    }

    #[test]
    fn open_pages_reload_only_when_their_own_text_changed() {
        let mut snapshot = Snapshot::default();
        let files = |list: &[(&str, &str)]| -> Files { list.iter().map(|(p, b)| (p.to_string(), Arc::from(b.as_bytes()))).collect() };
        snapshot.publish(files(&[("a.html", "A"), ("b.html", "B")]), Part::Pages);
        snapshot.publish(files(&[("a.html", "A, edited")]), Part::Quick);
        assert!(snapshot.page_changed(Some("a.html"), 1));
        assert!(!snapshot.page_changed(Some("b.html"), 1), "b did not change");
        // The full build after: the same bytes wake nobody; a page that went away does.
        snapshot.publish(files(&[("a.html", "A, edited")]), Part::Pages);
        assert!(!snapshot.page_changed(Some("a.html"), 2));
        assert!(snapshot.page_changed(Some("b.html"), 2), "b is gone");
        // Problems, and their repair, reach every page; without a page, any new version counts.
        snapshot.fail(vec![internal_error()]);
        assert!(snapshot.page_changed(Some("a.html"), 3));
        assert!(snapshot.page_changed(None, 3) && !snapshot.page_changed(None, 4));
        snapshot.publish(files(&[("a.html", "A, edited")]), Part::Pages);
        assert!(snapshot.page_changed(Some("a.html"), 4));
    }

    #[test]
    fn pages_get_the_reload_script() {
        let page = with_reload(b"<html><body><p>x</p></body></html>", 7);
        let text = String::from_utf8(page).unwrap();
        assert!(text.contains("data-version=\"7\""));
        assert!(text.ends_with("</script></body></html>"));
    }
}
