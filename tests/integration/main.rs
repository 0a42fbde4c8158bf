//! The integration tests, in one binary so that the crate and tantivy are linked once (five
//! binaries took minutes to link after every change).

#![allow(dead_code)]

mod common;

mod bad_input;
mod editions;
mod handout;
mod hostile;
mod mutation;
mod real_content;
mod search;
mod site;
mod terminology;
mod translation;
