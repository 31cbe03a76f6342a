// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/yaml_document.h"

#include <yaml-cpp/eventhandler.h>

#include <sstream>

namespace gatehouse::app {

namespace {

// Where each document starts and whether its root is more than a null.
class DocumentShape : public YAML::EventHandler {
public:
    YAML::Mark start;
    YAML::Mark root; // of the first node at the top, when not empty
    bool empty = true;

    void OnDocumentStart(const YAML::Mark& mark) override
    {
        start = mark;
        empty = true;
        depth_ = 0;
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { node(mark); }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  const std::string&) override
    {
        node(mark);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override
    {
        node(mark);
        ++depth_;
    }
    void OnSequenceEnd() override { --depth_; }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override
    {
        node(mark);
        ++depth_;
    }
    void OnMapEnd() override { --depth_; }

private:
    void node(const YAML::Mark& mark)
    {
        if (depth_ == 0 && empty) {
            empty = false;
            root = mark;
        }
    }
    int depth_ = 0;
};

} // namespace

YamlDocument loadYamlDocument(const std::string& text)
{
    YamlDocument out;
    {
        std::istringstream in(text);
        YAML::Parser parser(in);
        DocumentShape shape;
        std::optional<int> lastStart;
        int documents = 0;
        while (parser.HandleNextDocument(shape)) {
            if (lastStart == shape.start.pos) {
                const auto at = static_cast<std::size_t>(shape.start.pos);
                const char c = at < text.size() ? text[at] : '\0';
                throw YAML::ParserException(shape.start, c > ' ' && c < 0x7f
                                                             ? std::string("unexpected '") + c + "'"
                                                             : std::string("unexpected character"));
            }
            lastStart = shape.start.pos;
            if (!shape.empty && ++documents == 2) {
                out.next = shape.root;
                break;
            }
        }
    }
    out.root = YAML::Load(text);
    return out;
}

} // namespace gatehouse::app
