//! The serving loop: connections taken from the listener and answered with
//! hyper, within limits that keep anyone else on the machine, token or
//! not, from holding the server up.
//!
//! - A request's head must arrive within [`Limits::header_timeout`] of the
//!   connection opening, or of the previous answer on a kept-alive
//!   connection; otherwise the connection is closed. The same limit is how
//!   long a kept-alive connection may sit idle.
//! - At most [`Limits::connections`] connections are open at once. One
//!   more arriving closes the open connection idle the longest (no request
//!   under way: a head still awaited, or kept alive between requests), so
//!   connections that send half a request and wait can never keep the
//!   page from being answered. Only when every open connection has a
//!   request under way does a new one wait, in the listen backlog.
//! - Asked to stop, it takes no new connection, closes the idle ones at
//!   once, and lets requests under way finish for at most [`GRACE`].

use std::collections::HashMap;
use std::future::Future;
use std::io;
use std::pin::pin;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::{Service as _, service_fn};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, oneshot};

/// How long requests still being answered may take to finish once the
/// server is asked to stop.
const GRACE: Duration = Duration::from_secs(5);

/// How long a request's head may take to arrive, by default.
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// How many connections may be open at once, by default: well under the
/// usual limit of 1024 open files, and never more than half the files the
/// process may open, which leaves the rest to the records and the runtime.
const MAX_CONNECTIONS: usize = 256;

/// The environment variable that sets [`Limits::header_timeout`], in
/// milliseconds, for the tests; not for users.
const HEADER_TIMEOUT_VARIABLE: &str = "THANKYOU_SERVE_HEADER_TIMEOUT_MS";

/// The environment variable that sets [`Limits::connections`], for the
/// tests; not for users.
const MAX_CONNECTIONS_VARIABLE: &str = "THANKYOU_SERVE_MAX_CONNECTIONS";

/// How long to wait before taking a connection again after the system
/// refused one for want of resources (open files, memory).
const ACCEPT_PAUSE: Duration = Duration::from_millis(20);

/// The limits the loop keeps connections within.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// How long a request's head may take to arrive, from the connection
    /// opening or the previous answer.
    pub header_timeout: Duration,
    /// How many connections may be open at once (at least one).
    pub connections: usize,
}

impl Limits {
    /// The defaults, or what the tests set through
    /// `THANKYOU_SERVE_HEADER_TIMEOUT_MS` and
    /// `THANKYOU_SERVE_MAX_CONNECTIONS` (a value that is not a positive
    /// whole number is ignored). By default, at most 256 connections, or
    /// half the files the process may open if that is fewer.
    pub fn from_env() -> Limits {
        let positive = |name| {
            std::env::var(name)
                .ok()
                .and_then(|value| value.trim().parse::<u64>().ok())
                .filter(|value| *value > 0)
        };
        Limits {
            header_timeout: positive(HEADER_TIMEOUT_VARIABLE)
                .map_or(HEADER_TIMEOUT, Duration::from_millis),
            connections: positive(MAX_CONNECTIONS_VARIABLE)
                .and_then(|value| usize::try_from(value).ok())
                .unwrap_or_else(default_connections),
        }
    }
}

/// [`MAX_CONNECTIONS`], or half the files the process may open if that is
/// fewer (`ulimit -n`), at least one.
fn default_connections() -> usize {
    let limit = rustix::process::getrlimit(rustix::process::Resource::Nofile).current;
    limit
        .and_then(|files| usize::try_from(files / 2).ok())
        .map_or(MAX_CONNECTIONS, |half| half.clamp(1, MAX_CONNECTIONS))
}

/// Answers the connections of `listener` with `router` until `stop` ends,
/// then lets the requests under way finish (for at most [`GRACE`]).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    stop: impl Future<Output = ()>,
) {
    let open = Arc::new(Open::new(limits.connections));
    let graceful = GracefulShutdown::new();
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout);
    let mut stop = pin!(stop);
    loop {
        let stream = tokio::select! {
            () = &mut stop => break,
            stream = take(&listener, &open) => stream,
        };
        let entry = tokio::select! {
            () = &mut stop => break,
            entry = Arc::clone(&open).admit() => entry,
        };
        let service = answering(router.clone(), entry.slot.clone());
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            let Entry {
                slot,
                permit,
                close,
            } = entry;
            tokio::select! {
                // A connection ends with an error when the client goes
                // away or is too slow: nothing to tell anyone.
                _ = connection => {}
                _ = close => {}
            }
            // The connection is closed by now; only then is its place free.
            slot.leave();
            drop(permit);
        });
    }
    drop(listener);
    open.close_idle();
    let _ = tokio::time::timeout(GRACE, graceful.shutdown()).await;
}

/// The next connection from `listener`. When the system refuses one for
/// want of resources (too many open files), the idlest open connection is
/// closed to make room.
async fn take(listener: &TcpListener, open: &Open) -> TcpStream {
    loop {
        match listener.accept().await {
            Ok((stream, _)) => return stream,
            // The client gave up before it was taken: take the next.
            Err(error) if is_connection_error(&error) => {}
            Err(_) => {
                open.close_idlest();
                tokio::time::sleep(ACCEPT_PAUSE).await;
            }
        }
    }
}

/// Whether `error` concerns the one connection being taken, not the
/// listener or the system.
fn is_connection_error(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    )
}

