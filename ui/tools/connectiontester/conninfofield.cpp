#include "tools/connectiontester/conninfofield.h"

#include "probe/conninfoinspector.h"

#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace pgdial::ui::tools::connectiontester {

using core::probe::ConninfoInspector;

ConninfoField::ConninfoField(QWidget *parent)
    : QComboBox(parent)
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(30);
    lineEdit()->setPlaceholderText(tr("postgresql://user@host:5432/dbname?sslmode=require, or host=... port=..."));
    lineEdit()->setObjectName(u"conninfoLineEdit"_s);
    connect(lineEdit(), &QLineEdit::editingFinished, this, &ConninfoField::maskTyped);
    connect(this, &QComboBox::activated, this, [this] {
        m_typed.clear();
        showStart();
    });
}

void ConninfoField::showStart()
{
    // The start says what the string is (scheme, user, host); the tail is often a long sslrootcert path.
    lineEdit()->setCursorPosition(0);
}

void ConninfoField::selectCandidate(int row)
{
    setCurrentIndex(row);
    setEditText(itemText(row));
    m_typed.clear();
    showStart();
}

QString ConninfoField::displayText(const Candidate &candidate)
{
    return ConninfoInspector::maskConninfoText(candidate.conninfo);
}

void ConninfoField::setCandidates(const QList<Candidate> &candidates)
{
    m_candidates = candidates;
    const QString current = currentText();
    clear();
    for (const Candidate &candidate : candidates) {
        addItem(displayText(candidate));
        setItemData(count() - 1, candidate.label, Qt::ToolTipRole);
    }
    if (!candidates.isEmpty() && (current.isEmpty() || current == displayText(candidates.first())))
        setCurrentIndex(0);
    else
        setEditText(current);
    showStart();
}

std::optional<int> ConninfoField::candidateRow() const
{
    const QString text = currentText();
    for (qsizetype i = 0; i < m_candidates.size(); ++i)
        if (displayText(m_candidates.at(i)) == text)
            return int(i);
    return std::nullopt;
}

void ConninfoField::setTypedConninfo(const QString &conninfo)
{
    setEditText(conninfo);
    maskTyped();
    showStart();
}

void ConninfoField::maskTyped()
{
    if (m_typed.isEmpty() && candidateRow())
        return;
    const QString text = currentText().trimmed();
    const QString unmasked = conninfo();
    m_typed = unmasked;
    const QString masked = ConninfoInspector::maskConninfoText(unmasked);
    if (masked != text)
        setEditText(masked);
    if (!lineEdit()->hasFocus())
        showStart();
}

QString ConninfoField::conninfo() const
{
    // A typed string wins over a candidate that masks the same (same URL, another password).
    const QString text = currentText().trimmed();
    const QString masked = ConninfoInspector::maskConninfoText(m_typed);
    if (!m_typed.isEmpty() && text == masked)
        return m_typed;
    if (const auto row = candidateRow())
        return m_candidates.at(*row).conninfo;
    if (m_typed.isEmpty())
        return text;
    // The masked text was edited: put the hidden secret back where its mask still stands. The
    // secret is what differs between the typed text and its masked form.
    qsizetype prefix = 0;
    while (prefix < masked.size() && prefix < m_typed.size() && masked.at(prefix) == m_typed.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < masked.size() - prefix && suffix < m_typed.size() - prefix
           && masked.at(masked.size() - 1 - suffix) == m_typed.at(m_typed.size() - 1 - suffix))
        ++suffix;
    const QString mask = masked.mid(prefix, masked.size() - prefix - suffix);
    const QString secret = m_typed.mid(prefix, m_typed.size() - prefix - suffix);
    if (mask.isEmpty() || !text.contains(mask))
        return text;
    QString restored = text;
    restored.replace(restored.indexOf(mask), mask.size(), secret);
    return restored;
}

std::optional<core::probe::ConninfoOrigin> ConninfoField::origin() const
{
    if (!m_typed.isEmpty() && currentText().trimmed() == ConninfoInspector::maskConninfoText(m_typed))
        return std::nullopt;
    if (const auto row = candidateRow())
        return m_candidates.at(*row).origin;
    return std::nullopt;
}

} // namespace pgdial::ui::tools::connectiontester
