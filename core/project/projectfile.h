#pragma once

#include "base/diagnostic.h"
#include "base/textdocument.h"
#include "project/filekind.h"

#include <QDateTime>
#include <QFileDevice>
#include <QString>

#include <optional>

namespace pgdial::core::project {

// One file of a project: where it is, what it is, and its text (when it could be loaded).
struct ProjectFile
{
    FileKind kind = FileKind::AppConfig;
    QString relativePath; // to the project folder, '/'-separated; what diagnostics name
    QString absolutePath;
    std::optional<base::TextDocument> document; // empty when the file could not be loaded
    base::Diagnostics loadDiagnostics; // why it could not be loaded, or warnings
    QFileDevice::Permissions permissions;
    QDateTime lastModified;
    bool includedBy = false; // joined the project because another file includes it

    bool isLoaded() const { return document.has_value(); }
};

} // namespace pgdial::core::project
