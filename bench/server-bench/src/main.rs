//! bench/run (f): the machine's HTTP floor and the load generator that drives it and momento-server alike.
//!
//! `server-bench floor [--port P]` — a bare hyper server (HTTP/1.1 and h2c on one port, tokio multi-thread like
//! momento-server) that reads the request body and answers 200 with a canned gRPC-web binary Get Hit (same
//! bytes on the wire as momento-server's answer, data frame + trailer frame). Prints `listening on ADDR`.
//!
//! `server-bench load --url http://127.0.0.1:P [--connections N] [--streams S] [--seconds T] [--warmup-seconds W]
//!  [--h2] [--auth TOKEN] [--cache NAME] [--value-bytes B]` — N keep-alive connections (HTTP/1.1: one request in
//! flight per connection; --h2: prior-knowledge h2c with S concurrent streams per connection) send gRPC-web
//! binary `cache_client.Scs/Get` for T seconds after W seconds of warm-up; prints one JSON line with req/s,
//! p50/p99/max latency in µs and the error count. With --auth it first stores the key (Set) so every Get hits.
//! A response counts as OK only with HTTP 200 and a trailer frame holding `grpc-status:0`. The generator runs
//! on one thread (a current-thread runtime) so the server under test gets the rest of the machine.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::{Request, Response};
use hyper_util::rt::{TokioExecutor, TokioIo};

const KEY: &[u8] = b"server-bench-key";
const CT: &str = "application/grpc-web+proto";

type Res<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

fn main() -> Res<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("floor") => floor(&args[1..]),
        Some("load") => load(&args[1..]),
        _ => Err("usage: server-bench floor [--port P] | load --url URL [--connections N] [--streams S] \
                  [--seconds T] [--warmup-seconds W] [--h2] [--auth TOKEN] [--cache NAME] [--value-bytes B]"
            .into()),
    }
}

fn opt<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map(String::as_str)
}

fn num<T: std::str::FromStr>(args: &[String], name: &str, default: T) -> Res<T> {
    match opt(args, name) {
        Some(v) => v.parse().map_err(|_| format!("{name}: not a number: {v}").into()),
        None => Ok(default),
    }
}

/// A gRPC-web frame: flag byte, big-endian length, payload.
fn frame(flag: u8, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(5 + payload.len());
    out.push(flag);
    out.extend_from_slice(&(payload.len() as u32).to_be_bytes());
    out.extend_from_slice(payload);
    out
}

/// A protobuf length-delimited field.
fn pb_bytes(out: &mut Vec<u8>, field: u32, data: &[u8]) {
    out.push(((field << 3) | 2) as u8);
    let mut n = data.len() as u64;
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
    out.extend_from_slice(data);
}

fn pb_varint(out: &mut Vec<u8>, field: u32, mut n: u64) {
    out.push((field << 3) as u8);
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn get_request() -> Bytes {
    let mut m = Vec::new();
    pb_bytes(&mut m, 1, KEY);
    Bytes::from(frame(0, &m))
}

fn set_request(value_bytes: usize) -> Bytes {
    let mut m = Vec::new();
    pb_bytes(&mut m, 1, KEY);
    pb_bytes(&mut m, 2, &vec![b'v'; value_bytes]);
    pb_varint(&mut m, 3, 3_600_000);
    Bytes::from(frame(0, &m))
}

/// What momento-server answers to the Get: `_GetResponse{result: Hit, cache_body}` + `grpc-status:0` trailers.
fn get_hit_response(value_bytes: usize) -> Bytes {
    let mut m = Vec::new();
    pb_varint(&mut m, 1, 2);
    pb_bytes(&mut m, 2, &vec![b'v'; value_bytes]);
    let mut body = frame(0, &m);
    body.extend(frame(0x80, b"grpc-status:0\r\n"));
    Bytes::from(body)
}

// ---------------------------------------------------------------------------------------------------------------
// The floor.

fn floor(args: &[String]) -> Res<()> {
    let port: u16 = num(args, "--port", 0)?;
    let value_bytes: usize = num(args, "--value-bytes", 5)?;
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
        println!("listening on {}", listener.local_addr()?);
        let body = get_hit_response(value_bytes);
        loop {
            let (stream, _) = listener.accept().await?;
            let _ = stream.set_nodelay(true);
            let body = body.clone();
            tokio::spawn(async move {
                let svc = hyper::service::service_fn(move |req: Request<Incoming>| {
                    let body = body.clone();
                    async move {
                        // Read the whole request like a real handler would.
                        let _ = req.into_body().collect().await;
                        Ok::<_, std::convert::Infallible>(
                            Response::builder()
                                .header("content-type", CT)
                                .body(Full::new(body))
                                .unwrap_or_default(),
                        )
                    }
                });
                let _ = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new())
                    .serve_connection(TokioIo::new(stream), svc)
                    .await;
            });
        }
    })
}

