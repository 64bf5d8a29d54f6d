//! A zip bomb in browser storage: a small packed text whose zlib stream
//! inflates far past the limit (`format::MAX_FILE_BYTES`) is refused by the
//! stored-data decoder, which never holds more than the limit of it. Memory
//! is measured by a counting allocator, so this test has a binary of its
//! own, with one test in it.
#![cfg(not(target_arch = "wasm32"))]

use clientele::format::{FormatError, MAX_FILE_BYTES, decode_workspace, packed_stream};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The system allocator, counting the bytes held, the most held at once
/// and the largest single block.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static LARGEST: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize, block: usize) {
    let held = HELD.fetch_add(by, Ordering::SeqCst) + by;
    PEAK.fetch_max(held, Ordering::SeqCst);
    LARGEST.fetch_max(block, Ordering::SeqCst);
}

// SAFETY: every call is passed on to the system allocator unchanged; only
// counters are updated beside it.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size(), layout.size());
        // SAFETY: the caller's layout, as `GlobalAlloc::alloc` requires.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        grew(layout.size(), layout.size());
        // SAFETY: as for `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size(), Ordering::SeqCst);
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size >= layout.size() {
            grew(new_size - layout.size(), new_size);
        } else {
            HELD.fetch_sub(layout.size() - new_size, Ordering::SeqCst);
        }
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Bits written least significant first, as deflate packs them.
#[derive(Default)]
struct Bits {
    bytes: Vec<u8>,
    held: u64,
    count: u32,
}

impl Bits {
    fn put(&mut self, value: u64, count: u32) {
        self.held |= value << self.count;
        self.count += count;
        while self.count >= 8 {
            self.bytes.push(self.held as u8);
            self.held >>= 8;
            self.count -= 8;
        }
    }

    /// A Huffman code, which deflate writes most significant bit first.
    fn code(&mut self, code: u32, len: u32) {
        let reversed = code.reverse_bits() >> (32 - len);
        self.put(u64::from(reversed), len);
    }

    fn finish(mut self) -> Vec<u8> {
        if self.count > 0 {
            self.put(0, 8 - self.count);
        }
        self.bytes
    }
}

/// A valid zlib stream of `1 + 258 × matches` zero bytes, 13 bits for every
/// 258 bytes: one block of deflate's fixed codes, a literal zero and then
/// copies of 258 bytes from one byte back.
fn zeros_stream(matches: usize) -> (Vec<u8>, usize) {
    let mut bits = Bits::default();
    bits.put(1, 1); // the last block
    bits.put(1, 2); // fixed Huffman codes
    bits.code(0x30, 8); // literal 0
    for _ in 0..matches {
        bits.code(0xc5, 8); // length 258 (symbol 285, no extra bits)
        bits.code(0, 5); // distance 1 (code 0, no extra bits)
    }
    bits.code(0, 7); // end of block (symbol 256)
    let len = 1 + 258 * matches;
    // Adler-32 of zeros: the sum of the bytes stays 1, the sum of sums
    // grows by 1 a byte.
    let adler = ((len % 65_521) << 16 | 1) as u32;
    let mut stream = vec![0x78, 0x01];
    stream.extend(bits.finish());
    stream.extend(adler.to_be_bytes());
    (stream, len)
}

#[test]
fn a_zip_bomb_in_storage_is_refused_without_holding_more_than_the_limit() {
    let limit = MAX_FILE_BYTES as usize;
    // The stream is made right: a small one inflates to what it says.
    let (small, len) = zeros_stream(1_000);
    assert_eq!(
        miniz_oxide::inflate::decompress_to_vec_zlib(&small).unwrap(),
        vec![0; len]
    );
    let small = decode_workspace(&packed_stream(&small)).unwrap_err();
    assert!(matches!(small, FormatError::NotJson { .. }), "{small:?}");

    // 512 MiB of zeros in 3.4 MB of stream, 1.8 million characters: it
    // fits in storage.
    let (stream, len) = zeros_stream(512 * 1024 * 1024 / 258);
    assert!(len > 6 * limit);
    let bomb = packed_stream(&stream);
    assert!(bomb.chars().count() < 2_000_000);

    let before = HELD.load(Ordering::SeqCst);
    PEAK.store(before, Ordering::SeqCst);
    LARGEST.store(0, Ordering::SeqCst);
    let error = decode_workspace(&bomb).unwrap_err();
    let (peak, largest) = (
        PEAK.load(Ordering::SeqCst) - before,
        LARGEST.load(Ordering::SeqCst),
    );
    assert_eq!(
        error,
        FormatError::UnpacksTooLarge {
            limit: MAX_FILE_BYTES
        }
    );
    let message = error.to_string();
    assert!(
        message.contains("would unpack to more than the 75.0 MB Clientele reads"),
        "{message}"
    );
    assert!(
        largest <= limit,
        "a block of {largest} bytes, over the limit of {limit}"
    );
    // Beside the inflated text: the envelope parsed and its stream, a few
    // megabytes.
    let beside = 4 * bomb.len();
    assert!(
        peak <= limit + beside,
        "{peak} bytes held at once, over the limit of {limit} and {beside} for the envelope"
    );
    println!("a {len}-byte zip bomb refused holding at most {peak} bytes at once");
}
