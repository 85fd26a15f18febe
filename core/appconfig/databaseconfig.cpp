#include "appconfig/databaseconfig.h"

#include "appconfig/connectionurl.h"
#include "appconfig/connectionurlchecker.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace pgdial::core::appconfig {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DatabaseConfig", text);
}

struct Bounds
{
    QString key;
    int min;
    int max;
};

const QList<Bounds> &bounds()
{
    static const QList<Bounds> list {{u"pool_size"_s, 1, 100},
                                     {u"max_overflow"_s, 0, 100},
                                     {u"pool_timeout"_s, 1, 300},
                                     {u"pool_recycle"_s, 300, 7200}};
    return list;
}

} // namespace

DatabaseConfig DatabaseConfig::resolve(const AppConfigFile &file, const VariableResolver &resolver)
{
    DatabaseConfig config;
    config.m_fileName = file.fileName();
    for (const ConfigScalar &scalar : file.databaseFields()) {
        DatabaseField field;
        field.key = scalar.path.last();
        field.scalar = scalar;
        const int column = scalar.column + (scalar.style == ScalarStyle::Plain ? 0 : 1);
        field.substitution = resolver.substitute(scalar.value, file.fileName(), scalar.line, column);
        config.m_fields.append(field);
    }
    return config;
}

std::optional<DatabaseField> DatabaseConfig::field(const QString &key) const
{
    for (const DatabaseField &field : m_fields)
        if (field.key == key)
            return field;
    return std::nullopt;
}

QString DatabaseConfig::defaultValue(const QString &key)
{
    static const QHash<QString, QString> defaults {
        {u"url"_s, u"postgresql://user:password@localhost:5432/appdb"_s},
        {u"pool_size"_s, u"20"_s},
        {u"max_overflow"_s, u"10"_s},
        {u"pool_timeout"_s, u"30"_s},
        {u"pool_recycle"_s, u"1800"_s},
        {u"environment_mode"_s, u"development"_s},
    };
    return defaults.value(key);
}

QString DatabaseConfig::value(const QString &key) const
{
    const std::optional<DatabaseField> f = field(key);
    return f ? f->value() : defaultValue(key);
}

std::optional<int> DatabaseConfig::intValue(const QString &key) const
{
    bool ok = false;
    const int number = value(key).trimmed().toInt(&ok);
    return ok ? std::optional<int>(number) : std::nullopt;
}

