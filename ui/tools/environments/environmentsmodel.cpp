#include "tools/environments/environmentsmodel.h"

#include "models/displaytext.h"

#include <QColor>
#include <QFont>
#include <QMap>
#include <QSet>

using namespace Qt::StringLiterals;

namespace pgdial::ui::tools::environments {

using core::environments::ComposePort;
using core::environments::Environment;
using core::environments::EnvironmentSetting;
using core::environments::EnvironmentUrl;
using core::environments::PasswordSource;
using core::environments::SourceRef;

namespace {

QString portText(const ComposePort &port)
{
    QString out = port.hostIp.isEmpty() ? QString() : port.hostIp + u':';
    out += port.published ? QString::number(*port.published) + u':' : QString();
    return out + QString::number(port.target);
}

bool isLoopback(const QString &host)
{
    return host == u"localhost" || host == u"127.0.0.1" || host == u"::1" || host == u"[::1]";
}

QString withSource(const QString &text, const SourceRef &source)
{
    return source.isValid() ? text + u"  ("_s + source.toText() + u')' : text;
}

} // namespace

EnvironmentsModel::EnvironmentsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void EnvironmentsModel::setEnvironments(const QList<Environment> &environments, const QString &target,
                                        const QList<QList<EnvironmentSetting>> &settings)
{
    beginResetModel();
    m_environments = environments;
    m_target = target;
    m_cells.clear();
    m_differs.clear();
    m_settingNames.clear();
    for (int fact = 0; fact < FactCount; ++fact) {
        QList<Cell> row;
        QSet<QString> values;
        for (const Environment &env : std::as_const(m_environments)) {
            row.append(cellFor(env, Fact(fact)));
            values.insert(row.last().text);
        }
        m_cells.append(row);
        m_differs.append(values.size() > 1);
    }
    // The settings diff: every name some environment sets, kept when the values differ.
    if (m_environments.size() > 1 && settings.size() == m_environments.size()) {
        QMap<QString, QList<Cell>> byName;
        for (qsizetype column = 0; column < settings.size(); ++column) {
            for (const EnvironmentSetting &setting : settings.at(column)) {
                QList<Cell> &row = byName[setting.name];
                row.resize(m_environments.size());
                row[column]
                    = Cell {setting.value.isEmpty() ? u"''"_s : setting.value,
                            withSource(setting.name + u" = "_s + setting.value, setting.source), setting.source, false};
            }
        }
        for (auto it = byName.begin(); it != byName.end(); ++it) {
            QSet<QString> values;
            for (Cell &cell : it.value()) {
                if (cell.text.isEmpty()) {
                    cell.text = tr("(default)");
                    cell.toolTip = tr("Not set: the server's built-in default");
                }
                values.insert(cell.text);
            }
            if (values.size() < 2)
                continue;
            m_settingNames.append(it.key());
            m_cells.append(it.value());
            m_differs.append(true);
        }
    }
    endResetModel();
}

int EnvironmentsModel::differingRows() const
{
    return int(std::count(m_differs.cbegin(), m_differs.cend(), true));
}

int EnvironmentsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_environments.isEmpty() ? 0 : int(m_cells.size());
}

int EnvironmentsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_environments.size());
}

QVariant EnvironmentsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Cell &cell = m_cells.at(index.row()).at(index.column());
    const bool differs = m_differs.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return models::DisplayText::elided(cell.text);
    case Qt::ToolTipRole: {
        QString tip = cell.toolTip.isEmpty() ? cell.text : cell.toolTip;
        if (differs)
            tip += u"\n\n"_s + tr("Not the same in every environment.");
        return models::DisplayText::elided(tip);
    }
    case Qt::BackgroundRole:
        if (cell.conflict)
            return QColor(220, 50, 47, 60);
        return differs ? QVariant(QColor(230, 160, 0, 55)) : QVariant();
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignTop);
    case DiffersRole:
        return differs;
    case SourceFileRole:
        return cell.source.file;
    case SourceLineRole:
        return cell.source.line;
    case ConflictRole:
        return cell.conflict;
    default:
        return {};
    }
}

