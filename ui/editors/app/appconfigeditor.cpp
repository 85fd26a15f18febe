#include "editors/app/appconfigeditor.h"

#include "appconfig/substitutiondefault.h"
#include "base/secretmasker.h"
#include "checks/appconfigchecker.h"
#include "document/projectcontext.h"
#include "document/projectdocument.h"
#include "editors/app/urlbuilderdialog.h"
#include "project/project.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pgdial::ui::editors::app {

using core::appconfig::AppConfigFile;
using core::appconfig::DatabaseConfig;
using core::appconfig::DatabaseField;
using core::appconfig::Provenance;
using core::appconfig::SubstitutionDefault;

namespace {

bool isNumericKey(const QString &key)
{
    return key == u"pool_size" || key == u"max_overflow" || key == u"pool_timeout" || key == u"pool_recycle";
}

bool isPlainInteger(const QString &text)
{
    static const QRegularExpression integer(u"^\\s*-?\\d{1,9}\\s*$"_s);
    return integer.match(text).hasMatch();
}

QString folderOf(const QString &relativePath)
{
    const qsizetype slash = relativePath.lastIndexOf(u'/');
    return slash < 0 ? QString() : relativePath.left(slash);
}

QString keyTip(const QString &key)
{
    static const QHash<QString, const char *> tips {
        {u"url"_s, QT_TRANSLATE_NOOP("AppConfigEditor", "The connection string the app's engine is created with")},
        {u"app_db"_s, QT_TRANSLATE_NOOP("AppConfigEditor", "The application's database name")},
        {u"owner_user"_s, QT_TRANSLATE_NOOP("AppConfigEditor", "The role that owns the schema (migrations)")},
        {u"user"_s, QT_TRANSLATE_NOOP("AppConfigEditor", "The role the app connects as")},
        {u"ro_user"_s, QT_TRANSLATE_NOOP("AppConfigEditor", "The read-only role (backups, reporting)")},
        {u"pool_size"_s, QT_TRANSLATE_NOOP("AppConfigEditor", "Connections each app instance keeps open (1-100)")},
        {u"max_overflow"_s, QT_TRANSLATE_NOOP("AppConfigEditor", "Extra connections allowed above pool_size (0-100)")},
        {u"pool_timeout"_s, QT_TRANSLATE_NOOP("AppConfigEditor", "Seconds to wait for a free connection (1-300)")},
        {u"pool_recycle"_s, QT_TRANSLATE_NOOP("AppConfigEditor", "Seconds before a connection is replaced (300-7200)")},
        {u"environment_mode"_s, QT_TRANSLATE_NOOP("AppConfigEditor", "development, production or testing")},
        {u"user_pw_file_path"_s,
         QT_TRANSLATE_NOOP("AppConfigEditor", "Production: the file holding the app role's password (Docker secret)")},
        {u"user_pw_env_var"_s,
         QT_TRANSLATE_NOOP("AppConfigEditor", "Production: the environment variable holding the password")},
    };
    return QCoreApplication::translate("AppConfigEditor", tips.value(key));
}

} // namespace

AppConfigEditor::AppConfigEditor(document::ProjectDocument *document, document::ProjectContext *context,
                                 QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_context(context)
    , m_summary(new QLabel(this))
    , m_reveal(new QCheckBox(tr("Reveal secrets"), this))
    , m_scroll(new QScrollArea(this))
    , m_grid(nullptr)
{
    setObjectName(u"appConfigEditor"_s);
    m_summary->setObjectName(u"appConfigSummary"_s);
    m_summary->setWordWrap(true);
    m_reveal->setObjectName(u"revealSecrets"_s);
    m_reveal->setIcon(QIcon(u":/icons/reveal.svg"_s));
    m_reveal->setToolTip(tr("Show passwords in this file's values and allow editing them"));
    m_scroll->setObjectName(u"appConfigScroll"_s);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);

    auto *form = new QWidget(m_scroll);
    form->setObjectName(u"appConfigForm"_s);
    m_grid = new QGridLayout(form);
    m_grid->setContentsMargins(12, 8, 12, 8);
    m_grid->setHorizontalSpacing(12);
    const QStringList headers {tr("Key"), tr("Value as written"), tr("Effective value"), tr("From"), QString()};
    for (int column = 0; column < headers.size(); ++column) {
        auto *header = new QLabel(headers[column], form);
        QFont bold = header->font();
        bold.setBold(true);
        header->setFont(bold);
        m_grid->addWidget(header, 0, column);
    }
    const QStringList &keys = AppConfigFile::databaseKeys();
    for (int i = 0; i < keys.size(); ++i)
        buildRow(keys[i], i + 1);
    m_grid->setColumnStretch(1, 4);
    m_grid->setColumnStretch(2, 3);
    m_grid->setColumnStretch(3, 2);
    m_grid->setRowStretch(int(keys.size()) + 1, 1);
    m_scroll->setWidget(form);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(12, 8, 12, 0);
    top->addWidget(m_summary, 1);
    top->addWidget(m_reveal, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_scroll, 1);

    m_reveal->setChecked(document->secretsRevealed());
    connect(m_reveal, &QCheckBox::toggled, document, &document::ProjectDocument::setSecretsRevealed);
    connect(document, &document::ProjectDocument::secretsRevealedChanged, this, [this](bool revealed) {
        const QSignalBlocker blocker(m_reveal);
        m_reveal->setChecked(revealed);
        refresh();
    });
    // One re-read per undo step (after all its linesChanged), and after a reload.
    connect(document, &document::ProjectDocument::contentsChanged, this, &AppConfigEditor::refresh);
    connect(document, &document::ProjectDocument::reset, this, &AppConfigEditor::refresh);
    if (m_context) {
        // .env edits change effective values; the re-check tells when the project settled.
        connect(m_context, &document::ProjectContext::diagnosticsChanged, this, &AppConfigEditor::refresh);
        connect(m_context, &document::ProjectContext::settingsChanged, this, &AppConfigEditor::refresh);
    }
    refresh();
}

