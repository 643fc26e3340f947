#pragma once

// The catalogs built into plg: po/LANG.po compiled by msgfmt and embedded by
// cmake/EmbedCatalogs.cmake into catalogs.cpp in the build folder.

#include <span>
#include <string_view>

namespace plg::detail {

struct BuiltInCatalog {
    std::string_view code;  // "nl"
    std::string_view mo;    // the .mo file's bytes
};

std::span<const BuiltInCatalog> built_in_catalogs();

}  // namespace plg::detail