// ---------------------------------------------------------------------------------------------------------------
// The load generator.

struct Target {
    uri: hyper::Uri,
    host: String,
    auth: Option<String>,
    cache: String,
}

impl Target {
    fn request(&self, method: &str, body: Bytes) -> Request<Full<Bytes>> {
        let mut b = Request::post(format!("{}cache_client.Scs/{method}", self.uri))
            .header("host", &self.host)
            .header("content-type", CT)
            .header("accept", CT)
            .header("x-grpc-web", "1")
            .header("cache", &self.cache);
        if let Some(a) = &self.auth {
            b = b.header("authorization", a);
        }
        b.body(Full::new(body)).unwrap_or_default()
    }
}

/// HTTP 200 and a trailer frame saying `grpc-status:0`.
fn ok(status: u16, body: &[u8]) -> bool {
    if status != 200 {
        return false;
    }
    let mut rest = body;
    while rest.len() >= 5 {
        let len = u32::from_be_bytes([rest[1], rest[2], rest[3], rest[4]]) as usize;
        let Some(payload) = rest.get(5..5 + len) else { return false };
        if rest[0] & 0x80 != 0 {
            return payload.windows(14).any(|w| w == b"grpc-status:0\r") || payload.ends_with(b"grpc-status:0");
        }
        rest = &rest[5 + len..];
    }
    false
}

#[derive(Default)]
struct Tally {
    lat_us: Vec<u32>,
    errors: u64,
    first_error: Option<String>,
}

/// One load task: sends Gets on `sender` (an HTTP/1 or HTTP/2 hyper sender: no trait covers
/// both) until `stop` or `end`, recording the replies between `measure_from` and `end`.
macro_rules! drive {
    ($sender:ident, $target:ident, $stop:ident, $measure_from:ident, $end:ident) => {
        async move {
            let mut t = Tally::default();
            while !$stop.load(Ordering::Relaxed) {
                if $sender.ready().await.is_err() {
                    t.errors += 1;
                    break;
                }
                let t0 = Instant::now();
                let r = one($sender.send_request($target.request("Get", get_request()))).await;
                record(&mut t, r, t0, $measure_from, $end);
                if Instant::now() >= $end {
                    break;
                }
            }
            t
        }
    };
}

