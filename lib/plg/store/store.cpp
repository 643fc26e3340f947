#include "plg/store/store.hpp"

#include "plg/yaml/yaml.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <map>
#include <random>
#include <set>

#include "plg/base/i18n.hpp"
#include "plg/base/slug.hpp"
#include "plg/base/threads.hpp"
#include "plg/records/records.hpp"

namespace fs = std::filesystem;

namespace plg {

std::optional<fs::path> find_root(const fs::path& start) {
    std::error_code ec;
    fs::path dir = fs::absolute(start, ec).lexically_normal();
    if (ec) {
        return std::nullopt;
    }
    while (true) {
        // Anything named plg.yaml marks the PLG, so that a link or FIFO there is
        // reported as such when it is read, not taken for "no PLG".
        if (fs::symlink_status(dir / k_config_file, ec).type() != fs::file_type::not_found && !ec) {
            return dir;
        }
        if (!dir.has_relative_path()) {
            return std::nullopt;
        }
        dir = dir.parent_path();
    }
}

namespace {

std::string symlink_message() {
    return tr(
        "is a symbolic link; plg does not follow links inside a PLG folder, so replace it "
        "with the file itself");
}

std::string errno_text(int err) {
    return std::strerror(err);
}

// Closes a file descriptor when it goes out of scope.
struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) {
            ::close(fd);
        }
    }
};

void write_all(int fd, std::string_view contents, const fs::path& path, bool durable) {
    const char* p = contents.data();
    size_t left = contents.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw Error(tr("cannot write {}: {}", path.string(), errno_text(errno)));
        }
        p += n;
        left -= size_t(n);
    }
    if (durable && ::fsync(fd) != 0) {
        throw Error(tr("cannot flush {} to disk: {}", path.string(), errno_text(errno)));
    }
}

void sync_folder(const fs::path& folder) {
    Fd dir{::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    if (dir.fd >= 0) {
        ::fsync(dir.fd);
    }
}

// Writes `contents` to a new hidden temporary file beside `path` and returns its
// name. The name starts with '.' and ends in ".tmp", so no reader takes it for a
// record.
fs::path write_temporary(const fs::path& path, std::string_view contents, bool durable = true) {
    static std::atomic<unsigned> counter{0};
    fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    for (int attempt = 0; attempt < 100; ++attempt) {
        fs::path tmp = folder / ("." + path.filename().string() + "." + std::to_string(::getpid()) +
                                 "-" + std::to_string(counter++) + ".tmp");
        Fd fd{::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644)};
        if (fd.fd < 0) {
            if (errno == EEXIST) {
                continue;
            }
            throw Error(tr("cannot create a file in {}: {}", folder.string(), errno_text(errno)));
        }
        try {
            write_all(fd.fd, contents, path, durable);
        } catch (...) {
            ::unlink(tmp.c_str());
            throw;
        }
        return tmp;
    }
    throw Error(tr("cannot create a temporary file in {}", folder.string()));
}

}  // namespace

namespace {

// Reads the open file `fd` whole: one fstat, then its size and one byte more in
// one read (the byte says the file ended where fstat said; a file that grew is
// read on, up to `limit`). Names `shown` in every error.
std::string read_open_file(int fd, const std::string& shown, size_t limit) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        throw Error(Location{shown, 0, 0}, tr("cannot read the file: {}", errno_text(errno)));
    }
    if (!S_ISREG(st.st_mode)) {
        throw Error(Location{shown, 0, 0},
                    tr("is not a regular file (a folder or device?); move it out of the PLG "
                       "folder"));
    }
    if (size_t(st.st_size) > limit) {
        throw Error(Location{shown, 0, 0},
                    tr("the file is {} bytes; plg reads records of at most {} bytes, so split it "
                       "or remove what does not belong",
                       st.st_size, limit));
    }
    // One byte more than fstat says: a read that stops short of it has reached the end.
    std::string out(size_t(st.st_size) + 1, '\0');
    size_t have = 0;
    while (true) {
        ssize_t n = ::read(fd, out.data() + have, out.size() - have);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw Error(Location{shown, 0, 0}, tr("cannot read the file: {}", errno_text(errno)));
        }
        have += size_t(n);
        if (n == 0 || (have >= size_t(st.st_size) && have < out.size())) {
            break;
        }
        if (have == out.size()) {  // it grew since fstat
            if (have > limit) {
                throw Error(Location{shown, 0, 0},
                            tr("the file grew past {} bytes while plg read it", limit));
            }
            out.resize(std::min(limit + 1, out.size() * 2));
        }
    }
    out.resize(have);
    return out;
}

// Opens `name` in the folder `dir` for reading, never through a link (a FIFO is
// opened without waiting, then refused by read_open_file). Throws Error naming `shown`.
int open_for_reading(int dir, const char* name, const std::string& shown) {
    int fd = ::openat(dir, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        int err = errno;
        if (err == ELOOP) {
            throw Error(Location{shown, 0, 0}, symlink_message());
        }
        throw Error(Location{shown, 0, 0}, tr("cannot read the file: {}", errno_text(err)));
    }
    return fd;
}

}  // namespace

std::string read_file(const fs::path& path, const std::string& shown, size_t limit) {
    Fd fd{open_for_reading(AT_FDCWD, path.c_str(), shown)};
    return read_open_file(fd.fd, shown, limit);
}

