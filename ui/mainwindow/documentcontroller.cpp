#include "mainwindow/documentcontroller.h"

#include "document/documentmanager.h"
#include "document/projectdocument.h"
#include "widgets/diffpreviewdialog.h"

#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace pgdial::ui::mainwindow {

DocumentController::DocumentController(document::DocumentManager *documents, QWidget *window)
    : QObject(window)
    , m_documents(documents)
    , m_window(window)
{
    connect(documents, &document::DocumentManager::changedOnDisk, this, &DocumentController::onChangedOnDisk);
}

bool DocumentController::save(document::ProjectDocument *document)
{
    return document ? saveDocuments({document}) : true;
}

bool DocumentController::saveAll()
{
    return saveDocuments(m_documents->modifiedDocuments());
}

bool DocumentController::saveDocuments(QList<document::ProjectDocument *> documents)
{
    documents.removeIf(
        [](document::ProjectDocument *document) { return !document->isModified() || !document->isEditable(); });
    if (documents.isEmpty()) {
        Q_EMIT statusMessage(tr("Nothing to save"));
        return true;
    }
    QList<widgets::DiffPreviewDialog::Entry> entries;
    for (document::ProjectDocument *document : std::as_const(documents))
        entries.append(
            {document->relativePath(), document->savedBytes(), document->bytes(), document->secretsRevealed()});
    widgets::DiffPreviewDialog preview(entries, widgets::DiffPreviewDialog::Mode::Save, m_window);
    if (preview.exec() != QDialog::Accepted)
        return false;

    QStringList backups;
    for (document::ProjectDocument *document : std::as_const(documents)) {
        core::base::Result<QString> written = m_documents->save(document);
        if (!written && written.error().code == u"save.read-only"_s) {
            // Someone marked the file as not to be edited (0444): replace it only when asked to.
            QMessageBox ask(QMessageBox::Warning, tr("Read-only file"), written.error().message, QMessageBox::NoButton,
                            m_window);
            ask.setObjectName(u"readOnlySavePrompt"_s);
            ask.setInformativeText(tr("Replace %1 anyway?").arg(document->relativePath()));
            QPushButton *replace = ask.addButton(tr("Replace"), QMessageBox::AcceptRole);
            replace->setObjectName(u"readOnlyReplaceButton"_s);
            QPushButton *cancel = ask.addButton(QMessageBox::Cancel);
            cancel->setObjectName(u"readOnlyCancelButton"_s);
            ask.setDefaultButton(cancel);
            ask.exec();
            if (ask.clickedButton() != replace)
                return false;
            written = m_documents->save(document, true);
        }
        if (!written) {
            QMessageBox box(QMessageBox::Critical, tr("Cannot save"), written.error().message, QMessageBox::Ok,
                            m_window);
            box.setObjectName(u"saveErrorBox"_s);
            box.exec();
            return false;
        }
        if (!written->isEmpty())
            backups.append(QDir::toNativeSeparators(*written));
    }
    Q_EMIT statusMessage(backups.isEmpty()
                             ? tr("Saved %n file(s)", nullptr, static_cast<int>(documents.size()))
                             : tr("Saved %n file(s); backup: %1", nullptr, static_cast<int>(documents.size()))
                                   .arg(backups.join(u", "_s)));
    return true;
}

bool DocumentController::confirmDiscard()
{
    const QList<document::ProjectDocument *> modified = m_documents->modifiedDocuments();
    if (modified.isEmpty())
        return true;
    QStringList names;
    for (document::ProjectDocument *document : modified)
        names.append(document->relativePath());
    QMessageBox box(QMessageBox::Warning, tr("Unsaved changes"),
                    tr("%n file(s) have unsaved changes:", nullptr, static_cast<int>(modified.size())) + u"\n\n"_s
                        + names.join(u'\n'),
                    QMessageBox::NoButton, m_window);
    box.setObjectName(u"unsavedChangesPrompt"_s);
    box.setInformativeText(tr("Save them before closing?"));
    QPushButton *save = box.addButton(QMessageBox::Save);
    save->setObjectName(u"unsavedSaveButton"_s);
    save->setToolTip(tr("Review and save every changed file"));
    QPushButton *discard = box.addButton(QMessageBox::Discard);
    discard->setObjectName(u"unsavedDiscardButton"_s);
    discard->setToolTip(tr("Close without saving: the changes are lost"));
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    cancel->setObjectName(u"unsavedCancelButton"_s);
    cancel->setToolTip(tr("Keep editing"));
    box.setDefaultButton(save);
    box.exec();
    if (box.clickedButton() == discard)
        return true;
    if (box.clickedButton() == save)
        return saveAll();
    return false;
}

void DocumentController::onChangedOnDisk(document::ProjectDocument *document, const QByteArray &diskBytes,
                                         bool reloaded)
{
    if (reloaded) {
        Q_EMIT statusMessage(tr("%1 changed on disk and was reloaded").arg(document->relativePath()));
        return;
    }
    if (m_asking.contains(document))
        return; // the open question will read the file again when answered
    m_asking.insert(document);
    QPointer<document::ProjectDocument> guard(document);
    QByteArray disk = diskBytes;
    while (guard) {
        QMessageBox box(
            QMessageBox::Question, tr("File changed on disk"),
            tr("%1 was changed by another program, and you have unsaved changes in it.").arg(document->relativePath()),
            QMessageBox::NoButton, m_window);
        box.setObjectName(u"externalChangePrompt"_s);
        box.setInformativeText(tr("Reload it from disk (your changes are lost), keep your version (saving will "
                                  "overwrite theirs), or compare the two first?"));
        QPushButton *reload = box.addButton(tr("&Reload"), QMessageBox::DestructiveRole);
        reload->setObjectName(u"externalReloadButton"_s);
        reload->setToolTip(tr("Replace your changes with the file on disk"));
        QPushButton *keep = box.addButton(tr("&Keep Mine"), QMessageBox::RejectRole);
        keep->setObjectName(u"externalKeepButton"_s);
        keep->setToolTip(tr("Keep your version; the next save replaces the file on disk"));
        QPushButton *diff = box.addButton(tr("See the &Diff"), QMessageBox::ActionRole);
        diff->setObjectName(u"externalDiffButton"_s);
        diff->setToolTip(tr("Compare the file on disk with your version"));
        box.setDefaultButton(keep);
        box.exec();
        if (!guard)
            break;
        // Answer against what is on disk now, not what it was when we asked.
        QFile file(document->absolutePath());
        if (file.open(QIODevice::ReadOnly))
            disk = file.readAll();
        if (box.clickedButton() == diff) {
            widgets::DiffPreviewDialog compare(
                {{document->relativePath(), disk, document->bytes(), document->secretsRevealed()}},
                widgets::DiffPreviewDialog::Mode::Compare, m_window);
            compare.exec();
            continue;
        }
        if (box.clickedButton() == reload) {
            document->reload(disk);
            Q_EMIT statusMessage(tr("Reloaded %1 from disk").arg(document->relativePath()));
        } else {
            document->keepOver(disk);
            Q_EMIT statusMessage(tr("Kept your version of %1").arg(document->relativePath()));
        }
        break;
    }
    m_asking.remove(document);
}

} // namespace pgdial::ui::mainwindow
