#include "editors/settings/settingsmodel.h"

#include "editors/settings/parameterdocumentation.h"
#include "editors/settings/settingssnapshot.h"
#include "models/displaytext.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QFileInfo>
#include <QFont>
#include <QIcon>
#include <QPalette>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;
using namespace pgdial::core::pgconf;

namespace pgdial::ui::editors::settings {

namespace {

constexpr quintptr categoryId = 0; // internalId of category rows; parameter rows hold category + 1

// postgresql.conf.sample's order of sections: what a DBA reads top to bottom.
int sectionRank(const QString &category)
{
    static const QStringList order = {
        u"File Locations"_s,
        u"Connections and Authentication"_s,
        u"Resource Usage"_s,
        u"Write-Ahead Log"_s,
        u"Replication"_s,
        u"Query Tuning"_s,
        u"Reporting and Logging"_s,
        u"Statistics"_s,
        u"Autovacuum"_s,
        u"Vacuuming"_s,
        u"Client Connection Defaults"_s,
        u"Lock Management"_s,
        u"Version and Platform Compatibility"_s,
        u"Error Handling"_s,
        u"Customized Options"_s,
        u"Developer Options"_s,
        u"Preset Options"_s,
    };
    const QString section = category.section(u" / "_s, 0, 0);
    const qsizetype rank = order.indexOf(section);
    return rank < 0 ? int(order.size()) : int(rank);
}

} // namespace

SettingsModel::SettingsModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

void SettingsModel::setVersion(int major)
{
    beginResetModel();
    m_major = major;
    const ParameterCatalog &catalog = ParameterCatalog::forVersion(major);
    // "Changed since open" survives a change of target version.
    QHash<QString, std::tuple<bool, QString, QString>> baselines;
    for (const Row &row : std::as_const(m_rows))
        baselines.insert(row.info->name.toLower(), {row.baselineSet, row.baseline, row.baselineFile});
    m_rows.clear();
    m_categories.clear();
    m_rowByName.clear();
    QList<const ParameterInfo *> parameters;
    for (const ParameterInfo &info : catalog.parameters())
        parameters.append(&info);
    std::stable_sort(parameters.begin(), parameters.end(), [](const ParameterInfo *a, const ParameterInfo *b) {
        const int rankA = sectionRank(a->category);
        const int rankB = sectionRank(b->category);
        if (rankA != rankB)
            return rankA < rankB;
        if (a->category != b->category)
            return a->category < b->category;
        return a->name.compare(b->name, Qt::CaseInsensitive) < 0;
    });
    QHash<QString, int> categoryByTitle;
    m_positionInCategory.clear();
    for (const ParameterInfo *info : parameters) {
        const QString title = info->category.isEmpty() ? tr("Other") : info->category;
        auto found = categoryByTitle.constFind(title);
        int category = 0;
        if (found == categoryByTitle.constEnd()) {
            category = int(m_categories.size());
            categoryByTitle.insert(title, category);
            m_categories.append(Category {title, {}});
        } else {
            category = *found;
        }
        Row row;
        row.info = info;
        row.category = category;
        if (const auto baseline = baselines.constFind(info->name.toLower()); baseline != baselines.constEnd()) {
            std::tie(row.baselineSet, row.baseline, row.baselineFile) = *baseline;
        }
        updateSearchText(row);
        const int index = int(m_rows.size());
        m_positionInCategory.append(int(m_categories[category].rows.size()));
        m_categories[category].rows.append(index);
        m_rowByName.insert(info->name.toLower(), index);
        m_rows.append(row);
    }
    endResetModel();
}

void SettingsModel::updateSearchText(Row &row)
{
    row.searchText = (row.info->name + u'\n' + row.info->shortDescription + u'\n' + row.info->extraDescription + u'\n'
                      + row.value + (row.flag ? u'\n' + row.flagValue : QString()))
                         .toLower();
}

void SettingsModel::applySnapshot(const SettingsSnapshot &snapshot)
{
    m_topFile = snapshot.analysis.file;
    m_commandLineEnvironment = snapshot.commandLine.environment;
    const EffectiveSettings &effective = snapshot.analysis.effective;
    // The server's -c flags by the catalog's name: the command line may use another case or a
    // legacy alias for the same parameter.
    const ParameterCatalog &catalog = ParameterCatalog::forVersion(m_major);
    QHash<QString, const core::environments::EnvironmentSetting *> flags;
    for (const core::environments::EnvironmentSetting &flag : snapshot.commandLine.settings)
        if (const ParameterInfo *info = catalog.find(flag.name))
            flags.insert(info->name.toLower(), &flag);
    for (int i = 0; i < m_rows.size(); ++i) {
        Row &row = m_rows[i];
        const EffectiveSetting *setting = effective.find(row.info->name);
        // Aliases resolve to their parameter; a custom name never matches a catalog row.
        const bool set = setting && setting->info == row.info;
        const QString value = set ? setting->value : QString();
        const QString file = set ? setting->file : QString();
        const int line = set ? setting->line : 0;
        const QStringList overrides = set ? setting->overrides : QStringList();
        const core::environments::EnvironmentSetting *flag = flags.value(row.info->name.toLower());
        const QString flagValue = flag ? flag->value : QString();
        const QString flagFile = flag ? flag->source.file : QString();
        const int flagLine = flag ? flag->source.line : 0;
        if (row.set == set && row.value == value && row.file == file && row.line == line && row.overrides == overrides
            && row.flag == (flag != nullptr) && row.flagValue == flagValue && row.flagFile == flagFile
            && row.flagLine == flagLine)
            continue;
        row.set = set;
        row.value = value;
        row.file = file;
        row.line = line;
        row.overrides = overrides;
        row.flag = flag != nullptr;
        row.flagValue = flagValue;
        row.flagFile = flagFile;
        row.flagLine = flagLine;
        updateSearchText(row);
        emitRowChanged(i);
    }
}

void SettingsModel::setDiagnostics(const core::base::Diagnostics &diagnostics, const QSet<QString> &files)
{
    QHash<int, Row> fresh;
    for (const core::base::Diagnostic &diagnostic : diagnostics) {
        if (diagnostic.parameter.isEmpty() || !files.contains(diagnostic.file))
            continue;
        const auto found = m_rowByName.constFind(diagnostic.parameter.toLower());
        if (found == m_rowByName.constEnd())
            continue;
        Row &counts = fresh[*found];
        counts.errors += diagnostic.severity == core::base::Severity::Error;
        counts.warnings += diagnostic.severity == core::base::Severity::Warning;
        counts.problems.append(
            u"%1:%2: %3"_s.arg(QFileInfo(diagnostic.file).fileName()).arg(diagnostic.line).arg(diagnostic.message));
    }
    for (int i = 0; i < m_rows.size(); ++i) {
        Row &row = m_rows[i];
        const Row counts = fresh.value(i);
        if (row.errors == counts.errors && row.warnings == counts.warnings && row.problems == counts.problems)
            continue;
        row.errors = counts.errors;
        row.warnings = counts.warnings;
        row.problems = counts.problems;
        emitRowChanged(i);
    }
}

void SettingsModel::markBaseline(const QString &file)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        Row &row = m_rows[i];
        if (!file.isNull() && row.file != file && row.baselineFile != file)
            continue;
        row.baselineFile = row.file;
        if (row.baselineSet == row.set && row.baseline == row.value)
            continue;
        row.baselineSet = row.set;
        row.baseline = row.value;
        emitRowChanged(i);
    }
}

