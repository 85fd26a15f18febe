#include "editorfactory.h"

#include "document/projectdocument.h"
#include "editors/hba/hbaeditorpage.h"

namespace pgdial::ui::EditorFactory {

QList<EditorPage> createEditors(ProjectDocument *document, ProjectContext *context, QWidget *parent)
{
    QList<EditorPage> pages;
    if (!document || !document->isEditable())
        return pages;
    switch (document->kind()) {
    case core::FileKind::PgHba:
        pages.append({HbaEditorPage::tr("Rules"), new HbaEditorPage(document, context, parent)});
        break;
    case core::FileKind::PostgresqlConf:
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
