//! Writes the site so that a failed build never leaves a half-written or emptied site behind:
//! everything goes into a fresh folder next to the output, which replaces it only when complete.

use std::io;

use rayon::prelude::*;
use std::path::Path;

/// A file to write, relative to the output folder.
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

pub fn write_site(out: &Path, files: &[OutputFile]) -> io::Result<()> {
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into());
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    let staging = parent.join(format!(".{name}.building-{}", std::process::id()));
    let retired = parent.join(format!(".{name}.old-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&staging);
    let result = (|| {
        std::fs::create_dir_all(&staging)?;
        let folders: std::collections::BTreeSet<&Path> = files.iter().filter_map(|f| Path::new(&f.path).parent()).collect();
        for folder in folders {
            std::fs::create_dir_all(staging.join(folder))?;
        }
        files.par_iter().try_for_each(|file| std::fs::write(staging.join(&file.path), &file.bytes))
    })();
    if let Err(error) = result {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(error);
    }
    let had_previous = out.exists();
    if had_previous {
        let _ = std::fs::remove_dir_all(&retired);
        std::fs::rename(out, &retired)?;
    }
    if let Err(error) = std::fs::rename(&staging, out) {
        // Put the previous site back rather than leave nothing.
        if had_previous {
            let _ = std::fs::rename(&retired, out);
        }
        let _ = std::fs::remove_dir_all(&staging);
        return Err(error);
    }
    if had_previous {
        let _ = std::fs::remove_dir_all(&retired);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_previous_site_whole() {
        let dir = std::env::temp_dir().join(format!("toolkit-output-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let out = dir.join("public");
        std::fs::create_dir_all(out.join("old")).unwrap();
        std::fs::write(out.join("old/stale.html"), "x").unwrap();
        write_site(&out, &[OutputFile { path: "en/index.html".into(), bytes: b"new".to_vec() }]).unwrap();
        assert_eq!(std::fs::read_to_string(out.join("en/index.html")).unwrap(), "new");
        assert!(!out.join("old").exists());
        let leftovers: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(leftovers.len(), 1, "{leftovers:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
