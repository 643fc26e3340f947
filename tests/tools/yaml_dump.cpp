// plg_yaml_dump: prints how plg's YAML reader reads each file, as one JSON line
// per file, for the differential test (tests/differential.py), which compares
// it with PyYAML and a YAML 1.2 reader.
//   plg_yaml_dump FILE...    or    plg_yaml_dump - < list-of-files
// A line is {"file": F, "value": V} when plg accepts the file, where V is the
// tree with every scalar as text, or {"file": F, "problems": [...]} when it
// refuses it.

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "plg/yaml/yaml.hpp"

namespace {

nlohmann::json tree(const plg::yaml::Node& n) {
    using Kind = plg::yaml::Node::Kind;
    switch (n.kind) {
        case Kind::null:
            return nullptr;
        case Kind::scalar:
            // An unquoted empty scalar is no value at all, as in the other readers.
            if (!n.quoted && n.value.empty()) {
                return nullptr;
            }
            return n.value;
        case Kind::sequence: {
            auto out = nlohmann::json::array();
            for (const auto& item : n.items) {
                out.push_back(tree(item));
            }
            return out;
        }
        case Kind::mapping: {
            // Pairs, so that the order of keys is compared too.
            auto out = nlohmann::json::array();
            for (const auto& e : n.entries) {
                out.push_back(nlohmann::json::array({e.key.value, tree(e.value)}));
            }
            return nlohmann::json{{"map", out}};
        }
    }
    return nullptr;
}

void dump(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    plg::yaml::Document doc = plg::yaml::parse(file, std::move(bytes));
    nlohmann::json line{{"file", file}};
    if (doc.root && doc.problems.empty()) {
        line["value"] = tree(*doc.root);
    } else {
        auto problems = nlohmann::json::array();
        for (const auto& p : doc.problems) {
            problems.push_back(std::to_string(p.where.line) + ":" + std::to_string(p.where.column) +
                               ": " + p.message);
        }
        line["problems"] = problems;
    }
    std::cout << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> files(argv + 1, argv + argc);
    if (files.size() == 1 && files[0] == "-") {
        files.clear();
        for (std::string f; std::getline(std::cin, f);) {
            files.push_back(f);
        }
    }
    for (const auto& f : files) {
        dump(f);
    }
    return 0;
}
