#pragma once

#include <QTabWidget>

#include <memory>

namespace pgdial::core {
struct ProjectFile;
}

namespace pgdial::ui {

// The centre of the window: one tab per open file. Opening a file that is already open
// switches to its tab; the tab's tooltip is the file's full path.
class EditorArea final : public QTabWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditorArea)

public:
    explicit EditorArea(QWidget *parent = nullptr);

    void openFile(const std::shared_ptr<const core::ProjectFile> &file, int line = 0, int column = 0);
    void closeAll();
    QString currentPath() const;
    QWidget *editorFor(const QString &relativePath) const;

Q_SIGNALS:
    void currentPathChanged(const QString &relativePath);

private:
    int tabFor(const QString &relativePath) const;
};

} // namespace pgdial::ui
