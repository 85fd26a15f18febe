#pragma once

#include <QSet>
#include <QString>
#include <QStyledItemDelegate>

#include <optional>

namespace pgdial::core::pgconf {
struct ParameterInfo;
}

namespace pgdial::ui::editors::settings {

// Typed editors for the settings table's value column: a number with a unit chooser for memory
// and time parameters, a combo for enums, a line edit with the range as a hint otherwise
// (booleans are check boxes in the model). A value the server would refuse is not committed:
// the editor stays open and `refused` carries the server's own message. Also paints the
// "restart / reload" badges.
class SettingsDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDelegate)

public:
    explicit SettingsDelegate(QObject *parent = nullptr);

    // The target major, for the value check's wording.
    void setMajor(int major) { m_major = major; }
    // The server's build features (ProjectSettings::serverBuildFeatures): enum pickers offer a
    // build-dependent value (lz4, zstd, io_uring, ...) only when the build has it, and mark it
    // as build-dependent while the build is unknown (nullopt).
    void setBuildFeatures(std::optional<QSet<QString>> features) { m_buildFeatures = std::move(features); }
    const std::optional<QSet<QString>> &buildFeatures() const { return m_buildFeatures; }

    // What an enum picker offers: each value with the build feature it needs (empty: none).
    struct EnumChoice
    {
        QString value;
        QString feature;
    };
    static QList<EnumChoice> enumChoices(const core::pgconf::ParameterInfo &info,
                                         const std::optional<QSet<QString>> &buildFeatures);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The text the editor holds, and the server's verdict on it (empty when accepted).
    static QString editorText(const QWidget *editor);
    QString problemWith(const core::pgconf::ParameterInfo &info, const QString &value) const;

Q_SIGNALS:
    void refused(const QString &message) const;

protected:
    bool eventFilter(QObject *object, QEvent *event) override;

private:
    int m_major = 17;
    std::optional<QSet<QString>> m_buildFeatures;
};

} // namespace pgdial::ui::editors::settings
