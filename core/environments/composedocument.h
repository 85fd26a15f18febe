#pragma once

#include "base/diagnostic.h"
#include "base/textdocument.h"
#include "environments/composeservicespec.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace pgdial::core::environments {

// A Docker Compose file read the way `docker compose config` reads it, as far as the database
// is concerned: merge keys (<<) and anchors, `extends` (same file or another), interpolation of
// ${VAR} through the caller's resolver, both port syntaxes, env_file lists, secrets, healthcheck,
// command. Every fact keeps its file and line. yaml-cpp's exceptions stop here (diagnostics).
class ComposeDocument
{
public:
    // Resolves ${VAR} in a value written at `where` (the environment's resolver); identity if null.
    using Interpolate = std::function<QString(const QString &text, const SourceRef &where)>;
    // The loaded text of another project file (`extends: {file: ...}`), or null when unavailable.
    using Loader = std::function<const base::TextDocument *(const QString &projectPath)>;

    static ComposeDocument parse(const base::TextDocument &document, const QString &fileName,
                                 const Interpolate &interpolate = {}, const Loader &loader = {});

    QString fileName() const { return m_fileName; }
    const QList<ComposeServiceSpec> &services() const { return m_services; }
    std::optional<ComposeServiceSpec> service(const QString &name) const;
    const QList<ComposeSecret> &secrets() const { return m_secrets; }
    std::optional<ComposeSecret> secret(const QString &name) const;
    const QList<ComposeReference> &networks() const { return m_networks; } // top-level declarations
    const base::Diagnostics &diagnostics() const { return m_diagnostics; }

    // `later` applied over this one, as `docker compose -f this -f later` does.
    void overlay(const ComposeDocument &later);

    static constexpr int maxExtendsDepth = 8;

private:
    static ComposeDocument parse(const base::TextDocument &document, const QString &fileName,
                                 const Interpolate &interpolate, const Loader &loader, int depth);

    QString m_fileName;
    QList<ComposeServiceSpec> m_services;
    QList<ComposeSecret> m_secrets;
    QList<ComposeReference> m_networks;
    base::Diagnostics m_diagnostics;
};

} // namespace pgdial::core::environments
