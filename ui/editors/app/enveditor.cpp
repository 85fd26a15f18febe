#include "editors/app/enveditor.h"

#include "appconfig/envfile.h"
#include "appconfig/variableresolver.h"
#include "base/secretmasker.h"
#include "document/projectcontext.h"
#include "document/projectdocument.h"
#include "editors/app/urlbuilderdialog.h"
#include "project/project.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pgdial::ui::editors::app {

using core::appconfig::EnvEntry;
using core::appconfig::EnvFile;
using core::appconfig::EnvQuote;

namespace {

QString stripComment(const QString &line)
{
    QString text = line.trimmed();
    while (text.startsWith(u'#'))
        text.remove(0, 1);
    return text.trimmed();
}

// The comment that documents an assignment: its inline comment, else a comment line right above it.
QString commentFor(const core::base::TextDocument &text, const EnvEntry &entry)
{
    const int last = std::max(entry.line, entry.lastLine) - 1;
    if (last < text.lineCount()) {
        const QString line = text.lineText(last);
        int from = entry.line - 1 == last ? entry.valueColumn - 1 : 0;
        if (entry.quote != EnvQuote::None) {
            const QChar quote = entry.quote == EnvQuote::Single ? u'\'' : u'"';
            const qsizetype close = line.lastIndexOf(quote);
            from = close < 0 ? int(line.size()) : int(close) + 1;
        }
        static const QRegularExpression inlineComment(u"\\s#"_s);
        const QRegularExpressionMatch match = inlineComment.match(line, std::max(0, from - 1));
        if (match.hasMatch())
            return stripComment(line.mid(match.capturedStart() + 1));
    }
    // Else the comment heading its group: the comment line above the run of assignments it is in
    // ("# Database names and users" over APP_DB, APP_DB_OWNER, APP_DB_USER).
    for (int above = entry.line - 2; above >= 0 && above < text.lineCount(); --above) {
        const QString line = text.lineText(above).trimmed();
        if (line.isEmpty())
            break;
        if (line.startsWith(u'#'))
            return stripComment(line);
    }
    return {};
}

bool isSecret(const QString &key, const QString &value)
{
    return core::base::SecretMasker::maskValue(key, value) != value;
}

} // namespace

