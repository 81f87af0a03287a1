//! The signing secret: where it comes from ([`SecretSource`]), the secret file, and the random
//! bytes the server draws.
//!
//! One line: 64 lowercase hex digits (a 256-bit secret), created with mode 0600 on first use by
//! [`load_or_create_secret`]. Any other content is used as raw bytes after trimming
//! surrounding whitespace, so a hand-written passphrase works too. An existing file is refused
//! (with a message naming the fix) when its secret is shorter than [`SECRET_LEN`] bytes or when
//! its group or others may write it (whoever can write the secret can mint keys).

use std::io;
use std::path::{Path, PathBuf};

/// Where the HS256 signing secret comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecretSource {
    /// Read from this file, creating it with a random secret if it does not exist.
    File(PathBuf),
    /// Use these bytes (embedding and tests).
    Bytes(Vec<u8>),
    /// A random secret kept in memory only: keys die with the process.
    Ephemeral,
}

/// Length in bytes of a generated signing secret.
pub const SECRET_LEN: usize = 32;

/// `n` random bytes from the OS, hex-encoded.
pub fn random_hex(n: usize) -> io::Result<String> {
    Ok(hex(&random_bytes(n)?))
}

/// `n` random bytes from the OS.
pub fn random_bytes(n: usize) -> io::Result<Vec<u8>> {
    let mut buf = vec![0u8; n];
    getrandom::fill(&mut buf).map_err(|e| io::Error::other(e.to_string()))?;
    Ok(buf)
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

fn parse_hex(s: &str) -> Option<Vec<u8>> {
    if s.len() % 2 != 0 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| s.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
        .collect()
}

/// Reads the signing secret from `path`, or creates the file with a fresh random secret.
///
/// Creation is race-free between processes: the secret is written to a temporary file that is
/// then hard-linked into place, so a concurrent starter either wins or reads the winner's file.
pub fn load_or_create_secret(path: &Path) -> io::Result<Vec<u8>> {
    match std::fs::read_to_string(path) {
        Ok(text) => {
            check_not_writable_by_others(path)?;
            return parse_secret(&text, path);
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let secret = random_bytes(SECRET_LEN)?;
    let mut tmp_name = path.as_os_str().to_owned();
    tmp_name.push(format!(".tmp-{}-{}", std::process::id(), random_hex(4)?));
    let tmp = std::path::PathBuf::from(tmp_name);
    write_private(&tmp, format!("{}\n", hex(&secret)).as_bytes())?;
    let linked = std::fs::hard_link(&tmp, path);
    let _ = std::fs::remove_file(&tmp);
    match linked {
        Ok(()) => Ok(secret),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            check_not_writable_by_others(path)?;
            parse_secret(&std::fs::read_to_string(path)?, path)
        }
        Err(e) => Err(e),
    }
}

/// The secret in `text` (read from `path`): [`SECRET_LEN`] bytes at least, else an error that
/// says how to fix it.
fn parse_secret(text: &str, path: &Path) -> io::Result<Vec<u8>> {
    let text = text.trim();
    let secret = parse_hex(text).unwrap_or_else(|| text.as_bytes().to_vec());
    if secret.len() < SECRET_LEN {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "secret file {path} holds a {len}-byte secret; a signing secret needs at least \
                 {SECRET_LEN} bytes: delete the file to have a random one created, or write 64 \
                 hex digits (e.g. the output of `openssl rand -hex 32`) into it",
                path = path.display(),
                len = secret.len(),
            ),
        ));
    }
    Ok(secret)
}

/// Refuses a secret file others may write (group or world write permission on Unix): whoever
/// can write it can mint tokens for this server.
#[cfg(unix)]
fn check_not_writable_by_others(path: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = std::fs::metadata(path)?.permissions().mode();
    if mode & 0o022 != 0 {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!(
                "secret file {path} is writable by {who} (mode {mode:o}): anyone who can write \
                 it can mint keys for this server; run `chmod 600 {path}` if its content is \
                 yours, or delete it to have a new random secret created",
                path = path.display(),
                who = if mode & 0o002 != 0 {
                    "everyone"
                } else {
                    "its group"
                },
                mode = mode & 0o777,
            ),
        ));
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_not_writable_by_others(_path: &Path) -> io::Result<()> {
    Ok(())
}

/// The secret a [`SecretSource`] designates (reading or creating the file, or generating an
/// in-memory one).
pub fn resolve_secret(source: &SecretSource) -> io::Result<Vec<u8>> {
    match source {
        SecretSource::File(path) => load_or_create_secret(path),
        SecretSource::Bytes(bytes) => Ok(bytes.clone()),
        SecretSource::Ephemeral => random_bytes(SECRET_LEN),
    }
}

/// Writes `contents` to `path` readable by the owner only (0600 on Unix).
pub fn write_private(path: &Path, contents: &[u8]) -> io::Result<()> {
    use std::io::Write as _;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(contents)?;
    file.sync_all()
}

/// Writes `contents` to `path` atomically (temporary file + rename), owner-readable only.
pub fn write_private_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut tmp_name = path.as_os_str().to_owned();
    tmp_name.push(format!(".tmp-{}", std::process::id()));
    let tmp = std::path::PathBuf::from(tmp_name);
    write_private(&tmp, contents)?;
    std::fs::rename(&tmp, path)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn secret_file_roundtrip() {
        let dir =
            std::env::temp_dir().join(format!("momento-server-test-{}", random_hex(6).unwrap()));
        let path = dir.join("nested").join("secret");
        let first = load_or_create_secret(&path).unwrap();
        assert_eq!(first.len(), SECRET_LEN);
        assert_eq!(load_or_create_secret(&path).unwrap(), first);
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.trim().len(), 64);
        let phrase = "a hand-written passphrase of 32+ bytes";
        std::fs::write(&path, format!("  {phrase} \n")).unwrap();
        assert_eq!(load_or_create_secret(&path).unwrap(), phrase.as_bytes());
        std::fs::write(&path, "password\n").unwrap();
        let error = load_or_create_secret(&path).unwrap_err().to_string();
        assert!(error.contains("at least 32 bytes"), "{error}");
        let _ = std::fs::remove_dir_all(dir);
    }
}
