#include "environments/composedocument.h"

#include "appconfig/composefile.h"
#include "appconfig/yamlguard.h"
#include "environments/postgrescommandline.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace pgdial::core::environments {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ComposeDocument", text);
}

QString toQString(const std::string &s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QString folderOf(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash < 0 ? QString() : path.left(slash);
}

struct Entry
{
    QString key;
    YAML::Node value;
    int line = 0; // of the key
};

// A mapping's entries with YAML merge keys applied: `<<: *base` or `<<: [*a, *b]` contribute the
// keys the mapping does not set itself (yaml-cpp 0.7 leaves `<<` as an ordinary key).
QList<Entry> entries(const YAML::Node &map, int depth = 0)
{
    QList<Entry> own;
    QList<Entry> merged;
    if (!map.IsMap() || depth > 16)
        return own;
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (!it->first.IsScalar())
            continue;
        const QString key = toQString(it->first.Scalar());
        if (key == u"<<") {
            const YAML::Node source = it->second;
            if (source.IsMap()) {
                merged.append(entries(source, depth + 1));
            } else if (source.IsSequence()) {
                for (const YAML::Node &item : source)
                    for (const Entry &e : entries(item, depth + 1))
                        if (std::none_of(merged.cbegin(), merged.cend(),
                                         [&e](const Entry &m) { return m.key == e.key; }))
                            merged.append(e);
            }
            continue;
        }
        own.append({key, it->second, it->first.Mark().line + 1});
    }
    for (const Entry &e : std::as_const(merged))
        if (std::none_of(own.cbegin(), own.cend(), [&e](const Entry &o) { return o.key == e.key; }))
            own.append(e);
    return own;
}

YAML::Node child(const YAML::Node &map, const QString &key)
{
    for (const Entry &e : entries(map))
        if (e.key == key)
            return e.value;
    return YAML::Node();
}

int lineOf(const YAML::Node &node)
{
    return node.Mark().is_null() ? 0 : node.Mark().line + 1;
}

QString scalar(const YAML::Node &node)
{
    return node.IsScalar() ? toQString(node.Scalar()) : QString();
}

// What a service says about `extends`, before it is resolved.
struct RawService
{
    ComposeServiceSpec spec;
    QString extendsService;
    QString extendsFile; // project-relative; empty: this file
    SourceRef extendsSource;
};

class Reader
{
public:
    Reader(const QString &fileName, const ComposeDocument::Interpolate &interpolate)
        : m_fileName(fileName)
        , m_folder(folderOf(fileName))
        , m_interpolate(interpolate)
    { }

    SourceRef at(const YAML::Node &node) const { return {m_fileName, lineOf(node)}; }
    SourceRef at(int line) const { return {m_fileName, line}; }

    QString text(const YAML::Node &node) const
    {
        const QString raw = scalar(node);
        return m_interpolate && raw.contains(u'$') ? m_interpolate(raw, at(node)) : raw;
    }

    QString projectPath(const QString &path) const { return appconfig::ComposeService::projectPath(m_folder, path); }

