#pragma once

#include "project/filekind.h"

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace pgdial::ui::editors {

// Colours each kind of file pgdial shows: comments, names and keys, strings, numbers with units,
// hba keywords and methods, ${VAR} references. Colours follow the palette (light or dark).
class SourceHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceHighlighter)

public:
    explicit SourceHighlighter(QTextDocument *document);

    void setKind(core::project::FileKind kind);

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule
    {
        QRegularExpression pattern;
        QTextCharFormat format;
        int group = 0;
    };

    core::project::FileKind m_kind = core::project::FileKind::AppConfig;
    QList<Rule> m_rules;
    QTextCharFormat m_comment;

    void buildRules();
    int commentStart(const QString &text) const;
};

} // namespace pgdial::ui::editors
