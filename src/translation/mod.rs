//! The translators' tools: status against English, outdated detection by hashes, structural
//! comparison, stamping, and the English diff since a translation was made.

pub mod diff;
pub mod history;
pub mod report;
pub mod stamp;
pub mod status;
pub mod words;
