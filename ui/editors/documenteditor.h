#pragma once

#include <QString>
#include <QtGlobal>

namespace pgdial::ui::document {
class ProjectDocument;
} // namespace pgdial::ui::document

namespace pgdial::ui::editors {

// What the main window needs from any editor page of a file (the raw text editor, the settings
// table, the pg_hba rule editor, the application forms): which document it edits, and how to
// bring a 1-based line of that file into view, for the Problems panel and for the tools'
// "open at the line to change" links. A purpose-built editor selects the row, rule or field
// that the line holds.
class DocumentEditor
{
public:
    virtual ~DocumentEditor() = default;

    virtual document::ProjectDocument *projectDocument() const = 0;
    virtual void revealLine(int line, int column) = 0;
    // Whether the page has something to show for that line; when it has not (a comment far from
    // any setting, another section of the file), the window shows the Source page instead.
    virtual bool showsLine(int line) const
    {
        Q_UNUSED(line);
        return true;
    }

protected:
    DocumentEditor() = default;
    DocumentEditor(const DocumentEditor &) = default;
    DocumentEditor &operator=(const DocumentEditor &) = default;
};

} // namespace pgdial::ui::editors
