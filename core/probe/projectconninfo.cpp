#include "projectconninfo.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace pgdial::core::probe {

QString ProjectConninfo::toLibpqUrl(const QString &url)
{
    static const QRegularExpression driver(uR"(^(postgres(?:ql)?)\+[A-Za-z0-9_]+://)"_s);
    QString result = url;
    result.replace(driver, u"\\1://"_s);
    return result;
}

std::optional<ProjectConninfo::Found> ProjectConninfo::find(const Project &project)
{
    static const QRegularExpression assignment(uR"(^\s*(?:export\s+)?(DATABASE_URL|PGDIAL_PROBE_URL)\s*=\s*(.*?)\s*$)"_s);
    for (const FileKind kind : {FileKind::Env, FileKind::EnvExample}) {
        for (const auto &file : project.filesOfKind(kind)) {
            if (!file->isLoaded())
                continue;
            const TextDocument &document = *file->document;
            for (int i = 0; i < document.lineCount(); ++i) {
                const QRegularExpressionMatch match = assignment.match(document.lineText(i));
                if (!match.hasMatch())
                    continue;
                QString value = match.captured(2);
                if (value.size() >= 2 && (value.startsWith(u'"') || value.startsWith(u'\'')) && value.endsWith(value.at(0)))
                    value = value.mid(1, value.size() - 2);
                if (value.isEmpty() || value.contains(u"${"_s))
                    continue;
                return Found{toLibpqUrl(value), ConninfoOrigin{file->relativePath, i + 1, match.captured(1)}};
            }
        }
    }
    return std::nullopt;
}

ServerSettingLookup ProjectConninfo::serverSettings(const Project &project)
{
    QList<ServerSetting> settings;
    static const QRegularExpression line(uR"(^\s*([A-Za-z_][A-Za-z0-9_.]*)\s*=?\s*('(?:[^']|'')*'|[^\s#]+))"_s);
    for (const auto &file : project.filesOfKind(FileKind::PostgresqlConf)) {
        if (!file->isLoaded())
            continue;
        const TextDocument &document = *file->document;
        for (int i = 0; i < document.lineCount(); ++i) {
            const QRegularExpressionMatch match = line.match(document.lineText(i));
            if (!match.hasMatch())
                continue;
            QString value = match.captured(2);
            if (value.startsWith(u'\''))
                value = value.mid(1, value.size() - 2).replace(u"''"_s, u"'"_s);
            settings.append({match.captured(1).toLower(), value, file->relativePath, i + 1});
        }
    }
    return [settings](const QString &name) -> std::optional<ServerSetting> {
        for (qsizetype i = settings.size() - 1; i >= 0; --i)
            if (settings.at(i).name == name)
                return settings.at(i);
        return std::nullopt;
    };
}

} // namespace pgdial::core::probe
