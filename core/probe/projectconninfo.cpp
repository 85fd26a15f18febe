#include "projectconninfo.h"

#include "pgconf/confprojectanalyzer.h"

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

ServerSettingLookup ProjectConninfo::serverSettings(Project &project)
{
    return pgconf::ConfProjectAnalyzer::lookup(project);
}

} // namespace pgdial::core::probe
