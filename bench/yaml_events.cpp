// The floor for plg's cold reads: every YAML file under the folders given,
// parsed with yaml-cpp's event API and nothing else (no tree, no checks, no
// decoding). bench/run times it beside `plg network report --no-cache` and
// `plg export`, in the same run, and compares their CPU time.
//
//   yaml-events FOLDER...   prints "FILES BYTES EVENTS"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace {

// Counts the events so that the parse cannot be optimised away.
class Count : public YAML::EventHandler {
  public:
    unsigned long events = 0;

    void OnDocumentStart(const YAML::Mark&) override { ++events; }
    void OnDocumentEnd() override { ++events; }
    void OnNull(const YAML::Mark&, YAML::anchor_t) override { ++events; }
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ++events; }
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  const std::string&) override {
        ++events;
    }
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {
        ++events;
    }
    void OnSequenceEnd() override { ++events; }
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {
        ++events;
    }
    void OnMapEnd() override { ++events; }
};

}  // namespace

int main(int argc, char** argv) {
    unsigned long files = 0;
    unsigned long bytes = 0;
    Count count;
    for (int i = 1; i < argc; ++i) {
        std::error_code ec;
        fs::recursive_directory_iterator it(argv[i], ec), end;
        for (; !ec && it != end; it.increment(ec)) {
            const fs::path& p = it->path();
            std::string name = p.filename().string();
            if (name[0] == '.' || name == "node_modules") {  // .git, .plg: not records
                if (it->is_directory(ec)) {
                    it.disable_recursion_pending();
                }
                continue;
            }
            if (p.extension() != ".yaml" || !it->is_regular_file(ec)) {
                continue;
            }
            std::ifstream in(p, std::ios::binary);
            try {
                YAML::Parser parser(in);
                while (parser.HandleNextDocument(count)) {
                }
            } catch (const YAML::Exception& e) {
                std::fprintf(stderr, "%s: %s\n", p.c_str(), e.what());
                return 1;
            }
            ++files;
            bytes += fs::file_size(p, ec);
        }
        if (ec) {
            std::fprintf(stderr, "%s: %s\n", argv[i], ec.message().c_str());
            return 1;
        }
    }
    std::printf("%lu %lu %lu\n", files, bytes, count.events);
    return 0;
}