void SettingsModel::emitRowChanged(int rowIndex)
{
    const Row &row = m_rows.at(rowIndex);
    const QModelIndex first = createIndex(m_positionInCategory.at(rowIndex), 0, quintptr(row.category + 1));
    Q_EMIT dataChanged(first, first.siblingAtColumn(ColumnCount - 1));
}

const ParameterInfo *SettingsModel::parameter(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == categoryId)
        return nullptr;
    const Category &category = m_categories.at(int(index.internalId() - 1));
    return m_rows.at(category.rows.at(index.row())).info;
}

QModelIndex SettingsModel::indexOf(const QString &name, int column) const
{
    const auto found = m_rowByName.constFind(name.toLower());
    if (found == m_rowByName.constEnd())
        return {};
    return createIndex(m_positionInCategory.at(*found), column, quintptr(m_rows.at(*found).category + 1));
}

QString SettingsModel::valueOf(const QString &name) const
{
    const auto found = m_rowByName.constFind(name.toLower());
    if (found == m_rowByName.constEnd())
        return {};
    const Row &row = m_rows.at(*found);
    return row.flag ? row.flagValue : row.value;
}

QString SettingsModel::defaultText(const ParameterInfo &info) const
{
    return ParameterDocumentation::defaultValue(info);
}

QModelIndex SettingsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_categories.size() ? createIndex(row, column, categoryId) : QModelIndex();
    if (parent.internalId() != categoryId || parent.row() >= m_categories.size())
        return {};
    if (row >= m_categories.at(parent.row()).rows.size())
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex SettingsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == categoryId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, categoryId);
}

int SettingsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_categories.size());
    if (parent.column() != 0 || parent.internalId() != categoryId)
        return 0;
    return int(m_categories.at(parent.row()).rows.size());
}

int SettingsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant SettingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == categoryId)
        return categoryData(index.row(), index.column(), role);
    const Category &category = m_categories.at(int(index.internalId() - 1));
    const QVariant value = rowData(m_rows.at(category.rows.at(index.row())), index.column(), role);
    // A view lays out whatever it is given on the UI thread: a huge value or a list of 100,000
    // overridden lines in a tooltip would hang it.
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return models::DisplayText::elided(value);
    return value;
}

QVariant SettingsModel::categoryData(int category, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn)
            return tr("%1 (%2)").arg(m_categories.at(category).title).arg(m_categories.at(category).rows.size());
        return {};
    case Qt::FontRole: {
        QFont font = QApplication::font();
        font.setBold(true);
        return font;
    }
    case IsCategoryRole:
        return true;
    case CategoryTitleRole:
        return m_categories.at(category).title;
    default:
        return {};
    }
}

QString SettingsModel::sourceText(const Row &row) const
{
    if (!row.set && !row.flag)
        return tr("default");
    // The top file by its name, an include by its path from the top file's folder.
    const QString topFolder = QFileInfo(m_topFile).path();
    QString file = row.file;
    if (!topFolder.isEmpty() && topFolder != u"."_s && file.startsWith(topFolder + u'/'))
        file = file.mid(topFolder.size() + 1);
    const QString fileLine = u"%1:%2"_s.arg(file).arg(row.line);
    if (!row.flag)
        return fileLine;
    // The command line wins; the file's line, when there is one, is named as the loser.
    const QString flag = tr("-c %1:%2").arg(QFileInfo(row.flagFile).fileName()).arg(row.flagLine);
    return row.set ? tr("%1 (overrides %2)").arg(flag, fileLine) : flag;
}

QString SettingsModel::commandLineTooltip(const Row &row) const
{
    QString text = tr("Set on the server's command line of %1 (-c %2=%3 at %4:%5): PostgreSQL applies it over "
                      "postgresql.conf")
                       .arg(m_commandLineEnvironment, row.info->name, row.flagValue, row.flagFile)
                       .arg(row.flagLine);
    text += u'\n'
        + (row.set ? tr("Overridden: %1:%2 sets %3").arg(row.file).arg(row.line).arg(row.value)
                   : tr("postgresql.conf does not set it"));
    return text;
}

QString SettingsModel::tooltip(const Row &row) const
{
    return ParameterDocumentation::tooltip(*row.info);
}

namespace {

QString driftLabel(core::live::DriftState state)
{
    switch (state) {
    case core::live::DriftState::Same:
        return {};
    case core::live::DriftState::Differs:
        return QCoreApplication::translate("pgdial::ui::editors::settings::SettingsModel", "differs");
    case core::live::DriftState::FileOnly:
        return QCoreApplication::translate("pgdial::ui::editors::settings::SettingsModel", "file only");
    case core::live::DriftState::LiveOnly:
        return QCoreApplication::translate("pgdial::ui::editors::settings::SettingsModel", "server only");
    case core::live::DriftState::AutoConfOverride:
        return QCoreApplication::translate("pgdial::ui::editors::settings::SettingsModel", "ALTER SYSTEM");
    case core::live::DriftState::PendingRestart:
        return QCoreApplication::translate("pgdial::ui::editors::settings::SettingsModel", "pending restart");
    }
    return {};
}

} // namespace

