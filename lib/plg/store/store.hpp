#pragma once

// The only code that touches the PLG folder on disk.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plg/base/error.hpp"
#include "plg/base/kinds.hpp"
#include "plg/records/model.hpp"

namespace plg {

inline constexpr std::string_view k_config_file = "plg.yaml";
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

// How long to wait for another plg that holds a PLG's lock, and whom to tell
// that plg is waiting (called once, after a second).
struct LockWait {
    std::chrono::milliseconds limit{10000};
    std::function<void(const std::string&)> notice;
};

// An exclusive lock on a PLG (.plg/lock), held while a command reads, changes
// and writes a file, so two plg processes never overwrite each other's change.
// The holder's process id is written in the file. Throws Error when one holder
// keeps the lock for `wait.limit` (naming it; a queue of writers that each take
// their turn is waited for), or when .plg or the lock file is a symbolic link.
class Lock {
  public:
    explicit Lock(const std::filesystem::path& root, const LockWait& wait = {});
    ~Lock();
    Lock(const Lock&) = delete;
    Lock& operator=(const Lock&) = delete;

  private:
    int m_fd = -1;
};

// A PLG folder: where its files are, how to name them in messages, and the only
// way plg reads, creates and changes them. A record's path is built here alone,
// from its kind and an id checked with is_record_id, so no id can name a file
// outside the PLG.
class Store {
  public:
    // `shown` is how the root is written in messages ("" for the current folder).
    Store(std::filesystem::path root, const std::filesystem::path& shown);

    // Returns the store of the PLG at or above `start` (as git finds its
    // repository), named relative to `cwd` in messages; nullopt when there is none.
    static std::optional<Store> find(const std::filesystem::path& start,
                                     const std::filesystem::path& cwd);

    // Makes a new PLG in `root` (created when missing): plg.yaml holding `config`,
    // created first and exclusively (it is what makes a folder a PLG), a folder with
    // a .gitkeep for each record kind, and each of `files` (a path relative to the
    // root, and its text) that is not there yet; those that were are added to
    // `left_alone`. Returns nullopt, changing nothing, when there is a plg.yaml
    // already. Throws Error when the folder cannot be made.
    static std::optional<Store> init(const std::filesystem::path& root, std::string_view config,
                                     const std::vector<std::pair<std::string, std::string>>& files,
                                     std::vector<std::string>& left_alone);

    // Adds `lines` to the end of the file `relative` (created when missing) unless
    // `marker` is in it already; for files plg shares with people (.gitignore).
    void ensure_lines(std::string_view relative, std::string_view lines,
                      std::string_view marker) const;

    const std::filesystem::path& root() const { return m_root; }
    // Sets how changes wait for another plg that holds the PLG's lock.
    void set_lock_wait(LockWait wait) { m_wait = std::move(wait); }
    // Returns how the file at `relative` (to the root) is named in messages.
    std::string shown(std::string_view relative) const;

    // Returns the file of record `id` of `kind`, relative to the root
    // ("meetings/ID.yaml"; "plg.yaml" for the community, whatever `id`). Throws
    // Error when `id` is not a valid record id.
    std::string file(Kind kind, std::string_view id = {}) const;
    // Returns how that file is named in messages.
    std::string shown(Kind kind, std::string_view id = {}) const { return shown(file(kind, id)); }
    // True when record `id` of `kind` has a file (valid or not); false for an invalid id.
    bool exists(Kind kind, std::string_view id = {}) const;
    // Reads record `id` of `kind` (see read_file).
    std::string read(Kind kind, std::string_view id = {}) const;

    // The ids of the records of `kind` (file names without ".yaml"), sorted.
    // Entries that cannot be records (links, folders, bad names, other
    // extensions) are reported in `problems` and left out.
    std::vector<std::string> list(Kind kind, std::vector<Diagnostic>& problems) const;
    // The same, without the problems.
    std::vector<std::string> ids(Kind kind) const;

    // Creates a new record of `kind` holding `text`, atomically and never over
    // another file, and returns its id. Kinds with IdRule::dated_random are named
    // "<base>-<four random characters>", so records added at the same time on two
    // branches never share a name; IdRule::chosen kinds are named `base` exactly,
    // and nullopt is returned when that id is taken. Throws Error when `base` does
    // not make a valid id or the file cannot be written.
    std::optional<std::string> create(Kind kind, const std::string& base,
                                      std::string_view text) const;

