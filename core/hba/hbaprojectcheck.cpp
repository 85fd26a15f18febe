#include "hba/hbaprojectcheck.h"

#include "hba/hbaanalyzer.h"
#include "hba/hbalint.h"
#include "hba/hbaparser.h"
#include "project/project.h"

namespace pgdial::core::hba {

base::Diagnostics checkProjectHbaFiles(const project::Project &project, const project::ServerSettingLookup &settings)
{
    base::Diagnostics diagnostics;
    for (const auto &file : project.files()) {
        if (file->kind != project::FileKind::PgHba || file->includedBy || !file->isLoaded())
            continue;
        const HbaParseOptions options
            = HbaParseOptions::forServer(project.settings.pgVersion, project.settings.serverBuildFeatures);
        const HbaFile parsed
            = HbaParser::parse(file->document->toBytes(), file->absolutePath, options, project.rootPath());
        diagnostics += parsed.diagnostics;
        // Dead rules and lint only mean something for a file the server would load.
        if (!parsed.ok)
            continue;
        HbaLintOptions lintOptions;
        lintOptions.majorVersion = project.settings.pgVersion;
        lintOptions.settings = settings;
        lintOptions.document = [&project](const QString &relativePath) -> const base::TextDocument * {
            for (const auto &candidate : project.files()) {
                if (candidate->relativePath == relativePath && candidate->isLoaded())
                    return &*candidate->document;
            }
            return nullptr;
        };
        diagnostics += HbaLint::lint(parsed, lintOptions);
        diagnostics += HbaAnalyzer(parsed).diagnostics();
    }
    return diagnostics;
}

} // namespace pgdial::core::hba
