#include "editorfactory.h"

#include "document/projectcontext.h"
#include "document/projectdocument.h"
#include "editors/settings/settingseditor.h"

#include <QCoreApplication>

namespace pgdial::ui::EditorFactory {

QList<EditorPage> createEditors(ProjectDocument *document, ProjectContext *context, QWidget *parent)
{
    QList<EditorPage> pages;
    if (!document || !document->isEditable())
        return pages;
    switch (document->kind()) {
    case core::FileKind::PostgresqlConf:
        if (context && context->project())
            pages.append({QCoreApplication::translate("pgdial::ui::EditorFactory", "Settings"),
                          new SettingsEditor(document, context, parent)});
        break;
    case core::FileKind::PgHba:
    case core::FileKind::AppConfig:
    case core::FileKind::Env:
    case core::FileKind::EnvExample:
    case core::FileKind::PgIdent:
    case core::FileKind::Compose:
    case core::FileKind::InitScript:
        break;
    }
    return pages;
}

} // namespace pgdial::ui::EditorFactory
