//! `toolkit serve`: a live preview for authors and translators. It builds the site into memory,
//! serves it on 127.0.0.1 only, rebuilds when content/, themes/ or i18n/ change, and reloads
//! open pages. A failed build shows its problems in the browser instead of a stale page.
//!
//! Only the files of the last build are served, looked up by exact path: nothing on disk is
//! reachable, so no address can escape the site.

use std::collections::HashMap;
use std::path::Path;
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};
use tiny_http::{Header, Request, Response, Server};

use crate::build::{self, Loaded};
use crate::diagnostics::{Diagnostic, Problems};
use crate::outputs::Memory;
use crate::outputs::assets::Assets;
use crate::outputs::pages::Pages;
use crate::outputs::search::SearchIndex;
use crate::paths;
use crate::render::html::escape;
use crate::render::pages::Facts;

/// What the server shows: the files of the last good build, or the problems of a failed one.
struct Snapshot {
    version: u64,
    files: Arc<HashMap<String, Vec<u8>>>,
    problems: Option<Vec<Diagnostic>>,
    /// The path part of the site's published address (`/toolkit/`): the 404 page links from it,
    /// so the preview answers there too.
    base_path: String,
}

struct Shared {
    snapshot: Mutex<Snapshot>,
    changed: Condvar,
}

/// Loads the project once and renders its pages into memory (the search index follows from the
/// same load, see `refresh_search`); returns the files and what was loaded, or the problems.
fn build_once(root: &Path) -> Result<(HashMap<String, Vec<u8>>, Arc<Loaded>), Vec<Diagnostic>> {
    // Whatever goes wrong in a build, the preview stays up and says so in the page.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let loaded = build::load(root)?;
        let memory = Memory::default();
        let facts = build::gather_facts(root, &loaded);
        build::render(root, &loaded, &facts, &[Box::new(Pages), Box::new(Assets)], &memory)?;
        Ok((memory.into_files().into_iter().collect(), Arc::new(loaded)))
    }))
    .unwrap_or_else(|_| Err(Problems::one(internal_error())))
    .map_err(|problems: Problems| problems.errors().cloned().collect())
}

fn internal_error() -> Diagnostic {
    Diagnostic::error(
        "content",
        None,
        "The preview could not build the site because of a fault in toolkit itself (not in your files). Save again to retry; if it persists, run toolkit check and report what it says.",
    )
}

fn rebuild(root: &Path, shared: &Shared) -> Option<Arc<Loaded>> {
    let start = Instant::now();
    let result = build_once(root);
    let elapsed = start.elapsed();

    let mut snapshot = shared.snapshot.lock().unwrap_or_else(|e| e.into_inner());
    snapshot.version += 1;
    let loaded = match result {
        Ok((mut files, loaded)) => {
            // Read with the rest of the project; a failed build keeps the last good one's.
            snapshot.base_path = loaded.site.config.base_path().to_string();
            eprintln!("pages built in {} ms", elapsed.as_millis());
            // Until the new search index is ready, the previous one answers.
            for (path, bytes) in snapshot.files.iter().filter(|(p, _)| p.starts_with(paths::SEARCH_DATA)) {
                files.insert(path.clone(), bytes.clone());
            }
            snapshot.files = Arc::new(files);
            snapshot.problems = None;
            Some(loaded)
        }
        Err(problems) => {
            eprintln!("build failed ({} ms):", elapsed.as_millis());
            for problem in &problems {
                eprintln!("  {problem}");
            }
            snapshot.problems = Some(problems);
            None
        }
    };
    shared.changed.notify_all();
    loaded
}

/// Rebuilds the search index after the pages are published, and swaps it in unless a newer
/// build came meanwhile (which brings its own). Pages need no reload for it.
fn refresh_search(root: &Path, loaded: &Loaded, shared: &Shared) {
    let start = Instant::now();
    let version = shared.snapshot.lock().unwrap_or_else(|e| e.into_inner()).version;
    let memory = Memory::default();
    let outputs: [Box<dyn crate::outputs::Output>; 1] = [Box::new(SearchIndex { keep_in: None })];
    let indexed =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| build::render(root, loaded, &Facts::default(), &outputs, &memory)));
    let Ok(Ok(_)) = indexed else { return };
    let mut snapshot = shared.snapshot.lock().unwrap_or_else(|e| e.into_inner());
    if snapshot.version != version || snapshot.problems.is_some() {
        return;
    }
    let mut files: HashMap<String, Vec<u8>> =
        snapshot.files.iter().filter(|(p, _)| !p.starts_with(paths::SEARCH_DATA)).map(|(p, b)| (p.clone(), b.clone())).collect();
    files.extend(memory.into_files());
    snapshot.files = Arc::new(files);
    eprintln!("search index updated in {} ms", start.elapsed().as_millis());
}