QVariant EnvironmentsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= m_environments.size())
            return {};
        const Environment &env = m_environments.at(section);
        const bool target = env.name == m_target;
        switch (role) {
        case Qt::DisplayRole:
            return target ? tr("%1 (target)").arg(env.name) : env.name;
        case Qt::ToolTipRole:
            return target ? tr("%1: the environment the project is judged as (its server's version; Project > "
                               "Project Settings)")
                                .arg(env.name)
                          : env.name;
        case Qt::FontRole:
            if (target) {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
            return {};
        default:
            return {};
        }
    }
    if (section < 0 || section >= m_cells.size())
        return {};
    const bool differs = m_differs.at(section);
    if (section >= FactCount) { // a setting of the settings diff
        const QString name = m_settingNames.at(section - FactCount);
        switch (role) {
        case Qt::DisplayRole:
            return QString(name + u" ≠"_s);
        case Qt::ToolTipRole:
            return tr("%1: a server setting whose value differs between the environments (their postgresql.conf "
                      "and -c flags; a -c flag wins over the file)")
                .arg(name);
        default:
            return {};
        }
    }
    switch (role) {
    case Qt::DisplayRole:
        return differs ? QString(factName(Fact(section)) + u" ≠"_s) : factName(Fact(section));
    case Qt::ToolTipRole:
        return differs ? QString(factToolTip(Fact(section)) + u"\n"_s + tr("Differs between the environments."))
                       : factToolTip(Fact(section));
    default:
        return {};
    }
}

QString EnvironmentsModel::factName(Fact fact)
{
    switch (fact) {
    case Files:
        return tr("Files");
    case Image:
        return tr("Server image");
    case Version:
        return tr("PostgreSQL");
    case Urls:
        return tr("Database URL");
    case HostPort:
        return tr("App connects to");
    case PublishedPorts:
        return tr("Published ports");
    case SslMode:
        return tr("sslmode");
    case Passwords:
        return tr("Passwords");
    case ServerConf:
        return tr("postgresql.conf");
    case ServerHba:
        return tr("pg_hba.conf");
    case CommandLine:
        return tr("-c flags");
    case InitdbArgs:
        return tr("initdb arguments");
    case Healthcheck:
        return tr("Healthcheck");
    case FactCount:
        break;
    }
    return {};
}

QString EnvironmentsModel::factToolTip(Fact fact)
{
    switch (fact) {
    case Files:
        return tr("The files that make up the environment");
    case Image:
        return tr("The image of the compose service that runs PostgreSQL");
    case Version:
        return tr("The major the image's tag names (postgres:16-alpine: 16)");
    case Urls:
        return tr("The connection URLs the app reads, after substitution, passwords masked");
    case HostPort:
        return tr("The host and port of each URL, against the ports the server offers (published on the host, "
                  "or the container's own port inside the compose network)");
    case PublishedPorts:
        return tr("host_ip:published:target of the server's ports: (127.0.0.1 only: reachable from the host "
                  "alone)");
    case SslMode:
        return tr("The URLs' sslmode (production wants require, better verify-full)");
    case Passwords:
        return tr("Where each password comes from: literal (written in a file), env (an environment variable) or "
                  "secret_file (a Docker secret or a file path)");
    case ServerConf:
        return tr("The project's postgresql.conf the server really reads (-c config_file and the volumes)");
    case ServerHba:
        return tr("The project's pg_hba.conf the server really reads (hba_file and the volumes)");
    case CommandLine:
        return tr("postgres -c name=value on the server's command line: they win over postgresql.conf");
    case InitdbArgs:
        return tr("POSTGRES_INITDB_ARGS (--auth-host=scram-sha-256, --data-checksums, ...)");
    case Healthcheck:
        return tr("The server service's healthcheck test");
    case FactCount:
        break;
    }
    return {};
}