    RawService service(const Entry &entry) const
    {
        RawService raw;
        ComposeServiceSpec &s = raw.spec;
        s.name = entry.key;
        s.source = at(entry.line);
        for (const Entry &e : entries(entry.value)) {
            const YAML::Node &v = e.value;
            if (e.key == u"image") {
                s.image = text(v);
                s.imageSource = at(v);
            } else if (e.key == u"container_name") {
                s.containerName = text(v);
            } else if (e.key == u"environment") {
                readEnvironment(v, s);
            } else if (e.key == u"env_file") {
                readEnvFiles(v, s);
            } else if (e.key == u"ports" && v.IsSequence()) {
                for (const YAML::Node &port : v)
                    readPort(port, s);
            } else if (e.key == u"volumes" && v.IsSequence()) {
                for (const YAML::Node &volume : v)
                    readVolume(volume, s);
            } else if (e.key == u"command") {
                readCommand(v, s);
            } else if (e.key == u"secrets") {
                s.secrets = references(v, u"source"_s);
            } else if (e.key == u"networks") {
                s.networks = references(v, {});
            } else if (e.key == u"depends_on") {
                s.dependsOn = references(v, {});
            } else if (e.key == u"healthcheck") {
                const YAML::Node test = child(v, u"test"_s);
                QStringList words;
                if (test.IsSequence()) {
                    for (const YAML::Node &word : test)
                        words.append(text(word));
                    if (!words.isEmpty() && (words.first() == u"CMD" || words.first() == u"CMD-SHELL"))
                        words.removeFirst();
                } else if (test.IsScalar()) {
                    words.append(text(test));
                }
                s.healthcheck = words.join(u' ');
                s.healthcheckSource = at(test.IsDefined() ? test : v);
            } else if (e.key == u"scale") {
                readReplicas(v, s);
            } else if (e.key == u"deploy") {
                const YAML::Node replicas = child(v, u"replicas"_s);
                if (replicas.IsScalar())
                    readReplicas(replicas, s);
            } else if (e.key == u"extends") {
                raw.extendsSource = at(v);
                if (v.IsScalar()) {
                    raw.extendsService = text(v);
                } else {
                    raw.extendsService = text(child(v, u"service"_s));
                    const QString file = text(child(v, u"file"_s));
                    if (!file.isEmpty())
                        raw.extendsFile = projectPath(file);
                }
            }
        }
        return raw;
    }

private:
    void readEnvironment(const YAML::Node &v, ComposeServiceSpec &s) const
    {
        if (v.IsSequence()) {
            for (const YAML::Node &item : v) {
                const QString written = scalar(item);
                const qsizetype eq = written.indexOf(u'=');
                ComposeEnvironmentEntry entry;
                entry.source = at(item);
                entry.key = eq < 0 ? written : written.left(eq);
                entry.valueless = eq < 0;
                entry.written = eq < 0 ? QString() : written.mid(eq + 1);
                entry.value = m_interpolate && entry.written.contains(u'$') ? m_interpolate(entry.written, entry.source)
                                                                            : entry.written;
                s.environment.append(entry);
            }
        } else {
            for (const Entry &e : entries(v)) {
                ComposeEnvironmentEntry entry;
                entry.key = e.key;
                entry.source = at(e.line);
                entry.valueless = !e.value.IsScalar() || (e.value.IsNull());
                entry.written = scalar(e.value);
                entry.value = text(e.value);
                s.environment.append(entry);
            }
        }
    }

    void readEnvFiles(const YAML::Node &v, ComposeServiceSpec &s) const
    {
        const auto add = [&](const YAML::Node &node, bool required) {
            ComposeEnvFileRef ref;
            ref.path = text(node);
            ref.projectPath
                = projectPath(ref.path.startsWith(u'.') || ref.path.contains(u'/') ? ref.path : u"./"_s + ref.path);
            ref.required = required;
            ref.source = at(node);
            if (!ref.path.isEmpty())
                s.envFiles.append(ref);
        };
        if (v.IsScalar()) {
            add(v, true);
        } else if (v.IsSequence()) {
            for (const YAML::Node &item : v) {
                if (item.IsScalar()) {
                    add(item, true);
                } else if (item.IsMap()) {
                    const YAML::Node required = child(item, u"required"_s);
                    add(child(item, u"path"_s), !(required.IsScalar() && scalar(required) == u"false"));
                }
            }
        }
    }

    void readPort(const YAML::Node &port, ComposeServiceSpec &s) const
    {
        ComposePort mapping;
        mapping.source = at(port);
        if (port.IsScalar()) {
            // [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]; an IPv6 host IP comes in brackets.
            QString spec = text(port).section(u'/', 0, 0).trimmed();
            if (spec.startsWith(u'[')) {
                const qsizetype close = spec.indexOf(u']');
                if (close < 0)
                    return;
                mapping.hostIp = spec.mid(1, close - 1);
                spec = spec.mid(close + 2);
            }
            QStringList parts = spec.split(u':');
            if (parts.size() == 3 && mapping.hostIp.isEmpty())
                mapping.hostIp = parts.takeFirst();
            bool ok = false;
            mapping.target = parts.last().section(u'-', 0, 0).toInt(&ok);
            if (!ok)
                return;
            if (parts.size() >= 2) {
                const int published = parts.at(parts.size() - 2).section(u'-', 0, 0).toInt(&ok);
                if (ok)
                    mapping.published = published;
            }
        } else if (port.IsMap()) {
            bool ok = false;
            mapping.target = text(child(port, u"target"_s)).toInt(&ok);
            if (!ok)
                return;
            const int published = text(child(port, u"published"_s)).section(u'-', 0, 0).toInt(&ok);
            if (ok)
                mapping.published = published;
            mapping.hostIp = text(child(port, u"host_ip"_s));
        } else {
            return;
        }
        s.ports.append(mapping);
    }