    // Returns the new bytes of a file and the values they mean to change, or
    // nullopt when there is nothing to change.
    using EditFn = std::function<std::optional<Revision>(const std::string& bytes)>;
    // Throws (Error, InvalidRecord) unless `updated` reads as the change meant.
    using VerifyFn = std::function<void(const std::string& updated)>;

    // The one way plg changes an existing file. Under the PLG lock: reads record
    // `id` of `kind`, gives its bytes to `edit`, checks that no value but those
    // the revision names reads differently afterwards, gives the result to
    // `verify`, and replaces the file atomically (temp file, fsync, rename, fsync
    // of the folder), keeping its permissions. Returns false, writing nothing,
    // when `edit` returns nullopt. Whatever throws, the file is left as it was.
    // Throws Error when the record has no file or the file is read-only.
    bool change(Kind kind, std::string_view id, const EditFn& edit, const VerifyFn& verify) const;

    // Keeps a copy of text being edited by hand for a record of `kind`, under the
    // PLG's ignored .plg/drafts/ folder, and returns its path.
    std::filesystem::path create_draft(Kind kind, std::string_view text) const;
    // Replaces the draft at `path` (made by create_draft) with `text`.
    void write_draft(const std::filesystem::path& path, std::string_view text) const;
    // Removes the draft at `path`; best effort.
    void remove_draft(const std::filesystem::path& path) const;
    // True when `path` is a draft in this PLG's .plg/drafts/ folder.
    bool is_draft(const std::filesystem::path& path) const;
    // Returns how the file at `path` (inside the PLG) is named in messages.
    std::string shown_path(const std::filesystem::path& path) const;

  private:
    std::filesystem::path m_root;
    // How the root is shown, made lexically normal once, with no trailing '/'
    // ("" for "."): a plain record path ("meetings/ID.yaml") joins it without
    // normalising again.
    std::string m_shown;
    LockWait m_wait;
};

// One kind's record folder, opened once for reading: the ids of its records
// (as Store::list gives them, from the listing's own file types), and each
// file read relative to the open folder: one open, fstat and read per record,
// never through a link. Safe to read from on several threads at once.
class RecordFolder {
  public:
    RecordFolder(const Store& store, Kind kind, std::vector<Diagnostic>& problems);
    ~RecordFolder();
    RecordFolder(RecordFolder&& other) noexcept;
    RecordFolder(const RecordFolder&) = delete;
    RecordFolder& operator=(const RecordFolder&) = delete;
    RecordFolder& operator=(RecordFolder&&) = delete;

    // Sorted.
    const std::vector<std::string>& ids() const { return m_ids; }
    // Reads record `id` (see read_file). Throws Error naming its file.
    std::string read(std::string_view id) const;
    // How record `id`'s file is named in messages.
    std::string shown(std::string_view id) const { return m_store->shown(m_kind, id); }