void AppConfigEditor::buildRow(const QString &key, int gridRow)
{
    QWidget *form = m_scroll->widget() ? m_scroll->widget() : m_grid->parentWidget();
    Row row;
    row.name = new QLabel(key, form);
    row.name->setToolTip(keyTip(key));
    row.text = new QLineEdit(form);
    row.text->setObjectName(u"field_"_s + key);
    row.text->setToolTip(tr("%1. Written as in config.yaml: ${VARIABLE:-default} takes the variable's value when it "
                            "is set.")
                             .arg(keyTip(key)));
    row.effective = new QLabel(form);
    row.effective->setObjectName(u"effective_"_s + key);
    row.effective->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row.source = new QLabel(form);
    row.source->setObjectName(u"source_"_s + key);
    row.source->setTextFormat(Qt::RichText);
    row.source->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    row.problem = new QLabel(form);
    row.problem->setObjectName(u"problem_"_s + key);
    row.problem->setFixedWidth(20);

    auto *cell = new QWidget(form);
    auto *cellLayout = new QHBoxLayout(cell);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->addWidget(row.text, 1);
    if (isNumericKey(key)) {
        row.number = new QSpinBox(cell);
        row.number->setObjectName(u"field_"_s + key + u"_number"_s);
        row.number->setToolTip(keyTip(key));
        // Wide on purpose: out-of-range values are the checks' business, shown as problems.
        row.number->setRange(-1, 999999);
        row.number->setKeyboardTracking(false);
        row.number->setAccelerated(true);
        cellLayout->addWidget(row.number, 1);
        connect(row.number, &QSpinBox::valueChanged, this,
                [this, key](int value) { commit(key, QString::number(value)); });
    }
    if (key == u"url") {
        row.builder = new QToolButton(cell);
        row.builder->setObjectName(u"urlBuilderButton"_s);
        row.builder->setText(tr("Build…"));
        row.builder->setIcon(QIcon(u":/icons/url-builder.svg"_s));
        row.builder->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        row.builder->setToolTip(tr("Edit the connection string field by field"));
        cellLayout->addWidget(row.builder);
        connect(row.builder, &QToolButton::clicked, this, &AppConfigEditor::editUrl);
    }
    connect(row.text, &QLineEdit::editingFinished, this, [this, key] {
        const Row &r = m_rows[key];
        if (!r.text->isReadOnly() && r.text->isModified()) {
            r.text->setModified(false);
            commit(key, r.text->text());
        }
    });
    connect(row.source, &QLabel::linkActivated, this, [this](const QString &link) {
        const qsizetype colon = link.lastIndexOf(u':');
        if (m_context && colon > 0)
            m_context->requestShow(link.left(colon), link.mid(colon + 1).toInt());
    });

    m_grid->addWidget(row.name, gridRow, 0);
    m_grid->addWidget(cell, gridRow, 1);
    m_grid->addWidget(row.effective, gridRow, 2);
    m_grid->addWidget(row.source, gridRow, 3);
    m_grid->addWidget(row.problem, gridRow, 4);
    m_rows.insert(key, row);
}

QString AppConfigEditor::display(const QString &key, const QString &value) const
{
    if (m_document->secretsRevealed())
        return value;
    // user_pw_* usually say where the password is (a path or a variable, shown); a literal
    // password there, and the URL's password, are hidden.
    return core::base::SecretMasker::maskValue(key, value);
}

