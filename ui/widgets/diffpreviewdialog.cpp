#include "widgets/diffpreviewdialog.h"

#include "base/linediff.h"
#include "base/secretmasker.h"
#include "widgets/diffhighlighter.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pgdial::ui::widgets {

QString DiffPreviewDialog::renderDiff(const QList<Entry> &entries)
{
    QString out;
    for (const Entry &entry : entries) {
        QString diff
            = core::base::LineDiff::unified(entry.oldBytes, entry.newBytes, entry.relativePath, entry.relativePath);
        if (diff.isEmpty())
            continue;
        if (!entry.revealSecrets) {
            QStringList lines = diff.split(u'\n');
            // Removed lines of the current change, masked and raw: a "+" line that masks the same
            // as one of them changed only its secret, which the mask would otherwise hide.
            QList<std::pair<QString, QString>> removed;
            for (QString &line : lines) {
                if (line.startsWith(u"---") || line.startsWith(u"+++") || line.startsWith(u"@@") || line.isEmpty()) {
                    removed.clear();
                    continue;
                }
                const QChar sign = line.at(0);
                const QString raw = line.mid(1);
                const QString masked = core::base::SecretMasker::maskLine(raw);
                line = sign + masked;
                if (sign == u'-') {
                    removed.append({masked, raw});
                } else if (sign == u'+') {
                    for (const auto &[maskedOld, rawOld] : std::as_const(removed)) {
                        if (maskedOld == masked && rawOld != raw) {
                            line += u"    "_s + tr("(secret changed)");
                            break;
                        }
                    }
                } else if (sign == u' ') {
                    removed.clear();
                }
            }
            diff = lines.join(u'\n');
        }
        if (!out.isEmpty())
            out += u'\n';
        out += diff;
    }
    return out;
}

DiffPreviewDialog::DiffPreviewDialog(const QList<Entry> &entries, Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_text(new QPlainTextEdit(this))
{
    setObjectName(u"diffPreviewDialog"_s);
    setWindowTitle(mode == Mode::Save ? tr("Save Changes") : tr("Changes on Disk"));
    resize(900, 600);

    auto *intro = new QLabel(mode == Mode::Save
                                 ? tr("These changes will be written. Every other byte of the files stays as it is.")
                                 : tr("Lines starting with - are on disk; lines starting with + are pgdial's."),
                             this);
    intro->setWordWrap(true);

    m_text->setObjectName(u"diffText"_s);
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setToolTip(tr("A unified diff of each file: removed lines in red, added lines in green"));
    new DiffHighlighter(m_text->document());
    const QString diff = renderDiff(entries);
    m_text->setPlainText(diff.isEmpty() ? tr("No differences.") : diff);

    auto *buttons = new QDialogButtonBox(this);
    if (mode == Mode::Save) {
        QPushButton *save = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
        save->setObjectName(u"diffSaveButton"_s);
        save->setToolTip(tr("Write these changes (a backup is kept as set in Preferences)"));
        save->setDefault(true);
        QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
        cancel->setObjectName(u"diffCancelButton"_s);
        cancel->setToolTip(tr("Go back to editing without writing anything"));
    } else {
        QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
        close->setObjectName(u"diffCloseButton"_s);
        close->setToolTip(tr("Close the comparison"));
    }
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);
}

QString DiffPreviewDialog::diffText() const
{
    return m_text->toPlainText();
}

} // namespace pgdial::ui::widgets
