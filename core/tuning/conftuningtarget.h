#pragma once

#include "base/lineedit.h"
#include "base/result.h"
#include "base/textdocument.h"
#include "project/serversetting.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <map>

namespace pgdial::core::pgconf {
class ParameterCatalog;
}

namespace pgdial::core::tuning {

// One file's edit, for undo: applying `inverse` to that file's document restores it.
struct ConfTargetEdit
{
    QString file; // relative to the top file's folder
    base::LineEdit inverse;
};

// A postgresql.conf and everything it includes, read through the pgconf engine (ConfLoader,
// ConfValidator, EffectiveSettings): what it sets, with file:line, for one major version; and
// tuning values written into it through ConfEditor (lossless: only the winning line's value
// bytes change, a commented sample line is activated, or one line is inserted).
class ConfTuningTarget
{
public:
    static base::Result<ConfTuningTarget> open(const QString &topFile, int major);

    // Why tuning must not write `value`: it needs a build feature the catalog's build lacks
    // (PGTune's lz4, io_uring), which could make the server refuse the whole file. Empty: fine.
    static QString buildDependentRefusal(const pgconf::ParameterCatalog &catalog, const QString &name,
                                         const QString &value);

    project::ServerSettingLookup lookup() const { return m_lookup; }

    // Sets each (name, value) in memory; returns one description per change
    // ("postgresql.conf:64: work_mem = 64MB (was 4MB)"). Stops at the first value refused.
    base::Result<QStringList> set(const QList<QPair<QString, QString>> &values);
    // Reverts every set() so far, newest first.
    void undo();

    QStringList changedFiles() const;
    QByteArray bytes(const QString &file) const; // current bytes of a file read (relative name)
    QString absolutePath(const QString &file) const;

private:
    QString m_topFile;
    QString m_topDir;
    int m_major = 0;
    project::ServerSettingLookup m_lookup;
    std::map<QString, base::TextDocument>
        m_documents; // relative name -> current text (node-stable: ConfEditor keeps pointers)
    QHash<QString, QByteArray> m_original;
    QList<ConfTargetEdit> m_undo;

    bool reload(QString *error);
    const base::TextDocument *document(const QString &file);
};

} // namespace pgdial::core::tuning