void write_atomic(const fs::path& path, std::string_view contents, bool durable) {
    struct stat st {};
    bool replacing = ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
    fs::path tmp = write_temporary(path, contents, durable);
    if (replacing) {
        // The new file keeps the old one's permissions (and, for root, its owner).
        if (::geteuid() == 0) {
            [[maybe_unused]] int ignored = ::chown(tmp.c_str(), st.st_uid, st.st_gid);
        }
        ::chmod(tmp.c_str(), st.st_mode & 07777);
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        throw Error(tr("cannot replace {}: {}", path.string(), errno_text(err)));
    }
    if (durable) {
        sync_folder(path.parent_path().empty() ? fs::path(".") : path.parent_path());
    }
}

fs::path create_temporary(const fs::path& path) {
    fs::path tmp = write_temporary(path, "", false);
    return tmp;
}

void commit_temporary(const fs::path& tmp, const fs::path& path) {
    Fd fd{::open(tmp.c_str(), O_RDONLY | O_CLOEXEC)};
    if (fd.fd < 0 || ::fsync(fd.fd) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        throw Error(tr("cannot write {}: {}", path.string(), errno_text(err)));
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        throw Error(tr("cannot replace {}: {}", path.string(), errno_text(err)));
    }
    sync_folder(path.parent_path().empty() ? fs::path(".") : path.parent_path());
}

bool create_exclusive(const fs::path& path, std::string_view contents) {
    fs::path tmp = write_temporary(path, contents);
    // link() fails when the name exists, so two writers can never both succeed.
    int rc = ::link(tmp.c_str(), path.c_str());
    int err = errno;
    ::unlink(tmp.c_str());
    if (rc != 0) {
        if (err == EEXIST) {
            return false;
        }
        throw Error(tr("cannot create {}: {}", path.string(), errno_text(err)));
    }
    sync_folder(path.parent_path().empty() ? fs::path(".") : path.parent_path());
    return true;
}

namespace {

// Creates "<base>-<four random characters>.yaml" in `dir` holding `contents`
// and returns its name without ".yaml". Retries with new characters if a name is
// taken. Throws Error when the file cannot be created.
std::string create_with_random_suffix(const fs::path& dir, const std::string& base,
                                      std::string_view contents) {
    static constexpr std::string_view k_alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    std::random_device random;
    std::uniform_int_distribution<size_t> pick(0, k_alphabet.size() - 1);
    std::error_code ec;
    fs::create_directories(dir, ec);
    for (int attempt = 0; attempt < 64; ++attempt) {
        std::string id = base + "-";
        for (int i = 0; i < 4; ++i) {
            id += k_alphabet[pick(random)];
        }
        if (create_exclusive(dir / (id + ".yaml"), contents)) {
            return id;
        }
    }
    throw Error(tr("cannot find a free file name for '{}' in {}", base, dir.string()));
}

}  // namespace

namespace {

// Removes the temporary files an interrupted plg left in `folder`: names like
// ".NAME.PID-N.tmp" whose process is gone. Called under the PLG lock.
void remove_stale_temporaries(const fs::path& folder) {
    DIR* dir = ::opendir(folder.c_str());
    if (dir == nullptr) {
        return;
    }
    while (dirent* e = ::readdir(dir)) {
        std::string_view name = e->d_name;
        if (name.size() < 6 || name[0] != '.' || name.substr(name.size() - 4) != ".tmp") {
            continue;
        }
        size_t dash = name.rfind('-');
        size_t dot = name.rfind('.', dash);
        if (dash == std::string_view::npos || dot == std::string_view::npos || dot == 0) {
            continue;
        }
        long pid =
            std::strtol(std::string(name.substr(dot + 1, dash - dot - 1)).c_str(), nullptr, 10);
        if (pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH) {
            ::unlinkat(::dirfd(dir), e->d_name, 0);
        }
    }
    ::closedir(dir);
}

// Returns the PLG's own folder (.plg), created when missing. Throws Error when it
// is a symbolic link or not a folder: plg keeps its lock, cache and drafts there
// and never follows a link out of the PLG (git can commit a link named .plg).
fs::path private_folder(const fs::path& root) {
    fs::path folder = root / k_cache_dir;
    struct stat st {};
    if (::lstat(folder.c_str(), &st) != 0) {
        std::error_code ec;
        fs::create_directories(folder, ec);
    } else if (S_ISLNK(st.st_mode) || !S_ISDIR(st.st_mode)) {
        throw Error(Location{folder.string(), 0, 0},
                    S_ISLNK(st.st_mode)
                        ? tr("is a symbolic link; plg keeps its lock, cache and drafts in .plg/ "
                             "and does not follow links out of the PLG: remove it (it holds "
                             "nothing of the records) and run the command again")
                        : tr("is not a folder; plg keeps its lock, cache and drafts in .plg/: "
                             "remove it (it holds nothing of the records) and run the command "
                             "again"));
    }
    return folder;
}

// The process id written in a lock file, or 0.
long lock_holder(int fd) {
    char buffer[32] = {};
    ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
    return n > 0 ? std::strtol(buffer, nullptr, 10) : 0;
}

}  // namespace

