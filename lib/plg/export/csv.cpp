#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>

#include "plg/base/i18n.hpp"
#include "plg/export/export.hpp"
#include "plg/store/store.hpp"

namespace fs = std::filesystem;

namespace plg {

namespace {

void append_cell(std::string& out, const Cell& cell) {
    struct Visit {
        std::string& out;
        void operator()(std::monostate) const {}
        void operator()(int64_t v) const { fmt::format_to(std::back_inserter(out), "{}", v); }
        void operator()(double v) const { fmt::format_to(std::back_inserter(out), "{}", v); }
        void operator()(bool v) const { out += v ? '1' : '0'; }
        void operator()(const Date& d) const { out += d.iso(); }
        void operator()(const std::string& s) const {
            // One pass (find_first_of would call memchr once per character).
            bool plain = std::none_of(s.begin(), s.end(), [](char c) {
                return c == ',' || c == '"' || c == '\r' || c == '\n';
            });
            if (plain) {
                out += s;
                return;
            }
            out += '"';
            for (char c : s) {
                if (c == '"') {
                    out += '"';
                }
                out += c;
            }
            out += '"';
        }
    };
    std::visit(Visit{out}, cell);
}

// One table's file, written through a buffer into a temporary beside its name.
class CsvFile {
  public:
    CsvFile(fs::path path, const std::vector<Column>& columns)
        : m_path(std::move(path)), m_tmp(create_temporary(m_path)) {
        m_fd = ::open(m_tmp.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
        if (m_fd < 0) {
            int err = errno;
            ::unlink(m_tmp.c_str());
            throw Error(tr("cannot write {}: {}", m_path.string(), std::strerror(err)));
        }
        Row header;
        for (const auto& c : columns) {
            header.emplace_back(c.name);
        }
        add(header);
    }
    CsvFile(const CsvFile&) = delete;
    CsvFile& operator=(const CsvFile&) = delete;
    ~CsvFile() {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
        if (!m_committed) {
            ::unlink(m_tmp.c_str());
        }
    }

    void add(const Row& row) {
        for (size_t i = 0; i < row.size(); ++i) {
            if (i > 0) {
                m_buffer += ',';
            }
            append_cell(m_buffer, row[i]);
        }
        m_buffer += "\r\n";
        if (m_buffer.size() >= (1 << 16)) {
            flush();
        }
    }

    // Writes out the buffer and closes the file; commit() renames it.
    void finish() {
        flush();
        if (::close(m_fd) != 0) {
            m_fd = -1;
            throw Error(tr("cannot write {}: {}", m_path.string(), std::strerror(errno)));
        }
        m_fd = -1;
    }
    void commit() {
        commit_temporary(m_tmp, m_path);
        m_committed = true;
    }

  private:
    void flush() {
        size_t done = 0;
        while (done < m_buffer.size()) {
            ssize_t n = ::write(m_fd, m_buffer.data() + done, m_buffer.size() - done);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n <= 0) {
                throw Error(tr("cannot write {}: {}", m_path.string(), std::strerror(errno)));
            }
            done += size_t(n);
        }
        m_buffer.clear();
    }

    fs::path m_path;
    fs::path m_tmp;
    int m_fd = -1;
    std::string m_buffer;
    bool m_committed = false;
};

class CsvWriter : public TableWriter {
  public:
    CsvWriter(const fs::path& folder, const std::string& shown, const std::vector<Table>& tables)
        : m_tables(tables) {
        std::error_code ec;
        auto status = fs::symlink_status(folder, ec);
        if (status.type() == fs::file_type::not_found) {
            if (!fs::is_directory(folder.parent_path().empty() ? "." : folder.parent_path(), ec)) {
                throw Error(
                    tr("-o {}: the folder that would hold it does not exist; create it "
                       "first",
                       shown));
            }
            if (!fs::create_directory(folder, ec) || ec) {
                throw Error(tr("-o {}: cannot create the folder: {}", shown, ec.message()));
            }
            m_created = folder;
        } else if (!fs::is_directory(folder, ec)) {
            throw Error(
                tr("-o {} is a file; CSV export writes a folder of files, so give a "
                   "folder name, like export/",
                   shown));
        } else {
            // Only files an earlier export wrote may be replaced: anything else
            // in the folder is someone's, and the export would mix with it.
            std::set<std::string> ours = {"codebook.csv", "codebook.md"};
            for (const auto& t : tables) {
                ours.insert(t.name + ".csv");
            }
            for (const auto& entry : fs::directory_iterator(folder, ec)) {
                std::string name = entry.path().filename().string();
                // A temporary file an interrupted export left behind is plg's too.
                bool left_behind = name.size() > 4 && name[0] == '.' &&
                                   name.compare(name.size() - 4, 4, ".tmp") == 0;
                if (!ours.count(name) && !left_behind) {
                    throw Error(
                        tr("-o {} holds '{}', which plg export did not write; give an "
                           "empty or new folder (plg replaces only its own files there)",
                           shown, name));
                }
            }
            if (ec) {
                throw Error(tr("-o {}: cannot read the folder: {}", shown, ec.message()));
            }
        }
        for (const auto& t : tables) {
            m_files.push_back(std::make_unique<CsvFile>(folder / (t.name + ".csv"), t.columns));
        }
        m_folder = folder;
    }
    ~CsvWriter() override {
        if (!m_committed && !m_created.empty()) {
            m_files.clear();
            std::error_code ec;
            fs::remove(m_created, ec);  // only when empty
        }
    }

    void row(size_t table, const Row& cells) override { m_files[table]->add(cells); }

    void commit() override {
        std::vector<Table> all = m_tables;
        all.push_back(codebook_table());
        CsvFile codebook(m_folder / "codebook.csv", all.back().columns);
        for (const Row& r : codebook_rows(all)) {
            codebook.add(r);
        }
        codebook.finish();
        for (auto& f : m_files) {
            f->finish();
        }
        // Every file is complete before the first is renamed into place.
        write_atomic(m_folder / "codebook.md", codebook_markdown(all));
        codebook.commit();
        for (auto& f : m_files) {
            f->commit();
        }
        m_committed = true;
    }

  private:
    std::vector<Table> m_tables;
    std::vector<std::unique_ptr<CsvFile>> m_files;
    fs::path m_folder;
    fs::path m_created;
    bool m_committed = false;
};

}  // namespace

std::string csv_field(const Cell& cell) {
    std::string out;
    append_cell(out, cell);
    return out;
}

std::unique_ptr<TableWriter> csv_writer(const fs::path& folder, const std::string& shown,
                                        const std::vector<Table>& tables) {
    return std::make_unique<CsvWriter>(folder, shown, tables);
}

}  // namespace plg