    void readVolume(const YAML::Node &volume, ComposeServiceSpec &s) const
    {
        ComposeMount mount;
        mount.where = at(volume);
        if (volume.IsScalar()) {
            const QStringList parts = text(volume).split(u':');
            if (parts.size() < 2)
                return;
            mount.source = parts.at(0);
            mount.target = parts.at(1);
        } else if (volume.IsMap()) {
            mount.source = text(child(volume, u"source"_s));
            mount.target = text(child(volume, u"target"_s));
            if (mount.target.isEmpty())
                return;
        } else {
            return;
        }
        mount.projectPath = projectPath(mount.source);
        s.volumes.append(mount);
    }

    void readCommand(const YAML::Node &v, ComposeServiceSpec &s) const
    {
        if (v.IsSequence()) {
            for (const YAML::Node &word : v)
                s.command.append({text(word), at(word)});
        } else if (v.IsScalar()) {
            for (const QString &word : PostgresCommandLine::split(text(v)))
                s.command.append({word, at(v)});
        }
    }

    void readReplicas(const YAML::Node &v, ComposeServiceSpec &s) const
    {
        bool ok = false;
        const int count = text(v).toInt(&ok);
        if (ok) {
            s.replicas = count;
            s.replicasSource = at(v);
        }
    }

    // A list of names, or a mapping of name -> options (`condition:` for depends_on); the long
    // form of a service's secrets is a list of {source: name, target: ...}.
    QList<ComposeReference> references(const YAML::Node &v, const QString &longKey) const
    {
        QList<ComposeReference> out;
        if (v.IsSequence()) {
            for (const YAML::Node &item : v) {
                if (item.IsScalar())
                    out.append({text(item), {}, at(item)});
                else if (!longKey.isEmpty() && item.IsMap())
                    out.append({text(child(item, longKey)), {}, at(item)});
            }
        } else {
            for (const Entry &e : entries(v))
                out.append({e.key, text(child(e.value, u"condition"_s)), at(e.line)});
        }
        return out;
    }

    QString m_fileName;
    QString m_folder;
    ComposeDocument::Interpolate m_interpolate;
};

base::Diagnostic diagnostic(base::Severity severity, const QString &code, const SourceRef &where,
                            const QString &message, const QString &suggestion = {})
{
    base::Diagnostic d;
    d.severity = severity;
    d.code = code;
    d.file = where.file;
    d.line = where.line;
    d.message = message;
    d.suggestion = suggestion;
    return d;
}

} // namespace

std::optional<ComposeServiceSpec> ComposeDocument::service(const QString &name) const
{
    for (const ComposeServiceSpec &s : m_services)
        if (s.name == name)
            return s;
    return std::nullopt;
}

std::optional<ComposeSecret> ComposeDocument::secret(const QString &name) const
{
    for (const ComposeSecret &s : m_secrets)
        if (s.name == name)
            return s;
    return std::nullopt;
}

ComposeDocument ComposeDocument::parse(const base::TextDocument &document, const QString &fileName,
                                       const Interpolate &interpolate, const Loader &loader)
{
    return parse(document, fileName, interpolate, loader, 0);
}

