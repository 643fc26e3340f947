#include "plg/records/reflection.hpp"

#include <nlohmann/json.hpp>

#include "plg/base/i18n.hpp"
#include "plg/records/codec.hpp"
#include "plg/records/json.hpp"

namespace plg {

using namespace detail;

namespace {

const std::vector<std::string> k_reflection_keys = {
    "author", "date", "meeting", "goal", "text", "went_well", "challenge", "next_step", "ratings"};

}  // namespace

const std::vector<std::string>& reflection_keys() {
    return k_reflection_keys;
}

std::optional<int> Reflection::rating(std::string_view dimension) const {
    for (const auto& r : ratings) {
        if (r.dimension == dimension) {
            return r.value;
        }
    }
    return std::nullopt;
}

Parsed<Reflection> read_reflection(const std::string& file, std::string bytes,
                                   const std::string& id, const References& refs) {
    yaml::Document doc = yaml::parse(file, std::move(bytes));
    Parsed<Reflection> result;
    const Node* root = open(doc, result);
    if (!root) {
        return result;
    }
    Decoder d(doc, result.problems);
    if (!d.fields(*root, tr("a reflection"), k_reflection_keys, {"author", "date"})) {
        return result;
    }
    Reflection r;
    r.id = id;
    r.author = d.member(root->find("author"), "author", refs);
    if (auto date = d.date(root->find("date"), "date")) {
        r.date = *date;
        d.future_warning(root->find("date"), date, refs, "date");
        d.before_founding(root->find("date"), *date, refs, tr("this reflection"));
    }
    r.meeting = d.record_ref(root->find("meeting"), "meeting", "meeting", refs.meeting_ids);
    r.goal = d.record_ref(root->find("goal"), "goal", "goal", refs.goal_ids);
    r.text = d.text(root->find("text"), "text");
    r.went_well = d.text(root->find("went_well"), "went_well");
    r.challenge = d.text(root->find("challenge"), "challenge");
    r.next_step = d.text(root->find("next_step"), "next_step");
    if (const Node* ratings = root->find("ratings"); ratings && ratings->kind != Node::Kind::null) {
        if (ratings->kind != Node::Kind::mapping) {
            d.error(*ratings, tr("'ratings' must be a mapping of dimension to a rating 1-5, like "
                                 "'collaboration: 4', not {}",
                                 trp(ratings->kind_name())));
        } else {
            std::vector<std::string> dims =
                refs.community ? refs.community->dimension_ids() : std::vector<std::string>{};
            for (const auto& e : ratings->entries) {
                if (refs.community &&
                    std::find(dims.begin(), dims.end(), e.key.value) == dims.end()) {
                    std::string close = nearest(e.key.value, dims);
                    d.error(e.key, close.empty()
                                       ? tr("unknown dimension '{}' in ratings; the framework in "
                                            "plg.yaml has: {}",
                                            e.key.value, join(dims))
                                       : tr("unknown dimension '{}' in ratings (did you mean "
                                            "'{}'?); the framework in plg.yaml has: {}",
                                            e.key.value, close, join(dims)));
                    continue;
                }
                if (auto v = d.integer(&e.value, "ratings." + e.key.value, 1, 5)) {
                    r.ratings.push_back({e.key.value, *v});
                }
            }
        }
    }
    if (r.text.empty() && r.went_well.empty() && r.challenge.empty() && r.next_step.empty() &&
        r.ratings.empty()) {
        d.warning(*root, tr("the reflection has no text, prompts or ratings"));
    }
    finish(result, std::move(r));
    return result;
}

std::string write_reflection(const Reflection& r) {
    Value root = Value::map();
    root.add("author", Value::text(r.author)).add("date", date_value(r.date));
    root.add_text("meeting", r.meeting);
    root.add_text("goal", r.goal);
    root.add_text("text", r.text);
    root.add_text("went_well", r.went_well);
    root.add_text("challenge", r.challenge);
    root.add_text("next_step", r.next_step);
    if (!r.ratings.empty()) {
        Value ratings = Value::map();
        for (const auto& rating : r.ratings) {
            ratings.add(rating.dimension, Value::plain(std::to_string(rating.value)));
        }
        root.add("ratings", std::move(ratings));
    }
    return yaml::render_document(root);
}

std::string template_reflection(const Reflection& r) {
    return with_placeholders(write_reflection(r), k_reflection_keys);
}

nlohmann::json to_json(const Reflection& r) {
    nlohmann::json ratings = nlohmann::json::object();
    for (const auto& rating : r.ratings) {
        ratings[rating.dimension] = rating.value;
    }
    return {{"id", r.id},
            {"author", r.author},
            {"date", r.date.iso()},
            {"meeting", r.meeting},
            {"goal", r.goal},
            {"text", r.text},
            {"went_well", r.went_well},
            {"challenge", r.challenge},
            {"next_step", r.next_step},
            {"ratings", ratings}};
}

}  // namespace plg
