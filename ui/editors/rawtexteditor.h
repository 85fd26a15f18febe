#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;

namespace pgdial::ui::document {
class ProjectDocument;
} // namespace pgdial::ui::document

namespace pgdial::ui::editors {

class SourceView;

// The "Text" editor of a file: a SourceView bound to the document, plus, for files that hold
// secrets (.env, config.yaml, compose, any line with a password), a "Reveal and edit" toggle
// that is off by default: secrets stay masked and the text read-only until the user asks.
class RawTextEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawTextEditor)

public:
    explicit RawTextEditor(document::ProjectDocument *document, QWidget *parent = nullptr);

    document::ProjectDocument *projectDocument() const { return m_document; }
    SourceView *sourceView() const { return m_view; }
    QCheckBox *revealToggle() const { return m_reveal; }

private:
    document::ProjectDocument *m_document;
    QWidget *m_secretBar;
    QLabel *m_secretNote;
    QCheckBox *m_reveal;
    SourceView *m_view;

    void updateSecretBar();
};

} // namespace pgdial::ui::editors