void AppConfigEditor::refresh()
{
    const core::base::TextDocument *text = m_document->text();
    if (!text) {
        m_summary->setText(tr("This file could not be loaded, so it cannot be edited here."));
        setEnabled(false);
        return;
    }
    const QString path = m_document->relativePath();
    const AppConfigFile file = AppConfigFile::parse(*text, path);
    core::appconfig::VariableResolver resolver;
    if (m_context && m_context->project())
        resolver = core::checks::AppConfigChecker::resolverFor(*m_context->project(), folderOf(path));
    m_config = DatabaseConfig::resolve(file, resolver);
    m_hasSection = file.hasDatabaseSection();

    if (!file.isLoaded())
        m_summary->setText(
            tr("%1 is not valid YAML right now: %2. Fix it on the Source page.")
                .arg(path, file.diagnostics().isEmpty() ? QString() : file.diagnostics().first().message));
    else if (!m_hasSection)
        m_summary->setText(tr("%1 has no database: section.").arg(path));
    else
        m_summary->setText(tr("The database: section of %1 (line %2). ${VARIABLE:-default} takes the variable from "
                              ".env when it is set there, else the default; the process environment is not used in the "
                              "desktop app.")
                               .arg(path)
                               .arg(file.databaseLine()));

    for (auto it = m_rows.begin(); it != m_rows.end(); ++it) {
        const QString &key = it.key();
        Row &row = it.value();
        const std::optional<DatabaseField> field = m_config.field(key);
        const QString raw = field ? field->scalar.value : QString();
        const bool editable = field && field->scalar.length > 0 && !field->scalar.aliased
            && field->scalar.style != core::appconfig::ScalarStyle::Block;
        row.line = field ? field->scalar.line : 0;

        const bool asNumber = row.number && field && isPlainInteger(raw);
        if (row.number) {
            row.number->setVisible(asNumber);
            row.number->setEnabled(editable);
            // Leave a number the user is typing alone (keyboard tracking is off until Enter).
            const bool typing
                = row.number->hasFocus() && row.number->cleanText() != QString::number(row.number->value());
            if (asNumber && !typing) {
                const QSignalBlocker blocker(row.number);
                row.number->setValue(raw.trimmed().toInt());
            }
        }
        row.text->setVisible(!asNumber);
        const QString shown = display(key, raw);
        if (!(row.text->hasFocus() && row.text->isModified()) && row.text->text() != shown) {
            row.text->setText(shown);
            // Long values read from their start (the variable's name), not their end.
            if (!row.text->hasFocus())
                row.text->setCursorPosition(0);
        }
        // A missing key can be added: typing a value writes "key: value" into the database: section.
        const bool addable = !field && file.isLoaded() && m_hasSection;
        row.text->setReadOnly(addable ? false : (!editable || shown != raw));
        row.text->setEnabled(field.has_value() || addable);
        row.text->setPlaceholderText(field         ? QString()
                                         : addable ? tr("not in %1: type a value to add it").arg(path)
                                                   : tr("not in %1").arg(path));
        if (row.builder) {
            const bool wholeOrPlain = !raw.contains(u"${"_s) || SubstitutionDefault::current(raw).has_value();
            row.builder->setEnabled(editable && wholeOrPlain);
        }

        if (field) {
            row.effective->setText(display(key, field->value()));
            const Provenance p = field->substitution.provenance();
            if (p.source == Provenance::Source::Literal) {
                row.source->setText(tr("%1 line %2").arg(path).arg(row.line).toHtmlEscaped());
            } else if ((p.source == Provenance::Source::EnvFile || p.source == Provenance::Source::Default)
                       && !p.file.isEmpty()) {
                row.source->setText(u"<a href=\"%1:%2\">%3</a>"_s.arg(p.file.toHtmlEscaped())
                                        .arg(p.line)
                                        .arg(p.describe().toHtmlEscaped()));
            } else {
                row.source->setText(p.describe().toHtmlEscaped());
            }
            QStringList uses;
            for (const core::appconfig::VariableUse &use : field->substitution.uses)
                uses.append(tr("${%1} = %2 (%3)").arg(use.name, display(key, use.value), use.provenance.describe()));
            row.source->setToolTip(uses.isEmpty() ? tr("Written literally in %1").arg(path) : uses.join(u'\n'));
        } else {
            const QString fallback = DatabaseConfig::defaultValue(key);
            row.effective->setText(fallback.isEmpty() ? tr("(not set)") : display(key, fallback));
            row.source->setText(fallback.isEmpty() ? tr("not set") : tr("the app's built-in default"));
            row.source->setToolTip(tr("database.%1 is not in %2").arg(key, path));
        }
        row.effective->setToolTip(row.effective->text());
    }
    refreshProblems();
}

