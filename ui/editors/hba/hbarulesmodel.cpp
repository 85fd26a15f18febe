#include "editors/hba/hbarulesmodel.h"

#include "hba/hbaruleedits.h"

#include "base/secretmasker.h"
#include "base/textdocument.h"
#include "document/projectcontext.h"
#include "document/projectdocument.h"
#include "hba/hbalineparser.h"
#include "models/displaytext.h"
#include "project/project.h"

#include <QBrush>
#include <QDataStream>
#include <QIcon>
#include <QMimeData>
#include <QPalette>

using namespace Qt::StringLiterals;
using namespace pgdial::core;
using namespace pgdial::core::base;
using namespace pgdial::core::project;
using namespace pgdial::core::hba;

namespace pgdial::ui::editors::hba {

namespace {

const QString rowsMimeType = u"application/x-pgdial-hba-rows"_s;

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

// The comment after the fields: the first '#' outside double quotes.
QString trailingComment(const QByteArray &line)
{
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const char c = line.at(i);
        if (c == '"')
            quoted = !quoted;
        else if (c == '#' && !quoted)
            return QString::fromUtf8(line.mid(i + 1)).trimmed();
    }
    return {};
}

// ldapbindpasswd=, radiussecrets=: shown masked like every secret (screenshots, screen sharing).
bool holdsSecret(const HbaRule &rule)
{
    for (const HbaOption &option : rule.options) {
        if (SecretMasker::isSecretKey(option.name))
            return true;
    }
    return false;
}

bool hasAddress(const QString &type)
{
    return type != u"local";
}

} // namespace