fn load(args: &[String]) -> Res<()> {
    let url = opt(args, "--url").ok_or("--url is required")?.trim_end_matches('/').to_owned() + "/";
    let connections: usize = num(args, "--connections", 64)?;
    let streams: usize = num(args, "--streams", 1)?;
    let seconds: f64 = num(args, "--seconds", 5.0)?;
    let warmup: f64 = num(args, "--warmup-seconds", 1.0)?;
    let value_bytes: usize = num(args, "--value-bytes", 5)?;
    let h2 = args.iter().any(|a| a == "--h2");
    let uri: hyper::Uri = url.parse()?;
    let addr: SocketAddr = format!(
        "{}:{}",
        uri.host().ok_or("--url has no host")?,
        uri.port_u16().unwrap_or(80)
    )
    .parse()?;
    let target = Arc::new(Target {
        host: uri.authority().map(|a| a.to_string()).unwrap_or_default(),
        uri,
        auth: opt(args, "--auth").map(str::to_owned),
        cache: opt(args, "--cache").unwrap_or("bench").to_owned(),
    });

    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    rt.block_on(async move {
        if target.auth.is_some() {
            let (mut s, conn) = hyper::client::conn::http1::handshake(TokioIo::new(
                tokio::net::TcpStream::connect(addr).await?,
            ))
            .await?;
            tokio::spawn(conn);
            let r = s.send_request(target.request("Set", set_request(value_bytes))).await?;
            let status = r.status().as_u16();
            let b = r.into_body().collect().await?.to_bytes();
            if !ok(status, &b) {
                return Err(format!("the priming Set failed: HTTP {status} {:?}", String::from_utf8_lossy(&b)).into());
            }
        }
        let start = Instant::now();
        let measure_from = start + Duration::from_secs_f64(warmup);
        let end = measure_from + Duration::from_secs_f64(seconds);
        let stop = Arc::new(AtomicBool::new(false));
        let mut tasks = Vec::new();
        for _ in 0..connections {
            let stream = tokio::net::TcpStream::connect(addr).await?;
            stream.set_nodelay(true)?;
            let io = TokioIo::new(stream);
            if h2 {
                let (sender, conn) = hyper::client::conn::http2::handshake(TokioExecutor::new(), io).await?;
                tokio::spawn(conn);
                for _ in 0..streams {
                    let mut sender = sender.clone();
                    let target = target.clone();
                    let stop = stop.clone();
                    tasks.push(tokio::spawn(drive!(sender, target, stop, measure_from, end)));
                }
            } else {
                let (mut sender, conn) = hyper::client::conn::http1::handshake(io).await?;
                tokio::spawn(conn);
                let target = target.clone();
                let stop = stop.clone();
                tasks.push(tokio::spawn(drive!(sender, target, stop, measure_from, end)));
            }
        }
        let mut all = Tally::default();
        for task in tasks {
            let t = task.await?;
            all.lat_us.extend(t.lat_us);
            all.errors += t.errors;
            all.first_error = all.first_error.or(t.first_error);
        }
        stop.store(true, Ordering::Relaxed);
        all.lat_us.sort_unstable();
        let n = all.lat_us.len();
        let pct = |p: f64| all.lat_us.get(((n as f64 * p) as usize).min(n.saturating_sub(1))).copied().unwrap_or(0);
        println!(
            "{{\"protocol\":\"{}\",\"connections\":{connections},\"streams\":{},\"seconds\":{seconds},\"requests\":{n},\
             \"errors\":{},\"rps\":{:.1},\"p50_us\":{},\"p99_us\":{},\"max_us\":{},\"first_error\":{}}}",
            if h2 { "h2c" } else { "http/1.1" },
            if h2 { streams } else { 1 },
            all.errors,
            n as f64 / seconds,
            pct(0.50),
            pct(0.99),
            all.lat_us.last().copied().unwrap_or(0),
            match &all.first_error {
                Some(e) => format!("{:?}", e),
                None => "null".to_owned(),
            }
        );
        Ok(())
    })
}

async fn one(
    fut: impl std::future::Future<Output = hyper::Result<Response<Incoming>>>,
) -> Result<(), String> {
    let r = fut.await.map_err(|e| e.to_string())?;
    let status = r.status().as_u16();
    let body = r.into_body().collect().await.map_err(|e| e.to_string())?.to_bytes();
    if ok(status, &body) {
        Ok(())
    } else {
        Err(format!("HTTP {status}: {:?}", String::from_utf8_lossy(&body[..body.len().min(200)])))
    }
}

fn record(t: &mut Tally, r: Result<(), String>, t0: Instant, from: Instant, end: Instant) {
    let now = Instant::now();
    if t0 < from || now > end {
        return;
    }
    match r {
        Ok(()) => t.lat_us.push(now.duration_since(t0).as_micros().min(u32::MAX as u128) as u32),
        Err(e) => {
            t.errors += 1;
            t.first_error.get_or_insert(e);
        }
    }
}
