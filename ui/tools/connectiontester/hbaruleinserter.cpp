#include "tools/connectiontester/hbaruleinserter.h"

#include "document/projectcontext.h"
#include "document/projectdocument.h"
#include "hba/hbaparser.h"
#include "hba/hbarejection.h"
#include "project/project.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace pgdial::ui::tools::connectiontester {

std::optional<HbaRuleInserter::Suggestion> HbaRuleInserter::suggest(const document::ProjectContext &context,
                                                                    const QString &hbaFile,
                                                                    const core::probe::ProbeReport &report)
{
    const auto project = context.project();
    if (!project || hbaFile.isEmpty() || report.verdict != core::probe::Verdict::HbaNoEntry)
        return std::nullopt;
    const core::probe::ProbeStage *auth = report.stage(u"auth"_s);
    if (!auth)
        return std::nullopt;
    const auto rejection = core::hba::HbaRejection::parse(auth->lines.join(u'\n') + u'\n' + auth->detail);
    if (!rejection)
        return std::nullopt;
    const auto mainFile = project->findFile(hbaFile);
    document::ProjectDocument *mainDocument = context.document(hbaFile);
    if (!mainFile || !mainDocument || !mainDocument->text())
        return std::nullopt;
    const core::hba::HbaParseOptions options
        = core::hba::HbaParseOptions::forServer(project->settings.pgVersion, project->settings.serverBuildFeatures);
    const core::hba::HbaFile parsed = core::hba::HbaParser::parse(mainDocument->text()->toBytes(),
                                                                  mainFile->absolutePath, options, project->rootPath());
    core::hba::HbaRuleProposal proposal = core::hba::HbaRuleProposer::propose(parsed, *rejection);
    if (proposal.admittedOverTls)
        return std::nullopt; // no rule to add: the client must use TLS (the probe's fix says so)
    if (proposal.file.isEmpty())
        proposal.file = hbaFile;
    document::ProjectDocument *target = context.document(proposal.file);
    if (!target || !target->text())
        return std::nullopt;
    Suggestion suggestion;
    suggestion.ruleText = proposal.ruleText;
    suggestion.file = proposal.file;
    suggestion.notes = proposal.notes;
    suggestion.bypassesReject = proposal.bypassesReject;
    suggestion.edit = core::hba::HbaRuleProposer::toEdit(*target->text(), proposal);
    suggestion.line = proposal.line > 0 ? proposal.line : target->text()->lineCount() + 1;
    return suggestion;
}

bool HbaRuleInserter::insert(document::ProjectContext &context, const Suggestion &suggestion)
{
    document::ProjectDocument *document = context.document(suggestion.file);
    if (!document || !document->isEditable())
        return false;
    return document->applyEdits(
        {suggestion.edit.edit},
        QCoreApplication::translate("HbaRuleInserter", "Add pg_hba.conf rule: %1").arg(suggestion.ruleText));
}

} // namespace pgdial::ui::tools::connectiontester