EnvironmentsModel::Cell EnvironmentsModel::cellFor(const Environment &env, Fact fact)
{
    const QString none = tr("—");
    Cell cell;
    QStringList lines;
    QStringList tips;
    switch (fact) {
    case Files:
        cell.text = env.files.isEmpty() ? none : env.files.join(u'\n');
        if (!env.files.isEmpty())
            cell.source = SourceRef {env.files.first(), 0};
        break;
    case Image:
        cell.text = env.image.isEmpty() ? none : env.image;
        cell.source = env.pgVersionSource;
        if (!env.serverService.isEmpty())
            cell.toolTip = withSource(tr("%1 (service %2)").arg(cell.text, env.serverService), env.pgVersionSource);
        break;
    case Version:
        cell.text = env.pgVersion ? QString::number(*env.pgVersion) : tr("unknown");
        cell.source = env.pgVersionSource;
        cell.toolTip = env.pgVersion ? withSource(cell.text, env.pgVersionSource)
                                     : tr("The image names no major (latest, a digest alone): set the version in "
                                          "Project > Project Settings");
        break;
    case Urls:
        for (const EnvironmentUrl &url : env.databaseUrls) {
            lines.append(url.name + u": "_s + url.masked);
            tips.append(withSource(url.name + u": "_s + url.masked, url.source));
        }
        if (!env.databaseUrls.isEmpty())
            cell.source = env.databaseUrls.first().source;
        break;
    case HostPort: {
        QSet<int> published;
        QSet<int> targets;
        for (const ComposePort &port : env.publishedPorts) {
            if (port.published)
                published.insert(*port.published);
            targets.insert(port.target);
        }
        QStringList publishedPorts;
        for (int port : std::as_const(published))
            publishedPorts.append(QString::number(port));
        publishedPorts.sort();
        const QString publishedText = publishedPorts.join(u", "_s);
        for (const EnvironmentUrl &url : env.databaseUrls) {
            if (url.sqlite) {
                lines.append(url.sqliteMemory ? tr("SQLite in memory") : tr("SQLite file"));
                tips.append(tr("%1: SQLite, no PostgreSQL server").arg(url.name));
                continue;
            }
            const int port = url.port.value_or(5432);
            const QString where = (url.host.isEmpty() ? tr("(local socket)") : url.host) + u':' + QString::number(port);
            lines.append(where);
            QString tip = url.name + u": "_s + where;
            // Only a compose server can be compared: from the host through a published port, from
            // another service through the container's own port.
            if (!env.serverService.isEmpty()) {
                if (isLoopback(url.host) && !published.contains(port)) {
                    cell.conflict = true;
                    tip += u"\n"_s
                        + (published.isEmpty()
                               ? tr("The server publishes no port on the host, so %1 cannot reach it").arg(where)
                               : tr("The server is published on %1, not on %2").arg(publishedText, where));
                } else if (!isLoopback(url.host) && !url.host.isEmpty() && !targets.isEmpty()
                           && !targets.contains(port)) {
                    cell.conflict = true;
                    tip += u"\n"_s
                        + tr("Inside the compose network the server listens on its container port, not %1").arg(port);
                }
            }
            tips.append(tip);
        }
        break;
    }
    case PublishedPorts:
        for (const ComposePort &port : env.publishedPorts) {
            lines.append(portText(port));
            tips.append(withSource(portText(port), port.source));
        }
        if (!env.publishedPorts.isEmpty())
            cell.source = env.publishedPorts.first().source;
        break;
    case SslMode:
        for (const EnvironmentUrl &url : env.databaseUrls) {
            if (url.sqlite)
                continue;
            const QString mode = url.sslmode.isEmpty() ? tr("prefer (libpq's default)") : url.sslmode;
            lines.append(mode);
            tips.append(withSource(url.name + u": "_s + mode, url.source));
        }
        break;
    case Passwords:
        for (const PasswordSource &password : env.passwordSources) {
            lines.append(password.name + u": "_s + PasswordSource::kindId(password.kind));
            tips.append(withSource(lines.last(), password.source));
        }
        if (!env.passwordSources.isEmpty())
            cell.source = env.passwordSources.first().source;
        break;
    case ServerConf:
        cell.text = env.postgresqlConf.isEmpty() ? tr("built-in / data directory") : env.postgresqlConf;
        if (!env.postgresqlConf.isEmpty())
            cell.source = SourceRef {env.postgresqlConf, 0};
        break;
    case ServerHba:
        cell.text = env.pgHba.isEmpty() ? tr("built-in / data directory") : env.pgHba;
        if (!env.pgHba.isEmpty())
            cell.source = SourceRef {env.pgHba, 0};
        break;
    case CommandLine:
        for (const auto &setting : env.commandLineSettings) {
            lines.append(setting.name + u'=' + setting.value);
            tips.append(withSource(lines.last(), setting.source));
        }
        if (!env.commandLineSettings.isEmpty())
            cell.source = env.commandLineSettings.first().source;
        break;
    case InitdbArgs:
        cell.text = env.initdbArgs ? *env.initdbArgs : none;
        cell.source = env.initdbArgsSource;
        break;
    case Healthcheck:
        cell.text = env.healthcheck.isEmpty() ? none : env.healthcheck;
        cell.source = env.healthcheckSource;
        break;
    case FactCount:
        break;
    }
    if (cell.text.isEmpty()) {
        cell.text = lines.isEmpty() ? none : lines.join(u'\n');
        cell.toolTip = tips.join(u'\n');
    }
    if (cell.toolTip.isEmpty())
        cell.toolTip = withSource(cell.text, cell.source);
    return cell;
}

} // namespace pgdial::ui::tools::environments
