#pragma once

#include "probe/probereport.h"

#include <QAbstractItemModel>
#include <QJsonArray>

#include <memory>
#include <vector>

namespace pgdial::ui::tools::connectiontester {

// The stages of one probe as a tree: one top-level row per stage (name, status icon, duration,
// detail); its children are the stage's facts, one per line, and for the tls stage the server's
// certificate chain (each certificate with subject, SANs, issuer, validity with days left, key
// type). While a probe runs, stages not reported yet show as pending.
class ProbeTimelineModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, StatusColumn, TimeColumn, DetailColumn, ColumnCount };
    enum Role {
        StatusRole = Qt::UserRole + 1, // int: StageStatus, or -1 while pending
        StageNameRole, // the stage's stable name ("tls") on its row and every child
        SpannedRole, // bool: the row is one line of text for the whole width
    };

    explicit ProbeTimelineModel(QObject *parent = nullptr);
    ~ProbeTimelineModel() override;

    // Every stage pending (a probe starts).
    void start();
    // One stage reported: replaces the row of that name (appends it when unknown).
    void setStage(const core::probe::ProbeStage &stage);
    // A whole report (from the history, or a finished probe).
    void setReport(const core::probe::ProbeReport &report);
    void clear();

    QModelIndex stageIndex(const QString &name) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QStringList stageNames();
    static QString stageTitle(const QString &name);
    // "valid until 2026-11-26 (1 day left)", "expired 3 days ago"
    static QString validityText(const QString &notBefore, const QString &notAfter);

private:
    struct Node
    {
        QString texts[ColumnCount];
        int status = -1;
        bool spanned = false;
        QString stage;
        Node *parent = nullptr;
        std::vector<std::unique_ptr<Node>> children;

        Node *add(const QString &name, const QString &detail = {});
        int row() const;
    };

    Node m_root;

    Node *nodeFor(const QModelIndex &index) const;
    std::unique_ptr<Node> buildStage(const core::probe::ProbeStage &stage) const;
    void addChain(Node *parent, const QJsonArray &chain) const;
    static void markStage(Node *node, const QString &stage);
};

} // namespace pgdial::ui::tools::connectiontester
