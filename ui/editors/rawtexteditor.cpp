#include "editors/rawtexteditor.h"

#include "document/projectdocument.h"
#include "editors/sourceview.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pgdial::ui::editors {

RawTextEditor::RawTextEditor(document::ProjectDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_secretBar(new QWidget(this))
    , m_secretNote(new QLabel(m_secretBar))
    , m_reveal(new QCheckBox(tr("Reveal and edit"), m_secretBar))
    , m_view(new SourceView(this))
{
    setObjectName(u"rawTextEditor"_s);
    m_secretBar->setObjectName(u"secretBar"_s);
    m_secretNote->setObjectName(u"secretNote"_s);
    m_reveal->setObjectName(u"revealSecretsToggle"_s);
    m_reveal->setToolTip(tr("Show this file's passwords and tokens and allow editing it. Secrets stay hidden in "
                            "screenshots and logs only while this is off."));

    auto *bar = new QHBoxLayout(m_secretBar);
    bar->setContentsMargins(8, 4, 8, 4);
    bar->addWidget(m_secretNote, 1);
    bar->addWidget(m_reveal);
    m_secretBar->setAutoFillBackground(true);
    m_secretBar->setBackgroundRole(QPalette::AlternateBase);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_secretBar);
    layout->addWidget(m_view, 1);

    m_view->setProjectDocument(document);
    setFocusProxy(m_view);
    m_reveal->setChecked(document->secretsRevealed());
    connect(m_reveal, &QCheckBox::toggled, document, &document::ProjectDocument::setSecretsRevealed);
    connect(document, &document::ProjectDocument::secretsRevealedChanged, this, [this](bool revealed) {
        m_reveal->setChecked(revealed);
        updateSecretBar();
    });
    updateSecretBar();
}

void RawTextEditor::updateSecretBar()
{
    m_secretBar->setVisible(m_view->holdsSecrets() && m_document->isEditable());
    m_secretNote->setText(m_document->secretsRevealed()
                              ? tr("Secrets are visible and the file can be edited.")
                              : tr("This file holds secrets: they are masked and the text is read-only."));
}

} // namespace pgdial::ui::editors
