#pragma once

// Running one piece of work on several threads, this one among them.

#include <algorithm>
#include <thread>
#include <vector>

namespace plg {

// Runs `work` on `threads` threads (at most one per item of `items`, at least
// one: the calling thread) and returns when every one has returned. `work`
// takes its items itself (from an atomic counter) and must not throw.
template <typename Work>
void run_on_threads(unsigned threads, size_t items, Work&& work) {
    threads = std::max(1u, unsigned(std::min<size_t>(threads, items)));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) {
        pool.emplace_back(work);
    }
    work();
    for (auto& t : pool) {
        t.join();
    }
}

// The threads that item `i` of `items`, shared out to `threads` workers one at
// a time, may use itself: all of them for the last items (the other workers
// have none left to take, so a big item at the end does not leave cores
// idle), else one.
inline unsigned tail_threads(size_t i, size_t items, unsigned threads) {
    return threads > 1 && i + threads > items ? threads : 1;
}

}  // namespace plg
