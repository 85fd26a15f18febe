#include "tuning/conftuningtarget.h"

#include "pgconf/confeditor.h"
#include "pgconf/confloader.h"
#include "pgconf/confvalidator.h"
#include "pgconf/effectivesettings.h"
#include "pgconf/parametercatalog.h"
#include "pgconf/valueparser.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace pgdial::core::tuning {

base::Result<ConfTuningTarget> ConfTuningTarget::open(const QString &topFile, int major)
{
    const QFileInfo info(topFile);
    if (!info.isFile())
        return base::makeError(
            u"tune.cannot-read"_s,
            QCoreApplication::translate("pgdial::core::tuning::ConfTuningTarget", "cannot read \"%1\"").arg(topFile));
    ConfTuningTarget target;
    target.m_topFile = info.absoluteFilePath();
    target.m_topDir = info.absolutePath();
    target.m_major = major;
    QString error;
    if (!target.reload(&error))
        return base::makeError(u"tune.cannot-read"_s, error);
    return target;
}

QString ConfTuningTarget::absolutePath(const QString &file) const
{
    return QDir::cleanPath(QDir(m_topDir).absoluteFilePath(file));
}

const base::TextDocument *ConfTuningTarget::document(const QString &file)
{
    auto it = m_documents.find(file);
    if (it == m_documents.end()) {
        QFile disk(absolutePath(file));
        if (!disk.open(QIODevice::ReadOnly))
            return nullptr;
        const QByteArray bytes = disk.readAll();
        m_original.insert(file, bytes);
        it = m_documents.emplace(file, base::TextDocument::fromBytes(bytes)).first;
    }
    return &it->second;
}

bool ConfTuningTarget::reload(QString *error)
{
    pgconf::ConfLoader loader;
    for (const auto &[file, text] : m_documents)
        loader.setOverride(absolutePath(file), text.toBytes());
    const pgconf::ConfLoadResult load = loader.load(m_topFile);
    if (load.files.isEmpty()) {
        if (error)
            *error = load.diagnostics.isEmpty() ? m_topFile : load.diagnostics.first().message;
        return false;
    }
    const pgconf::ParameterCatalog &catalog = pgconf::ParameterCatalog::forVersion(m_major);
    const pgconf::ConfValidation validation = pgconf::ConfValidator(catalog, m_major).validate(load);
    m_lookup = pgconf::EffectiveSettings::compute(load, validation, catalog).lookup();
    return true;
}

QString ConfTuningTarget::buildDependentRefusal(const pgconf::ParameterCatalog &catalog, const QString &name,
                                                const QString &value)
{
    const pgconf::ParameterInfo *info = catalog.find(name);
    if (!info)
        return {};
    const pgconf::ParsedValue parsed = pgconf::ValueParser::parse(*info, value, catalog.major());
    if (!parsed.ok() || parsed.buildFeature.isEmpty() || info->enumValues.contains(parsed.setting, Qt::CaseInsensitive))
        return {};
    return QCoreApplication::translate("pgdial::core::tuning::ConfTuningTarget", "%1 = %2 needs a server built with %3")
        .arg(name, value, parsed.buildFeature);
}

base::Result<QStringList> ConfTuningTarget::set(const QList<QPair<QString, QString>> &values)
{
    const pgconf::ParameterCatalog &catalog = pgconf::ParameterCatalog::forVersion(m_major);
    QStringList changes;
    for (const auto &[name, value] : values) {
        if (const QString refusal = buildDependentRefusal(catalog, name, value); !refusal.isEmpty())
            return base::makeError(u"tune.build-dependent-value"_s, refusal);
        // Each edit is computed on the text as the previous ones left it.
        pgconf::ConfLoader loader;
        for (const auto &[file, text] : m_documents)
            loader.setOverride(absolutePath(file), text.toBytes());
        const pgconf::ConfLoadResult load = loader.load(m_topFile);
        const pgconf::ConfEditor editor(load, catalog, [this](const QString &file) { return document(file); });
        const base::Result<pgconf::ConfEditResult> result = editor.set(name, value);
        if (!result)
            return result.error();
        for (const pgconf::ConfFileEdit &edit : result->edits) {
            if (!document(edit.file))
                return base::makeError(u"tune.cannot-read"_s, edit.file);
            m_undo.append(ConfTargetEdit {edit.file, m_documents.at(edit.file).apply(edit.edit)});
        }
        changes += result->changes;
    }
    QString error;
    if (!reload(&error))
        return base::makeError(u"tune.cannot-read"_s, error);
    return changes;
}

void ConfTuningTarget::undo()
{
    while (!m_undo.isEmpty()) {
        const ConfTargetEdit edit = m_undo.takeLast();
        m_documents.at(edit.file).apply(edit.inverse);
    }
    reload(nullptr);
}

QStringList ConfTuningTarget::changedFiles() const
{
    QStringList files;
    for (const auto &[file, text] : m_documents)
        if (text.toBytes() != m_original.value(file))
            files.append(file);
    files.sort();
    return files;
}

QByteArray ConfTuningTarget::bytes(const QString &file) const
{
    const auto it = m_documents.find(file);
    if (it != m_documents.end())
        return it->second.toBytes();
    QFile disk(absolutePath(file));
    return disk.open(QIODevice::ReadOnly) ? disk.readAll() : QByteArray();
}

} // namespace pgdial::core::tuning