HbaRulesModel::HbaRulesModel(document::ProjectDocument *document, document::ProjectContext *context, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
    , m_context(context)
{
    // Whole-file re-read: pg_hba.conf files are small, and a move touches many lines anyway.
    connect(document, &document::ProjectDocument::linesChanged, this, [this] { reparse(); });
    connect(document, &document::ProjectDocument::reset, this, [this] { reparse(); });
    if (context) {
        connect(context, &document::ProjectContext::diagnosticsChanged, this, [this] { updateMarkers(); });
        connect(context, &document::ProjectContext::settingsChanged, this, [this] { reparse(); });
    }
    connect(document, &document::ProjectDocument::secretsRevealedChanged, this, [this] { reparse(); });
    reparse();
}

int HbaRulesModel::majorVersion() const
{
    if (m_context && m_context->project())
        return m_context->project()->settings.pgVersion;
    return ProjectSettings::defaultPgVersion;
}

HbaParseOptions HbaRulesModel::parseOptions() const
{
    // The project's server build (its features) decides which methods load, as in `check`.
    std::optional<QSet<QString>> buildFeatures;
    if (m_context && m_context->project())
        buildFeatures = m_context->project()->settings.serverBuildFeatures;
    return HbaParseOptions::forServer(majorVersion(), buildFeatures);
}

HbaFile HbaRulesModel::parse(const QByteArray &bytes) const
{
    const QString absolute = m_document->absolutePath();
    QString base = absolute.left(absolute.size() - m_document->relativePath().size());
    if (base.endsWith(u'/') && base.size() > 1)
        base.chop(1);
    return HbaParser::parse(bytes, absolute, parseOptions(), base);
}

void HbaRulesModel::reparse()
{
    const TextDocument *text = m_document->text();
    beginResetModel();
    m_rows.clear();
    m_analyzer.reset();
    m_file = text ? parse(text->toBytes()) : HbaFile {};
    if (text) {
        const QString path = m_document->relativePath();
        QHash<int, const HbaRule *> byLine;
        for (const HbaRule &rule : std::as_const(m_file.rules)) {
            if (rule.file == path)
                byLine.insert(rule.line, &rule);
        }
        for (int i = 0; i < text->lineCount(); ++i) {
            const int line = i + 1;
            if (const HbaRule *rule = byLine.value(line)) {
                Row row;
                row.rule = *rule;
                for (int l = rule->line; l <= rule->lastLine && l <= text->lineCount(); ++l)
                    row.lines.append(text->line(l - 1));
                row.firstSpanLine = rule->line;
                row.comment = trailingComment(row.lines.last());
                m_rows.append(std::move(row));
                i = rule->lastLine - 1;
                continue;
            }
            // A commented-out rule: "#host ...", "# local ...". Only lines that parse as a valid
            // rule count, so the template lines of the stock file ("# host DATABASE USER ...") do not.
            const QByteArray &content = text->line(i);
            int hash = 0;
            while (hash < content.size() && isBlank(content.at(hash)))
                ++hash;
            if (hash >= content.size() || content.at(hash) != '#')
                continue;
            const QByteArray rest = content.mid(hash + 1);
            // The one definition of a commented-out rule, shared with `hba edit --enable`.
            const std::optional<HbaRule> disabled
                = HbaRuleEdits::parseDisabled(rest, m_document->absolutePath(), parseOptions());
            if (!disabled)
                continue;
            Row row;
            row.rule = *disabled;
            row.rule.file = path;
            row.rule.line = row.rule.lastLine = line;
            row.disabled = true;
            row.lines = {rest};
            row.firstSpanLine = 1;
            row.comment = trailingComment(rest);
            m_rows.append(std::move(row));
        }
        m_analyzer = std::make_unique<HbaAnalyzer>(m_file);
    }
    endResetModel();
    updateMarkers();
    Q_EMIT reparsed();
}

void HbaRulesModel::updateMarkers()
{
    Diagnostics diagnostics = m_file.diagnostics;
    if (m_context)
        diagnostics += m_context->diagnosticsFor(m_document->relativePath());
    m_markers.update(
        m_analyzer.get(), diagnostics, m_document->relativePath(), [this](int line) { return rowForLine(line); },
        [this](int row) { return m_rows.at(row).disabled; });
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

int HbaRulesModel::rowForLine(int line) const
{
    if (line <= 0)
        return -1;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (line >= m_rows.at(i).rule.line && line <= m_rows.at(i).rule.lastLine)
            return i;
    }
    return -1;
}

int HbaRulesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HbaRulesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString HbaRulesModel::spanText(const Row &row, const HbaSpan &span) const
{
    if (!span.isValid())
        return {};
    QByteArray text;
    for (int line = span.begin.line; line <= span.end.line; ++line) {
        const int index = line - row.firstSpanLine;
        if (index < 0 || index >= row.lines.size())
            return {};
        const QByteArray &content = row.lines.at(index);
        const int from = line == span.begin.line ? span.begin.column - 1 : 0;
        int to = line == span.end.line ? span.end.column - 1 : int(content.size());
        if (line != span.end.line && content.endsWith('\\'))
            to = int(content.size()) - 1;
        if (!text.isEmpty())
            text += ' ';
        text += content.mid(from, std::max(0, to - from));
    }
    return QString::fromUtf8(text).trimmed();
}

QString HbaRulesModel::fieldText(int rowIndex, int column) const
{
    const Row &row = m_rows.at(rowIndex);
    const HbaRule &rule = row.rule;
    switch (column) {
    case TypeColumn:
        return spanText(row, rule.typeSpan);
    case DatabaseColumn:
        return spanText(row, rule.databaseSpan);
    case UserColumn:
        return spanText(row, rule.userSpan);
    case AddressColumn: {
        const QString address = spanText(row, rule.addressSpan);
        const QString mask = spanText(row, rule.netmaskSpan);
        return mask.isEmpty() ? address : QString(address + u' ' + mask);
    }
    case MethodColumn:
        return spanText(row, rule.methodSpan);
    case OptionsColumn: {
        QStringList options;
        for (const HbaSpan &span : rule.optionSpans)
            options << spanText(row, span);
        return options.join(u' ');
    }
    case CommentColumn:
        return row.comment;
    }
    return {};
}

QVariant HbaRulesModel::data(const QModelIndex &index, int role) const
{
    // A view lays out whatever it is given on the UI thread: a 20 MB value would hang it.
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return models::DisplayText::elided(fullData(index, role));
    return fullData(index, role);
}

QVariant HbaRulesModel::fullData(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const Diagnostics markers = m_markers.diagnostics(index.row());
    const bool shadowed = m_markers.isDead(index.row());
    const int severity = m_markers.severity(index.row(), row.rule.hasError());

    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == OptionsColumn && holdsSecret(row.rule) && !m_document->secretsRevealed()) {
            QStringList options;
            for (const HbaOption &option : row.rule.options)
                options << option.name + u'='
                        + (SecretMasker::isSecretKey(option.name) ? QString(8, SecretMasker::maskCharacter)
                                                                  : option.value);
            return options.join(u' ');
        }
        [[fallthrough]];
    case Qt::EditRole:
        if (index.column() == TypeColumn && row.rule.typeSpan.isValid() == false)
            return QString::fromUtf8(row.lines.value(0)).trimmed();
        return fieldText(index.row(), index.column());
    case Qt::DecorationRole:
        if (index.column() != TypeColumn || severity < 0)
            return {};
        if (severity == int(Severity::Error))
            return QIcon(u":/icons/error.svg"_s);
        if (severity == int(Severity::Warning))
            return QIcon(u":/icons/warning.svg"_s);
        return QIcon(u":/icons/info.svg"_s);
    case Qt::ForegroundRole:
        if (row.disabled)
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case Qt::FontRole:
        if (row.disabled) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::BackgroundRole:
        // Translucent tints read on light and dark palettes alike.
        if (row.rule.line == m_highlightedLine && m_highlightedLine > 0)
            return QBrush(QColor(40, 160, 60, 90));
        if (severity == int(Severity::Error))
            return QBrush(QColor(220, 40, 40, 55));
        if (severity == int(Severity::Warning))
            return QBrush(QColor(230, 170, 20, 55));
        return {};
    case Qt::ToolTipRole: {
        QStringList lines;
        lines << tr("Line %1").arg(row.rule.line);
        if (row.disabled)
            lines << tr("Disabled (commented out): the server ignores it.");
        if (row.rule.hasError())
            lines << tr("Error: %1").arg(row.rule.error);
        if (shadowed)
            lines << m_markers.deadNote(index.row());
        for (const Diagnostic &marker : markers) {
            if (marker.message == row.rule.error)
                continue;
            lines << (marker.suggestion.isEmpty() ? marker.message
                                                  : QString(marker.message + u" — "_s + marker.suggestion));
        }
        return lines.join(u'\n');
    }
    case LineRole:
        return row.rule.line;
    case DisabledRole:
        return row.disabled;
    case HighlightedRole:
        return m_highlightedLine > 0 && row.rule.line == m_highlightedLine;
    case SeverityRole:
        return severity;
    default:
        return {};
    }
}

