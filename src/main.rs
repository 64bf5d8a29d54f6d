//! Browser entry point: Trunk builds this binary into the page.

fn main() {
    clientele::start();
}
