//! momento-local's test admin: cutting and restoring the data port on request.
//!
//! With `--enable-test-admin` (off by default) the server opens a second, plain-HTTP port on
//! `127.0.0.1` only (`--test-admin-port`, default 9090, momento-local's) that answers:
//! - `GET /block`: the data port goes dark, as during a network outage: every open connection is
//!   cut (its open calls and subscription streams fail at once, the client sees the connection
//!   reset) and no new connection is served until `/unblock` (clients connecting meanwhile wait
//!   in the listen queue, as when packets are dropped, and are served once unblocked if they
//!   still wait);
//! - `GET /unblock`: the port serves again;
//! - `GET /status`: `blocked` or `unblocked`.
//!
//! Each answers `200` with that word; other paths `404`, other methods `405`. The same flag
//! turns on fault injection by request metadata ([`crate::faults`]). The official SDKs' retry
//! tests drive both (`TestAdminClient` in their integration setup).

use std::future::Future;
use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt as _, AsyncWrite, AsyncWriteExt as _, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, watch};
use tokio_stream::Stream;
use tonic::transport::server::{Connected, TcpConnectInfo};

/// The data port's state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct State {
    blocked: bool,
    /// How many times the port was blocked: a connection accepted before the `n`th block is
    /// cut when `cuts` reaches `n`.
    cuts: u64,
}

/// Blocks and unblocks the data port (shared by the admin port, the accept loop and every
/// accepted connection).
#[derive(Debug)]
pub struct PortGate {
    state: watch::Sender<State>,
}

impl Default for PortGate {
    fn default() -> Self {
        Self {
            state: watch::channel(State::default()).0,
        }
    }
}

impl PortGate {
    /// Cuts every open connection and stops serving new ones (idempotent).
    pub fn block(&self) {
        self.state.send_modify(|state| {
            if !state.blocked {
                state.blocked = true;
                state.cuts = state.cuts.saturating_add(1);
            }
        });
    }

    /// Serves new connections again (idempotent).
    pub fn unblock(&self) {
        self.state.send_modify(|state| state.blocked = false);
    }

    /// Whether the port is blocked.
    pub fn is_blocked(&self) -> bool {
        self.state.borrow().blocked
    }

    /// Resolves once the port is not blocked.
    async fn open(&self) {
        let mut rx = self.state.subscribe();
        let _ = rx.wait_for(|state| !state.blocked).await;
    }

    /// Resolves once the port is blocked.
    async fn closed(&self) {
        let mut rx = self.state.subscribe();
        let _ = rx.wait_for(|state| state.blocked).await;
    }

    /// Wraps a connection accepted now: it is cut at the next block.
    fn gate<T>(&self, io: T) -> Gated<T> {
        let mut rx = self.state.subscribe();
        let cuts = rx.borrow().cuts;
        Gated {
            io,
            cut: Some(Box::pin(async move {
                let _ = rx.wait_for(|state| state.cuts > cuts).await;
            })),
            dead: false,
        }
    }
}

/// An accepted connection that fails (connection reset) once the port is blocked; without a
/// gate it passes everything through.
pub struct Gated<T> {
    io: T,
    /// Resolves when this connection is to be cut.
    cut: Option<Pin<Box<dyn Future<Output = ()> + Send>>>,
    dead: bool,
}

impl<T> std::fmt::Debug for Gated<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gated")
            .field("dead", &self.dead)
            .finish_non_exhaustive()
    }
}

impl<T> Gated<T> {
    /// A connection no gate can cut.
    pub fn open(io: T) -> Self {
        Self {
            io,
            cut: None,
            dead: false,
        }
    }

    /// The connection itself.
    pub fn get_ref(&self) -> &T {
        &self.io
    }

    /// Err once cut (registering the waker for the cut otherwise).
    fn check(&mut self, cx: &mut Context<'_>) -> io::Result<()> {
        if !self.dead {
            if let Some(cut) = self.cut.as_mut() {
                if cut.as_mut().poll(cx).is_ready() {
                    self.dead = true;
                }
            }
        }
        if self.dead {
            return Err(io::Error::new(
                io::ErrorKind::ConnectionReset,
                "data port blocked by the test admin",
            ));
        }
        Ok(())
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for Gated<T> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        self.check(cx)?;
        Pin::new(&mut self.io).poll_read(cx, buf)
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for Gated<T> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<io::Result<usize>> {
        self.check(cx)?;
        Pin::new(&mut self.io).poll_write(cx, data)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        self.check(cx)?;
        Pin::new(&mut self.io).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.check(cx)?;
        Pin::new(&mut self.io).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_shutdown(cx)
    }
}

impl Connected for Gated<TcpStream> {
    type ConnectInfo = TcpConnectInfo;

