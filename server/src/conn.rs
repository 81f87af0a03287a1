//! Accepted connections, with reads capped in size.
//!
//! hyper's HTTP/1.1 connections read into a per-connection buffer whose size adapts to the
//! reads: while a large body streams in, each read fills the buffer and the next one asks for
//! twice as much, up to ~408 KiB, and it shrinks back only after several small reads. The
//! buffer's memory stays with the connection, so 64 idle keep-alive connections that each once
//! carried a large value held up to ~25 MiB between them — outside any budget, and tonic offers
//! no setting for it. [`CappedRead`] hands hyper at most [`MAX_READ_BYTES`] per read, which
//! keeps the adaptive size at twice that (its growth needs a read that fills the buffer).
//! Large bodies then take more reads of 16 KiB each (one syscall each), which costs little next
//! to decoding them.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tonic::transport::server::{Connected, TcpConnectInfo};

use crate::test_admin::Gated;

/// Most bytes handed to hyper per read.
pub const MAX_READ_BYTES: usize = 16 * 1024;

/// A connection whose reads return at most [`MAX_READ_BYTES`] (see the module docs).
#[derive(Debug)]
pub struct CappedRead<T>(pub T);

impl<T: AsyncRead + Unpin> AsyncRead for CappedRead<T> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        if buf.remaining() <= MAX_READ_BYTES {
            return Pin::new(&mut self.0).poll_read(cx, buf);
        }
        // Read into the first MAX_READ_BYTES of the unfilled part (zeroed first: the safe way to
        // lend part of an uninitialized buffer), then count what was read as filled.
        let part = buf.initialize_unfilled_to(MAX_READ_BYTES);
        let mut limited = ReadBuf::new(part);
        let polled = Pin::new(&mut self.0).poll_read(cx, &mut limited);
        let read = limited.filled().len();
        if let Poll::Ready(Ok(())) = polled {
            buf.advance(read);
        }
        polled
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for CappedRead<T> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.0).poll_write(cx, data)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.0).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.0.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_shutdown(cx)
    }
}

impl Connected for CappedRead<Gated<TcpStream>> {
    type ConnectInfo = TcpConnectInfo;

    fn connect_info(&self) -> Self::ConnectInfo {
        self.0.connect_info()
    }
}
