//! Sparse TF-IDF vectors (sorted by term id): length, dot products, sums and the heaviest terms.

/// Sparse vector, sorted by term id.
pub(super) type SVec = Vec<(u32, f32)>;

/// Scales a vector to unit length (a zero vector stays as it is).
pub(super) fn normalize(v: &mut SVec) {
    let n = norm2(v).sqrt() as f32;
    if n > 0.0 {
        for t in v.iter_mut() {
            t.1 /= n;
        }
    }
}

pub(super) fn norm2(v: &[(u32, f32)]) -> f64 {
    v.iter().map(|&(_, w)| (w as f64) * (w as f64)).sum()
}

/// How many terms of the sparse vector `a` the sparse vector `b` holds (both sorted by term).
pub(super) fn shared_terms(a: &[(u32, f32)], b: &[(u32, f32)]) -> usize {
    a.iter()
        .filter(|x| b.binary_search_by_key(&x.0, |y| y.0).is_ok())
        .count()
}

/// Dot product of two sorted sparse vectors (binary search from the short one into the long one
/// when their lengths differ a lot, a merge otherwise).
pub(super) fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f64 {
    let (s, l) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut sum = 0.0f64;
    if s.len() * 8 < l.len() {
        let mut lo = 0;
        for &(t, w) in s {
            match l[lo..].binary_search_by_key(&t, |x| x.0) {
                Ok(k) => {
                    sum += w as f64 * l[lo + k].1 as f64;
                    lo += k + 1;
                }
                Err(k) => lo += k,
            }
        }
    } else {
        let (mut i, mut j) = (0, 0);
        while i < s.len() && j < l.len() {
            match s[i].0.cmp(&l[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += s[i].1 as f64 * l[j].1 as f64;
                    i += 1;
                    j += 1;
                }
            }
        }
    }
    sum
}

/// `acc += sign * v`, both sorted; pushes the terms new to `acc` onto `fresh`. Entries that cancel
/// out are dropped.
pub(super) fn add_into(acc: &mut SVec, v: &[(u32, f32)], sign: f32, fresh: &mut Vec<u32>) {
    let mut out: SVec = Vec::with_capacity(acc.len() + v.len());
    let (mut i, mut j) = (0, 0);
    while i < acc.len() || j < v.len() {
        if j >= v.len() || (i < acc.len() && acc[i].0 < v[j].0) {
            out.push(acc[i]);
            i += 1;
        } else if i >= acc.len() || v[j].0 < acc[i].0 {
            fresh.push(v[j].0);
            out.push((v[j].0, sign * v[j].1));
            j += 1;
        } else {
            let w = acc[i].1 + sign * v[j].1;
            if w.abs() > 1e-6 {
                out.push((acc[i].0, w));
            }
            i += 1;
            j += 1;
        }
    }
    *acc = out;
}

/// The sum of sparse vectors.
pub(super) fn sum_of<'a>(vs: impl Iterator<Item = &'a [(u32, f32)]>) -> SVec {
    let mut all: SVec = vs.flatten().copied().collect();
    all.sort_unstable_by_key(|x| x.0);
    let mut out: SVec = Vec::with_capacity(all.len());
    for (t, w) in all {
        match out.last_mut() {
            Some(last) if last.0 == t => last.1 += w,
            _ => out.push((t, w)),
        }
    }
    out
}

/// The heaviest `n` entries of a vector (ties by term id).
pub(super) fn heaviest(v: &[(u32, f32)], n: usize) -> SVec {
    let mut q: SVec = v.to_vec();
    q.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    q.truncate(n);
    q
}