void AppConfigEditor::refreshProblems()
{
    const core::base::Diagnostics diagnostics
        = m_context ? m_context->diagnosticsFor(m_document->relativePath()) : core::base::Diagnostics();
    for (Row &row : m_rows) {
        QStringList messages;
        int worst = -1;
        for (const core::base::Diagnostic &d : diagnostics) {
            if (row.line <= 0 || d.line != row.line)
                continue;
            messages.append(u"%1 [%2]"_s.arg(d.message, d.code));
            worst = std::max(worst,
                             d.severity == core::base::Severity::Error         ? 2
                                 : d.severity == core::base::Severity::Warning ? 1
                                                                               : 0);
        }
        static const QString icons[] = {u":/icons/info.svg"_s, u":/icons/warning.svg"_s, u":/icons/error.svg"_s};
        row.problem->setPixmap(worst < 0 ? QPixmap() : QIcon(icons[worst]).pixmap(16, 16, QIcon::Normal));
        row.problem->setToolTip(messages.join(u'\n'));
    }
}

void AppConfigEditor::commit(const QString &key, const QString &raw)
{
    const core::base::TextDocument *text = m_document->text();
    const std::optional<DatabaseField> field = m_config.field(key);
    if (!text || (field && field->scalar.value == raw) || (!field && raw.isEmpty()))
        return;
    const AppConfigFile file = AppConfigFile::parse(*text, m_document->relativePath());
    const core::base::Result<core::base::LineEdit> edit
        = field ? file.setField(*text, key, raw) : file.addField(*text, key, raw);
    if (!edit) {
        m_rows[key].problem->setPixmap(QIcon(u":/icons/error.svg"_s).pixmap(16, 16));
        m_rows[key].problem->setToolTip(edit.error().message);
        return;
    }
    m_document->applyEdits({*edit}, field ? tr("Set database.%1").arg(key) : tr("Add database.%1").arg(key));
}

void AppConfigEditor::editUrl()
{
    const std::optional<DatabaseField> field = m_config.field(u"url"_s);
    if (!field)
        return;
    const QString raw = field->scalar.value;
    // A ${VAR:-default} URL: the builder edits the default, and the variable stays as written.
    const std::optional<QString> fallback = SubstitutionDefault::current(raw);
    if (!fallback && raw.contains(u"${"_s))
        return;
    UrlBuilderDialog dialog(fallback.value_or(raw), m_document->secretsRevealed(), this);
    if (fallback)
        dialog.setWindowTitle(tr("Connection String Builder: default of ${%1}")
                                  .arg(SubstitutionDefault::variable(raw).value_or(QString())));
    if (dialog.exec() != QDialog::Accepted)
        return;
    commit(u"url"_s, fallback ? SubstitutionDefault::replace(raw, dialog.url()).value_or(raw) : dialog.url());
}

QString AppConfigEditor::keyAt(int line) const
{
    // The key written on that line, else the one above it (a comment or a continuation line);
    // lines after the section's last key belong to other sections.
    QString best;
    int bestLine = 0;
    int lastLine = 0;
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it) {
        lastLine = std::max(lastLine, it->line);
        if (it->line > 0 && it->line <= line && it->line > bestLine) {
            best = it.key();
            bestLine = it->line;
        }
    }
    if (best.isEmpty() || (line > lastLine && line != bestLine))
        return {};
    return best;
}

void AppConfigEditor::revealLine(int line, int column)
{
    Q_UNUSED(column);
    const QString key = keyAt(line);
    if (key.isEmpty())
        return;
    m_currentKey = key;
    QWidget *target = input(key);
    m_scroll->ensureWidgetVisible(target);
    target->setFocus(Qt::OtherFocusReason);
    if (auto *edit = qobject_cast<QLineEdit *>(target))
        edit->selectAll();
    else if (auto *spin = qobject_cast<QSpinBox *>(target))
        spin->selectAll();
}

QWidget *AppConfigEditor::input(const QString &key) const
{
    const auto it = m_rows.constFind(key);
    if (it == m_rows.cend())
        return nullptr;
    if (it->number && !it->number->isHidden())
        return it->number;
    return it->text;
}

QString AppConfigEditor::effectiveText(const QString &key) const
{
    const auto it = m_rows.constFind(key);
    return it == m_rows.cend() ? QString() : it->effective->text();
}

QString AppConfigEditor::sourceText(const QString &key) const
{
    const auto it = m_rows.constFind(key);
    return it == m_rows.cend() ? QString() : it->source->text();
}

} // namespace pgdial::ui::editors::app