Lock::Lock(const fs::path& root, const LockWait& wait) {
    fs::path file = private_folder(root) / "lock";
    m_fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (m_fd < 0) {
        int err = errno;
        throw Error(tr("cannot lock the PLG ({}): {}", file.string(),
                       err == ELOOP ? tr("it is a symbolic link; remove it") : errno_text(err)));
    }
    // The clock runs per holder: a queue of busy writers is progress, one holder
    // that keeps the lock (a stopped plg) is not.
    auto started = std::chrono::steady_clock::now();
    long last_holder = -1;
    bool told = false;
    while (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno == EINTR) {
            continue;
        }
        if (errno != EWOULDBLOCK) {
            int err = errno;
            ::close(m_fd);
            throw Error(tr("cannot lock the PLG: {}", errno_text(err)));
        }
        long holder = lock_holder(m_fd);
        if (holder != last_holder) {
            last_holder = holder;
            started = std::chrono::steady_clock::now();
        }
        auto waited = std::chrono::steady_clock::now() - started;
        if (!told && waited >= std::chrono::seconds(1) && wait.notice) {
            wait.notice(holder > 0 ? tr("waiting for another plg (process {}) that is changing "
                                        "this PLG...",
                                        holder)
                                   : tr("waiting for another plg that is changing this PLG..."));
            told = true;
        }
        if (waited >= wait.limit) {
            ::close(m_fd);
            auto seconds = std::chrono::duration_cast<std::chrono::seconds>(wait.limit).count();
            throw Error(holder > 0
                            ? tr("another plg (process {}) has held this PLG's lock ({}) for {} "
                                 "s, so nothing was changed; if that plg is stopped (Ctrl-Z), "
                                 "resume or end it (kill {}), then run the command again",
                                 holder, file.string(), seconds, holder)
                            : tr("another plg has held this PLG's lock ({}) for {} s, so "
                                 "nothing was changed; if that plg is stopped (Ctrl-Z), resume "
                                 "or end it, then run the command again",
                                 file.string(), seconds));
        }
        ::usleep(20000);
    }
    std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(m_fd, 0) == 0) {
        [[maybe_unused]] ssize_t n = ::pwrite(m_fd, pid.data(), pid.size(), 0);
    }
}

Lock::~Lock() {
    if (m_fd >= 0) {
        ::close(m_fd);
    }
}

std::optional<Store> Store::find(const fs::path& start, const fs::path& cwd) {
    auto root = find_root(start);
    if (!root) {
        return std::nullopt;
    }
    std::error_code ec;
    fs::path shown = fs::relative(*root, cwd, ec);
    if (ec || shown == ".") {
        shown.clear();
    }
    return Store(*root, shown);
}

std::optional<Store> Store::init(const fs::path& root, std::string_view config,
                                 const std::vector<std::pair<std::string, std::string>>& files,
                                 std::vector<std::string>& left_alone) {
    std::error_code ec;
    struct stat st {};
    if (::lstat((root / k_config_file).c_str(), &st) == 0) {
        return std::nullopt;
    }
    fs::create_directories(root, ec);
    if (ec) {
        throw Error(tr("cannot create the folder {}: {}", root.string(), ec.message()));
    }
    if (!create_exclusive(root / k_config_file, config)) {
        return std::nullopt;
    }
    for (const KindInfo& kind : record_kinds()) {
        fs::create_directories(root / kind.folder, ec);
        create_exclusive(root / kind.folder / ".gitkeep", "");
    }
    for (const auto& [relative, text] : files) {
        fs::path path = root / relative;
        fs::create_directories(path.parent_path(), ec);
        if (!create_exclusive(path, text)) {
            left_alone.push_back(relative);
        }
    }
    return Store(root, {});
}

void Store::ensure_lines(std::string_view relative, std::string_view lines,
                         std::string_view marker) const {
    fs::path path = m_root / relative;
    if (create_exclusive(path, lines)) {
        return;
    }
    std::string old = read_file(path, shown(relative));
    if (old.find(marker) == std::string::npos) {
        write_atomic(path,
                     old + (old.empty() || old.back() == '\n' ? "" : "\n") + std::string(lines));
    }
}

Store::Store(fs::path root, const fs::path& shown)
    : m_root(std::move(root)), m_shown(shown.lexically_normal().string()) {
    while (m_shown.size() > 1 && m_shown.back() == '/') {
        m_shown.pop_back();
    }
    if (m_shown == ".") {
        m_shown.clear();
    }
}

std::string Store::shown(std::string_view relative) const {
    // A record's file ("meetings/ID.yaml") has no '.', '..' or empty part to
    // resolve: the normal shown root and the file, joined.
    bool plain = !relative.empty() && relative.front() != '.' && relative.front() != '/' &&
                 relative.find("/.") == std::string_view::npos &&
                 relative.find("//") == std::string_view::npos;
    if (plain) {
        if (m_shown.empty()) {
            return std::string(relative);
        }
        std::string out;
        out.reserve(m_shown.size() + 1 + relative.size());
        out += m_shown;
        if (out.back() != '/') {
            out += '/';
        }
        out += relative;
        return out;
    }
    return (fs::path(m_shown) / relative).lexically_normal().string();
}

std::string Store::file(Kind kind, std::string_view id) const {
    const KindInfo& k = kind_info(kind);
    if (k.id_rule == IdRule::fixed) {
        return std::string(k_config_file);
    }
    if (!is_record_id(id)) {
        throw Error(k.kind == Kind::goal ? tr("'{}' is not a valid goal id; ids are lower-case "
                                              "letters, digits and '-'",
                                              id)
                    : k.kind == Kind::meeting
                        ? tr("'{}' is not a valid meeting id; ids are lower-case letters, digits "
                             "and '-'",
                             id)
                        : tr("'{}' is not a valid reflection id; ids are lower-case letters, "
                             "digits and '-'",
                             id));
    }
    return std::string(k.folder) + "/" + std::string(id) + ".yaml";
}