EnvEditor::EnvEditor(document::ProjectDocument *document, document::ProjectContext *context, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_context(context)
    , m_model(new EnvTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_summary(new QLabel(this))
    , m_reveal(new QCheckBox(tr("Reveal secrets"), this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_newKey(new QLineEdit(this))
    , m_newValue(new QLineEdit(this))
    , m_add(new QToolButton(this))
    , m_delete(new QToolButton(this))
    , m_url(new QToolButton(this))
{
    setObjectName(u"envEditor"_s);
    m_summary->setObjectName(u"envSummary"_s);
    m_summary->setWordWrap(true);
    m_reveal->setObjectName(u"revealSecrets"_s);
    m_reveal->setIcon(QIcon(u":/icons/reveal.svg"_s));
    m_reveal->setToolTip(tr("Show passwords and connection-string passwords and allow editing them"));
    m_filter->setObjectName(u"envFilter"_s);
    m_filter->setPlaceholderText(tr("Filter variables"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Show only variables whose name, value or comment contains this text (Ctrl+F)"));
    m_filter->setProperty("pgdialFilter", true);
    m_newKey->setObjectName(u"envNewKey"_s);
    m_newKey->setPlaceholderText(tr("NEW_VARIABLE"));
    m_newKey->setToolTip(tr("Name of a variable to add at the end of the file"));
    m_newValue->setObjectName(u"envNewValue"_s);
    m_newValue->setPlaceholderText(tr("value"));
    m_newValue->setToolTip(tr("Its value, written as it is (quoted when it needs to be)"));
    m_add->setObjectName(u"envAddButton"_s);
    m_add->setText(tr("Add"));
    m_add->setIcon(QIcon(u":/icons/add.svg"_s));
    m_add->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_add->setToolTip(tr("Add the variable (or set it, if it exists)"));
    m_delete->setObjectName(u"envDeleteButton"_s);
    m_delete->setText(tr("Delete"));
    m_delete->setIcon(QIcon(u":/icons/delete.svg"_s));
    m_delete->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_delete->setToolTip(tr("Delete the selected variable's assignments (Delete)"));
    m_url->setObjectName(u"envUrlBuilderButton"_s);
    m_url->setText(tr("Build URL…"));
    m_url->setIcon(QIcon(u":/icons/url-builder.svg"_s));
    m_url->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_url->setToolTip(tr("Edit the selected connection string field by field"));

    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view->setObjectName(u"envTable"_s);
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    // The comment takes what is left; the status is short and always readable.
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(EnvTableModel::CommentColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(EnvTableModel::StatusColumn, QHeaderView::ResizeToContents);
    m_view->setColumnWidth(EnvTableModel::KeyColumn, 220);
    m_view->setColumnWidth(EnvTableModel::ValueColumn, 240);
    m_view->setColumnWidth(EnvTableModel::EffectiveColumn, 240);

    auto *remove = new QAction(tr("Delete Variable"), m_view);
    remove->setObjectName(u"envDeleteAction"_s);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    remove->setToolTip(tr("Delete the selected variable"));
    m_view->addAction(remove);
    connect(remove, &QAction::triggered, this, &EnvEditor::deleteCurrent);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(8, 6, 8, 0);
    top->addWidget(m_summary, 1);
    top->addWidget(m_filter);
    top->addWidget(m_reveal);
    auto *bottom = new QHBoxLayout;
    bottom->setContentsMargins(8, 0, 8, 6);
    bottom->addWidget(m_newKey, 1);
    bottom->addWidget(m_newValue, 2);
    bottom->addWidget(m_add);
    bottom->addSpacing(16);
    bottom->addWidget(m_url);
    bottom->addWidget(m_delete);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottom);
    m_filter->setMinimumWidth(200);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_model, &EnvTableModel::valueEditRequested, this, &EnvEditor::setValue);
    connect(m_model, &EnvTableModel::commentEditRequested, this, &EnvEditor::setComment);
    connect(m_add, &QToolButton::clicked, this, &EnvEditor::addVariable);
    connect(m_newValue, &QLineEdit::returnPressed, this, &EnvEditor::addVariable);
    connect(m_delete, &QToolButton::clicked, this, &EnvEditor::deleteCurrent);
    connect(m_url, &QToolButton::clicked, this, &EnvEditor::editCurrentUrl);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &EnvEditor::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &EnvEditor::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &EnvEditor::updateButtons);

    m_reveal->setChecked(document->secretsRevealed());
    m_model->setSecretsRevealed(document->secretsRevealed());
    connect(m_reveal, &QCheckBox::toggled, document, &document::ProjectDocument::setSecretsRevealed);
    connect(document, &document::ProjectDocument::secretsRevealedChanged, this, [this](bool revealed) {
        const QSignalBlocker blocker(m_reveal);
        m_reveal->setChecked(revealed);
        m_model->setSecretsRevealed(revealed);
        updateButtons();
    });
    connect(document, &document::ProjectDocument::contentsChanged, this, &EnvEditor::refresh);
    connect(document, &document::ProjectDocument::reset, this, &EnvEditor::refresh);
    if (m_context) {
        // The sibling .env / .env.example changes what is missing.
        connect(m_context, &document::ProjectContext::diagnosticsChanged, this, &EnvEditor::refresh);
    }
    refresh();
}

QString EnvEditor::siblingPath(const QString &name) const
{
    const QString path = m_document->relativePath();
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash < 0 ? name : path.left(slash + 1) + name;
}

void EnvEditor::refresh()
{
    const core::base::TextDocument *text = m_document->text();
    if (!text) {
        m_summary->setText(tr("This file could not be loaded, so it cannot be edited here."));
        setEnabled(false);
        return;
    }
    const bool isExample = m_document->kind() == core::project::FileKind::EnvExample;
    const EnvFile env = EnvFile::parse(*text, m_document->relativePath());
    core::appconfig::VariableResolver resolver;
    resolver.addEnvFile(env);

    // The other side: .env.example documents what .env should set.
    std::optional<EnvFile> other;
    const core::base::TextDocument *otherText = nullptr;
    if (m_context && m_context->project()) {
        const auto file = m_context->project()->findFile(siblingPath(isExample ? u".env"_s : u".env.example"_s));
        if (file && file->isLoaded()) {
            other = EnvFile::parse(*file->document, file->relativePath);
            otherText = &*file->document;
        }
    }

    QList<EnvTableModel::Row> rows;
    for (const QString &key : env.keys()) {
        const EnvEntry entry = *env.find(key);
        EnvTableModel::Row row;
        row.key = key;
        row.value = entry.value;
        row.line = entry.line;
        row.lastLine = entry.lastLine;
        const std::optional<core::appconfig::VariableUse> use = resolver.lookup(key);
        row.effective = use ? use->value : entry.value;
        row.provenance = use && entry.substitutes() && entry.value.contains(u'$')
            ? tr("%1, with its ${VARIABLE} references substituted").arg(use->provenance.describe())
            : QString();
        row.comment = commentFor(*text, entry);
        row.inlineComment = env.inlineComment(*text, key);
        row.secret = isSecret(key, entry.value);
        int assignments = 0;
        for (const EnvEntry &e : env.entries())
            assignments += e.key == key;
        if (assignments > 1)
            row.status = tr("set %n time(s); the last one wins", nullptr, assignments);
        else if (other && !other->find(key))
            row.status = isExample ? tr("not in .env") : tr("not in .env.example");
        else if (isExample && !other)
            row.status = QString();
        rows.append(row);
    }
    int missing = 0;
    if (other && !isExample) {
        for (const QString &key : other->keys()) {
            if (env.find(key))
                continue;
            const EnvEntry documented = *other->find(key);
            EnvTableModel::Row row;
            row.key = key;
            row.missing = true;
            row.secret = isSecret(key, documented.value);
            const QString documentation = commentFor(*otherText, documented);
            row.comment = documentation.isEmpty() ? tr("documented in .env.example")
                                                  : tr("documented in .env.example: %1").arg(documentation);
            row.status
                = documented.documentedForProductionOnly ? tr("missing (production only)") : tr("missing from .env");
            row.provenance = tr(".env.example line %1").arg(documented.line);
            rows.append(row);
            ++missing;
        }
    }
    m_model->setRows(rows);
    m_summary->setText(missing > 0
                           ? tr("%n variable(s) set here; %1 documented in .env.example but missing (greyed: type a "
                                "value to add it).",
                                nullptr, int(env.keys().size()))
                                 .arg(missing)
                           : tr("%n variable(s) set here.", nullptr, int(env.keys().size())));
}

QString EnvEditor::currentKey() const
{
    return m_view->currentIndex().data(EnvTableModel::KeyRole).toString();
}

void EnvEditor::setValue(const QString &key, const QString &value)
{
    const core::base::TextDocument *text = m_document->text();
    if (!text || key.isEmpty())
        return;
    const EnvFile env = EnvFile::parse(*text, m_document->relativePath());
    const std::optional<EnvEntry> existing = env.find(key);
    if (existing && existing->value == value)
        return;
    const core::base::Result<core::base::LineEdit> edit = env.setValue(*text, key, value);
    if (!edit) {
        m_summary->setText(edit.error().message);
        return;
    }
    m_document->applyEdits({*edit}, existing ? tr("Set %1").arg(key) : tr("Add %1").arg(key));
}

void EnvEditor::setComment(const QString &key, const QString &comment)
{
    const core::base::TextDocument *text = m_document->text();
    if (!text || key.isEmpty())
        return;
    const EnvFile env = EnvFile::parse(*text, m_document->relativePath());
    const core::base::Result<core::base::LineEdit> edit = env.setComment(*text, key, comment);
    if (!edit) {
        m_summary->setText(edit.error().message);
        return;
    }
    m_document->applyEdits({*edit},
                           comment.isEmpty() ? tr("Remove the comment of %1").arg(key) : tr("Comment %1").arg(key));
}

void EnvEditor::addVariable()
{
    static const QRegularExpression validKey(u"^[A-Za-z_][A-Za-z0-9_.]*$"_s);
    const QString key = m_newKey->text().trimmed();
    if (!validKey.match(key).hasMatch()) {
        m_newKey->setFocus();
        m_newKey->setToolTip(tr("A variable name is letters, digits and _, not starting with a digit"));
        return;
    }
    setValue(key, m_newValue->text());
    m_newKey->clear();
    m_newValue->clear();
    revealLine(m_model->rows().value(m_model->rowForKey(key)).line, 0);
}

void EnvEditor::deleteCurrent()
{
    const core::base::TextDocument *text = m_document->text();
    const QString key = currentKey();
    if (!text || key.isEmpty())
        return;
    const EnvFile env = EnvFile::parse(*text, m_document->relativePath());
    QList<core::base::LineEdit> edits;
    // Bottom-up, so each removal leaves the line numbers of the earlier ones valid.
    const QList<EnvEntry> &entries = env.entries();
    for (auto it = entries.crbegin(); it != entries.crend(); ++it) {
        if (it->key != key)
            continue;
        core::base::LineEdit edit;
        edit.firstIndex = it->line - 1;
        edit.removeCount = std::max(it->line, it->lastLine) - it->line + 1;
        edits.append(edit);
    }
    if (!edits.isEmpty())
        m_document->applyEdits(edits, tr("Delete %1").arg(key));
}

void EnvEditor::editCurrentUrl()
{
    const QString key = currentKey();
    const int row = m_model->rowForKey(key);
    if (row < 0)
        return;
    UrlBuilderDialog dialog(m_model->rows().at(row).value, m_document->secretsRevealed(), this);
    dialog.setWindowTitle(tr("Connection String Builder: %1").arg(key));
    if (dialog.exec() == QDialog::Accepted)
        setValue(key, dialog.url());
}

void EnvEditor::updateButtons()
{
    const QModelIndex current = m_view->currentIndex();
    const bool present = current.isValid() && !current.data(EnvTableModel::MissingRole).toBool();
    m_delete->setEnabled(present);
    const QString value = current.data(EnvTableModel::RawValueRole).toString();
    m_url->setEnabled(present && value.startsWith(u"postgres"_s) && value.contains(u"://"_s));
}

void EnvEditor::revealLine(int line, int column)
{
    Q_UNUSED(column);
    const int row = m_model->rowForLine(line);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, EnvTableModel::ValueColumn));
    if (!index.isValid()) {
        // Filtered out: show everything again rather than fail to show the line.
        if (m_filter->text().isEmpty())
            return;
        m_filter->clear();
        revealLine(line, column);
        return;
    }
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    m_view->setFocus(Qt::OtherFocusReason);
}

} // namespace pgdial::ui::editors::app
