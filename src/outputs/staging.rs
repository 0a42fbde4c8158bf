//! Writes the site so that a failed or interrupted build never leaves a half-written, emptied or
//! missing site behind, and never deletes a folder this tool did not write:
//! - everything goes into a fresh folder next to the output, which replaces it only when complete,
//!   in one atomic exchange where the system has one (Linux), so there is always a site;
//! - the output folder is marked as a site written by `toolkit`, and a folder without the mark
//!   (the project itself, `content/`, someone's documents) is never replaced unless forced;
//! - leftovers of builds that were killed are cleared by the next build;
//! - a file that is the same as in the site it replaces is linked to it rather than written
//!   again: a rebuild makes new files only for what changed, which is most of the time a large
//!   build spent (bench/README.md), and deletes little when the old site goes.

use std::collections::{HashMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::hash::bytes_hash;
use crate::outputs::Sink;

/// A file to write, relative to the output folder.
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The file that marks a folder as a site written by this tool.
pub const MARKER: &str = ".toolkit-site";
const MARKER_TEXT: &str = "This folder is a web site written by `toolkit build`; the next build replaces all of it.\n";
/// Starts the list of the files the site holds, in the mark: `<fingerprint> <bytes> <path>`.
const MARKER_FILES: &str = "\nFiles (fingerprint, bytes, path):\n";

/// Why `out` may not be replaced by a site, if it may not. `root` is the project folder.
pub fn refuse_target(root: &Path, out: &Path, force: bool) -> Option<String> {
    let Ok(metadata) = std::fs::symlink_metadata(out) else { return None };
    let absolute = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let (root, target) = (absolute(root), absolute(out));
    if root.starts_with(&target) {
        return Some("it is the project folder, or a folder that contains it: building there would delete the project. Choose a new folder, such as public.".into());
    }
    for kept in ["content", "i18n", "themes", "src", "tests", ".git"] {
        if target.starts_with(root.join(kept)) {
            return Some(format!(
                "it is inside the project's {kept} folder, which a build must never replace. Choose a new folder, such as public."
            ));
        }
    }
    if !metadata.is_dir() {
        return Some("it is a file or a link, not a folder. Choose a folder for the site.".into());
    }
    let empty = std::fs::read_dir(out).map(|mut entries| entries.next().is_none()).unwrap_or(false);
    if force || empty || is_site(out) {
        return None;
    }
    Some(format!(
        "it already holds files that were not written by toolkit, and a build replaces everything in it. Choose a new or empty folder, or add --force if you really mean to replace {}.",
        out.display()
    ))
}

/// A site written by this tool: marked, or (for sites built before the mark) laid out like one.
fn is_site(folder: &Path) -> bool {
    folder.join(MARKER).is_file()
        || (folder.join("sitemap.xml").is_file() && folder.join("index.html").is_file() && folder.join("assets").is_dir())
}

/// A site being written: a fresh folder next to the output, which replaces the output only when
/// `publish` is called (and is removed if the build stops before).
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    /// Folders already made, so each is made once however many files it holds.
    made: Mutex<HashSet<PathBuf>>,
    written: Mutex<Vec<(String, String, usize)>>,
    /// The files of the site being replaced, as its mark lists them, and when it was marked
    /// (a file changed since is not reused).
    previous: HashMap<String, (String, usize)>,
    marked: Option<std::time::SystemTime>,
    published: bool,
}

/// The files a site's mark lists, by path, if the site is still as it was written: a file changed
/// since (newer than the mark) is left out when it is looked at, in `Staging::reuse`.
fn previous_files(out: &Path) -> HashMap<String, (String, usize)> {
    let Ok(text) = std::fs::read_to_string(out.join(MARKER)) else { return HashMap::new() };
    let Some((_, list)) = text.split_once(MARKER_FILES) else { return HashMap::new() };
    list.lines()
        .filter_map(|line| {
            let mut parts = line.splitn(3, ' ');
            let (hash, size, path) = (parts.next()?, parts.next()?.parse().ok()?, parts.next()?);
            Some((path.to_string(), (hash.to_string(), size)))
        })
        .collect()
}