bool Store::exists(Kind kind, std::string_view id) const {
    if (kind_info(kind).id_rule != IdRule::fixed && !is_record_id(id)) {
        return false;
    }
    struct stat st {};
    return ::lstat((m_root / file(kind, id)).c_str(), &st) == 0;
}

std::string Store::read(Kind kind, std::string_view id) const {
    std::string rel = file(kind, id);
    return read_file(m_root / rel, shown(rel));
}

std::vector<std::string> Store::ids(Kind kind) const {
    std::vector<Diagnostic> ignored;
    return list(kind, ignored);
}

std::optional<std::string> Store::create(Kind kind, const std::string& base,
                                         std::string_view text) const {
    const KindInfo& k = kind_info(kind);
    if (k.id_rule == IdRule::fixed) {
        if (!create_exclusive(m_root / k_config_file, text)) {
            return std::nullopt;
        }
        return std::string();
    }
    std::string rel = file(kind, base);  // throws unless `base` is a valid id
    if (k.id_rule == IdRule::dated_random) {
        return create_with_random_suffix(m_root / k.folder, base, text);
    }
    std::error_code ec;
    fs::create_directories(m_root / k.folder, ec);
    if (!create_exclusive(m_root / rel, text)) {
        return std::nullopt;
    }
    return base;
}

