//! compare_views: how a story's people disagree and how each outlet covered it. Per person their
//! statements, a one-line position in their own words and their relation to the story's claim
//! (from the contrast and agreement markers the articles use, "unclear" without them); per article
//! its quotes, the speakers only it quotes, the points only it has, the common points it leaves
//! out, and whether it rewrites or re-publishes an earlier article of the story.
//!
//! Views read stories (never the other way round): people.rs and speakers.rs build the people side
//! and stance/ places them; outlets.rs and points.rs the outlet side; statement.rs holds the types
//! both sides and stance/ share; memo.rs keeps what was computed for a snapshot.

pub mod memo;
mod outlets;
mod people;
pub mod points;
mod speakers;
pub mod stance;
pub mod statement;

pub use outlets::{OutletView, outlets, shared_points};
pub use people::{PeopleViews, PersonView, claim, people};
pub use statement::{Side, Statement};

#[cfg(test)]
mod testing;
