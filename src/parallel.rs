//! Work spread over every core, its results handed back in the order of
//! the work: so a batch prints the same thing however it was scheduled,
//! and writing one result overlaps working out the next.

use std::collections::BTreeMap;
use std::num::NonZeroUsize;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

/// How many items a worker takes at a time: enough that handing them over
/// costs little, few enough that the first results come soon.
const BLOCK: usize = 16;

/// How many blocks the workers may run ahead of the results taken: enough
/// to keep every core busy, few enough that memory stays small however many
/// items there are.
const AHEAD: usize = 8;

/// Calls `work` on each of `items` on every core, and `take` on each result
/// in the order of `items`, on this thread, as soon as it and every result
/// before it are ready. `take` can stop the rest with `ControlFlow::Break`.
pub fn in_order<T, R>(
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
    mut take: impl FnMut(R) -> ControlFlow<()>,
) where
    T: Sync,
    R: Send,
{
    let workers = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
    if workers < 2 || items.len() < 2 {
        for item in items {
            if take(work(item)).is_break() {
                return;
            }
        }
        return;
    }
    let blocks: Vec<&[T]> = items.chunks(BLOCK).collect();
    let next = AtomicUsize::new(0);
    let taken = Gate::default();
    std::thread::scope(|scope| {
        let (sender, receiver) = mpsc::sync_channel::<(usize, Vec<R>)>(AHEAD);
        for _ in 0..workers {
            let sender = sender.clone();
            let (blocks, next, taken, work) = (&blocks, &next, &taken, &work);
            scope.spawn(move || {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(block) = blocks.get(index) else {
                        break;
                    };
                    if !taken.wait_below(index) {
                        break;
                    }
                    let results = block.iter().map(work).collect();
                    if sender.send((index, results)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let mut ready = BTreeMap::new();
        let mut wanted = 0;
        for (index, results) in receiver {
            ready.insert(index, results);
            while let Some(results) = ready.remove(&wanted) {
                wanted += 1;
                taken.advance(wanted);
                for result in results {
                    if take(result).is_break() {
                        taken.close();
                        return;
                    }
                }
            }
        }
    });
}

/// How many blocks of results were taken, for workers to wait on so they
/// run at most [`AHEAD`] blocks ahead; closed when no more are wanted.
#[derive(Default)]
struct Gate {
    state: Mutex<(usize, bool)>,
    changed: Condvar,
}

impl Gate {
    /// Waits until block `index` may be worked on; false when closed.
    fn wait_below(&self, index: usize) -> bool {
        let Ok(mut state) = self.state.lock() else {
            return false;
        };
        while index >= state.0 + AHEAD && !state.1 {
            match self.changed.wait(state) {
                Ok(next) => state = next,
                Err(_) => return false,
            }
        }
        !state.1
    }

    fn advance(&self, taken: usize) {
        if let Ok(mut state) = self.state.lock() {
            state.0 = taken;
        }
        self.changed.notify_all();
    }

    fn close(&self) {
        if let Ok(mut state) = self.state.lock() {
            state.1 = true;
        }
        self.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_the_order_of_the_items() {
        let items: Vec<u64> = (0..1000).collect();
        let mut seen = Vec::new();
        in_order(
            &items,
            |item| item * 2,
            |result| {
                seen.push(result);
                ControlFlow::Continue(())
            },
        );
        assert_eq!(seen, items.iter().map(|item| item * 2).collect::<Vec<_>>());
    }

    #[test]
    fn taking_can_stop_early() {
        let items: Vec<u64> = (0..1000).collect();
        let mut seen = 0;
        in_order(
            &items,
            |item| *item,
            |_| {
                seen += 1;
                if seen == 10 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            },
        );
        assert_eq!(seen, 10);
    }
}
