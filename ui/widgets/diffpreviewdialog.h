#pragma once

#include <QByteArray>
#include <QDialog>
#include <QList>
#include <QString>

class QPlainTextEdit;
class QPushButton;

namespace pgdial::ui::widgets {

// Shows what a save will change: one unified diff per file, coloured. Secrets are masked in
// files whose secrets the user has not revealed. In Save mode the dialog's Save button accepts;
// in Compare mode (an external change) it only has Close.
class DiffPreviewDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiffPreviewDialog)

public:
    struct Entry
    {
        QString relativePath;
        QByteArray oldBytes;
        QByteArray newBytes;
        bool revealSecrets = false;
    };
    enum class Mode { Save, Compare };

    DiffPreviewDialog(const QList<Entry> &entries, Mode mode, QWidget *parent = nullptr);

    QString diffText() const;
    // The diff as shown (masked as the dialog masks it); also what tests read.
    static QString renderDiff(const QList<Entry> &entries);

private:
    QPlainTextEdit *m_text;
};

} // namespace pgdial::ui::widgets