    fn connect_info(&self) -> Self::ConnectInfo {
        self.io.connect_info()
    }
}

/// Accepted data-port connections.
pub type Incoming = Pin<Box<dyn Stream<Item = io::Result<Gated<TcpStream>>> + Send>>;

/// The connections of `tcp`: passed through as they come without a gate; with one, accepted only
/// while the port is open and wrapped so that the next block cuts them.
pub fn incoming<S>(tcp: S, gate: Option<Arc<PortGate>>) -> Incoming
where
    S: Stream<Item = io::Result<TcpStream>> + Send + 'static,
{
    let Some(gate) = gate else {
        return Box::pin(tokio_stream::StreamExt::map(tcp, |conn| {
            conn.map(Gated::open)
        }));
    };
    let (tx, rx) = mpsc::channel(16);
    tokio::spawn(async move {
        let mut tcp = std::pin::pin!(tcp);
        loop {
            gate.open().await;
            let conn = tokio::select! {
                conn = tokio_stream::StreamExt::next(&mut tcp) => conn,
                // Stop accepting as soon as the port is blocked.
                () = gate.closed() => continue,
            };
            let Some(conn) = conn else { return };
            if tx.send(conn.map(|io| gate.gate(io))).await.is_err() {
                return;
            }
        }
    });
    Box::pin(tokio_stream::wrappers::ReceiverStream::new(rx))
}

/// Most bytes of an admin request head.
const MAX_ADMIN_REQUEST: usize = 8 * 1024;

/// How long an admin client may take to send its request.
const ADMIN_READ_TIMEOUT: Duration = Duration::from_secs(5);

/// Binds the admin port on `127.0.0.1:port` (`0` = ephemeral) and serves it in the background
/// until `stop` resolves. Returns the bound address.
pub async fn serve(
    port: u16,
    gate: Arc<PortGate>,
    stop: impl Future<Output = ()> + Send + 'static,
) -> io::Result<SocketAddr> {
    let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port))).await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move {
        let mut stop = std::pin::pin!(stop);
        loop {
            let (conn, _) = tokio::select! {
                () = &mut stop => return,
                accepted = listener.accept() => match accepted {
                    Ok(accepted) => accepted,
                    Err(_) => continue,
                },
            };
            let gate = Arc::clone(&gate);
            tokio::spawn(async move {
                let _ = tokio::time::timeout(ADMIN_READ_TIMEOUT, answer(conn, &gate)).await;
            });
        }
    });
    Ok(addr)
}

/// Reads one request from `conn` and answers it (see the module docs).
async fn answer(mut conn: TcpStream, gate: &PortGate) -> io::Result<()> {
    let mut head = Vec::new();
    let mut chunk = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < MAX_ADMIN_REQUEST {
        let read = conn.read(&mut chunk).await?;
        if read == 0 {
            break;
        }
        head.extend_from_slice(chunk.get(..read).unwrap_or_default());
    }
    let line = String::from_utf8_lossy(&head);
    let mut words = line.lines().next().unwrap_or_default().split_whitespace();
    let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let path = target.split('?').next().unwrap_or_default();
    let (status, body) = match (method, path) {
        ("GET", "/block") => {
            gate.block();
            crate::log_info!("event=test_admin action=block");
            ("200 OK", "blocked")
        }
        ("GET", "/unblock") => {
            gate.unblock();
            crate::log_info!("event=test_admin action=unblock");
            ("200 OK", "unblocked")
        }
        ("GET", "/status") if gate.is_blocked() => ("200 OK", "blocked"),
        ("GET", "/status") => ("200 OK", "unblocked"),
        ("GET", _) => ("404 Not Found", "not found"),
        _ => ("405 Method Not Allowed", "method not allowed"),
    };
    let response = format!(
        "HTTP/1.1 {status}\r\ncontent-type: text/plain\r\ncontent-length: {}\r\nconnection: \
         close\r\n\r\n{body}\n",
        body.len() + 1
    );
    conn.write_all(response.as_bytes()).await?;
    conn.shutdown().await
}