/// Runs until the process is stopped. `ready` receives the address once the server listens.
pub fn serve(root: &Path, port: u16, ready: impl FnOnce(&str)) -> Result<(), String> {
    let root = root.to_path_buf();
    let server = Server::http(("127.0.0.1", port)).map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let address = match server.server_addr().to_ip() {
        Some(address) => format!("http://{address}/"),
        None => return Err("the server has no address".into()),
    };
    let shared = Arc::new(Shared {
        snapshot: Mutex::new(Snapshot { version: 0, files: Arc::new(HashMap::new()), problems: None, base_path: "/".into() }),
        changed: Condvar::new(),
    });
    if let Some(loaded) = rebuild(&root, &shared) {
        refresh_search(&root, &loaded, &shared);
    }

    let (sender, receiver) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if event.is_ok_and(|e| !e.kind.is_access()) {
            let _ = sender.send(());
        }
    })
    .map_err(|e| format!("cannot watch the project's files: {e}"))?;
    for folder in ["content", "themes", "i18n"] {
        let path = root.join(folder);
        if path.exists() {
            watcher.watch(&path, RecursiveMode::Recursive).map_err(|e| format!("cannot watch {folder}/: {e}"))?;
        }
    }
    {
        let shared = shared.clone();
        let root = root.clone();
        std::thread::spawn(move || {
            // Editors write a file in several steps: wait for a quiet moment, then rebuild once.
            while receiver.recv().is_ok() {
                while receiver.recv_timeout(Duration::from_millis(40)).is_ok() {}
                if let Some(loaded) = rebuild(&root, &shared) {
                    refresh_search(&root, &loaded, &shared);
                }
            }
        });
    }

    ready(&address);
    for request in server.incoming_requests() {
        let shared = shared.clone();
        std::thread::spawn(move || respond(request, &shared));
    }
    drop(watcher);
    Ok(())
}

fn respond(request: Request, shared: &Shared) {
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    if path == RELOAD_SCRIPT {
        let _ = request.respond(with_type(Response::from_string(RELOAD_JS), "text/javascript; charset=utf-8"));
        return;
    }
    if path == "/__toolkit/changes" {
        let since: u64 = query.strip_prefix("since=").and_then(|v| v.parse().ok()).unwrap_or(0);
        let version = wait_for_change(shared, since, Duration::from_secs(25));
        let _ = request.respond(with_type(Response::from_string(format!("{{\"version\":{version}}}")), "application/json"));
        return;
    }
    let (version, files, problems, base_path) = {
        let snapshot = shared.snapshot.lock().unwrap_or_else(|e| e.into_inner());
        (snapshot.version, snapshot.files.clone(), snapshot.problems.clone(), snapshot.base_path.clone())
    };
    let path = path.strip_prefix(base_path.trim_end_matches('/')).filter(|p| p.starts_with('/') && base_path != "/").unwrap_or(path);
    let key = site_path(path);
    // "/fr" means the folder "/fr/": send the browser there, so the page's relative links work.
    if !key.ends_with(".html") && files.contains_key(&format!("{key}/index.html")) {
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
            let body = if is_page { with_reload(bytes, version) } else { bytes.clone() };
            let _ = request.respond(with_type(Response::from_data(body), content_type));
        }
        None => {
            let body = files.get(paths::NOT_FOUND).map(|b| with_reload(b, version)).unwrap_or_else(|| b"Not found".to_vec());
            let _ = request.respond(with_type(Response::from_data(body).with_status_code(404), "text/html; charset=utf-8"));
        }
    }
}

fn wait_for_change(shared: &Shared, since: u64, timeout: Duration) -> u64 {
    let snapshot = shared.snapshot.lock().unwrap_or_else(|e| e.into_inner());
    let (snapshot, _) = shared.changed.wait_timeout_while(snapshot, timeout, |s| s.version == since).unwrap_or_else(|e| e.into_inner());
    snapshot.version
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
const RELOAD_JS: &str = "(function(){var s=document.currentScript,v=Number(s.dataset.version);function wait(){fetch('/__toolkit/changes?since='+v).then(function(r){return r.json();}).then(function(d){if(d.version!==v){location.reload();}else{wait();}}).catch(function(){setTimeout(wait,1000);});}wait();})();\n";

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

    #[test]
    fn pages_get_the_reload_script() {
        let page = with_reload(b"<html><body><p>x</p></body></html>", 7);
        let text = String::from_utf8(page).unwrap();
        assert!(text.contains("data-version=\"7\""));
        assert!(text.ends_with("</script></body></html>"));
    }
}
