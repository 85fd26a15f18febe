#pragma once

#include "probe/probeoptions.h"

#include <QComboBox>

#include <optional>

namespace pgdial::ui::tools::connectiontester {

// The connection string to test: the project's candidates (masked, with where each is written)
// or one typed or pasted. A typed password is masked as soon as editing ends; the real text stays
// in this widget's memory only (never in an item's text, QSettings or a log), and edits of the
// masked text keep the hidden password.
class ConninfoField final : public QComboBox
{
    Q_OBJECT

public:
    struct Candidate
    {
        QString conninfo; // may hold a password
        QString label; // where it comes from, for people
        std::optional<core::probe::ConninfoOrigin> origin;
    };

    explicit ConninfoField(QWidget *parent = nullptr);

    void setCandidates(const QList<Candidate> &candidates);
    // The connection string to probe, password included.
    QString conninfo() const;
    // Where the current string is written in the project (none when typed).
    std::optional<core::probe::ConninfoOrigin> origin() const;
    // Replaces the text as if typed (the password is masked at once).
    void setTypedConninfo(const QString &conninfo);
    // Chooses the project's candidate `row`, as picking it from the list does.
    void selectCandidate(int row);

private:
    QList<Candidate> m_candidates;
    QString m_typed; // the last typed string, unmasked; empty when a candidate was picked

    void maskTyped();
    void showStart();
    std::optional<int> candidateRow() const;
    static QString displayText(const Candidate &candidate);
};

} // namespace pgdial::ui::tools::connectiontester