QVariant HbaRulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section >= 0 && section < m_rows.size() ? QVariant(m_rows.at(section).rule.line) : QVariant();
    switch (section) {
    case TypeColumn:
        return tr("Type");
    case DatabaseColumn:
        return tr("Databases");
    case UserColumn:
        return tr("Users");
    case AddressColumn:
        return tr("Address");
    case MethodColumn:
        return tr("Method");
    case OptionsColumn:
        return tr("Options");
    case CommentColumn:
        return tr("Comment");
    }
    return {};
}

Qt::ItemFlags HbaRulesModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
    const Row &row = m_rows.at(index.row());
    // Disabled rules and rules over several physical lines are edited in Source.
    const bool singleLine = row.rule.line == row.rule.lastLine;
    if (!row.disabled && singleLine && row.rule.methodSpan.isValid()
        && (index.column() != AddressColumn || row.rule.addressSpan.isValid())
        && (index.column() != OptionsColumn || !holdsSecret(row.rule) || m_document->secretsRevealed()))
        flags |= Qt::ItemIsEditable;
    return flags;
}

QStringList HbaRulesModel::connectionTypes()
{
    return {u"local"_s, u"host"_s, u"hostssl"_s, u"hostnossl"_s, u"hostgssenc"_s, u"hostnogssenc"_s};
}

