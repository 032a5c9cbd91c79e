//! Per-side sums of evidence weight: one number for each side a speaker can be placed on, read and
//! written by [`Side`] (`tally[Side::Supports] += 2.0`).

use std::ops::{AddAssign, Index, IndexMut, SubAssign};

use super::Side;

/// Weight summed per side. `Side::Unclear` has no slot of its own: no rule votes for it (it is what
/// is left when no side wins), and reading or writing it reaches the `other` slot.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Tally {
    pub supports: f32,
    pub disputes: f32,
    pub other: f32,
}

impl Tally {
    /// The three sides with their weights, in the order supports, disputes, other.
    pub fn sides(self) -> [(Side, f32); 3] {
        [
            (Side::Supports, self.supports),
            (Side::Disputes, self.disputes),
            (Side::Other, self.other),
        ]
    }
}

impl Index<Side> for Tally {
    type Output = f32;

    fn index(&self, side: Side) -> &f32 {
        match side {
            Side::Supports => &self.supports,
            Side::Disputes => &self.disputes,
            Side::Other | Side::Unclear => &self.other,
        }
    }
}

impl IndexMut<Side> for Tally {
    fn index_mut(&mut self, side: Side) -> &mut f32 {
        match side {
            Side::Supports => &mut self.supports,
            Side::Disputes => &mut self.disputes,
            Side::Other | Side::Unclear => &mut self.other,
        }
    }
}

impl AddAssign for Tally {
    fn add_assign(&mut self, o: Tally) {
        self.supports += o.supports;
        self.disputes += o.disputes;
        self.other += o.other;
    }
}

impl SubAssign for Tally {
    fn sub_assign(&mut self, o: Tally) {
        self.supports -= o.supports;
        self.disputes -= o.disputes;
        self.other -= o.other;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tally_is_indexed_by_side_and_adds_side_by_side() {
        let mut t = Tally::default();
        t[Side::Supports] += 2.0;
        t[Side::Other] += 0.5;
        t[Side::Unclear] += 0.25;
        assert_eq!((t.supports, t.disputes, t.other), (2.0, 0.0, 0.75));
        let mut u = t;
        u += t;
        u -= Tally {
            supports: 1.0,
            disputes: 0.0,
            other: 0.0,
        };
        assert_eq!(u[Side::Supports], 3.0);
        assert_eq!(u[Side::Other], 1.5);
        assert_eq!(u.sides()[1], (Side::Disputes, 0.0));
    }
}