bool Store::change(Kind kind, std::string_view id, const EditFn& edit,
                   const VerifyFn& verify) const {
    std::string rel = file(kind, id);
    Lock lock(m_root, m_wait);
    remove_stale_temporaries((m_root / rel).parent_path());
    if (!exists(kind, id)) {
        throw Error(tr("'{}' has no file ({})", id, shown(rel)));
    }
    struct stat st {};
    if (::lstat((m_root / rel).c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
        (st.st_mode & S_IWUSR) == 0) {
        throw Error(Location{shown(rel), 0, 0},
                    tr("is read-only, so plg leaves it as it is; to change it, make it writable "
                       "(chmod u+w {}) and run the command again",
                       shown(rel)));
    }
    std::string bytes = read_file(m_root / rel, shown(rel));
    std::optional<Revision> updated = edit(bytes);
    if (!updated || updated->bytes == bytes) {
        return false;
    }
    yaml::Document before = yaml::parse(shown(rel), bytes);
    yaml::Document after = yaml::parse(shown(rel), updated->bytes);
    if (before.root && !after.root && !after.problems.empty()) {
        throw Error(tr("{} could not be read after the change ({}), so nothing was changed",
                       shown(rel), after.problems.front().message));
    }
    if (auto other = yaml::unintended_change(before, after, updated->changes)) {
        throw Error(
            tr("internal error: the change to {} would also change {}; nothing was "
               "changed (please report this, with the file)",
               shown(rel), *other));
    }
    verify(updated->bytes);
    write_atomic(m_root / rel, updated->bytes);
    return true;
}

namespace {

constexpr std::string_view k_drafts_dir = ".plg/drafts";

}  // namespace

fs::path Store::create_draft(Kind kind, std::string_view text) const {
    private_folder(m_root);
    std::string id =
        create_with_random_suffix(m_root / k_drafts_dir, std::string(kind_info(kind).name), text);
    return m_root / k_drafts_dir / (id + ".yaml");
}

void Store::write_draft(const fs::path& path, std::string_view text) const {
    write_atomic(path, text);
}

void Store::remove_draft(const fs::path& path) const {
    std::error_code ec;
    fs::remove(path, ec);
}

bool Store::is_draft(const fs::path& path) const {
    std::error_code ec;
    fs::path f = fs::weakly_canonical(path, ec);
    fs::path d = fs::weakly_canonical(m_root / k_drafts_dir, ec);
    auto [end, _] = std::mismatch(d.begin(), d.end(), f.begin(), f.end());
    return end == d.end();
}

std::string Store::shown_path(const fs::path& path) const {
    return shown(fs::relative(path, m_root).string());
}

std::vector<std::string> Store::list(Kind kind, std::vector<Diagnostic>& problems) const {
    return RecordFolder(*this, kind, problems).ids();
}

RecordFolder::RecordFolder(const Store& store, Kind kind, std::vector<Diagnostic>& problems)
    : m_store(&store), m_kind(kind) {
    std::string_view folder = kind_info(kind).folder;
    if (folder.empty()) {
        return;
    }
    m_fd = ::open((store.root() / folder).c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (m_fd < 0) {
        int err = errno;
        if (err == ENOENT) {
            return;
        }
        problems.push_back({Severity::error,
                            {store.shown(folder), 0, 0},
                            err == ENOTDIR || err == ELOOP
                                ? tr("should be a folder of records, but is a file or a link")
                                : tr("cannot list the folder: {}", errno_text(err))});
        return;
    }
    // The listing's own type of each entry: no stat per file (one only where
    // the file system does not say).
    int listing = ::dup(m_fd);
    DIR* dir = listing < 0 ? nullptr : ::fdopendir(listing);
    if (dir == nullptr) {
        if (listing >= 0) {
            ::close(listing);
        }
        problems.push_back({Severity::error,
                            {store.shown(folder), 0, 0},
                            tr("cannot list the folder: {}", errno_text(errno))});
        return;
    }
    constexpr std::string_view ext = ".yaml";
    while (true) {
        errno = 0;
        struct dirent* e = ::readdir(dir);
        if (e == nullptr) {
            if (errno != 0) {
                problems.push_back({Severity::error,
                                    {store.shown(folder), 0, 0},
                                    tr("cannot list the folder: {}", errno_text(errno))});
            }
            break;
        }
        std::string_view name = e->d_name;
        if (name.empty() || name[0] == '.') {
            continue;  // hidden files, editors' swap files, plg's own temporary files
        }
        std::string rel = std::string(folder) + "/" + std::string(name);
        bool yaml = name.size() > ext.size() &&
                    name.compare(name.size() - ext.size(), ext.size(), ext) == 0;
        if (!yaml) {
            bool yml = name.size() > 4 && name.compare(name.size() - 4, 4, ".yml") == 0;
            problems.push_back({Severity::warning,
                                {store.shown(rel), 0, 0},
                                yml ? "ignored: plg reads files ending in '.yaml'; rename it"
                                    : "ignored: not a '.yaml' record file"});
            continue;
        }
        std::string id(name.substr(0, name.size() - ext.size()));
        unsigned char type = e->d_type;
        if (type == DT_UNKNOWN) {
            struct stat st {};
            if (::fstatat(m_fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
                type = S_ISLNK(st.st_mode) ? DT_LNK : S_ISREG(st.st_mode) ? DT_REG : DT_FIFO;
            }
        }
        if (type == DT_LNK) {
            problems.push_back({Severity::error, {store.shown(rel), 0, 0}, symlink_message()});
            continue;
        }
        if (type != DT_REG) {
            problems.push_back({Severity::error,
                                {store.shown(rel), 0, 0},
                                tr("is not a regular file; a record must be a YAML file")});
            continue;
        }
        if (!is_record_id(id)) {
            problems.push_back(
                {Severity::error,
                 {store.shown(rel), 0, 0},
                 "'" + id +
                     "' is not a valid record name; use lower-case "
                     "letters, digits and '-' (for example '" +
                     (slugify(id).empty() ? std::string("2026-11-23-meeting") : slugify(id)) +
                     ".yaml')"});
            continue;
        }
        m_ids.push_back(std::move(id));
    }
    ::closedir(dir);
    std::sort(m_ids.begin(), m_ids.end());
}

RecordFolder::~RecordFolder() {
    if (m_fd >= 0) {
        ::close(m_fd);
    }
}

RecordFolder::RecordFolder(RecordFolder&& other) noexcept
    : m_store(other.m_store),
      m_kind(other.m_kind),
      m_fd(other.m_fd),
      m_ids(std::move(other.m_ids)) {
    other.m_fd = -1;
}

std::string RecordFolder::read(std::string_view id) const {
    std::string shown = m_store->shown(m_kind, id);
    if (m_fd < 0) {
        throw Error(Location{shown, 0, 0}, tr("cannot read the file: {}", errno_text(ENOENT)));
    }
    std::string name = std::string(id) + ".yaml";
    Fd fd{open_for_reading(m_fd, name.c_str(), shown)};
    return read_open_file(fd.fd, shown, k_max_record_bytes);
}

namespace {

// One record folder's files read and parsed: slot i holds record ids()[i].
template <typename T>
struct FolderRead {
    std::vector<std::optional<Parsed<T>>> parsed;

    // Appends the records and their problems in id order.
    void take(std::vector<T>& out, std::vector<Diagnostic>& problems) {
        for (auto& p : parsed) {
            if (!p) {
                continue;
            }
            problems.insert(problems.end(), std::make_move_iterator(p->problems.begin()),
                            std::make_move_iterator(p->problems.end()));
            if (p->record) {
                out.push_back(std::move(*p->record));
            }
        }
    }
};

// Reads and parses record `i` of `folder` into its slot; an unreadable file's
// error goes in the slot's problems. Never throws (it runs on worker threads).
template <typename T, typename Reader>
void read_one(const RecordFolder& folder, size_t i, FolderRead<T>& out, const Reader& reader) {
    const std::string& id = folder.ids()[i];
    Parsed<T> parsed;
    try {
        std::string shown = folder.shown(id);
        std::string bytes = folder.read(id);
        parsed = reader(std::move(shown), std::move(bytes), id);
    } catch (const Error& e) {
        parsed.record.reset();
        parsed.problems.push_back({Severity::error, e.where(), e.what()});
    } catch (const std::exception& e) {
        parsed.record.reset();
        parsed.problems.push_back(
            {Severity::error, {folder.shown(id), 0, 0}, tr("internal error: {}", e.what())});
    }
    out.parsed[i] = std::move(parsed);
}

}  // namespace

namespace {

template <typename T>
std::vector<std::string> ids_of(const std::vector<T>& records) {
    std::vector<std::string> ids;
    for (const auto& r : records) {
        ids.push_back(r.id);
    }
    return ids;
}

}  // namespace

std::vector<std::string> Plg::ids(Kind kind) const {
    switch (kind) {
        case Kind::community:
            return {};
        case Kind::meeting:
            return ids_of(meetings);
        case Kind::goal:
            return ids_of(goals);
        case Kind::reflection:
            return ids_of(reflections);
    }
    return {};
}

std::vector<ActionAt> all_actions(const Plg& plg) {
    std::vector<ActionAt> out;
    for (const auto& m : plg.meetings) {
        for (size_t i = 0; i < m.actions.size(); ++i) {
            out.push_back({&m, i});
        }
    }
    return out;
}

std::optional<ActionAt> find_action(const Plg& plg, std::string_view ref) {
    size_t hash = ref.rfind('#');
    if (hash != std::string_view::npos) {
        std::string_view meeting = ref.substr(0, hash);
        std::string_view digits = ref.substr(hash + 1);
        size_t n = 0;
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
        if (ec != std::errc() || end != digits.data() + digits.size() || n == 0) {
            return std::nullopt;
        }
        for (const auto& m : plg.meetings) {
            if (m.id == meeting && n <= m.actions.size()) {
                return ActionAt{&m, n - 1};
            }
        }
        return std::nullopt;
    }
    std::optional<ActionAt> found;
    for (const auto& at : all_actions(plg)) {
        if (at.action().id == ref) {
            if (found) {
                return std::nullopt;
            }
            found = at;
        }
    }
    return found;
}

std::vector<const Meeting*> carried_in(const Plg& plg, std::string_view id) {
    std::vector<const Meeting*> out;
    for (const auto& m : plg.meetings) {
        for (const auto& c : m.carried) {
            if (c.id == id) {
                out.push_back(&m);
            }
        }
    }
    return out;
}

std::optional<Date> due_on(const Plg& plg, const ActionItem& action, Date day) {
    std::optional<Date> due = action.due;
    if (action.id.empty()) {
        return due;
    }
    for (const auto& m : plg.meetings) {  // by date
        for (const auto& c : m.carried) {
            if (c.id == action.id && c.due && m.date <= day) {
                due = c.due;
            }
        }
    }
    return due;
}

namespace {

// What no one file can show: an action id used in two meetings, and a
// meeting's 'carried' naming no earlier action.
void check_actions(const Store& store, Plg& plg, bool all_meetings_read) {
    std::map<std::string, const Meeting*> first;
    for (const auto& m : plg.meetings) {
        for (const auto& a : m.actions) {
            if (a.id.empty()) {
                continue;
            }
            auto [it, fresh] = first.emplace(a.id, &m);
            if (!fresh) {
                plg.problems.push_back(
                    {Severity::error,
                     {store.shown(Kind::meeting, m.id), a.line, 0},
                     tr("the action id '{}' is also used in {}; an id names one action, so give "
                        "this one a new id (or remove its 'id:' line and plg gives it one)",
                        a.id, store.shown(Kind::meeting, it->second->id))});
            }
        }
    }
    std::vector<std::string> ids;
    for (const auto& [id, _] : first) {
        ids.push_back(id);
    }
    for (const auto& m : plg.meetings) {
        for (const auto& c : m.carried) {
            auto it = first.find(c.id);
            Location where{store.shown(Kind::meeting, m.id), c.line, 0};
            if (it == first.end()) {
                if (all_meetings_read) {
                    std::string hint = did_you_mean(c.id, ids);
                    plg.problems.push_back(
                        {Severity::error, where,
                         tr("'carried' names the action '{}', which no meeting has", c.id) +
                             (hint.empty() ? tr("; 'plg action list --all' shows the action ids")
                                           : hint)});
                }
            } else if (it->second->date >= m.date) {
                plg.problems.push_back(
                    {Severity::error, where,
                     tr("'carried' names the action '{}' of a meeting on {}, not before this "
                        "one; only an earlier meeting's action can be carried into a meeting",
                        c.id, it->second->date.iso())});
            }
        }
    }
}

}  // namespace

Plg load(const Store& store, Date today, const LoadOptions& options) {
    Plg plg;
    Parsed<Community> community =
        read_community(store.shown(Kind::community), store.read(Kind::community));
    plg.problems = std::move(community.problems);
    plg.community = std::move(community.record);

    RecordFolder meeting_folder(store, Kind::meeting, plg.problems);
    RecordFolder goal_folder(store, Kind::goal, plg.problems);
    RecordFolder reflection_folder(store, Kind::reflection, plg.problems);
    const auto& meeting_ids = meeting_folder.ids();
    const auto& goal_ids = goal_folder.ids();
    std::set<std::string> meetings(meeting_ids.begin(), meeting_ids.end());
    std::set<std::string> goals(goal_ids.begin(), goal_ids.end());
    References refs{plg.community ? &*plg.community : nullptr, &goals, &meetings, today};
    auto wanted = [&](Kind kind, const RecordFolder& folder) -> size_t {
        bool read =
            std::find(options.kinds.begin(), options.kinds.end(), kind) != options.kinds.end();
        return read ? folder.ids().size() : 0;
    };

    // Every file of the three folders is one item of work, taken in turn by
    // `options.threads` threads; each result goes in its own slot, so the
    // records and problems come out in the same order however many threads.
    FolderRead<Meeting> meeting_read;
    FolderRead<Goal> goal_read;
    FolderRead<Reflection> reflection_read;
    meeting_read.parsed.resize(wanted(Kind::meeting, meeting_folder));
    goal_read.parsed.resize(wanted(Kind::goal, goal_folder));
    reflection_read.parsed.resize(wanted(Kind::reflection, reflection_folder));
    size_t n_meetings = meeting_read.parsed.size();
    size_t n_goals = goal_read.parsed.size();
    size_t total = n_meetings + n_goals + reflection_read.parsed.size();
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t i = next++; i < total; i = next++) {
            if (i < n_meetings) {
                read_one(meeting_folder, i, meeting_read,
                         [&](std::string shown, std::string bytes, const std::string& id) {
                             return read_meeting(std::move(shown), std::move(bytes), id, refs);
                         });
            } else if (i < n_meetings + n_goals) {
                read_one(goal_folder, i - n_meetings, goal_read,
                         [&](std::string shown, std::string bytes, const std::string& id) {
                             return read_goal(std::move(shown), std::move(bytes), id, refs);
                         });
            } else {
                read_one(reflection_folder, i - n_meetings - n_goals, reflection_read,
                         [&](std::string shown, std::string bytes, const std::string& id) {
                             return read_reflection(std::move(shown), std::move(bytes), id, refs);
                         });
            }
        }
    };
    // A thread costs about what parsing a few dozen files does.
    run_on_threads(std::min<unsigned>(options.threads, unsigned(total / 32 + 1)), total, work);
    meeting_read.take(plg.meetings, plg.problems);
    goal_read.take(plg.goals, plg.problems);
    reflection_read.take(plg.reflections, plg.problems);

    std::stable_sort(plg.meetings.begin(), plg.meetings.end(),
                     [](const Meeting& a, const Meeting& b) { return a.date < b.date; });
    std::stable_sort(plg.reflections.begin(), plg.reflections.end(),
                     [](const Reflection& a, const Reflection& b) { return a.date < b.date; });
    if (n_meetings == meeting_ids.size()) {
        check_actions(store, plg, plg.meetings.size() == meeting_ids.size());
    }
    return plg;
}

namespace {

// FNV-1a, 64 bits: small, fast, and stable across runs and machines.
class Hash {
  public:
    void add(const void* data, size_t size) {
        const auto* bytes = static_cast<const unsigned char*>(data);
        for (size_t i = 0; i < size; ++i) {
            m_value = (m_value ^ bytes[i]) * 0x100000001b3ULL;
        }
    }
    template <typename T>
    void add_value(const T& v) {
        add(&v, sizeof v);
    }
    uint64_t value() const { return m_value; }

  private:
    uint64_t m_value = 0xcbf29ce484222325ULL;
};

void add_stat(Hash& h, const struct stat& st) {
    h.add_value(st.st_size);
    h.add_value(st.st_ino);
    h.add_value(st.st_mode);
    h.add_value(st.st_mtim.tv_sec);
    h.add_value(st.st_mtim.tv_nsec);
    h.add_value(st.st_ctim.tv_sec);
    h.add_value(st.st_ctim.tv_nsec);
}

}  // namespace

uint64_t fingerprint(const fs::path& root) {
    Hash h;
    struct stat st {};
    if (::lstat((root / k_config_file).c_str(), &st) == 0) {
        add_stat(h, st);
    }
    for (const KindInfo& kind : record_kinds()) {
        std::string_view folder = kind.folder;
        std::string name(folder);
        h.add(name.data(), name.size() + 1);
        int dir_fd = ::open((root / folder).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dir_fd < 0) {
            continue;
        }
        if (::fstat(dir_fd, &st) == 0) {
            add_stat(h, st);
        }
        DIR* dir = ::fdopendir(dir_fd);
        if (dir == nullptr) {
            ::close(dir_fd);
            continue;
        }
        std::vector<std::pair<std::string, struct stat>> entries;
        while (struct dirent* e = ::readdir(dir)) {
            if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) {
                continue;
            }
            struct stat est {};
            if (::fstatat(dir_fd, e->d_name, &est, AT_SYMLINK_NOFOLLOW) == 0) {
                entries.emplace_back(e->d_name, est);
            }
        }
        ::closedir(dir);
        std::sort(entries.begin(), entries.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& [entry, est] : entries) {
            h.add(entry.data(), entry.size() + 1);
            add_stat(h, est);
        }
    }
    return h.value();
}

