#pragma once

#include <QChartView>
#include <QList>
#include <QString>

class QBarCategoryAxis;
class QBarSet;
class QLineSeries;
class QStackedBarSeries;
class QValueAxis;

namespace pgdial::ui::tools::pool {

// The connection budget as a stacked bar per configuration (the project's pools now, the
// recommended ones): superuser_reserved_connections, reserved_connections (16+), the app's pools
// (processes x pool_size) and overflow (processes x max_overflow), then one segment per other
// client of the server (Temporal, the backup role, clients added by hand); a dashed line at
// max_connections; whatever lies above that line is cut from the top of the bar into a red
// "over the limit" segment. Colours follow the palette (dark or light).
class PoolBudgetChart final : public QChartView
{
    Q_OBJECT

public:
    struct Bar
    {
        QString label; // "Now (config.yaml)", "Recommended"
        int pools = 0; // processes x pool_size
        int overflow = 0; // processes x max_overflow
        QList<QPair<QString, int>> clients; // every other client: name, connections (one segment each)
    };
    struct Budget
    {
        int maxConnections = 100;
        int superuserReserved = 3;
        int reserved = 0; // 0 before PostgreSQL 16
        QList<Bar> bars;
    };

    // The fixed sets, bottom to top (the clients' sets lie between Overflow and OverLimit); their
    // objectNames are the keys tests look them up by.
    enum Segment { SuperuserReserved, Reserved, Pools, Overflow, OverLimit, SegmentCount };

    explicit PoolBudgetChart(QWidget *parent = nullptr);

    void setBudget(const Budget &budget);
    const Budget &budget() const { return m_budget; }
    QBarSet *barSet(Segment segment) const { return m_sets.at(segment); }
    // One set per other client, in the order of the first bar that names it (objectName
    // "client:NAME", label the client's name).
    const QList<QBarSet *> &clientSets() const { return m_clientSets; }
    qreal clientsTotal(int bar) const; // the clients' segments of one bar, below the limit
    QLineSeries *limitLine() const { return m_limit; }

protected:
    void changeEvent(QEvent *event) override;

private:
    Budget m_budget;
    QStackedBarSeries *m_series;
    QList<QBarSet *> m_sets;
    QList<QBarSet *> m_clientSets;
    QLineSeries *m_limit;
    QBarCategoryAxis *m_categories;
    QValueAxis *m_values;
    QValueAxis *m_limitX; // hidden: spans the line across the plot

    void applyPalette();
    void setClientNames(const QStringList &names);
};

} // namespace pgdial::ui::tools::pool