base::Diagnostics DatabaseConfigValidator::validate(const DatabaseConfig &config, const QString &projectRoot)
{
    base::Diagnostics out;
    auto at = [&](const DatabaseField &field, base::Severity severity, const QString &code, const QString &message,
                  const QString &suggestion) {
        base::Diagnostic d;
        d.severity = severity;
        d.code = code;
        d.file = config.fileName();
        d.line = field.scalar.line;
        d.column = field.scalar.column;
        d.message = message;
        d.suggestion = suggestion;
        const Provenance p = field.substitution.provenance();
        if (p.source == Provenance::Source::EnvFile)
            d.related.append(p.file + u':' + QString::number(p.line));
        return d;
    };
    for (const DatabaseField &field : config.fields())
        out.append(field.substitution.diagnostics);

    for (const Bounds &b : bounds()) {
        const std::optional<DatabaseField> field = config.field(b.key);
        if (!field)
            continue;
        bool ok = false;
        const int number = field->value().trimmed().toInt(&ok);
        const QString from = field->substitution.hasVariables()
            ? tr(" (value \"%1\" from %2)").arg(field->value(), field->substitution.provenance().describe())
            : QString();
        if (!ok) {
            out.append(at(*field, base::Severity::Error, u"app.invalid-value"_s,
                          tr("%1 must be an integer%2").arg(b.key, from),
                          tr("Write a whole number from %1 to %2").arg(b.min).arg(b.max)));
        } else if (number > b.max) {
            out.append(at(*field, base::Severity::Error, u"app.out-of-range"_s,
                          tr("%1 must be <= %2%3").arg(b.key).arg(b.max).arg(from),
                          tr("Use a value from %1 to %2").arg(b.min).arg(b.max)));
        } else if (number < b.min) {
            out.append(at(*field, base::Severity::Error, u"app.out-of-range"_s,
                          tr("%1 must be >= %2%3").arg(b.key).arg(b.min).arg(from),
                          tr("Use a value from %1 to %2").arg(b.min).arg(b.max)));
        }
    }

    // Names that resolve to nothing (an unset ${VAR} without default, or VAR= in .env).
    for (const QString &key : {u"app_db"_s, u"owner_user"_s, u"user"_s, u"ro_user"_s}) {
        const std::optional<DatabaseField> field = config.field(key);
        if (field && field->value().trimmed().isEmpty() && !field->scalar.value.trimmed().isEmpty())
            out.append(at(
                *field, base::Severity::Warning, u"app.empty-value"_s,
                tr("database.%1 resolves to an empty value (%2)").arg(key, field->substitution.provenance().describe()),
                tr("Set the variable it refers to, or give the expression a default: ${NAME:-value}")));
    }

    const QString mode = config.environmentMode();
    if (const std::optional<DatabaseField> field = config.field(u"environment_mode"_s)) {
        if (mode != u"development" && mode != u"production" && mode != u"testing")
            out.append(at(*field, base::Severity::Error, u"app.invalid-environment-mode"_s,
                          tr("environment_mode is \"%1\" (from %2); it must be development, production or testing")
                              .arg(mode, field->substitution.provenance().describe()),
                          tr("Set APP_ENVIRONMENT to development, production or testing")));
    }

    if (mode == u"production") {
        const std::optional<DatabaseField> pwFile = config.field(u"user_pw_file_path"_s);
        if (!pwFile || pwFile->value().trimmed().isEmpty()) {
            base::Diagnostic d;
            d.severity = base::Severity::Warning;
            d.code = u"app.production-password-file"_s;
            d.file = config.fileName();
            d.line = pwFile ? pwFile->scalar.line : 0;
            d.message = tr(
                "In production the database password must come from a secret file, but user_pw_file_path is not set");
            d.suggestion
                = tr("Set user_pw_file_path: \"${DATABASE_PASSWORD_FILE_PATH:-/run/secrets/postgres_app_user_pw}\"");
            out.append(d);
        } else {
            const QString path = pwFile->value().trimmed();
            const QFileInfo info(QDir(projectRoot), path);
            if (!info.exists()) {
                out.append(
                    at(*pwFile, base::Severity::Warning, u"app.secret-file-missing"_s,
                       tr("The password file \"%1\" does not exist here (it may exist only inside the container)")
                           .arg(path),
                       tr("Create the secret (infra/secrets/generate_secrets.sh) or mount it at this path")));
            } else if (info.permissions() & (QFileDevice::ReadOther | QFileDevice::WriteOther)) {
                out.append(at(*pwFile, base::Severity::Warning, u"app.secret-file-permissions"_s,
                              tr("The password file \"%1\" is readable by every user on the machine").arg(path),
                              tr("chmod 0600 %1 (or 0640 with the app's group)").arg(path)));
            }
        }
    }
    out.append(validateUrl(config, projectRoot));
    return out;
}

base::Diagnostics DatabaseConfigValidator::validateUrl(const DatabaseConfig &config, const QString &projectRoot)
{
    const std::optional<DatabaseField> url = config.field(u"url"_s);
    if (!url)
        return {};
    const ConnectionUrl parsed = ConnectionUrlParser::parse(url->value());
    ConnectionUrlChecker::Context context;
    context.environmentMode = config.environmentMode();
    context.baseDirectory = projectRoot;
    const QString configPlace = config.fileName() + u':' + QString::number(url->scalar.line);
    QString envPlace;
    // Point at the text to change: the .env line the URL came from, else config.yaml.
    const QList<VariableUse> &uses = url->substitution.uses;
    if (uses.size() >= 1 && uses.first().provenance.source == Provenance::Source::EnvFile
        && url->scalar.value.startsWith(u"${"_s) && url->scalar.value.endsWith(u'}')
        && url->scalar.value.indexOf(u'}') == url->scalar.value.size() - 1) {
        context.file = uses.first().provenance.file;
        context.line = uses.first().provenance.line;
        context.column = 0;
        context.rawText = uses.first().written; // as written in .env (its password may be a ${VAR})
        envPlace = context.file + u':' + QString::number(context.line);
    } else {
        context.file = config.fileName();
        context.line = url->scalar.line;
        context.column = url->scalar.column;
        context.rawText = url->scalar.value.contains(u"${"_s) && uses.size() == 1
                && uses.first().provenance.source == Provenance::Source::Default
            ? QString()
            : url->scalar.value;
    }
    base::Diagnostics out = ConnectionUrlChecker::check(parsed, context);
    for (base::Diagnostic &d : out) {
        if (!envPlace.isEmpty())
            d.related.append(configPlace);
        d.message
            += tr(" (database.url = %1, from %2)").arg(parsed.masked(), url->substitution.provenance().describe());
    }
    return out;
}

} // namespace pgdial::core::appconfig