std::optional<std::string> read_cache(const fs::path& root, std::string_view name) {
    try {
        struct stat st {};
        if (::lstat((root / k_cache_dir).c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
            return std::nullopt;  // none, or a link plg does not follow
        }
        return read_file(root / k_cache_dir / name, std::string(name), 16 << 20);
    } catch (const Error&) {
        return std::nullopt;
    }
}

bool write_cache(const fs::path& root, std::string_view name, std::string_view text) {
    try {
        private_folder(root);
        // Not flushed to disk: after a power cut a cache may be empty or old,
        // and then it does not parse or does not match, and is rebuilt.
        write_atomic(root / k_cache_dir / name, text, false);
        return true;
    } catch (const Error&) {
        return false;  // no cache there; the next run reads the records again
    }
}

fs::path fallback_cache_root(const fs::path& base, const fs::path& root) {
    std::error_code ec;
    fs::path absolute = fs::absolute(root, ec).lexically_normal();
    // FNV-1a: a stable name for the folder, the same in every run.
    uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : absolute.string()) {
        hash = (hash ^ c) * 1099511628211ull;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return base / hex;
}

fs::path output_target(const fs::path& cwd, const std::string& output, std::string_view example) {
    fs::path path = cwd / output;
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        throw Error(tr("-o {} is a folder; give a file name, like {}", output, example));
    }
    fs::path folder = fs::path(output).parent_path();
    if (!folder.empty() && !fs::is_directory(cwd / folder, ec)) {
        throw Error(
            tr("-o {}: the folder '{}' does not exist; create it first", output, folder.string()));
    }
    // A symlink is followed, even one whose file does not exist yet.
    fs::path target = path;
    for (int hops = 0; fs::is_symlink(target, ec); ++hops) {
        if (hops == 40) {
            throw Error(tr("-o {}: too many levels of symbolic links", output));
        }
        fs::path link = fs::read_symlink(target, ec);
        target = link.is_absolute() ? link : target.parent_path() / link;
    }
    // A report written over a record would lose it: refuse plg.yaml and the
    // files in a PLG's record folders, wherever -o points.
    target = fs::weakly_canonical(target, ec);
    fs::path parent = target.parent_path();
    bool record_folder = false;
    for (const KindInfo& kind : record_kinds()) {
        record_folder = record_folder || parent.filename() == kind.folder;
    }
    if (target.filename() == k_config_file ||
        (record_folder && fs::exists(parent.parent_path() / k_config_file, ec))) {
        throw Error(
            tr("-o {} is a record of a PLG, which plg would replace. Choose another file name, "
               "like {}",
               output, example));
    }
    // Files git and plg keep: anything inside a .git folder, and the hidden
    // files and folders at a PLG's top (.gitattributes, .plg/, .schema/, ...).
    for (fs::path dir = parent; !dir.empty(); dir = dir.parent_path()) {
        std::string name = dir.filename().string();
        bool hidden_at_plg_top =
            !name.empty() && name[0] == '.' && fs::exists(dir.parent_path() / k_config_file, ec);
        if (name == ".git" || hidden_at_plg_top) {
            throw Error(
                tr("-o {} is inside {}/, which git or plg keeps; choose another file "
                   "name, like {}",
                   output, name, example));
        }
        if (dir == dir.parent_path()) {
            break;
        }
    }
    if (target.filename().string().rfind('.', 0) == 0 && fs::exists(parent / k_config_file, ec)) {
        throw Error(
            tr("-o {} is a file git or plg keeps in the PLG ({}); choose another file "
               "name, like {}",
               output, target.filename().string(), example));
    }
    if (!fs::is_directory(target.parent_path(), ec)) {
        throw Error(tr("-o {} links to {}, whose folder does not exist", output, target.string()));
    }
    return target;
}

