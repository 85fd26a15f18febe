#pragma once

#include "project/filekind.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>
#include <QSet>

#include <memory>

namespace pgdial::core::project {
class Project;
struct ProjectFile;
} // namespace pgdial::core::project

namespace pgdial::ui::models {

// The project's files grouped by kind: "Server settings" > postgresql.conf (its folder in FolderRole
// and the tooltip, so long paths stay readable). Group rows exist only for kinds the project has.
// Files carry their problem counts and an unsaved-changes marker.
class ProjectTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectTreeModel)

public:
    enum Role {
        RelativePathRole = Qt::UserRole + 1, // QString, files only
        KindRole, // int (core::FileKind), groups and files
        IsGroupRole, // bool
        FolderRole, // QString, files only: the folder part of the path ("" at the root)
        ModifiedRole, // bool, files only: unsaved changes
    };

    explicit ProjectTreeModel(QObject *parent = nullptr);
    ~ProjectTreeModel() override;

    void setProject(std::shared_ptr<const core::project::Project> project);
    // Problem counts per relative path, shown as a badge and in the tooltip.
    void setProblemCounts(const QHash<QString, std::pair<int, int>> &errorsAndWarnings);

    // Marks a file as having unsaved changes (a "•" after its name).
    void setModified(const QString &relativePath, bool modified);

    QModelIndex indexForPath(const QString &relativePath) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Group
    {
        core::project::FileKind kind;
        QList<std::shared_ptr<const core::project::ProjectFile>> files;
    };

    std::shared_ptr<const core::project::Project> m_project;
    QList<Group> m_groups;
    QHash<QString, std::pair<int, int>> m_problems;
    QSet<QString> m_modified;

    static constexpr quintptr groupTag = ~quintptr(0);
    QVariant groupData(const Group &group, int role) const;
    QVariant fileData(const core::project::ProjectFile &file, int role) const;
};

} // namespace pgdial::ui::models
