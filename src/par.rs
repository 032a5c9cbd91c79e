//! Work spread over threads: a map over a list whose items take uneven time (files to read and
//! clean, articles to annotate), results in the items' order.

/// `f` over every item on up to `threads` threads, each taking the next item when it is free;
/// the results come back in the items' order.
pub fn map<T: Send, R: Send>(items: Vec<T>, threads: usize, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    let n = items.len();
    if threads <= 1 || n < 2 {
        return items.into_iter().map(f).collect();
    }
    let queue = std::sync::Mutex::new(items.into_iter().enumerate());
    let next = || queue.lock().unwrap_or_else(|p| p.into_inner()).next();
    let mut out: Vec<(usize, R)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads.min(n))
            .map(|_| {
                let (next, f) = (&next, &f);
                s.spawn(move || {
                    let mut part = Vec::new();
                    while let Some((i, item)) = next() {
                        part.push((i, f(item)));
                    }
                    part
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    out.sort_unstable_by_key(|(i, _)| *i);
    out.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::map;

    #[test]
    fn par_map_keeps_the_items_order_whatever_the_threads() {
        let items: Vec<u64> = (0..500).collect();
        let expect: Vec<u64> = items.iter().map(|i| i * i).collect();
        for threads in [1, 2, 3, 8] {
            // Uneven work, so that threads finish out of order.
            let got = map(items.clone(), threads, |i| {
                if i % 7 == 0 {
                    std::thread::sleep(std::time::Duration::from_micros(200));
                }
                i * i
            });
            assert_eq!(got, expect, "{threads} threads");
        }
    }
}