void write_output_file(const fs::path& cwd, const std::string& output, std::string_view text) {
    fs::path path = cwd / output;
    std::error_code ec;
    fs::path target = output_target(cwd, output, trp("report.md"));
    auto status = fs::status(path, ec);  // follows a symlink
    if (!ec && status.type() != fs::file_type::regular &&
        status.type() != fs::file_type::not_found) {
        // A device (/dev/null, /dev/stdout) or a FIFO: write into it, never replace it.
        Fd fd{::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY)};
        if (fd.fd < 0) {
            throw Error(tr("-o {}: cannot open it for writing: {}", output, errno_text(errno)));
        }
        write_all(fd.fd, text, output, false);
        return;
    }
    // A symlink is followed: the file it points to is replaced atomically, and
    // the link stays a link.
    write_atomic(target, text);
}

PathType path_type(const fs::path& path) {
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || status.type() == fs::file_type::not_found) {
        return PathType::missing;
    }
    if (status.type() == fs::file_type::directory) {
        return PathType::folder;
    }
    return status.type() == fs::file_type::regular ? PathType::file : PathType::other;
}

namespace {

bool is_plg(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / k_config_file, ec) && !fs::is_symlink(dir / k_config_file, ec);
}

// The system's own folders, never searched for PLGs (/proc alone is endless).
bool is_system_folder(const fs::path& dir) {
    for (const char* system : {"/proc", "/sys", "/dev", "/run"}) {
        if (dir == system) {
            return true;
        }
    }
    return false;
}