/// The router as a hyper service for one connection, which marks the
/// connection busy while a request is being answered, so it is never
/// closed to make room then.
fn answering(
    router: Router,
    slot: Slot,
) -> impl hyper::service::Service<
    hyper::Request<Incoming>,
    Response = axum::response::Response,
    Error = std::convert::Infallible,
    Future: Send,
> {
    let router = TowerToHyperService::new(router);
    service_fn(move |request: hyper::Request<Incoming>| {
        let busy = slot.busy();
        let answer = router.call(request);
        async move {
            let response = answer.await;
            drop(busy);
            response
        }
    })
}

/// The connections open, and the places left for more.
struct Open {
    /// One permit for each connection that may still open.
    places: Arc<Semaphore>,
    /// The open connections, by number.
    slots: Mutex<Slots>,
}

/// What is known of the open connections.
#[derive(Default)]
struct Slots {
    /// The number the next connection gets.
    next: u64,
    /// Counts activity, so the connection idle the longest is known.
    clock: u64,
    /// Each open connection, by number.
    by_number: HashMap<u64, State>,
}

/// One open connection, as the loop sees it.
struct State {
    /// Whether a request is being answered on it.
    busy: bool,
    /// The clock when it opened or last finished an answer.
    since: u64,
    /// Closes it; gone once it was asked to close.
    close: Option<oneshot::Sender<()>>,
}

/// A connection's place among the open ones.
#[derive(Clone)]
struct Slot {
    /// All the open connections.
    open: Arc<Open>,
    /// This one's number.
    number: u64,
}

/// What a connection holds while it is open.
struct Entry {
    /// Its place among the open connections.
    slot: Slot,
    /// Its permit to be open, given back once it is closed.
    permit: OwnedSemaphorePermit,
    /// Ends when the loop asks it to close.
    close: oneshot::Receiver<()>,
}

/// Marks a connection busy while it lives.
struct Busy {
    /// The connection.
    slot: Slot,
}

impl Open {
    /// Room for `connections` connections (at least one).
    fn new(connections: usize) -> Open {
        Open {
            places: Arc::new(Semaphore::new(connections.max(1))),
            slots: Mutex::new(Slots::default()),
        }
    }

    /// The open connections, even if a thread panicked holding them (their
    /// state stays consistent: each change is a single assignment).
    fn slots(&self) -> MutexGuard<'_, Slots> {
        self.slots.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A place for one more connection: at once while there is room, or
    /// by closing the connection idle the longest, or, when every open
    /// connection is answering a request, once one of them closes.
    async fn admit(self: Arc<Self>) -> Entry {
        let permit = if let Ok(permit) = Arc::clone(&self.places).try_acquire_owned() {
            permit
        } else {
            self.close_idlest();
            self.next_place().await
        };
        let (send, close) = oneshot::channel();
        let number = {
            let mut slots = self.slots();
            let number = slots.next;
            slots.next += 1;
            let since = slots.tick();
            slots.by_number.insert(
                number,
                State {
                    busy: false,
                    since,
                    close: Some(send),
                },
            );
            number
        };
        Entry {
            slot: Slot { open: self, number },
            permit,
            close,
        }
    }

    /// The next place given back (the semaphore is never closed).
    async fn next_place(&self) -> OwnedSemaphorePermit {
        match Arc::clone(&self.places).acquire_owned().await {
            Ok(permit) => permit,
            Err(_) => std::future::pending().await,
        }
    }

    /// Asks the connection idle the longest to close, if one is idle.
    fn close_idlest(&self) {
        let mut slots = self.slots();
        let idlest = slots
            .by_number
            .values_mut()
            .filter(|state| !state.busy && state.close.is_some())
            .min_by_key(|state| state.since);
        if let Some(send) = idlest.and_then(|state| state.close.take()) {
            let _ = send.send(());
        }
    }

    /// Asks every idle connection to close.
    fn close_idle(&self) {
        let mut slots = self.slots();
        for state in slots.by_number.values_mut().filter(|state| !state.busy) {
            if let Some(send) = state.close.take() {
                let _ = send.send(());
            }
        }
    }
}

impl Slots {
    /// The clock, moved on.
    fn tick(&mut self) -> u64 {
        self.clock += 1;
        self.clock
    }
}

impl Slot {
    /// Marks the connection busy until the value answered is dropped.
    fn busy(&self) -> Busy {
        if let Some(state) = self.open.slots().by_number.get_mut(&self.number) {
            state.busy = true;
        }
        Busy { slot: self.clone() }
    }

    /// Forgets the connection, once it is closed.
    fn leave(&self) {
        self.open.slots().by_number.remove(&self.number);
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        let mut slots = self.slot.open.slots();
        let now = slots.tick();
        if let Some(state) = slots.by_number.get_mut(&self.slot.number) {
            state.busy = false;
            state.since = now;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_connection_idle_the_longest_is_closed_first_and_a_busy_one_never() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let open = Arc::new(Open::new(3));
        let [mut first, mut second, mut third] =
            [(); 3].map(|()| runtime.block_on(Arc::clone(&open).admit()));
        let busy = first.slot.busy();
        open.close_idlest();
        assert!(first.close.try_recv().is_err());
        assert!(second.close.try_recv().is_ok());
        assert!(third.close.try_recv().is_err());
        drop(busy);
        open.close_idlest();
        assert!(third.close.try_recv().is_ok());
        open.close_idlest();
        assert!(first.close.try_recv().is_ok());
    }
}