QStringList HbaRulesModel::methods() const
{
    const int major = majorVersion();
    const HbaParseOptions options = parseOptions();
    const QSet<QString> unsupported
        = options.unsupportedMethods.value_or(HbaParseOptions::defaultUnsupportedMethods(major));
    QStringList methods;
    for (const QString &method : HbaLineParser::knownMethods(major)) {
        if (!unsupported.contains(method))
            methods << method;
    }
    return methods;
}

std::optional<HbaEdit> HbaRulesModel::retypeEdit(const Row &row, const QString &type) const
{
    // local ↔ host*: the address column appears or goes, so the line is written anew.
    const TextDocument *text = m_document->text();
    QStringList fields {type, spanText(row, row.rule.databaseSpan), spanText(row, row.rule.userSpan)};
    if (hasAddress(type))
        fields << u"127.0.0.1/32"_s;
    fields << spanText(row, row.rule.methodSpan);
    for (const HbaSpan &span : row.rule.optionSpans)
        fields << spanText(row, span);
    QByteArray line = HbaEditor::formatRule(*text, fields);
    if (!row.comment.isEmpty())
        line += "  # " + row.comment.toUtf8();
    HbaEdit edit;
    edit.file = row.rule.file;
    edit.edit.firstIndex = row.rule.line - 1;
    edit.edit.removeCount = 1;
    edit.edit.lines = {line};
    edit.edit.endings = {text->ending(row.rule.line - 1)};
    edit.description = tr("Change the type of the rule on line %1 to %2").arg(row.rule.line).arg(type);
    return edit;
}

std::optional<HbaEdit> HbaRulesModel::fieldEdit(int rowIndex, int column, const QString &value, QString *error) const
{
    const TextDocument *text = m_document->text();
    if (!text || rowIndex < 0 || rowIndex >= m_rows.size()
        || !flags(index(rowIndex, column)).testFlag(Qt::ItemIsEditable)) {
        if (error)
            *error = tr("This cell cannot be edited here; use the Source tab.");
        return std::nullopt;
    }
    const Row &row = m_rows.at(rowIndex);
    const QString newText = value.trimmed();
    if (newText.isEmpty() && column != OptionsColumn && column != CommentColumn) {
        if (error)
            *error = tr("The field cannot be empty.");
        return std::nullopt;
    }
    std::optional<HbaEdit> edit;
    switch (column) {
    case TypeColumn:
        if (hasAddress(newText) != (row.rule.type != HbaConnectionType::Local) && connectionTypes().contains(newText))
            edit = retypeEdit(row, newText);
        else
            edit = HbaEditor::editField(*text, row.rule, HbaField::Type, newText);
        break;
    case DatabaseColumn:
        edit = HbaEditor::editField(*text, row.rule, HbaField::Database, newText);
        break;
    case UserColumn:
        edit = HbaEditor::editField(*text, row.rule, HbaField::User, newText);
        break;
    case AddressColumn: {
        HbaRule merged = row.rule; // address and netmask columns are edited as one
        if (merged.netmaskSpan.isValid())
            merged.addressSpan.end = merged.netmaskSpan.end;
        edit = HbaEditor::editField(*text, merged, HbaField::Address, newText);
        break;
    }
    case MethodColumn:
        edit = HbaEditor::editField(*text, row.rule, HbaField::Method, newText);
        break;
    case OptionsColumn:
        edit = HbaEditor::editField(*text, row.rule, HbaField::Options, newText);
        if (edit && newText.isEmpty() && !edit->edit.lines.isEmpty()) {
            // No options any more: drop the blank that separated them from the method.
            const int at = row.rule.methodSpan.end.column - 1;
            QByteArray &content = edit->edit.lines.first();
            int blanks = 0;
            while (at + blanks < content.size() && isBlank(content.at(at + blanks)))
                ++blanks;
            if (at + blanks >= content.size())
                content.truncate(at);
        }
        break;
    case CommentColumn:
        edit = HbaEditor::setComment(*text, row.rule, newText);
        break;
    }
    if (!edit) {
        if (error)
            *error = tr("This field cannot be edited here; use the Source tab.");
        return std::nullopt;
    }
    // The engine judges the new line as the server would.
    QByteArray candidate;
    for (const QByteArray &line : std::as_const(edit->edit.lines))
        candidate += line + '\n';
    const HbaFile parsed = parse(candidate);
    if (parsed.rules.size() != 1 || parsed.rules.first().hasError()) {
        if (error)
            *error = parsed.rules.size() == 1 ? parsed.rules.first().error : tr("This does not make one rule.");
        return std::nullopt;
    }
    if (column == CommentColumn)
        return edit; // HbaEditor's own description says what happened
    static const QStringList names {u"type"_s, u"databases"_s, u"users"_s, u"address"_s, u"method"_s, u"options"_s};
    edit->description = tr("Set the %1 of the rule on line %2 to \"%3\"")
                            .arg(names.value(column), QString::number(row.rule.line), newText);
    return edit;
}