const core::live::SettingDrift *SettingsModel::driftOf(const Row &row) const
{
    const auto it = m_drift.constFind(row.info->name.toLower());
    return it == m_drift.cend() ? nullptr : &*it;
}

void SettingsModel::setDrift(const core::live::DriftReport *report)
{
    m_drift.clear();
    m_hasServer = report != nullptr;
    if (report)
        for (const core::live::SettingDrift &setting : report->settings)
            m_drift.insert(setting.name.toLower(), setting);
    for (int category = 0; category < m_categories.size(); ++category) {
        const int rows = int(m_categories.at(category).rows.size());
        if (rows == 0)
            continue;
        const QModelIndex parent = index(category, 0);
        Q_EMIT dataChanged(index(0, ServerColumn, parent), index(rows - 1, ServerColumn, parent));
    }
}

QVariant SettingsModel::serverData(const Row &row, int role) const
{
    const core::live::SettingDrift *drift = driftOf(row);
    if (!drift)
        return role == Qt::ToolTipRole && m_hasServer
            ? QVariant(tr("Neither the file nor the server's configuration sets it: the server's default"))
            : QVariant();
    const QString live = drift->liveValue.value_or(tr("(unknown to the server)"));
    switch (role) {
    case Qt::DisplayRole:
        return drift->state == core::live::DriftState::Same ? live
                                                            : tr("%1 \u2014 %2").arg(live, driftLabel(drift->state));
    case Qt::ToolTipRole: {
        QString where = drift->liveSource;
        if (drift->liveLocation)
            where += u" (%1:%2)"_s.arg(drift->liveLocation->file).arg(drift->liveLocation->line);
        QString text = tr("Server: %1\nFrom: %2").arg(live, where);
        if (drift->state != core::live::DriftState::Same)
            text += u'\n' + tr("State: %1").arg(driftLabel(drift->state));
        if (drift->pendingRestart)
            text += u'\n' + tr("A changed value waits for a server restart");
        return text;
    }
    case Qt::ForegroundRole:
        if (drift->state != core::live::DriftState::Same)
            return QBrush(QColor(0xb0, 0x4a, 0x00));
        return {};
    default:
        return {};
    }
}

