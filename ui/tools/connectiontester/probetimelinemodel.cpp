#include "tools/connectiontester/probetimelinemodel.h"

#include <QApplication>
#include <QDateTime>
#include <QIcon>
#include <QJsonObject>
#include <QPalette>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace pgdial::ui::tools::connectiontester {

using core::probe::ProbeReport;
using core::probe::ProbeStage;
using core::probe::StageStatus;

ProbeTimelineModel::Node *ProbeTimelineModel::Node::add(const QString &name, const QString &detail)
{
    auto child = std::make_unique<Node>();
    child->texts[NameColumn] = name;
    child->texts[DetailColumn] = detail;
    child->spanned = detail.isEmpty();
    child->parent = this;
    child->stage = stage;
    children.push_back(std::move(child));
    return children.back().get();
}

int ProbeTimelineModel::Node::row() const
{
    if (!parent)
        return 0;
    for (size_t i = 0; i < parent->children.size(); ++i)
        if (parent->children[i].get() == this)
            return int(i);
    return 0;
}

ProbeTimelineModel::ProbeTimelineModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

ProbeTimelineModel::~ProbeTimelineModel() = default;

QStringList ProbeTimelineModel::stageNames()
{
    return {u"parse"_s, u"resolve"_s, u"tcp"_s, u"tls"_s, u"auth"_s, u"session"_s, u"checks"_s};
}

QString ProbeTimelineModel::stageTitle(const QString &name)
{
    if (name == u"parse")
        return tr("Parse");
    if (name == u"resolve")
        return tr("Resolve");
    if (name == u"tcp")
        return tr("TCP");
    if (name == u"tls")
        return tr("TLS");
    if (name == u"auth")
        return tr("Authentication");
    if (name == u"session")
        return tr("Session");
    if (name == u"checks")
        return tr("Checks");
    return name;
}

QString ProbeTimelineModel::validityText(const QString &notBefore, const QString &notAfter)
{
    const QDateTime from = QDateTime::fromString(notBefore, Qt::ISODate);
    const QDateTime until = QDateTime::fromString(notAfter, Qt::ISODate);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!until.isValid())
        return tr("unknown validity");
    if (from.isValid() && from > now)
        return tr("not valid before %1").arg(from.toString(u"yyyy-MM-dd HH:mm"_s));
    const qint64 days = now.daysTo(until);
    const QString date = until.toString(u"yyyy-MM-dd"_s);
    if (until < now)
        return tr("expired on %1 (%n day(s) ago)", nullptr, int(-days)).arg(date);
    return tr("valid until %1 (%n day(s) left)", nullptr, int(days)).arg(date);
}

void ProbeTimelineModel::markStage(Node *node, const QString &stage)
{
    node->stage = stage;
    for (auto &child : node->children)
        markStage(child.get(), stage);
}

void ProbeTimelineModel::addChain(Node *parent, const QJsonArray &chain) const
{
    Node *chainNode = parent->add(tr("Certificate chain (%n certificate(s))", nullptr, int(chain.size())));
    for (qsizetype i = 0; i < chain.size(); ++i) {
        const QJsonObject certificate = chain.at(i).toObject();
        const QString subject = certificate.value(u"subject"_s).toString();
        Node *node = chainNode->add(i == 0 ? tr("Server certificate") : tr("Issuer %1").arg(i), subject);
        const QStringList sans = certificate.value(u"san"_s).toVariant().toStringList();
        node->add(tr("Subject"), subject);
        node->add(tr("Alternative names"), sans.isEmpty() ? tr("none") : sans.join(u", "_s));
        node->add(tr("Issuer"), certificate.value(u"issuer"_s).toString());
        node->add(tr("Validity"),
                  tr("%1 to %2: %3")
                      .arg(certificate.value(u"not_before"_s).toString(), certificate.value(u"not_after"_s).toString(),
                           validityText(certificate.value(u"not_before"_s).toString(),
                                        certificate.value(u"not_after"_s).toString())));
        node->add(tr("Key"), certificate.value(u"key"_s).toString());
    }
}

std::unique_ptr<ProbeTimelineModel::Node> ProbeTimelineModel::buildStage(const ProbeStage &stage) const
{
    auto node = std::make_unique<Node>();
    node->texts[NameColumn] = stageTitle(stage.name);
    node->texts[StatusColumn] = core::probe::stageStatusId(stage.status);
    node->texts[TimeColumn]
        = stage.status == StageStatus::Skipped && stage.ms == 0 ? QString() : tr("%1 ms").arg(stage.ms);
    node->texts[DetailColumn] = stage.detail;
    node->status = int(stage.status);
    const QJsonArray perAddress = stage.facts.value(u"addresses"_s).toArray();
    if (stage.name == u"tls" && perAddress.size() > 1) {
        for (const QJsonValue &value : perAddress) {
            const QJsonObject address = value.toObject();
            Node *child = node->add(address.value(u"address"_s).toString(), address.value(u"detail"_s).toString());
            child->texts[StatusColumn] = address.value(u"status"_s).toString();
            child->status = int(core::probe::stageStatusFromId(address.value(u"status"_s).toString()));
            for (const QJsonValue &line : address.value(u"lines"_s).toArray())
                child->add(line.toString());
            const QJsonArray chain = address.value(u"chain"_s).toArray();
            if (!chain.isEmpty())
                addChain(child, chain);
        }
    } else {
        for (const QString &line : stage.lines) {
            // The tls stage's one-line certificate summaries are shown as the chain tree instead.
            if (stage.name == u"tls" && line.startsWith(u"certificate "_s))
                continue;
            node->add(line);
        }
        const QJsonArray chain = stage.facts.value(u"chain"_s).toArray();
        if (!chain.isEmpty())
            addChain(node.get(), chain);
    }
    markStage(node.get(), stage.name);
    return node;
}

