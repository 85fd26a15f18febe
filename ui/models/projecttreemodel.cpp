#include "models/projecttreemodel.h"

#include "project/project.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace pgdial::ui::models {

ProjectTreeModel::ProjectTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

ProjectTreeModel::~ProjectTreeModel() = default;

void ProjectTreeModel::setProject(std::shared_ptr<const core::project::Project> project)
{
    beginResetModel();
    m_project = std::move(project);
    m_groups.clear();
    m_modified.clear();
    if (m_project) {
        for (int k = 0; k < core::project::fileKindCount; ++k) {
            Group group {static_cast<core::project::FileKind>(k), {}};
            for (const auto &file : m_project->files()) {
                if (file->kind == group.kind)
                    group.files.append(file);
            }
            if (!group.files.isEmpty())
                m_groups.append(group);
        }
    }
    endResetModel();
}

void ProjectTreeModel::setProblemCounts(const QHash<QString, std::pair<int, int>> &errorsAndWarnings)
{
    m_problems = errorsAndWarnings;
    for (int g = 0; g < m_groups.size(); ++g) {
        const QModelIndex group = index(g, 0);
        if (!m_groups.at(g).files.isEmpty())
            Q_EMIT dataChanged(index(0, 0, group), index(static_cast<int>(m_groups.at(g).files.size()) - 1, 0, group));
    }
}

void ProjectTreeModel::setModified(const QString &relativePath, bool modified)
{
    if (modified == m_modified.contains(relativePath))
        return;
    if (modified)
        m_modified.insert(relativePath);
    else
        m_modified.remove(relativePath);
    const QModelIndex changed = indexForPath(relativePath);
    if (changed.isValid())
        Q_EMIT dataChanged(changed, changed);
}

QModelIndex ProjectTreeModel::indexForPath(const QString &relativePath) const
{
    for (int g = 0; g < m_groups.size(); ++g) {
        const auto &files = m_groups.at(g).files;
        for (int f = 0; f < files.size(); ++f) {
            if (files.at(f)->relativePath == relativePath)
                return index(f, 0, index(g, 0));
        }
    }
    return {};
}

QModelIndex ProjectTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, 0, groupTag) : QModelIndex();
    if (parent.internalId() != groupTag || parent.row() >= m_groups.size())
        return {};
    if (row >= m_groups.at(parent.row()).files.size())
        return {};
    return createIndex(row, 0, static_cast<quintptr>(parent.row()));
}

QModelIndex ProjectTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == groupTag)
        return {};
    return createIndex(static_cast<int>(child.internalId()), 0, groupTag);
}

int ProjectTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_groups.size());
    if (parent.column() != 0 || parent.internalId() != groupTag)
        return 0;
    return static_cast<int>(m_groups.at(parent.row()).files.size());
}

int ProjectTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

Qt::ItemFlags ProjectTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable
        | (index.internalId() == groupTag ? Qt::NoItemFlags : Qt::ItemNeverHasChildren);
}

QVariant ProjectTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == groupTag)
        return groupData(m_groups.at(index.row()), role);
    const Group &group = m_groups.at(static_cast<int>(index.internalId()));
    return fileData(*group.files.at(index.row()), role);
}

QVariant ProjectTreeModel::groupData(const Group &group, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return core::project::fileKindDisplayName(group.kind);
    case Qt::DecorationRole:
        return QIcon::fromTheme(u"folder"_s, QIcon(u":/icons/folder.svg"_s));
    case KindRole:
        return static_cast<int>(group.kind);
    case IsGroupRole:
        return true;
    default:
        return {};
    }
}

QVariant ProjectTreeModel::fileData(const core::project::ProjectFile &file, int role) const
{
    const auto problems = m_problems.value(file.relativePath, {0, 0});
    switch (role) {
    case Qt::DisplayRole: {
        QString text = QFileInfo(file.relativePath).fileName();
        if (m_modified.contains(file.relativePath))
            text += u" \u2022"_s;
        if (problems.first > 0)
            text += u"  \u2716 "_s + QString::number(problems.first);
        if (problems.second > 0)
            text += u"  \u26A0 "_s + QString::number(problems.second);
        return text;
    }
    case Qt::ToolTipRole: {
        QString tip = file.relativePath + u"\n"_s + file.absolutePath;
        if (m_modified.contains(file.relativePath))
            tip += u"\n"_s + tr("Unsaved changes");
        if (!file.isLoaded())
            tip += u"\n"_s + tr("Not loaded: see the Problems panel");
        else if (problems.first + problems.second > 0)
            tip += u"\n"_s + tr("%n error(s)", nullptr, problems.first) + u", "_s
                + tr("%n warning(s)", nullptr, problems.second);
        return tip;
    }
    case Qt::DecorationRole:
        if (!file.isLoaded() || problems.first > 0)
            return QIcon(u":/icons/error.svg"_s);
        if (problems.second > 0)
            return QIcon(u":/icons/warning.svg"_s);
        return QIcon(u":/icons/file.svg"_s);
    case RelativePathRole:
        return file.relativePath;
    case FolderRole: {
        const qsizetype slash = file.relativePath.lastIndexOf(u'/');
        return slash < 0 ? QString() : file.relativePath.left(slash);
    }
    case ModifiedRole:
        return m_modified.contains(file.relativePath);
    case KindRole:
        return static_cast<int>(file.kind);
    case IsGroupRole:
        return false;
    default:
        return {};
    }
}

} // namespace pgdial::ui::models
