#pragma once

// The only code that touches the PLG folder on disk.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plg/error.hpp"
#include "plg/model.hpp"

namespace plg {

inline constexpr std::string_view k_config_file = "plg.yaml";
inline constexpr std::string_view k_meetings_dir = "meetings";
inline constexpr std::string_view k_goals_dir = "goals";
inline constexpr std::string_view k_reflections_dir = "reflections";
inline constexpr std::string_view k_cache_dir = ".plg";
// Record files larger than this are refused unread.
inline constexpr size_t k_max_record_bytes = 1 << 20;

// Returns the nearest folder at or above `start` that holds plg.yaml, or nullopt.
std::optional<std::filesystem::path> find_root(const std::filesystem::path& start);

// Reads a whole regular file of at most `limit` bytes. Throws Error naming `shown`
// when the file is missing, a symbolic link, not a regular file, or too large.
std::string read_file(const std::filesystem::path& path, const std::string& shown,
                      size_t limit = k_max_record_bytes);

// Replaces (or creates) `path` atomically: writes a temporary file beside it,
// flushes it to disk, renames it over `path` and flushes the folder. A crash
// leaves either the old file or the new one. Throws Error on failure. Only
// caches pass durable = false: renamed, but not flushed to disk.
void write_atomic(const std::filesystem::path& path, std::string_view contents,
                  bool durable = true);

// Creates `path` with `contents` only if nothing is there, atomically: the file
// appears whole or not at all. Returns false when `path` already exists.
bool create_exclusive(const std::filesystem::path& path, std::string_view contents);

// Creates a new record file in `folder` of the PLG at `root`, named
// "<base>-<four random characters>.yaml" so that records added at the same time
// on two branches never share a name, and returns its id. Retries with new
// characters if a name is taken. Throws Error when the file cannot be created.
std::string create_record(const std::filesystem::path& root, std::string_view folder,
                          const std::string& base, std::string_view contents);

// An exclusive lock on a PLG, held while a command reads, changes and writes a
// file, so two plg processes never overwrite each other's change.
class Lock {
  public:
    explicit Lock(const std::filesystem::path& root);
    ~Lock();
    Lock(const Lock&) = delete;
    Lock& operator=(const Lock&) = delete;

  private:
    int m_fd = -1;
};

// A PLG folder: where its files are, and how to name them in messages.
class Store {
  public:
    // `shown` is how the root is written in messages ("" for the current folder).
    Store(std::filesystem::path root, std::filesystem::path shown)
        : m_root(std::move(root)), m_shown(std::move(shown)) {}

    const std::filesystem::path& root() const { return m_root; }
    std::filesystem::path path(std::string_view relative) const { return m_root / relative; }
    // Returns how the file at `relative` is named in messages.
    std::string shown(std::string_view relative) const;

    // Reads the file at `relative` (see read_file).
    std::string read(std::string_view relative) const;

    // The ids of the records in `folder` (file names without ".yaml"), sorted.
    // Entries that cannot be records (links, folders, bad names, other
    // extensions) are reported in `problems` and left out.
    std::vector<std::string> list(std::string_view folder, std::vector<Diagnostic>& problems) const;

  private:
    std::filesystem::path m_root;
    std::filesystem::path m_shown;
};

// Everything in a PLG folder that could be read.
struct Plg {
    std::optional<Community> community;
    std::vector<Meeting> meetings;        // by date, then id
    std::vector<Goal> goals;              // by id
    std::vector<Reflection> reflections;  // by date, then id
    std::vector<Diagnostic> problems;     // every error and warning, file by file
};

// Returns a fingerprint of everything `load` reads: the name, size, inode,
// modification and change time of plg.yaml and of every entry in the record
// folders. Any edit, git checkout or pull changes it (a change time cannot be
// set back), so a cache keyed by it is never stale.
uint64_t fingerprint(const std::filesystem::path& root);

// Returns the contents of the cache file `name` under the PLG's ignored .plg/
// folder, or nullopt when there is none (or it cannot be read).
std::optional<std::string> read_cache(const std::filesystem::path& root, std::string_view name);

// Replaces the cache file `name` atomically. Best effort: a PLG that cannot be
// written (a read-only clone) simply goes without a cache.
void write_cache(const std::filesystem::path& root, std::string_view name, std::string_view text);

// Loads and checks every record: syntax, types, unknown keys, and references
// between records (members, goals, meetings, dimensions). Records with errors
// are left out and their problems reported; it throws only when plg.yaml itself
// cannot be read.
Plg load(const Store& store, Date today);

}  // namespace plg
