#include "editorfactory.h"

#include "app/appconfigeditor.h"
#include "app/enveditor.h"
#include "document/projectdocument.h"

#include <QCoreApplication>

namespace pgdial::ui::EditorFactory {

QList<EditorPage> createEditors(ProjectDocument *document, ProjectContext *context, QWidget *parent)
{
    QList<EditorPage> pages;
    if (!document || !document->isEditable())
        return pages;
    switch (document->kind()) {
    case core::FileKind::PostgresqlConf:
    case core::FileKind::PgHba:
        break;
    case core::FileKind::AppConfig:
        pages.append({QCoreApplication::translate("EditorFactory", "Database"), new AppConfigEditor(document, context, parent)});
        break;
    case core::FileKind::Env:
    case core::FileKind::EnvExample:
        pages.append({QCoreApplication::translate("EditorFactory", "Variables"), new EnvEditor(document, context, parent)});
        break;
    case core::FileKind::PgIdent:
    case core::FileKind::Compose:
    case core::FileKind::InitScript:
        break;
    }
    return pages;
}

} // namespace pgdial::ui::EditorFactory
