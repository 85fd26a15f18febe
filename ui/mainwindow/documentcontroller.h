#pragma once

#include <QList>
#include <QObject>
#include <QSet>

class QWidget;

namespace pgdial::ui::document {
class DocumentManager;
class ProjectDocument;
} // namespace pgdial::ui::document

namespace pgdial::ui::mainwindow {

// The conversations around documents: Save / Save All with a diff preview first, the
// "changed on disk" question (reload, keep mine, see the diff), and "save, discard or cancel"
// before unsaved changes would be lost. Dialogs are modal children of `window` with
// objectNames tests can find (see the .cpp).
class DocumentController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentController)

public:
    DocumentController(document::DocumentManager *documents, QWidget *window);

    // Each returns true when everything asked for was written (or nothing needed writing).
    bool save(document::ProjectDocument *document);
    bool saveAll();
    bool saveDocuments(QList<document::ProjectDocument *> documents);

    // Before closing the window or the project: true when it may go ahead (saved or discarded).
    bool confirmDiscard();

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    document::DocumentManager *m_documents;
    QWidget *m_window;
    QSet<document::ProjectDocument *> m_asking;

    void onChangedOnDisk(document::ProjectDocument *document, const QByteArray &diskBytes, bool reloaded);
};

} // namespace pgdial::ui::mainwindow