  private:
    const Store* m_store;
    Kind m_kind;
    int m_fd = -1;
    std::vector<std::string> m_ids;
};

// What is at a path given on the command line or in network.yaml.
enum class PathType { missing, folder, file, other };
PathType path_type(const std::filesystem::path& path);

// The PLG folders a search found, in name order, and whether it stopped at its
// limit of folders looked at.
struct FolderSearch {
    std::vector<std::filesystem::path> found;
    size_t visited = 0;
    size_t limit = 0;
    bool stopped = false;
};

// Returns the PLG folders at or below `dir` (a folder holding plg.yaml as a
// regular file; not below a PLG, never into hidden folders, node_modules,
// through links or into /proc, /sys, /dev and /run), looking at no more than
// `limit` folders.
FolderSearch find_plg_folders(const std::filesystem::path& dir, size_t limit = 200000);

// Returns `path` as the person should see it: relative to `cwd` when it can be
// ("." for cwd itself), else as it is.
std::string display_path(const std::filesystem::path& path, const std::filesystem::path& cwd);

// Returns the path with every link resolved, so that one folder named two ways
// is recognised as one.
std::filesystem::path resolved_path(const std::filesystem::path& path);

// Creates an empty temporary file beside `path` (hidden, named after it) for a
// writer that fills it itself, and returns its name. Throws Error when it
// cannot be created.
std::filesystem::path create_temporary(const std::filesystem::path& path);
// Makes the temporary file `tmp` durable and renames it to `path`, replacing
// what was there. Throws Error (and removes `tmp`) when it cannot.
void commit_temporary(const std::filesystem::path& tmp, const std::filesystem::path& path);

// Returns the file `output` (relative to `cwd`) names, a symlink followed, after
// checking that plg may replace it: not a folder, in a folder that exists, and
// not a record of a PLG nor a file git or plg keeps. Throws Error naming
// "-o OUTPUT", which suggests a name like `example` instead.
std::filesystem::path output_target(const std::filesystem::path& cwd, const std::string& output,
                                    std::string_view example);

// Writes `text` atomically to `output` (relative to `cwd`), a file outside the
// PLG's records such as a report. Throws Error naming "-o OUTPUT" when it is a
// folder, its folder does not exist, or it is a record of some PLG (plg.yaml, or a
// file in a record folder beside a plg.yaml), which the report would replace.
// A regular file is replaced atomically; a symlink is followed (the file it
// points to is replaced, the link stays); a device or FIFO (/dev/null) is
// written into, never replaced.
void write_output_file(const std::filesystem::path& cwd, const std::string& output,
                       std::string_view text);

// Everything in a PLG folder that could be read.
struct Plg {
    std::optional<Community> community;
    std::vector<Meeting> meetings;        // by date, then id
    std::vector<Goal> goals;              // by id
    std::vector<Reflection> reflections;  // by date, then id
    std::vector<Diagnostic> problems;     // every error and warning, file by file

    // The ids of the records of `kind` that were read (none for the community).
    std::vector<std::string> ids(Kind kind) const;
};

// An action and the meeting that agreed it.
struct ActionAt {
    const Meeting* meeting = nullptr;
    size_t index = 0;  // 0-based, in meeting->actions

    const ActionItem& action() const { return meeting->actions[index]; }
    std::string ref() const { return action_ref(*meeting, index); }
};

// Every action of the PLG, meeting by meeting.
std::vector<ActionAt> all_actions(const Plg& plg);
// The action a user named: its own id, or "<meeting id>#N". Nullopt when none
// matches (or, for an id two meetings share, when it is ambiguous).
std::optional<ActionAt> find_action(const Plg& plg, std::string_view ref);
// The meetings that carried the action with id `id` (its own id, not
// "<meeting>#N"), by date.
std::vector<const Meeting*> carried_in(const Plg& plg, std::string_view id);
// The action's due date as the records said on `day`: the one the last meeting
// that carried it by then gave, else the one it was agreed with.
std::optional<Date> due_on(const Plg& plg, const ActionItem& action, Date day);

// Returns a fingerprint of everything `load` reads: the name, size, inode,
// modification and change time of plg.yaml and of every entry in the record
// folders. Any edit, git checkout or pull changes it (a change time cannot be
// set back), so a cache keyed by it is never stale.
uint64_t fingerprint(const std::filesystem::path& root);

// Returns the contents of the cache file `name` under the PLG's ignored .plg/
// folder, or nullopt when there is none (or it cannot be read).
std::optional<std::string> read_cache(const std::filesystem::path& root, std::string_view name);

// Replaces the cache file `name` atomically. Best effort: returns false when
// the PLG cannot be written (a read-only clone, another user's folder).
bool write_cache(const std::filesystem::path& root, std::string_view name, std::string_view text);

// Where a PLG's caches go when its own folder cannot be written: a folder of
// its own below `base` (the user's $XDG_CACHE_HOME/plg), named by a hash of the
// PLG's absolute path.
std::filesystem::path fallback_cache_root(const std::filesystem::path& base,
                                          const std::filesystem::path& root);

// Loads and checks every record: syntax, types, unknown keys, and references
// between records (members, goals, meetings, dimensions, the action ids a
// meeting's 'carried' names, one id per action). Records with errors
// are left out and their problems reported; it throws only when plg.yaml itself
// cannot be read.
struct LoadOptions {
    // The record kinds to read (plg.yaml always is). The others are only
    // listed, so that references to them are still checked; the checks that
    // need every meeting (action ids) run only when meetings are read.
    std::vector<Kind> kinds{Kind::meeting, Kind::goal, Kind::reflection};
    // Threads that read and parse the files (1: the calling thread alone).
    unsigned threads = 1;
};
Plg load(const Store& store, Date today, const LoadOptions& options = {});

}  // namespace plg