impl Staging {
    pub fn open(out: &Path) -> io::Result<Staging> {
        let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into());
        let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)?;
        clear_leftovers(parent, &format!(".{name}."));
        let dir = parent.join(format!(".{name}.building-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join(MARKER), MARKER_TEXT)?;
        Ok(Staging {
            out: out.to_path_buf(),
            dir,
            made: Mutex::new(HashSet::new()),
            written: Mutex::new(Vec::new()),
            previous: previous_files(out),
            marked: std::fs::metadata(out.join(MARKER)).and_then(|m| m.modified()).ok(),
            published: false,
        })
    }

    /// Links the old site's copy of `path` into the new one, if it has these very bytes and was
    /// not touched since it was written (so not newer than its mark). False if it cannot.
    fn reuse(&self, path: &str, hash: &str, size: usize, file: &Path) -> bool {
        if self.previous.get(path).is_none_or(|(h, s)| h != hash || *s != size) {
            return false;
        }
        let old = self.out.join(path);
        let Some(marked) = self.marked else { return false };
        let Some(metadata) = std::fs::symlink_metadata(&old).ok().filter(|m| m.is_file()) else { return false };
        let unchanged = metadata.modified().is_ok_and(|changed| changed <= marked);
        metadata.len() == size as u64 && unchanged && std::fs::hard_link(&old, file).is_ok()
    }

    /// Puts the new site in the place of the old one.
    pub fn publish(mut self) -> io::Result<()> {
        let name = self.out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into());
        let retired = self.dir.with_file_name(format!(".{name}.old-{}", std::process::id()));
        let mut mark = format!("{MARKER_TEXT}{MARKER_FILES}");
        for (path, hash, size) in self.fingerprints() {
            mark.push_str(&format!("{hash} {size} {path}\n"));
        }
        std::fs::write(self.dir.join(MARKER), mark)?;
        replace(&self.dir, &self.out, &retired)?;
        self.published = true;
        let _ = std::fs::remove_dir_all(retired);
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.published {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

impl Sink for Staging {
    fn put(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let file = self.dir.join(path);
        if let Some(folder) = file.parent() {
            // Noted as made only once it exists: another thread may be writing into it already.
            let known = self.made.lock().unwrap_or_else(|e| e.into_inner()).contains(folder);
            if !known {
                std::fs::create_dir_all(folder)?;
                self.made.lock().unwrap_or_else(|e| e.into_inner()).insert(folder.to_path_buf());
            }
        }
        let hash = bytes_hash(bytes);
        if !self.reuse(path, &hash, bytes.len(), &file) {
            std::fs::write(&file, bytes)?;
        }
        self.written.lock().unwrap_or_else(|e| e.into_inner()).push((path.to_string(), hash, bytes.len()));
        Ok(())
    }

    fn fingerprints(&self) -> Vec<(String, String, usize)> {
        let mut written = self.written.lock().unwrap_or_else(|e| e.into_inner()).clone();
        written.sort();
        written
    }
}

/// Writes `files` as the whole site at `out`, replacing what was there.
pub fn write_site(out: &Path, files: &[OutputFile]) -> io::Result<()> {
    let staging = Staging::open(out)?;
    files.par_iter().try_for_each(|file| staging.put(&file.path, &file.bytes))?;
    staging.publish()
}

/// Puts `new` in the place of `out`; the previous `out`, if any, ends up at `retired`. There is
/// an `out` at every moment on Linux (one atomic exchange), and after any failure elsewhere.
pub fn replace(new: &Path, out: &Path, retired: &Path) -> io::Result<()> {
    if std::fs::symlink_metadata(out).is_err() {
        return std::fs::rename(new, out);
    }
    #[cfg(target_os = "linux")]
    if exchange(new, out).is_ok() {
        return std::fs::rename(new, retired);
    }
    let _ = std::fs::remove_dir_all(retired);
    std::fs::rename(out, retired)?;
    std::fs::rename(new, out).inspect_err(|_| {
        // Put the previous site back rather than leave nothing.
        let _ = std::fs::rename(retired, out);
    })
}

/// Swaps two paths atomically (`renameat2` with `RENAME_EXCHANGE`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| CString::new(p.as_os_str().as_bytes()).map_err(|_| io::Error::from(io::ErrorKind::InvalidInput));
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both are valid NUL-terminated paths that live across the call.
    let status = unsafe { libc::renameat2(libc::AT_FDCWD, a.as_ptr(), libc::AT_FDCWD, b.as_ptr(), libc::RENAME_EXCHANGE) };
    if status == 0 { Ok(()) } else { Err(io::Error::last_os_error()) }
}

/// Removes `<prefix>building-PID` and `<prefix>old-PID` folders (and `<prefix>new-PID`, used for
/// the search index) left by builds that were killed: those whose process is gone.
pub fn clear_leftovers(folder: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(prefix) else { continue };
        let pid = ["building-", "old-", "new-"].iter().find_map(|kind| rest.strip_prefix(kind)).and_then(|p| p.parse::<u32>().ok());
        if pid.is_some_and(|pid| pid != std::process::id() && !process_alive(pid, &entry.path())) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Whether the build that made `leftover` may still be running: its process exists (Linux), or,
/// where that cannot be asked, the folder changed in the last hour.
fn process_alive(pid: u32, leftover: &Path) -> bool {
    if cfg!(target_os = "linux") {
        return PathBuf::from(format!("/proc/{pid}")).exists();
    }
    let age = std::fs::metadata(leftover).and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok());
    age.is_none_or(|age| age.as_secs() < 3600)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("toolkit-output-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn replaces_the_previous_site_whole() {
        let dir = scratch("replace");
        let out = dir.join("public");
        write_site(&out, &[OutputFile { path: "old/stale.html".into(), bytes: b"x".to_vec() }]).unwrap();
        write_site(&out, &[OutputFile { path: "en/index.html".into(), bytes: b"new".to_vec() }]).unwrap();
        assert_eq!(std::fs::read_to_string(out.join("en/index.html")).unwrap(), "new");
        assert!(!out.join("old").exists());
        assert!(out.join(MARKER).is_file());
        let leftovers: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(leftovers.len(), 1, "{leftovers:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_rebuild_links_unchanged_files_and_writes_the_others() {
        use std::os::unix::fs::MetadataExt;
        let dir = scratch("reuse");
        let out = dir.join("public");
        let site = |changed: &str| {
            vec![
                OutputFile { path: "same.html".into(), bytes: b"same".to_vec() },
                OutputFile { path: "en/changed.html".into(), bytes: changed.as_bytes().to_vec() },
                OutputFile { path: "en/edited.html".into(), bytes: b"as built".to_vec() },
            ]
        };
        let inode = |path: &str| std::fs::metadata(out.join(path)).unwrap().ino();
        write_site(&out, &site("one")).unwrap();
        let (same, changed, edited) = (inode("same.html"), inode("en/changed.html"), inode("en/edited.html"));
        // Someone edits a built file by hand, to the same length: the next build must not keep it.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(out.join("en/edited.html"), "by hand!").unwrap();
        write_site(&out, &site("two")).unwrap();
        assert_eq!(inode("same.html"), same, "unchanged: linked, not written again");
        assert_ne!(inode("en/changed.html"), changed);
        assert_eq!(std::fs::read_to_string(out.join("en/changed.html")).unwrap(), "two");
        assert_ne!(inode("en/edited.html"), edited);
        assert_eq!(std::fs::read_to_string(out.join("en/edited.html")).unwrap(), "as built");
        assert_eq!(std::fs::metadata(out.join("same.html")).unwrap().nlink(), 1, "the old site is gone");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn writes_many_files_into_new_folders_at_once() {
        let dir = scratch("parallel");
        let out = dir.join("public");
        let files: Vec<OutputFile> =
            (0..2000).map(|i| OutputFile { path: format!("f{}/g{}/{i}.html", i % 7, i % 13), bytes: vec![b'x'; 10] }).collect();
        write_site(&out, &files).unwrap();
        assert!(out.join("f4/g10/1999.html").is_file());
        assert_eq!(
            walkdir::WalkDir::new(&out).into_iter().flatten().filter(|e| e.file_type().is_file()).count(),
            2001,
            "every file and the mark"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn clears_what_killed_builds_left_but_not_what_running_ones_use() {
        let dir = scratch("leftovers");
        // No process has a pid this large on Linux (the maximum is 2^22).
        for name in [".public.building-99999999", ".public.old-99999998", ".public.new-99999997"] {
            std::fs::create_dir_all(dir.join(name).join("en")).unwrap();
        }
        let running = format!(".public.building-{}", std::process::id());
        std::fs::create_dir_all(dir.join(&running)).unwrap();
        std::fs::create_dir_all(dir.join(".other.old-99999999")).unwrap();
        clear_leftovers(&dir, ".public.");
        let mut left: Vec<String> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into()).collect();
        left.sort();
        assert_eq!(left, [".other.old-99999999".to_string(), running]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn refuses_folders_it_did_not_write() {
        let dir = scratch("refuse");
        let project = dir.join("project");
        std::fs::create_dir_all(project.join("content/en")).unwrap();
        std::fs::write(project.join("README.md"), "x").unwrap();
        let documents = dir.join("documents");
        std::fs::create_dir_all(&documents).unwrap();
        std::fs::write(documents.join("thesis.docx"), "x").unwrap();
        for (out, force) in
            [(&project, true), (&dir, true), (&project.join("content"), true), (&project.join("README.md"), true), (&documents, false)]
        {
            assert!(refuse_target(&project, out, force).is_some(), "{} (force: {force})", out.display());
        }
        assert_eq!(refuse_target(&project, &documents, true), None);
        assert_eq!(refuse_target(&project, &project.join("public"), false), None);
        write_site(&project.join("public"), &[]).unwrap();
        assert_eq!(refuse_target(&project, &project.join("public"), false), None);
        std::fs::create_dir_all(project.join("empty")).unwrap();
        assert_eq!(refuse_target(&project, &project.join("empty"), false), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