QString HbaRulesModel::validate(int rowIndex, int column, const QString &text) const
{
    QString error;
    fieldEdit(rowIndex, column, text, &error);
    return error;
}

bool HbaRulesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    if (value.toString().trimmed() == fieldText(index.row(), index.column()))
        return false;
    QString error;
    const std::optional<HbaEdit> edit = fieldEdit(index.row(), index.column(), value.toString(), &error);
    if (!edit) {
        Q_EMIT editRefused(error);
        return false;
    }
    Q_EMIT editRequested({*edit}, edit->description, m_rows.at(index.row()).rule.line);
    return true;
}

void HbaRulesModel::setHighlightedLine(int line)
{
    if (line == m_highlightedLine)
        return;
    const int before = rowForLine(m_highlightedLine);
    m_highlightedLine = line;
    const int after = rowForLine(line);
    for (const int row : {before, after}) {
        if (row >= 0)
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1), {Qt::BackgroundRole, HighlightedRole});
    }
}

Qt::DropActions HbaRulesModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions HbaRulesModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

QStringList HbaRulesModel::mimeTypes() const
{
    return {rowsMimeType};
}

QMimeData *HbaRulesModel::mimeData(const QModelIndexList &indexes) const
{
    QList<int> rows;
    for (const QModelIndex &index : indexes) {
        if (index.isValid() && !rows.contains(index.row()))
            rows.append(index.row());
    }
    std::sort(rows.begin(), rows.end());
    QByteArray encoded;
    QDataStream stream(&encoded, QIODevice::WriteOnly);
    stream << m_document->relativePath() << rows;
    auto *data = new QMimeData;
    data->setData(rowsMimeType, encoded);
    return data;
}

bool HbaRulesModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                    const QModelIndex &parent) const
{
    Q_UNUSED(row);
    Q_UNUSED(column);
    Q_UNUSED(parent);
    return action == Qt::MoveAction && data && data->hasFormat(rowsMimeType);
}

bool HbaRulesModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                 const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    QByteArray encoded = data->data(rowsMimeType);
    QDataStream stream(&encoded, QIODevice::ReadOnly);
    QString path;
    QList<int> rows;
    stream >> path >> rows;
    if (path != m_document->relativePath() || rows.size() != 1 || rows.first() < 0 || rows.first() >= m_rows.size())
        return false;
    // Dropped onto a row: before it. Dropped below the last row: to the end.
    int before = row;
    if (before < 0)
        before = parent.isValid() ? parent.row() : int(m_rows.size());
    if (before == rows.first() || before == rows.first() + 1)
        return false;
    Q_EMIT moveRequested(rows.first(), before);
    // False: the page moves the lines itself; the view must not remove the dragged row.
    return false;
}

} // namespace pgdial::ui::editors::hba
