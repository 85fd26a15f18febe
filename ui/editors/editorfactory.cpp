#include "editors/editorfactory.h"

#include "document/projectcontext.h"
#include "document/projectdocument.h"
#include "editors/app/appconfigeditor.h"
#include "editors/app/enveditor.h"
#include "editors/hba/hbaeditorpage.h"
#include "editors/settings/settingseditor.h"

#include <QCoreApplication>

namespace pgdial::ui::editors::EditorFactory {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("pgdial::ui::EditorFactory", text);
}
} // namespace

QList<EditorPage> createEditors(document::ProjectDocument *document, document::ProjectContext *context, QWidget *parent)
{
    QList<EditorPage> pages;
    if (!document || !document->isEditable())
        return pages;
    switch (document->kind()) {
    case core::project::FileKind::PostgresqlConf:
        if (context && context->project())
            pages.append({tr("Settings"), new editors::settings::SettingsEditor(document, context, parent)});
        break;
    case core::project::FileKind::PgHba:
        pages.append({tr("Rules"), new editors::hba::HbaEditorPage(document, context, parent)});
        break;
    case core::project::FileKind::AppConfig:
        pages.append({tr("Database"), new editors::app::AppConfigEditor(document, context, parent)});
        break;
    case core::project::FileKind::Env:
    case core::project::FileKind::EnvExample:
        pages.append({tr("Variables"), new editors::app::EnvEditor(document, context, parent)});
        break;
    case core::project::FileKind::PgIdent:
    case core::project::FileKind::Compose:
    case core::project::FileKind::InitScript:
        break;
    }
    return pages;
}

} // namespace pgdial::ui::editors::EditorFactory
