//! The `momento-server` binary: ready line, key and secret files, `key` subcommand, SIGTERM.

use crate::common;

use std::io::{BufRead as _, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use common::{request, spawn_ready, BIN};
use momento_proto::control_client::{CreateCacheRequest, ListCachesRequest};
use momento_server::grpc::control_client::scs_control_client::ScsControlClient;
use momento_server::token::{decode_v1_api_key, is_portable_base64};
use tonic::Code;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "momento-server-cli-{name}-{}-{}",
        std::process::id(),
        Instant::now().elapsed().as_nanos()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Kills the child on drop so a failing test leaves no server behind.
struct Server(Child);

impl Server {
    /// Sends the server SIGTERM.
    fn terminate(&self) {
        let pid = self.0.id().to_string();
        assert!(Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success());
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the binary and returns it with its ready line.
fn spawn(args: &[&str]) -> (Server, String) {
    let (child, ready) = spawn_ready(Command::new(BIN).args(args).stderr(Stdio::null()));
    (Server(child), ready)
}

fn port_of(ready: &str) -> u16 {
    let prefix = "momento-server listening on http://127.0.0.1:";
    assert!(
        ready.starts_with(prefix),
        "unexpected ready line: {ready:?}"
    );
    ready[prefix.len()..].parse().unwrap()
}

#[tokio::test]
async fn binary_writes_keys_authenticates_and_stops_on_sigterm() {
    let dir = temp_dir("serve");
    let key_file = dir.join("root.key");
    let env_file = dir.join("momento.env");
    let (mut server, ready) = spawn(&[
        "--port",
        "0",
        "--key-file",
        key_file.to_str().unwrap(),
        "--env-file",
        env_file.to_str().unwrap(),
    ]);
    let port = port_of(&ready);

    // Key file: portable v1 key for localhost:<port> (the default --advertise-host); secret next
    // to it.
    let key = std::fs::read_to_string(&key_file).unwrap();
    let key = key.trim();
    assert!(is_portable_base64(key), "{key}");
    assert_eq!(STANDARD.encode(STANDARD.decode(key).unwrap()), key);
    let (endpoint, token) = decode_v1_api_key(key).unwrap();
    assert_eq!(endpoint, format!("localhost:{port}"));
    // Env file: a v2 key and its endpoint, as the SDKs' fromEnvVarV2 read them.
    let env = std::fs::read_to_string(&env_file).unwrap();
    let v2_key = env
        .lines()
        .find_map(|l| l.strip_prefix("MOMENTO_API_KEY="))
        .unwrap()
        .to_owned();
    assert!(
        env.contains(&format!("MOMENTO_ENDPOINT=localhost:{port}\n")),
        "{env}"
    );
    let secret_file = dir.join("root.key.secret");
    let secret = std::fs::read_to_string(&secret_file).unwrap();
    assert_eq!(secret.trim().len(), 64);
    assert!(secret.trim().bytes().all(|b| b.is_ascii_hexdigit()));

    // `key` with the same secret mints another accepted key.
    let output = Command::new(BIN)
        .args([
            "key",
            "--secret-file",
            secret_file.to_str().unwrap(),
            "--ttl-seconds",
            "60",
            "--endpoint",
            &format!("127.0.0.1:{port}"),
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let minted = String::from_utf8(output.stdout).unwrap();
    let (_, minted_token) = decode_v1_api_key(minted.trim()).unwrap();

    let mut control = ScsControlClient::connect(format!("http://127.0.0.1:{port}"))
        .await
        .unwrap();
    // `key --v2` prints a v2 key (a raw JWT with "t":"g").
    let output = Command::new(BIN)
        .args([
            "key",
            "--v2",
            "--secret-file",
            secret_file.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let minted_v2 = String::from_utf8(output.stdout).unwrap().trim().to_owned();
    assert_eq!(
        momento_server::token::TokenKind::of(&minted_v2),
        momento_server::token::TokenKind::V2
    );

    for token in [
        token.as_str(),
        minted_token.as_str(),
        v2_key.as_str(),
        minted_v2.as_str(),
    ] {
        control
            .list_caches(request(ListCachesRequest::default(), None, Some(token)))
            .await
            .unwrap();
    }
    let denied = control
        .list_caches(request(ListCachesRequest::default(), None, Some("bogus")))
        .await
        .unwrap_err();
    assert_eq!(denied.code(), Code::Unauthenticated);

    // Graceful shutdown on SIGTERM, well within the 5 s grace period even though the client
    // connection is still open (the server sends GOAWAY; the client's runtime keeps running).
    server.terminate();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = server.0.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "server did not stop on SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "graceful shutdown took {:?}",
        started.elapsed()
    );
    drop(control);
    assert!(status.success(), "{status:?}");
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn sigterm_logs_the_final_store_metrics() {
    let dir = temp_dir("metrics");
    let key_file = dir.join("root.key");
    let (mut child, ready) = spawn_ready(
        Command::new(BIN)
            .args(["--port", "0", "--max-memory-mb", "3", "--key-file"])
            .arg(&key_file)
            .stderr(Stdio::piped()),
    );
    let stderr = child.stderr.take().unwrap();
    let mut server = Server(child);
    let port = port_of(ready.trim_end());
    let (_, token) = decode_v1_api_key(std::fs::read_to_string(&key_file).unwrap().trim()).unwrap();
    let mut control = ScsControlClient::connect(format!("http://127.0.0.1:{port}"))
        .await
        .unwrap();
    for name in ["a", "b"] {
        let create = CreateCacheRequest {
            cache_name: name.to_owned(),
        };
        control
            .create_cache(request(create, None, Some(&token)))
            .await
            .unwrap();
    }
    drop(control);
    server.terminate();
    assert!(server.0.wait().unwrap().success());
    let lines: Vec<String> = BufReader::new(stderr).lines().map(Result::unwrap).collect();
    let metrics = lines
        .iter()
        .find(|l| l.contains("event=metrics "))
        .unwrap_or_else(|| panic!("no metrics line in {lines:?}"));
    assert!(
        metrics.contains(
            "used_bytes=0 max_memory_bytes=3145728 items=0 evictions=0 evicted_bytes=0 \
             expirations=0 caches=2"
        ),
        "{metrics}"
    );
    let at = |needle: &str| lines.iter().position(|l| l.contains(needle)).unwrap();
    assert!(
        at("event=metrics ") < at("event=shutdown "),
        "logged before shutting down"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn bad_arguments_exit_with_usage() {
    let output = Command::new(BIN).arg("--nope").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("USAGE"));
    let help = Command::new(BIN).arg("--help").output().unwrap();
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("--cors-origin"));
}

/// Runs `momento-server key` with `args` and returns the inner token of the printed v1 key.
fn mint_key(args: &[&str]) -> String {
    let output = Command::new(BIN).arg("key").args(args).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let key = String::from_utf8(output.stdout).unwrap();
    let key = key.trim();
    assert!(is_portable_base64(key), "{key}");
    decode_v1_api_key(key).unwrap().1
}

#[tokio::test]
async fn key_subcommand_scope_flags_restrict_the_key() {
    use momento_proto::cache_client::{GetRequest, SetRequest};

    use momento_server::grpc::cache_client::scs_client::ScsClient;

    let dir = temp_dir("scoped");
    let key_file = dir.join("root.key");
    let (_server, ready) = spawn(&["--port", "0", "--key-file", key_file.to_str().unwrap()]);
    let port = port_of(&ready);
    let (_, root) = decode_v1_api_key(std::fs::read_to_string(&key_file).unwrap().trim()).unwrap();
    let secret = dir.join("root.key.secret");
    let secret = secret.to_str().unwrap();

    let url = format!("http://127.0.0.1:{port}");
    let mut control = ScsControlClient::connect(url.clone()).await.unwrap();
    for cache in ["scoped", "elsewhere"] {
        control
            .create_cache(common::create_cache_request(cache, &root))
            .await
            .unwrap();
    }
    let mut data = ScsClient::connect(url).await.unwrap();
    let get = |cache: &str, key: &str, token: &str| {
        request(
            GetRequest {
                cache_key: key.as_bytes().to_vec(),
            },
            Some(cache),
            Some(token),
        )
    };
    let set = |cache: &str, key: &str, token: &str| {
        request(
            SetRequest {
                cache_key: key.as_bytes().to_vec(),
                cache_body: b"v".to_vec(),
                ttl_milliseconds: 60_000,
            },
            Some(cache),
            Some(token),
        )
    };

    // Read-only on one cache.
    let read_only = mint_key(&[
        "--secret-file",
        secret,
        "--cache",
        "scoped",
        "--role",
        "readonly",
        "--ttl-seconds",
        "600",
    ]);
    data.get(get("scoped", "k", &read_only)).await.unwrap();
    let denied = data.set(set("scoped", "k", &read_only)).await.unwrap_err();
    assert_eq!(denied.code(), Code::PermissionDenied);
    let denied = data
        .get(get("elsewhere", "k", &read_only))
        .await
        .unwrap_err();
    assert_eq!(denied.code(), Code::PermissionDenied);
    let denied = control
        .create_cache(common::create_cache_request("nope", &read_only))
        .await
        .unwrap_err();
    assert_eq!(denied.code(), Code::PermissionDenied);
    let listed = control
        .list_caches(request(
            ListCachesRequest::default(),
            None,
            Some(&read_only),
        ))
        .await
        .unwrap()
        .into_inner();
    let names: Vec<_> = listed.cache.iter().map(|c| c.cache_name.as_str()).collect();
    assert_eq!(names, vec!["scoped"]);

    // Read-write on keys with a prefix, any cache.
    let prefixed = mint_key(&[
        "--secret-file",
        secret,
        "--all-caches",
        "--key-prefix",
        "p-",
    ]);
    data.set(set("elsewhere", "p-1", &prefixed)).await.unwrap();
    data.get(get("scoped", "p-1", &prefixed)).await.unwrap();
    let denied = data.set(set("scoped", "q-1", &prefixed)).await.unwrap_err();
    assert_eq!(denied.code(), Code::PermissionDenied);

    // No scope flags: root, as before.
    let unscoped = mint_key(&["--secret-file", secret]);
    control
        .create_cache(common::create_cache_request("by-root", &unscoped))
        .await
        .unwrap();

    // Inconsistent flags are usage errors.
    let output = Command::new(BIN)
        .args(["key", "--secret-file", secret, "--role", "readonly"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    drop(control);
    drop(data);
    let _ = std::fs::remove_dir_all(dir);
}

/// `momento-server key --help` prints the key subcommand's help (it used to fail with "unknown
/// argument: --help").
#[test]
fn key_help_prints_the_key_options() {
    for flag in ["--help", "-h"] {
        let output = Command::new(BIN).args(["key", flag]).output().unwrap();
        assert!(output.status.success(), "{output:?}");
        let help = String::from_utf8(output.stdout).unwrap();
        assert!(help.starts_with("momento-server key:"), "{help}");
        assert!(help.contains("--key-prefix P"), "{help}");
        assert!(help.contains("--v2"), "{help}");
    }
}