QVariant SettingsModel::rowData(const Row &row, int column, int role) const
{
    const ParameterInfo &info = *row.info;
    if (column == ServerColumn && (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == Qt::ForegroundRole))
        return serverData(row, role);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return info.name;
        case ValueColumn:
            return row.flag ? row.flagValue : row.set ? row.value : defaultText(info);
        case UnitColumn:
            return info.unit;
        case DefaultColumn:
            return defaultText(info);
        case SourceColumn:
            return sourceText(row);
        case ContextColumn:
            // It applies nowhere: the server accepts the line and ignores it.
            return info.obsolete ? tr("obsolete") : ParameterDocumentation::contextBadge(info.context);
        case ProblemsColumn:
            return row.errors + row.warnings > 0 ? QVariant(row.errors + row.warnings) : QVariant();
        default:
            return {};
        }
    case Qt::EditRole:
        return column == ValueColumn ? rowData(row, column, EditValueRole) : QVariant();
    case EditValueRole:
        return row.flag ? row.flagValue : row.set ? row.value : defaultText(info);
    case Qt::CheckStateRole:
        if (column == ValueColumn && info.type == ParameterType::Bool) {
            const QString value = (row.flag ? row.flagValue : row.set ? row.value : info.bootValue).toLower();
            const bool on = value == u"on"_s || value == u"true"_s || value == u"yes"_s || value == u"1"_s
                || value == u"t"_s || value == u"y"_s;
            return on ? Qt::Checked : Qt::Unchecked;
        }
        return {};
    case Qt::ForegroundRole:
        // Values that only come from the default read as such.
        if (!row.set && !row.flag && (column == ValueColumn || column == SourceColumn))
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::FontRole:
        if (((row.set || row.flag) && (column == NameColumn || column == ValueColumn))
            || (info.hidden && column == NameColumn)) {
            QFont font = QApplication::font();
            font.setBold(row.set || row.flag);
            font.setItalic(info.hidden); // not a parameter the server lists: reads as an aside
            return font;
        }
        return {};
    case Qt::DecorationRole:
        if (column == ProblemsColumn && row.errors > 0)
            return QIcon(u":/icons/error.svg"_s);
        if (column == ProblemsColumn && row.warnings > 0)
            return QIcon(u":/icons/warning.svg"_s);
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case NameColumn:
            return tooltip(row);
        case ValueColumn: {
            if (row.flag)
                return tr("Change it at %1:%2: the server's -c flag wins over postgresql.conf")
                    .arg(row.flagFile)
                    .arg(row.flagLine);
            const QString allowed = ParameterDocumentation::allowedValues(info);
            return allowed.isEmpty() ? QVariant() : QVariant(tr("Allowed: %1").arg(allowed));
        }
        case SourceColumn:
            if (row.flag)
                return commandLineTooltip(row);
            if (!row.set)
                return tr("Not set in the configuration: the server uses its default");
            return row.overrides.isEmpty()
                ? row.file + u':' + QString::number(row.line)
                : tr("%1:%2, overriding %3").arg(row.file).arg(row.line).arg(row.overrides.join(u", "_s));
        case ContextColumn:
            return info.obsolete ? ParameterDocumentation::hiddenNote(info)
                                 : ParameterDocumentation::contextDescription(info.context);
        case ProblemsColumn:
            return row.problems.isEmpty() ? QVariant() : QVariant(row.problems.join(u'\n'));
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (column == ProblemsColumn || column == ContextColumn)
            return int(Qt::AlignCenter);
        return {};
    case NameRole:
        return info.name;
    case IsCategoryRole:
        return false;
    case IsSetRole:
        return row.set || row.flag;
    case CommandLineRole:
        return row.flag;
    case HasProblemRole:
        return row.errors + row.warnings > 0;
    case NeedsRestartRole:
        return info.needsRestart();
    case ChangedRole:
        return row.set != row.baselineSet || row.value != row.baseline;
    case SearchTextRole:
        return row.searchText;
    case ParameterTypeRole:
        return int(info.type);
    case FileRole:
        return row.flag ? row.flagFile : row.file;
    case LineRole:
        return row.flag ? row.flagLine : row.line;
    case ContextRole:
        return int(info.context);
    case DriftStateRole: {
        const core::live::SettingDrift *drift = driftOf(row);
        return drift ? int(drift->state) : -1;
    }
    case IsHiddenRole:
        return info.hidden;
    case IsObsoleteRole:
        return info.obsolete;
    default:
        return {};
    }
}

bool SettingsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const ParameterInfo *info = parameter(index);
    if (!info || index.column() != ValueColumn || !info->isSettableInFile())
        return false;
    if (role == Qt::CheckStateRole && info->type == ParameterType::Bool) {
        const bool on = value.toInt() == Qt::Checked;
        Q_EMIT editRequested(info->name, on ? u"on"_s : u"off"_s);
        return false; // the new value arrives with the document's change
    }
    if (role == Qt::EditRole) {
        Q_EMIT editRequested(info->name, value.toString());
        return false;
    }
    return false;
}

Qt::ItemFlags SettingsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.internalId() == categoryId)
        return Qt::ItemIsEnabled;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    const ParameterInfo *info = parameter(index);
    // A value the server's command line sets is changed there: an edit of postgresql.conf would
    // not reach the server.
    const bool fromCommandLine = info && m_rows.at(m_rowByName.value(info->name.toLower())).flag;
    if (index.column() == ValueColumn && info && info->isSettableInFile() && !fromCommandLine) {
        flags |= info->type == ParameterType::Bool ? Qt::ItemIsUserCheckable : Qt::ItemIsEditable;
    }
    return flags;
}

QVariant SettingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Parameter");
    case ValueColumn:
        return tr("Value");
    case UnitColumn:
        return tr("Unit");
    case DefaultColumn:
        return tr("Default");
    case SourceColumn:
        return tr("Source");
    case ContextColumn:
        return tr("Applies");
    case ProblemsColumn:
        return tr("Issues");
    case ServerColumn:
        return tr("Server");
    default:
        return {};
    }
}

} // namespace pgdial::ui::editors::settings