ComposeDocument ComposeDocument::parse(const base::TextDocument &document, const QString &fileName,
                                       const Interpolate &interpolate, const Loader &loader, int depth)
{
    ComposeDocument file;
    file.m_fileName = fileName;
    const QByteArray bytes = document.toBytes();
    if (const std::optional<base::Diagnostic> refused = appconfig::YamlGuard::check(bytes, fileName)) {
        file.m_diagnostics.append(*refused);
        return file;
    }
    const Reader reader(fileName, interpolate);
    QList<RawService> raw;
    try {
        const YAML::Node root = YAML::Load(std::string(bytes.constData(), static_cast<size_t>(bytes.size())));
        for (const Entry &e : entries(child(root, u"services"_s)))
            if (e.value.IsMap())
                raw.append(reader.service(e));
        for (const Entry &e : entries(child(root, u"secrets"_s))) {
            ComposeSecret secret;
            secret.name = e.key;
            secret.source = reader.at(e.line);
            secret.file = reader.text(child(e.value, u"file"_s));
            if (!secret.file.isEmpty())
                secret.projectPath = reader.projectPath(secret.file);
            const YAML::Node external = child(e.value, u"external"_s);
            secret.external = external.IsDefined() && !external.IsNull() && scalar(external) != u"false";
            file.m_secrets.append(secret);
        }
        for (const Entry &e : entries(child(root, u"networks"_s)))
            file.m_networks.append({e.key, {}, reader.at(e.line)});
    } catch (const YAML::Exception &e) {
        base::Diagnostic d = diagnostic(base::Severity::Warning, u"app.compose-syntax"_s,
                                        {fileName, e.mark.is_null() ? 0 : e.mark.line + 1},
                                        tr("YAML syntax error: %1").arg(toQString(e.msg)));
        d.column = e.mark.is_null() ? 0 : e.mark.column + 1;
        file.m_diagnostics.append(d);
        return file;
    }

    // `extends`: the base service (in this file or another) under the service's own keys.
    QHash<QString, ComposeServiceSpec> resolved;
    std::function<std::optional<ComposeServiceSpec>(const QString &, QSet<QString> &)> resolve;
    resolve = [&](const QString &name, QSet<QString> &visiting) -> std::optional<ComposeServiceSpec> {
        if (resolved.contains(name))
            return resolved.value(name);
        const auto it
            = std::find_if(raw.cbegin(), raw.cend(), [&name](const RawService &r) { return r.spec.name == name; });
        if (it == raw.cend())
            return std::nullopt;
        if (it->extendsService.isEmpty()) {
            resolved.insert(name, it->spec);
            return it->spec;
        }
        if (visiting.contains(name)) {
            file.m_diagnostics.append(diagnostic(base::Severity::Warning, u"env.extends-loop"_s, it->extendsSource,
                                                 tr("Service %1 extends itself through `extends`").arg(name),
                                                 tr("Remove the loop between the services' `extends`")));
            return it->spec;
        }
        visiting.insert(name);
        std::optional<ComposeServiceSpec> base;
        if (it->extendsFile.isEmpty() || it->extendsFile == fileName) {
            base = resolve(it->extendsService, visiting);
        } else if (depth < maxExtendsDepth && loader) {
            if (const base::TextDocument *other = loader(it->extendsFile)) {
                const ComposeDocument otherFile = parse(*other, it->extendsFile, interpolate, loader, depth + 1);
                base = otherFile.service(it->extendsService);
            }
        }
        visiting.remove(name);
        ComposeServiceSpec spec = it->spec;
        if (base) {
            spec = it->spec.mergedOver(*base);
        } else {
            file.m_diagnostics.append(
                diagnostic(base::Severity::Warning, u"env.extends-not-found"_s, it->extendsSource,
                           tr("Service %1 extends %2, which pgdial cannot find%3")
                               .arg(name, it->extendsService,
                                    it->extendsFile.isEmpty() ? QString() : tr(" in %1").arg(it->extendsFile)),
                           tr("Check the `extends` service name and file")));
        }
        resolved.insert(name, spec);
        return spec;
    };
    for (const RawService &r : std::as_const(raw)) {
        QSet<QString> visiting;
        if (const auto spec = resolve(r.spec.name, visiting))
            file.m_services.append(*spec);
    }
    return file;
}

void ComposeDocument::overlay(const ComposeDocument &later)
{
    for (const ComposeServiceSpec &service : later.m_services) {
        const auto it = std::find_if(m_services.begin(), m_services.end(),
                                     [&service](const ComposeServiceSpec &s) { return s.name == service.name; });
        if (it == m_services.end())
            m_services.append(service);
        else
            *it = service.mergedOver(*it);
    }
    for (const ComposeSecret &secret : later.m_secrets) {
        const auto it = std::find_if(m_secrets.begin(), m_secrets.end(),
                                     [&secret](const ComposeSecret &s) { return s.name == secret.name; });
        if (it == m_secrets.end())
            m_secrets.append(secret);
        else
            *it = secret;
    }
    for (const ComposeReference &network : later.m_networks)
        if (std::none_of(m_networks.cbegin(), m_networks.cend(),
                         [&network](const auto &n) { return n.name == network.name; }))
            m_networks.append(network);
    m_diagnostics.append(later.m_diagnostics);
    m_fileName = later.m_fileName;
}

} // namespace pgdial::core::environments