void ProbeTimelineModel::clear()
{
    beginResetModel();
    m_root.children.clear();
    endResetModel();
}

void ProbeTimelineModel::start()
{
    // Rows already there are marked pending in place: a reset would relayout the whole view.
    if (m_root.children.size() == size_t(stageNames().size())) {
        for (const QString &name : stageNames()) {
            ProbeStage pending;
            pending.name = name;
            setStage(pending);
            Node *node = nodeFor(stageIndex(name));
            node->texts[StatusColumn] = tr("pending");
            node->texts[TimeColumn].clear();
            node->texts[DetailColumn].clear();
            node->status = -1;
        }
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_root.children.clear();
    for (const QString &name : stageNames()) {
        Node *node = m_root.add(stageTitle(name));
        node->spanned = false;
        node->texts[StatusColumn] = tr("pending");
        node->status = -1;
        node->stage = name;
    }
    endResetModel();
}

void ProbeTimelineModel::setStage(const ProbeStage &stage)
{
    std::unique_ptr<Node> built = buildStage(stage);
    built->parent = &m_root;
    int row = -1;
    for (size_t i = 0; i < m_root.children.size(); ++i)
        if (m_root.children[i]->stage == stage.name)
            row = int(i);
    if (row < 0) {
        const int at = int(m_root.children.size());
        beginInsertRows({}, at, at);
        m_root.children.push_back(std::move(built));
        endInsertRows();
        return;
    }
    Node *existing = m_root.children[size_t(row)].get();
    const QModelIndex parentIndex = createIndex(row, 0, existing);
    if (!existing->children.empty()) {
        beginRemoveRows(parentIndex, 0, int(existing->children.size()) - 1);
        existing->children.clear();
        endRemoveRows();
    }
    for (int c = 0; c < ColumnCount; ++c)
        existing->texts[c] = built->texts[c];
    existing->status = built->status;
    Q_EMIT dataChanged(createIndex(row, 0, existing), createIndex(row, ColumnCount - 1, existing));
    if (!built->children.empty()) {
        beginInsertRows(parentIndex, 0, int(built->children.size()) - 1);
        existing->children = std::move(built->children);
        for (auto &child : existing->children)
            child->parent = existing;
        endInsertRows();
    }
}

void ProbeTimelineModel::setReport(const ProbeReport &report)
{
    beginResetModel();
    m_root.children.clear();
    for (const ProbeStage &stage : report.stages) {
        std::unique_ptr<Node> node = buildStage(stage);
        node->parent = &m_root;
        m_root.children.push_back(std::move(node));
    }
    endResetModel();
}

QModelIndex ProbeTimelineModel::stageIndex(const QString &name) const
{
    for (size_t i = 0; i < m_root.children.size(); ++i)
        if (m_root.children[i]->stage == name)
            return createIndex(int(i), 0, m_root.children[i].get());
    return {};
}

ProbeTimelineModel::Node *ProbeTimelineModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : const_cast<Node *>(&m_root);
}

QModelIndex ProbeTimelineModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node *node = nodeFor(parent);
    return createIndex(row, column, node->children[size_t(row)].get());
}

QModelIndex ProbeTimelineModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *node = static_cast<Node *>(child.internalPointer());
    Node *parent = node->parent;
    if (!parent || parent == &m_root)
        return {};
    return createIndex(parent->row(), 0, parent);
}

int ProbeTimelineModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int ProbeTimelineModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ProbeTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeFor(index);
    switch (role) {
    case Qt::DisplayRole:
        return node->texts[index.column()];
    case Qt::ToolTipRole:
        return node->texts[DetailColumn].isEmpty() ? node->texts[NameColumn] : node->texts[DetailColumn];
    case Qt::DecorationRole: {
        if (index.column() != NameColumn || node->texts[StatusColumn].isEmpty())
            return {};
        QStyle *style = QApplication::style();
        switch (node->status) {
        case int(StageStatus::Ok):
            return style->standardIcon(QStyle::SP_DialogApplyButton);
        case int(StageStatus::Fail):
            return style->standardIcon(QStyle::SP_MessageBoxCritical);
        case int(StageStatus::Warn):
            return style->standardIcon(QStyle::SP_MessageBoxWarning);
        case int(StageStatus::Skipped):
            return style->standardIcon(QStyle::SP_MediaSkipForward);
        default:
            return style->standardIcon(QStyle::SP_BrowserReload);
        }
    }
    case Qt::ForegroundRole:
        if (node->status == int(StageStatus::Skipped) || (node->status == -1 && !node->texts[StatusColumn].isEmpty()))
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case StatusRole:
        return node->status;
    case StageNameRole:
        return node->stage;
    case SpannedRole:
        return node->spanned;
    default:
        return {};
    }
}

QVariant ProbeTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Stage");
    case StatusColumn:
        return tr("Status");
    case TimeColumn:
        return tr("Time");
    case DetailColumn:
        return tr("Detail");
    default:
        return {};
    }
}

} // namespace pgdial::ui::tools::connectiontester