void search(const fs::path& dir, int depth, FolderSearch& walk) {
    if (++walk.visited > walk.limit) {
        walk.stopped = true;
        return;
    }
    if (is_plg(dir)) {
        walk.found.push_back(dir);
        return;
    }
    if (depth > 32 || is_system_folder(dir)) {
        return;
    }
    std::error_code ec;
    std::vector<fs::path> subdirs;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const auto& entry = *it;
        std::string name = entry.path().filename().string();
        if (name.empty() || name[0] == '.' || name == "node_modules" || entry.is_symlink(ec) ||
            !entry.is_directory(ec)) {
            continue;
        }
        subdirs.push_back(entry.path());
    }
    std::sort(subdirs.begin(), subdirs.end());
    for (const auto& sub : subdirs) {
        if (walk.stopped) {
            return;
        }
        search(sub, depth + 1, walk);
    }
}

}  // namespace

FolderSearch find_plg_folders(const fs::path& dir, size_t limit) {
    FolderSearch walk;
    walk.limit = limit;
    search(dir.lexically_normal(), 0, walk);
    return walk;
}

std::string display_path(const fs::path& p, const fs::path& cwd) {
    std::error_code ec;
    fs::path rel = fs::relative(p, cwd, ec);
    std::string s = ec || rel.empty() ? p.string() : rel.string();
    return s == "." ? "." : s;
}

fs::path resolved_path(const fs::path& path) {
    std::error_code ec;
    fs::path out = fs::weakly_canonical(path, ec);
    return ec ? path : out;
}

}  // namespace plg
