#pragma once

#include "project/filekind.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace pgdial::core::project {

// Decides what a file is from its name and, where the name is not enough, a sniff of its first
// bytes: a "*.conf" full of host/local rules is a pg_hba.conf, a YAML file with a `database:`
// section holding a url or pool settings is an application config.
class FileKindClassifier
{
public:
    // The kind the name alone implies, or nullopt when the content has to decide (or no kind fits).
    static std::optional<FileKind> fromName(const QString &fileName);
    // True when the name is worth a content sniff.
    static bool needsContent(const QString &fileName);
    static std::optional<FileKind> fromContent(const QString &fileName, const QByteArray &head);
};

} // namespace pgdial::core::project
